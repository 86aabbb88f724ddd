//! Stage 8: personnel — appointments and removals (任免), and the division
//! of labour among leaders (领导分工).
//!
//! Appointments are read clause by clause (a clause ends at ；。): `X同志任A`,
//! `X、Y同志任A（试用期一年）`, `X同志任A，免去其B职务`, `免去X同志的B职务`,
//! lists headed by `任命：` / `免去：`, `不再担任…职务`, `增补…为…`,
//! `决定任命/提名/聘任X为A`, `X兼任A`. A blanket clause (`原…领导职务自然
//! 免除`) gives a diagnostic, never a person.
//!
//! A division of labour is a run of leader headings (`县人民政府党组成员、
//! 副县长 崔 勇`, or `一、翁玉耀党组书记、主任：`) each followed by
//! sentences opened by 负责 / 分管 / 联系 / 兼任 / 协助; `A与B互为AB角`
//! pairs leaders as each other's backup.

use std::sync::LazyLock;

use regex::Regex;

use crate::paras::Para;
use crate::vocab::vocab;
use crate::model::{Action, Appointment, Assignment, AssignmentSpans, Diagnostic, Level, PersonSpans, Span};
use crate::sections::Item;
use crate::text::{char_len, is_han, range_in, Mapped, Val};

/// Where a printed slice of the text at hand lies in the input.
type At<'x> = &'x dyn Fn(&str) -> Span;

/// The name and post rules of `vocab/people.toml`.
static COMPOUND_SURNAMES: LazyLock<&[String]> = LazyLock::new(|| vocab().list("names", "compound_surnames"));
/// Words a post title ends with (to find a name printed after its title).
static TITLE_ENDS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("posts", "title_ends"));
/// Words a post title may begin with, after a name (`翁玉耀党组书记`).
static TITLE_STARTS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("posts", "title_starts"));
/// Words that stand where a name would but are not one (`以上同志任职时间…`).
static NOT_NAMES: LazyLock<&[String]> = LazyLock::new(|| vocab().list("names", "not_names"));
/// Words opening a leader's duty sentence, and notes that are not duties.
static DUTY_OPENERS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("division", "duty_openers"));
static NOT_DUTIES: LazyLock<&[String]> = LazyLock::new(|| vocab().list("division", "not_duties"));
static ADJUSTERS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("division", "adjusters"));

fn is_name(s: &str) -> bool {
    let n = char_len(s);
    if NOT_NAMES.iter().any(|w| w == s) {
        return false;
    }
    // `阿卜杜拉·买买提`: transcribed names join their parts with a middle dot.
    if s.contains(['·', '・', '•', '.']) {
        let parts: Vec<&str> = s.split(['·', '・', '•', '.']).collect();
        return (2..=4).contains(&parts.len()) && n <= 16 && parts.iter().all(|p| !p.is_empty() && p.chars().all(is_han));
    }
    (2..=4).contains(&n) && s.chars().all(is_han)
}

/// Places and bodies a post begins with when the 的 is missing
/// (`免去欧阳畅县机关事务服务中心党组成员职务`).
fn looks_like_post_start(s: &str) -> bool {
    s.starts_with(['县', '市', '省', '区', '镇', '乡', '州', '中']) || s.starts_with("国家") || s.starts_with("团")
}

/// Splits `name+post` run together: the name is 2–3 chars (3–4 with a
/// compound surname) and the post starts like a place or body.
pub(crate) fn split_name_post(s: &str) -> Option<(&str, &str)> {
    let compound = COMPOUND_SURNAMES.iter().any(|c| s.starts_with(c.as_str()));
    let lens: &[usize] = if compound { &[3, 4] } else { &[3, 2] };
    for &n in lens {
        let idx = s.char_indices().nth(n).map(|(i, _)| i)?;
        let (name, post) = s.split_at(idx);
        if is_name(name) && looks_like_post_start(post) {
            return Some((name, post));
        }
    }
    None
}

/// Names in a list `X、Y` / `X和Y`, each possibly preceded by its title
/// (`省交通厅厅长焦彦龙`).
fn names(list: &str) -> Vec<Val<'_>> {
    let list = list.trim().trim_end_matches("同志").trim_start_matches(['：', ':']);
    let mut out = Vec::new();
    for printed in list.split(['、', '，']) {
        // `李　明`: a name padded to the width of three characters (printed
        // as the padded part).
        let unpadded: String;
        let padded = printed.contains(' ') && char_len(printed.trim()) <= 6;
        let part = if padded {
            unpadded = printed.chars().filter(|c| *c != ' ').collect();
            unpadded.as_str()
        } else {
            printed
        };
        let val = |name: &str| Val {
            text: name.to_string(),
            src: if padded { printed.trim() } else { printed.get(range_in(printed, name)).unwrap_or(printed) },
        };
        for p in split_and(part) {
            let p = p.trim().trim_end_matches("同志");
            if is_name(p) {
                out.push(val(p));
                continue;
            }
            // A name after its title: take what follows the last title word.
            let after = TITLE_ENDS.iter().filter_map(|w| p.rfind(w.as_str()).map(|i| i + w.len())).max();
            if let Some(name) = after.and_then(|i| p.get(i..)).filter(|n| is_name(n)) {
                out.push(val(name));
                continue;
            }
            if !p.is_empty() {
                return Vec::new();
            }
        }
    }
    out
}

/// `陈某、刘某（兼职）、周某（兼职，女）`: names each with the note in the
/// brackets after it (split at 、 outside brackets); empty when a part is
/// not a name.
fn names_with_notes(list: &str) -> Vec<(Val<'_>, Option<String>)> {
    let list = list.trim().trim_end_matches("同志");
    let mut out = Vec::new();
    for part in crate::text::split_outside_brackets(list, &['、']) {
        let part = part.trim();
        let (name, note) = match part.find(['（', '(']) {
            Some(i) if part.ends_with(['）', ')']) => {
                let inner = part[i..].trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
                (&part[..i], Some(inner.to_string()))
            }
            _ => (part, None),
        };
        let name = name.trim().trim_end_matches("同志");
        if !is_name(name) {
            return Vec::new();
        }
        out.push((Val::new(name), note));
    }
    out
}

fn split_and(p: &str) -> Vec<&str> {
    if is_name(p) {
        return vec![p];
    }
    match p.find('和') {
        Some(i) => vec![&p[..i], &p[i + '和'.len_utf8()..]],
        None => vec![p],
    }
}

fn clean_post<'a>(v: &Val<'a>) -> Val<'a> {
    let s = v.text.trim().trim_end_matches(['。', '；', ';', '，']);
    let s = s.strip_suffix("职务").unwrap_or(s);
    let s = s.strip_prefix('的').unwrap_or(s);
    Val { text: s.chars().filter(|c| *c != ' ').collect(), src: v.cut(s).src }
}

