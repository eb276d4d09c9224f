//! Options of the parser.

/// How to parse a text. `Options::default()` suits hard-wrapped Chinese print.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// The input's file name, recorded in the document's source information.
    pub file_name: Option<String>,
    /// Language tag to record instead of the detected one (`zh-CN`, `zh-TW`, `en`).
    pub language: Option<String>,
    /// Encoding label to decode bytes with instead of detecting it (`gb18030`, `utf-16le`...).
    pub encoding: Option<String>,
    /// The column width in characters (full-width = 1), when known; detected otherwise.
    pub column_width: Option<usize>,
    /// Keep print furniture (page numbers, running heads) as milestones. When
    /// false it is still recognised, so it does not end up in paragraphs, but
    /// it is left out of the model.
    pub keep_furniture: bool,
    /// Extra heading patterns: a line matching the regex is a heading of that level.
    pub heading_patterns: Vec<(regex::Regex, u8)>,
    /// Extra caption patterns: a line matching the regex is a caption or credit.
    pub caption_patterns: Vec<regex::Regex>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            file_name: None,
            language: None,
            encoding: None,
            column_width: None,
            keep_furniture: true,
            heading_patterns: Vec::new(),
            caption_patterns: Vec::new(),
        }
    }
}

impl Options {
    /// Options with a file name recorded as the source.
    pub fn with_file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }
    /// Options with the language given instead of detected.
    pub fn with_language(mut self, lang: impl Into<String>) -> Self {
        self.language = Some(lang.into());
        self
    }
    /// Options with the encoding given instead of detected.
    pub fn with_encoding(mut self, label: impl Into<String>) -> Self {
        self.encoding = Some(label.into());
        self
    }
    /// Options with the column width given instead of detected.
    pub fn with_column_width(mut self, width: usize) -> Self {
        self.column_width = Some(width);
        self
    }
    /// Options with an extra heading pattern of the given level (2 = top section).
    pub fn with_heading_pattern(mut self, pattern: regex::Regex, level: u8) -> Self {
        self.heading_patterns.push((pattern, level));
        self
    }
    /// Options with an extra caption pattern.
    pub fn with_caption_pattern(mut self, pattern: regex::Regex) -> Self {
        self.caption_patterns.push(pattern);
        self
    }
}
