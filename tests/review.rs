//! The review page on every fixture and on a hand-built document: one
//! element per source line carrying its kind, joins, warnings, the gold
//! diff, no external references; and the page opened, used and drawn in
//! headless Chromium.
#![cfg(feature = "review")]

mod review_support;
mod support;

use reprint::write::review::ReviewOptions;
use review_support::*;
use std::collections::{BTreeMap, BTreeSet};

/// `data-l` → `data-k` of the source pane's line elements, checking each has an anchor.
fn line_elements(doc: &roxmltree::Document) -> BTreeMap<u32, String> {
    let mut lines = BTreeMap::new();
    for n in doc.descendants().filter(|n| has_class(n, "ln")) {
        let l: u32 = n.attribute("data-l").expect("data-l").parse().unwrap();
        assert_eq!(n.attribute("id"), Some(format!("L{l}").as_str()));
        let k = n.attribute("data-k").expect("every line carries its kind");
        assert!(
            lines.insert(l, k.to_string()).is_none(),
            "line {l} shown twice"
        );
    }
    lines
}

#[test]
fn every_fixture_shows_each_nonblank_line_once_with_its_kind() {
    for f in fixtures() {
        let page = review(&f.doc, &ReviewOptions::default());
        let doc = parse_page(&page);
        let lines = line_elements(&doc);
        let nonblank: BTreeSet<u32> = reprint::score::nonblank_lines(&f.source)
            .into_iter()
            .collect();
        assert_eq!(
            lines.keys().copied().collect::<BTreeSet<_>>(),
            nonblank,
            "{}: line elements are not the non-blank lines",
            f.name
        );
        let kinds = kinds_by_line(&f.doc);
        for (l, k) in &lines {
            assert_eq!(
                Some(k.as_str()),
                kinds.get(l).copied(),
                "{}: line {l}",
                f.name
            );
        }
        // Each line's text is the source line, less what the escaping makes visible.
        let source: Vec<&str> = f.source.split('\n').collect();
        for n in doc.descendants().filter(|n| has_class(n, "ln")).step_by(37) {
            let l: usize = n.attribute("data-l").unwrap().parse().unwrap();
            let shown: String = n
                .descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect();
            let raw: String = source[l - 1]
                .chars()
                .map(|c| {
                    if c < ' ' && c != '\t' {
                        char::from_u32(0x2400 + c as u32).unwrap()
                    } else {
                        c
                    }
                })
                .collect();
            assert_eq!(shown, raw, "{}: line {l}", f.name);
        }
        let legend = doc
            .descendants()
            .find(|n| has_class(n, "legend"))
            .unwrap_or_else(|| panic!("{}: no legend", f.name));
        let keys: BTreeSet<&str> = legend
            .descendants()
            .filter_map(|n| n.attribute("data-key"))
            .collect();
        for k in lines.values() {
            let k = if k == "credit" { "caption" } else { k.as_str() };
            assert!(keys.contains(k), "{}: legend lacks {k}", f.name);
        }
        // Every block of the text pane has its source lines in the source pane, and back.
        let ids = |pane: &str| -> BTreeSet<&str> {
            let p = doc
                .descendants()
                .find(|n| n.attribute("id") == Some(pane))
                .unwrap();
            p.descendants()
                .filter_map(|n| n.attribute("data-b"))
                .collect()
        };
        assert_eq!(ids("src"), ids("out"), "{}", f.name);
    }
}

#[test]
fn the_page_references_nothing_outside_itself() {
    let f = fixtures().into_iter().find(|f| f.gold.is_some()).unwrap();
    let page = review(
        &f.doc,
        &ReviewOptions::default().with_gold(f.gold.clone().unwrap()),
    );
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "a URL in the page"
    );
    let doc = parse_page(&page);
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(
            !["link", "img", "iframe", "object", "embed", "base"].contains(&name),
            "<{name}> in the page"
        );
        assert!(n.attribute("src").is_none(), "<{name} src> in the page");
        if let Some(href) = n.attribute("href") {
            let target = href
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("href {href:?} leaves the page"));
            assert!(
                doc.descendants().any(|d| d.attribute("id") == Some(target)),
                "href {href} names no element"
            );
        }
    }
    let style = doc
        .descendants()
        .find(|n| n.has_tag_name("style"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "the style loads something"
    );
    let script = doc
        .descendants()
        .find(|n| n.has_tag_name("script"))
        .unwrap();
    assert!(
        script
            .descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<String>()
            .contains("dataset.ready"),
        "the script is inline"
    );
}

