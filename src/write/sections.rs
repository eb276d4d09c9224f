//! The one nesting rule of the writers, as pandoc's `makeSections`: a
//! heading of level n opens a section that runs to the next heading of
//! level n or above, whatever levels are skipped. TEI nests its `div`s by
//! it, EPUB and HTML their navigation.

/// Sections being nested: the open ones, innermost last, and the outermost
/// ones already closed.
pub(crate) struct Sections<S> {
    open: Vec<(u8, S)>,
    closed: Vec<S>,
}

impl<S> Sections<S> {
    pub(crate) fn new() -> Self {
        Sections {
            open: Vec::new(),
            closed: Vec::new(),
        }
    }

    /// The innermost open section.
    #[cfg_attr(not(feature = "tei"), allow(dead_code))]
    pub(crate) fn innermost(&mut self) -> Option<&mut S> {
        self.open.last_mut().map(|(_, s)| s)
    }

    /// Opens `section` at `level`, first closing the open sections at its
    /// level or deeper; `adopt` puts a closed section into its parent.
    pub(crate) fn open(&mut self, level: u8, section: S, adopt: &mut impl FnMut(&mut S, S)) {
        while self.open.last().is_some_and(|(l, _)| *l >= level) {
            self.close(adopt);
        }
        self.open.push((level, section));
    }

    fn close(&mut self, adopt: &mut impl FnMut(&mut S, S)) {
        if let Some((_, s)) = self.open.pop() {
            match self.open.last_mut() {
                Some((_, parent)) => adopt(parent, s),
                None => self.closed.push(s),
            }
        }
    }

    /// Closes every section; the outermost ones, in order.
    pub(crate) fn finish(mut self, adopt: &mut impl FnMut(&mut S, S)) -> Vec<S> {
        while !self.open.is_empty() {
            self.close(adopt);
        }
        self.closed
    }
}
