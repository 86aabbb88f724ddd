//! Stage 4: the GB/T 9704 elements of one document.
//!
//! Works on the document's lines in reading order (from [`segment`]) and on
//! its paragraphs (lines joined where a PDF broke them mid-sentence).
//! Each rule is one function below: title and 文种, 发文字号, 主送, 署名 and
//! 成文日期, 发文机关, 附件, citations, and the other elements (份号, 密级,
//! 紧急程度, 签发人, 附注, 抄送, 印发).
//!
//! [`segment`]: crate::segment

use std::sync::LazyLock;

use regex::Regex;

use crate::layout::Layout;
use crate::paras::Para;
use crate::model::{Attachment, Citation, Diagnostic, DocNumber, Document, Level, Span};
use crate::segment::{enclosed_titles, title_core, DocLines, Role};
use crate::grammar::{find_dates, find_doc_numbers, is_signature_line, marker_at, number_line, recipients_prefix, whole_date};
use crate::text::{char_len, Mapped};
use crate::values::{
    document_kind, enclosed_kind, is_org, number_parts, split_bodies, trim_agency,
    ORDER_NUMBER,
};

/// Extracts the header elements of one document.
pub(crate) fn extract(
    layout: &Layout,
    doc: &DocLines,
    paras: &[Para],
    metadata: &[(String, Span, String)],
    diags: &mut Vec<Diagnostic>,
) -> Document {
    let mut d = Document::default();
    title(layout, doc, &mut d);
    doc_number(layout, doc, metadata, &mut d, diags);
    gb_header(layout, doc, &mut d);
    printed_enclosed_titles(layout, doc, paras, &mut d);
    recipients(paras, &mut d);
    signature_and_date(layout, doc, paras, &mut d);
    adoption_date(layout, doc, &mut d);
    issuers(&mut d);
    ordinal_number(layout, doc, &mut d);
    attachments(layout, doc, &mut d);
    closing_elements(layout, doc, paras, &mut d);
    // Last: only what the body does not print.
    metadata_fallbacks(metadata, &mut d, diags);
    citations(paras, &mut d);
    placeholders(layout, doc, diags);
    if d.date.is_none() {
        diags.push(Diagnostic {
            level: Level::Warning,
            code: "no_date".into(),
            message: format!("no 成文日期 found for document「{}」", d.title),
            span: Span::new(layout.lines[doc.first_line].start(), layout.lines[doc.first_line].start()),
        });
    }
    d
}

/// `XXX同志`, `〔2024〕X号`, `2024年X月X日`: a template or an OCR pass left
/// placeholders (runs of X, Ｘ or ×, standing apart from Latin words). What
/// holds them is not read as a value; one diagnostic says where they are.
fn placeholders(layout: &Layout, doc: &DocLines, diags: &mut Vec<Diagnostic>) {
    let mut found: Vec<Span> = Vec::new();
    for &i in &doc.order {
        let t = layout.text(i);
        if !t.contains(['X', 'x', 'Ｘ', '×']) {
            continue;
        }
        let r = layout.lines[i].clean();
        let mut run: Option<usize> = None;
        let mut prev: Option<char> = None;
        for (k, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            let x = matches!(c, 'X' | 'x' | 'Ｘ' | '×');
            match (x, run) {
                (true, None) if !prev.is_some_and(|p| p.is_ascii_alphanumeric()) => run = Some(k),
                (false, Some(a)) => {
                    // A run of two or more, or one X where a number's digits go
                    // (`〔2024〕X号`, `X月X日`) — not `1+X`.
                    let before = t[..a].chars().next_back();
                    let lone = t[a..k].chars().count() == 1;
                    let in_number = matches!(before, Some('〕' | '年' | '月')) && matches!(c, '号' | '月' | '日');
                    if !c.is_ascii_alphanumeric() && (!lone || in_number) {
                        found.push(layout.clean.span(r.start + a..r.start + k));
                    }
                    run = None;
                }
                _ => {}
            }
            prev = Some(c);
        }
    }
    if let Some(first) = found.first() {
        diags.push(Diagnostic {
            level: Level::Warning,
            code: "placeholders".into(),
            message: format!("{} placeholder(s) such as XXX stand where text was left out or could not be read; a 发文字号 or date holding one is not read", found.len()),
            span: first.clone(),
        });
    }
}

