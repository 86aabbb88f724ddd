//! Stage 6: task allocation — responsibility clauses on numbered items,
//! document-wide rules, deadlines.
//!
//! A clause is a bracketed group (or a `责任单位：…` sentence) naming units
//! by role: `（牵头县领导：X；责任单位：A、B）`, `（A牵头，B按职责分工负责）`,
//! `（牵头单位：A；配合单位：B）`, `（A、B等按职责分工负责）`,
//! `（时限要求：…；责任单位：…）`. Document-wide rules (`排第一的单位为牵头
//! 单位`, `以下各责任单位均包含各乡镇，不再列出`, `完成时限：均为3月底前，
//! 不再逐一列出`) apply from where they are stated.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::paras::Para;
use crate::model::{Deadline, Diagnostic, Level, Range, Span, Task};
use crate::sections::Item;
use crate::text::{char_len, hull, split_outside_brackets, Mapped, Outside, Val};
use crate::values::is_org;
use crate::vocab::{alternation, vocab, ClauseRole, Vocabulary};

/// A value with its span in the input.
#[derive(Debug, Clone)]
struct Spanned {
    text: String,
    span: Span,
}

/// What one clause says.
#[derive(Debug, Default, Clone)]
struct Clause<'a> {
    officials: Vec<Val<'a>>,
    lead: Vec<Val<'a>>,
    responsible: Vec<Val<'a>>,
    deadline: Option<Val<'a>>,
    /// `排第一的单位为牵头单位` stated here.
    first_is_lead: bool,
    /// `以下…均包含X，不再列出`: X, each with the rule as its `src`.
    implied: Vec<Val<'a>>,
    /// `完成时限：均为X，不再逐一列出`: X.
    default_deadline: Option<Val<'a>>,
}

static FIRST_IS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:排|列|位)(?:在|于)?(?:第一|首位|第1)[位个]?(?:的|者)?(?:单位|部门)?(?:为|是)牵头|第一个(?:单位|部门)?为牵头|排名第一的?(?:单位|部门)?为牵头|(?:排|列)(?:在)?首位的?(?:单位|部门|者)?为牵头").unwrap()
});

static IMPLIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"以下(?:各|所有)?(?:责任单位|任务|各项任务|单位)?均(?:需|须|包含|包括|由)?([^，。；]{2,80}?)(?:负责|参与|落实)?[，,]?(?:不再|不另|不一一)(?:列出|列举|逐一列出)").unwrap()
});

static DEFAULT_DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    let keys = alternation(&vocab().keys_with(ClauseRole::Deadline), false);
    Regex::new(&format!(r"(?:{keys})[:：]?均为([^，。；）]{{2,30}})[，,]?(?:不再|不另)(?:逐一|一一)?列出")).expect("deadline keys compile")
});

/// Each `KEY：` (or `KEY:`) in `t` whose clause key (`vocab/clauses.toml`)
/// gives a role `wanted` accepts: the key's start and the offset after the
/// colon. An Aho-Corasick scan, not a regex alternation of every key.
fn keyed_colons<'t>(t: &'t str, wanted: impl Fn(ClauseRole) -> bool + 't) -> impl Iterator<Item = (usize, usize)> + 't {
    vocab().clause_keys.find_iter(t).filter_map(move |k| {
        let colon = t[k.end..].chars().next().filter(|c| matches!(c, '：' | ':'))?;
        (ClauseRole::of(k.value).is_some_and(&wanted)).then_some((k.start, k.end + colon.len_utf8()))
    })
}

/// `完成时限：2024年6月底前` printed after the clause, outside brackets: the
/// first deadline key with 2–24 characters after it, up to a stop mark.
fn loose_deadline(t: &str) -> Option<&str> {
    keyed_colons(t, |r| r == ClauseRole::Deadline).find_map(|(_, after)| {
        let rest = &t[after..];
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let stop = rest.find(|c: char| matches!(c, '。' | '；' | '，' | ',' | '）' | ')') || c.is_whitespace()).unwrap_or(rest.len());
        let value = &rest[..stop];
        let n = char_len(value);
        (n >= 2).then(|| value.char_indices().nth(24).map_or(value, |(i, _)| &value[..i]))
    })
}

/// A bracketed group is a clause when it holds a clause key with its
/// colon or a clause signal word (`vocab/clauses.toml`).
fn looks_like_clause(v: &Vocabulary, t: &str) -> bool {
    !keyed_parts(v, t).is_empty() || v.list("signals", "anywhere").iter().any(|w| t.contains(w.as_str()))
        || v.list("signals", "at_end").iter().any(|w| t.ends_with(w.as_str()))
}

/// One keyed part of a clause: `责任单位：A、B` — the key's role, where the
/// key starts and where its value starts (after the colon).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Keyed {
    role: ClauseRole,
    start: usize,
    value: usize,
}

