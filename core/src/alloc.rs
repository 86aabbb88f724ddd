//! Stage 6b: task allocation printed as a table or as groups, not as a
//! clause after each item.
//!
//! * **Allocation tables** (`序号 / 重点任务 / 牵头单位 / 配合单位 / 责任领导 /
//!   完成时限`): the header row is recognised by its labels
//!   (`vocab/tables.toml`), printed one cell per line, on one line with gaps
//!   between cells, or run together. Each row after it is a task. A cell
//!   that does not fit its column (a unit where a deadline should be) means
//!   the column's cell was merged with the row above: its value carries
//!   over. Rows that repeat the header (a new page) are skipped; a row
//!   without its number continues the numbered row above (merged 序号 and
//!   task cells).
//! * **Rows run together** with no gap at all (`办公室1.甲…及时网站2.乙…`):
//!   the unit column printed once per group, numbered items after it, the
//!   columns after the task read by the values they repeat.
//! * **Grouped items**: a heading that names a unit (`一、县某某局牵头工作（6项）`,
//!   `（一）某某局（牵头）`) gives it to every item below it; a heading with a
//!   lead clause (`一、优化营商环境（区某某局牵头）`) leads the items below it
//!   that name no lead of their own.
//!
//! Everything here is a single pass over the document's lines or items;
//! no rule looks back further than the row it reads.

use std::ops::Range;

use crate::model::{Deadline, Span, Task, TaskSpans};
use crate::paras::Para;
use crate::sections::Item;
use crate::text::{char_len, Mapped};
use crate::values::is_org;
use crate::vocab::vocab;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Number,
    Task,
    Lead,
    Responsible,
    Officials,
    Deadline,
    Other,
}

fn words(key: &str) -> &'static [String] {
    vocab().list("allocation", key)
}

/// The column a header label names.
fn classify(label: &str) -> Option<Col> {
    // (It runs on every line and cell: long text is rejected before any copy.)
    if label.is_empty() || label.len() > 14 * 3 + 8 {
        return None;
    }
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    if l.is_empty() || char_len(&l) > 14 {
        return None;
    }
    if words("number").contains(&l) {
        return Some(Col::Number);
    }
    let has = |key: &str| words(key).iter().any(|w| l.contains(w.as_str()));
    [
        ("officials", Col::Officials),
        ("lead", Col::Lead),
        ("responsible", Col::Responsible),
        ("deadline", Col::Deadline),
        ("task", Col::Task),
        ("other", Col::Other),
    ]
    .into_iter()
    .find_map(|(k, c)| has(k).then_some(c))
}

/// Does `t` hold a word of a header label (any list above, or a label
/// ending)? One scan; most lines of a document hold none and are left
/// before any finer test.
fn has_label(t: &str) -> bool {
    static LABELS: std::sync::LazyLock<crate::vocab::WordSet> = std::sync::LazyLock::new(|| {
        let keys = ["number", "officials", "lead", "responsible", "deadline", "task", "other", "label_ends"];
        crate::vocab::WordSet::of_words(keys.iter().flat_map(|k| words(k).iter().cloned()))
    });
    LABELS.occurs_in(t)
}

/// A header: at least three columns, a task and a unit among them.
fn is_header(cols: &[Col]) -> bool {
    cols.len() >= 3 && cols.contains(&Col::Task) && cols.iter().any(|c| matches!(c, Col::Lead | Col::Responsible))
}

/// A cell: a range of one paragraph's cleaned text.
#[derive(Clone, Debug)]
struct Cell {
    para: usize,
    range: Range<usize>,
}

struct Doc<'a> {
    input: &'a str,
    paras: &'a [Para],
}

impl Doc<'_> {
    fn text(&self, c: &Cell) -> &str {
        self.paras[c.para].text.text.get(c.range.clone()).unwrap_or("").trim()
    }
    fn span(&self, c: &Cell) -> Span {
        self.paras[c.para].text.span(c.range.clone())
    }
    fn mapped(&self, c: &Cell) -> &Mapped {
        &self.paras[c.para].text
    }
    /// The span of `sub`, a slice of the cell's text.
    fn sub_span(&self, c: &Cell, sub: &str) -> Span {
        self.mapped(c).slice_span(sub, self.input)
    }
}