/// Pushes `src[range]` onto `out` without spaces and newlines.
fn push_squeezed(out: &mut Mapped, src: &Mapped, range: std::ops::Range<usize>) {
    let s = &src.text[range.clone()];
    for (i, c) in s.char_indices() {
        if c != ' ' && c != '\n' {
            let a = range.start + i;
            out.push_from(src, a..a + c.len_utf8());
        }
    }
}

fn title(layout: &Layout, doc: &DocLines, d: &mut Document) {
    let mut m = Mapped::default();
    let title_lines: Vec<usize> =
        doc.order.iter().zip(&doc.roles).filter(|(_, r)| **r == Role::Title).map(|(&i, _)| i).collect();
    if let Some(a) = &doc.anchor {
        for &i in &title_lines {
            let r = layout.lines[i].clean();
            let end = match a.cut {
                Some((line, c)) if line == i && c < r.len() => r.start + c,
                _ => r.end,
            };
            push_squeezed(&mut m, &layout.clean, r.start..end);
        }
    }
    // No title block, or one of a number alone: the document's top line
    // (first in input order: reading order may have moved it) when it is
    // text, else its first text line; a long title line may have been read
    // as a repeated enclosed title.
    if m.text.is_empty() {
        let top = doc.order.iter().zip(&doc.roles).enumerate().min_by_key(|(_, (&i, _))| i);
        let first = match top {
            Some((k, (_, Role::Text | Role::EnclosedTitle))) => Some((k, true)),
            _ => doc.order.iter().zip(&doc.roles).position(|(_, r)| *r == Role::Text).map(|k| (k, k == 0)),
        };
        if let Some((k, on_top)) = first {
            let i = doc.order[k];
            let t = layout.text(i);
            // A heading standing alone on the top line, more lines after; or
            // an issuer line and then such a heading (`某某厅` / `某某实施细则`).
            let next = doc.order.get(k + 1).filter(|_| doc.roles.get(k + 1) == Some(&Role::Text));
            let issuer_then_heading = next.filter(|&&j| {
                on_top && doc.order.len() > 2 && crate::grammar::is_issuer_line(t) && crate::grammar::heading_title(layout.text(j))
            });
            let heading = on_top && doc.order.len() > 1 && crate::grammar::heading_title(t);
            if let Some(&j) = issuer_then_heading {
                push_squeezed(&mut m, &layout.clean, layout.lines[i].clean());
                push_squeezed(&mut m, &layout.clean, layout.lines[j].clean());
            } else if heading || crate::segment::bare_title(t) {
                push_squeezed(&mut m, &layout.clean, layout.lines[i].clean());
            }
        }
    }
    d.title = m.text.clone();
    d.kind = document_kind(&d.title).or_else(|| enclosed_kind(&d.title)).map(str::to_string);
    if !d.title.is_empty() {
        d.spans.title = Some(m.span(0..m.len()));
    }
    // Issuer prefix and enclosed titles, with spans from the title's map.
    let t = &d.title;
    if let Some(cut) = ["关于", "印发", "转发"].iter().filter_map(|w| t.find(w)).min() {
        let prefix = &t[..cut];
        // `某某委等4部门` names the issuers only in the signature.
        let collective = prefix.contains('等') && prefix.ends_with("部门");
        if is_org(prefix) && !collective {
            for r in split_bodies(prefix) {
                d.issuers.push(prefix[r.clone()].to_string());
                d.spans.issuers.push(m.span(r));
            }
        }
    }
    // `某省人民政府令`, `某市人民政府公告`: the issuer followed by the 文种.
    if d.issuers.is_empty() && !t.contains("关于") {
        if let Some(k) = ["命令", "令", "公告", "通告"].iter().find(|k| t.ends_with(*k)) {
            let org = &t[..t.len() - k.len()];
            if is_org(org) {
                d.issuers.push(org.to_string());
                d.spans.issuers.push(m.span(0..org.len()));
            }
        }
    }
    // `河北省工业和信息化厅政务公开工作要点`: an issuer before an enclosed
    // kind of title, cut at the last strong organisation noun.
    if d.issuers.is_empty() && !t.contains("关于") && enclosed_kind(t).is_some() {
        let cut = ["人民政府", "办公厅", "办公室", "委员会", "厅", "局"]
            .iter()
            .filter_map(|w| t.rfind(w).map(|i| i + w.len()))
            .filter(|&i| char_len(&t[..i]) >= 4 && char_len(&t[i..]) >= 4)
            .max();
        if let Some(i) = cut {
            d.issuers.push(t[..i].to_string());
            d.spans.issuers.push(m.span(0..i));
        }
    }
    for e in enclosed_titles(t) {
        if let Some(pos) = t.find(&e) {
            d.spans.enclosed_titles.push(m.span(pos..pos + e.len()));
        }
        d.enclosed_titles.push(e);
    }
}