/// `key ?[:：] ?` at the start of `t`, the key from the vocabulary: the
/// role and the byte length of key and colon.
fn key_colon<'a>(v: &'a Vocabulary, t: &'a str) -> nom::IResult<&'a str, ClauseRole> {
    use nom::character::complete::{char, one_of};
    use nom::combinator::opt;
    use nom::sequence::tuple;
    let fail = || nom::Err::Error(nom::error::Error::new(t, nom::error::ErrorKind::Tag));
    let hit = v.clause_keys.prefix_of(t).ok_or_else(fail)?;
    let role = ClauseRole::of(hit.value).ok_or_else(fail)?;
    let (rest, _) = tuple((opt(char(' ')), one_of("：:"), opt(char(' '))))(&t[hit.end..])?;
    Ok((rest, role))
}

/// The keyed parts of a clause, in order: every clause key of the
/// vocabulary that is followed by its colon.
fn keyed_parts(v: &Vocabulary, inner: &str) -> Vec<Keyed> {
    v.clause_keys
        .find_iter(inner)
        .filter_map(|h| key_colon(v, &inner[h.start..]).ok().map(|(rest, role)| Keyed { role, start: h.start, value: inner.len() - rest.len() }))
        .collect()
}

/// Splits a unit list into single bodies: on 、，, ; and on 和/及 only
/// between two complete bodies (`县人力资源和社会保障局` stays one), never
/// inside brackets. `等` closes a list.
pub(crate) fn split_units(s: &str) -> Vec<Val<'_>> {
    let parts = split_outside_brackets(s, &['、', '，', ',', '；', ';', '/', ' ']);
    // `各辖市、区人民政府`: a bare place shares the body named after it.
    let mut merged: Vec<Val> = Vec::new();
    let mut pending: Option<Val> = None;
    for p in parts {
        let p = match pending.take() {
            Some(prefix) => Val { text: format!("{}、{}", prefix.text, p.trim()), src: hull(s, prefix.src, p.trim()) },
            None => Val::new(p),
        };
        let t = p.text.trim();
        let place_only = !is_org(t)
            && ["市", "县", "区", "省", "州", "旗", "盟", "自治区", "直辖市"].iter().any(|w| t.ends_with(w))
            && char_len(t) <= 6
            && !t.contains(['局', '委', '办', '厅', '室', '部', '院', '会', '司', '所', '站', '队', '处', '科', '中']);
        if place_only {
            pending = Some(p.cut(t));
        } else {
            merged.push(p);
        }
    }
    merged.extend(pending);
    let mut out = Vec::new();
    for v in merged {
        let p = v.text.trim().trim_end_matches(['。', '.']).trim_start_matches(['：', ':']);
        // `等` closes a list: `A等有关部门` names A; the catch-all after it
        // is not a body of its own.
        let p = match p.find('等') {
            Some(i) if i > 0 => {
                let rest = &p[i + '等'.len_utf8()..];
                if rest.is_empty() || rest.starts_with("有关") || rest.starts_with("相关") || rest.starts_with("其他") || rest.starts_with("部门") || rest.starts_with("单位") {
                    &p[..i]
                } else {
                    p
                }
            }
            _ => p,
        };
        if p.is_empty() {
            continue;
        }
        let mut bodies = Vec::new();
        split_conjunctions(p, &mut bodies);
        out.extend(bodies.into_iter().map(|b| v.cut(b)));
    }
    out.retain(|u| char_len(&u.text) >= 2);
    out
}

/// `A和B`, `A及B`, `A等和B`: split when both sides are complete bodies and
/// the right side is not a bare noun sharing the left side's place
/// (`各乡镇党委和人民政府` is one body).
fn split_conjunctions<'a>(p: &'a str, out: &mut Vec<&'a str>) {
    for w in ["会同", "等和", "和", "及", "以及", "与"] {
        for (i, _) in p.match_indices(w) {
            let (a, b) = (&p[..i], &p[i + w.len()..]);
            let a = a.strip_suffix('等').unwrap_or(a);
            let bare_noun = ["人民政府", "政府", "党委", "管委会", "党组", "委员会", "单位", "部门", "机构", "企业"].contains(&b);
            if is_org(a) && is_org(b) && !bare_noun && char_len(a) >= 2 && char_len(b) >= 2 {
                split_conjunctions(a, out);
                split_conjunctions(b, out);
                return;
            }
        }
    }
    out.push(p);
}

fn split_names(s: &str) -> Vec<Val<'_>> {
    s.split(['、', '，', ',', ' ', '；']).map(|n| n.trim().trim_end_matches(['。', '.'])).filter(|n| !n.is_empty()).map(Val::new).collect()
}

/// Units read from a free phrase must look like names: short, without
/// the function words of a sentence, at least one ending like a body.
fn plausible_units(units: &[Val]) -> bool {
    !units.is_empty()
        && units.iter().all(|u| char_len(&u.text) <= 30 && !u.text.contains(['由', '在', '对', '将', '把', '从', '向', '被', '使', '是', '要']))
        && units.iter().any(|u| is_org(&u.text) || u.text.starts_with('各'))
}

