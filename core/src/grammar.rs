//! The shapes that are a grammar, as nom parsers over cleaned text: section
//! markers (the one definition every stage uses), 发文字号 in every bracket
//! variant with sub-ranges for agency, year and serial, and dates in Arabic
//! and Chinese numerals.
//!
//! Scanners (`find_doc_numbers`, `find_dates`) try the parser only where a
//! match can start (an opening bracket, a digit or numeral) and look back
//! a bounded distance, so a scan is linear in the text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{map, not, opt, peek, recognize};
use nom::sequence::{pair, preceded, terminated, tuple};
use nom::IResult;

use crate::lex::is_han;
use crate::text::char_len;
use crate::values::{cn_number, is_addressee, is_org, iso_date, number_parts, split_bodies};
use crate::vocab::vocab;

fn cn_digit_char(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百')
}

/// Between `min` and `max` chars satisfying `f`, counted in chars (nom 7's
/// `take_while_m_n` miscounts multi-byte chars in `&str`).
fn chars_m_n(min: usize, max: usize, f: fn(char) -> bool) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| {
        let mut end = 0;
        for (n, c) in i.chars().enumerate() {
            if n == max || !f(c) {
                break;
            }
            end += c.len_utf8();
        }
        if i[..end].chars().count() < min {
            return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::TakeWhileMN)));
        }
        Ok((&i[end..], &i[..end]))
    }
}

fn space(i: &str) -> IResult<&str, Option<char>> {
    opt(char(' '))(i)
}

fn digits(max: usize) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i| chars_m_n(1, max, |c| c.is_ascii_digit())(i)
}

fn cn_digits(i: &str) -> IResult<&str, &str> {
    chars_m_n(1, 3, cn_digit_char)(i)
}

/// `(level, value)` of a marker; the rest of the input follows it.
fn marker_parser(i: &str) -> IResult<&str, (u8, &str)> {
    let circled = map(satisfy(|c| ('①'..='⑳').contains(&c)), |_| (5u8, ""));
    let article = map(terminated(preceded(char('第'), cn_digits), pair(char('条'), space)), |v| (1u8, v));
    let bracketed = map(
        tuple((one_of("（("), space, alt((map(digits(3), |v| (4u8, v)), map(cn_digits, |v| (2u8, v)))), space, one_of("）)"))),
        |(_, _, v, _, _)| v,
    );
    let numeral = map(terminated(cn_digits, char('、')), |v| (1u8, v));
    // `1.` but not the `2.` of `2.86`.
    let arabic = map(
        terminated(digits(3), tuple((space, one_of(".．、"), peek(not(satisfy(|c| c.is_ascii_digit())))))),
        |v| (3u8, v),
    );
    alt((circled, article, bracketed, numeral, arabic))(i)
}

/// `(level, value, byte length)` of the section marker at the start of `t`:
/// level 1 `一、` / `第一条 `, 2 `（一）`, 3 `1.` `1．` `1、`, 4 `（1）`, 5 `①`.
/// `第一批`, `2.86万亩`, `2023年` are not markers.
pub(crate) fn marker_at(t: &str) -> Option<(u8, u32, usize)> {
    // It runs at every sentence start: reject on the first char.
    let c = t.chars().next()?;
    if !(c.is_ascii_digit() || cn_digit_char(c) || matches!(c, '①'..='⑳' | '第' | '（' | '(')) {
        return None;
    }
    let (rest, (level, v)) = marker_parser(t).ok()?;
    let value = if level == 5 { t.chars().next()? as u32 - '①' as u32 + 1 } else { cn_number(v)? };
    Some((level, value, t.len() - rest.len()))
}

/// A 发文字号 found in text, with the ranges of its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DocNumberMatch {
    /// The whole number, agency to 号.
    pub range: Range<usize>,
    pub agency: Range<usize>,
    pub year: i32,
    pub year_range: Range<usize>,
    pub serial: u32,
    pub serial_range: Range<usize>,
}

fn is_agency_char(c: char) -> bool {
    crate::text::is_han(c) || c.is_ascii_alphabetic()
}

