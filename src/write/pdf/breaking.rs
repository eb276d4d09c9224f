//! Where a line may end: UAX #14 break opportunities, tailored with the
//! kinsoku rules of clreq and GB/T 15834-2011 §5.

use crate::chars::is_em_grid;
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Characters that may not begin a line (GB/T 15834: 句号、逗号、顿号、分号、
/// 冒号、问号、叹号、后引号、后括号、后书名号、连接号、间隔号、分隔号; plus
/// their half-width forms, the small kana clreq lists, and the ellipsis,
/// which most Mainland houses keep off the line start as well).
pub(super) const NO_LINE_START: &str = "。．，、；：？！’”）］｝〕〉》」』】〗〙〛｠»›‐‑–～〜·・/／%％‰℃°′″…⋯.,;:?!)]}ーヽヾゝゞ々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";

/// Characters that may not end a line: opening quotes, brackets and
/// book-title marks, and prefixes such as currency signs.
pub(super) const NO_LINE_END: &str = "‘“（［｛〔〈《「『【〖〘〚｟«‹([{$¥￥£€#＃";

/// Marks that are set as one unit and never split between lines
/// (GB/T 15834: 破折号 —— and 省略号 …… stay whole).
fn inseparable(a: char, b: char) -> bool {
    a == b && matches!(a, '—' | '…' | '⋯' | '―' | '─')
}

pub(super) fn no_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

pub(super) fn no_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// For each character of `chars` (the text `text` as a vector), whether a
/// line may break just before it. The first character never gets one.
pub(super) fn opportunities(text: &str, chars: &[char]) -> Vec<bool> {
    let mut allowed = vec![false; chars.len()];
    // linebreaks() reports byte offsets of the character after the break.
    let mut index_of_byte = vec![usize::MAX; text.len() + 1];
    for (i, (b, _)) in text.char_indices().enumerate() {
        index_of_byte[b] = i;
    }
    for (b, op) in linebreaks(text) {
        if let Some(&i) = index_of_byte.get(b)
            && i != usize::MAX
            && i > 0
        {
            allowed[i] = matches!(op, BreakOpportunity::Allowed | BreakOpportunity::Mandatory);
        }
    }
    for i in 1..chars.len() {
        let (prev, next) = (chars[i - 1], chars[i]);
        if no_start(next) || no_end(prev) || inseparable(prev, next) {
            allowed[i] = false;
        } else if is_em_grid(prev) && is_em_grid(next) && !prev.is_whitespace() {
            // UAX #14 forbids breaks around quotation marks (class QU), which
            // in Chinese are paired full-width marks: allow what kinsoku allows.
            allowed[i] = true;
        }
    }
    allowed
}

/// Letters and digits of alphabetic scripts, which get a quarter em of space
/// next to ideographs (clreq §3.2.3).
pub(super) fn is_western(c: char) -> bool {
    (c.is_alphanumeric() && !is_em_grid(c)) || matches!(c, '%' | '$' | '&' | '@' | '#')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let ok = opportunities(s, &chars);
        chars
            .iter()
            .zip(ok)
            .map(|(c, b)| if b { format!("|{c}") } else { c.to_string() })
            .collect()
    }

    #[test]
    fn kinsoku_and_words() {
        assert_eq!(breaks("中文，“排版”。"), "中|文，|“排|版”。");
        assert_eq!(breaks("我说——好……吗"), "我|说|——|好……|吗");
        assert_eq!(breaks("用Rust写"), "用|Rust|写");
        assert_eq!(breaks("共3.5万人"), "共|3.5|万|人");
        assert_eq!(breaks("《人民日报》报道"), "《人|民|日|报》|报|道");
    }
}
