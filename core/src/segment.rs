//! Stage 3: segmentation into documents, and each document's reading order.
//!
//! Anchors, not line order: a document is announced by its **title block**
//! (an optional issuer line, then lines ending in a 文种 word, with 关于 /
//! 印发 / 转发 or an attached 发文字号), optionally preceded or followed by
//! its 发文字号 line and GB/T 9704 header lines (份号, 密级, 紧急程度).
//!
//! In a PDF gazette the extraction may put a title block at the end of its
//! document's first page. When the input has page marks, a document starts
//! at the top of the page holding its title block if the text above the
//! title on that page is consistent with it: it holds a 主送 line, names the
//! person the title names (`关于崔赣等同志的任免通知`), or cites the title's
//! enclosed 《X》.
//!
//! Within a document, the **cover block** of an 印发 notice (enclosed title,
//! 主送, cover text, signature, date) that the extraction dropped into the
//! middle of the enclosed text is moved back to the front, so the enclosed
//! text reads on across it.

use std::sync::LazyLock;

use regex::Regex;

use crate::layout::Layout;
use crate::text::{char_len, squeeze};
use crate::vocab::vocab;
use crate::values::{document_kind, enclosed_kind, enclosed_word_len, kind_word_len, is_org};
use crate::grammar::{is_title_line, recipients_prefix};

/// What a line is, inside a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Text,
    /// Part of the title block (issuer line or title line).
    Title,
    /// The 发文字号 line (possibly with 签发人).
    Number,
    /// 份号 / 密级 / 紧急程度 / 签发人 above the title.
    GbHeader,
    /// A line repeating an enclosed title (`湘潭县…实施方案`).
    EnclosedTitle,
    /// 发文机关署名 above the date.
    Signature,
    /// The 成文日期 line.
    Date,
}

/// A title block found in the text.
#[derive(Clone, Debug)]
pub(crate) struct Anchor {
    /// Content positions (indices into `Segmented::content`) of the block.
    pub first: usize,
    pub last: usize,
    /// The title (whitespace removed).
    pub title: String,
    /// Where the title ends inside its last line (a title run into the 主送
    /// on one crawled line): that line's index and the byte offset in its
    /// cleaned text.
    pub cut: Option<(usize, usize)>,
    /// Content position of the 发文字号 line, if adjacent.
    pub number: Option<usize>,
    /// Content position of a masthead (版头) line printed above the title
    /// block (`某某市人民政府专题会议纪要`).
    pub masthead: Option<usize>,
}

/// One document's lines.
#[derive(Clone, Debug)]
pub(crate) struct DocLines {
    /// Line indices (into `Layout::lines`) in reading order.
    pub order: Vec<usize>,
    /// Role of each line, parallel to `order`.
    pub roles: Vec<Role>,
    pub anchor: Option<Anchor>,
    /// First and last line index in input order.
    pub first_line: usize,
    pub last_line: usize,
}

/// The segmentation of one input.
#[derive(Debug, Default)]
pub(crate) struct Segmented {
    /// Indices of non-furniture lines.
    pub content: Vec<usize>,
    pub docs: Vec<DocLines>,
    /// Line indices before the first document.
    pub preamble: Vec<usize>,
}

fn balanced(t: &str) -> bool {
    t.matches('《').count() == t.matches('》').count() && t.matches('（').count() == t.matches('）').count()
}

/// Is `title` (whitespace removed) a 公文 title that announces a document?
fn is_document_title(title: &str, has_number: bool) -> bool {
    let Some(_) = document_kind(title) else { return false };
    if !balanced(title) || title.starts_with('《') {
        return false;
    }
    if title.contains("关于") || title.contains("印发") || title.contains("转发") || has_number {
        return true;
    }
    // `河北省人民政府通告`: an issuer followed directly by the 文种.
    let bare = vocab().list("titles", "after_issuer");
    let kind_len = bare.iter().find(|k| title.ends_with(k.as_str())).map(|k| k.len());
    kind_len.is_some_and(|k| is_org(&title[..title.len() - k]) && char_len(title) <= 30)
}