#[test]
fn joins_warnings_and_uncertain_blocks_are_marked_and_listed() {
    let doc = small();
    let page = review(&doc, &ReviewOptions::default());
    let xml = parse_page(&page);
    let text_of = |n: roxmltree::Node| {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<String>()
    };
    let joins: Vec<String> = xml
        .descendants()
        .filter(|n| has_class(n, "join"))
        .map(text_of)
        .collect();
    assert_eq!(
        joins,
        [
            "↳ joined across page 28 · from 5",
            "↳ joined across caption · from 9"
        ]
    );
    assert!(
        page.contains("continues at line <a href=\"#L9\">9</a>"),
        "{page}"
    );
    // Lead and trail are shown apart from the text; markup in the text is escaped.
    assert!(
        page.contains("<span class=\"ld\">\u{3000}</span>第二行<span class=\"tr\">\u{240d}</span>")
    );
    assert!(page.contains("接着&lt;第三行&gt;&amp;"));
    // The warnings: on their line, or on the next non-blank one.
    let warned: Vec<&str> = xml
        .descendants()
        .filter(|n| has_class(n, "warn") && has_class(n, "ln"))
        .map(|n| n.attribute("data-l").unwrap())
        .collect();
    assert_eq!(warned, ["15", "21"]);
    assert!(
        page.contains("<li><a href=\"#L15\">15</a> paragraph rejoined across an interruption</li>")
    );
    assert!(page.contains("<li><a href=\"#L21\">20</a> a warning on a blank line</li>"));
    let flagged: Vec<(&str, &str)> = xml
        .descendants()
        .filter_map(|n| {
            Some((
                n.attribute("data-f")?,
                n.attribute("data-l").or(n.attribute("data-b"))?,
            ))
        })
        .collect();
    assert_eq!(flagged.iter().filter(|f| f.0.contains('w')).count(), 2);
    assert_eq!(
        flagged.iter().filter(|f| f.0 == "u").count(),
        1,
        "the heading at 0.6, once"
    );
    assert!(page.contains("confidence 0.60: 1 block<"));
    let quiet = review(&doc, &ReviewOptions::default().with_uncertain_below(0.5));
    assert!(!quiet.contains("data-f=\"u\""));
    // The text pane reads as the book: the paragraph joined, the page number a marker inside it.
    let out = xml
        .descendants()
        .find(|n| n.attribute("id") == Some("out"))
        .unwrap();
    let para = out
        .descendants()
        .find(|n| has_class(n, "k-paragraph"))
        .unwrap();
    assert_eq!(text_of(para), "第一行，第二行28接着<第三行>&跨过图片说明。");
    assert!(
        out.descendants()
            .any(|n| n.has_tag_name("h3") && has_class(&n, "unc"))
    );
    assert!(
        out.descendants()
            .any(|n| n.has_tag_name("aside")
                && n.descendants().any(|d| has_class(&d, "k-list_item")))
    );
}

#[test]
fn a_caption_and_its_credit_on_one_line_are_one_line_element() {
    let mut doc = small();
    let caption = &mut doc.articles[0].blocks[2];
    let reprint::model::BlockKind::Caption { credit } = &mut caption.kind else {
        panic!("not the caption")
    };
    let reprint::model::Inline::Span(s) = &mut credit[0] else {
        panic!("not a span")
    };
    s.line = 11;
    let page = review(&doc, &ReviewOptions::default());
    let lines = line_elements(&parse_page(&page));
    assert_eq!(lines.get(&11).map(String::as_str), Some("caption"));
    assert!(!lines.contains_key(&13));
    assert!(page.contains("G3012线喀什疏勒高速公路。<span class=\"seg k-credit\">□新华社记者 燕 雁/摄</span></div>"), "{page}");
}