/// The document's lines as cells, one per line.
fn lines(paras: &[Para]) -> Vec<Cell> {
    let mut out = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        let n = p.text.len();
        let starts: Vec<usize> = p.line_starts.iter().copied().filter(|&s| s < n).collect();
        let starts = if starts.is_empty() { vec![0] } else { starts };
        for (i, &s) in starts.iter().enumerate() {
            let e = starts.get(i + 1).copied().unwrap_or(n);
            out.push(Cell { para: k, range: s..e });
        }
    }
    out
}

/// A line cut at its gaps (tabs, runs of spaces the extraction dropped).
fn parts_of(paras: &[Para], line: &Cell) -> Vec<Cell> {
    let p = &paras[line.para];
    let (s, e) = (line.range.start, line.range.end);
    let mut parts = Vec::new();
    let t = &p.text.text[s..e];
    let mut from = s;
    let mut gaps = p.text.gaps_in(s..e).peekable();
    for (j, ch) in t.char_indices() {
        let at = s + j;
        while gaps.next_if(|&g| g < at).is_some() {}
        if ch == '\t' || ch == '\u{3000}' || ch == ' ' {
            if at > from {
                parts.push(Cell { para: line.para, range: from..at });
            }
            from = at + ch.len_utf8();
        } else if at > from && gaps.peek() == Some(&at) {
            parts.push(Cell { para: line.para, range: from..at });
            from = at;
        }
    }
    if e > from {
        parts.push(Cell { para: line.para, range: from..e });
    }
    parts
}

fn is_empty_cell(t: &str) -> bool {
    t.is_empty() || words("empty").iter().any(|w| w == t)
}

/// A row number: `1`, `12`, `一`, `（三）`.
fn is_number(t: &str) -> bool {
    let t = t.trim_end_matches(['.', '．', '、']);
    !t.is_empty()
        && char_len(t) <= 4
        && (t.chars().all(|c| c.is_ascii_digit())
            || crate::values::cn_number(t.trim_start_matches(['（', '(']).trim_end_matches(['）', ')'])).is_some())
}

fn unit_like(t: &str) -> bool {
    if is_empty_cell(t) {
        return true;
    }
    let units = crate::tasks::split_units(t);
    !units.is_empty()
        && !t.contains('。')
        && units.iter().all(|u| char_len(&u.text) <= 30)
        && units.iter().any(|u| is_org(&u.text) || u.text.starts_with('各'))
}

fn officials_like(t: &str) -> bool {
    is_empty_cell(t)
        || (!t.contains('。')
            && char_len(t) <= 40
            && !t.chars().any(|c| c.is_ascii_digit())
            && !deadline_like(t)
            && t.split(['、', '，', ',', ' ']).all(|n| char_len(n.trim()) <= 12))
}

fn deadline_like(t: &str) -> bool {
    is_empty_cell(t)
        || crate::grammar::deadline(t).is_some()
        || (char_len(t) <= 20 && !t.contains('。') && (crate::grammar::has_date(t) || t.contains("前") || t.contains("长期") || t.contains("持续") || t.contains("年底") || t.contains("季度")))
}

fn task_like(t: &str) -> bool {
    char_len(t) >= 2 && !is_number(t) && !is_empty_cell(t)
}

fn fits(col: Col, t: &str) -> bool {
    match col {
        Col::Number => is_number(t),
        Col::Task => task_like(t) && !unit_like(t),
        Col::Lead | Col::Responsible => unit_like(t),
        Col::Officials => officials_like(t),
        Col::Deadline => deadline_like(t),
        Col::Other => !t.is_empty() && char_len(t) <= 30,
    }
}