/// `（试用期一年）` at the end: the note and the post without it.
fn split_note(post: &str) -> (&str, Option<String>) {
    let p = post.trim_end();
    if p.ends_with(['）', ')']) {
        if let Some(i) = p.rfind(['（', '(']) {
            let inner = p[i..].trim_start_matches(['（', '(']).trim_end_matches(['）', ')']).trim();
            if inner.contains("试用期") || inner.contains("任期") || inner.contains("挂职") || inner.contains("兼") {
                return (&p[..i], Some(inner.chars().filter(|c| *c != ' ').collect()));
            }
        }
    }
    (p, None)
}

static APPOINT_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(.+?)同志(?:任|担任)(.+)$").unwrap());
static APPOINT_BARE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([\p{Han}·、]{2,20}?)(?:任|担任)([^职].+)$").unwrap());
static NAMED_AS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:决定|同意|建议)?(?:任命|提名|聘任|聘请|增补|补选|选举)(.+?)(?:同志)?为(.+)$").unwrap());
static REMOVE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:决定|批准)?(?:免去|解聘|撤销)(.+?)同志的?(.+?)职务$").unwrap());
static REMOVE_BARE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:决定|批准)?(?:免去|解聘|撤销)([\p{Han} ]{2,6}?)的(.+?)职务$").unwrap());
/// `接受X同志辞去Y职务的请求` (a 人大常委会 decision): X leaves Y.
static RESIGNS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:决定)?(?:接受|同意)(.+?)(?:同志)?辞去(.+?)(?:职务)?的(?:请求|申请)$").unwrap());
/// `决定X同志代理Y`, `推选X代理Y职务`: X is appointed 代理Y.
static ACTING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:决定|推选|任命)?(.+?)(?:同志)?(代理.+?)(?:职务)?$").unwrap());
static NO_LONGER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(.+?)(?:同志)?不再担任(.+?)职务$").unwrap());
static CONCURRENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(.+?)同志兼任(.+)$").unwrap());

/// Columns of a personnel table: which column holds the name, the old post
/// and the new post.
#[derive(Clone, Copy)]
struct TableColumns {
    name: usize,
    old: Option<usize>,
    new: Option<usize>,
}

/// `姓名  原职务  新职务`: a table header, read from the line as printed
/// (columns are separated by two or more spaces or a tab).
fn table_header(cells: &[Val]) -> Option<TableColumns> {
    let cells: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
    let name = cells.iter().position(|c| *c == "姓名")?;
    let old = cells.iter().position(|c| c.starts_with('原') || c.starts_with("现任") || *c == "现职务");
    let new = cells.iter().position(|c| c.starts_with('新') || c.starts_with("拟任") || *c == "任职" || *c == "任命职务");
    (old.is_some() || new.is_some()).then_some(TableColumns { name, old, new })
}

/// The cells of a printed line: split at runs of two or more blanks or a tab;
/// single blanks inside a cell (padding in `李　娜`) are dropped from the
/// value (the cell's slice of the line keeps them).
fn cells(line: &str) -> Vec<Val<'_>> {
    let mut out = Vec::new();
    // The open cell: its value and where it starts and ends in the line.
    let mut cur: Option<(String, usize, usize)> = None;
    let mut blanks = String::new();
    for (i, c) in line.char_indices() {
        if matches!(c, ' ' | '\u{3000}' | '\t' | '\u{A0}') {
            blanks.push(c);
            continue;
        }
        if !blanks.is_empty() {
            if blanks.chars().count() >= 2 || blanks.contains('\t') {
                out.extend(cur.take());
            }
            blanks.clear();
        }
        let cell = cur.get_or_insert_with(|| (String::new(), i, i));
        cell.0.push(c);
        cell.2 = i + c.len_utf8();
    }
    out.extend(cur);
    out.into_iter().map(|(text, a, b)| Val { text, src: line.get(a..b).unwrap_or("") }).collect()
}

/// `序号 姓名 现任职务 拟任职务 1 甲 A B 2 乙 C D`: the header's columns and
/// each row's cells, when every row after the header reads as one (a number
/// under 序号, a name under 姓名).
fn run_together_rows(line: &str) -> Option<(TableColumns, Vec<Vec<Val<'_>>>)> {
    let words: Vec<Val> = line.split_whitespace().map(Val::new).collect();
    let start = words.iter().position(|w| w.text == "姓名" || w.text == "序号")?;
    // The header: the labels up to the first row's number or name.
    let label = |w: &str| matches!(w, "序号" | "姓名" | "任职" | "备注") || w.contains("职务") || ["原", "新", "现任", "拟任"].iter().any(|p| w.starts_with(p));
    let end = (start + 1..words.len()).find(|&k| !label(&words[k].text))?;
    let header = &words[start..end];
    let c = table_header(header)?;
    let serial = header.iter().position(|w| w.text == "序号");
    let body = &words[end..];
    if body.is_empty() || body.len() % header.len() != 0 {
        return None;
    }
    let rows: Vec<Vec<Val>> = body.chunks(header.len()).map(<[Val]>::to_vec).collect();
    let readable = |row: &Vec<Val>| serial.map_or(true, |k| row[k].text.chars().all(|ch| ch.is_ascii_digit())) && is_name(&row[c.name].text);
    rows.iter().all(readable).then_some((c, rows))
}

/// Rows of a personnel table printed one per line.
fn table_rows(input: &str, paras: &[Para], out: &mut Vec<Appointment>) {
    let mut cols: Option<TableColumns> = None;
    for p in paras {
        for l in &p.printed {
            // The printed line: its column gaps tell the cells apart.
            let printed = &input[l.clone()];
            let row = cells(printed);
            if let Some(h) = table_header(&row) {
                cols = Some(h);
                continue;
            }
            // A header and its rows run together on one line, cells apart
            // by single blanks: rows are the words after the header, a
            // header's width at a time.
            if let Some((c, rows)) = run_together_rows(printed) {
                for row in rows {
                    let (a, b) = (range_in(printed, row[0].src).start, range_in(printed, row[row.len() - 1].src).end);
                    let span = Span::new(l.start + a, l.start + b);
                    let at = |s: &str| {
                        let r = range_in(printed, s);
                        Span::new(l.start + r.start, l.start + r.end)
                    };
                    let name = &row[c.name];
                    if let Some(post) = c.new.and_then(|k| row.get(k)) {
                        push(out, Action::Appoint, std::slice::from_ref(name), post, None, span.clone(), &at);
                    }
                    if let Some(post) = c.old.and_then(|k| row.get(k)) {
                        push(out, Action::Remove, std::slice::from_ref(name), post, None, span, &at);
                    }
                }
                cols = None;
                continue;
            }
            let Some(c) = &cols else { continue };
            if printed.contains(['。', '；']) || row.len() < 2 {
                cols = None;
                continue;
            }
            let Some(name) = row.get(c.name).filter(|n| is_name(&n.text)) else {
                cols = None;
                continue;
            };
            let span = Span::new(l.start, l.end);
            let at = |s: &str| {
                let r = range_in(printed, s);
                Span::new(l.start + r.start, l.start + r.end)
            };
            if let Some(post) = c.new.and_then(|k| row.get(k)) {
                push(out, Action::Appoint, std::slice::from_ref(name), post, None, span.clone(), &at);
            }
            if let Some(post) = c.old.and_then(|k| row.get(k)) {
                push(out, Action::Remove, std::slice::from_ref(name), post, None, span, &at);
            }
        }
    }
}

