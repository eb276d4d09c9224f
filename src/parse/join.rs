//! How the lines of a block join into one text: CJK with nothing between,
//! Latin with a space, a word hyphenated at a line end made whole again.

use crate::model::Span;

fn latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Whether the word before a line-end hyphen forms compounds that keep it
/// (well-known, self-made, so-called): the hyphen is then the word's own.
fn compound(before_hyphen: &str) -> bool {
    const FIRST: [&str; 16] = [
        "well", "self", "so", "ill", "half", "all", "cross", "ex", "non", "co", "long", "short",
        "high", "low", "full", "twenty",
    ];
    let word = before_hyphen
        .trim_end_matches('-')
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    FIRST.contains(&word.as_str())
}

/// Sets each span's `space_before`, and moves a line-end hyphen that splits
/// a word from the text into the trail, so `lead + text + trail` stays the line.
/// The spans may come from a list of inlines, milestones left out.
pub fn join<'a>(spans: impl IntoIterator<Item = &'a mut Span>) {
    let mut spans = spans.into_iter();
    let Some(mut prev) = spans.next() else { return };
    for next in spans {
        pair(prev, next);
        prev = next;
    }
}

fn pair(prev: &mut Span, next: &mut Span) {
    let Some(first) = next.text().chars().next() else {
        return;
    };
    let mut tail = prev.text().chars().rev();
    let (Some(last), penult) = (tail.next(), tail.next()) else {
        return;
    };
    if last == '-'
        && penult.is_some_and(|c| c.is_alphabetic() && c.is_lowercase())
        && first.is_lowercase()
        && !compound(prev.text())
    {
        // The hyphen goes to the trail: kept, out of the text.
        prev.keep(0..prev.text().len() - 1);
        return;
    }
    let latin_end = latin(last)
        || matches!(
            last,
            ',' | '.' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '%'
        );
    next.space_before = latin_end && (latin(first) || matches!(first, '(' | '"' | '\'' | '&'));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(lines: &[&str]) -> Vec<Span> {
        lines
            .iter()
            .enumerate()
            .map(|(i, t)| Span::new(i as u32 + 1, t))
            .collect()
    }

    fn joined(lines: &[&str]) -> String {
        let mut s = spans(lines);
        join(&mut s);
        crate::model::plain_text(
            &s.into_iter()
                .map(crate::model::Inline::Span)
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn cjk_joins_without_space_latin_with_one() {
        assert_eq!(
            joined(&["中共中央总书记习近平", "主持会议。"]),
            "中共中央总书记习近平主持会议。"
        );
        assert_eq!(
            joined(&["The quick brown", "fox jumps."]),
            "The quick brown fox jumps."
        );
        assert_eq!(joined(&["收入达到", "2024 年"]), "收入达到2024 年");
    }

    #[test]
    fn hyphenation_is_undone_and_kept_in_the_trail() {
        let mut s = spans(&["a hyphen-", "ated word"]);
        join(&mut s);
        assert_eq!((s[0].text(), s[0].trail()), ("a hyphen", "-"));
        assert!(!s[1].space_before);
        // A capital after the hyphen is a compound name: the hyphen stays.
        assert_eq!(joined(&["Jean-", "Paul"]), "Jean-Paul");
        // A compound's own hyphen stays too.
        assert_eq!(
            joined(&["the well-", "known photograph"]),
            "the well-known photograph"
        );
    }
}
