//! How each kind of block is set: face, size, alignment, indents, spacing.
//! Sizes are in multiples of the body size so that a user's body size scales
//! the whole page, as a book designer's type specification would.

use super::fonts::Role;
use crate::model::{BlockKind, NoteKind};

/// How the lines of a block sit in the measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    /// Both edges straight; the last line flush left.
    Justify,
    Left,
    Center,
    Right,
}

/// The setting of one block.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub(super) role: Role,
    /// Type size as a multiple of the body size.
    pub(super) size: f32,
    /// Baseline-to-baseline distance as a multiple of this block's size.
    pub(super) leading: f32,
    pub(super) align: Align,
    /// First-line indent in em of this block's size.
    pub(super) indent: f32,
    /// Left and right insets of the whole block, in body em.
    pub(super) inset: (f32, f32),
    /// Space above and below, in body lines.
    pub(super) before: f32,
    pub(super) after: f32,
    /// Must stand on the same page as the start of the next block.
    pub(super) keep_with_next: bool,
    /// Grey level of the text, 0 = black.
    pub(super) grey: f32,
}

const BODY: Style = Style {
    role: Role::Body,
    size: 1.0,
    leading: 1.7,
    align: Align::Justify,
    indent: 2.0,
    inset: (0.0, 0.0),
    before: 0.0,
    after: 0.0,
    keep_with_next: false,
    grey: 0.0,
};

/// The style of a block of the given kind; `leading` is the user's line spacing for body text.
pub(super) fn style_of(kind: &BlockKind, leading: f32) -> Style {
    let body = Style { leading, ..BODY };
    let display = Style {
        align: Align::Center,
        indent: 0.0,
        leading: 1.45,
        ..body
    };
    match kind {
        BlockKind::Title => Style {
            role: Role::Heading,
            size: 1.75,
            before: 1.0,
            after: 0.6,
            keep_with_next: true,
            ..display
        },
        BlockKind::Subtitle => Style {
            size: 1.15,
            after: 0.6,
            keep_with_next: true,
            ..display
        },
        BlockKind::Heading { level } => {
            let size = match level {
                0..=2 => 1.3,
                3 => 1.15,
                _ => 1.0,
            };
            let (before, after) = if *level <= 2 { (1.2, 0.5) } else { (0.8, 0.3) };
            Style {
                role: Role::Heading,
                size,
                leading: 1.45,
                align: Align::Left,
                indent: 0.0,
                before,
                after,
                keep_with_next: true,
                ..body
            }
        }
        BlockKind::Paragraph => body,
        BlockKind::ListItem { .. } => body,
        BlockKind::Caption { .. } => Style {
            size: 0.86,
            leading: 1.5,
            inset: (2.0, 2.0),
            before: 0.4,
            after: 0.5,
            ..display
        },
        BlockKind::Byline { .. } => Style {
            role: Role::Heading,
            size: 0.95,
            after: 0.8,
            keep_with_next: true,
            grey: 0.2,
            ..display
        },
        BlockKind::Note { kind } => note_style(*kind, body),
        BlockKind::Sidebar { .. } => Style {
            role: Role::Heading,
            indent: 0.0,
            inset: (1.0, 1.0),
            before: 0.6,
            keep_with_next: true,
            ..body
        },
        BlockKind::TocEntry { .. } => Style {
            align: Align::Left,
            indent: 0.0,
            ..body
        },
        BlockKind::FrontMatter => Style {
            leading: 1.6,
            ..display
        },
        BlockKind::Furniture { .. } => body,
    }
}

fn note_style(kind: NoteKind, body: Style) -> Style {
    let small = Style {
        size: 0.86,
        leading: 1.5,
        indent: 0.0,
        grey: 0.25,
        ..body
    };
    match kind {
        NoteKind::Date => Style {
            align: Align::Center,
            after: 0.5,
            keep_with_next: true,
            ..small
        },
        NoteKind::Column => Style {
            role: Role::Heading,
            align: Align::Left,
            after: 0.4,
            keep_with_next: true,
            ..small
        },
        NoteKind::Source | NoteKind::Editor | NoteKind::Continuation | NoteKind::Affiliation => {
            Style {
                align: Align::Right,
                before: 0.3,
                after: 0.3,
                ..small
            }
        }
        NoteKind::Other | NoteKind::Footnote => Style {
            align: Align::Justify,
            indent: 2.0,
            before: 0.3,
            after: 0.3,
            ..small
        },
    }
}

/// The credit line under a caption: smaller still, set apart on the right.
pub(super) fn credit_style(caption: &Style) -> Style {
    Style {
        size: 0.76,
        align: Align::Right,
        before: 0.0,
        after: caption.after,
        grey: 0.35,
        ..*caption
    }
}

/// A contents entry: wrapped lines hang an em in from the first.
pub(super) fn toc_entry_style(entry: &Style) -> Style {
    Style {
        inset: (1.0, entry.inset.1),
        indent: -1.0,
        ..*entry
    }
}

/// A section's name in a table of contents (`要闻要论`): in the heading face,
/// with room above, kept with the entries under it.
pub(super) fn toc_label_style(entry: &Style) -> Style {
    Style {
        role: Role::Heading,
        size: 0.95,
        before: 0.5,
        after: 0.1,
        keep_with_next: true,
        ..*entry
    }
}