/// Reads the appointments of a document.
pub(crate) fn appointments(input: &str, paras: &[Para], diags: &mut Vec<Diagnostic>) -> Vec<Appointment> {
    let mut out = Vec::new();
    let mut rows = Vec::new();
    table_rows(input, paras, &mut rows);
    // Mode set by a list header `任命：` / `免去：` / `任命为Y：`.
    let mut mode = ListMode::default();
    for p in paras {
        let t = &p.text.text;
        let mut start = 0;
        for (i, c) in t.char_indices().chain(std::iter::once((t.len(), '。'))) {
            if !matches!(c, '；' | '。' | ';') {
                continue;
            }
            let range = start..i;
            start = i + c.len_utf8();
            // A sentence may chain actions with ，: `X不再担任A职务，增补Y为B，
            // Z兼任C`. Cut where a new action opens (not at `，免去其`).
            let mut from = range.start;
            for (j, ch) in t[range.clone()].char_indices() {
                let at = range.start + j;
                if ch != '，' || at == from {
                    continue;
                }
                let rest = &t[at + ch.len_utf8()..range.end];
                if opens_action(rest) {
                    read_clause(from..at, &p.text, input, &mut mode, &mut out, diags);
                    from = at + ch.len_utf8();
                }
            }
            // A list whose rows the paragraph joined (`甲某  某局局长` /
            // `乙某  某局副局长` / `免去：`): each line read alone.
            match list_rows(p, from..range.end) {
                Some(rows) => {
                    for r in rows {
                        read_clause(r, &p.text, input, &mut mode, &mut out, diags);
                    }
                }
                None => read_clause(from..range.end, &p.text, input, &mut mode, &mut out, diags),
            }
        }
    }
    // Table rows in reading order among the sentences.
    if !rows.is_empty() {
        out.extend(rows);
        out.sort_by_key(|a| a.span.start);
    }
    out
}

/// The lines of `range` when it joins several lines each a list row
/// (a name set off by a gap or a space, then more) or a list header
/// (ending with ：); `None` otherwise.
fn list_rows(p: &Para, range: std::ops::Range<usize>) -> Option<Vec<std::ops::Range<usize>>> {
    let cuts: Vec<usize> = p.line_starts.iter().copied().filter(|&s| s > range.start && s < range.end).collect();
    if cuts.is_empty() {
        return None;
    }
    let bounds: Vec<usize> = std::iter::once(range.start).chain(cuts).chain(std::iter::once(range.end)).collect();
    let rows: Vec<std::ops::Range<usize>> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
    let t = &p.text;
    let row_like = |r: &std::ops::Range<usize>| {
        let line = t.text.get(r.clone()).unwrap_or("").trim_end();
        if line.ends_with(['：', ':']) && char_len(line) <= 20 {
            return true;
        }
        let cut = line.char_indices().find(|&(j, ch)| j > 0 && (matches!(ch, ' ' | '\u{3000}') || t.gap_before(r.start + j)));
        cut.is_some_and(|(j, _)| is_name(&line[..j]))
    };
    rows.iter().all(row_like).then_some(rows)
}

/// Does `rest` open a new personnel action?
/// Does `c` hold a word of a personnel action: 免, 聘, 辞, 代理, 撤销,
/// 提名, 增补, 同志, 不再担任, or a 任 that is not part of 责任, 任务 or 任何?
fn has_action_word(c: &str) -> bool {
    if ["免", "聘", "辞", "代理", "撤销", "提名", "增补", "同志"].iter().any(|w| c.contains(w)) {
        return true;
    }
    c.match_indices('任').any(|(i, _)| {
        let before = c[..i].chars().next_back();
        let after = c[i + '任'.len_utf8()..].chars().next();
        before != Some('责') && !matches!(after, Some('务' | '何'))
    })
}

/// The list a header opened: its action, and the post when the header
/// names it (`任命为Y：` with the names in the lines below).
#[derive(Default)]
struct ListMode {
    action: Option<Action>,
    post: Option<(String, Span)>,
}

/// `任命为Y` / `决定任命为Y` / `免去Y职务` as a list heading: the action and the post.
fn list_post_heading(head: &str) -> Option<(Action, Val<'_>)> {
    let h = head.strip_prefix("决定").unwrap_or(head);
    for (w, action) in [("任命为", Action::Appoint), ("聘任为", Action::Appoint), ("提名为", Action::Appoint)] {
        if let Some(post) = h.strip_prefix(w).filter(|p| names_a_post(p)) {
            return Some((action, Val::new(post)));
        }
    }
    let post = h.strip_prefix("免去").or_else(|| h.strip_prefix("解聘"))?.strip_suffix("职务")?;
    names_a_post(post).then(|| (Action::Remove, Val::new(post)))
}

/// A clause that is only names, separated by 、，or spaces (`甲某  乙某某  丙某`);
/// empty otherwise.
/// (`gap` tells where the extraction dropped a gap between two characters.)
fn name_list(c: &str, gap: impl Fn(usize) -> bool) -> Vec<Val<'_>> {
    let mut parts: Vec<&str> = Vec::new();
    let mut from = 0;
    for (j, ch) in c.char_indices() {
        if matches!(ch, '、' | '，' | ',' | ' ' | '\u{3000}') {
            parts.push(&c[from..j]);
            from = j + ch.len_utf8();
        } else if j > from && gap(j) {
            parts.push(&c[from..j]);
            from = j;
        }
    }
    parts.push(&c[from..]);
    parts.retain(|p| !p.is_empty());
    if !parts.is_empty() && parts.iter().all(|p| is_name(p.trim_end_matches("同志"))) {
        return parts.into_iter().map(|p| Val::new(p.trim_end_matches("同志"))).collect();
    }
    // `李　明`: one name padded.
    names(c)
}

fn opens_action(rest: &str) -> bool {
    static PERSON_ACTS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\p{Han}、]{2,14}?同志(?:任|兼任|担任|不再担任|为)").unwrap());
    (rest.starts_with("免去") && !rest.starts_with("免去其"))
        || ["增补", "任命", "聘任", "提名", "决定任命"].iter().any(|w| rest.starts_with(w))
        || PERSON_ACTS.is_match(rest)
}

fn push(out: &mut Vec<Appointment>, action: Action, who: &[Val], post: &Val, note: Option<String>, span: Span, at: At) {
    let post = clean_post(post);
    if post.text.is_empty() {
        return;
    }
    for n in who {
        out.push(Appointment {
            action,
            person: n.text.clone(),
            position: post.text.clone(),
            note: note.clone(),
            span: span.clone(),
            spans: PersonSpans { person: Some(at(n.src)), position: Some(at(post.src)) },
        });
    }
}

/// Does `s` (what follows 任 without 同志) name a post: end with a title,
/// perhaps followed by a note?
fn names_a_post(s: &str) -> bool {
    // (A note in brackets after the post, not brackets inside it:
    // `某某投资（集团）有限公司董事长（试用期一年）`.)
    let post = split_note(s).0;
    let post = post.split(['，', ',']).next().unwrap_or(post);
    char_len(post) <= 40 && (TITLE_ENDS.iter().any(|w| post.ends_with(w.as_str())) || post.ends_with('长') || post.ends_with('员'))
}

