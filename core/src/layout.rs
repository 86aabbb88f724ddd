//! Stage 2: physical lines and page furniture.
//!
//! Splits the input into non-blank lines, cleans each onto one global
//! [`Mapped`] text (lines separated by `\n`), and marks furniture:
//!
//! * page numbers (`·· 10`, `- 3 -`, `—3—`, `第3页`);
//! * running page headers: short lines that stand at the top of two or more
//!   pages with the same text (found generically, no word list), or a
//!   gazette/file-series line (`…公报`, `…文件`, `第N期`) at a page top;
//! * web chrome (扫一扫, 【关闭窗口】, breadcrumbs) and metadata-table rows
//!   (索引号, 发布日期 …) from a generic list of labels;
//! * crawler duplication: a line, or the whole text, repeated twice in a row.
//!
//! A page starts at the first line, after a page number, or at a line that
//! begins with one ASCII space when the text has several such lines (the
//! mark PDF extraction leaves at each page break).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Diagnostic, Furniture, FurnitureKind, Level, Span};
use crate::blocks::Shape;
use crate::lex::{lex, Kind, Token, Trivia};
use crate::text::{char_len, push_token, Mapped};
use crate::vocab::{alternation, vocab};

/// One non-blank physical line.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// Original byte range of the line's text, whitespace trimmed
    /// ([`Line::start`], [`Line::end`]); `u32` like every stored offset
    /// (the input is at most 4 GiB).
    start: u32,
    end: u32,
    /// Byte range of the cleaned line in [`Layout::clean`] ([`Line::clean`]).
    clean_start: u32,
    clean_end: u32,
    /// The line begins a page of a PDF extraction.
    pub page_start: bool,
    /// Set when the line is furniture, not document text.
    pub furniture: Option<FurnitureKind>,
    /// What the line looks like (content lines only).
    pub shape: Shape,
    /// Opened by a single ASCII space (a page-start trace of PDF extraction).
    one_space: bool,
    /// Follows a form feed.
    after_feed: bool,
}

impl Line {
    pub fn start(&self) -> usize {
        self.start as usize
    }
    pub fn end(&self) -> usize {
        self.end as usize
    }
    pub fn clean(&self) -> std::ops::Range<usize> {
        self.clean_start as usize..self.clean_end as usize
    }
    fn set_clean(&mut self, r: std::ops::Range<usize>) {
        (self.clean_start, self.clean_end) = (r.start as u32, r.end as u32);
    }
}

/// All lines of the input, cleaned.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub lines: Vec<Line>,
    pub clean: Mapped,
    pub furniture: Vec<Furniture>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Layout {
    /// The cleaned text of line `i`.
    pub fn text(&self, i: usize) -> &str {
        &self.clean.text[self.lines[i].clean()]
    }
    /// Moves each document's cleaned text (the lines `first..=last` of each
    /// pair) into a buffer of its own and rebases those lines onto it; the
    /// global buffer is freed. A parse swaps each buffer in as
    /// [`Layout::clean`] while it reads that document and drops it after, so
    /// the cleaned copy of the input is not held to the end. Lines outside
    /// every document keep an empty range. `None` (nothing changed) when
    /// the documents are not in input order or overlap.
    pub fn split_clean(&mut self, docs: &[(usize, usize)]) -> Option<Vec<Mapped>> {
        let mut next = 0;
        for &(first, last) in docs {
            if first < next || last < first || last >= self.lines.len() {
                return None;
            }
            next = last + 1;
        }
        let mut pieces = Vec::with_capacity(docs.len());
        let mut rebased: Vec<std::ops::Range<usize>> = vec![0..0; self.lines.len()];
        for &(first, last) in docs {
            let (a, b) = (self.lines[first].clean().start, self.lines[last].clean().end);
            if a > b {
                return None;
            }
            let mut piece = Mapped::with_capacity(b - a);
            piece.push_from(&self.clean, a..b);
            for (i, r) in rebased.iter_mut().enumerate().take(last + 1).skip(first) {
                let c = &self.lines[i].clean();
                if c.start < a || c.end > b {
                    return None;
                }
                *r = c.start - a..c.end - a;
            }
            pieces.push(piece);
        }
        for (line, r) in self.lines.iter_mut().zip(rebased) {
            line.set_clean(r);
        }
        self.clean = Mapped::default();
        Some(pieces)
    }
    pub fn is_content(&self, i: usize) -> bool {
        self.lines[i].furniture.is_none()
    }
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[·•.\-—－–_~]+ ?(?:第 ?)?\d{1,4}(?: ?页)? ?[·•.\-—－–_~]*|(?:[·•.\-—－–_~]+ ?)?第 ?\d{1,4} ?页(?: ?[,，/]? ?共 ?\d{1,4} ?页)?|\d{1,4} ?[·•.\-—－–_~]+)$").unwrap()
});