/// Segments the layout's content lines into documents.
pub(crate) fn segment(layout: &Layout) -> Segmented {
    let content: Vec<usize> = (0..layout.lines.len()).filter(|&i| layout.is_content(i)).collect();
    let text = |p: usize| layout.text(content[p]);
    let mut anchors = find_anchors(layout, &content);
    // A title repeated by page chrome (a web page's heading above the
    // document's own title block) counts once: keep the later copy when
    // nothing but short chrome stands between them.
    // (Each pass below rebuilds the list in one go: no `remove` in a loop.)
    let repeated: Vec<bool> = anchors
        .windows(2)
        .map(|w| {
            let (a, b) = (&w[0], &w[1]);
            let between = a.last + 1..b.first;
            let gap_is_chrome = between.len() <= 4 && between.clone().all(|p| !text(p).contains('。') && char_len(text(p)) <= 30);
            a.title == b.title && gap_is_chrome
        })
        .collect();
    let mut k = 0;
    anchors.retain(|_| {
        k += 1;
        !repeated.get(k - 1).copied().unwrap_or(false)
    });
    // A title without a 发文字号 or an issuer that repeats the title enclosed
    // by the document before it (`转发民政部关于X意见的通知` then `关于X
    // 的意见`) opens that enclosed text, not a new document.
    let core = |t: &str| {
        let t = t.replace('的', "");
        let t = t.trim_start_matches("关于");
        let kind_len = kind_word_len(t).or_else(|| enclosed_word_len(t)).unwrap_or(0);
        t[..t.len() - kind_len.min(t.len())].to_string()
    };
    let mut kept: Vec<Anchor> = Vec::with_capacity(anchors.len());
    for b in anchors {
        let weak = b.number.is_none() && b.title.starts_with("关于");
        let encloses = |a: &Anchor| {
            let t = core(&b.title);
            char_len(&t) >= 4 && enclosed_titles(&a.title).iter().map(|e| core(e)).any(|e| e.contains(&t) || t.contains(&e))
        };
        if !(weak && kept.last().is_some_and(encloses)) {
            kept.push(b);
        }
    }
    // A masthead (`某某市人民政府专题会议纪要`, no 关于) right above the
    // document's own title block is part of that document.
    let mut anchors: Vec<Anchor> = Vec::with_capacity(kept.len());
    for mut b in kept {
        if let Some(a) = anchors.last() {
            let masthead = !a.title.contains("关于") && !a.title.contains("印发") && !a.title.contains("转发");
            let gap = b.first.saturating_sub(a.last.max(a.number.unwrap_or(0)) + 1);
            let between_plain = (a.last + 1..b.first).all(|p| !text(p).contains('。'));
            if masthead && gap <= 3 && between_plain && b.title.contains("关于") {
                b.number = b.number.or(a.number);
                b.masthead = Some(a.first);
                anchors.pop();
            }
        }
        anchors.push(b);
    }
    if content.is_empty() {
        return Segmented { content, ..Segmented::default() };
    }
    let mut seg = Segmented { docs: Vec::with_capacity(anchors.len().max(1)), ..Segmented::default() };
    // Start position of each document.
    let mut starts: Vec<usize> = Vec::new();
    for a in &anchors {
        let mut s = a.first.min(a.number.unwrap_or(a.first)).min(a.masthead.unwrap_or(a.first));
        // GB/T 9704 header lines and the 版头 (`某某人民政府文件`) above.
        while s > 0 {
            let t = text(s - 1);
            let banner = t.ends_with("文件") && char_len(t) <= 25 && is_org(t.trim_end_matches("文件"));
            // `某某厅公告2024年第3号` above an announcement's title.
            let ordinal = char_len(t) <= 40 && t.ends_with('号') && t.contains('第') && (t.contains("公告") || t.contains("通告") || t.contains('令'));
            if layout.lines[content[s - 1]].shape.gb_header || banner || ordinal {
                s -= 1;
            } else {
                break;
            }
        }
        let floor = starts.last().map(|&p| p + 1).unwrap_or(0);
        if s < floor {
            continue;
        }
        // Snap to the top of the page when the text above belongs here.
        if let Some(q) = (floor..=s).rev().find(|&q| layout.lines[content[q]].page_start) {
            if q < s && (q..s).any(|p| belongs_to(text(p), a)) {
                s = q;
            }
        }
        // A 印发 notice whose enclosed text began on the page before its
        // title block (the gazette printed the plan's first page first): the
        // page that opens with the enclosed title belongs here too.
        let enclosed: Vec<String> = enclosed_titles(&a.title).iter().map(|t| title_core(t)).collect();
        if !enclosed.is_empty() && layout.lines[content[s]].page_start {
            let opens_enclosed = |q: usize| {
                let one = title_core(text(q));
                let two = if q + 1 < content.len() { title_core(&format!("{}{}", text(q), text(q + 1))) } else { String::new() };
                enclosed.iter().any(|e| *e == one || *e == two)
            };
            if let Some(q) = (floor..s).rev().take(80).find(|&q| layout.lines[content[q]].shape.title && opens_enclosed(q)) {
                let top = (floor..=q).rev().find(|&r| layout.lines[content[r]].page_start).unwrap_or(q);
                // Only when nothing but that page stands between.
                if (top..s).filter(|&r| layout.lines[content[r]].page_start).count() <= 2 {
                    s = top;
                }
            }
        }
        starts.push(s);
    }
    if starts.is_empty() {
        starts.push(0);
    }
    // The first anchor whose block starts at or after `s`. Starts increase,
    // so an anchor that starts before one start is passed for good.
    let mut next_anchor = 0;
    let mut anchor_at = |s: usize| {
        let hull = |a: &Anchor| a.first.min(a.number.unwrap_or(a.first)).min(a.masthead.unwrap_or(a.first));
        while anchors.get(next_anchor).is_some_and(|a| !(s <= a.first && hull(a) >= s)) {
            next_anchor += 1;
        }
        anchors.get(next_anchor)
    };
    seg.preamble = content[..starts[0]].to_vec();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(content.len());
        let anchor = anchor_at(s).filter(|a| a.first < e).cloned();
        seg.docs.push(order_document(layout, &content, s, e, anchor));
    }
    seg.content = content;
    seg
}