/// `沈佳怡同志（女，1980年5月生）任…`: personal details after a name are
/// dropped before the clause (`range` of `m`) is read; the rest keeps its map.
fn drop_personal_details(m: &Mapped, range: std::ops::Range<usize>) -> Mapped {
    static DETAILS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(同志)?[（(](?:[男女][，,、]|[^（）()]{0,12}族|[^（）()]{0,16}(?:年|月)生)[^（）()]{0,30}[）)]").unwrap());
    let t = m.text.get(range.clone()).unwrap_or("");
    let mut out = Mapped::with_capacity(t.len());
    let mut last = 0;
    for cap in DETAILS.captures_iter(t) {
        let Some(all) = cap.get(0) else { continue };
        out.push_from(m, range.start + last..range.start + all.start());
        if let Some(g) = cap.get(1) {
            out.push_from(m, range.start + g.start()..range.start + g.end());
        }
        last = all.end();
    }
    out.push_from(m, range.start + last..range.start + t.len());
    out
}

fn read_clause(range: std::ops::Range<usize>, m: &Mapped, input: &str, list: &mut ListMode, out: &mut Vec<Appointment>, diags: &mut Vec<Diagnostic>) {
    // Most clauses of most documents are not personnel actions: outside a
    // list, a clause without any action word is left before any copy.
    if list.action.is_none() && !m.text.get(range.clone()).is_some_and(has_action_word) {
        return;
    }
    let cm = drop_personal_details(m, range.clone());
    let modified = cm.len() != range.len();
    let at = |s: &str| cm.slice_span(s, input);
    let at: At = &at;
    let clause: &str = &cm.text;
    let mut c = clause.trim();
    // A header or a relayed instruction ends with ：.
    let mut header = false;
    if let Some(i) = c.rfind(['：', ':']) {
        let head = &c[..i];
        let head = head.get(crate::grammar::marker_at(head).map_or(0, |m| m.2)..).unwrap_or(head).trim();
        list.post = None;
        if head.ends_with("任命") || head.ends_with("聘任") || head.ends_with("提名") {
            list.action = Some(Action::Appoint);
        } else if head.ends_with("免去") || head.ends_with("免职") {
            list.action = Some(Action::Remove);
        } else if let Some(post) = list_post_heading(head) {
            // `任命为某某院副院长：` / `免去某某院检察员职务：` with the
            // names below.
            list.action = Some(post.0);
            list.post = Some((clean_post(&post.1).text, at(post.1.src)));
        }
        header = true;
        let skip = i + c[i..].chars().next().map_or(1, char::len_utf8);
        c = &c[skip..];
    }
    // A note in brackets before the clause (`（2024年1月5日…会议通过）决定任命…`,
    // the adoption line joined to the paragraph).
    if let Some(inner) = c.strip_prefix(['（', '(']) {
        if let Some(i) = inner.find(['）', ')']).filter(|&i| !inner[..i].contains(['（', '('])) {
            c = inner[i + inner[i..].chars().next().map_or(1, char::len_utf8)..].trim_start();
        }
    }
    if c.is_empty() {
        return;
    }
    // (Offsets are of the clause as printed; after dropping personal details
    // the span is the whole clause.)
    let span = if modified { m.span(range) } else { cm.span(range_in(clause, c)) };
    if c.contains("自然免除") || c.contains("自然免去") || c.contains("自行免除") {
        diags.push(Diagnostic {
            level: Level::Info,
            code: "blanket_removal".into(),
            message: format!("a blanket removal names no person: {c}"),
            span,
        });
        return;
    }
    // `X同志任A，免去其B职务` (同志 may be left out: `钱卫东任A，试用期一年`)
    let appoint = APPOINT_RE
        .captures(c)
        .or_else(|| APPOINT_BARE.captures(c).filter(|cap| !c.starts_with("免去") && !names(&cap[1]).is_empty() && names_a_post(&cap[2])));
    if let Some(cap) = appoint {
        let who = names(&cap[1]);
        if !who.is_empty() {
            let rest = &cap[2];
            let (appoint, remove) = match rest.find("，免去其").or_else(|| rest.find(",免去其")) {
                Some(i) => (&rest[..i], Some(&rest[i + "，免去其".len()..])),
                None => match rest.find("免去其") {
                    Some(i) => (rest[..i].trim_end_matches(['，', ',']), Some(&rest[i + "免去其".len()..])),
                    None => (rest, None),
                },
            };
            let (post, note) = split_note(appoint);
            // `…，试用期一年` after the post.
            let (post, note) = match post.rfind(['，', ',']) {
                Some(i) if note.is_none() && post[i..].contains("试用期") => {
                    (&post[..i], Some(post[i..].trim_start_matches(['，', ',']).to_string()))
                }
                _ => (post, note),
            };
            push(out, Action::Appoint, &who, &Val::new(post), note, span.clone(), at);
            if let Some(r) = remove {
                push(out, Action::Remove, &who, &Val::new(r), None, span, at);
            }
            return;
        }
    }
    // `免去X同志的Y职务（退休）`: a note after 职务.
    let (c, tail_note) = match (c.ends_with(['）', ')']), c.rfind("职务")) {
        (true, Some(i)) if c[i..].starts_with("职务（") || c[i..].starts_with("职务(") => {
            let note = c[i + "职务".len()..].trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
            (&c[..i + "职务".len()], Some(note.to_string()))
        }
        _ => (c, None),
    };
    if let Some(cap) = REMOVE_RE.captures(c) {
        let who = names(&cap[1]);
        if !who.is_empty() {
            push(out, Action::Remove, &who, &Val::new(&cap[2]), tail_note, span, at);
            return;
        }
    }
    // `免去X的Y职务`, `X不再担任Y职务`, `接受X辞去Y职务的请求`: X leaves Y.
    for re in [&*REMOVE_BARE, &*NO_LONGER, &*RESIGNS] {
        if let Some(cap) = re.captures(c) {
            let who = names(&cap[1]);
            if !who.is_empty() {
                push(out, Action::Remove, &who, &Val::new(&cap[2]), None, span, at);
                return;
            }
        }
    }
    if let Some(rest) = c.strip_prefix("免去").and_then(|r| r.strip_suffix("职务")) {
        // `免去欧阳畅县…职务`: the 的 is missing.
        if let Some((name, post)) = split_name_post(rest) {
            push(out, Action::Remove, &[Val::new(name)], &Val::new(post), None, span, at);
            return;
        }
    }
    // (Only a decided or elected acting post: `X同志代理…`, `决定X代理…`,
    // `推选X代理…` — not `专利代理机构` in running text.)
    let decided = |cap: &regex::Captures| {
        let after = cap.get(1).map_or(0, |m| m.end());
        ["决定", "推选", "任命"].iter().any(|w| c.starts_with(w)) || c[after..].starts_with("同志")
    };
    if let Some(cap) = ACTING.captures(c).filter(|cap| decided(cap) && names_a_post(&cap[2])) {
        let who = names(&cap[1]);
        if !who.is_empty() {
            push(out, Action::Appoint, &who, &Val::new(&cap[2]), None, span, at);
            return;
        }
    }
    if let Some(cap) = NAMED_AS.captures(c) {
        let who = names(&cap[1]);
        if !who.is_empty() {
            let (post, note) = split_note(&cap[2]);
            push(out, Action::Appoint, &who, &Val::new(post), note, span, at);
            return;
        }
    }
    if let Some(cap) = CONCURRENT.captures(c) {
        let who = names(&cap[1]);
        if !who.is_empty() {
            push(out, Action::Appoint, &who, &Val::new(&cap[2]), None, span, at);
            return;
        }
    }
    // Names alone under a post heading.
    if let Some((post, post_span)) = &list.post {
        let base = c.as_ptr() as usize - clause.as_ptr() as usize;
        let who = name_list(c, |j| cm.gap_before(base + j));
        if !who.is_empty() {
            for n in who {
                out.push(Appointment {
                    action: list.action.unwrap_or(Action::Appoint),
                    person: n.text.clone(),
                    position: post.clone(),
                    note: None,
                    span: span.clone(),
                    spans: PersonSpans { person: Some(at(n.src)), position: Some(post_span.clone()) },
                });
            }
            return;
        }
        if !header {
            list.post = None;
        }
    }
    // A row `NAME  POST` of a `任命：` / `免去：` list (the name set off
    // by a gap or a space).
    if let Some(action) = list.action {
        let base = c.as_ptr() as usize - clause.as_ptr() as usize;
        let cut = c.char_indices().find(|&(j, ch)| j > 0 && (matches!(ch, ' ' | '\u{3000}') || cm.gap_before(base + j))).map(|(j, _)| j);
        if let Some(j) = cut {
            let (name, post) = (&c[..j], c[j..].trim());
            let fits = match action {
                Action::Appoint => names_a_post(post),
                Action::Remove => post.ends_with("职务") || names_a_post(post),
            };
            // (Not `某某（女）为Y` with the details dropped: a row's post
            // follows the name directly.)
            if is_name(name) && fits && !post.starts_with(['为', '任', '的', '同']) {
                let (post, note) = split_note(post);
                push(out, action, &[Val::new(name)], &Val::new(post), note, span, at);
                return;
            }
        }
    }
    // Inside a `任命：` / `免去：` list.
    match list.action {
        Some(Action::Appoint) => {
            let cut = c.find("同志为").map(|i| (i, "同志为".len())).or_else(|| c.find('为').map(|i| (i, '为'.len_utf8())));
            if let Some((i, len)) = cut {
                let (post, note) = split_note(&c[i + len..]);
                let who = names(&c[..i]);
                if !who.is_empty() || note.is_some() {
                    push(out, Action::Appoint, &who, &Val::new(post), note, span, at);
                } else {
                    // `A、B（兼职）、C（兼职，女）同志为Y`: a note per name.
                    for (name, note) in names_with_notes(&c[..i]) {
                        push(out, Action::Appoint, &[name], &Val::new(post), note, span.clone(), at);
                    }
                }
            }
        }
        Some(Action::Remove) => {
            let cut = c.find("同志").map(|i| (i, "同志".len())).or_else(|| c.find('的').map(|i| (i, 0)));
            if let Some((i, len)) = cut {
                let who = names(&c[..i]);
                let rest = &c[i + len..];
                if rest.ends_with("职务") {
                    push(out, Action::Remove, &who, &Val::new(rest), None, span, at);
                }
            }
        }
        None => {}
    }
}