/// Reads the allocation tables of a document into tasks.
pub(crate) fn table_tasks(input: &str, paras: &[Para], year: Option<i32>) -> Vec<Task> {
    let doc = Doc { input, paras };
    let whole = lines(paras);
    // The cells of all lines cut at their gaps in one list, and where each
    // line's begin: built once, when a header on one line is first seen; a
    // table reads a slice of it (no copy per header).
    let mut cut: Option<(Vec<usize>, Vec<Cell>)> = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < whole.len() {
        let line = &whole[i];
        if !has_label(doc.text(line)) {
            i += 1;
            continue;
        }
        // A header on one line, cells cut at gaps.
        let parts = parts_of(paras, line);
        let cols: Vec<Col> = if parts.len() >= 3 { parts.iter().filter_map(|c| classify(doc.text(c))).collect() } else { Vec::new() };
        if parts.len() >= 3 && cols.len() == parts.len() && is_header(&cols) {
            let header: Vec<String> = parts.iter().map(|c| doc.text(c).to_string()).collect();
            let (first_part, parts_flat) = cut.get_or_insert_with(|| {
                let mut first = Vec::with_capacity(whole.len() + 1);
                let mut flat = Vec::new();
                for l in &whole {
                    first.push(flat.len());
                    flat.extend(parts_of(paras, l));
                }
                first.push(flat.len());
                (first, flat)
            });
            let from = first_part[i + 1];
            let used = read_rows(&doc, &cols, &header, &parts_flat[from..], year, &mut out);
            // The line where the last cell read lies.
            let end = from + used;
            let mut next = i + 1;
            while next < whole.len() && first_part[next + 1] <= end && first_part[next] < end {
                next += 1;
            }
            i = next.max(i + 1);
            continue;
        }
        // A header one cell per line.
        let mut cols = Vec::new();
        let mut header = Vec::new();
        let mut j = i;
        while let Some(l) = whole.get(j) {
            let t = doc.text(l);
            match classify(t).filter(|_| has_label(t)) {
                Some(c) => {
                    cols.push(c);
                    header.push(t.to_string());
                    j += 1;
                }
                _ => break,
            }
        }
        if is_header(&cols) {
            let used = read_rows(&doc, &cols, &header, &whole[j..], year, &mut out);
            i = j + used;
            continue;
        }
        // A header run together: `责任单位政务公开工作要点公开时限公开载体`.
        if let Some((cols, rest)) = run_together_header(doc.text(line)) {
            let body = match rest {
                Some(r) => Cell { para: line.para, range: line.range.end - r.len()..line.range.end },
                None => match whole.get(i + 1) {
                    Some(l) => l.clone(),
                    None => break,
                },
            };
            run_together_rows(&doc, &cols, &body, year, &mut out);
        }
        // (No header starts inside a run of labels that is not one.)
        i = j.max(i + 1);
    }
    out
}

/// Reads rows from `cells`; returns how many cells were read.
fn read_rows(doc: &Doc, cols: &[Col], header: &[String], cells: &[Cell], year: Option<i32>, out: &mut Vec<Task>) -> usize {
    let n = cols.len();
    let has_number = cols.first() == Some(&Col::Number);
    // Rows without their number start at the last task column (the number
    // and the item's name were merged with the row above).
    let cont = cols.iter().rposition(|c| *c == Col::Task).unwrap_or(0);
    let mut carry: Vec<Option<Cell>> = vec![None; n];
    let mut section: Option<String> = None;
    let mut k = 0;
    let mut rows = 0;
    while k < cells.len() {
        let t = doc.text(&cells[k]);
        // The header again, at a page break.
        if header.first().is_some_and(|h| h == t) && cells.len() - k >= n && (0..n).all(|x| doc.text(&cells[k + x]) == header[x]) {
            k += n;
            continue;
        }
        let first = if has_number && fits(Col::Number, t) {
            // A new numbered row: its number and task are its own; a unit,
            // leader or deadline it leaves out was merged with the row above.
            for (c, col) in carry.iter_mut().zip(cols) {
                if matches!(col, Col::Number | Col::Task | Col::Other) {
                    *c = None;
                }
            }
            0
        } else if has_number && crate::grammar::marker_at(t).is_some_and(|m| m.0 == 1) && !unit_like(t) && char_len(t) <= 30 {
            // A section row: `一、稳增长`.
            section = Some(t.to_string());
            k += 1;
            continue;
        } else if rows > 0 || !has_number {
            cont.min(if has_number { n } else { 0 })
        } else {
            break;
        };
        // Fill the columns from `first`, a cell per column when it fits.
        let mut row: Vec<Option<Cell>> = carry.clone();
        let mut x = k;
        let mut filled = 0;
        for (c, col) in cols.iter().enumerate().skip(first) {
            let Some(cell) = cells.get(x) else { break };
            let ct = doc.text(cell);
            if fits(*col, ct) && !(c > first && has_number && *col != Col::Number && fits(Col::Number, ct)) {
                let mut cell = cell.clone();
                x += 1;
                filled += 1;
                // A task cell broken over lines: the lines after it that fit
                // no later column are its continuation (joined when they are
                // of the same paragraph).
                if *col == Col::Task {
                    while let Some(next) = cells.get(x) {
                        let nt = doc.text(next);
                        let later_fits = cols[c + 1..].iter().any(|l| fits(*l, nt));
                        if later_fits || fits(Col::Number, nt) || nt.is_empty() || !task_like(nt) {
                            break;
                        }
                        if next.para == cell.para {
                            cell.range.end = next.range.end;
                        }
                        x += 1;
                    }
                }
                row[c] = Some(cell);
            } else if c == first || *col == Col::Task && filled == 0 {
                break;
            }
        }
        // A row reads at least a task and one more cell.
        let task_col = (first..n).find(|&c| cols[c] == Col::Task && row[c].as_ref().is_some_and(|_| true));
        if filled < 2 || task_col.is_none() {
            break;
        }
        if let Some(task) = row_task(doc, cols, &row, section.as_deref(), year) {
            out.push(task);
        }
        carry = row;
        rows += 1;
        k = x;
    }
    k
}