/// Reads `A、B牵头，C和D按职责分工负责` into the clause.
fn free_units<'a>(v: &Vocabulary, sentence: &'a str, c: &mut Clause<'a>) {
    let mut from = 0;
    // Each role word (leftmost, longest) closes the list before it.
    for h in v.role_words.find_iter(sentence) {
        let text = sentence[from..h.start].trim_matches(['，', ',', ' ']);
        let text = text.strip_suffix("单位").filter(|t| t.ends_with('局') || t.ends_with('委')).unwrap_or(text);
        let units = split_units(text);
        if plausible_units(&units) {
            if h.value == "lead" {
                c.lead.extend(units.iter().cloned());
            }
            c.responsible.extend(units);
        }
        from = h.end;
    }
}

/// Parses the inside of a clause: the keyed parts (`责任单位：…`), the free
/// part before them (`A牵头，B按职责分工负责`) and the rules stated in it.
fn parse_clause<'a>(v: &Vocabulary, inner: &'a str) -> Option<Clause<'a>> {
    let mut c = Clause::default();
    if FIRST_IS_LEAD.is_match(inner) {
        c.first_is_lead = true;
    }
    if let Some((rule, units)) = IMPLIED.captures(inner).and_then(|m| Some((m.get(0)?.as_str(), m.get(1)?.as_str()))) {
        c.implied = split_units(units).into_iter().map(|u| Val { text: u.text, src: rule }).collect();
    }
    if let Some(d) = DEFAULT_DEADLINE.captures(inner).and_then(|m| m.get(1)) {
        c.default_deadline = Some(Val::new(d.as_str().trim()));
    }
    let keys = keyed_parts(v, inner);
    for (k, key) in keys.iter().enumerate() {
        let vend = keys.get(k + 1).map_or(inner.len(), |n| n.start);
        let mut value = inner[key.value..vend].trim().trim_end_matches(['；', ';', '：', ':', '，', ',', '。', ' ']);
        // Rule sentences after the unit list are not units.
        let mut rules_at = value.len();
        for pat in [&*FIRST_IS_LEAD, &*IMPLIED, &*DEFAULT_DEADLINE] {
            if let Some(m) = pat.find(value) {
                let s = value[..m.start()].rfind(['，', ',', '；']).unwrap_or(m.start());
                rules_at = rules_at.min(s);
            }
        }
        value = value[..rules_at].trim_end_matches(['，', ',', '；']);
        match key.role {
            ClauseRole::Official => c.officials.extend(split_names(value)),
            ClauseRole::Lead => {
                let units = split_units(value);
                c.lead.extend(units.iter().cloned());
                c.responsible.extend(units);
            }
            ClauseRole::Deadline => {
                if c.default_deadline.is_none() && !value.starts_with("均为") {
                    c.deadline = Some(Val::new(value));
                }
            }
            ClauseRole::Responsible => c.responsible.extend(split_units(value)),
        }
    }
    // Free phrases: `A牵头，B按职责分工负责`, `A负责`, `A配合`: each role
    // word closes the list of units before it.
    let free_part = match keys.first() {
        Some(k) => &inner[..k.start],
        None => inner,
    };
    for sentence in split_outside_brackets(free_part, &['。', '；', ';']) {
        if FIRST_IS_LEAD.is_match(sentence) || IMPLIED.is_match(sentence) || sentence.contains("不再") {
            // A rule sentence may still open with units: keep the part
            // before the rule.
            if let Some(i) = sentence.find("以下") {
                free_units(v, &sentence[..i], &mut c);
            }
            continue;
        }
        free_units(v, sentence, &mut c);
    }
    // `责任单位：市经信局（牵头）、市商务局`: a lead marked after its name.
    for u in c.responsible.iter_mut() {
        for mark in ["（牵头）", "(牵头)", "（牵头单位）"] {
            if let Some(base) = u.text.strip_suffix(mark) {
                *u = u.cut(base);
                if !c.lead.iter().any(|l| l.text == u.text) {
                    c.lead.push(u.clone());
                }
            }
        }
    }
    // `（责任单位：X，2024年6月底前完成）`: a deadline written into the list.
    let mut i = 0;
    while i < c.responsible.len() {
        if crate::grammar::deadline(&c.responsible[i].text).is_some() {
            let d = c.responsible.remove(i);
            c.lead.retain(|u| u.text != d.text);
            if c.deadline.is_none() {
                c.deadline = Some(d.cut(d.text.trim_end_matches("完成")));
            }
        } else {
            i += 1;
        }
    }
    // Dedupe, keeping order.
    for v in [&mut c.lead, &mut c.responsible, &mut c.officials] {
        dedupe(v);
    }
    (!c.responsible.is_empty() || !c.officials.is_empty()).then_some(c)
}

/// Bracketed groups `（…）` of `t` (balanced, outermost), as byte ranges of
/// their inside.
fn bracket_groups(t: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in t.char_indices() {
        match c {
            '（' | '(' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            '）' | ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(start..i);
                }
            }
            _ => {}
        }
    }
    out
}

