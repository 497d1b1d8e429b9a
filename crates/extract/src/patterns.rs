//! Line-level boilerplate knowledge: what news pages print around an article.
//!
//! Each test looks at one line of text on its own. They encode general knowledge of
//! news templates (share prompts, "Read more" links, media-player debris, legal notices),
//! never the markup or wording of one site.

use regex::Regex;
use std::sync::LazyLock;

/// What a single line is, judged without its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Template text: drop the line.
    Junk,
    /// A notice or author box that ends the article: drop it and every line after it.
    Cutoff,
    /// Anything else: the context decides.
    Other,
}

/// Whole lines (compared case-insensitively, trailing `:`/`|` trimmed) that are template.
const JUNK_LINES: &[&str] = &[
    "accessibility links",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "breaking news",
    "to top",
    "back to top",
    "top",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "advertisement",
    "advertising",
    "sponsored",
    "ad",
    "menu",
    "search",
    "close",
    "home",
    "sign in",
    "log in",
    "login",
    "register",
    "subscribe",
    "subscribe now",
    "newsletter",
    "follow us",
    "follow us on",
    "connect with us",
    "like us on facebook",
    "please wait",
    "loading",
    "loading...",
    "direct link",
    "no media source currently available",
    "embed",
    "download",
    "play",
    "pause",
    "replay",
    "watch",
    "listen",
    "image",
    "photo",
    "video",
    "audio",
    "gallery",
    "next",
    "previous",
    "more",
    "read more",
    "see more",
    "show more",
    "load more",
    "view comments",
    "leave a comment",
    "leave a reply",
    "copy link",
    "copied",
    "whatsapp",
    "facebook",
    "twitter",
    "telegram",
    "linkedin",
    "reddit",
    "pinterest",
    "x",
    "xs",
    "sm",
    "md",
    "lg",
    "xl",
    "xs sm md lg",
    "cookie settings",
    "accept",
    "accept cookies",
    "privacy policy",
    "terms of use",
    "terms of service",
    "contact us",
    "about us",
    "sitemap",
    "all rights reserved",
    "related",
    "related articles",
    "related stories",
    "related news",
    "recommended",
    "trending",
    "most read",
    "most popular",
    "latest news",
    "latest",
    "top stories",
    "editor's picks",
    "you may also like",
    "you might also like",
    "more stories",
    "more news",
    "good news",
    "opinion",
    "world",
    "news",
    "politics",
    "business",
    "sport",
    "sports",
    "tags",
    "topics",
    "print this article",
    "font size",
    "text size",
    "a a a",
    "a+ a-",
    "listen to this article",
    "back to gallery",
    "see full gallery",
    "enlarge image",
    "order reprints",
    "print article",
    "sponsored links",
    "related tags",
    "filed under",
    "source",
    "learn more",
    "by",
    "iklan",
    "publicidade",
    "anzeige",
    "werbung",
    "publicité",
    "реклама",
    "view gallery",
    "advert",
    "don't miss",
    "see tweets",
    "like this story? share it with a friend!",
    "tell us what you think",
    "this slideshow requires javascript",
    "published",
    "updated",
];

/// Prefixes (lower-case) of link and prompt lines inside or around the article.
const JUNK_PREFIXES: &[&str] = &[
    "also read:",
    "also read -",
    "read also:",
    "read:",
    "read more:",
    "read more -",
    "see also:",
    "related:",
    "related stories:",
    "related article:",
    "related coverage:",
    "recommended:",
    "you might also be interested",
    "you may also be interested",
    "you might also like",
    "you may also like",
    "more:",
    "more on this:",
    "watch:",
    "watch video:",
    "listen:",
    "click here",
    "click to ",
    "follow us on",
    "follow us:",
    "connect with us",
    "join us on",
    "subscribe to ",
    "sign up for ",
    "sign up to ",
    "get the latest",
    "download our app",
    "share this:",
    "share on ",
    "posted in ",
    "filed under",
    "tags:",
    "topics:",
    "categories:",
    "image source",
    "image caption",
    "media caption",
    "photo credit",
    "image credit",
    "picture:",
    "photo:",
    "pictured:",
    "file photo",
    "copyright ©",
    "© ",
    "(c) ",
    "this article was originally published",
    "this story was originally published",
    "originally published",
    "we use cookies",
    "this site uses cookies",
    "by continuing to use",
    "please enable javascript",
    "your browser does not support",
    "to find out more, click",
    "more in ",
    "more from ",
    "sponsored content",
    "advertisement -",
    "story continues below",
    "article continues below",
    "continue reading",
    "scroll to continue",
    "skip advertisement",
    "updated:",
    "last updated",
    "published:",
    "first published",
    "posted:",
    "read more on ",
    "click here to ",
    "tags ",
    "source:",
    "tempo de leitura",
    "lesezeit",
    "temps de lecture",
    "reading time",
    "write to ",
    "reach the reporter",
    "contact the reporter",
    "| by",
    "by:",
    "previous post",
    "next post",
    "previous article",
    "next article",
    "- next ",
    "see more:",
    "also:",
    "фото:",
    "foto:",
    "get the latest",
    "let our news meet your inbox",
    "this site is protected by recaptcha",
    "have a tip?",
    "our standards:",
    "get access to",
    "start your day with",
    "updated at ",
    "reporting by ",
    "(reporting by ",
    "( reporting by ",
    "editing by ",
    "writing by ",
];