/// The task a row gives.
fn row_task(doc: &Doc, cols: &[Col], row: &[Option<Cell>], section: Option<&str>, year: Option<i32>) -> Option<Task> {
    let mut task = Task::default();
    let mut spans = TaskSpans::default();
    let mut hull: Option<(usize, usize)> = None;
    let mut widen = |s: &Span| hull = Some(hull.map_or((s.start, s.end), |(a, b)| (a.min(s.start), b.max(s.end))));
    let task_cells: Vec<&Cell> = cols.iter().zip(row).filter(|(c, _)| **c == Col::Task).filter_map(|(_, r)| r.as_ref()).collect();
    let first = task_cells.first()?;
    let last = task_cells.last()?;
    let mut leads: Vec<(String, Span)> = Vec::new();
    let mut others: Vec<(String, Span)> = Vec::new();
    for (col, cell) in cols.iter().zip(row) {
        let Some(cell) = cell else { continue };
        let t = doc.text(cell);
        let sp = doc.span(cell);
        widen(&sp);
        if is_empty_cell(t) {
            continue;
        }
        match col {
            Col::Number => task.number = t.to_string(),
            Col::Lead | Col::Responsible => {
                for u in crate::tasks::split_units(t) {
                    let v = (u.text.trim().to_string(), doc.sub_span(cell, u.src));
                    if *col == Col::Lead { leads.push(v) } else { others.push(v) }
                }
            }
            Col::Officials => {
                for n in t.split(['、', '，', ',', ' ']).map(str::trim).filter(|n| !n.is_empty()) {
                    task.lead_officials.push(n.to_string());
                    spans.lead_officials.push(doc.sub_span(cell, n));
                }
            }
            Col::Deadline => {
                task.deadline = Some(Deadline { text: t.to_string(), date: crate::tasks::deadline_date(t, year) });
                spans.deadline = Some(doc.sub_span(cell, t));
            }
            Col::Task | Col::Other => {}
        }
    }
    // A task with no unit and no official is not an allocation.
    if leads.is_empty() && others.is_empty() && task.lead_officials.is_empty() {
        return None;
    }
    let heading_text = doc.text(first);
    let heading = heading_text.split_inclusive('。').next().unwrap_or(heading_text);
    let heading = heading.trim_end_matches(['。', '；', ';']);
    task.heading = heading.to_string();
    spans.heading = Some(doc.sub_span(first, heading));
    task.text = doc.text(last).to_string();
    if let Some(s) = section {
        task.path = crate::grammar::marker_at(s).map(|m| vec![s[..m.2].to_string()]).unwrap_or_default();
    }
    for (u, sp) in &leads {
        task.lead_units.push(u.clone());
        spans.lead_units.push(sp.clone());
    }
    for (u, sp) in leads.into_iter().chain(others) {
        if !task.responsible_units.contains(&u) {
            task.responsible_units.push(u);
            spans.responsible_units.push(sp);
        }
    }
    let (a, b) = hull?;
    task.span = Span::new(a, b);
    task.spans = spans;
    Some(task)
}

