//! Cutting the set blocks into pages: articles start on a new page, headings
//! keep with what follows, and no paragraph leaves a single line alone at
//! the foot or the head of a page. One pass over the blocks, so a thousand
//! pages cost a thousand times one.

/// What pagination needs to know about a set block.
pub(super) struct Extent {
    /// Number of lines.
    pub(super) lines: usize,
    /// Baseline-to-baseline distance, points.
    pub(super) pitch: f32,
    /// Space above and below, points.
    pub(super) before: f32,
    pub(super) after: f32,
    pub(super) keep_with_next: bool,
    /// Starts a new article.
    pub(super) article_start: bool,
}

/// A line placed on a page: block, line, and the top of its line box
/// measured down from the top of the type area.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed {
    pub(super) block: usize,
    pub(super) line: usize,
    pub(super) top: f32,
}

/// Lays out blocks on pages of type-area height `height`. Returns the
/// lines of each page.
pub(super) fn paginate(
    blocks: &[Extent],
    height: f32,
    new_page_per_article: bool,
) -> Vec<Vec<Placed>> {
    let need = keep_needs(blocks, height);
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = 0.0f32;
    for (b, blk) in blocks.iter().enumerate() {
        let empty = pages.last().is_none_or(Vec::is_empty);
        if blk.article_start && new_page_per_article && !empty {
            pages.push(Vec::new());
            y = 0.0;
        }
        let empty = pages.last().is_none_or(Vec::is_empty);
        let before = if empty { 0.0 } else { blk.before };
        if !empty && y + before + need[b] > height + 0.01 {
            pages.push(Vec::new());
            y = 0.0;
        } else {
            y += before;
        }
        let mut line = 0;
        while line < blk.lines {
            let left = blk.lines - line;
            let room = ((height - y + 0.01) / blk.pitch).floor().max(0.0) as usize;
            let mut take = left.min(room);
            if take < left {
                // Widow: never leave one line for the next page.
                if left - take == 1 {
                    take = take.saturating_sub(1);
                }
                // Orphan: never leave one line at the foot of this page.
                if take == 1 && line == 0 {
                    take = 0;
                }
            }
            let page = pages.last_mut().expect("pages is never empty");
            if take == 0 && page.is_empty() {
                // A line taller than the page: set it anyway.
                take = 1;
            }
            for k in 0..take {
                page.push(Placed {
                    block: b,
                    line: line + k,
                    top: y,
                });
                y += blk.pitch;
            }
            line += take;
            if line < blk.lines {
                pages.push(Vec::new());
                y = 0.0;
            }
        }
        y += blk.after;
    }
    if pages.len() > 1 && pages.last().is_some_and(Vec::is_empty) {
        pages.pop();
    }
    pages
}

/// For each block, the height that must fit on the page for the block to
/// start there: its first two lines (all of a short block, since three lines
/// cannot be split without a widow or an orphan), or for a heading all of it
/// and what it keeps with. Computed from the end, in one pass.
fn keep_needs(blocks: &[Extent], height: f32) -> Vec<f32> {
    let mut need = vec![0.0f32; blocks.len()];
    for b in (0..blocks.len()).rev() {
        let blk = &blocks[b];
        let first = if blk.lines <= 3 { blk.lines } else { 2 };
        let mut n = first as f32 * blk.pitch;
        if blk.keep_with_next
            && let Some(next) = blocks.get(b + 1)
            && !next.article_start
        {
            let whole = blk.lines as f32 * blk.pitch + blk.after + next.before + need[b + 1];
            if whole <= height * 0.6 {
                n = whole;
            }
        }
        need[b] = n;
    }
    need
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(lines: usize, keep: bool) -> Extent {
        Extent {
            lines,
            pitch: 10.0,
            before: 0.0,
            after: 0.0,
            keep_with_next: keep,
            article_start: false,
        }
    }

    fn shape(pages: &[Vec<Placed>]) -> Vec<Vec<(usize, usize)>> {
        pages
            .iter()
            .map(|p| p.iter().map(|l| (l.block, l.line)).collect())
            .collect()
    }

    #[test]
    fn no_widows_no_orphans() {
        // Page of 5 lines; 4 lines then a 2-line paragraph: the second moves whole.
        let pages = paginate(&[ext(4, false), ext(2, false)], 50.0, true);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0), (0, 1), (0, 2), (0, 3)], vec![(1, 0), (1, 1)]]
        );
        // 5 + 1 would leave a widow: two lines go over.
        let pages = paginate(&[ext(6, false)], 50.0, true);
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), vec![4, 2]);
    }

    #[test]
    fn heading_keeps_with_next() {
        let pages = paginate(&[ext(3, false), ext(1, true), ext(5, false)], 50.0, true);
        // The heading would fit on page one as its fourth line, but not with two lines after it.
        assert_eq!(pages[0].len(), 3);
        assert_eq!(pages[1][0].block, 1);
    }

    #[test]
    fn articles_start_new_pages() {
        let mut second = ext(1, false);
        second.article_start = true;
        let pages = paginate(&[ext(1, false), second], 50.0, true);
        assert_eq!(pages.len(), 2);
    }
}