/// Web chrome, from the labels in `vocab/layout.toml`.
static WEB_CHROME: LazyLock<Regex> = LazyLock::new(|| {
    let v = vocab();
    let words = |k: &str| alternation(v.list("chrome", k), false);
    Regex::new(&format!(
        r"^(?:(?:{openers}).*|.*【(?:{buttons})】.*|(?:{share})[:：]?.{{0,20}}|(?:{location})[:：].*|(?:{size})[:：]? ?[大中小 ]+.*|(?:{buttons})|(?:{counters})[:：].*)$",
        openers = words("line_openers"),
        buttons = words("buttons"),
        share = words("share_labels"),
        location = words("location_labels"),
        size = words("size_labels"),
        counters = words("counter_labels"),
    ))
    .expect("chrome labels compile")
});

/// Metadata rows, from the labels in `vocab/layout.toml`.
static METADATA: LazyLock<Regex> = LazyLock::new(|| {
    let v = vocab();
    Regex::new(&format!(
        // (`标题：X`, a bullet before it, or a table row `| 标 题 | X |`.)
        r"^(?:[|•·*-] ?)?(?:{labels}) ?[:：|]|^(?:{headings})$",
        labels = alternation(v.list("metadata", "labels"), true),
        headings = alternation(v.list("metadata", "headings"), false),
    ))
    .expect("metadata labels compile")
});

/// Chrome and metadata are short: a longer line holds document text too.
const CHROME_MAX: usize = 60;
const METADATA_MAX: usize = 150;

/// Page number, web chrome or metadata row, from the text of one block.
fn furniture_kind(t: &str) -> Option<FurnitureKind> {
    let n = char_len(t);
    if PAGE_NUMBER.is_match(t) {
        Some(FurnitureKind::PageNumber)
    } else if n <= CHROME_MAX && WEB_CHROME.is_match(t) {
        Some(FurnitureKind::WebChrome)
    } else if n <= METADATA_MAX && METADATA.is_match(t) {
        Some(FurnitureKind::Metadata)
    } else {
        None
    }
}

/// Cuts each content line at the element boundaries [`blocks`] finds (a
/// line whose line breaks are gone); the pieces are lines of their own.
///
/// [`blocks`]: crate::blocks
fn split_elements(out: &mut Layout) {
    let mut lines: Vec<Line> = Vec::with_capacity(out.lines.len());
    for (i, line) in out.lines.iter().enumerate() {
        let cuts = if line.furniture.is_none() { crate::blocks::element_cuts(out.text(i)) } else { Vec::new() };
        if cuts.is_empty() {
            lines.push(line.clone());
            continue;
        }
        let base = line.clean().start;
        let ends = cuts.iter().copied().chain(std::iter::once(line.clean().len()));
        for (k, (a, b)) in std::iter::once(0).chain(cuts.iter().copied()).zip(ends).enumerate() {
            let t = &out.clean.text[base + a..base + b];
            let (a, b) = (a + (t.len() - t.trim_start().len()), b - (t.len() - t.trim_end().len()));
            if a >= b {
                continue;
            }
            let span = out.clean.span(base + a..base + b);
            let first = k == 0;
            lines.push(Line {
                start: span.start as u32,
                end: span.end as u32,
                clean_start: (base + a) as u32,
                clean_end: (base + b) as u32,
                one_space: line.one_space && first,
                after_feed: line.after_feed && first,
                ..line.clone()
            });
        }
    }
    out.lines = lines;
}