// ---------------------------------------------------------------------------
// Division of labour.

const LEADER_TITLES: &[&str] = &[
    "县长", "市长", "省长", "区长", "州长", "旗长", "书记", "主任", "调研员", "巡视员", "党组成员", "秘书长", "局长", "厅长", "部长", "主席",
];

/// A leader heading at the start of `m` (its first line, `first_line`
/// bytes long): `(titles, name, heading length)`.
fn leader_heading(m: &Mapped, first_line: usize) -> Option<(Vec<Val<'_>>, Val<'_>, std::ops::Range<usize>)> {
    let t = &m.text[..first_line.min(m.text.len())];
    if t.contains('。') || char_len(t) > 60 || char_len(t) < 4 {
        return None;
    }
    // The name follows a space the PDF left between title and name.
    let gaps: Vec<usize> = t.char_indices().map(|(i, _)| i).filter(|&i| i > 0 && m.gap_before(i)).collect();
    for &g in &gaps {
        let head = &t[..g];
        let name = Val { text: t[g..].chars().filter(|c| !c.is_whitespace()).collect(), src: t[g..].trim() };
        if is_name(&name.text) && LEADER_TITLES.iter().any(|w| head.contains(w)) {
            let titles = head.split('、').map(str::trim).filter(|s| !s.is_empty()).map(Val::new).collect();
            return Some((titles, name, 0..t.len()));
        }
    }
    None
}