/// `〔2023〕2号` from an opening bracket: `(year, serial)` as printed.
fn number_tail(i: &str) -> IResult<&str, (&str, &str)> {
    let year = recognize(pair(alt((tag("19"), tag("20"))), chars_m_n(2, 2, |c| c.is_ascii_digit())));
    map(
        tuple((one_of("〔[【［(（﹝"), space, year, space, one_of("〕]】］)）﹞"), space, opt(char('第')), digits(5), space, char('号'))),
        |(_, _, y, _, _, _, _, s, _, _)| (y, s),
    )(i)
}

/// Reads the number whose opening bracket is at `bracket`, its agency the
/// run of Han or Latin letters (at most 20, not before `floor`) before it.
fn doc_number_at(t: &str, bracket: usize, floor: usize) -> Option<DocNumberMatch> {
    let (rest, (y, s)) = number_tail(&t[bracket..]).ok()?;
    let agency_end = if t[..bracket].ends_with(' ') { bracket - 1 } else { bracket };
    let mut agency_start = agency_end;
    for (k, c) in t[floor..agency_end].char_indices().rev().take(20) {
        if !is_agency_char(c) {
            break;
        }
        agency_start = floor + k;
    }
    if agency_start == agency_end {
        return None;
    }
    let offset = |part: &str| part.as_ptr() as usize - t.as_ptr() as usize;
    let (ys, ss) = (offset(y), offset(s));
    Some(DocNumberMatch {
        range: agency_start..t.len() - rest.len(),
        agency: agency_start..agency_end,
        year: y.parse().ok()?,
        year_range: ys..ys + y.len(),
        serial: s.parse().ok()?,
        serial_range: ss..ss + s.len(),
    })
}

/// Every 发文字号 in `t`, left to right, not overlapping.
pub(crate) fn find_doc_numbers(t: &str) -> Vec<DocNumberMatch> {
    let mut out: Vec<DocNumberMatch> = Vec::new();
    // Every number ends in 号: most text has none.
    if !t.contains('号') {
        return out;
    }
    let mut floor = 0;
    for (i, c) in t.char_indices() {
        if i < floor || !matches!(c, '〔' | '[' | '【' | '［' | '(' | '（' | '﹝') {
            continue;
        }
        if let Some(m) = doc_number_at(t, i, floor) {
            floor = m.range.end;
            out.push(m);
        }
    }
    out
}

/// The whole of `s` (trimmed) is one 发文字号.
pub(crate) fn whole_doc_number(s: &str) -> Option<DocNumberMatch> {
    let s = s.trim();
    let m = find_doc_numbers(s).into_iter().next()?;
    (m.range.start == 0 && m.range.end == s.len()).then_some(m)
}

/// A date found in text: its range and the ISO day when it is a real one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateMatch {
    pub range: Range<usize>,
    pub iso: Option<String>,
}

