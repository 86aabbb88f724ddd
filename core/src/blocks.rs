//! Stage 3: blocks. A line whose line breaks are gone — a notice crawled
//! onto one line, or its elements separated only by column gaps — is cut
//! at the boundaries between 公文 elements, so that every later stage sees
//! the blocks it would see with the line breaks:
//!
//! ```text
//! 某某关于某事的通知 | 某发〔2024〕5号 | 各县人民政府：现将…。 | 附件：1.… | 某某办公室 | 2024年3月8日 | （此件公开发布）
//! ```
//!
//! The boundaries are grammatical, never positional:
//!
//! * a title ending in a 文种 word right before a 发文字号 followed by
//!   addressees, nothing, or (for a title opening the line) the body;
//! * GB/T order: a 版头 or masthead, the 发文字号, a title ending before
//!   the addressees;
//! * an ordinal 令/公告/通告 number opening the line; a title run into its
//!   body before a sentence opener (`vocab/kinds.toml`);
//! * the rows of a flattened metadata table (`vocab/layout.toml` labels);
//! * `附件：` after a sentence end, and its numbered items;
//! * a signature of bodies and a date closing the line, with a note.
//!
//! Every look-back and look-ahead is bounded, so the cuts of a line take
//! time linear in its length. Layout makes each piece a line of its own
//! (`layout::split_elements`) before it tells furniture from text; each
//! content line then gets its [`Shape`] once.

use std::sync::LazyLock;

use regex::Regex;

use crate::vocab::{alternation, vocab};
use crate::grammar::{find_dates, find_doc_numbers, heading_title, is_gb_header, is_signature_line, is_title_line, marker_at, number_line, recipients_prefix, whole_date};
use crate::text::char_len;
use crate::values::{enclosed_word_len, is_org, kind_word_len};

/// What a block looks like, read once by the blocks stage and kept on the
/// line: later stages test these instead of re-reading the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// A 发文字号 alone (or with 签发人).
    pub number: bool,
    /// A date alone: a 成文日期.
    pub date: bool,
    /// May be (part of) a title.
    pub title: bool,
    /// Names of bodies only: a 署名.
    pub signature: bool,
    /// A GB/T 9704 header line (份号, 密级, 紧急程度, 签发人).
    pub gb_header: bool,
}

/// The shape of one block's cleaned text.
pub(crate) fn shape(t: &str) -> Shape {
    // Each of these is a short line (a title line has at most 70 chars).
    if t.len() > 80 * 4 {
        return Shape::default();
    }
    Shape {
        number: number_line(t).is_some(),
        date: whole_date(t).is_some(),
        title: is_title_line(t),
        signature: is_signature_line(t),
        gb_header: is_gb_header(t),
    }
}

/// Byte offsets in `t` (one cleaned line) where a new element begins,
/// ascending.
pub(crate) fn element_cuts(t: &str) -> Vec<usize> {
    // Only a line holding more than one element can need a cut.
    if char_len(t) < 12 {
        return Vec::new();
    }
    let mut out = Vec::new();
    metadata_rows(t, &mut out);
    title_and_number(t, &mut out);
    ordinal_number(t, &mut out);
    title_then_body(t, &mut out);
    heading_then_gap(t, &mut out);
    title_then_order(t, &mut out);
    title_then_note(t, &mut out);
    attachment(t, &mut out);
    // The issuer named at the head of a title on this line signs it too.
    let issuer = t.find("关于").map(|i| &t[..i]).filter(|s| !s.is_empty() && is_signature_line(s));
    signature_and_date(t, issuer, &mut out);
    out.sort_unstable();
    out.dedup();
    out.retain(|&c| c > 0 && c < t.len());
    out
}