/// Splits and cleans `input`, marking furniture.
pub(crate) fn layout(input: &str) -> Layout {
    let mut out = Layout { clean: Mapped::with_capacity(input.len()), ..Layout::default() };
    // One pass over the tokens; a line's tokens are buffered until its end.
    let mut toks: Vec<Token> = Vec::new();
    let mut feed = false;
    let end_of_input = Token { kind: Kind::Newline, range: input.len()..input.len(), folded: false };
    for tok in lex(input).chain(std::iter::once(end_of_input)) {
        if !matches!(tok.kind, Kind::Newline | Kind::PageBreak) {
            toks.push(tok);
            continue;
        }
        let content = toks.iter().filter(|t| !matches!(t.kind, Kind::Space(Trivia::Indent { .. } | Trivia::Trailing)));
        if let (Some(first), Some(last)) = (content.clone().next(), content.clone().next_back()) {
            let (start, end) = (first.range.start, last.range.end);
            let one_space = matches!(toks[0].kind, Kind::Space(Trivia::Indent { one_space: true }));
            let after_feed = std::mem::take(&mut feed);
            let c0 = out.clean.len();
            let mut prev = None;
            for t in &toks {
                push_token(input, t, &mut prev, &mut out.clean);
            }
            let c1 = out.clean.len();
            // The line break stands for the trailing blanks (not a `\r`).
            let body_end = input[end..tok.range.start].trim_end_matches('\r').len() + end;
            out.clean.push('\n', end, body_end);
            out.lines.push(Line { start: start as u32, end: end as u32, clean_start: c0 as u32, clean_end: c1 as u32, page_start: false, furniture: None, shape: Shape::default(), one_space, after_feed });
        }
        feed |= tok.kind == Kind::PageBreak;
        toks.clear();
    }
    cut_repeated_lines(&mut out);
    split_elements(&mut out);
    for i in 0..out.lines.len() {
        out.lines[i].furniture = furniture_kind(out.text(i));
    }
    // Page starts.
    let marks = out.lines.iter().filter(|l| l.one_space).count() >= 3;
    for i in 0..out.lines.len() {
        let after_number = i > 0 && out.lines[i - 1].furniture == Some(FurnitureKind::PageNumber);
        let l = &mut out.lines[i];
        l.page_start = i == 0 || after_number || l.after_feed || (marks && l.one_space);
    }
    mark_headers(&mut out);
    mark_repeated_text(&mut out);
    // Each content block's shape, once.
    for i in 0..out.lines.len() {
        if out.lines[i].furniture.is_none() {
            out.lines[i].shape = crate::blocks::shape(out.text(i));
        }
    }
    for i in 0..out.lines.len() {
        if let Some(kind) = out.lines[i].furniture {
            let l = &out.lines[i];
            out.furniture.push(Furniture { kind, text: input[l.start()..l.end()].to_string(), span: Span::new(l.start(), l.end()) });
        }
    }
    // Keep furniture in input order (duplicates were pushed during marking,
    // without their text).
    for f in out.furniture.iter_mut().filter(|f| f.text.is_empty()) {
        f.text = input.get(f.span.start..f.span.end).unwrap_or("").to_string();
    }
    out.furniture.sort_by_key(|f| f.span.start);
    let headers = out.furniture.iter().filter(|f| f.kind == FurnitureKind::PageHeader).count();
    if headers > 0 {
        out.diagnostics.push(Diagnostic {
            level: Level::Info,
            code: "page_furniture".into(),
            message: format!(
                "removed {} running page header(s) and {} page number(s)",
                headers,
                out.furniture.iter().filter(|f| f.kind == FurnitureKind::PageNumber).count()
            ),
            span: Span::new(0, 0),
        });
    }
    out
}

