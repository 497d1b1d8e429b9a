//! RSS 2.0 and Atom feeds: one document per item or entry.
//!
//! An item with full content (`content:encoded`, Atom `<content>`) becomes an HTML
//! document with that content; an item with only a summary (`<description>`, Atom
//! `<summary>`) becomes a short one. Link, date, title and author go into the hints; the
//! channel's title becomes the outlet.

use crate::ReadError;
use parallax_core::{InputFormat, Payload, RawDocument, RecordHints};
use quick_xml::events::Event;
use std::path::Path;

#[derive(Default)]
struct Item {
    title: Option<String>,
    link: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    author: Option<String>,
    summary: Option<String>,
    content: Option<String>,
}

/// Reads every item of an RSS or Atom feed.
pub(crate) fn read(path: &Path, bytes: &[u8]) -> Vec<Result<RawDocument, ReadError>> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut channel_title: Option<String> = None;
    let mut item: Option<Item> = None;
    // Local names of the open elements, innermost last.
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut text = String::new();
    let mut items_seen = 0u64;
    let mut saw_feed_root = false;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(err) => {
                out.push(Err(ReadError::BadRecord {
                    path: path.to_path_buf(),
                    record: items_seen + 1,
                    reason: format!("bad XML at byte {}: {err}", reader.buffer_position()),
                }));
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if matches!(name.as_slice(), b"rss" | b"feed" | b"rdf") {
                    saw_feed_root = true;
                }
                if matches!(name.as_slice(), b"item" | b"entry") {
                    item = Some(Item::default());
                }
                if name == b"link" {
                    if let Some(href) = link_href(&e) {
                        set_once(&mut item, |i| &mut i.link, href);
                    }
                }
                stack.push(name);
                text.clear();
            }
            Event::Empty(e) if e.local_name().as_ref().eq_ignore_ascii_case(b"link") => {
                if let Some(href) = link_href(&e) {
                    set_once(&mut item, |i| &mut i.link, href);
                }
            }
            Event::Text(e) => {
                let raw = e
                    .unescape()
                    .map(|c| c.into_owned())
                    .unwrap_or_else(|_| String::from_utf8_lossy(e.as_ref()).into_owned());
                text.push_str(&raw);
            }
            Event::CData(e) => text.push_str(&String::from_utf8_lossy(e.as_ref())),
            Event::End(_) => {
                let Some(name) = stack.pop() else { continue };
                let value = std::mem::take(&mut text).trim().to_owned();
                let parent = stack.last().map(Vec::as_slice);
                match (&mut item, name.as_slice()) {
                    (Some(_), b"item" | b"entry") => {
                        items_seen += 1;
                        let done = item.take().expect("matched Some above");
                        out.push(document(path, items_seen, done, channel_title.as_deref()));
                    }
                    (Some(i), b"title") => set(&mut i.title, value),
                    (Some(i), b"link") if !value.is_empty() => set(&mut i.link, value),
                    (Some(i), b"pubdate" | b"published" | b"issued" | b"date") => {
                        set(&mut i.published, value)
                    }
                    (Some(i), b"updated" | b"modified") => set(&mut i.updated, value),
                    (Some(i), b"creator" | b"name") => set(&mut i.author, value),
                    (Some(i), b"author") if !value.contains('<') => set(&mut i.author, value),
                    (Some(i), b"encoded" | b"content") => set(&mut i.content, value),
                    (Some(i), b"description" | b"summary") => set(&mut i.summary, value),
                    (None, b"title")
                        if matches!(parent, Some(b"channel" | b"feed"))
                            && channel_title.is_none()
                            && !value.is_empty() =>
                    {
                        channel_title = Some(value);
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    // A file cut off inside an item says so rather than losing the item silently.
    if item.is_some() {
        out.push(Err(ReadError::BadRecord {
            path: path.to_path_buf(),
            record: items_seen + 1,
            reason: "the file ends inside this item (cut short?)".into(),
        }));
    }
    if out.is_empty() {
        let reason = if saw_feed_root {
            "a feed with no items"
        } else {
            "not an RSS or Atom feed"
        };
        out.push(Err(ReadError::BadRecord {
            path: path.to_path_buf(),
            record: 1,
            reason: reason.into(),
        }));
    }
    out
}

fn set(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

fn set_once(item: &mut Option<Item>, field: impl Fn(&mut Item) -> &mut Option<String>, v: String) {
    if let Some(item) = item {
        set(field(item), v);
    }
}

/// The `href` of an Atom `<link>` that points at the article (no `rel` or `alternate`).
fn link_href(e: &quick_xml::events::BytesStart) -> Option<String> {
    let mut href = None;
    let mut rel_ok = true;
    for attr in e.attributes().flatten() {
        let value = attr.unescape_value().ok()?.into_owned();
        match attr.key.local_name().as_ref() {
            b"href" => href = Some(value),
            b"rel" => rel_ok = value == "alternate",
            _ => {}
        }
    }
    href.filter(|_| rel_ok)
}

fn document(
    path: &Path,
    item_no: u64,
    item: Item,
    outlet: Option<&str>,
) -> Result<RawDocument, ReadError> {
    let Some(content) = item.content.or(item.summary) else {
        return Err(ReadError::BadRecord {
            path: path.to_path_buf(),
            record: item_no,
            reason: "item has neither content nor summary".into(),
        });
    };
    // The headline travels in the hints; the page holds only the item's text, each
    // plain-text summary wrapped as a paragraph so extractors see a block.
    let content = if content.contains("<p") || content.contains("<div") {
        content
    } else {
        format!("<p>{content}</p>")
    };
    let html = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>\
         <body><article>{content}</article></body></html>"
    );
    Ok(RawDocument {
        source: item
            .link
            .clone()
            .unwrap_or_else(|| format!("{}#{item_no}", path.display())),
        path: path.to_path_buf(),
        format: InputFormat::Feed,
        payload: Payload::Html {
            bytes: html.into_bytes(),
            declared_charset: Some("utf-8".into()),
        },
        hints: RecordHints {
            url: item.link,
            outlet: outlet.map(str::to_owned),
            published: item.published.or(item.updated),
            title: item.title,
            byline: item.author,
        },
    })
}