/// Is the line `t` (above a title block on the same page) part of the
/// document the title announces?
fn belongs_to(t: &str, a: &Anchor) -> bool {
    static PERSON: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"关于([\p{Han}]{2,4}?)(?:等|同志)").unwrap());
    static ENCLOSED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"《([^《》]+)》").unwrap());
    if recipients_prefix(t).is_some() && t.ends_with(['：', ':']) {
        return true;
    }
    if let Some(c) = PERSON.captures(&a.title) {
        if t.contains(&c[1]) {
            return true;
        }
    }
    ENCLOSED.captures_iter(&a.title).any(|c| t.contains(&format!("《{}》", &c[1])))
}

fn find_anchors(layout: &Layout, content: &[usize]) -> Vec<Anchor> {
    let text = |p: usize| layout.text(content[p]);
    let mut out: Vec<Anchor> = Vec::new();
    let mut p = 0;
    while p < content.len() {
        // A number line already claimed by the previous title block (printed
        // after it) cannot also be this one's number printed before it.
        let floor = out.last().map_or(0, |a: &Anchor| a.last.max(a.number.unwrap_or(0)) + 1);
        if let Some(a) = title_block_at(layout, content, p, floor) {
            p = a.last.max(a.number.unwrap_or(0)) + 1;
            out.push(a);
        } else {
            p += 1;
        }
    }
    let _ = text;
    out
}