/// Headings of reader notices, disclaimers and author boxes that close an article.
const CUTOFF_LINES: &[&str] = &[
    "attention readers",
    "editor's note",
    "disclaimer",
    "disclosure",
    "about the author",
    "about the authors",
    "author bio",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "read next",
    "more stories",
    "more from this author",
    "you may also like",
    "you might also like",
    "recommended for you",
    "leave a comment",
    "leave a reply",
    "join the discussion",
    "most read",
    "most popular",
    "trending now",
    "popular stories",
    "latest stories",
    "latest news",
    "also on",
    "more on this story",
    "top stories",
    "sign up for our newsletter",
    "comments",
    "top rated comments",
    "reader comments",
    "readers comments",
    "readers' comments",
    "your comments",
    "your views",
    "have your say",
    "post a comment",
    "add your comment",
    "add a comment",
    "discussion",
    "reader notice",
    "notice to readers",
    "note to readers",
    "a note to our readers",
    "important notice",
];

static TIME_CODES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}:\d{2}(:\d{2})?\s*(/\s*)?)+$").expect("static regex"));
static VIDEO_SIZES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((xs|sm|md|lg|xl|\d{3,4}p|hd|sd)\s*)+$").expect("static regex"));
static NAV_SEPARATED: LazyLock<Regex> = LazyLock::new(|| {
    // "About VT - Policies & Disclosures - Comment Policy", "Home | World | Europe"
    Regex::new(r"^([\p{Lu}&][\w&’'.]*( [\p{L}&][\w&’'.]*){0,3})( [-|•·»›/] [\p{Lu}&][\w&’'.]*( [\p{L}&][\w&’'.]*){0,3}){2,}\s*[|]?$")
        .expect("static regex")
});
/// A bar of page tools ("Email this story | Print this story | Share").
static TOOL_BAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:e-?mail|print|share|save|send|tweet|reprint|bookmark|discuss|recommend)\b[\w ]{0,20}?\s*[|•·]\s*)+(?:e-?mail|print|share|save|send|tweet|reprint|bookmark|discuss|recommend)\b[\w ]{0,20}$")
        .expect("static regex")
});
/// A promotion that ends by sending the reader away ("... 12 issues for £11.99. Click
/// here for more information.").
static CLICK_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)[.!?]\s+click here\b[^.!?]*[.!?]?$").expect("static regex"));
static LEGAL_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^[^.]{0,80}\b(has|have) been (declared|designated|labell?ed|branded) (an? )?["“«]?(undesirable|foreign agent|extremist)"#)
        .expect("static regex")
});
static FINES_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)could face (fines|prosecution|imprisonment)|for sharing, liking, commenting")
        .expect("static regex")
});
static AUTHOR_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^About (\p{Lu}[\p{L}’'.-]+(?: \p{Lu}[\p{L}’'.-]+){1,2})$").expect("static regex")
});
/// The header of a reader's comment ("harbourfan wrote:"): the comments have begun.
static COMMENT_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\S+(?: \S+){0,3} wrote:$").expect("static regex"));
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    // "Mikhail Metzel/TASS", "Jane Doe/AP Photo", "Photo: AFP", "Bridge at dusk Jo Sample / Flickr CC"
    Regex::new(r"^(?:(?:(?:photo|image|picture|credit|foto)s?\s*[:©]\s*).{2,60}|(?:\p{Lu}[\p{L}’'.-]*\s+){1,4}\p{Lu}[\p{L}’'.-]*/\p{Lu}{2,}[\w-]*(?:\s+(?:Photo|Images|Pictures|via \S+))?|[^/]{2,80}\s/\s\p{Lu}[\p{L}&.-]*(?:\s+(?:\p{Lu}[\p{L}&.-]*|CC|BY(?:-SA)?(?: \d\.\d)?|via \S+)){0,3})$")
        .expect("static regex")
});
static FOLLOW_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(follow|like|find|join|listen to|watch) (us|\S+(?: \S+){0,6}) on (facebook|twitter|instagram|youtube|x|linkedin|tiktok|telegram|whatsapp|snapchat)\b")
        .expect("static regex")
});
static AFFILIATE_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\baffiliate\b.{0,120}\b(commission|compensat)|\b(commission|compensat).{0,120}\baffiliate\b")
        .expect("static regex")
});
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    // A caption that ends in its photo credit: "... (AP Photo/Jane Doe)", "... [File: Reuters]",
    // "... © Reuters /", "... Photo: Jane Doe/Getty Images".
    Regex::new(r"(?i)(?:[(\[]\s*(?:AP Photo|AFP Photo|Reuters Photo|photo|file|file photo|credit|image|picture|foto)s?\s*[:/][^)\]]{1,60}[)\]]|©\s*[\p{L} .&'-]{2,40}\s*/?|\b(?:photo|image|picture|credit)s?\s*:\s*[\p{L} .&'-]{2,40}(?:/[\p{L} .&'-]{2,30})?|/\s*(?:Getty Images|AFP|Reuters|AP|EPA|Shutterstock|Bloomberg)(?: via Getty Images)?\s*[)\]]?)\s*$")
        .expect("static regex")
});
static SOCIAL_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\d+\s*(post )?(comments?|shares?|views?|likes?|min read|minutes? read)( \(\+\))?$",
    )
    .expect("static regex")
});