/// A leader named first: `次仁扎西　市委副书记、市长` or `王建平（副市长）`
/// (the heading of a numbered item, or a line of its own).
fn leader_name_first(t: &str) -> Option<(Vec<Val<'_>>, Val<'_>)> {
    let t = t.trim().trim_end_matches(['：', ':', '。']);
    if t.contains(['。', '，', '；']) || char_len(t) > 50 {
        return None;
    }
    let (name, titles) = if let Some(i) = t.find(' ') {
        (&t[..i], t[i..].trim())
    } else if t.ends_with(['）', ')']) {
        let i = t.find(['（', '('])?;
        (&t[..i], t[i..].trim_start_matches(['（', '(']).trim_end_matches(['）', ')']))
    } else {
        return None;
    };
    let name = Val { text: name.chars().filter(|c| *c != ' ').collect(), src: name.trim() };
    if !is_name(&name.text) || !LEADER_TITLES.iter().any(|w| titles.contains(w)) {
        return None;
    }
    let titles = titles.split(['、', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(Val::new).collect();
    Some((titles, name))
}

/// `翁玉耀党组书记、主任：主持…` (a numbered item naming the leader first;
/// `t` is the item's text after its marker).
fn leader_inline(t: &str) -> Option<(Vec<Val<'_>>, Val<'_>, usize)> {
    let colon = t.find(['：', ':'])?;
    let head = t[..colon].trim();
    if !LEADER_TITLES.iter().any(|w| head.contains(w)) && !head.contains("主任") {
        return None;
    }
    for n in [3usize, 2, 4] {
        let idx = head.char_indices().nth(n).map(|(i, _)| i)?;
        let (name, titles) = head.split_at(idx);
        // A name does not end in 副/常/总 (`韦东副主任` is 韦东, 副主任).
        if name.ends_with(['副', '常', '总']) {
            continue;
        }
        if is_name(name) && TITLE_STARTS.iter().any(|w| titles.starts_with(w.as_str())) {
            let titles = titles.split(['、', '，']).map(str::trim).filter(|s| !s.is_empty()).map(Val::new).collect();
            return Some((titles, Val::new(name), colon + t[colon..].chars().next().map_or(1, char::len_utf8)));
        }
    }
    None
}

/// A leader named in a sentence: `副省长某某某同志，增加分管…`, `县长某某某同志主持…`:
/// `(titles, name, where the duties begin)`.
fn leader_prose(t: &str) -> Option<(Vec<Val<'_>>, Val<'_>, usize)> {
    // (The head is at most 30 characters: look no further for its 同志.)
    let window = t.char_indices().nth(34).map_or(t.len(), |(k, _)| k);
    let i = t[..window].find("同志")?;
    let head = &t[..i];
    if char_len(head) > 30 || head.contains(['，', '。', '；', '：']) {
        return None;
    }
    for n in [3usize, 2, 4] {
        let cut = head.char_indices().rev().nth(n - 1).map(|(k, _)| k)?;
        let (titles, name) = head.split_at(cut);
        if titles.is_empty() || !is_name(name) || name.starts_with(['副', '常', '总']) || !LEADER_TITLES.iter().any(|w| titles.ends_with(w)) {
            continue;
        }
        let body = i + "同志".len();
        let body = body + t[body..].chars().next().filter(|c| matches!(c, '，' | ',')).map_or(0, char::len_utf8);
        let rest = &t[body..];
        if !DUTY_OPENERS.iter().chain(ADJUSTERS.iter()).any(|w| rest.starts_with(w.as_str())) {
            return None;
        }
        let titles = titles.split('、').map(str::trim).filter(|s| !s.is_empty()).map(Val::new).collect();
        return Some((titles, Val::new(name), body));
    }
    None
}

/// Leaders named in the prose of one paragraph: one at its start
/// (`副省长某某同志，增加分管…。联系…。`, duties to the end or the next
/// leader), or each clause after a lead-in handing work over
/// (`将某某同志代管的以下工作临时调整为：由副市长甲同志负责…；由副市长乙同志负责…。`).
/// Each is `(titles, name, its clause, where its duties begin, handed over)`.
#[allow(clippy::type_complexity)]
fn prose_leaders(t: &str) -> Vec<(Vec<Val<'_>>, Val<'_>, std::ops::Range<usize>, usize, bool)> {
    let mut found: Vec<(Vec<Val<'_>>, Val<'_>, usize, usize, bool)> = Vec::new();
    if let Some((titles, name, body)) = leader_prose(t) {
        found.push((titles, name, 0, body, false));
    }
    // Clause starts after ：, ； or 。, with an optional 由 (work handed to).
    let mut handed = false;
    for (i, c) in t.char_indices() {
        if !matches!(c, '：' | '；' | '。' | ':' | ';') {
            continue;
        }
        let from = i + c.len_utf8();
        handed |= c == '：' || c == ':';
        let rest = &t[from..];
        let (rest, skip) = match rest.strip_prefix('由') {
            Some(r) => (r, '由'.len_utf8()),
            None => (rest, 0),
        };
        // (Only where work is handed over or a leader has been named: a
        // sentence of a notice that mentions 某某同志 is not a division.)
        if !handed && found.is_empty() {
            continue;
        }
        if let Some((titles, name, body)) = leader_prose(rest) {
            found.push((titles, name, from, from + skip + body, handed && skip > 0));
        }
    }
    let ends: Vec<usize> = found.iter().skip(1).map(|f| f.2).chain(std::iter::once(t.len())).collect();
    found
        .into_iter()
        .zip(ends)
        .map(|((titles, name, start, body, handed), end)| {
            let end = start + t[start..end].trim_end_matches(['；', '。', ';', '：', ':']).len();
            (titles, name, start..end.max(body), body, handed)
        })
        .collect()
}

/// Splits a 分管/联系 list into bodies, keeping `（县人防办）` aliases and
/// dropping the closing `等` and `工作`.
fn bodies(list: &str) -> Vec<Val<'_>> {
    let list = list.trim().trim_end_matches(['。', '；', ';']);
    // `A和B工作`, `A、B等`: the closing 工作 or 等 is not part of a body
    // when what is left ends like one.
    let work = list.strip_suffix("工作").filter(|l| crate::values::is_org(l));
    let list = work.or_else(|| list.strip_suffix('等').filter(|l| crate::values::is_org(l))).unwrap_or(list);
    let mut out = Vec::new();
    for part in crate::text::split_outside_brackets(list, &['、', '，', ',']).into_iter().map(str::trim).filter(|s| !s.is_empty()) {
        // `分管A和B工作`: two bodies when both sides read as one (not
        // `各银行和保险公司在县分支机构`, one list item).
        match part.split_once('和') {
            Some((a, b)) if work.is_some() && crate::values::is_org(a) && crate::values::is_org(b) => out.extend([Val::new(a), Val::new(b)]),
            _ => out.push(Val::new(part)),
        }
    }
    out
}

/// Appends values to a field and their spans to its spans.
fn extend(field: &mut Vec<String>, spans: &mut Vec<Span>, vals: Vec<Val>, at: At) {
    spans.extend(vals.iter().map(|v| at(v.src)));
    field.extend(vals.into_iter().map(|v| v.text));
}

/// A leader with titles and name, `at` placing them in the input.
fn leader(titles: Vec<Val>, person: Val, span: Span, at: At) -> Assignment {
    let mut a = Assignment { person: person.text, span, ..Assignment::default() };
    a.spans = AssignmentSpans { person: Some(at(person.src)), ..AssignmentSpans::default() };
    extend(&mut a.titles, &mut a.spans.titles, titles, at);
    a
}

fn read_duties<'a>(a: &mut Assignment, text: &'a str, at: At) {
    for sentence in text.split(['。', '；']) {
        let sentence = sentence.trim();
        // AB-role rules and notes after the last leader are not duties. A
        // part of the sentence (after a 兼任 post) holds one when it starts
        // at or before the note's last occurrence.
        let notes: Vec<usize> = NOT_DUTIES.iter().filter_map(|w| sentence.rfind(w.as_str())).collect();
        // `兼任A，兼任B，负责…`: the part after each 兼任 post is read on.
        let mut s = sentence;
        loop {
            let from = sentence.len() - s.len();
            if s.is_empty() || notes.iter().any(|&p| p >= from) || s.starts_with(['（', '(']) {
                break;
            }
            // `分管部门：…`, `联系单位：…`: a label before the list.
            let unlabel = |r: &'a str| -> &'a str {
                for w in ["部门", "单位", "领域", "工作"] {
                    if let Some(x) = r.strip_prefix(w).and_then(|x| x.strip_prefix(['：', ':'])) {
                        return x;
                    }
                }
                r.strip_prefix(['：', ':']).unwrap_or(r)
            };
            // `增加分管…`, `另分管…`: an adjustment adds to the duties.
            if let Some(r) = ADJUSTERS.iter().find_map(|w| s.strip_prefix(w.as_str())).filter(|r| r.starts_with("分管") || r.starts_with("联系")) {
                s = r;
            }
            if let Some(rest) = s.strip_prefix("分管") {
                extend(&mut a.supervises, &mut a.spans.supervises, bodies(unlabel(rest)), at);
            } else if let Some(rest) = s.strip_prefix("联系").map(unlabel) {
                // `联系A，协助联系B`: the assisted part is a duty.
                let (own, assist) = match rest.find("，协助联系") {
                    Some(i) => (&rest[..i], Some(&rest[i + "，".len()..])),
                    None => (rest, None),
                };
                extend(&mut a.liaises, &mut a.spans.liaises, bodies(own), at);
                if let Some(x) = assist {
                    a.duties.push(x.to_string());
                }
            } else if let Some(rest) = s.strip_prefix("兼任") {
                // `兼任县公安局局长` / `兼任县政府办主任，负责…`
                let (post, more) = match rest.find('，') {
                    Some(i) => (&rest[..i], Some(&rest[i + '，'.len_utf8()..])),
                    None => (rest, None),
                };
                a.concurrent.push(post.to_string());
                if let Some(m) = more {
                    s = m.trim();
                    continue;
                }
            } else if !crate::grammar::has_date(s) {
                // (A signature and date run on after the last leader is not a duty.)
                a.duties.push(s.to_string());
            }
            break;
        }
    }
}

