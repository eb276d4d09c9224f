//! Legacy encodings other than GB18030 are detected (chardetng), not read as
//! GB18030 mojibake: a Big5 file gives the same document as its UTF-8 twin.

use reprint::Options;
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/extra")
            .join(name),
    )
    .unwrap()
}

#[test]
fn a_big5_file_is_read_as_big5() {
    let big5 = fixture("zh_tw.big5.txt");
    // Big5 bytes are valid GB18030 as well: that is what made the mojibake.
    assert!(!encoding_rs::GB18030.decode_without_bom_handling(&big5).1);
    let doc = reprint::parse_bytes(&big5, &Options::default()).unwrap();
    assert_eq!(doc.source.encoding, "Big5");
    let utf8 = reprint::parse_bytes(&fixture("zh_tw.txt"), &Options::default()).unwrap();
    assert_eq!(
        doc.articles[0].title().as_deref(),
        Some("山城書店的最後一個冬天")
    );
    assert_eq!(doc.to_layout_json(), utf8.to_layout_json());
    assert_eq!(doc.meta.language, utf8.meta.language);
}

#[test]
fn shift_jis_and_euc_kr_are_detected() {
    let japanese = "東京の古い本屋\n\n記者　山田花子\n\n東京の下町にある古い本屋が、今月で閉店することになった。\n店主は「本を読む人が減った」と話す。\n";
    let korean = "서울의 오래된 서점\n\n기자 김민지\n\n서울 종로에 있는 오래된 서점이 이번 달에 문을 닫는다.\n주인은 책을 읽는 사람이 줄었다고 말했다.\n";
    for (text, enc) in [
        (japanese, encoding_rs::SHIFT_JIS),
        (korean, encoding_rs::EUC_KR),
    ] {
        let (bytes, _, bad) = enc.encode(text);
        assert!(!bad);
        let doc = reprint::parse_bytes(&bytes, &Options::default()).unwrap();
        assert_eq!(doc.source.encoding, enc.name(), "{text}");
        // The parser is tuned for Chinese (a Korean byline may join the title): the text is what counts here.
        let title = doc.articles[0].title().unwrap_or_default();
        assert!(title.starts_with(text.lines().next().unwrap()), "{title}");
    }
}

#[test]
fn gbk_stays_gb18030() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds/001_be8482c41ddce61b.txt"),
    )
    .unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let doc = reprint::parse_bytes(&gbk, &Options::default()).unwrap();
    assert_eq!(doc.source.encoding, "GB18030");
    assert_eq!(
        doc.to_layout_json(),
        reprint::parse(&text, &Options::default())
            .unwrap()
            .to_layout_json()
    );
}