/// Folds a line for comparison with the lists above.
pub fn key(line: &str) -> String {
    parallax_core::text::fold(
        line.trim()
            .trim_end_matches([':', '|', '›', '»', ' ', '.', '…', '(', '+', ')', '>']),
    )
}

/// Classifies one trimmed line.
pub fn classify(line: &str) -> LineKind {
    let folded = key(line);
    if folded.is_empty() {
        return LineKind::Junk;
    }
    if CUTOFF_LINES.contains(&folded.as_str()) || LEGAL_NOTICE.is_match(line) {
        return LineKind::Cutoff;
    }
    if AUTHOR_BOX.is_match(line.trim()) || COMMENT_BY.is_match(line.trim()) {
        return LineKind::Cutoff;
    }
    if JUNK_LINES.contains(&folded.as_str())
        || JUNK_PREFIXES.iter().any(|p| folded.starts_with(p))
        || TIME_CODES.is_match(&folded)
        || VIDEO_SIZES.is_match(&folded)
        || SOCIAL_COUNT.is_match(&folded)
        || FOLLOW_ON.is_match(&folded)
        || (AFFILIATE_NOTICE.is_match(line) && line.split_whitespace().count() <= 45)
        || NAV_SEPARATED.is_match(line.trim())
        || TOOL_BAR.is_match(line.trim())
        || (CLICK_TAIL.is_match(line.trim()) && line.split_whitespace().count() <= 35)
        || FINES_NOTICE.is_match(line)
        || crate::notices::is_outlet_notice(line)
        || crate::links::is_link_line(line)
        || is_photo_credit(line)
        || is_credited_caption(line)
    {
        return LineKind::Junk;
    }
    LineKind::Other
}

/// The first line a media player prints while it loads ("please wait").
pub fn is_media_marker(line: &str) -> bool {
    matches!(
        key(line).as_str(),
        "please wait"
            | "loading"
            | "no media source currently available"
            | "play video"
            | "play audio"
    )
}

/// A photo caption that ends with its credit ("... (AP Photo/Jane Doe)").
pub fn is_credited_caption(line: &str) -> bool {
    line.split_whitespace().count() <= 80 && CAPTION_CREDIT.is_match(line.trim())
}

/// A photo credit line such as "Jane Doe/Agency"; no sentence ends in it.
pub fn is_photo_credit(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= 10
        && !line.ends_with(['.', '!', '?', '"', '”'])
        && PHOTO_CREDIT.is_match(line)
}

/// The name in an author box heading ("About Jane Doe").
pub fn author_box_name(line: &str) -> Option<String> {
    AUTHOR_BOX.captures(line.trim()).map(|c| c[1].to_owned())
}

#[cfg(test)]
mod tests;