/// Tries to read a title block starting at content position `p`.
fn title_block_at(layout: &Layout, content: &[usize], p: usize, floor: usize) -> Option<Anchor> {
    let text = |q: usize| layout.text(content[q]);
    let is_number = |q: usize| layout.lines[content[q]].shape.number;
    let first = text(p);
    // Optional issuer line(s) above the 关于 line.
    let mut q = p;
    let mut title = String::new();
    while q < content.len() && q < p + 2 {
        let t = text(q);
        if layout.lines[content[q]].shape.title && is_org(&squeeze(t)) && !t.contains("关于") && document_kind(&squeeze(t)).is_none() {
            title.push_str(&squeeze(t));
            q += 1;
        } else {
            break;
        }
    }
    if q > p && !(q < content.len() && (text(q).starts_with("关于") || text(q).starts_with("印发") || text(q).starts_with("转发"))) {
        // Issuer lines must be followed by the 关于 line.
        title.clear();
        q = p;
    }
    let start_title = q;
    // The title proper opens with 关于/印发/转发 (or holds it on its first
    // line after the issuer), unless it is a one-line `某某人民政府通告`.
    let opens = |t: &str| t.contains("关于") || t.contains("印发") || t.contains("转发");
    let one_line_only = q >= content.len() || !opens(text(q));
    let mut end = None;
    while q < content.len() && q < start_title + 5 {
        let t = text(q);
        // A page title naming the enclosed text (`某某实施方案`) above the
        // notice's own title block: the block starts at the notice.
        if q > start_title && !opens(&title) && enclosed_kind(&title).is_some() && document_kind(&title).is_none() && opens(t) {
            return None;
        }
        if layout.lines[content[q]].shape.title {
            if q > start_title && layout.lines[content[q]].page_start && !title.is_empty() && document_kind(&title).is_some() {
                break;
            }
            title.push_str(&squeeze(t));
            if one_line_only && q > start_title {
                break;
            }
            if document_kind(&title).is_some() && balanced(&title) {
                // A page title (`某某办法`) over a line that opens the
                // notice's own title and names it (`某局关于印发《某某办法》
                // 的通知…`): the block starts at that line.
                // (Named near its start, after an issuer or a number, not
                // quoted in a sentence further on.)
                let names_it = |n: usize| {
                    let next = if n < content.len() { squeeze(text(n)) } else { String::new() };
                    next.find(title.as_str()).is_some_and(|at| at > 0 && at <= 150 && !next[..at].contains(['。', '，', '；', '：']) && opens(&next[..at + title.len()]))
                };
                let after_number = q + 2 < content.len() && is_number(q + 1) && names_it(q + 2);
                if q == start_title && start_title == p && (names_it(q + 1) || after_number) {
                    return None;
                }
                end = Some((q, None));
                // A longer title may continue (`…的通知` cannot, but
                // `…复函` after `…的` can): stop at the first balanced end.
                break;
            }
            q += 1;
        } else {
            // A crawled line with the title run into the 主送.
            let cut = split_title_run_on(t);
            if let Some(c) = cut {
                title.push_str(&squeeze(&t[..c]));
                end = Some((q, Some(c)));
            }
            break;
        }
    }
    let (last, cut) = end?;
    let number_after = (last + 1 < content.len() && cut.is_none())
        .then(|| last + 1)
        .filter(|&n| is_number(n));
    let number_before = (p >= 1).then(|| p - 1).filter(|&n| n >= floor && is_number(n)).or_else(|| {
        (p >= 2 && !text(p - 1).contains('。')).then(|| p - 2).filter(|&n| n >= floor && is_number(n))
    });
    let number = number_after.or(number_before);
    if !is_document_title(&title, number.is_some()) {
        return None;
    }
    let _ = first;
    Some(Anchor { first: p, last, title, cut: cut.map(|c| (content[last], c)), number, masthead: None })
}

/// For a line like `…的通知承德市人民政府，省政府有关部门：《…》已经…`,
/// the byte length of the title part.
fn split_title_run_on(t: &str) -> Option<usize> {
    // A title is short: look only at the head of a long crawled line.
    for (i, _) in t.match_indices('的').take_while(|(i, _)| *i < 300) {
        let rest = &t[i + '的'.len_utf8()..];
        if let Some(k) = vocab().document_kinds.prefix_of(rest) {
            let after = &rest[k.end..];
            {
                let cut = t.len() - after.len();
                let head = &t[..cut];
                if is_title_line(&squeeze(head)) && recipients_prefix(after.trim_start()).is_some() {
                    return Some(cut);
                }
            }
        }
    }
    None
}

