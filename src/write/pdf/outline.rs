//! The nested PDF outline. printpdf 0.12 writes bookmarks as one flat list
//! sorted by page and then by *name*, so two headings on one page come out
//! alphabetised and no heading can sit under its article. We therefore
//! leave printpdf's bookmarks empty and write the outline tree ourselves
//! into the lopdf document printpdf hands back.

use lopdf::{Dictionary, Document as Lo, Object, ObjectId};

/// One outline entry: depth (0 = article), title, page index, and the
/// y coordinate of its top on that page.
pub(super) struct Entry {
    pub(super) depth: usize,
    pub(super) title: String,
    pub(super) page: usize,
    pub(super) y: f32,
}

struct Node {
    entry: usize,
    children: Vec<Node>,
}

/// Adds `/Outlines` to the catalog. Entries deeper than the one before them
/// by more than one level hang under it all the same.
pub(super) fn write(doc: &mut Lo, entries: &[Entry]) {
    if entries.is_empty() {
        return;
    }
    let pages = doc.get_pages();
    let mut roots: Vec<Node> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let mut level = &mut roots;
        let mut depth = 0;
        while depth < e.depth
            && level
                .last()
                .is_some_and(|n| entries[n.entry].depth < e.depth)
        {
            level = &mut level.last_mut().expect("checked").children;
            depth += 1;
        }
        level.push(Node {
            entry: i,
            children: Vec::new(),
        });
    }
    let root = doc.new_object_id();
    let (first, last, count) = write_level(doc, &roots, root, entries, &pages);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Outlines".to_vec()));
    dict.set("First", Object::Reference(first));
    dict.set("Last", Object::Reference(last));
    dict.set("Count", Object::Integer(count));
    doc.objects.insert(root, Object::Dictionary(dict));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
}

/// Writes siblings and their subtrees; returns first, last and the number of
/// visible descendants (all open).
fn write_level(
    doc: &mut Lo,
    nodes: &[Node],
    parent: ObjectId,
    entries: &[Entry],
    pages: &std::collections::BTreeMap<u32, ObjectId>,
) -> (ObjectId, ObjectId, i64) {
    let ids: Vec<ObjectId> = nodes.iter().map(|_| doc.new_object_id()).collect();
    let mut count = 0;
    for (k, node) in nodes.iter().enumerate() {
        let e = &entries[node.entry];
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&e.title));
        dict.set("Parent", Object::Reference(parent));
        if let Some(&page) = pages.get(&(e.page as u32 + 1)) {
            dict.set(
                "Dest",
                vec![
                    Object::Reference(page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(e.y),
                    Object::Null,
                ],
            );
        }
        if k > 0 {
            dict.set("Prev", Object::Reference(ids[k - 1]));
        }
        if let Some(&next) = ids.get(k + 1) {
            dict.set("Next", Object::Reference(next));
        }
        count += 1;
        if !node.children.is_empty() {
            let (f, l, c) = write_level(doc, &node.children, ids[k], entries, pages);
            dict.set("First", Object::Reference(f));
            dict.set("Last", Object::Reference(l));
            dict.set("Count", Object::Integer(c));
            count += c;
        }
        doc.objects.insert(ids[k], Object::Dictionary(dict));
    }
    (ids[0], ids[ids.len() - 1], count)
}

/// A PDF text string: UTF-16BE with a byte order mark, for any script.
pub(super) fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}