/// `…的通知某发〔2024〕5号各县人民政府：…`: the title ends at its 文种 word,
/// the number is its own block, the addressees follow.
fn title_and_number(t: &str, out: &mut Vec<usize>) {
    for m in find_doc_numbers(t) {
        let rest = t[m.range.end..].trim_start();
        // (`某发〔2024〕5号 签发人：X` is one GB/T header line: not cut.)
        let addressed = rest.is_empty() || recipients_prefix(head_of(rest, 1600)).is_some();
        // Where the title ends inside the run the agency was read from:
        // after the last 文种 word that leaves an agency of two chars or
        // more; or before the gap in front of the agency.
        let ends = t[m.agency.clone()].char_indices().skip(1).map(|(k, _)| m.agency.start + k);
        let ends = ends.filter(|&p| char_len(&t[p..m.agency.end]) >= 2).chain(std::iter::once(m.agency.start));
        let title = ends
            .clone()
            .filter_map(|p| {
                let before = t[..p].trim_end();
                let from = title_start(before);
                (p > 0 && kind_word_len(before).is_some() && is_title(&before[from..])).then_some((from, p))
            })
            .next()
            // A text that is not a notice opens the line with its own
            // title: `某某若干措施某政办发〔…〕5号为…`.
            .or_else(|| {
                ends.filter(|&p| p > 0)
                    .find(|&p| {
                        let before = t[..p].trim_end();
                        enclosed_word_len(before).is_some() && heading_title(before)
                    })
                    .map(|p| (0, p))
            });
        // A title opening the line, then its number, then the body (a 通告
        // has no addressees) — not a title cited in running text, which a
        // word such as 根据 or 按照 introduces.
        let opens_line = title.is_some_and(|(from, _)| from == 0 && vocab().leading_words.prefix_of(t).is_none());
        // GB/T order: the number, then the title, then the addressees.
        let title_after = if addressed { None } else { title_before_addressees(rest) };
        // A number opening its line, run into the body (`某发〔2024〕5号为做好…`).
        let body_follows = m.agency.start == 0 && vocab().body_openers.prefix_of(rest).is_some();
        if !addressed && !opens_line && !body_follows && title_after.is_none() {
            continue;
        }
        // A 版头 (`某某人民政府文件`) run into the number's agency.
        let agency = &t[m.agency.clone()];
        let banner = agency
            .rfind("文件")
            .map(|k| k + "文件".len())
            .filter(|&k| char_len(&agency[k..]) >= 2 && is_org(&t[..m.agency.start + k - "文件".len()]));
        if let Some(k) = banner {
            out.push(m.agency.start + k);
        }
        if let Some(q) = title_after {
            out.push(m.range.end);
            out.push(t.len() - rest.len() + q);
            // Before the number, the masthead: the last split of the agency
            // run whose left side ends like a body and leaves an agency of
            // two chars or more (`某某人民政府办公室某政办发〔…`).
            let split = agency.char_indices().map(|(k, _)| k).rev().find(|&k| k > 0 && char_len(&agency[k..]) >= 2 && is_org(&t[..m.agency.start + k]));
            if let (Some(k), None) = (split, banner) {
                out.push(m.agency.start + k);
            }
        }
        if let Some((from, p)) = title {
            out.push(from);
            out.push(p);
        }
        if (title.is_some() || m.agency.start == 0) && !rest.is_empty() {
            out.push(m.range.end);
        }
    }
}

/// `某省人民政府令第123号《…》已经…`, `某厅公告2024年第3号某厅关于…`: an
/// ordinal number (令, 公告, 通告) opening a line is its own block, and so is
/// the issuer's `…令` before it.
fn ordinal_number(t: &str, out: &mut Vec<usize>) {
    let t = head_of(t, 200);
    let Some(o) = crate::grammar::ordinal_number(t, false, false) else { return };
    if let Some(issuer) = o.issuer.filter(|i| t[..i.end].ends_with('令') && t[i.end..].trim_start().starts_with('第')) {
        out.push(issuer.end);
    }
    let whole = o.len;
    out.push(whole);
}

