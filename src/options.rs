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
    /// Extra heading patterns: a line whose text (without its indent)
    /// matches the regex is a heading of that level: 1 makes it an article
    /// title, 2 a top-level section, and so on. They win over the built-in rules.
    pub heading_patterns: Vec<(regex::Regex, u8)>,
    /// Extra caption patterns: a line matching the regex is a photo caption
    /// standing on its own.
    pub caption_patterns: Vec<regex::Regex>,
    /// Extra credit patterns: a line matching the regex is a photo credit;
    /// the line just before it becomes its caption.
    pub credit_patterns: Vec<regex::Regex>,
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
            credit_patterns: Vec::new(),
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
    /// Options with an extra heading pattern of the given level (1 = article
    /// title, 2 = top section).
    ///
    /// ```
    /// use reprint::{model::BlockKind, Options};
    /// let opts = Options::default().with_heading_pattern(regex::Regex::new(r"^第.+节").unwrap(), 3);
    /// let doc = reprint::parse("第一节 总则\n\n正文。\n", &opts)?;
    /// assert_eq!(doc.articles[0].blocks[0].kind, BlockKind::Heading { level: 3 });
    /// # Ok::<(), reprint::Error>(())
    /// ```
    pub fn with_heading_pattern(mut self, pattern: regex::Regex, level: u8) -> Self {
        self.heading_patterns.push((pattern, level));
        self
    }
    /// Options with an extra caption pattern.
    ///
    /// ```
    /// use reprint::{model::BlockKind, Options};
    /// let opts = Options::default().with_caption_pattern(regex::Regex::new(r"^图\d+").unwrap());
    /// let doc = reprint::parse("正文第一段。\n\n图1 会场\n\n正文第二段。\n", &opts)?;
    /// assert!(matches!(doc.articles[0].blocks[1].kind, BlockKind::Caption { .. }));
    /// # Ok::<(), reprint::Error>(())
    /// ```
    pub fn with_caption_pattern(mut self, pattern: regex::Regex) -> Self {
        self.caption_patterns.push(pattern);
        self
    }
    /// Options with an extra photo-credit pattern: the matching line is a
    /// credit and the line before it its caption.
    ///
    /// ```
    /// use reprint::{model::BlockKind, Options};
    /// let opts = Options::default().with_credit_pattern(regex::Regex::new(r"^摄影[:：]").unwrap());
    /// let doc = reprint::parse("正文第一段。\n\n大桥通车\n摄影：李四\n\n正文第二段。\n", &opts)?;
    /// let BlockKind::Caption { credit } = &doc.articles[0].blocks[1].kind else { panic!() };
    /// assert_eq!(reprint::model::plain_text(credit), "摄影：李四");
    /// # Ok::<(), reprint::Error>(())
    /// ```
    pub fn with_credit_pattern(mut self, pattern: regex::Regex) -> Self {
        self.credit_patterns.push(pattern);
        self
    }
}