/// A title that names its enclosed text without 《》 (`转发民政部关于X意见的
/// 通知`, `印发推进Y实施方案的通知`) is replaced by the title as printed:
/// the 《X》 of the cover text, or the enclosed text's own title line.
fn printed_enclosed_titles(layout: &Layout, doc: &DocLines, paras: &[Para], d: &mut Document) {
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"《([^《》]+)》").unwrap());
    if d.title.contains('《') {
        return;
    }
    for k in 0..d.enclosed_titles.len() {
        let core = title_core(&d.enclosed_titles[k]);
        let in_cover = paras.iter().find_map(|p| {
            BRACKETED.captures_iter(&p.text.text).find(|c| title_core(&c[1]) == core).map(|c| {
                let g = c.get(1).unwrap();
                (g.as_str().chars().filter(|c| *c != ' ').collect::<String>(), p.text.span(g.range()))
            })
        });
        let as_line = || {
            doc.order.iter().zip(&doc.roles).find_map(|(&i, r)| {
                let t = layout.text(i);
                (matches!(r, Role::Text | Role::EnclosedTitle) && char_len(t) <= 80 && title_core(t) == core)
                    .then(|| (t.chars().filter(|c| *c != ' ').collect::<String>(), Span::new(layout.lines[i].start(), layout.lines[i].end())))
            })
        };
        if let Some((t, span)) = in_cover.or_else(as_line) {
            d.enclosed_titles[k] = t;
            if let Some(s) = d.spans.enclosed_titles.get_mut(k) {
                *s = span;
            }
        }
    }
}

fn doc_number(layout: &Layout, doc: &DocLines, metadata: &[(String, Span, String)], d: &mut Document, diags: &mut Vec<Diagnostic>) {
    let line = doc.order.iter().zip(&doc.roles).find(|(_, r)| **r == Role::Number).map(|(&i, _)| i).or_else(|| {
        // A number line near the top that the title block did not claim.
        doc.order.iter().take(8).copied().find(|&i| number_line(layout.text(i)).is_some())
    });
    if let Some(i) = line {
        let t = layout.text(i);
        let head = t[..t.find("签发人").unwrap_or(t.len())].trim_end();
        if let Some((text, agency, year, serial)) = number_line(t) {
            // The span leaves out brackets around the number.
            let inner = crate::grammar::unbracketed(head);
            let from = inner.as_ptr() as usize - t.as_ptr() as usize;
            let r = layout.lines[i].clean();
            d.doc_number = Some(DocNumber { text, agency, year, serial, span: layout.clean.span(r.start + from..r.start + from + inner.len()) });
            return;
        }
    }
    let labels = crate::vocab::vocab().list("metadata", "number_labels");
    for (label, span, value) in metadata {
        if labels.contains(label) {
            if let Some((text, agency, year, serial)) = crate::grammar::parse_doc_number(value) {
                diags.push(Diagnostic {
                    level: Level::Info,
                    code: "doc_number_from_metadata".into(),
                    message: format!("发文字号 {text} taken from the page's metadata table"),
                    span: span.clone(),
                });
                d.doc_number = Some(DocNumber { text, agency, year, serial, span: span.clone() });
                return;
            }
        }
    }
}