/// `…关于某事的公告根据《…》…`: a title opening the line and run into its
/// body ends at its 文种 word when a sentence opener (`vocab/kinds.toml`)
/// or a dated clause follows.
fn title_then_body(t: &str, out: &mut Vec<usize>) {
    if vocab().leading_words.prefix_of(t).is_some() {
        return;
    }
    let head = head_of(t, 400);
    let openers = &vocab().body_openers;
    // The title closes on its 文种 or, for a 转发/印发 title that names no
    // 文种 of its own, on the 》 of the text it forwards.
    let closes = |h: &str| kind_word_len(h).is_some() || (h.ends_with('》') && h.starts_with("关于") && (h.contains("转发") || h.contains("印发")));
    // The body opens with an opener word or with a dated clause
    // (`2014年12月10日，某部印发了…`).
    let opens_body = |r: &str| openers.prefix_of(r).is_some() || crate::grammar::date_prefix(r).is_some_and(|n| r[n..].starts_with(['，', ',']));
    let end = head.char_indices().map(|(q, _)| q).skip(2).find(|&q| closes(&head[..q]) && is_title(&head[..q]) && opens_body(t[q..].trim_start()));
    out.extend(end);
}

/// `某某政策解读　　为深入贯彻…`, `某某办法　　某局令（第30号）　　为了…`:
/// a heading opening the line, then a gap (a space in cleaned Han text is
/// a U+3000 run, a tab or a long run: thin padding was dropped), then body
/// text — a sentence within the next 100 characters, a marker or an
/// ordinal number. The heading is its own block, and so is an issuer's
/// name printed before it across a gap.
fn heading_then_gap(t: &str, out: &mut Vec<usize>) {
    let Some(p) = head_of(t, 150 * 3).find(' ') else { return };
    let (mut head, mut rest) = (&t[..p], t[p..].trim_start());
    // An issuer's name before the heading, a gap between (`某某厅　　某某细则`).
    let mut issuer = None;
    if crate::grammar::is_issuer_line(head) {
        let Some(q) = head_of(rest, 150 * 3).find(' ') else { return };
        issuer = Some(t.len() - rest.len());
        (head, rest) = (&rest[..q], rest[q..].trim_start());
    }
    // Body text after the gap (cheap tests first: this runs on every line
    // with a gap).
    let sentence = head_of(rest, 100 * 3).contains(['。', '，']);
    if !(sentence || marker_at(rest).is_some() || crate::grammar::ordinal_number(rest, false, false).is_some()) {
        return;
    }
    let v = vocab();
    // (A `label：value` before a gap is a row of the text, not a heading.)
    if head.contains(['：', ':']) || v.leading_words.prefix_of(head).is_some() || v.body_openers.prefix_of(head).is_some() || !heading_title(head) {
        return;
    }
    out.extend(issuer);
    out.push(t.len() - rest.len());
}

/// `某某办法某省人民政府令〔2022〕第2号《某某办法》已经…`: a regulation's
/// title run into the 令 that promulgates it. The title, the 令 with its
/// number, and the text are blocks of their own.
fn title_then_order(t: &str, out: &mut Vec<usize>) {
    let head = head_of(t, 150 * 3);
    for k in vocab().enclosed_kinds.find_iter(head) {
        // `某某条例《某某条例》已经…通过`: the title, then the sentence that
        // promulgates it naming it again.
        let again = t[k.end..].strip_prefix('《').and_then(|r| r.strip_prefix(&t[..k.end])).is_some_and(|r| r.starts_with('》'));
        if again && heading_title(&t[..k.end]) {
            out.push(k.end);
            return;
        }
        let Some(o) = crate::grammar::ordinal_number(&t[k.end..], true, false) else { continue };
        let is_order = o.issuer.as_ref().is_some_and(|i| t[k.end..][i.clone()].ends_with('令'));
        if is_order && heading_title(&t[..k.end]) {
            out.push(k.end);
            out.push(k.end + o.len);
            return;
        }
    }
}

