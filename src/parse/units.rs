//! Lines grouped into units, the lines one block is made of before
//! it is known what the block is. A unit ends where the shape of the text
//! says a line was the last of its block: a sentence ends on a line shorter
//! than the column, the next line is indented as a first line, or the next
//! line carries a cue of its own (a number, a marker, a note).

use super::cues::{self, Cue, Numbering};
use super::lines::Line;
use super::types::{Shape, Unit};
use super::width::LONG_LINE;

/// The longest caption description, in characters.
const CAPTION_LONGEST: u32 = 120;

/// Which lines are the description of a photo credit that follows them:
/// the line before each credit, which then stands alone.
pub fn caption_descriptions(
    shape_lines: &[super::lines::Line<'_>],
    cue_of: &[Cue],
    furniture: &[bool],
) -> Vec<bool> {
    let mut desc = vec![false; shape_lines.len()];
    for i in 0..shape_lines.len() {
        if cue_of[i] != Cue::Credit {
            continue;
        }
        let Some(d) = (0..i).rev().find(|&j| !shape_lines[j].is_blank()) else {
            continue;
        };
        // A caption says what the picture shows in a sentence or two; a
        // longer line is the text the picture was set beside.
        if cue_of[d] == Cue::None
            && !furniture[d]
            && i - d <= 3
            && shape_lines[d].chars <= CAPTION_LONGEST
        {
            desc[d] = true;
        }
    }
    desc
}

/// Whether a line reads as prose (a clause ends in it), not as a title.
fn clause(t: &str) -> bool {
    t.contains(['，', '、', ',', '；', '。'])
}

/// Whether most lines are followed by exactly one blank line (double-spaced extraction).
pub fn double_spaced(lines: &[Line<'_>]) -> bool {
    let (mut text, mut single) = (0usize, 0usize);
    for w in lines.windows(3) {
        if !w[0].is_blank() {
            text += 1;
            single += (w[1].is_blank() && !w[2].is_blank()) as usize;
        }
    }
    text >= 10 && single * 10 >= text * 7
}

/// How much of its column a heading's line fills before it wraps onto a
/// second: a shorter one ended where its words did.
const WRAPPED: f32 = 0.6;

/// How much narrower than the column a first line is (a 2em indent), in ems.
const INDENT: f32 = 2.0;
/// How much narrower than the column a line may be and still count as full:
/// column widths vary by an em or so between pages, and digits and Latin
/// letters are narrower than the half em they are counted as.
const FULL: f32 = 1.5;
/// The same for a line of Han characters and full-width punctuation only.
const FULL_HAN: f32 = 0.75;
/// A line filling less of its column than this is short: a display line
/// (a heading, a title, a label) or a paragraph's last. A heading that
/// wraps reaches across most of the column; a short line after a sentence
/// seldom does.
const SHORT: f32 = 0.75;
/// A headline's label (新华社权威访谈…：) fills less of its column than
/// this: a little longer than a short line, as a label ends in a colon.
const LABEL_SHORT: f32 = 0.8;

impl Shape<'_, '_> {
    fn full(&self, i: usize, first: bool) -> bool {
        let w = self.widths[i];
        let l = &self.lines[i];
        // Han text measures exactly, and a sentence that ends short of a firm
        // column ends its paragraph; digits and Latin letters blur a line's
        // width, and a line cut in mid-sentence lost a character to OCR more
        // likely than it ended a paragraph.
        let column = w - if first { INDENT } else { 0.0 };
        if l.width >= column - FULL_HAN || l.width < column - FULL {
            // The slack makes no difference: the costly checks are skipped.
            return l.width >= column - FULL;
        }
        // Between the two: short only for a Han sentence end in a firm column.
        !(cues::ends_sentence(l.text) && han(l.text) && self.firm(i))
    }

    /// Whether the Han lines around a line fill the column exactly, as
    /// typeset text does; OCR of a ragged or proportional setting does not.
    fn firm(&self, i: usize) -> bool {
        const AROUND: usize = 6;
        let w = self.widths[i];
        let near = |l: &&Line<'_>| !l.is_blank() && l.width >= w - 3.0 && han(l.text);
        // Looked for within a window, so that sparse text costs no more per line.
        const WINDOW: usize = 8 * AROUND;
        let before = self.lines[i.saturating_sub(WINDOW)..i]
            .iter()
            .rev()
            .filter(near)
            .take(AROUND);
        let after = self.lines[i + 1..(i + 1 + WINDOW).min(self.lines.len())]
            .iter()
            .filter(near)
            .take(AROUND);
        let (mut n, mut exact) = (0, 0);
        for l in before.chain(after) {
            n += 1;
            if l.width >= w - 0.25 && l.width <= w + 0.75 {
                exact += 1;
            }
        }
        n >= 6 && exact * 4 >= n * 3
    }

    fn long_mode(&self, i: usize) -> bool {
        self.widths[i] >= LONG_LINE
    }

    /// Whether a line looks like the indented first line of a paragraph:
    /// narrower than the column by about the indent, and than the line after it.
    fn indented(&self, i: usize, prev: usize, prev_first: bool) -> bool {
        let (w, lw) = (self.widths[i], self.lines[i].width);
        let next = self.lines[i + 1..].iter().take(3).find(|l| !l.is_blank());
        let before = self.lines[prev].width + if prev_first { INDENT } else { 0.0 };
        // The line after is wider, or it is the short last line of a
        // two-line paragraph that this line runs on into.
        let after = |c: &Line<'_>| {
            c.width >= lw + 0.75
                || (!cues::ends_open(self.lines[i].text) && cues::ends_sentence(c.text))
        };
        lw >= w - INDENT - 1.0 && lw < w - 0.75 && before >= lw + 0.75 && next.is_none_or(after)
    }

    /// Whether a line after the end of a sentence is a display line: too
    /// short to be followed by more of its paragraph, yet without the
    /// punctuation that would end one.
    fn stands_alone(&self, b: usize) -> bool {
        let l = &self.lines[b];
        l.width < self.widths[b] * SHORT && !cues::ends_open(l.text)
    }

    /// Whether a line is set off as display text by indentation: short,
    /// indented with spaces, without final punctuation (centred titles in
    /// extracted text).
    fn set_off(&self, b: usize) -> bool {
        let l = &self.lines[b];
        l.indented() && l.width < self.widths[b] * SHORT && !cues::ends_open(l.text)
    }

    /// A short line ending in a colon over a short display line is a
    /// headline with its label (新华社权威访谈…：/ 奋力书写…), unless it
    /// announces what follows (全文如下：).
    fn label_of_title(&self, a: usize, b: usize) -> bool {
        let (la, lb) = (&self.lines[a], &self.lines[b]);
        let t = la.text.trim_end();
        (t.ends_with('：') || t.ends_with(':'))
            && !t.trim_end_matches(['：', ':']).ends_with("如下")
            && la.width < self.widths[a] * LABEL_SHORT
            && lb.width < self.widths[b] * SHORT
            && lb.chars >= 4
            && !cues::ends_open(lb.text)
    }

    /// Whether line `a` ends short of its column only because the Latin
    /// word that opens line `b` did not fit after it.
    fn latin_wrapped(&self, a: usize, b: usize) -> bool {
        // The word that cannot be broken: an opening quote, the Latin
        // letters, the punctuation that may not start a line after them
        // (“03:00.0, linux、).
        let t = self.lines[b].text;
        let open = t
            .chars()
            .take_while(|c| matches!(c, '“' | '‘' | '（' | '(' | '《' | '「'))
            .count();
        let ascii = t
            .chars()
            .skip(open)
            .take_while(|c| c.is_ascii_graphic())
            .count();
        let close = t
            .chars()
            .skip(open + ascii)
            .take_while(|&c| cues::is_closing(c) || matches!(c, '、' | '，' | '。' | '：' | '；'))
            .count();
        let word: f32 = t
            .chars()
            .take(open + ascii + close)
            .map(super::lines::char_width)
            .sum();
        ascii > 0
            && self.lines[a].width + word + super::lines::char_width('a') >= self.widths[a] - FULL
    }

    /// Whether a contents entry's line `a` wraps onto line `b`: right under
    /// it, unfinished, and either reaching across its column or going on in
    /// a line no longer than itself (a chapter's number and title, 1 引言,
    /// runs into no paragraph).
    fn toc_wraps(&self, a: usize, b: usize) -> bool {
        let (la, lb) = (&self.lines[a], &self.lines[b]);
        b == a + 1
            && !cues::ends_sentence(la.text)
            && (la.width >= self.widths[a] * WRAPPED || lb.width <= la.width)
    }

    /// Whether line `b` continues the unit whose last line is `a`.
    pub fn continues(&self, a: usize, a_first: bool, b: usize) -> bool {
        if self.alone[a] || self.alone[b] {
            return false;
        }
        self.runs_on(a, a_first, b)
    }

    /// Whether line `b` continues the text whose last line is `a`, whatever stands between them.
    pub fn runs_on(&self, a: usize, a_first: bool, b: usize) -> bool {
        match self.cues[b] {
            Cue::None => {}
            // A number that a sentence cut at the line's end wrapped onto
            // the next (…参阅第\n4.4 节…) is no section number.
            Cue::Numbered {
                style: Numbering::Arabic | Numbering::Decimal(_),
                ..
            } if matches!(self.cues[a], Cue::None)
                && b == a + 1
                && !cues::ends_open(self.lines[a].text)
                && self.full(a, a_first)
                && !self.long_mode(a) => {}
            _ => return false,
        }
        let (la, lb) = (&self.lines[a], &self.lines[b]);
        // A line repeating the end of the one before (a label's title, then
        // the title on its own) starts afresh.
        if lb.chars >= 4 && la.text.len() > lb.text.len() && la.text.ends_with(lb.text) {
            return false;
        }
        match self.cues[a] {
            Cue::Markdown { .. }
            | Cue::PageNumber
            | Cue::Junk
            | Cue::Credit
            | Cue::CaptionWithCredit
            | Cue::Caption
            | Cue::Label
            | Cue::Front
            | Cue::Toc => {
                return matches!(self.cues[a], Cue::Toc) && self.toc_wraps(a, b);
            }
            Cue::Note(_) => {
                return !balanced(la.text)
                    || (!self.long_mode(a)
                        && self.full(a, a_first)
                        && !cues::ends_sentence(la.text));
            }
            _ => {}
        }
        if matches!(self.cues[a], Cue::Numbered { .. })
            && a_first
            && cues::number_alone(self.cues[a], la.text)
        {
            // A section number alone on its line (1.2.3.) has its words on the next.
            return b == a + 1
                || !self.double_spaced
                    && b <= a + 2
                    && !cues::ends_open(lb.text)
                    && lb.width < self.widths[b] * SHORT;
        }
        // A section's heading never runs on into a line of code (5.13
        // 快速插入图片或图表 over a listing's 1121 \newcommand{…}).
        if a_first && matches!(self.cues[a], Cue::Numbered { .. }) && cues::code_like(lb.text) {
            return false;
        }
        let ends = cues::ends_sentence(la.text);
        if a_first && self.label_of_title(a, b) {
            return true;
        }
        if !ends && marked(la.text) && !matches!(self.cues[a], Cue::Bullet { .. }) {
            return false;
        }
        // A blank line between lines is a gap where lines are set solid;
        // where they are set with one between, more than one is.
        let gap = b > a + 1 + usize::from(self.double_spaced);
        if self.long_mode(a) {
            if ends {
                return false;
            }
            // Prose cut in mid-sentence runs on into more prose; a line
            // without a clause (a title, a heading) stands alone.
            let rest = match self.cues[a] {
                Cue::Numbered { rest, .. } => la.text.get(rest as usize..).unwrap_or(""),
                _ => la.text,
            };
            return if clause(rest) {
                lb.text.contains(['，', '、', ',', '；', '。']) || lb.chars >= 40
            } else {
                !gap && lb.width <= la.width + 2.0 && !cues::name_or_word(lb.text)
            };
        }
        let full = self.full(a, a_first);
        let ends = cues::ends_sentence(la.text);
        if let Cue::Numbered { rest, .. } = self.cues[a]
            && a_first
            && !la
                .text
                .get(rest as usize..)
                .unwrap_or("")
                .contains(|c: char| cues::is_terminal(c) || matches!(c, '，' | '、' | ','))
        {
            // A numbered line without a clause in it is a heading; only its
            // own short, unpunctuated second line goes with it (centred like
            // it, maybe), unless the line is full and the sentence runs on.
            // A heading wraps only where it reached across the column.
            let wrapped = la.width >= self.widths[a] * WRAPPED;
            return !gap
                && wrapped
                && (lb.width < self.widths[b] * SHORT && !cues::ends_open(lb.text)
                    || full && !lb.indented() && !self.long_mode(a));
        }
        if let Cue::Numbered { .. } = self.cues[a]
            && a_first
            && self.long_mode(a)
            && la.width < self.widths[a] * WRAPPED
            && !ends
        {
            // Where each paragraph is one line, a short numbered line is a
            // heading, commas in it or not (3.2 Ground, Earth and Common).
            return false;
        }
        if self.set_off(b) || (ends && speaker(lb.text)) {
            return false;
        }
        if !ends && self.latin_wrapped(a, b) {
            return true;
        }
        if !ends {
            // A display line wraps onto a line no longer than itself and
            // without final punctuation; across a blank line only a full line runs on.
            // A name or a word alone stands on its own line, unless in text
            // set with blank lines between it is set solid with the line
            // before (…第一次集体 / 学习): wrapped there.
            let solid = self.double_spaced && b == a + 1;
            return full
                || (!gap
                    && la.width + 2.0 >= lb.width
                    && !cues::ends_open(lb.text)
                    && !cues::name_or_word(la.text)
                    && (solid || !cues::name_or_word(lb.text)));
        }
        // A sentence that ends before a blank line ends its paragraph in
        // text whose lines are otherwise set solid.
        full && !gap && !self.indented(b, a, a_first) && !self.stands_alone(b)
    }
}

/// Whether a line holds only Han characters and full-width punctuation.
fn han(t: &str) -> bool {
    t.chars().all(super::lines::is_wide)
}

/// Whether a line is a display line set off by an ornament (◆新疆阜康市…),
/// as magazines mark the items of a round-up.
fn marked(t: &str) -> bool {
    t.starts_with(['◆', '◇', '■', '●', '★', '☆', '▲', '▶', '►', '❖']) && t.chars().count() <= 50
}

/// Whether a line opens with a speaker's label, as an interview or a
/// transcript gives them (问：, 答：, 孙绍骋：), which starts a paragraph.
fn speaker(t: &str) -> bool {
    let Some(i) = t.find(['：', ':']) else {
        return false;
    };
    let label = &t[..i];
    let n = label.chars().count();
    (1..=4).contains(&n)
        && (matches!(label, "问" | "答" | "记者" | "主持人") || cues::name_like(label))
}

fn balanced(t: &str) -> bool {
    let open = t
        .chars()
        .filter(|c| matches!(c, '（' | '(' | '[' | '【' | '「'))
        .count();
    let close = t
        .chars()
        .filter(|c| matches!(c, '）' | ')' | ']' | '】' | '」'))
        .count();
    open <= close
}

/// Groups the non-blank lines into units.
pub fn group(shape: &Shape<'_, '_>) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    // The open unit's lines gather here and are copied out once, at their
    // size: one allocation a unit instead of one per doubling, and the
    // units' lists lie one after another in memory, in the order every
    // later stage reads them.
    let mut open: Vec<usize> = Vec::new();
    let mut cue = Cue::None;
    for i in 0..shape.lines.len() {
        if shape.lines[i].is_blank() {
            continue;
        }
        let joined = match open.last() {
            // A contents entry wraps onto the very next line; across a
            // blank line stands the next entry or a section's label.
            Some(&a) if cue == Cue::Toc && i > a + 1 => false,
            // An entry's title set in three lines or more (…全国两会精神 /
            // 特别是…上来 / 在新起点上…): each wrapped line goes on with the next.
            Some(&a) if cue == Cue::Toc && open.len() > 1 => {
                shape.cues[i] == Cue::None && shape.toc_wraps(a, i)
            }
            Some(&a) => shape.continues(a, open.len() == 1, i),
            None => false,
        };
        if !joined && !open.is_empty() {
            units.push(Unit {
                lines: open.clone(),
                cue,
            });
            open.clear();
        }
        if open.is_empty() {
            cue = shape.cues[i];
        }
        open.push(i);
    }
    if !open.is_empty() {
        units.push(Unit { lines: open, cue });
    }
    units
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::parse::{cues::cue, lines::split, width::column_widths};

    /// Makes the repeated filler lines distinct, as real lines are (the
    /// column-width stage ignores lines that repeat).
    pub(crate) fn distinct(text: &str) -> String {
        let pool: Vec<char> = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬"
            .chars()
            .collect();
        text.split('\n')
            .enumerate()
            .map(|(i, l)| match l.strip_prefix('一') {
                Some(rest) => format!("{}{rest}", pool[i % pool.len()]),
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn units_of(text: &str) -> Vec<Vec<u32>> {
        let text = distinct(text);
        let lines = split(&text);
        let cues: Vec<Cue> = lines
            .iter()
            .map(|l| if l.is_blank() { Cue::None } else { cue(l) })
            .collect();
        let widths = column_widths(&lines, None);
        let alone = vec![false; lines.len()];
        let shape = Shape {
            lines: &lines,
            cues: &cues,
            widths: &widths,
            alone: &alone,
            double_spaced: double_spaced(&lines),
        };
        group(&shape)
            .iter()
            .map(|u| u.lines.iter().map(|&i| lines[i].n).collect())
            .collect()
    }

    #[test]
    fn a_blank_line_in_mid_sentence_is_a_column_break() {
        let text = "一二三四五六七八九十一二三四五六\n一二三四五六七八九十一二三四五六七八\n一二三四五六七八九十一二三四五六七八\n一二三四五六七八九十一二三四五六七八\n\n一二三四五六七八九十一二三四五六七八\n完了。\n\n一二三四五六七八九十一二三四五六\n一二三四五六七八九十一二三四五六七八\n结束了。\n";
        assert_eq!(
            units_of(text),
            vec![vec![1, 2, 3, 4, 6, 7], vec![9, 10, 11]]
        );
    }

    #[test]
    fn a_full_line_ending_a_sentence_before_an_indented_line_ends_the_paragraph() {
        let full = "一二三四五六七八九十一二三四五六七八\n";
        let text = format!(
            "{full}{full}{full}一二三四五六七八九十一二三四五六七。\n一二三四五六七八九十一二三四五六\n{full}{full}完。\n"
        );
        assert_eq!(units_of(&text), vec![vec![1, 2, 3, 4], vec![5, 6, 7, 8]]);
    }

    #[test]
    fn a_numbered_heading_does_not_run_on_into_a_listing() {
        // Listing lines set the column narrow, so the heading looks wrapped.
        let mut text = String::new();
        for n in 1110..1120 {
            text.push_str(&format!("{n} \\lst{{a}}\n"));
        }
        text.push_str("5.13      快速插入图片或图表\n1121 \\newcommand{\\figoptadd}[2]{\n");
        let units = units_of(&text);
        assert!(units.contains(&vec![11]), "{units:?}");
    }

    #[test]
    fn where_lines_are_set_with_a_blank_between_more_blanks_part_them() {
        let para = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。\n\n";
        let text = format!(
            "{}立足岗位践初心 勇毅前行向未来\n\n\n\n凌格：做重症病人的“守护者”\n\n{}",
            para.repeat(6),
            para.repeat(6)
        );
        let units = units_of(&text);
        assert!(
            units.contains(&vec![13]) && units.contains(&vec![17]),
            "{units:?}"
        );
    }

    #[test]
    fn a_contents_entry_wraps_over_three_lines() {
        let text = "目录\n\n06 扎实开展深入贯彻中央八项规定精神学习教育\n推进作风建设常态化长效化\n\n\
                    07 切实把思想和行动统一到全国两会精神\n特别是习近平总书记重要讲话精神上来\n\
                    在新起点上谱写强国建设民族复兴的新疆篇章\n\n10 学习贯彻习近平总书记重要讲话精神\n";
        let units = units_of(text);
        assert!(units.contains(&vec![6, 7, 8]), "{units:?}");
    }

    #[test]
    fn a_short_heading_line_does_not_swallow_the_paragraph() {
        let full = "一二三四五六七八九十一二三四五六七八\n";
        let text = format!(
            "{full}{full}{full}{full}（五）和衷共济、共襄盛举\n一二三四五六七八九十一二三四五六\n{full}完。\n"
        );
        assert_eq!(
            units_of(&text),
            vec![vec![1, 2, 3, 4], vec![5], vec![6, 7, 8]]
        );
    }

    #[test]
    fn paragraph_per_line_text_runs_on_only_in_mid_sentence() {
        let long = "这是一个很长的段落，".repeat(8);
        let text = format!(
            "{long}。\n\n{long}中央区域\n\n协调发展{long}。\n\n布局建设未来产业 形成地区发展新动能\n\n{long}。\n"
        );
        assert_eq!(units_of(&text), vec![vec![1], vec![3, 5], vec![7], vec![9]]);
    }

    /// The first line of the next paragraph lost its indent (it is as wide
    /// as a full line less one em here); the sentence ending an em short of a
    /// column that every other line fills exactly is what ends the paragraph.
    #[test]
    fn a_sentence_ending_short_of_a_firm_column_ends_the_paragraph() {
        let full = "一二三四五六七八九十一二三四五六七八\n";
        let text = format!(
            "{full}{full}{full}{full}一二三四五六七八九十一二三四五六。\n一二三四五六七八九十一二三四五六七\n{full}{full}{full}完。\n"
        );
        assert_eq!(
            units_of(&text),
            vec![vec![1, 2, 3, 4, 5], vec![6, 7, 8, 9, 10]]
        );
        // Where OCR left the column ragged, an em says nothing.
        let ragged = [
            "一二三四五六七八九十一二三四五六七\n",
            "一二三四五六七八九十一二三四五六七八九\n",
        ];
        let text = format!(
            "{0}{1}{0}{1}一二三四五六七八九十一二三四五六七。\n一二三四五六七八九十一二三四五六七八\n{0}{1}{0}{1}完。\n",
            ragged[0], ragged[1]
        );
        assert_eq!(
            units_of(&text),
            vec![vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]
        );
    }

    #[test]
    fn a_labelled_headline_is_one_unit_and_its_echo_another() {
        let body =
            "一二三四五六七八九十一二三四五六七八九十\n".repeat(3) + "一二三四五六七八九十。\n\n";
        let text = format!(
            "{body}新华社记者专访某某书记：\n奋力书写新篇章\n\n{body}经济日报访谈某某：为推进现代化贡献力量\n为推进现代化贡献力量\n\n{body}全文如下：\n奋力书写新篇章\n\n{body}"
        );
        let units = units_of(&text);
        assert!(units.contains(&vec![6, 7]), "{units:?}");
        assert!(
            units.contains(&vec![14]) && units.contains(&vec![15]),
            "{units:?}"
        );
        assert!(
            units.contains(&vec![22]) && units.contains(&vec![23]),
            "{units:?}"
        );
    }
}