/// `某省人民政府令` + `第123号`, `某市人民政府公告` + `2024年第3号`: numbers
/// without a bracketed year. The year comes from the line or the date.
fn ordinal_number(layout: &Layout, doc: &DocLines, d: &mut Document) {
    if d.doc_number.is_some() || !matches!(d.kind.as_deref(), Some("令" | "命令" | "公告" | "通告")) {
        return;
    }
    // The line after the title block, or a line printed above it
    // (`某某厅公告2024年第3号`).
    let candidates = doc.order.iter().zip(&doc.roles).filter(|(_, r)| matches!(r, Role::Text | Role::GbHeader)).map(|(&i, _)| i).take(2);
    for i in candidates {
        let t = layout.text(i);
        let Some(o) = crate::grammar::ordinal_number(t, true, true) else { continue };
        let year = o.year.or_else(|| d.date.as_deref().and_then(|x| x.get(..4)?.parse().ok()));
        let (Some(year), serial) = (year, o.serial) else { return };
        let r = layout.lines[i].clean();
        let mut span = layout.clean.span(r);
        let agency = match &o.issuer {
            Some(p) => t[p.clone()].to_string(),
            None if d.kind.as_deref().is_some_and(|k| k.ends_with('令')) => {
                // `某省人民政府令` / `第123号`: the number reads across both lines.
                if let Some(t) = &d.spans.title {
                    span = Span::new(t.start.min(span.start), span.end.max(t.end));
                }
                d.title.clone()
            }
            None => String::new(),
        };
        let text = match o.year {
            Some(_) => format!("{agency}{year}年第{serial}号"),
            None => format!("{agency}第{serial}号"),
        };
        d.doc_number = Some(DocNumber { text, agency, year, serial, span });
        return;
    }
}

fn gb_header(layout: &Layout, doc: &DocLines, d: &mut Document) {
    for (&i, r) in doc.order.iter().zip(&doc.roles) {
        if !matches!(r, Role::GbHeader | Role::Number) {
            continue;
        }
        let t = layout.text(i);
        if let Some(pos) = t.find("签发人") {
            let names = t[pos + "签发人".len()..].trim_start_matches([':', '：', ' ']);
            d.signers.extend(names.split([' ', '、', '，']).filter(|s| !s.is_empty()).map(str::to_string));
        }
        if *r == Role::Number {
            continue;
        }
        let v = crate::vocab::vocab();
        let (secrecy, urgency) = (v.list("gb_header", "classification"), v.list("gb_header", "urgency"));
        for tok in t.split(' ').filter(|s| !s.is_empty()) {
            if tok.len() == 6 && tok.bytes().all(|b| b.is_ascii_digit()) {
                d.copy_number = Some(tok.to_string());
            } else if secrecy.iter().any(|w| tok.starts_with(w.as_str())) {
                d.classification = Some(tok.to_string());
            } else if urgency.iter().any(|w| w == tok) {
                d.urgency = Some(tok.to_string());
            }
        }
    }
}

fn recipients(paras: &[Para], d: &mut Document) {
    for p in paras.iter().take(2) {
        let t = &p.text.text;
        if let Some(len) = recipients_prefix(t) {
            let from = lead_in_lines(p, len);
            for r in split_bodies(&t[from..len]) {
                let r = r.start + from..r.end + from;
                d.recipients.push(t[r.clone()].to_string());
                d.spans.recipients.push(p.text.span(r));
            }
            return;
        }
    }
}

/// Lines joined before a 主送 list that are not addressees: a line shaped
/// like a 发文字号 (`某政任〔2024〕X号`, its serial not yet filled in) or a
/// lone issuer's name above a list that opens with 各 (`某某县人民政府` /
/// `各乡镇人民政府：`). Returns where the list starts in `p.text`.
fn lead_in_lines(p: &Para, len: usize) -> usize {
    let t = &p.text.text;
    let mut from = 0;
    for pair in p.line_starts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a != from || b >= len || !t.is_char_boundary(a) || !t.is_char_boundary(b) {
            break;
        }
        let line = t[a..b].trim();
        let number_shaped = line.ends_with('号') && line.contains(['〔', '［', '[', '【']);
        let lone_issuer = crate::grammar::is_issuer_line(line) && !line.contains(['、', '，', ',']) && t[b..].trim_start().starts_with('各');
        if !(number_shaped || lone_issuer) {
            break;
        }
        from = b;
    }
    from
}