fn cn_year_char(c: char) -> bool {
    matches!(c, '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | 'O' | 'Ｏ')
}

fn cn_small(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// `2023年3月29日`, `二〇二三年三月二十九日`, one space allowed around
/// each unit: `(year, month, day)` as printed.
fn date_parser(i: &str) -> IResult<&str, (&str, &str, &str)> {
    let year = alt((
        recognize(pair(alt((tag("19"), tag("20"))), chars_m_n(2, 2, |c| c.is_ascii_digit()))),
        chars_m_n(4, 4, cn_year_char),
    ));
    let part = || alt((digits(2), chars_m_n(1, 3, cn_small)));
    map(
        tuple((year, space, char('年'), space, part(), space, char('月'), space, part(), space, char('日'))),
        |(y, _, _, _, m, _, _, _, d, _, _)| (y, m, d),
    )(i)
}

fn date_at(t: &str, at: usize) -> Option<DateMatch> {
    let (rest, (y, m, d)) = date_parser(&t[at..]).ok()?;
    Some(DateMatch { range: at..t.len() - rest.len(), iso: iso_date(y, m, d) })
}

/// A date written with digits and separators (`2024-03-02`, `2024/3/2`,
/// `2024.03.02`), the whole of `t`, as `YYYY-MM-DD`.
pub(crate) fn numeric_date(t: &str) -> Option<String> {
    let sep = |i| one_of::<_, _, nom::error::Error<&str>>("-/.")(i);
    let (rest, (y, _, m, _, d)) = tuple((map_res_year, sep, number(2), sep, number(2)))(t.trim()).ok()?;
    (rest.is_empty() && (1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A date opening `t`: its byte length.
pub(crate) fn date_prefix(t: &str) -> Option<usize> {
    date_at(t, 0).map(|m| m.range.end)
}

/// Every date in `t`, left to right, not overlapping.
pub(crate) fn find_dates(t: &str) -> Vec<DateMatch> {
    let mut out: Vec<DateMatch> = Vec::new();
    // Every date has 年 and 日: most text has neither.
    if !t.contains('年') || !t.contains('日') {
        return out;
    }
    let mut floor = 0;
    for (i, c) in t.char_indices() {
        if i < floor || !(c == '1' || c == '2' || cn_year_char(c)) {
            continue;
        }
        if let Some(m) = date_at(t, i) {
            floor = m.range.end;
            out.push(m);
        }
    }
    out
}

/// Does `t` hold a date?
pub(crate) fn has_date(t: &str) -> bool {
    t.contains('年') && t.contains('日') && t.char_indices().any(|(i, c)| (c == '1' || c == '2' || cn_year_char(c)) && date_parser(&t[i..]).is_ok())
}

/// The whole string is one real date (spaces allowed); returns ISO.
pub(crate) fn whole_date(s: &str) -> Option<String> {
    let m = date_at(s, 0)?;
    (m.range.end == s.len()).then_some(m.iso).flatten()
}

/// `(text, agency, year, serial)` of a 发文字号 standing alone (the whole
/// string, spaces allowed), brackets normalised to 〔〕.
pub(crate) fn parse_doc_number(s: &str) -> Option<(String, String, i32, u32)> {
    let s = s.trim();
    let m = whole_doc_number(s)?;
    Some(number_parts(&s[m.agency], &s[m.year_range], &s[m.serial_range]))
}

/// What a deadline names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Period {
    /// `3月15日`
    Day(u32, u32),
    /// `3月底`, `3月末`
    MonthEnd(u32),
    /// `3月`, `3月中旬`: no single day.
    Month(u32),
    /// `年底`, `年末`, `底` after a year.
    YearEnd,
    /// `年内`
    WithinYear,
    /// `上半年` (1) / `下半年` (2)
    Half(u32),
    /// `一季度`, `第三季度`
    Quarter(u32),
}

/// A deadline as printed: `2024年6月底前完成`, `年底前`, `三季度末`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Deadline {
    pub year: Option<i32>,
    pub period: Period,
    /// The closing word: `前`, `之前`, `内`, `末`, `底`, or none.
    pub by: Option<&'static str>,
    /// `完成` follows.
    pub done: bool,
}

fn number(max: usize) -> impl Fn(&str) -> IResult<&str, u32> {
    move |i| nom::combinator::map_res(digits(max), str::parse)(i)
}

fn period(i: &str) -> IResult<&str, Period> {
    let quarter = map(
        tuple((opt(char('第')), one_of("一二三四"), tag("季度"))),
        |(_, q, _)| Period::Quarter(match q { '一' => 1, '二' => 2, '三' => 3, _ => 4 }),
    );
    let month = map(
        tuple((number(2), char('月'), opt(alt((
            map(terminated(number(2), char('日')), Some),
            map(alt((tag("底"), tag("末"))), |_| None),
            map(alt((tag("上旬"), tag("中旬"), tag("下旬"))), |_| Some(0)),
        ))))),
        |(m, _, rest)| match rest {
            None => Period::Month(m),
            Some(None) => Period::MonthEnd(m),
            Some(Some(0)) => Period::Month(m),
            Some(Some(d)) => Period::Day(m, d),
        },
    );
    alt((
        month,
        map(alt((tag("年底"), tag("年末"))), |_| Period::YearEnd),
        map(tag("年内"), |_| Period::WithinYear),
        map(tag("上半年"), |_| Period::Half(1)),
        map(tag("下半年"), |_| Period::Half(2)),
        quarter,
    ))(i)
}

fn deadline_parser(i: &str) -> IResult<&str, Deadline> {
    let year = terminated(map_res_year, char('年'));
    let (i, year) = opt(year)(i)?;
    // `2024年底`: the year's own end.
    let (i, period) = match year {
        Some(_) => alt((period, map(alt((tag("底"), tag("末"))), |_| Period::YearEnd)))(i)?,
        None => alt((period, map(tag("底"), |_| Period::YearEnd)))(i)?,
    };
    let by_words = alt((tag("之前"), tag("前"), tag("内"), tag("末"), tag("底")));
    let (i, by) = opt(by_words)(i)?;
    let (i, done) = opt(tag("完成"))(i)?;
    let by = by.map(|w: &str| match w {
        "之前" => "之前",
        "前" => "前",
        "内" => "内",
        "末" => "末",
        _ => "底",
    });
    Ok((i, Deadline { year, period, by, done: done.is_some() }))
}

fn map_res_year(i: &str) -> IResult<&str, i32> {
    nom::combinator::map_res(chars_m_n(4, 4, |c| c.is_ascii_digit()), str::parse)(i)
}

/// The whole of `t` (whitespace removed) is a deadline.
/// An ordinal number opening a line: `某省人民政府令第123号`,
/// `某厅公告2024年第3号`, `第5号`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ordinal {
    /// The issuer with its 文种 (`某省人民政府令`), 2–30 Han characters
    /// before 令, 公告 or 通告: byte range in the line.
    pub issuer: Option<std::ops::Range<usize>>,
    pub year: Option<i32>,
    pub serial: u32,
    /// Byte length of the whole number.
    pub len: usize,
}

/// `年?第N号` after the issuer; with `bracketed`, the year may stand in
/// brackets (`〔2024年〕第3号`, `（2024）第3号`) and the number may close one.
fn ordinal_tail(bracketed: bool) -> impl Fn(&str) -> IResult<&str, (Option<i32>, u32)> {
    move |i| {
        let open = |i| if bracketed { opt(one_of("（(〔"))(i) } else { Ok((i, None)) };
        let close = |i| if bracketed { opt(one_of("）)〕"))(i) } else { Ok((i, None)) };
        // (`年` may be left out inside brackets: `〔2022〕第2号`.)
        let year_word = |i| if bracketed { opt(char('年'))(i) } else { map(char('年'), Some)(i) };
        let year = opt(terminated(nom::combinator::verify(map_res_year, |y| (1900..2100).contains(y)), tuple((space, year_word, space))));
        let (i, (_, _, year, _)) = tuple((space, open, year, close))(i)?;
        let (i, serial) = preceded(pair(char('第'), space), number(5))(i)?;
        let (i, _) = pair(space, char('号'))(i)?;
        let (i, _) = if bracketed { opt(one_of("）)"))(i)? } else { (i, None) };
        Ok((i, (year, serial)))
    }
}

/// An ordinal number at the start of `t` (the issuer as short as it can
/// be, as the regex it replaces read it); `whole` asks that it fill `t`.
pub(crate) fn ordinal_number(t: &str, bracketed: bool, whole: bool) -> Option<Ordinal> {
    let accept = |issuer: Option<std::ops::Range<usize>>, at: usize| {
        let (rest, (year, serial)) = ordinal_tail(bracketed)(&t[at..]).ok()?;
        (!whole || rest.is_empty()).then(|| Ordinal { issuer, year, serial, len: t.len() - rest.len() })
    };
    let mut han = 0;
    for (p, c) in t.char_indices() {
        if !is_han(c) || han > 32 {
            break;
        }
        han += 1;
        let end = p + c.len_utf8();
        let kind = ["令", "公告", "通告"].into_iter().find(|k| t[..end].ends_with(k));
        if let Some(k) = kind {
            let before = han - k.chars().count();
            if (2..=30).contains(&before) {
                if let Some(o) = accept(Some(0..end), end) {
                    return Some(o);
                }
            }
        }
    }
    accept(None, 0)
}

pub(crate) fn deadline(t: &str) -> Option<Deadline> {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    match deadline_parser(&t) {
        Ok(("", d)) => Some(d),
        _ => None,
    }
}

/// The day a deadline denotes, with `year` when it prints none: a month's
/// or quarter's last day, the year's end; none for a bare month or 年内.
pub(crate) fn deadline_day(d: &Deadline, year: Option<i32>) -> Option<String> {
    if d.done {
        return None;
    }
    let y = d.year.or(year)?;
    let day = |m: u32, dd: u32| ((1..=12).contains(&m) && dd >= 1 && dd <= crate::values::days_in_month(y, m)).then(|| format!("{y:04}-{m:02}-{dd:02}"));
    let before = matches!(d.by, None | Some("前") | Some("之前"));
    match d.period {
        Period::Day(m, dd) if before => day(m, dd),
        Period::MonthEnd(m) if before => day(m, crate::values::days_in_month(y, m)),
        Period::YearEnd if before => day(12, 31),
        Period::Half(h) if d.by != Some("内") => day(h * 6, if h == 1 { 30 } else { 31 }),
        Period::Quarter(q) if d.by != Some("内") => day(q * 3, if q == 1 || q == 4 { 31 } else { 30 }),
        _ => None,
    }
}

/// A GB/T 9704 header line: 份号 (six digits), 密级 (with its ★ term),
/// 紧急程度, 签发人, one or several separated by spaces; the words are
/// `vocab/kinds.toml`'s.
pub(crate) fn is_gb_header(t: &str) -> bool {
    static GB_HEADER: LazyLock<Regex> = LazyLock::new(|| {
        let v = vocab();
        let secrecy = crate::vocab::alternation(v.list("gb_header", "classification"), false);
        let urgency = crate::vocab::alternation(v.list("gb_header", "urgency"), false);
        let one = format!(r"(?:\d{{6}}|(?:{secrecy})(?:★ ?[^ ]*)?|{urgency}|签发人[:：].*)");
        Regex::new(&format!(r"^{one}(?: {one})*$")).expect("GB/T header words compile")
    });
    GB_HEADER.is_match(t)
}

/// A line that may be (part of) a title: 2 to 70 chars, no sentence
/// punctuation, not a marker, an attachment or a date.
pub(crate) fn is_title_line(t: &str) -> bool {
    // Cheap tests first: this runs on every line.
    if t.len() > 70 * 4 || t.contains(['。', '，', '；', '：', '！', '？', ':', ';']) {
        return false;
    }
    let n = char_len(t);
    (2..=70).contains(&n) && !t.starts_with("附件") && marker_at(t).is_none() && !has_date(t)
}

/// A 发文字号 line: the number alone, or followed by 签发人;
/// `(text, agency, year, serial)`.
pub(crate) fn number_line(t: &str) -> Option<(String, String, i32, u32)> {
    let head = t.split("签发人").next().unwrap_or(t).trim();
    parse_doc_number(unbracketed(head))
}

/// `t` without one pair of round brackets around the whole of it (a
/// 发文字号 printed under its title as `（某办发〔2024〕2号）`).
pub(crate) fn unbracketed(t: &str) -> &str {
    t.strip_prefix(['（', '(']).and_then(|s| s.strip_suffix(['）', ')'])).filter(|s| !s.contains(['（', '(', '）', ')'])).unwrap_or(t)
}

/// Does the text end with a bracketed responsibility clause: a last
/// `（…` holding a clause key or a role word (`vocab/clauses.toml`)?
pub(crate) fn clause_like(t: &str) -> bool {
    let Some(i) = t.rfind(['（', '(']) else { return false };
    let inner = &t[i..];
    let v = vocab();
    v.role_words.occurs_in(inner) || v.clause_keys.occurs_in(inner)
}

/// [`clause_like`] of prefixes of one text, asked at increasing offsets,
/// in linear time: the last opening bracket is tracked as the text is
/// walked ([`ClauseEnds::saw`]); a question ([`ClauseEnds::before`]) looks
/// for a clause word only in the text not yet searched since that bracket.
#[derive(Default)]
pub(crate) struct ClauseEnds {
    open: Option<usize>,
    /// For the bracket at `.0`: searched up to `.1`, found a word or not.
    searched: (usize, usize, bool),
}

impl ClauseEnds {
    /// Called for each char `c` at byte `i` of the text, in order.
    pub fn saw(&mut self, i: usize, c: char) {
        if matches!(c, '（' | '(') {
            self.open = Some(i);
        }
    }

    /// Is `clause_like(&t[..i])`? (`i` not less than at the last question,
    /// and every char before `i` passed to [`ClauseEnds::saw`].)
    pub fn before(&mut self, t: &str, i: usize) -> bool {
        let Some(o) = self.open else { return false };
        if self.searched.0 != o || self.searched.1 < o {
            self.searched = (o, o, false);
        }
        if !self.searched.2 && i > self.searched.1 {
            let v = vocab();
            // A word may straddle the end of the last search: look back by
            // the longest word.
            let mut from = self.searched.1.saturating_sub(v.role_words.max_bytes().max(v.clause_keys.max_bytes())).max(o);
            while !t.is_char_boundary(from) {
                from += 1;
            }
            let hay = t.get(from..i).unwrap_or("");
            self.searched = (o, i, v.role_words.occurs_in(hay) || v.clause_keys.occurs_in(hay));
        }
        self.searched.2
    }
}

/// Does `t` open with a clause key and its colon (`完成时限：…`,
/// `责任单位：…` printed as a note after an item)?
pub(crate) fn opens_with_clause_key(t: &str) -> bool {
    vocab().clause_keys.prefix_of(t).is_some_and(|k| t[k.end..].trim_start().starts_with(['：', ':']))
}

/// A line that is a list of addressees ending in ： (possibly with the
/// cover text run on after it): returns the byte length of the list.
pub(crate) fn recipients_prefix(t: &str) -> Option<usize> {
    let colon = t.find(['：', ':'])?;
    let list = &t[..colon];
    if list.is_empty() || char_len(list) > 400 || list.contains(['。', '！', '？']) || marker_at(list).is_some() {
        return None;
    }
    if vocab().sentence_words.occurs_in(list) {
        return None;
    }
    let parts = split_bodies(list);
    if parts.is_empty() || parts.iter().any(|r| char_len(&list[r.clone()]) > 150) {
        return None;
    }
    // Every part names a body (or a class of them: `各县（市、区）`).
    let body = |r: &std::ops::Range<usize>| is_addressee(&list[r.clone()]) || list[r.clone()].starts_with('各');
    parts.iter().all(body).then_some(colon)
}

/// A 发文机关署名 line: names of bodies only.
pub(crate) fn is_signature_line(t: &str) -> bool {
    // (A char is at most 4 bytes: the length test bounds the count.)
    t.len() <= 60 * 4
        && (2..=60).contains(&char_len(t))
        && !t.contains(['。', '，', '：', '；', '《', ':'])
        && marker_at(t).is_none()
        && t.split([' ', '、']).filter(|w| !w.is_empty()).all(is_org)
        && !has_date(t)
}

/// The first line of a text without a title block, when more text follows
/// on other lines, is its title if it reads as a heading whatever word
/// closes it (`某某政策解读`, `中华人民共和国某某法`, `某项工作进展情况`, a
/// news headline): 4–150 characters, no sentence inside (no 。；, at most
/// one ，), no label or addressee colon, not closing on ，、：, not a
/// marker, 附件, date, 发文字号 or signature line.
pub(crate) fn heading_title(t: &str) -> bool {
    if t.len() > 150 * 4 || t.contains(['。', '；', ';']) || t.ends_with(['，', ',', '、', '：', ':']) {
        return false;
    }
    // A colon inside: a headline (`某地：某事`), not a metadata row or an
    // addressee list.
    if let Some(c) = t.find(['：', ':']) {
        let label: String = t[..c].chars().filter(|c| *c != ' ').collect();
        // (An addressee list names several bodies or opens with 各/有关.)
        let addressees = recipients_prefix(t).is_some() && (label.contains(['、', '，', ',']) || label.starts_with('各') || label.starts_with("有关"));
        if vocab().list("metadata", "labels").contains(&label) || addressees || t[c..].contains(' ') {
            return false;
        }
    }
    (4..=150).contains(&char_len(t))
        && t.matches(['，', ',']).count() <= 1
        && marker_at(t).is_none()
        && !t.starts_with("附件")
        && !has_date(t)
        && number_line(t).is_none()
        // A body's name alone (an issuer line), not a phrase that happens
        // to end like one (`培育某某“领跑者”企业`).
        && !is_issuer_line(t)
}

/// A line that is only a body's name or several (an issuer line above a
/// title), not a phrase that happens to end like one (`关于批准某某基地`,
/// `培育某某“领跑者”企业`, `某某细则(试行)`).
pub(crate) fn is_issuer_line(t: &str) -> bool {
    is_signature_line(t) && !t.contains(['的', '“', '"']) && !t.starts_with("关于") && !t.ends_with([')', '）'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_ends_agree_with_clause_like_on_every_prefix() {
        for t in ["做好某某工作（县某局负责）政策解读：某某", "（一）加强（某某）管理（责任单位：县某局、县某办）。", "（（（）））负责（", "甲（乙）丙（牵头单位：某局）丁（某某）"] {
            let mut ends = ClauseEnds::default();
            for (i, c) in t.char_indices() {
                assert_eq!(ends.before(t, i), clause_like(&t[..i]), "{t:?} at {i}");
                ends.saw(i, c);
            }
        }
    }

    #[test]
    fn markers() {
        let m = marker_at;
        assert_eq!(m("一、总体目标"), Some((1, 1, "一、".len())));
        assert_eq!(m("（十二） 加强"), Some((2, 12, "（十二）".len())));
        assert_eq!(m("( 3 )加强"), Some((4, 3, "( 3 )".len())));
        assert_eq!(m("12. 加快"), Some((3, 12, 3)));
        assert_eq!(m("1．加快"), Some((3, 1, "1．".len())));
        assert_eq!(m("3、加快"), Some((3, 3, "3、".len())));
        assert_eq!(m("②加快"), Some((5, 2, "②".len())));
        assert_eq!(m("第十二条 加快"), Some((1, 12, "第十二条 ".len())));
        for not in ["第一批", "2.86万亩", "2023年", "1234.", "十一二三、", "（一", ""] {
            assert_eq!(m(not), None, "{not}");
        }
    }

    #[test]
    fn doc_numbers_with_their_parts() {
        let t = "根据某政办发〔2023〕12号和某发[2024]第3号文件";
        let found = find_doc_numbers(t);
        assert_eq!(found.len(), 2);
        let a = &found[0];
        assert_eq!(&t[a.range.clone()], "根据某政办发〔2023〕12号");
        assert_eq!((&t[a.year_range.clone()], a.year, &t[a.serial_range.clone()], a.serial), ("2023", 2023, "12", 12));
        assert_eq!(&t[found[1].range.clone()], "和某发[2024]第3号");
        // Numbers run together: the second agency starts after the first 号.
        let t = "某发〔2023〕1号某发〔2023〕2号";
        let found = find_doc_numbers(t);
        assert_eq!(found.iter().map(|m| &t[m.agency.clone()]).collect::<Vec<_>>(), ["某发", "某发"]);
        assert!(whole_doc_number(" 某发 〔2023〕 1 号 ").is_some());
        assert!(whole_doc_number("某发〔2023〕1号文").is_none());
        assert!(find_doc_numbers("〔2023〕1号").is_empty());
        assert!(find_doc_numbers("某发〔2023〕123456号").is_empty());
    }

    #[test]
    fn dates_in_both_numerals() {
        assert_eq!(whole_date("2023年3月29日").as_deref(), Some("2023-03-29"));
        assert_eq!(whole_date("二〇二三年三月二十九日").as_deref(), Some("2023-03-29"));
        assert_eq!(whole_date("2023 年 6 月 1 日").as_deref(), Some("2023-06-01"));
        assert_eq!(whole_date("2023年2月30日"), None);
        assert_eq!(whole_date("一九九六年六月二十九日").as_deref(), Some("1996-06-29"));
        assert_eq!(whole_date("二〇〇五年三月三日").as_deref(), Some("2005-03-03"));
        assert_eq!(whole_date("2023年3月29日印发"), None);
        let t = "于12023年3月1日和2024年5月6日";
        let found = find_dates(t);
        assert_eq!(found.iter().map(|d| &t[d.range.clone()]).collect::<Vec<_>>(), ["2023年3月1日", "2024年5月6日"]);
        assert!(has_date("定于二〇二四年一月五日召开"));
        assert!(!has_date("2024年"));
    }

    #[test]
    fn doc_numbers_in_every_bracket() {
        for (s, want) in [
            ("国办发〔2023〕12号", "国办发〔2023〕12号"),
            ("临政办函[2013]89号", "临政办函〔2013〕89号"),
            ("潭县政办发 〔2023〕 2号", "潭县政办发〔2023〕2号"),
            ("某政发【2020】3号", "某政发〔2020〕3号"),
            ("某政发［2018］03号", "某政发〔2018〕3号"),
            ("某政发（2021）7号", "某政发〔2021〕7号"),
            ("某科规﹝2021﹞1号", "某科规〔2021〕1号"),
            ("国办发明电〔2018〕15号", "国办发明电〔2018〕15号"),
        ] {
            assert_eq!(parse_doc_number(s).map(|p| p.0), Some(want.to_string()), "{s}");
        }
        assert_eq!(parse_doc_number("潭常人发 〔2023〕 1 号").unwrap().3, 1);
        assert!(parse_doc_number("2023年3月").is_none());
    }


    #[test]
    fn headings_and_numeric_dates() {
        for t in ["《某某办法》政策解读", "中华人民共和国某某法", "某地：最高100万元补助支持某某建设", "大力培育创新卓越的“领跑者”企业", "关于批准某某公司设立某某基地"] {
            assert!(heading_title(t), "{t}");
        }
        // A sentence, an addressee list, a metadata row, a marker, a date, a number, an issuer.
        for t in ["现将有关事项通知如下。", "各市、县人民政府：", "标题：某某通知", "一、总体要求", "2024年3月5日", "某政发〔2024〕3号", "某某县人民政府"] {
            assert!(!heading_title(t), "{t}");
        }
        assert_eq!(numeric_date("2024-03-02").as_deref(), Some("2024-03-02"));
        assert_eq!(numeric_date("2024/3/2").as_deref(), Some("2024-03-02"));
        assert_eq!(numeric_date("2024-13-02"), None);
        assert_eq!(numeric_date("2024-03-02 发布"), None);
    }

    #[test]
    fn ordinal_numbers() {
        let o = ordinal_number("某省人民政府令第123号", false, false).unwrap();
        assert_eq!((o.issuer, o.year, o.serial, o.len), (Some(0..21), None, 123, "某省人民政府令第123号".len()));
        let t = "某某厅公告2024年第3号某某厅关于某事的公告";
        let o = ordinal_number(t, false, false).unwrap();
        assert_eq!((&t[o.issuer.clone().unwrap()], o.year, o.serial, &t[..o.len]), ("某某厅公告", Some(2024), 3, "某某厅公告2024年第3号"));
        // Bracketed years and a closing bracket only where asked for.
        let o = ordinal_number("（2024年）第5号", true, true).unwrap();
        assert_eq!((o.issuer, o.year, o.serial), (None, Some(2024), 5));
        assert_eq!(ordinal_number("（2024年）第5号", false, false), None);
        // The whole line, or a prefix.
        assert_eq!(ordinal_number("第5号文件要求", true, true), None);
        assert_eq!(ordinal_number("第5号文件要求", false, false).map(|o| o.len), Some("第5号".len()));
        // Too short an issuer, a year outside 1900–2099, six digits.
        assert_eq!(ordinal_number("某令第1号", false, false).and_then(|o| o.issuer), None);
        assert_eq!(ordinal_number("3024年第1号", false, false), None);
        assert_eq!(ordinal_number("第123456号", false, false), None);
    }

    #[test]
    fn deadlines() {
        let day = |t: &str, y: Option<i32>| deadline(t).and_then(|d| deadline_day(&d, y));
        assert_eq!(day("3月底前", Some(2023)).as_deref(), Some("2023-03-31"));
        assert_eq!(day("2024年2月底", None).as_deref(), Some("2024-02-29"));
        assert_eq!(day("6月30日前", Some(2023)).as_deref(), Some("2023-06-30"));
        assert_eq!(day("年底前", Some(2023)).as_deref(), Some("2023-12-31"));
        assert_eq!(day("2024年底", None).as_deref(), Some("2024-12-31"));
        assert_eq!(day("上半年", Some(2023)).as_deref(), Some("2023-06-30"));
        assert_eq!(day("第三季度末", Some(2023)).as_deref(), Some("2023-09-30"));
        assert_eq!(day("2024年10月", None), None);
        assert_eq!(day("年内", Some(2023)), None);
        assert_eq!(day("3月底前", None), None);
        assert_eq!(day("2月30日", Some(2023)), None);
        for like in ["2024年6月底前完成", "3月中旬", "年内完成", "一季度内"] {
            assert!(deadline(like).is_some(), "{like}");
        }
        for not in ["全年", "长期坚持", "3月底前及全年", "某某局"] {
            assert!(deadline(not).is_none(), "{not}");
        }
    }

    #[test]
    fn recipients_lists() {
        assert!(recipients_prefix("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：").is_some());
        assert!(recipients_prefix("马万祺副主席：").is_some());
        assert!(recipients_prefix("现将有关事项通知如下：").is_none());
        assert!(recipients_prefix("任命：").is_none());
        assert!(recipients_prefix("一、成员单位：").is_none());
    }
}