/// Reads a division of labour: leader headings and their duties, from the
/// paragraphs (headings on their own line) or the numbered items
/// (`一、翁玉耀党组书记、主任：主持委全面工作。`).
pub(crate) fn division(input: &str, paras: &[Para], items: &[Item]) -> Vec<Assignment> {
    let mut inline: Vec<Assignment> = Vec::new();
    for it in items {
        let at = |s: &str| it.text.slice_span(s, input);
        let t = it.text.text.trim();
        if let Some((titles, person, body)) = leader_inline(t) {
            let mut a = leader(titles, person, it.span.clone(), &at);
            read_duties(&mut a, &t[body..], &at);
            inline.push(a);
            continue;
        }
        // `一、次仁扎西　市委副书记、市长` with the duties in the paragraphs below.
        let first = it.text.text[..it.first_len.min(it.text.len())].trim();
        if let Some((titles, person)) = leader_name_first(first) {
            let mut a = leader(titles, person, it.span.clone(), &at);
            read_duties(&mut a, it.text.text[it.first_len.min(it.text.len())..].trim(), &at);
            inline.push(a);
        }
    }
    if inline.len() >= 2 && reads_as_division(&inline) {
        set_backups(&mut inline, paras.iter().filter(|p| p.text.text.contains("互为")).collect());
        return inline;
    }
    let mut out: Vec<Assignment> = Vec::new();
    let mut trailing: Vec<&Para> = Vec::new();
    // Leaders named in prose with what they supervise or liaise with.
    let mut prose = 0;
    for (k, p) in paras.iter().enumerate() {
        let at = |s: &str| p.text.slice_span(s, input);
        let t = p.text.text.trim_end();
        let leaders = prose_leaders(t);
        if !leaders.is_empty() {
            for (titles, person, clause, body, handed) in leaders {
                let mut a = leader(titles, person, p.text.span(clause.clone()), &at);
                read_duties(&mut a, &t[body..clause.end], &at);
                prose += usize::from(handed || !a.supervises.is_empty() || !a.liaises.is_empty());
                out.push(a);
            }
            continue;
        }
        // A name alone on its line, its duties in the paragraphs below
        // (`某某某` / `负责…工作。分管…`).
        // (A duty is a sentence: `负责…工作。`, not a label such as `负责人`.)
        let duty_next = paras.get(k + 1).is_some_and(|n| {
            let n = n.text.text.as_str();
            n.contains('。') && DUTY_OPENERS.iter().any(|w| n.strip_prefix(w.as_str()).is_some_and(|r| char_len(r) >= 4 && !r.starts_with(['人', '：', ':'])))
        });
        if is_name(t) && duty_next {
            out.push(leader(Vec::new(), Val::new(t), p.text.span(0..p.text.len()), &at));
            continue;
        }
        // A heading may have been joined with its first duty line.
        let first_line = p.line_starts.get(1).copied().unwrap_or(p.text.len());
        let name_first = leader_name_first(&p.text.text[..first_line.min(p.text.len())])
            .map(|(titles, person)| (titles, person, 0..first_line.min(p.text.len())));
        if let Some((titles, person, head)) = leader_heading(&p.text, first_line).or(name_first) {
            let mut a = leader(titles, person, p.text.span(0..p.text.len()), &at);
            let rest = p.text.text[head.end..].trim();
            if !rest.is_empty() {
                read_duties(&mut a, rest, &at);
            }
            out.push(a);
            continue;
        }
        let t = &p.text.text;
        if t.contains("互为AB") || t.contains("互为A、B") {
            trailing.push(p);
            continue;
        }
        if let Some(a) = out.last_mut() {
            let starts_duty = DUTY_OPENERS.iter().any(|w| t.starts_with(w.as_str()));
            if starts_duty {
                read_duties(a, t, &at);
                let sp = p.text.span(0..t.len());
                a.span.end = a.span.end.max(sp.end);
            }
        }
    }
    // One leader is a division only when named in prose with bodies.
    if (out.len() < 2 && prose == 0) || !reads_as_division(&out) {
        return Vec::new();
    }
    set_backups(&mut out, trailing);
    out
}

/// Leaders form a division of labour only when at least half of them are
/// given work: a body supervised or liaised with, or a duty that opens with
/// a duty word (`负责…`, `分管…`). A list of `NAME  POST` rows (a member
/// list) names posts, not work.
fn reads_as_division(leaders: &[Assignment]) -> bool {
    let given_work = |a: &&Assignment| !a.supervises.is_empty() || !a.liaises.is_empty() || a.duties.iter().any(|d| opens_duty(d));
    leaders.iter().filter(given_work).count() * 2 >= leaders.len()
}

/// `负责…工作`, `分管…`: a duty word opening a duty, not a noun made of it
/// (`负责人`, `领导小组`, `联系：`).
fn opens_duty(t: &str) -> bool {
    DUTY_OPENERS.iter().any(|w| t.trim_start().strip_prefix(w.as_str()).is_some_and(|r| char_len(r) >= 2 && !r.starts_with(['人', '小', '：', ':'])))
}