/// Drops values whose text came before, keeping order.
fn dedupe(v: &mut Vec<Val>) {
    let mut seen = HashSet::new();
    v.retain(|u| seen.insert(u.text.clone()));
}

/// Clauses of an item's own text.
#[cfg(test)]
fn clauses_of(t: &str) -> Vec<Clause<'_>> {
    clauses_with(vocab(), t)
}

/// Clauses of an item's own text, read with the vocabulary `v`.
#[cfg(test)]
fn clauses_with<'a>(v: &Vocabulary, t: &'a str) -> Vec<Clause<'a>> {
    clauses_noted(v, t, &mut Vec::new())
}

/// The longest bracketed clause read (characters); a longer one is left
/// with a `clause_too_long` diagnostic.
const MAX_CLAUSE: usize = 400;
/// How far a clause without brackets (`责任单位：A、B`) is read; the rest
/// is left with a `clause_truncated` diagnostic.
const MAX_BARE_CLAUSE: usize = 300;

/// What was left of a clause: its text and the diagnostic code.
type ClauseNote<'a> = (&'a str, &'static str);

/// [`clauses_with`], noting the clauses left unread or cut in `notes`.
fn clauses_noted<'a>(v: &Vocabulary, t: &'a str, notes: &mut Vec<ClauseNote<'a>>) -> Vec<Clause<'a>> {
    let mut out: Vec<Clause> = Vec::new();
    for r in bracket_groups(t) {
        let inner = &t[r];
        if !looks_like_clause(v, inner) {
            continue;
        }
        if char_len(inner) > MAX_CLAUSE {
            notes.push((inner, "clause_too_long"));
            continue;
        }
        out.extend(parse_clause(v, inner));
    }
    if !out.is_empty() && out.iter().all(|c| c.deadline.is_none() && c.default_deadline.is_none()) {
        // Only outside brackets: a clause's own text was read above.
        let outside = Outside::new(t);
        if let (Some(d), Some(first)) = (loose_deadline(&outside.text), out.first_mut()) {
            first.deadline = Some(Val { text: d.to_string(), src: outside.source_of(d) });
        }
    }
    if out.is_empty() {
        // `责任单位：A、B。` written after the item without brackets.
        // The first unit key with at least 2 characters after it before a
        // 。, read up to MAX_BARE_CLAUSE characters.
        let bare = keyed_colons(t, |r| matches!(r, ClauseRole::Lead | ClauseRole::Responsible)).find_map(|(start, after)| {
            let rest = &t[after..];
            let rest = &rest[..rest.find('。').unwrap_or(rest.len())];
            if char_len(rest) < 2 {
                return None;
            }
            let cut = rest.char_indices().nth(MAX_BARE_CLAUSE).map(|(i, _)| i);
            if let Some(i) = cut {
                notes.push((&rest[i..], "clause_truncated"));
            }
            Some(&t[start..after + cut.unwrap_or(rest.len())])
        });
        if let Some(m) = bare {
            out.extend(parse_clause(v, m));
        }
    }
    out
}

/// `市数据局 市委网信办`: units separated by a plain space, which cleaning
/// dropped (it pads names in PDF text), get a 、 back where a space stood
/// after a body's noun and before another name (mapped to that space).
fn with_unit_gaps<'a>(m: &'a Mapped, input: &str) -> std::borrow::Cow<'a, Mapped> {
    let t = &m.text;
    // Only a plain space on the same line, not a line break.
    let space_only = |i: usize| {
        m.dropped_before(i).and_then(|(a, b)| input.get(a..b)).is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{A0}'))
    };
    let gaps: Vec<usize> = t
        .char_indices()
        .filter(|&(i, c)| {
            space_only(i)
                && crate::text::is_han(c)
                && t[..i].chars().next_back().is_some_and(|p| "局委办室厅部府院会社队站所中心司行".contains(p))
                && ["局", "委", "办", "室", "厅", "部", "府", "院", "会", "社", "队", "站", "所", "中心", "公司", "银行"].iter().any(|w| t[..i].ends_with(w))
        })
        .map(|(i, _)| i)
        .collect();
    if gaps.is_empty() {
        return std::borrow::Cow::Borrowed(m);
    }
    let mut out = Mapped::with_capacity(t.len() + gaps.len() * 3);
    let mut last = 0;
    for g in gaps {
        out.push_from(m, last..g);
        if let Some((a, b)) = m.dropped_before(g) {
            out.push('、', a, b);
        }
        last = g;
    }
    out.push_from(m, last..m.len());
    std::borrow::Cow::Owned(out)
}

/// A task for item `it` with its number, path, heading and text, and no
/// allocation yet.
pub(crate) fn item_task(it: &Item, input: &str) -> Task {
    let mut t = Task {
        number: it.marker.clone(),
        path: it.path.clone(),
        heading: it.heading.clone(),
        text: it.text.text.trim().to_string(),
        span: it.span.clone(),
        ..Task::default()
    };
    t.spans.heading = (!it.heading.is_empty()).then(|| it.text.value_span(it.heading_at.clone(), input));
    t
}