/// A header whose cells ran together: cut after each label ending; all
/// parts must be labels. The text after the header on the same line, if any.
fn run_together_header(t: &str) -> Option<(Vec<Col>, Option<&str>)> {
    if char_len(t) < 8 {
        return None;
    }
    let ends = words("label_ends");
    let mut cols = Vec::new();
    let mut from = 0;
    // Each label: Han characters up to the nearest label ending within ten
    // characters that makes a label.
    loop {
        let rest = &t[from..];
        let mut next = None;
        for (k, c) in rest.char_indices().take(10) {
            if !crate::text::is_han(c) {
                break;
            }
            let at = &rest[k..];
            if let Some(w) = ends.iter().filter(|w| at.starts_with(w.as_str())).max_by_key(|w| w.len()) {
                let end = k + w.len();
                if let Some(col) = classify(&rest[..end]) {
                    next = Some((col, end));
                    break;
                }
            }
        }
        match next {
            Some((col, end)) => {
                cols.push(col);
                from += end;
            }
            None => break,
        }
    }
    if !is_header(&cols) || cols.first() == Some(&Col::Task) {
        return None;
    }
    let rest = t[from..].trim();
    Some((cols, (!rest.is_empty()).then_some(rest)))
}

/// Rows run together after a run-together header: the columns before the
/// task printed once per group (`办公室1.…2.…中小企业处1.…`), the columns
/// after it read by the values they repeat.
fn run_together_rows(doc: &Doc, cols: &[Col], body: &Cell, year: Option<i32>, out: &mut Vec<Task>) {
    let Some(tc) = cols.iter().position(|c| *c == Col::Task) else { return };
    let unit_col = cols[..tc].iter().rposition(|c| matches!(c, Col::Lead | Col::Responsible));
    let Some(unit_col) = unit_col else { return };
    let tail: Vec<Col> = cols[tc + 1..].to_vec();
    let t = doc.text(body);
    let base = body.range.start + (doc.mapped(body).text[body.range.clone()].len() - doc.mapped(body).text[body.range.clone()].trim_start().len());
    // Markers `N.` numbered from 1 in each group.
    let mut marks: Vec<(usize, usize, u32)> = Vec::new(); // (start, after, n)
    let mut prev = 0u32;
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() && j - i < 3 {
                j += 1;
            }
            let after = t[j..].chars().next();
            if let (Some(d), Ok(n)) = (after.filter(|c| matches!(c, '.' | '．' | '、')), t[i..j].parse::<u32>()) {
                if n == 1 || n == prev + 1 {
                    marks.push((i, j + d.len_utf8(), n));
                    prev = n;
                    i = j + d.len_utf8();
                    continue;
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    if marks.len() < 2 || marks[0].2 != 1 {
        return;
    }
    // Items: text between markers. Those followed by a marker > 1 end with
    // the tail cells only: learn the tail values from them. Each item is
    // (text start, text end, followed by a marker of its group).
    let items: Vec<(usize, usize, bool)> = marks
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let end = marks.get(k + 1).map_or(t.len(), |n| n.0);
            let inner = marks.get(k + 1).is_some_and(|n| n.2 > 1);
            (m.1, end, inner)
        })
        .collect();
    let mut learned: Vec<Vec<String>> = vec![Vec::new(); tail.len()];
    {
        let mut ends: Vec<&str> = items.iter().filter(|x| x.2).map(|x| &t[x.0..x.1]).collect();
        for col in (0..tail.len()).rev() {
            let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
            for e in &ends {
                for n in 2..=4 {
                    if let Some((p, _)) = e.char_indices().rev().nth(n - 1) {
                        *counts.entry(&e[p..]).or_default() += 1;
                    }
                }
            }
            let need = 2;
            let mut next = Vec::new();
            for e in &ends {
                let hit = (2..=4).filter_map(|n| e.char_indices().rev().nth(n - 1).map(|(p, _)| &e[p..])).find(|s| counts.get(s).is_some_and(|&c| c >= need));
                if let Some(h) = hit {
                    if !learned[col].iter().any(|w| w == h) {
                        learned[col].push(h.to_string());
                    }
                    next.push(&e[..e.len() - h.len()]);
                }
            }
            ends = next;
        }
    }
    if learned.iter().any(Vec::is_empty) {
        return;
    }
    // Strips the tail values from the end of `s`: the values by column.
    // (`unseen`: the last column may hold a value no inner item showed, two
    // to four characters, when the columns before it match.)
    let strip_with = |s: &str, unseen: usize| -> Option<(usize, Vec<Range<usize>>)> {
        let mut end = s.len();
        let mut vals = Vec::new();
        for col in (0..tail.len()).rev() {
            let known = learned[col].iter().filter(|w| s[..end].ends_with(w.as_str())).max_by_key(|w| w.len()).map(String::len);
            let len = match known {
                Some(l) => l,
                None if unseen > 0 && col + 1 == tail.len() => {
                    let (p, _) = s[..end].char_indices().rev().nth(unseen - 1)?;
                    if !s[p..end].chars().all(crate::text::is_han) {
                        return None;
                    }
                    end - p
                }
                None => return None,
            };
            vals.push(end - len..end);
            end -= len;
        }
        vals.reverse();
        Some((end, vals))
    };
    let strip = |s: &str| (0..=4).filter(|&u| u != 1).find_map(|u| strip_with(s, u));
    // The first group's unit: before the first marker.
    let mut unit: Option<Range<usize>> = Some(0..marks[0].0).filter(|r| is_org(t[r.clone()].trim()));
    for (k, &(s, e, inner)) in items.iter().enumerate() {
        let item = &t[s..e];
        let (task_end, vals, next_unit) = if inner || k + 1 == items.len() {
            match strip(item) {
                Some((end, vals)) => (end, vals, None),
                None => (item.len(), Vec::new(), None),
            }
        } else {
            // The last item of a group: task, tail, then the next unit.
            let mut found = None;
            // (A unit is at most 20 characters: only the item's end is tried.)
            let from = item.char_indices().rev().nth(20).map_or(0, |(p, _)| p);
            for (p, _) in item[from..].char_indices().map(|(p, c)| (from + p, c)).filter(|&(p, _)| p > 0) {
                if is_org(&item[p..]) && char_len(&item[p..]) <= 20 {
                    if let Some((end, vals)) = strip(&item[..p]) {
                        found = Some((end, vals, Some(s + p..e)));
                        break;
                    }
                }
            }
            match found {
                Some(f) => f,
                None => (item.len(), Vec::new(), None),
            }
        };
        let cell = |r: Range<usize>| Cell { para: body.para, range: base + r.start..base + r.end };
        let mut row: Vec<Option<Cell>> = vec![None; cols.len()];
        row[tc] = Some(cell(s..s + task_end));
        if let Some(u) = unit.clone() {
            row[unit_col] = Some(cell(u));
        }
        for (c, v) in vals.into_iter().enumerate() {
            row[tc + 1 + c] = Some(cell(s + v.start..s + v.end));
        }
        if let Some(mut task) = row_task(doc, cols, &row, None, year) {
            // The row's span: from its number to its last cell (the unit,
            // printed once for the group, lies before the first row).
            task.number = t[marks[k].0..marks[k].1].to_string();
            let last = row.iter().flatten().map(|c| c.range.end).max().unwrap_or(base + s + task_end);
            task.span = doc.span(&Cell { para: body.para, range: base + marks[k].0..last.max(base + s + task_end) });
            out.push(task);
        }
        if let Some(u) = next_unit {
            unit = Some(u);
        }
    }
}

