//! Cutting the set blocks into pages: articles start on a new page, headings
//! keep with what follows, no paragraph leaves a single line alone at the
//! foot or the head of a page, the bylines, notes and captions that end an
//! article (or a section, before the next heading) never go to a page of
//! their own (two lines of text go with them).
//! So no page but an article's last is under a fifth full: what a heading
//! keeps with is at most 0.6 of a page, and a carried tail leaves at least
//! what stood above the text it takes along.
//! One pass over the blocks, so a thousand pages cost a thousand times one.

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
    /// A byline, note or caption after its article's (or its section's) last
    /// text: it does not start a page unless the last lines of that text go
    /// with it.
    pub(super) tail: bool,
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
            if blk.tail {
                y = carry_over(&mut pages, blocks);
            } else {
                pages.push(Vec::new());
                y = 0.0;
            }
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
                if blk.tail && line == 0 {
                    y = carry_over(&mut pages, blocks);
                    continue;
                }
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
        let mut n = own_need(blk);
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

/// The height of a block's first lines that must stand together: two, or
/// all of a block of three lines or fewer.
fn own_need(blk: &Extent) -> f32 {
    let first = if blk.lines <= 3 { blk.lines } else { 2 };
    first as f32 * blk.pitch
}

/// A tail block (byline, note, caption after an article's text) does not fit
/// on the last page: instead of opening the next page alone, it takes the
/// last lines of the text before it along. Moves the last two lines of the
/// last non-tail block on the page (all its lines there when it has three or
/// fewer, and then the heading it kept with), and the tails after it, onto a
/// new page; returns the depth filled there.
fn carry_over(pages: &mut Vec<Vec<Placed>>, blocks: &[Extent]) -> f32 {
    let last = pages.last_mut().expect("pages is never empty");
    let Some(text_at) = last.iter().rposition(|p| !blocks[p.block].tail) else {
        pages.push(Vec::new());
        return 0.0;
    };
    let text = last[text_at].block;
    let first_here = last.iter().position(|p| p.block == text).unwrap_or(text_at);
    let here = text_at + 1 - first_here;
    // Two lines go over when two stay; else all of it that is here.
    let mut cut = if here >= 4 { text_at - 1 } else { first_here };
    // What kept with the text's start (its heading) goes with it, unless
    // that would empty the page.
    while cut > 0 && last[cut].line == 0 && blocks[last[cut - 1].block].keep_with_next {
        let heading = last[..cut]
            .iter()
            .position(|p| p.block == last[cut - 1].block)
            .unwrap_or(cut - 1);
        if heading == 0 {
            break;
        }
        cut = heading;
    }
    if cut == 0 {
        // Everything on the page is the text and its tail: nothing to gain.
        pages.push(Vec::new());
        return 0.0;
    }
    let moved: Vec<Placed> = last.drain(cut..).collect();
    let mut page = Vec::with_capacity(moved.len());
    let mut y = 0.0f32;
    let mut prev: Option<usize> = None;
    for p in moved {
        if prev.is_some_and(|b| b != p.block) {
            y += blocks[prev.unwrap_or(0)].after + blocks[p.block].before;
        }
        page.push(Placed { top: y, ..p });
        y += blocks[p.block].pitch;
        prev = Some(p.block);
    }
    pages.push(page);
    y + prev.map_or(0.0, |b| blocks[b].after)
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
            tail: false,
        }
    }

    fn tail(lines: usize) -> Extent {
        Extent {
            tail: true,
            ..ext(lines, false)
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

    #[test]
    fn a_tail_takes_the_last_two_lines_of_its_text_along() {
        // A page of 5 lines: a 5-line paragraph fills it, a byline after it
        // would stand alone on page two; two lines go with it.
        let pages = paginate(&[ext(5, false), tail(1)], 50.0, true);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0), (0, 1), (0, 2)], vec![(0, 3), (0, 4), (1, 0)]]
        );
        // Two captions after an editor's note: the note and captions go over with the text.
        let pages = paginate(&[ext(4, false), tail(1), tail(1)], 50.0, true);
        assert_eq!(pages.len(), 2);
        assert!(
            pages[1].iter().any(|p| p.block == 0),
            "the last page holds text: {:?}",
            shape(&pages)
        );
        // The tops on the new page start at zero and follow each other.
        assert_eq!(pages[1][0].top, 0.0);
        assert!(pages[1].windows(2).all(|w| w[1].top > w[0].top));
    }

    #[test]
    fn a_short_text_goes_over_whole_with_its_heading() {
        // 2 lines of text, a heading, a 2-line paragraph, a byline: the page (5
        // lines) cannot hold the byline, so heading and paragraph go with it.
        let pages = paginate(
            &[ext(2, false), ext(1, true), ext(2, false), tail(1)],
            50.0,
            true,
        );
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0), (0, 1)], vec![(1, 0), (2, 0), (2, 1), (3, 0)]]
        );
    }

    #[test]
    fn no_page_under_a_fifth_but_an_articles_last_and_none_of_tails_alone() {
        // Many shapes of articles: text, headings kept with text, tails.
        let mut seed = 0x2545_f491_u32;
        let mut next = |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % n
        };
        for _ in 0..300 {
            let mut blocks = Vec::new();
            for a in 0..3 {
                for k in 0..(2 + next(8)) {
                    let mut e = ext(1 + next(9) as usize, next(4) == 0);
                    e.before = next(2) as f32 * 5.0;
                    e.article_start = a > 0 && k == 0;
                    blocks.push(e);
                }
                blocks.last_mut().unwrap().keep_with_next = false;
                for _ in 0..next(3) {
                    blocks.push(tail(1));
                }
            }
            let pages = paginate(&blocks, 100.0, true);
            for (n, page) in pages.iter().enumerate() {
                let ends_article = pages
                    .get(n + 1)
                    .is_none_or(|p| blocks[p[0].block].article_start && p[0].line == 0);
                let last = page.last().unwrap();
                let depth = last.top + blocks[last.block].pitch;
                assert!(
                    ends_article || depth >= 20.0,
                    "page {n} is {depth} deep: {:?}",
                    shape(&pages)
                );
                assert!(
                    page.iter().any(|p| !blocks[p.block].tail),
                    "page {n} holds only tails: {:?}",
                    shape(&pages)
                );
            }
        }
    }
}