/// Normalises a deadline to a date where it denotes a day.
pub(crate) fn deadline_date(text: &str, year: Option<i32>) -> Option<String> {
    crate::grammar::deadline(text).and_then(|d| crate::grammar::deadline_day(&d, year))
}

/// Rules a document states outside any clause (`各项任务责任单位中，排在
/// 第一位的为牵头单位。` in its opening paragraphs): they cover every task.
#[derive(Default)]
struct Rules {
    first_is_lead: bool,
    /// Each unit with the span of the rule that implies it.
    implied: Vec<Spanned>,
    default_deadline: Option<Spanned>,
}

fn stated_rules(paras: &[Para], input: &str) -> Rules {
    let mut r = Rules::default();
    for p in paras {
        // Blank out bracketed groups: rules inside clauses apply from where
        // they stand and are read with their clause.
        let outside = Outside::new(&p.text.text);
        let span = |printed: &str| p.text.slice_span(outside.source_of(printed), input);
        for sentence in outside.text.split(['。', '；']) {
            if FIRST_IS_LEAD.is_match(sentence) {
                r.first_is_lead = true;
            }
            if let Some((rule, units)) = IMPLIED.captures(sentence).and_then(|m| Some((m.get(0)?.as_str(), m.get(1)?.as_str()))) {
                let at = span(rule);
                r.implied.extend(split_units(units).into_iter().map(|u| Spanned { text: u.text, span: at.clone() }));
            }
            if let Some(d) = DEFAULT_DEADLINE.captures(sentence).and_then(|m| m.get(1)) {
                let d = d.as_str().trim();
                r.default_deadline.get_or_insert_with(|| Spanned { text: d.to_string(), span: span(d) });
            }
        }
    }
    r
}

/// Turns numbered items with clauses into tasks, applying the document's
/// rules. `year` completes deadlines without one.
pub(crate) fn tasks(input: &str, items: &[Item], paras: &[Para], year: Option<i32>, diags: &mut Vec<Diagnostic>) -> Vec<Task> {
    let stated = stated_rules(paras, input);
    // Only the item's own text: a sub-item's clause is the sub-item's.
    let texts: Vec<std::borrow::Cow<Mapped>> = items.iter().map(|it| with_unit_gaps(&it.text, input)).collect();
    let mut parsed: Vec<(usize, &Mapped, Vec<Clause>)> = Vec::new();
    for (k, m) in texts.iter().enumerate() {
        let mut notes = Vec::new();
        let cl = clauses_noted(vocab(), &m.text, &mut notes);
        for (left, code) in notes {
            let message = match code {
                "clause_too_long" => format!("a responsibility clause of {} characters (over {MAX_CLAUSE}) was not read", char_len(left)),
                _ => format!("a responsibility clause was read to {MAX_BARE_CLAUSE} characters; the {} after were not", char_len(left)),
            };
            diags.push(Diagnostic { level: Level::Warning, code: code.into(), message, span: m.slice_span(left, input) });
        }
        if !cl.is_empty() {
            parsed.push((k, m, cl));
        }
    }
    // Rules per stream, from where they are stated.
    let mut first_is_lead_from: Vec<(usize, usize)> = Vec::new(); // (stream, order)
    let mut implied_from: Vec<(usize, usize, Vec<Spanned>)> = Vec::new();
    let mut default_deadline: Vec<(usize, Spanned)> = Vec::new();
    for (k, m, cl) in &parsed {
        let Some(it) = items.get(*k) else { continue };
        let spanned = |v: &Val| Spanned { text: v.text.clone(), span: m.slice_span(v.src, input) };
        for c in cl {
            if c.first_is_lead {
                first_is_lead_from.push((it.stream, it.order));
            }
            if !c.implied.is_empty() {
                implied_from.push((it.stream, it.order, c.implied.iter().map(spanned).collect()));
            }
            if let Some(d) = &c.default_deadline {
                default_deadline.push((it.stream, spanned(d)));
            }
        }
    }
    if stated.first_is_lead {
        for it in items {
            first_is_lead_from.push((it.stream, 0));
        }
    }
    if !stated.implied.is_empty() {
        for it in items {
            implied_from.push((it.stream, 0, stated.implied.clone()));
        }
    }
    if let Some(d) = &stated.default_deadline {
        for it in items {
            default_deadline.push((it.stream, d.clone()));
        }
    }
    // Units the document names, to repair typo-split ones.
    let known: HashSet<String> = parsed.iter().flat_map(|(_, _, cl)| cl.iter().flat_map(|c| c.responsible.iter().map(|u| u.text.clone()))).collect();
    let mut out = Vec::new();
    for (k, m, cl) in parsed {
        let Some(it) = items.get(k) else { continue };
        let (mut officials, mut lead, mut responsible, mut deadline) = (Vec::new(), Vec::new(), Vec::new(), None);
        for c in &cl {
            officials.extend(c.officials.iter().cloned());
            responsible.extend(c.responsible.iter().cloned());
            if lead.is_empty() {
                lead.extend(c.lead.iter().cloned());
            }
            if deadline.is_none() {
                deadline.clone_from(&c.deadline);
            }
        }
        let mut responsible = repair_units(&m.text, &responsible, &known, &it.span, diags);
        let lead = repair_units(&m.text, &lead, &known, &it.span, &mut Vec::new());
        dedupe(&mut responsible);
        dedupe(&mut officials);
        let span = |v: &Val| unit_span(m, v, input);
        let mut t = item_task(it, input);
        t.spans.lead_officials = officials.iter().map(span).collect();
        t.lead_officials = officials.into_iter().map(|v| v.text).collect();
        t.spans.lead_units = lead.iter().map(span).collect();
        t.lead_units = lead.into_iter().map(|v| v.text).collect();
        t.spans.responsible_units = responsible.iter().map(span).collect();
        t.responsible_units = responsible.into_iter().map(|v| v.text).collect();
        let rule_applies = |from: &[(usize, usize)]| from.iter().any(|&(s, o)| s == it.stream && o <= it.order);
        if t.lead_units.is_empty() && rule_applies(&first_is_lead_from) {
            if let (Some(u), Some(sp)) = (t.responsible_units.first(), t.spans.responsible_units.first()) {
                t.lead_units.push(u.clone());
                t.spans.lead_units.push(sp.clone());
            }
        }
        for (s, o, units) in &implied_from {
            if *s == it.stream && *o <= it.order {
                for u in units {
                    if !t.responsible_units.contains(&u.text) && !t.implied_units.contains(&u.text) {
                        t.implied_units.push(u.text.clone());
                        t.spans.implied_units.push(u.span.clone());
                    }
                }
            }
        }
        let deadline = deadline.map(|d| Spanned { span: span(&d), text: d.text }).or_else(|| default_deadline.iter().find(|(s, _)| *s == it.stream).map(|(_, d)| d.clone()));
        if let Some(d) = deadline {
            t.deadline = Some(Deadline { date: deadline_date(&d.text, year), text: d.text });
            t.spans.deadline = Some(d.span);
        }
        out.push(t);
    }
    // Kept in the result: no growth slack.
    out.shrink_to_fit();
    out
}