/// An open group: its heading's level, its units with their spans, and
/// whether they lead.
type Group = (u8, Vec<(String, Span)>, bool);

/// Grouped items: a heading naming a unit, or leading with a clause, gives
/// it to the items below. `tasks` are the clause tasks already read (a
/// task is its item's when their spans are equal).
pub(crate) fn grouped(input: &str, items: &[Item], tasks: &mut Vec<Task>) {
    // (unit, its span, lead?) per open group, by level.
    let mut groups: Vec<Group> = Vec::new();
    let mut added: Vec<Task> = Vec::new();
    let by_start: std::collections::HashMap<usize, usize> = tasks.iter().enumerate().map(|(i, t)| (t.span.start, i)).collect();
    for (k, it) in items.iter().enumerate() {
        groups.retain(|g| g.0 < it.level);
        let has_children = items.get(k + 1).is_some_and(|n| n.level > it.level);
        let own = by_start.get(&it.span.start).copied().filter(|&i| tasks[i].span == it.span);
        if has_children {
            if let Some(g) = group_unit(input, it) {
                groups.push((it.level, vec![g.0], g.1));
                continue;
            }
            // A heading whose clause, printed in the heading, names a lead
            // (`一、优化营商环境（区某某局牵头）`): it leads the items below. (A
            // clause at the end of an item's text is the item's own.)
            let first = it.first_len.min(it.text.len());
            let heading = it.text.span(0..first);
            let short = char_len(it.text.text[..first].trim()) <= 60;
            let in_heading = |t: &Task| short && t.spans.lead_units.iter().all(|s| s.start >= heading.start && s.end <= heading.end);
            if let Some(t) = own.map(|i| &tasks[i]).filter(|t| !t.lead_units.is_empty() && in_heading(t)) {
                let units = t.lead_units.iter().cloned().zip(t.spans.lead_units.iter().cloned()).collect();
                groups.push((it.level, units, true));
            }
            continue;
        }
        let Some((_, units, lead)) = groups.last() else { continue };
        match own {
            Some(i) => {
                let t = &mut tasks[i];
                if *lead && t.lead_units.is_empty() {
                    for (u, sp) in units.iter().rev() {
                        t.lead_units.insert(0, u.clone());
                        t.spans.lead_units.insert(0, sp.clone());
                        if !t.responsible_units.contains(u) {
                            t.responsible_units.insert(0, u.clone());
                            t.spans.responsible_units.insert(0, sp.clone());
                        }
                    }
                }
            }
            None => {
                let mut t = crate::tasks::item_task(it, input);
                for (u, sp) in units {
                    if *lead {
                        t.lead_units.push(u.clone());
                        t.spans.lead_units.push(sp.clone());
                    }
                    t.responsible_units.push(u.clone());
                    t.spans.responsible_units.push(sp.clone());
                }
                added.push(t);
            }
        }
    }
    if !added.is_empty() {
        tasks.extend(added);
        tasks.sort_by_key(|t| t.span.start);
    }
}