#[test]
fn the_gold_diff_marks_differences_and_nothing_when_the_gold_agrees() {
    let mut differed = 0;
    for f in fixtures() {
        let own = review(
            &f.doc,
            &ReviewOptions::default().with_gold(f.doc.to_layout()),
        );
        parse_page(&own);
        assert!(
            !own.contains("data-g=")
                && !own.contains("data-f=\"g\"")
                && !own.contains("class=\"gb"),
            "{}: differences from itself",
            f.name
        );
        assert!(
            own.contains("line accuracy 1.0000")
                && own.contains("0 lines of another kind · block starts: 0 missed, 0 extra"),
            "{}",
            f.name
        );
        let Some(gold) = &f.gold else { continue };
        let page = review(&f.doc, &ReviewOptions::default().with_gold(gold.clone()));
        let xml = parse_page(&page);
        let scores = reprint::score::score(gold, &f.doc.to_layout(), &f.source);
        assert!(
            page.contains(&format!(
                "line accuracy {:.4} · exact blocks {:.4}",
                scores.line_accuracy(),
                scores.exact_blocks()
            )),
            "{}: not score.py's numbers",
            f.name
        );
        let table = xml.descendants().find(|n| has_class(n, "scores")).unwrap();
        let row = |kind: &str| {
            table
                .descendants()
                .find(|n| {
                    n.has_tag_name("tr") && n.first_child().and_then(|c| c.text()) == Some(kind)
                })
                .map(|r| r.children().filter_map(|c| c.text()).collect::<Vec<_>>())
        };
        let p = scores.row("paragraph");
        let (pr, rc, f1) = p.prf();
        assert_eq!(
            row("paragraph").unwrap(),
            [
                "paragraph".to_string(),
                p.gold.to_string(),
                p.pred.to_string(),
                format!("{pr:.3}"),
                format!("{rc:.3}"),
                format!("{f1:.3}")
            ]
        );
        let wrong: Vec<&str> = xml
            .descendants()
            .filter_map(|n| n.attribute("data-g"))
            .collect();
        if scores.line_accuracy() < 1.0 {
            assert!(
                !wrong.is_empty(),
                "{}: lines of another kind are not marked",
                f.name
            );
            differed += 1;
        }
        if scores.exact_blocks() < 1.0 {
            assert!(
                page.contains("class=\"gb "),
                "{}: boundaries not marked",
                f.name
            );
        }
    }
    assert!(
        differed > 0,
        "no fixture differs from its gold: the test proves nothing"
    );
}

#[test]
fn a_gold_that_is_not_layout_json_is_refused() {
    let err = ReviewOptions::default()
        .with_gold_json("{\"blocks\": 3}")
        .unwrap_err();
    assert!(err.to_string().contains("not layout JSON"), "{err}");
}

/// Plays a reviewer on the page once its own script has run: hovers and
/// clicks a paragraph line, presses `n`, scrolls the source pane; writes
/// what happened to `data-check` for the dumped DOM.
const PLAY: &str = r#"<script>
(() => {
  const r = [];
  const panes = (sel) => Array.from(document.querySelectorAll(sel)).map((e) => e.closest('.pane').id).filter((v, i, a) => a.indexOf(v) === i).sort().join('+');
  const line = document.querySelector('#src .run.k-paragraph .ln');
  line.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
  r.push('hover=' + panes('.hl'));
  line.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  r.push('pin=' + panes('.pin'));
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
  r.push('next=' + (document.querySelector('#src .cur') ? 'src' : 'none'));
  const src = document.getElementById('src'), out = document.getElementById('out');
  const topBlock = (pane, sel) => { const top = pane.getBoundingClientRect().top + 2; const el = Array.from(pane.querySelectorAll(sel)).find((e) => e.getBoundingClientRect().bottom > top); return el ? el.dataset.b : 'none'; };
  setTimeout(() => {
    out.scrollTop = 0;
    src.dispatchEvent(new WheelEvent('wheel', { bubbles: true }));
    src.scrollTop = src.scrollHeight / 2;
    // Headless Chromium under virtual time may draw no frame, and so fire no scroll event, in time.
    src.dispatchEvent(new Event('scroll'));
    setTimeout(() => {
      const a = topBlock(src, '.run'), b = topBlock(out, 'article > [data-b], aside > [data-b]');
      r.push('sync=' + (out.scrollTop > 0 && a === b ? 'same' : a + '/' + b));
      document.documentElement.dataset.check = r.join(' ');
    }, 400);
  }, 400);
})();
</script>"#;

