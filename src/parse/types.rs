//! The types the stages hand each other: a unit of lines with the facts
//! about the text that grouped it ([`Shape`], [`Unit`]), and what a unit
//! was found to be ([`Item`], [`Kind`], [`Style`]). They live here, not in
//! the stage that makes them, so that each stage imports only from the
//! ones before it.

use super::cues::{Cue, Numbering};
use super::lines::Line;
use crate::model::NoteKind;
use std::borrow::Cow;

/// Lines that belong together, by index into the line list.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Indices of the unit's non-blank lines, in order.
    pub lines: Vec<usize>,
    /// The cue of the first line.
    pub cue: Cue,
}

/// The facts the grouping needs about the text.
pub struct Shape<'t, 'a> {
    /// The lines.
    pub lines: &'t [Line<'a>],
    /// Each line's cue (blank lines: `Cue::None`).
    pub cues: &'t [Cue],
    /// Each line's column width.
    pub widths: &'t [f32],
    /// Lines already known to stand alone (caption descriptions, furniture).
    pub alone: &'t [bool],
    /// Whether every line is followed by a blank one, so blanks say nothing.
    pub double_spaced: bool,
}

/// What a unit was found to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Running text.
    Text,
    /// A short line standing alone, not yet placed.
    Display,
    /// An article title.
    Title,
    /// A subtitle (——元旦献词).
    Subtitle,
    /// A section heading; the numbering style, if any, decides the level later.
    Heading(Style),
    /// A list item.
    ListItem,
    /// A picture's description, its credit or both.
    Caption,
    /// Authors.
    Byline,
    /// Editorial note.
    Note(NoteKind),
    /// Lead-in of a boxed sidebar.
    Aside,
    /// Table of contents line.
    Toc,
    /// Masthead, colophon.
    Front,
    /// Print furniture.
    Furniture,
}

/// How a heading is marked, which decides its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// Markdown `#`s: the level is given.
    Markdown(u8),
    /// Not numbered: the article's top level.
    Plain,
    /// Numbered in one of the nested styles.
    Numbered(Numbering),
}

/// A unit with its kind.
#[derive(Debug, Clone)]
pub struct Item {
    /// Line indices.
    pub lines: Vec<usize>,
    /// What it is.
    pub kind: Kind,
    /// For captions: where in `lines` the credit starts (`lines.len()` when none).
    pub credit_at: usize,
    /// The cue of the first line.
    pub cue: Cue,
    /// For text merged across an interruption: the items (by index) it absorbed.
    pub merged: bool,
}

/// The lines' texts joined; a single line is not copied.
pub fn text_of<'a>(shape: &Shape<'_, 'a>, lines: &[usize]) -> Cow<'a, str> {
    match lines {
        [i] => shape.lines[*i].text.into(),
        _ => lines
            .iter()
            .map(|&i| shape.lines[i].text)
            .collect::<String>()
            .into(),
    }
}