/// `某某法（2019年10月26日某会议通过）第一章　总则…`, `某某办法(2000年10月26日
/// 某部令第8号公布…)第一条…`: a title opening the line with a dated note in
/// brackets (its adoption or publication), then the text. The title, the
/// note and the text are blocks of their own.
fn title_then_note(t: &str, out: &mut Vec<usize>) {
    let Some(open) = head_of(t, 150 * 3).find(['（', '(']) else { return };
    let head = &t[..open];
    // (Sentence punctuation before the bracket: running text, the common case.)
    if head.contains(['。', '，', '；']) || vocab().leading_words.prefix_of(head).is_some() {
        return;
    }
    // The matching bracket within 300 characters (brackets nest inside).
    let mut depth = 0usize;
    let close = t[open..].char_indices().take(300).find_map(|(k, c)| {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        (depth == 0).then_some(open + k + c.len_utf8())
    });
    let Some(close) = close else { return };
    if !crate::grammar::has_date(&t[open..close]) || !heading_title(head) {
        return;
    }
    out.push(open);
    out.push(close);
}

/// `某某关于某事的通知各单位：…` at the start of `rest`: the byte length of
/// the title, which ends at a 文种 word followed by addressees (or nothing).
fn title_before_addressees(rest: &str) -> Option<usize> {
    let head = head_of(rest, 400);
    head.char_indices().skip(2).map(|(q, _)| q).chain(std::iter::once(head.len())).find(|&q| {
        let title = &head[..q];
        kind_word_len(title).is_some() && is_title(title) && {
            let after = rest[q..].trim_start();
            after.is_empty() || recipients_prefix(head_of(after, 1600)).is_some()
        }
    })
}

/// The first `max` bytes of `t` (at a char boundary).
fn head_of(t: &str, max: usize) -> &str {
    let mut k = max.min(t.len());
    while !t.is_char_boundary(k) {
        k -= 1;
    }
    &t[..k]
}

/// Where a title ending at the end of `t` begins: after the last sentence
/// punctuation or label colon.
fn title_start(t: &str) -> usize {
    // A title is at most 100 chars: look no further back.
    let w = t.len().saturating_sub(400);
    let w = (w..=t.len()).find(|&k| t.is_char_boundary(k)).unwrap_or(t.len());
    t[w..].rfind(['。', '，', '；', '：', '！', '？', ':', ';']).map_or(w, |i| w + i + t[w + i..].chars().next().map_or(1, char::len_utf8))
}

/// `索引号：… 主题分类：… 发文字号：…` flattened: a row per label.
fn metadata_rows(t: &str, out: &mut Vec<usize>) {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        let labels = alternation(vocab().list("metadata", "labels"), true);
        Regex::new(&format!(r"(?:^| )(?:{labels}) ?[:：]")).expect("metadata labels compile")
    });
    let mut rows = LABEL.find_iter(t);
    if rows.next().map_or(true, |m| m.start() != 0) {
        return;
    }
    out.extend(rows.map(|m| m.start()));
}

/// A title: no sentence punctuation, at most 100 chars, announcing a document.
fn is_title(t: &str) -> bool {
    !t.is_empty()
        && char_len(t) <= 100
        && !t.contains(['。', '，', '；', '：', '！', '？', ':', ';'])
        && (t.contains("关于") || t.contains("印发") || t.contains("转发"))
}

/// `…。附件：1.…`: the attachment list opens after a sentence end or a gap.
fn attachment(t: &str, out: &mut Vec<usize>) {
    for (i, _) in t.match_indices("附件") {
        let after = &t[i + "附件".len()..];
        let labelled = after.starts_with(['：', ':']) || after.trim_start().starts_with(|c: char| c.is_ascii_digit());
        let boundary = t[..i].ends_with(['。', ' ', '）', ')', '！']);
        if i > 0 && labelled && boundary {
            out.push(i);
        }
        if (i == 0 || boundary) && after.starts_with(['：', ':']) {
            numbered_items(t, i + "附件".len(), out);
        }
    }
}

/// `附件：1.甲表2.乙表`: each next number in sequence opens an item.
fn numbered_items(t: &str, from: usize, out: &mut Vec<usize>) {
    // A list of titles ends at the first sentence end, and is short.
    let t = &t[..from + head_of(&t[from..], 2000).find('。').unwrap_or(head_of(&t[from..], 2000).len())];
    let mut next = 2;
    let mut at = from;
    while next < 100 {
        let Some(k) = [format!("{next}."), format!("{next}、"), format!("{next}．")]
            .iter()
            .filter_map(|m| t[at..].find(m.as_str()))
            .min()
            .map(|k| at + k)
        else {
            return;
        };
        // Not the `12.` of an item numbered 12 when 2 is wanted.
        if !t[..k].ends_with(|c: char| c.is_ascii_digit()) {
            out.push(k);
            next += 1;
        }
        at = k + 1;
    }
}