/// A site's metadata rows (`标题：`, `发布机构：`, `成文日期：`; labels in
/// `vocab/layout.toml`) stand in for the title, issuers and date the body
/// does not print; each use is reported. Empty values (`无`) are skipped.
fn metadata_fallbacks(metadata: &[(String, Span, String)], d: &mut Document, diags: &mut Vec<Diagnostic>) {
    let v = crate::vocab::vocab();
    let empty = v.list("metadata", "empty_values");
    let row = |key: &str| {
        let labels = v.list("metadata", key);
        metadata.iter().find(|(l, _, value)| labels.contains(l) && !value.is_empty() && !empty.contains(value))
    };
    let mut note = |what: &str, value: &str, span: &Span| {
        diags.push(Diagnostic {
            level: Level::Info,
            code: "from_metadata".into(),
            message: format!("{what}「{value}」taken from the page's metadata table"),
            span: span.clone(),
        });
    };
    if d.title.is_empty() {
        if let Some((_, span, value)) = row("title_labels") {
            note("title", value, span);
            d.title = value.clone();
            d.spans.title = Some(span.clone());
            d.kind = document_kind(value).or_else(|| enclosed_kind(value)).map(str::to_string);
        }
    }
    if d.date.is_none() {
        if let Some((_, span, value)) = row("date_labels") {
            if let Some(iso) = whole_date(value).or_else(|| crate::grammar::numeric_date(value)) {
                note("成文日期", value, span);
                d.date = Some(iso);
                d.spans.date = Some(span.clone());
            }
        }
    }
    if d.issuers.is_empty() {
        if let Some((_, span, value)) = row("issuer_labels") {
            // (One body: its span is the row's value.)
            if split_bodies(value).len() == 1 && is_org(value) {
                note("issuer", value, span);
                d.issuers.push(value.clone());
                d.spans.issuers.push(span.clone());
            }
        }
    }
}

/// `（2023年5月31日某某会议通过）` under a 决定's, a list's or a regulation's
/// title (or run on after it in flattened text): with no dated signature,
/// the date the note opens with is the 成文日期. Looked for in the
/// document's first lines only, in a bracket that opens with a whole date
/// and holds an adoption word (`vocab/kinds.toml`).
fn adoption_date(layout: &Layout, doc: &DocLines, d: &mut Document) {
    if d.date.is_some() {
        return;
    }
    let words = crate::vocab::vocab().list("titles", "adoption_words");
    for &i in doc.order.iter().take(4) {
        let t = layout.text(i);
        // The first 300 bytes of the line: a note stands near the top.
        let mut from = 0;
        while let Some(k) = t[from..].find(['（', '(']).map(|k| from + k).filter(|&k| k < 300) {
            let open = t[k..].chars().next().map_or(1, char::len_utf8);
            let inner_start = k + open;
            let Some(close) = t[inner_start..].find(['）', ')']).map(|c| inner_start + c) else { break };
            let inner = &t[inner_start..close];
            if words.iter().any(|w| inner.contains(w.as_str())) {
                if let Some(m) = crate::grammar::find_dates(inner).into_iter().next().filter(|m| m.range.start == 0) {
                    if let Some(iso) = m.iso {
                        let r = layout.lines[i].clean();
                        d.date = Some(iso);
                        d.spans.date = Some(layout.clean.span(r.start + inner_start + m.range.start..r.start + inner_start + m.range.end));
                        return;
                    }
                }
            }
            from = close;
        }
    }
}

fn signature_and_date(layout: &Layout, doc: &DocLines, paras: &[Para], d: &mut Document) {
    // Standalone lines: the first date with a signature above it, else the
    // first date line.
    let lines: Vec<(usize, Role)> = doc.order.iter().copied().zip(doc.roles.iter().copied()).collect();
    let mut chosen: Option<usize> = None;
    for (k, &(_, r)) in lines.iter().enumerate() {
        if r == Role::Date && k > 0 && lines[k - 1].1 == Role::Signature {
            chosen = Some(k);
            break;
        }
    }
    let inline = inline_signature(paras);
    if chosen.is_none() && inline.is_none() {
        chosen = lines.iter().position(|&(_, r)| r == Role::Date);
    }
    if let Some(k) = chosen {
        let i = lines[k].0;
        d.date = whole_date(layout.text(i));
        d.spans.date = Some(Span::new(layout.lines[i].start(), layout.lines[i].end()));
        let mut j = k;
        let mut sig: Vec<usize> = Vec::new();
        while j > 0 && lines[j - 1].1 == Role::Signature {
            sig.insert(0, lines[j - 1].0);
            j -= 1;
        }
        {
            for &s in &sig {
                let t = layout.text(s);
                let base = layout.lines[s].clean().start;
                let mut pos = 0;
                for w in t.split([' ', '、']) {
                    if !w.is_empty() {
                        d.signature.push(w.to_string());
                        d.spans.signature.push(layout.clean.span(base + pos..base + pos + w.len()));
                    }
                    pos += w.len() + t[pos + w.len()..].chars().next().map_or(0, char::len_utf8);
                }
            }
        }
        return;
    }
    if let Some((pi, sig, date, iso)) = inline {
        let p = &paras[pi];
        d.date = Some(iso);
        d.spans.date = Some(p.text.span(date));
        if let Some(sig) = sig {
            let t = &p.text.text[sig.clone()];
            let mut pos = 0;
            for w in t.split([' ', '、']) {
                if !w.is_empty() {
                    d.signature.push(w.to_string());
                    d.spans.signature.push(p.text.span(sig.start + pos..sig.start + pos + w.len()));
                }
                pos += w.len() + t[pos + w.len()..].chars().next().map_or(0, char::len_utf8);
            }
        }
    }
}

