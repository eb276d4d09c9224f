//! The few words the book itself says (navigation headings, fallback titles),
//! in the book's language.

/// Words for one language.
pub(crate) struct Labels {
    pub contents: &'static str,
    pub landmarks: &'static str,
    pub pages: &'static str,
    pub front: &'static str,
    pub source_toc: &'static str,
    pub title_page: &'static str,
    pub cover: &'static str,
    pub start: &'static str,
    pub untitled: &'static str,
    article: (&'static str, &'static str),
}

impl Labels {
    /// The fallback name of the n-th article (1-based).
    pub fn article(&self, n: usize) -> String {
        format!("{}{n}{}", self.article.0, self.article.1)
    }
}

const HANS: Labels = Labels {
    contents: "目录",
    landmarks: "导览",
    pages: "页码",
    front: "卷首",
    source_toc: "原刊目录",
    title_page: "书名页",
    cover: "封面",
    start: "正文",
    untitled: "无题",
    article: ("第", "篇"),
};

const HANT: Labels = Labels {
    contents: "目錄",
    landmarks: "導覽",
    pages: "頁碼",
    front: "卷首",
    source_toc: "原刊目錄",
    title_page: "書名頁",
    cover: "封面",
    start: "正文",
    untitled: "無題",
    article: ("第", "篇"),
};

const EN: Labels = Labels {
    contents: "Contents",
    landmarks: "Landmarks",
    pages: "Pages",
    front: "Front matter",
    source_toc: "Contents of the source",
    title_page: "Title page",
    cover: "Cover",
    start: "Start",
    untitled: "Untitled",
    article: ("Article ", ""),
};

/// The labels for a BCP 47 tag: traditional Chinese for zh-TW/HK/MO/Hant,
/// simplified for other Chinese, English otherwise.
pub(crate) fn for_language(tag: &str) -> &'static Labels {
    let t = tag.to_ascii_lowercase();
    if !(t == "zh" || t.starts_with("zh-")) {
        return &EN;
    }
    if t.contains("hant") || t.ends_with("-tw") || t.ends_with("-hk") || t.ends_with("-mo") {
        &HANT
    } else {
        &HANS
    }
}