/// AB roles: `常务副县长张清平与副县长郑江南互为AB角` gives each the other.
fn set_backups(out: &mut [Assignment], texts: Vec<&Para>) {
    let people: Vec<String> = out.iter().map(|a| a.person.clone()).collect();
    for p in texts {
        for part in p.text.text.split(['，', '。', '；', '：']) {
            if !part.contains("互为") {
                continue;
            }
            // `A与B互为AB角`, `A、B同志互为AB岗`
            let Some(i) = part.find('与').or_else(|| part.find('、')) else { continue };
            let (left, right) = (&part[..i], &part[i..]);
            let a = people.iter().find(|n| left.contains(n.as_str()));
            let b = people.iter().find(|n| right.contains(n.as_str()));
            if let (Some(a), Some(b)) = (a.cloned(), b.cloned()) {
                for x in out.iter_mut() {
                    if x.person == a {
                        x.backup = Some(b.clone());
                    } else if x.person == b {
                        x.backup = Some(a.clone());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(v: &'a [Val]) -> Vec<&'a str> {
        v.iter().map(|u| u.text.as_str()).collect()
    }

    fn mapped(s: &str) -> Mapped {
        let mut m = Mapped::default();
        crate::text::clean_into(s, 0, s.len(), &mut m);
        m
    }

    /// A paragraph of one line printed at `at` in the input.
    #[allow(clippy::single_range_in_vec_init)]
    fn para(s: &str, at: usize) -> Para {
        Para { text: mapped(s), line_starts: vec![0], printed: vec![at..at + s.len()], ..Para::default() }
    }

    fn acts(text: &[&str]) -> Vec<(Action, String, String, Option<String>)> {
        let joined = text.join("\n");
        let mut at = 0;
        let paras: Vec<Para> = text
            .iter()
            .map(|s| {
                let p = para(s, at);
                at += s.len() + 1;
                p
            })
            .collect();
        let mut d = Vec::new();
        appointments(&joined, &paras, &mut d).into_iter().map(|a| (a.action, a.person, a.position, a.note)).collect()
    }

    #[test]
    fn table_of_posts() {
        let row = cells("　　李　娜  区妇幼保健院副院长  区卫生健康局副局长");
        assert_eq!(texts(&row), ["李娜", "区妇幼保健院副院长", "区卫生健康局副局长"]);
        assert_eq!(row[0].src, "李　娜");
        let h = table_header(&cells("姓名  原职务  新职务")).unwrap();
        assert_eq!((h.name, h.old, h.new), (0, Some(1), Some(2)));
    }

    #[test]
    fn appointment_phrasings() {
        use Action::*;
        assert_eq!(acts(&["任命：", "崔 赣同志为湘潭县人民法院副院长；"]), [(Appoint, "崔赣".into(), "湘潭县人民法院副院长".into(), None)]);
        assert_eq!(acts(&["免去：", "谭琪弋同志湘潭县人民法院执行局副局长职务；"])[0].2, "湘潭县人民法院执行局副局长");
        assert_eq!(acts(&["免去任韩辉同志的杨嘉桥镇党委委员、纪委书记职务；"])[0].1, "任韩辉");
        let a = acts(&["李维斌同志任石鼓镇党委委员，免去其谭家山镇党委委员、宣传统战委员职务；"]);
        assert_eq!(a, [(Appoint, "李维斌".into(), "石鼓镇党委委员".into(), None), (Remove, "李维斌".into(), "谭家山镇党委委员、宣传统战委员".into(), None)]);
        let a = acts(&["马铁光、黄湘同志任县云龙中学副校长（试用期一年 ）；"]);
        assert_eq!(a.len(), 2);
        assert_eq!(a[1], (Appoint, "黄湘".into(), "县云龙中学副校长".into(), Some("试用期一年".into())));
        assert_eq!(acts(&["免去欧阳畅县机关事务服务中心党组成员职务；"])[0], (Remove, "欧阳畅".into(), "县机关事务服务中心党组成员".into(), None));
        assert_eq!(acts(&["接中共某市委组织部文件（某组干〔2023〕1号）通知：免去胡琼同志的县人民法院政治部主任职务。"])[0].1, "胡琼");
        let a = acts(&["李耀明同志不再担任省会规划建设委员会委员和办公室副主任职务，增补省交通厅厅长焦彦龙和省建设厅助理巡视员苏蕴山同志为省会规划建设委员会委员，苏蕴山同志兼任办公室副主任。"]);
        assert_eq!(a[0], (Remove, "李耀明".into(), "省会规划建设委员会委员和办公室副主任".into(), None));
        assert_eq!(a[1].1, "焦彦龙");
        assert_eq!(a[2].1, "苏蕴山");
        assert_eq!(a[3], (Appoint, "苏蕴山".into(), "办公室副主任".into(), None));
        assert!(acts(&["因机构改革，由县人民政府任命的原县人民防空办公室领导职务自然免除。"]).is_empty());
        assert!(acts(&["以上同志任职时间自2024年5月1日起计算。"]).is_empty());
        assert_eq!(acts(&["阿卜杜拉·买买提同志任某县发展和改革委员会主任；"])[0].1, "阿卜杜拉·买买提");
        assert_eq!(acts(&["免去艾尔肯·吐尔逊同志的某县财政局局长职务（退休）；"])[0], (Remove, "艾尔肯·吐尔逊".into(), "某县财政局局长".into(), Some("退休".into())));
        assert_eq!(acts(&["沈佳怡同志（女，1980年5月生）任某区教育局副局长；"])[0].1, "沈佳怡");
        assert_eq!(acts(&["钱卫东任某区实验小学校长，试用期一年。"])[0], (Appoint, "钱卫东".into(), "某区实验小学校长".into(), Some("试用期一年".into())));
        assert_eq!(acts(&["决定任命张三为某市财政局局长。"])[0].1, "张三");
        let a = acts(&["任命：", "李　明为某市财政局局长；", "免去：", "张建国的某市财政局副局长职务。"]);
        assert_eq!(a, [(Appoint, "李明".into(), "某市财政局局长".into(), None), (Remove, "张建国".into(), "某市财政局副局长".into(), None)]);
        let a = acts(&["任命李明为某市财政局局长；免去张建国的某市财政局副局长职务。"]);
        assert_eq!(a.len(), 2);
    }

    #[test]
    fn leader_headings() {
        let m = mapped("县人民政府党组书记、县长 王 利");
        let (titles, name, _) = leader_heading(&m, m.len()).unwrap();
        assert_eq!((texts(&titles), name.text.as_str()), (vec!["县人民政府党组书记", "县长"], "王利"));
        let m = mapped("县人民政府党组成员、副县长（挂职） 郑江南");
        let (titles, name, _) = leader_heading(&m, m.len()).unwrap();
        assert_eq!(name.text, "郑江南");
        assert_eq!(titles[1].text, "副县长（挂职）");
        let m = mapped("负责审计工作。");
        assert!(leader_heading(&m, m.len()).is_none());
        assert_eq!(leader_inline("韦东副主任：协助分管财务工作。").unwrap().1.text, "韦东");
        let (titles, name) = leader_name_first("次仁扎西 市委副书记、市长").unwrap();
        assert_eq!((texts(&titles), name.text.as_str()), (vec!["市委副书记", "市长"], "次仁扎西"));
        assert_eq!(leader_name_first("王建平（副市长）").map(|x| x.1.text), Some("王建平".into()));
        assert_eq!(leader_name_first("关于资金保障"), None);
        let (titles, name, _) = leader_inline("梁伟新党组副书记、副主任（正厅长级），省国防科工办主任：协助分管…").unwrap();
        assert_eq!(name.text, "梁伟新");
        assert_eq!(titles.len(), 3);
    }

    #[test]
    fn supervised_bodies_keep_aliases() {
        assert_eq!(texts(&bodies("县政府办、县国防动员办（县人防办）。")), ["县政府办", "县国防动员办（县人防办）"]);
    }
}