#[test]
fn chromium_opens_the_page_runs_its_script_and_draws_it() {
    let Some(bin) = chromium() else { return };
    let f = fixtures()
        .into_iter()
        .find(|f| f.name.starts_with("002"))
        .unwrap();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("review-browser");
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("002.html");
    std::fs::write(
        &html,
        review(
            &f.doc,
            &ReviewOptions::default().with_gold(f.gold.clone().unwrap()),
        ),
    )
    .unwrap();
    let dom = run_chromium(&bin, &dir.join("profile-dom"), &["--dump-dom"], &html);
    assert!(
        dom.contains("data-ready=\"yes\""),
        "the script did not finish: {}",
        &dom[..dom.len().min(400)]
    );
    let nonblank = reprint::score::nonblank_lines(&f.source).len();
    let shown = dom
        .match_indices("<div class=\"ln")
        .filter(|(i, _)| dom[i + 14..].starts_with(['"', ' ']))
        .count();
    assert_eq!(shown, nonblank, "line elements in the browser's DOM");
    assert!(
        dom.contains("class=\"legend\"") && dom.contains("class=\"chip k-paragraph\""),
        "no legend in the DOM"
    );
    let played = dir.join("002-played.html");
    std::fs::write(
        &played,
        std::fs::read_to_string(&html)
            .unwrap()
            .replace("</body>", &format!("{PLAY}</body>")),
    )
    .unwrap();
    let dom = run_chromium(
        &bin,
        &dir.join("profile-play"),
        &["--virtual-time-budget=5000", "--dump-dom"],
        &played,
    );
    let check = dom
        .split("data-check=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("(no data-check: the play script failed)");
    assert_eq!(
        check, "hover=out+src pin=out+src next=src sync=same",
        "hover and click reach both panes, n finds an issue, the panes scroll together"
    );
    let png = dir.join("002.png");
    let _ = std::fs::remove_file(&png);
    run_chromium(
        &bin,
        &dir.join("profile-png"),
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1400,1000",
        ],
        &html,
    );
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 20_000,
        "not a PNG with something drawn: {} bytes",
        bytes.len()
    );
    let (w, h) = (
        u32::from_be_bytes(bytes[16..20].try_into().unwrap()),
        u32::from_be_bytes(bytes[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (1400, 1000));
}

/// The kinds a reviewer must tell apart at a glance keep their bar colours
/// apart for everyone: CIE ΔE*ab of at least 25 between any two in normal
/// vision and 15 under simulated protanopia, deuteranopia and tritanopia
/// (Machado, Oliveira and Fernandes 2009, full severity).
#[test]
fn the_kinds_colours_are_told_apart_also_by_colour_blind_readers() {
    let css = std::fs::read_to_string("src/write/review/style.css").unwrap();
    let colour = |kind: &str| -> [f64; 3] {
        let rule = format!(".k-{kind} {{ --c: #");
        let at = css
            .find(&rule)
            .unwrap_or_else(|| panic!("no colour for {kind}"))
            + rule.len();
        let hex = &css[at..at + 6];
        let byte = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        let lin = |c: f64| {
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        [lin(byte(0)), lin(byte(2)), lin(byte(4))]
    };
    let lab = |rgb: [f64; 3]| -> [f64; 3] {
        let [r, g, b] = rgb;
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    };
    let vision: [(&str, [[f64; 3]; 3], f64); 4] = [
        (
            "normal",
            [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            25.0,
        ),
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
            15.0,
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
            15.0,
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
            15.0,
        ),
    ];
    let kinds = [
        "title",
        "subtitle",
        "frontmatter",
        "caption",
        "credit",
        "heading",
        "paragraph",
    ];
    for (name, m, least) in vision {
        let seen: Vec<[f64; 3]> = kinds
            .iter()
            .map(|k| {
                let c = colour(k);
                lab(std::array::from_fn(|r| {
                    (0..3).map(|i| m[r][i] * c[i]).sum::<f64>().clamp(0.0, 1.0)
                }))
            })
            .collect();
        for i in 0..kinds.len() {
            for j in i + 1..kinds.len() {
                let d = (0..3)
                    .map(|k| (seen[i][k] - seen[j][k]).powi(2))
                    .sum::<f64>()
                    .sqrt();
                assert!(
                    d >= least,
                    "{} and {} are {d:.1} apart in {name}, under {least}",
                    kinds[i],
                    kinds[j]
                );
            }
        }
    }
    // The hovered block is ringed in black, not tinted in a kind's hue.
    assert!(css.contains(".run.hl, #out .hl { box-shadow: 0 0 0 2px #222; }"));
}