/// Orders the lines of one document and assigns roles.
fn order_document(layout: &Layout, content: &[usize], s: usize, e: usize, anchor: Option<Anchor>) -> DocLines {
    let text = |p: usize| layout.text(content[p]);
    let shape = |p: usize| layout.lines[content[p]].shape;
    let mut roles: Vec<Role> = vec![Role::Text; e - s];
    let mut head: Vec<usize> = Vec::new();
    if let Some(a) = &anchor {
        // (A title block may reach past the document's end: only its lines
        // inside it.)
        for p in a.first.max(s)..=a.last.min(e.saturating_sub(1)) {
            if let Some(r) = roles.get_mut(p - s) {
                *r = Role::Title;
            }
        }
        if let Some(n) = a.number {
            if n >= s && n < e {
                roles[n - s] = Role::Number;
            }
        }
    }
    for p in s..e {
        if roles[p - s] == Role::Text && shape(p).gb_header && (p == s || roles[p - s - 1] == Role::GbHeader) {
            roles[p - s] = Role::GbHeader;
        }
    }
    // Signature/date pairs and enclosed-title lines.
    let enclosed: Vec<String> = anchor.as_ref().map(|a| enclosed_titles(&a.title)).unwrap_or_default().iter().map(|t| title_core(t)).collect();
    let longest = enclosed.iter().map(|t| t.len()).max().unwrap_or(0) + 12;
    for p in s..e {
        if roles[p - s] != Role::Text {
            continue;
        }
        if shape(p).date {
            roles[p - s] = Role::Date;
            let mut q = p;
            while q > s && q + 3 > p && roles[q - 1 - s] == Role::Text && shape(q - 1).signature {
                roles[q - 1 - s] = Role::Signature;
                q -= 1;
            }
        }
    }
    for p in s..e {
        if roles[p - s] != Role::Text {
            continue;
        }
        // A run of up to three lines equal to an enclosed title.
        if enclosed.is_empty() {
            break;
        }
        let mut joined = String::new();
        for q in p..(p + 3).min(e) {
            if roles[q - s] != Role::Text || text(q).len() > longest || !shape(q).title {
                break;
            }
            joined.push_str(&squeeze(text(q)));
            if joined.len() > longest {
                break;
            }
            let core = title_core(&joined);
            if enclosed.contains(&core) {
                for r in p..=q {
                    roles[r - s] = Role::EnclosedTitle;
                }
                break;
            }
        }
    }
    // Reading order: GB/T header and title block first, then the cover block
    // if it was dropped later, then everything else in input order.
    for p in s..e {
        if matches!(roles[p - s], Role::GbHeader | Role::Title | Role::Number) {
            head.push(p);
        }
    }
    let rest: Vec<usize> = (s..e).filter(|p| !head.contains(p)).collect();
    let cover = find_cover(layout, content, &rest, &roles, s);
    let mut order_pos: Vec<usize> = head;
    if let Some((c0, c1)) = cover {
        order_pos.extend_from_slice(&rest[c0..=c1]);
        order_pos.extend(rest[..c0].iter().chain(rest[c1 + 1..].iter()).copied());
    } else {
        order_pos.extend(rest);
    }
    DocLines {
        roles: order_pos.iter().map(|&p| roles[p - s]).collect(),
        order: order_pos.iter().map(|&p| content[p]).collect(),
        anchor,
        first_line: content[s],
        last_line: content[e - 1],
    }
}

/// A cover block that is not at the front: [enclosed title lines] 主送 …
/// signature, date. Returns its index range within `rest`.
fn find_cover(layout: &Layout, content: &[usize], rest: &[usize], roles: &[Role], s: usize) -> Option<(usize, usize)> {
    let text = |p: usize| layout.text(content[p]);
    let mut i = 0;
    while i < rest.len() {
        let p = rest[i];
        if roles[p - s] == Role::Text {
            // Up to three lines joined must be a 主送 list ending in ：.
            let mut joined = String::new();
            for j in i..(i + 3).min(rest.len()) {
                joined.push_str(text(rest[j]));
                if recipients_prefix(&joined).is_some() {
                    // Must reach a date within eight lines.
                    let mut date = (j + 1..(j + 9).min(rest.len())).find(|&k| roles[rest[k] - s] == Role::Date)?;
                    // A 附注 such as （此件公开发布） right after the date goes with it.
                    while date + 1 < rest.len() && is_note_line(text(rest[date + 1])) {
                        date += 1;
                    }
                    let mut c0 = i;
                    while c0 > 0 && roles[rest[c0 - 1] - s] == Role::EnclosedTitle {
                        c0 -= 1;
                    }
                    if c0 == 0 {
                        return None; // already at the front
                    }
                    return Some((c0, date));
                }
                if joined.contains('。') {
                    break;
                }
            }
            // Only the first 主送-like line matters.
            if i > 0 && roles[rest[i] - s] == Role::Text && text(rest[i]).contains('。') && i > 40 {
                return None;
            }
        }
        i += 1;
    }
    None
}

/// A 附注 line: `（此件公开发布）`.
fn is_note_line(t: &str) -> bool {
    (t.starts_with('（') || t.starts_with('(')) && (t.ends_with('）') || t.ends_with(')')) && ["此件", "本件", "此文", "本文"].iter().any(|w| t.contains(w)) && char_len(t) <= 30
}

/// Titles issued by a 印发/转发 notice: 《X》 in the title, or the X of
/// `印发X的通知` when printed without brackets.
pub(crate) fn enclosed_titles(title: &str) -> Vec<String> {
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"《([^《》]+)》").unwrap());
    if !(title.contains("印发") || title.contains("转发") || title.contains("颁发") || title.contains("发布")) {
        return Vec::new();
    }
    let v: Vec<String> = BRACKETED.captures_iter(title).map(|c| c[1].to_string()).collect();
    if !v.is_empty() {
        return v;
    }
    static BARE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:印发|转发|颁发|发布)(.+?)的(?:通知|决定|通告|公告|函)$").unwrap());
    BARE.captures(title).map(|c| vec![c[1].to_string()]).unwrap_or_default()
}