/// A signature and date run into a crawled paragraph (`…实施。河北省人民政府
/// 办公厅2023年12月13日为深入…`), or a date standing between spaces.
#[allow(clippy::type_complexity)]
fn inline_signature(paras: &[Para]) -> Option<(usize, Option<std::ops::Range<usize>>, std::ops::Range<usize>, String)> {
    let mut bare: Option<(usize, Option<std::ops::Range<usize>>, std::ops::Range<usize>, String)> = None;
    for (pi, p) in paras.iter().enumerate() {
        let t = &p.text.text;
        // The last sentence stop before the scanned point, found going
        // forward (dates come in order).
        let mut scanned = 0;
        let mut stop: Option<usize> = None;
        for m in find_dates(t) {
            let Some(iso) = m.iso else { continue };
            let after = &t[m.range.end..];
            if after.starts_with("印发") || after.starts_with(['起', '前', '至', '以', '到', '，', '的', '召', '发', '通', '期', '举']) {
                continue;
            }
            // `某某人民政府办公室 2023年3月29日` on one line: the signature may
            // stand before a column gap.
            let before = t[..m.range.start].trim_end_matches(' ');
            for (i, ch) in t.get(scanned..before.len()).unwrap_or("").char_indices() {
                if matches!(ch, '。' | '！' | '？' | '）' | ' ' | '；') {
                    stop = Some(scanned + i + ch.len_utf8());
                }
            }
            scanned = scanned.max(before.len());
            let b0 = stop.filter(|&s| s <= before.len()).unwrap_or(0);
            let cand = &before[b0..];
            if !cand.is_empty() && is_signature_line(cand) {
                return Some((pi, Some(b0..before.len()), m.range.clone(), iso));
            }
            let standalone_before = cand.is_empty();
            let standalone_after = after.is_empty() || after.starts_with([' ', '（']);
            if standalone_before && standalone_after && bare.is_none() {
                bare = Some((pi, None, m.range.clone(), iso));
            }
        }
    }
    bare
}

fn issuers(d: &mut Document) {
    // `中共某省委办公厅 某省人民政府办公厅关于…`: issuers printed side by side
    // in the title are glued once whitespace is removed; the signature
    // names them one by one.
    if d.issuers.len() == 1 && d.signature.len() >= 2 && d.signature.concat() == d.issuers[0] {
        d.issuers = d.signature.clone();
        d.spans.issuers = d.spans.signature.clone();
    }
    let collective = d.issuers.is_empty() && d.title.split("关于").next().is_some_and(|p| p.contains('等') && p.ends_with("部门"));
    if (d.issuers.is_empty() || collective) && !d.signature.is_empty() {
        d.issuers = d.signature.clone();
        d.spans.issuers = d.spans.signature.clone();
    }
}

static ATTACHMENT_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2}) ?[.．、:：]").unwrap());