/// `…。某某办公室2024年3月8日（此件公开发布）`: the line closes with a
/// signature of bodies and a date, and perhaps a bracketed note.
fn signature_and_date(t: &str, issuer: Option<&str>, out: &mut Vec<usize>) {
    let Some(d) = find_dates(t).pop() else { return };
    if d.iso.is_none() {
        return;
    }
    let rest = t[d.range.end..].trim();
    let note = rest.starts_with(['（', '(']) && rest.ends_with(['）', ')']) && char_len(rest) <= 40;
    if !(rest.is_empty() || note) {
        return;
    }
    let before = t[..d.range.start].trim_end();
    // The signature: bodies between the last sentence end (or gap) and the date.
    let from = before.rfind(['。', '！', '？', ' ', '；']).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let mut signed = from < before.len() && is_signature_line(&before[from..]);
    let mut from = from;
    // After an attachment list: the title's issuer, where it closes the text.
    if let Some(name) = issuer.filter(|n| !signed && before.len() > n.len() && before.ends_with(*n)) {
        from = before.len() - name.len();
        signed = true;
    }
    if !(signed || before.ends_with(['。', ' ']) || is_org(before)) {
        return;
    }
    if signed && from > 0 {
        out.push(from);
    }
    out.push(d.range.start);
    if note {
        out.push(d.range.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(t: &str) -> Vec<&str> {
        let c = element_cuts(t);
        let bounds = std::iter::once(0).chain(c.iter().copied()).zip(c.iter().copied().chain(std::iter::once(t.len())));
        bounds.map(|(a, b)| t[a..b].trim()).collect()
    }

    #[test]
    fn a_heading_before_a_gap_is_its_own_block() {
        // Cleaned text: U+3000 runs are single spaces.
        assert_eq!(blocks("《某某办法》政策解读 为深入贯彻某某精神，制定本办法。"), ["《某某办法》政策解读", "为深入贯彻某某精神，制定本办法。"]);
        assert_eq!(blocks("某某省某某厅 行政许可类执法公示实施细则(试行) 第一章 总 则 第一条 为严格依法行政，制定本细则。"), ["某某省某某厅", "行政许可类执法公示实施细则(试行)", "第一章 总 则 第一条 为严格依法行政，制定本细则。"]);
        assert_eq!(blocks("某某管理办法 某某局令（第30号） 为了规范某某，制定本办法。"), ["某某管理办法", "某某局令（第30号） 为了规范某某，制定本办法。"]);
        // Not a heading: a label row, a marker line, a sentence.
        assert_eq!(blocks("联系人：某某处 王某，联系电话：12345678。"), ["联系人：某某处 王某，联系电话：12345678。"]);
        assert_eq!(blocks("一、总体情况 某年以来，某某厅深入贯彻某某部署。"), ["一、总体情况 某年以来，某某厅深入贯彻某某部署。"]);
    }

    #[test]
    fn a_title_with_its_dated_note_is_cut_from_the_text() {
        assert_eq!(
            blocks("某某保险法（2012年4月27日某某会议通过）目录第一章总则第二章某某保险"),
            ["某某保险法", "（2012年4月27日某某会议通过）", "目录第一章总则第二章某某保险"]
        );
        // A qualifier without a date stays in the title.
        assert_eq!(blocks("某某管理办法（试行）第一条为了规范某某，制定本办法。").len(), 1);
    }

    #[test]
    fn a_flattened_notice_is_cut_into_its_elements() {
        let t = "某某市人民政府办公室关于做好某某工作的通知某政办发〔2024〕5号各县（市、区）人民政府，市政府各部门：现将有关事项通知如下。附件：1.某某清单2.某某表某某市人民政府办公室2024年3月8日（此件公开发布）";
        assert_eq!(
            blocks(t),
            [
                "某某市人民政府办公室关于做好某某工作的通知",
                "某政办发〔2024〕5号",
                "各县（市、区）人民政府，市政府各部门：现将有关事项通知如下。",
                "附件：1.某某清单",
                "2.某某表",
                "某某市人民政府办公室",
                "2024年3月8日",
                "（此件公开发布）",
            ]
        );
    }

    #[test]
    fn gaps_separate_the_same_elements() {
        let t = "某某局关于某事的通知 某发〔2024〕5号 各科室：请做好某事。 某某局 2024年3月8日";
        assert_eq!(blocks(t), ["某某局关于某事的通知", "某发〔2024〕5号", "各科室：请做好某事。", "某某局", "2024年3月8日"]);
    }

    #[test]
    fn a_flattened_page_keeps_its_metadata_rows_apart_from_the_title() {
        let t = "索引号：123/2024-1 发文机关：某某局 标 题：某某局关于某事的通知 发文字号：某发〔2024〕5号 主题词： 某某局关于某事的通知 某发〔2024〕5号 各科室：请做好某事。";
        assert_eq!(
            blocks(t),
            [
                "索引号：123/2024-1",
                "发文机关：某某局",
                "标 题：某某局关于某事的通知",
                "发文字号：某发〔2024〕5号",
                "主题词：",
                "某某局关于某事的通知",
                "某发〔2024〕5号",
                "各科室：请做好某事。",
            ]
        );
    }

    #[test]
    fn a_masthead_and_a_number_before_the_title() {
        let t = "某某市人民政府办公厅文件某政办〔2024〕23号某某市人民政府办公厅关于印发某某方案的通知各区人民政府：现印发给你们。";
        assert_eq!(
            blocks(t),
            ["某某市人民政府办公厅文件", "某政办〔2024〕23号", "某某市人民政府办公厅关于印发某某方案的通知", "各区人民政府：现印发给你们。"]
        );
    }

    #[test]
    fn a_masthead_without_its_file_word() {
        let t = "某某自治州人民政府办公室某州政办发〔2024〕5号某州人民政府办公室关于某事的通报各县人民政府：";
        assert_eq!(blocks(t), ["某某自治州人民政府办公室", "某州政办发〔2024〕5号", "某州人民政府办公室关于某事的通报", "各县人民政府："]);
    }

    #[test]
    fn notices_without_addressees_orders_and_announcements() {
        assert_eq!(
            blocks("某市人民政府关于某事的通告某政发〔2023〕6号为做好某事，现将有关事项通告如下。"),
            ["某市人民政府关于某事的通告", "某政发〔2023〕6号", "为做好某事，现将有关事项通告如下。"]
        );
        assert_eq!(blocks("某部发〔2018〕74号为做好某事，现提出以下意见。"), ["某部发〔2018〕74号", "为做好某事，现提出以下意见。"]);
        assert_eq!(blocks("某省人民政府令第123号《某省某某办法》已经省人民政府常务会议通过。"), ["某省人民政府令", "第123号", "《某省某某办法》已经省人民政府常务会议通过。"]);
        assert_eq!(
            blocks("某省某某厅公告2024年第3号某省某某厅关于某事的公告根据有关规定，现将有关事项公告如下。"),
            ["某省某某厅公告2024年第3号", "某省某某厅关于某事的公告", "根据有关规定，现将有关事项公告如下。"]
        );
    }

    #[test]
    fn running_text_is_not_cut() {
        for t in [
            "按照某某局关于某事的通知某发〔2024〕5号要求，各单位要认真落实。",
            "根据《某某办法》（某发〔2023〕1号），现就有关事项通知如下。",
            "会议定于2024年3月8日召开，请各单位准时参加。",
            "各单位要在2024年3月8日前报送材料。",
            "按照某某局关于某事的通知某发〔2024〕5号精神，各单位要认真落实。",
            "根据某某局关于某事的通知为做好某事，现通知如下。",
        ] {
            assert_eq!(blocks(t), [t], "{t}");
        }
    }
}