/// The span of a value: when its source holds a list separator its text
/// lacks (a unit repaired across a 、 by [`repair_units`]), the span is cut
/// into segments around it, so that it covers the value's characters only.
fn unit_span(m: &Mapped, v: &Val, input: &str) -> Span {
    let src = v.src;
    if !src.contains(['、', '，']) || v.text.contains(['、', '，']) {
        return m.slice_span(src, input);
    }
    let parts: Vec<Span> = src.split(['、', '，']).filter(|p| !p.is_empty()).map(|p| m.slice_span(p, input)).collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return m.slice_span(src, input);
    };
    let mut span = Span::new(first.start, last.end);
    for p in &parts {
        if p.segments.is_empty() {
            span.segments.push(Range { start: p.start, end: p.end });
        } else {
            span.segments.extend(p.segments.iter().cloned());
        }
    }
    span
}

/// `县林业局县、农业农村局`: a place character that slipped across the 、 is
/// moved back when the document names both repaired units elsewhere (each
/// its source the hull of its pieces, its span cut by [`unit_span`]); otherwise a unit that does not
/// read as a body gets a diagnostic. `base` is the text the units were read
/// from.
fn repair_units<'a>(base: &'a str, units: &[Val<'a>], known: &HashSet<String>, span: &Span, diags: &mut Vec<Diagnostic>) -> Vec<Val<'a>> {
    let mut out: Vec<Val> = units
        .iter()
        .map(|u| match u.text.strip_suffix("单位") {
            // `县行政审批局单位牵头`: a stray 单位 after a known body.
            Some(b) if known.contains(b) => u.cut(b),
            _ => u.clone(),
        })
        .collect();
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        if let Some(last) = a.text.chars().last() {
            if "县市区省镇乡".contains(last) {
                let a2 = &a.text[..a.text.len() - last.len_utf8()];
                let b2 = format!("{last}{}", b.text);
                if known.contains(a2) && known.contains(&b2) {
                    let moved = a.cut(&a.text[a2.len()..]);
                    let (a2, b2) = (a.cut(a2), Val { text: b2, src: hull(base, moved.src, b.src) });
                    out[i] = a2;
                    out[i + 1] = b2;
                }
            }
        }
        i += 1;
    }
    for u in &out {
        let u = &u.text;
        if !is_org(u) && !u.starts_with('各') && !known.iter().any(|k| k != u && k.contains(u.as_str())) {
            diags.push(Diagnostic {
                level: Level::Warning,
                code: "odd_unit".into(),
                message: format!("「{u}」 does not read as the name of a body"),
                span: span.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::range_in;

    fn clause(s: &str) -> Clause<'_> {
        parse_clause(vocab(), s).unwrap_or_else(|| panic!("no clause in {s}"))
    }

    fn texts<'a>(v: &'a [Val]) -> Vec<&'a str> {
        v.iter().map(|u| u.text.as_str()).collect()
    }

    #[test]
    fn a_clause_key_added_to_the_data_file_reads_a_new_shape() {
        let item = "加强某项工作。（承办单位：某某局、某某委）";
        // Not a key of the built-in vocabulary: no clause.
        assert!(clauses_with(vocab(), item).is_empty());
        // The same data with one line added to its [keys] table.
        let extra = "[keys]\n承办单位 = \"responsible\"\n";
        let files = [("clauses.toml", include_str!("../vocab/clauses.toml")), ("extra.toml", extra)];
        let v = Vocabulary::from_sources(files.iter().copied().chain(crate::vocab::FILES.iter().copied().filter(|(n, _)| *n != "clauses.toml"))).unwrap();
        let cl = clauses_with(&v, item);
        assert_eq!(cl.len(), 1);
        assert_eq!(texts(&cl[0].responsible), ["某某局", "某某委"]);
    }

    #[test]
    fn keyed_clauses() {
        let c = clause("牵头县领导：张清平：责任单位：县发改局、县财政局");
        assert_eq!(texts(&c.officials), ["张清平"]);
        assert_eq!(texts(&c.responsible), ["县发改局", "县财政局"]);
        let c = clause("牵头县领导：肖睿、文香军；责任单位：县商务局");
        assert_eq!(texts(&c.officials), ["肖睿", "文香军"]);
        let c = clause("时限要求：2 月底前；责任单位：天易经开区、县商务局、各乡镇");
        assert_eq!(c.deadline.as_ref().map(|d| d.text.as_str()), Some("2 月底前"));
        assert_eq!(texts(&c.responsible), ["天易经开区", "县商务局", "各乡镇"]);
        let c = clause("牵头单位：市发改委；配合单位：市财政局、市统计局");
        assert_eq!(texts(&c.lead), ["市发改委"]);
        assert_eq!(texts(&c.responsible), ["市发改委", "市财政局", "市统计局"]);
    }

    #[test]
    fn free_clauses() {
        let c = clause("县行政审批局牵头，县直相关单位和各乡镇人民政府按职责分工负责");
        assert_eq!(texts(&c.lead), ["县行政审批局"]);
        assert_eq!(texts(&c.responsible), ["县行政审批局", "县直相关单位", "各乡镇人民政府"]);
        let c = clause("国家发展改革委、财政部等按职责分工负责");
        assert_eq!(texts(&c.responsible), ["国家发展改革委", "财政部"]);
        let c = clause("扶贫办、中央统战部、全国总工会等和各省级人民政府负责");
        assert_eq!(texts(&c.responsible), ["扶贫办", "中央统战部", "全国总工会", "各省级人民政府"]);
        let c = clause("生态环境部牵头，国家发展改革委、工业和信息化部参与");
        assert_eq!(texts(&c.lead), ["生态环境部"]);
        assert_eq!(texts(&c.responsible), ["生态环境部", "国家发展改革委", "工业和信息化部"]);
        let c = clause("国家发展改革委会同财政部负责");
        assert_eq!(texts(&c.responsible), ["国家发展改革委", "财政部"]);
        let c = clause("生态环境部指导，试点城市政府负责落实");
        assert_eq!(texts(&c.responsible), ["生态环境部", "试点城市政府"]);
        let c = clause("县发改局、县司法局牵头，县直相关单位按职责分工负责。完成时限：及时发布");
        assert_eq!(texts(&c.lead), ["县发改局", "县司法局"]);
        assert_eq!(c.deadline.as_ref().map(|d| d.text.as_str()), Some("及时发布"));
        let c = clause("责任单位：市住建局，2024年6月底前完成");
        assert_eq!(texts(&c.responsible), ["市住建局"]);
        assert_eq!(c.deadline.as_ref().map(|d| d.text.as_str()), Some("2024年6月底前"));
        let cl = clauses_of("加快改造。（责任单位：市住建局）完成时限：2024年6月底前");
        assert_eq!(cl[0].deadline.as_ref().map(|d| d.text.as_str()), Some("2024年6月底前"));
    }

    #[test]
    fn rules_inside_clauses() {
        let c = clause("牵头县领导：陈赞；责任单位：县卫健局、县教育局、各乡镇，排第一的单位为牵头单位，以下各责任单位均包含各乡镇，不再列出；完成时限：均为 3月底前，不再逐一列出");
        assert_eq!(texts(&c.responsible), ["县卫健局", "县教育局", "各乡镇"]);
        assert!(c.first_is_lead);
        assert_eq!(texts(&c.implied), ["各乡镇"]);
        assert_eq!(c.default_deadline.as_ref().map(|d| d.text.as_str()), Some("3月底前"));
        let c = clause("人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同");
        assert!(c.first_is_lead);
        assert_eq!(texts(&c.responsible), ["人力资源社会保障部", "财政部"]);
        let c = clause("省发展改革委、省民政厅按职责分工负责，各市县政府和雄安新区管委会负责。以下任务均需各市县政府和雄安新区管委会负责，不再列出");
        assert_eq!(texts(&c.implied), ["各市县政府", "雄安新区管委会"]);
        let c = clause("省工业和信息化厅、省生态环境厅,各市(含定州、辛集市,下同)政府,雄安新区管委会负责。以下均需各市政府、雄安新区管委会落实,不再列出");
        assert_eq!(texts(&c.responsible), ["省工业和信息化厅", "省生态环境厅", "各市(含定州、辛集市,下同)政府", "雄安新区管委会"]);
        assert_eq!(texts(&c.implied), ["各市政府", "雄安新区管委会"]);
    }

    #[test]
    fn unit_names_keep_their_and() {
        assert_eq!(texts(&split_units("县人力资源和社会保障局、县住房和城乡建设局")), ["县人力资源和社会保障局", "县住房和城乡建设局"]);
        assert_eq!(texts(&split_units("湘潭县政务公开和政务服务工作领导小组办公室")), ["湘潭县政务公开和政务服务工作领导小组办公室"]);
        assert_eq!(texts(&split_units("各乡镇党委和人民政府")), ["各乡镇党委和人民政府"]);
        assert_eq!(texts(&split_units("县国防动员办（县人防办）、县财政局")), ["县国防动员办（县人防办）", "县财政局"]);
        assert_eq!(texts(&split_units("市发改委、各辖市、区人民政府")), ["市发改委", "各辖市、区人民政府"]);
        let c = clause("责任单位：市经信局（牵头）、市商务局");
        assert_eq!(texts(&c.lead), ["市经信局"]);
        assert_eq!(texts(&c.responsible), ["市经信局", "市商务局"]);
    }

    /// Each value carries the slice it was printed as.
    #[test]
    fn values_carry_their_printed_slice() {
        let srcs = |v: &[Val<'static>]| v.iter().map(|u| u.src).collect::<Vec<_>>();
        let s = "责任单位：市经信局（牵头）、市商务局，2024年6月底前完成";
        let c = clause(s);
        assert_eq!(srcs(&c.lead), ["市经信局"]);
        assert_eq!(range_in(s, c.lead[0].src).start, "责任单位：".len());
        assert_eq!(c.deadline.as_ref().map(|d| d.src), Some("2024年6月底前"));
        let s = "市发改委、各辖市，区人民政府";
        let u = split_units(s);
        assert_eq!(texts(&u), ["市发改委", "各辖市、区人民政府"]);
        assert_eq!(srcs(&u), ["市发改委", "各辖市，区人民政府"]);
        let s = "责任单位：县某局，以下各责任单位均包含各乡镇、县直单位，不再列出";
        let c = clause(s).implied;
        assert_eq!(texts(&c), ["各乡镇", "县直单位"]);
        let rule = &s["责任单位：县某局，".len()..];
        assert_eq!(srcs(&c), [rule, rule]);
        let t = "加快改造（暂定）。（责任单位：市住建局）完成时限：2024年（暂）6月底前";
        let cl = clauses_of(t);
        assert_eq!(cl[0].deadline.as_ref().map(|d| (d.text.as_str(), d.src)), Some(("2024年6月底前", "2024年（暂）6月底前")));
    }

    #[test]
    fn deadlines() {
        assert_eq!(deadline_date("3月底前", Some(2023)).as_deref(), Some("2023-03-31"));
        assert_eq!(deadline_date("2 月底前", Some(2024)).as_deref(), Some("2024-02-29"));
        assert_eq!(deadline_date("1 月20日前", Some(2023)).as_deref(), Some("2023-01-20"));
        assert_eq!(deadline_date("2023年8月底前", None).as_deref(), Some("2023-08-31"));
        assert_eq!(deadline_date("年底前", Some(2023)).as_deref(), Some("2023-12-31"));
        assert_eq!(deadline_date("6月30日前", Some(2023)).as_deref(), Some("2023-06-30"));
        assert_eq!(deadline_date("上半年", Some(2023)).as_deref(), Some("2023-06-30"));
        for t in ["全年", "及时发布", "长期坚持", "2月底前及全年", "1、2月组织开展及全年"] {
            assert_eq!(deadline_date(t, Some(2023)), None, "{t}");
        }
        assert_eq!(deadline_date("3月底前", None), None);
    }

    #[test]
    fn typo_split_units_are_repaired_from_the_document() {
        let known: HashSet<String> = ["县林业局", "县农业农村局"].iter().map(|s| s.to_string()).collect();
        let mut d = Vec::new();
        let base = "县林业局县、农业农村局";
        let units = split_units(base);
        let got = repair_units(base, &units, &known, &Span::default(), &mut d);
        assert_eq!(texts(&got), ["县林业局", "县农业农村局"]);
        // Printed as: the first without the slipped 县, the second from it on.
        assert_eq!(got.iter().map(|u| u.src).collect::<Vec<_>>(), ["县林业局", "县、农业农村局"]);
        let got = repair_units(base, &units, &HashSet::new(), &Span::default(), &mut d);
        assert_eq!(texts(&got), ["县林业局县", "农业农村局"]);
        assert!(!d.is_empty());
    }
}