fn attachments(layout: &Layout, doc: &DocLines, d: &mut Document) {
    let lines: Vec<(usize, Role)> = doc.order.iter().copied().zip(doc.roles.iter().copied()).collect();
    let Some(k0) = lines.iter().position(|&(i, r)| {
        let t = layout.text(i);
        r == Role::Text && (t.starts_with("附件：") || t.starts_with("附件:") || t.starts_with("附 件：")) && char_len(t) > 3
    }) else {
        return;
    };
    // Items: (index, Mapped title, omitted?)
    let mut items: Vec<(u32, Mapped)> = Vec::new();
    let mut open = false;
    static HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^附 ?件 ?\d*[：:]?$").unwrap());
    for (k, &(i, r)) in lines.iter().enumerate().skip(k0) {
        if r != Role::Text || (k > k0 && HEADING.is_match(layout.text(i))) {
            break;
        }
        let cr = layout.lines[i].clean();
        let t = layout.text(i);
        let (mut body_start, mut t_body) = (cr.start, t);
        if k == k0 {
            let colon = t.find(['：', ':']).map(|p| p + t[p..].chars().next().unwrap().len_utf8()).unwrap_or(t.len());
            body_start = cr.start + colon;
            t_body = &t[colon..];
        }
        let t_body_trim = t_body.trim_start();
        body_start += t_body.len() - t_body_trim.len();
        if let Some(c) = ATTACHMENT_ITEM.captures(t_body_trim) {
            let idx: u32 = c[1].parse().unwrap_or(0);
            let mut m = Mapped::default();
            m.push_from(&layout.clean, body_start + c.get(0).unwrap().end()..cr.end);
            items.push((idx, m));
            open = true;
        } else if k == k0 {
            let mut m = Mapped::default();
            m.push_from(&layout.clean, body_start..cr.end);
            items.push((1, m));
            open = true;
        } else if open && char_len(t) <= 30 && !t.contains('。') && marker_at(t).is_none() {
            if let Some(last) = items.last_mut() {
                last.1.push_from(&layout.clean, cr.clone());
            }
        } else {
            break;
        }
        if let Some(last) = items.last() {
            let tt = last.1.text.trim_end();
            open = !(tt.ends_with("（略）") || tt.ends_with("(略)"));
        }
    }
    for (idx, m) in items {
        let mut t = m.text.trim().trim_end_matches(['。', '；', ';']).to_string();
        let omitted = t.ends_with("（略）") || t.ends_with("(略)");
        if omitted {
            t = t.trim_end_matches("（略）").trim_end_matches("(略)").trim_end().to_string();
        }
        let t: String = t.chars().filter(|c| *c != ' ').collect();
        if t.is_empty() {
            continue;
        }
        d.attachments.push(Attachment { index: idx, title: t, omitted, span: m.span(0..m.len()) });
    }
}

static PRINTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(.{2,40}?) ?((?:19|20)\d{2} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日) ?印发$").unwrap());

static NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(](?:此件|本件|此文|本文)[^（）()]{1,24}[）)]|[（(]联系人[:：][^（）()]{1,60}[）)]").unwrap());

fn closing_elements(layout: &Layout, doc: &DocLines, paras: &[Para], d: &mut Document) {
    for (k, (&i, _)) in doc.order.iter().zip(&doc.roles).enumerate() {
        let t = layout.text(i);
        let cr = layout.lines[i].clean();
        // `某某办公室 2024年2月5` / `日印发`: a PDF may break the 印发 line.
        let joined;
        let t2 = match doc.order.get(k + 1) {
            Some(&j) if !t.ends_with("印发") && layout.text(j).ends_with("印发") && char_len(layout.text(j)) <= 8 => {
                joined = format!("{t}{}", layout.text(j));
                joined.as_str()
            }
            _ => t,
        };
        if let Some(c) = PRINTED.captures(t2) {
            d.printed_by = Some(c[1].trim().to_string());
            d.printed_date = whole_date(&c[2]);
        }
        if t.starts_with("抄送：") || t.starts_with("抄送:") {
            // The list may run over several lines (a PDF broke it).
            let mut m = Mapped::default();
            let head = t.find(['：', ':']).map(|k| k + 3).unwrap_or(0).min(t.len());
            m.push_from(&layout.clean, cr.start + head..cr.end);
            let pos = doc.order.iter().position(|&x| x == i).unwrap_or(0);
            for &j in doc.order.iter().skip(pos + 1).take(4) {
                let tj = layout.text(j);
                if m.text.ends_with(['。', '.']) || tj.ends_with("印发") || PRINTED.is_match(tj) || tj.contains('：') || char_len(tj) > 60 {
                    break;
                }
                m.push_from(&layout.clean, layout.lines[j].clean());
            }
            let rest = m.text.clone();
            for r in split_bodies(&rest) {
                d.cc.push(rest[r.clone()].to_string());
                d.spans.cc.push(m.span(r));
            }
        }
    }
    for p in paras {
        for m in NOTE.find_iter(&p.text.text) {
            d.notes.push(m.as_str().to_string());
            d.spans.notes.push(p.text.span(m.range()));
        }
    }
}