/// A short line (≤ 30 chars, no sentence punctuation) standing at the start
/// of two or more pages with the same text is a running header
/// (`县政府办文件`, `某县人民政府公报　2024年第3期（总第87期）`), unless it
/// opens a title (the next line starts with 关于). A page-start line that
/// names a gazette or a file series (`…公报`, `…文件`, `第5期`) is one even
/// when it is seen once.
fn mark_headers(out: &mut Layout) {
    let is_candidate = |t: &str| {
        let n = char_len(t);
        (2..=30).contains(&n) && !t.contains(['。', '，', '、', '：', '；', '！', '？', '《', '》']) && crate::grammar::marker_at(t).is_none()
    };
    // (`某某工作简报（2024年第3期）` is a bulletin's title: a kind closes it
    // before the issue note. Repeated, it is a running header all the same.)
    let series = |t: &str| {
        let titled = || {
            let head = crate::values::without_qualifier(t);
            head.len() < t.len() && (crate::values::document_kind(head).is_some() || crate::values::enclosed_kind(head).is_some())
        };
        char_len(t) <= 30
            && !t.contains(['。', '，', '、', '：', '；'])
            && (t.ends_with("公报") || t.ends_with("文件") || (t.contains('第') && t.contains('期') && !titled()))
    };
    let next_opens_title = |out: &Layout, i: usize| {
        (i + 1..out.lines.len()).find(|&j| out.lines[j].furniture.is_none()).is_some_and(|j| {
            let t = out.text(j);
            t.starts_with("关于") || t.starts_with('《')
        })
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for i in 0..out.lines.len() {
        let l = &out.lines[i];
        if l.page_start && l.furniture.is_none() && is_candidate(out.text(i)) && !next_opens_title(out, i) {
            *counts.entry(out.text(i).to_string()).or_default() += 1;
        }
    }
    for i in 0..out.lines.len() {
        let l = &out.lines[i];
        if !l.page_start || l.furniture.is_some() || next_opens_title(out, i) {
            continue;
        }
        let t = out.text(i);
        let repeated = counts.get(t).is_some_and(|&n| n >= 2);
        // A 版头 (`某某人民政府文件`) is followed by its 发文字号, a header is not.
        let next_is_number = (i + 1..out.lines.len())
            .find(|&j| out.lines[j].furniture.is_none())
            .is_some_and(|j| crate::grammar::number_line(out.text(j)).is_some());
        if repeated || (series(t) && !next_is_number) {
            out.lines[i].furniture = Some(FurnitureKind::PageHeader);
            // The line after a header begins the page's text.
            if let Some(j) = (i + 1..out.lines.len()).find(|&j| out.lines[j].furniture.is_none()) {
                out.lines[j].page_start = true;
            }
        }
    }
}

/// Crawled pages sometimes store their text twice in a row: within one
/// line (`AA`, here) or as a whole ([`mark_repeated_text`]). The second
/// copy is furniture; a diagnostic says so.
fn cut_repeated_lines(out: &mut Layout) {
    for i in 0..out.lines.len() {
        if out.lines[i].furniture.is_some() {
            continue;
        }
        let r = out.lines[i].clean();
        let t = &out.clean.text[r.clone()];
        if char_len(t) < 60 {
            continue;
        }
        let n = t.len();
        let mut found = None;
        for sep in 0..=3usize {
            if n < sep || (n - sep) % 2 != 0 {
                continue;
            }
            let k = (n - sep) / 2;
            if t.is_char_boundary(k) && t.is_char_boundary(n - k) && t[..k] == t[n - k..] {
                found = Some(k);
                break;
            }
        }
        if let Some(k) = found {
            let dup = out.clean.span(r.start + k..r.end);
            let first = out.clean.span(r.start..r.start + k);
            out.lines[i].set_clean(r.start..r.start + k);
            out.lines[i].end = first.end as u32;
            out.furniture.push(Furniture { kind: FurnitureKind::Duplicate, text: String::new(), span: dup.clone() });
            out.diagnostics.push(Diagnostic {
                level: Level::Warning,
                code: "duplicated_text".into(),
                message: "the text is repeated twice in a row (a crawler artifact); the second copy is ignored".into(),
                span: dup,
            });
        }
    }
}

/// The whole text stored twice (`lines[..n] == lines[n..]`): the second
/// copy is furniture.
fn mark_repeated_text(out: &mut Layout) {
    let content: Vec<usize> = (0..out.lines.len()).filter(|&i| out.lines[i].furniture.is_none()).collect();
    let m = content.len() / 2;
    if m >= 2 && content.len() % 2 == 0 && (0..m).all(|k| out.text(content[k]) == out.text(content[m + k])) {
        for &i in &content[m..] {
            out.lines[i].furniture = Some(FurnitureKind::Duplicate);
        }
        let (a, b) = (out.lines[content[m]].start(), out.lines[content[2 * m - 1]].end());
        out.diagnostics.push(Diagnostic {
            level: Level::Warning,
            code: "duplicated_text".into(),
            message: "the whole text is repeated twice in a row; the second copy is ignored".into(),
            span: Span::new(a, b),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_clean_gives_each_document_its_own_buffer_with_the_same_text_and_spans() {
        let input = "甲关于某事的通知\n正文　第一行。\n１２３\n乙关于某事的通知\n正文第二行。\n";
        let whole = layout(input);
        let n = whole.lines.len();
        let texts: Vec<String> = (0..n).map(|i| whole.text(i).to_string()).collect();
        let spans: Vec<Span> = (0..n).map(|i| whole.clean.span(whole.lines[i].clean())).collect();
        let mut l = layout(input);
        assert!(l.split_clean(&[(0, 1), (1, 2)]).is_none(), "overlapping documents are refused");
        let pieces = l.split_clean(&[(0, 1), (3, n - 1)]).unwrap();
        assert!(l.clean.text.is_empty(), "the global buffer is freed");
        for (piece, lines) in pieces.into_iter().zip([0..2, 3..n]) {
            l.clean = piece;
            for i in lines {
                assert_eq!(l.text(i), texts[i]);
                assert_eq!(l.clean.span(l.lines[i].clean()), spans[i]);
            }
        }
        assert_eq!(l.lines[2].clean(), 0..0, "a line outside every document keeps no text");
    }

    fn kinds(input: &str) -> Vec<(String, Option<FurnitureKind>)> {
        let l = layout(input);
        (0..l.lines.len()).map(|i| (l.text(i).to_string(), l.lines[i].furniture)).collect()
    }

    #[test]
    fn page_numbers() {
        for s in ["·· 10", "- 3 -", "—3—", "第3页", "— 12 —", "第 2 页 共 9 页"] {
            assert_eq!(kinds(s)[0].1, Some(FurnitureKind::PageNumber), "{s}");
        }
        for s in ["2023", "3月", "一、总体要求"] {
            assert_eq!(kinds(s)[0].1, None, "{s}");
        }
    }

    #[test]
    fn running_headers_found_without_a_word_list() {
        let text = " 机关文件\n正文第一行\n·· 1\n机关文件\n正文第二行\n 机关文件\n正文第三行。\n 机关文件\n正文第四行。\n";
        let k = kinds(text);
        assert_eq!(k[0].1, Some(FurnitureKind::PageHeader));
        assert_eq!(k[3].1, Some(FurnitureKind::PageHeader));
        assert_eq!(k[5].1, Some(FurnitureKind::PageHeader));
        assert_eq!(k[7].1, Some(FurnitureKind::PageHeader));
        assert_eq!(k[1].1, None);
    }

    #[test]
    fn form_feeds_start_pages() {
        // `pdftotext` separates pages with a form feed.
        let text = "某机关文件\n正文第一行，\n\u{c}某机关文件\n正文第二行，\n\u{c}某机关文件\r\n正文第三行。\n";
        let l = layout(text);
        // Each header opens a page, and the line after a header begins the
        // page's text.
        assert!(l.lines.iter().all(|l| l.page_start));
        let k = kinds(text);
        assert_eq!(k.iter().filter(|(_, f)| *f == Some(FurnitureKind::PageHeader)).count(), 3);
        assert_eq!(l.text(5), "正文第三行。");
    }

    #[test]
    fn an_issuer_line_opening_a_title_is_not_a_header() {
        let text = " 某县人民政府\n关于甲的通知\n正文。\n 某县人民政府\n关于乙的通知\n正文。\n x\n";
        let k = kinds(text);
        assert_eq!(k[0].1, None);
        assert_eq!(k[3].1, None);
    }

    #[test]
    fn line_repeated_twice_is_cut() {
        let body = "各市人民政府：现将有关事项通知如下，请认真贯彻执行，确保各项任务落到实处，取得实效。";
        let text = format!("标题\n{body}{body}\n");
        let l = layout(&text);
        assert_eq!(l.text(1), body);
        assert!(l.diagnostics.iter().any(|d| d.code == "duplicated_text"));
        assert!(l.furniture.iter().any(|f| f.kind == FurnitureKind::Duplicate));
    }

    #[test]
    fn chrome_and_metadata() {
        let k = kinds("索 引 号： \t000014349/2018-00212\n扫一扫在手机打开当前页\n【返回顶部】【关闭窗口】\n正文");
        assert_eq!(k[0].1, Some(FurnitureKind::Metadata));
        assert_eq!(k[1].1, Some(FurnitureKind::WebChrome));
        assert_eq!(k[2].1, Some(FurnitureKind::WebChrome));
        assert_eq!(k[3].1, None);
    }
}