/// A title reduced for comparison: no spaces, no 的, nothing up to 关于
/// (`民政部关于清理整顿社会团体意见` ~ `关于清理整顿社会团体的意见`).
pub(crate) fn title_core(t: &str) -> String {
    let t: String = squeeze(t).chars().filter(|c| *c != '的').collect();
    match t.find("关于") {
        Some(i) => t[i + "关于".len()..].to_string(),
        None => t,
    }
}

/// Title of a text without a title block: its first line if it reads as one.
pub(crate) fn bare_title(t: &str) -> bool {
    is_title_line(t) && (document_kind(&squeeze(t)).is_some() || enclosed_kind(&squeeze(t)).is_some())
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::layout;

    fn titles(input: &str) -> Vec<String> {
        let l = layout(input);
        let s = segment(&l);
        s.docs.iter().map(|d| d.anchor.as_ref().map(|a| a.title.clone()).unwrap_or_default()).collect()
    }

    #[test]
    fn one_pasted_notice_is_one_document() {
        let t = "国务院关于做好当前和今后一个时期\n促进就业工作的若干意见\n国发〔2018〕39号\n各省、自治区、直辖市人民政府：\n正文。\n国务院\n2018年11月16日\n";
        assert_eq!(titles(t), ["国务院关于做好当前和今后一个时期促进就业工作的若干意见"]);
    }

    #[test]
    fn two_documents_back_to_back() {
        let t = "甲市人民政府关于甲事项的通知\n甲政发〔2023〕1号\n各区人民政府：\n正文一。\n甲市人民政府\n2023年1月5日\n乙市人民政府办公室关于乙事项的通知\n乙政办发〔2023〕2号\n各县人民政府：\n正文二。\n乙市人民政府办公室\n2023年2月6日\n";
        assert_eq!(titles(t), ["甲市人民政府关于甲事项的通知", "乙市人民政府办公室关于乙事项的通知"]);
    }

    #[test]
    fn a_title_cited_in_body_is_not_an_anchor() {
        let t = "某县人民政府关于甲的通知\n各乡镇：\n根据《某省人民政府关于乙的通知》要求，\n现通知如下。\n某县人民政府\n2023年1月5日\n";
        assert_eq!(titles(t).len(), 1);
    }

    #[test]
    fn title_block_after_body_on_its_page() {
        // Page 1 of the first document, then a page holding the second
        // document's body with its title block at the bottom.
        let t = " 某县人民政府关于甲的通知\n某政发〔2023〕1号\n各乡镇：\n正文一。\n某县人民政府\n2023年1月5日\n 各乡镇人民政府：\n经研究，同意：\n张三同志任某局局长。\n某县人民政府\n2023年2月6日\n某县人民政府\n关于张三同志任职的通知\n某政人发〔2023〕2号\n x\n";
        let l = layout(t);
        let s = segment(&l);
        assert_eq!(s.docs.len(), 2);
        let d = &s.docs[1];
        let first = d.first_line;
        assert_eq!(l.text(first), "各乡镇人民政府：");
    }


    #[test]
    fn a_page_title_above_the_notice_is_not_part_of_its_title() {
        let text = "某某工作实施方案\n某某局关于印发《某某工作实施方案》的通知各科室：现印发给你们。\n";
        assert_eq!(titles(text), ["某某局关于印发《某某工作实施方案》的通知"]);
        // A page title that is a document name itself (办法, 意见, a 通知).
        let text = "某某管理办法\n某某厅关于印发《某某管理办法》的通知\n各市某某局：\n现将《某某管理办法》印发给你们。\n";
        assert_eq!(titles(text), ["某某厅关于印发《某某管理办法》的通知"]);
        let text = "关于做好某某工作的通知\n某某厅关于做好某某工作的通知\n各市某某局：\n请做好某某工作。\n";
        assert_eq!(titles(text), ["某某厅关于做好某某工作的通知"]);
        let text = "关于做好某某工作的通知\n某科规﹝2021﹞1号\n某某厅关于做好某某工作的通知\n各市某某局：\n请做好某某工作。\n";
        assert_eq!(titles(text), ["某某厅关于做好某某工作的通知"]);
        // The title quoted in the body further on does not move the block.
        let text = "关于修改《某某细则》的决定\n为做好某某工作，现作如下修改。关于修改《某某细则》的决定自公布之日起施行。\n";
        assert_eq!(titles(text), ["关于修改《某某细则》的决定"]);
    }
}