/// Does a 《》 title name a document (a law, rules, a notice …)? A trailing
/// period `（2021-2030年）` or closing quote does not count.
fn is_document_like(t: &str) -> bool {
    let t = t.trim_end_matches(['”', '’', '"']);
    let t = match (t.ends_with('）'), t.rfind('（')) {
        (true, Some(i)) if i > 0 => &t[..i],
        _ => t,
    };
    char_len(t) >= 3
        && (document_kind(t).is_some()
        || enclosed_kind(t).is_some()
        || ["法", "条例", "纲要", "决议", "公约", "协定", "准则", "指引", "通则", "守则", "宪法", "目录", "意见", "报告", "建议", "提案", "议案"]
            .iter()
            .any(|w| t.ends_with(w)))
}

fn citations(paras: &[Para], d: &mut Document) {
    static TITLED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"《([^《》]+)》(?: ?[（(]([^（）()]{0,60})[）)])?").unwrap());
    let own_number = d.doc_number.as_ref().map(|n| n.text.clone());
    let own_titles: Vec<String> = d.enclosed_titles.iter().chain([&d.title]).map(|t| title_core(t)).collect();
    let mut seen: Vec<(Option<String>, Option<String>)> = Vec::new();
    let mut push = |d: &mut Document, title: Option<String>, number: Option<String>, span: Span| {
        if number.is_some() && number == own_number {
            return;
        }
        let key = (title.clone(), number.clone());
        if seen.contains(&key) {
            return;
        }
        seen.push(key);
        d.citations.push(Citation { title, doc_number: number, span });
    };
    let number_in = |s: &str| -> Option<String> {
        if let Some(m) = find_doc_numbers(s).first() {
            return Some(number_parts(trim_agency(&s[m.agency.clone()]), &s[m.year_range.clone()], &s[m.serial_range.clone()]).0);
        }
        ORDER_NUMBER.captures(s).map(|c| format!("{}第{}号", trim_agency(&c[1]), &c[2]))
    };
    for p in paras {
        let t = &p.text.text;
        let mut covered: Vec<std::ops::Range<usize>> = Vec::new();
        for c in TITLED.captures_iter(t) {
            let whole = c.get(0).unwrap();
            // A title of 2–150 characters (checked here: a counted repetition
            // of a class compiles to a large automaton).
            if !(2..=150).contains(&char_len(&c[1])) {
                continue;
            }
            let title: String = c[1].chars().filter(|c| *c != ' ').collect();
            let title_end = c.get(1).unwrap().end() + "》".len();
            let whole = whole.range();
            let number = c.get(2).and_then(|n| number_in(n.as_str()));
            let own = own_titles.iter().any(|o| *o == title_core(&title));
            if own && number.is_none() {
                covered.push(whole.clone());
                continue;
            }
            if number.is_none() && !is_document_like(&title) {
                continue;
            }
            let end = if number.is_some() { whole.end } else { title_end };
            covered.push(whole.start..end);
            push(d, Some(title), number, p.text.span(whole.start..end));
        }
        for m in find_doc_numbers(t) {
            if covered.iter().any(|r| r.start <= m.range.start && m.range.end <= r.end) {
                continue;
            }
            let agency = trim_agency(&t[m.agency.clone()]);
            let start = m.agency.end - agency.len();
            push(d, None, Some(number_parts(agency, &t[m.year_range.clone()], &t[m.serial_range.clone()]).0), p.text.span(start..m.range.end));
        }
        for c in ORDER_NUMBER.captures_iter(t) {
            let m = c.get(0).unwrap();
            if covered.iter().any(|r| r.start <= m.start() && m.end() <= r.end) {
                continue;
            }
            let agency = trim_agency(&c[1]);
            if agency.chars().count() < 2 {
                continue;
            }
            let start = m.start() + (c[1].len() - agency.len());
            push(d, None, Some(format!("{}第{}号", agency, &c[2])), p.text.span(start..m.end()));
        }
    }
}