/// A heading that is a unit: `县某某局牵头工作（6项）` (lead), `某某局（牵头）`
/// (lead), `某某局` (responsible). The unit with its span, and whether it leads.
fn group_unit(input: &str, it: &Item) -> Option<((String, Span), bool)> {
    // (The heading line as printed, with its brackets: the item's first piece.)
    let h = it.text.text.get(..it.first_len.min(it.text.len()))?.trim().trim_end_matches(['：', ':', '。']);
    // A count `（6项）` after the heading.
    let h = match h.rfind(['（', '(']) {
        Some(i) if h.ends_with(['）', ')']) && h[i..].contains('项') && h[i..].chars().any(|c| c.is_ascii_digit() || crate::values::cn_number(&c.to_string()).is_some()) => h[..i].trim_end(),
        _ => h,
    };
    let (unit, lead) = if let Some(u) = h.strip_suffix("（牵头）").or_else(|| h.strip_suffix("(牵头)")) {
        (u, true)
    } else if let Some(u) = h.strip_suffix("牵头工作").or_else(|| h.strip_suffix("牵头的工作")).or_else(|| h.strip_suffix("牵头")) {
        (u, true)
    } else if let Some(u) = h.strip_suffix("负责工作").or_else(|| h.strip_suffix("负责的工作")) {
        (u, false)
    } else {
        (h, false)
    };
    let unit = unit.trim();
    if !is_org(unit) || char_len(unit) > 20 || unit.contains(['，', '、', '（', '(', '：', '。']) {
        return None;
    }
    // A heading that is only a name (no 牵头) must read as a local body
    // (`县发改局`, `市住建局`), not a phrase ending like one (`发展布局`,
    // `评审组织`, `建设多元办学格局`, `省科技厅负责设立…领导小组`).
    let local = ["县", "市", "区", "省", "州", "镇", "乡", "旗"].iter().any(|w| unit.starts_with(w));
    let reads_as_body = local && char_len(unit) <= 15 && !["负责", "牵头", "的", "和", "及"].iter().any(|w| unit.contains(w));
    if !lead && !reads_as_body {
        return None;
    }
    Some(((unit.to_string(), it.text.slice_span(unit, input)), lead))
}
