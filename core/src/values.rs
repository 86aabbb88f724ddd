//! Value parsers shared by the stages: 发文字号, dates, Chinese numerals,
//! and the generic vocabulary of organisations (no names of any corpus).

use std::sync::LazyLock;

use regex::Regex;

use crate::vocab::vocab;

/// `国务院令第348号`-style numbers.
pub(crate) static ORDER_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([\p{Han}]{0,12}令) ?第 ?(\d{1,5}) ?号").unwrap());

/// Trims running-text words (`根据`, `印发` … in `vocab/bodies.toml`) off
/// the front of a matched agency.
pub(crate) fn trim_agency(agency: &str) -> &str {
    let words = &vocab().leading_words;
    let mut a = agency;
    while let Some(w) = words.prefix_of(a).filter(|w| a.len() > w.end + 2) {
        a = &a[w.end..];
    }
    // An agency abbreviation is short; keep the tail of a long Han run.
    let n = a.chars().count();
    if n > 12 {
        let skip = n - 12;
        let idx = a.char_indices().nth(skip).map(|(i, _)| i).unwrap_or(0);
        a = &a[idx..];
    }
    a
}

pub(crate) fn number_parts(agency: &str, year: &str, serial: &str) -> (String, String, i32, u32) {
    let year: i32 = year.parse().unwrap_or(0);
    let serial: u32 = serial.trim_start_matches('0').parse().unwrap_or(0);
    (format!("{agency}〔{year}〕{serial}号"), agency.to_string(), year, serial)
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | 'O' | '0' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Value of a small Chinese numeral (一 … 九十九), or of ASCII digits.
pub(crate) fn cn_number(s: &str) -> Option<u32> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let mut chars = [' '; 4];
    let mut n = 0;
    for c in s.chars() {
        if n == 4 {
            return None;
        }
        chars[n] = c;
        n += 1;
    }
    match &chars[..n] {
        ['十'] => Some(10),
        [a] => cn_digit(*a),
        ['十', b] => Some(10 + cn_digit(*b)?),
        [a, '十'] => Some(cn_digit(*a)? * 10),
        [a, '十', b] => Some(cn_digit(*a)? * 10 + cn_digit(*b)?),
        _ => None,
    }
}

/// ISO date from a date's printed year, month and day, if it is a real day.
pub(crate) fn iso_date(y: &str, m: &str, d: &str) -> Option<String> {
    let year: i32 = if y.bytes().all(|b| b.is_ascii_digit()) {
        y.parse().ok()?
    } else {
        y.chars().try_fold(0i32, |acc, c| Some(acc * 10 + cn_digit(c)? as i32))?
    };
    let month = cn_number(m)?;
    let day = cn_number(d)?;
    if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The 文种 of a 公文 title (`…的通知` → 通知), if it ends with one
/// (`vocab/kinds.toml`).
pub(crate) fn document_kind(title: &str) -> Option<&'static str> {
    vocab().document_kinds.suffix_of(without_qualifier(title)).map(|h| h.value)
}

/// A title without a closing qualifier in brackets: `…的意见（试行）`,
/// `…办法（2024年修订）` (at most 30 chars inside).
pub(crate) fn without_qualifier(title: &str) -> &str {
    let Some(inner) = title.strip_suffix(['）', ')']) else { return title };
    match inner.rfind(['（', '(']) {
        Some(i) if i > 0 && inner[i..].chars().count() <= 31 && !inner[i..].contains(['）', ')']) => &inner[..i],
        _ => title,
    }
}

/// The byte length of the 文种 word closing `title` (`复函` → 6).
pub(crate) fn kind_word_len(title: &str) -> Option<usize> {
    vocab().document_kinds.suffix_of(title).map(|h| h.end - h.start)
}

/// The type of an enclosed text's title (`…实施方案` → 方案).
pub(crate) fn enclosed_kind(title: &str) -> Option<&'static str> {
    vocab().enclosed_kinds.suffix_of(without_qualifier(title)).map(|h| h.value)
}

/// The byte length of the type word closing an enclosed title.
pub(crate) fn enclosed_word_len(title: &str) -> Option<usize> {
    vocab().enclosed_kinds.suffix_of(title).map(|h| h.end - h.start)
}

/// Does `s` end like the name of a body (`vocab/bodies.toml`)?
pub(crate) fn is_org(s: &str) -> bool {
    let s = s.trim_end_matches(['）', ')']);
    s.chars().count() >= 2 && vocab().body_suffixes.suffix_of(s).is_some()
}

/// Does `s` end like an addressee: a body or a person with a title?
pub(crate) fn is_addressee(s: &str) -> bool {
    is_org(s) || vocab().person_titles.suffix_of(s).is_some()
}

/// `t` without a bracketed tail (`局（公司）` → `局`).
fn without_bracket_tail(t: &str) -> &str {
    match t.strip_suffix(['）', ')']).and_then(|x| x.rfind(['（', '('])) {
        Some(i) if i > 0 => &t[..i],
        _ => t,
    }
}

fn ends_with_any(t: &str, words: &[String]) -> bool {
    words.iter().any(|w| t.ends_with(w.as_str()))
}

/// Splits a list of bodies on ，；; and on 、 only between complete bodies
/// (`各省、自治区、直辖市人民政府` stays one: its parts share the final
/// noun). Returns byte ranges into `s`, trimmed.
pub(crate) fn split_bodies(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut hard: Vec<std::ops::Range<usize>> = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '《' | '“' => depth += 1,
            '）' | ')' | '》' | '”' => depth -= 1,
            '，' | '；' | ',' | ';' | ' ' if depth <= 0 => {
                hard.push(start..i);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    hard.push(start..s.len());
    let mut out = Vec::new();
    for r in hard {
        // Soft split on 、 (and 及/和 are not split here).
        let part = &s[r.clone()];
        let mut pieces: Vec<std::ops::Range<usize>> = Vec::new();
        let mut depth = 0i32;
        let mut st = 0;
        for (i, c) in part.char_indices() {
            match c {
                '（' | '(' | '《' | '“' => depth += 1,
                '）' | ')' | '》' | '”' => depth -= 1,
                '、' if depth <= 0 => {
                    pieces.push(r.start + st..r.start + i);
                    st = i + c.len_utf8();
                }
                _ => {}
            }
        }
        pieces.push(r.start + st..r.end);
        // A bare suffix (`省直各委、办、厅、局`, `局（公司）`) continues the
        // body before it.
        let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
        for p in pieces {
            let core = without_bracket_tail(&s[p.clone()]);
            let bare = char_len_of(core) == 1 && vocab().body_suffixes.prefix_of(core).is_some_and(|w| w.end == core.len());
            match merged.last_mut() {
                Some(last) if bare => last.end = p.end,
                _ => merged.push(p),
            }
        }
        // Merge incomplete pieces into the next one: a place, or a zone
        // before a piece ending in an organ a zone has (`甲开发区、乙新区管委会`).
        let organs = vocab().list("bodies", "zone_organs");
        let mut acc: Option<usize> = None;
        for (k, p) in merged.iter().enumerate() {
            let begin = acc.unwrap_or(p.start);
            let t = &s[p.clone()];
            let zone_before_organ = ends_with_any(t, vocab().list("bodies", "zones"))
                && merged.get(k + 1).is_some_and(|n| ends_with_any(without_bracket_tail(&s[n.clone()]), organs));
            if (is_addressee(t) && !zone_before_organ) || p.end == r.end {
                out.push(begin..p.end);
                acc = None;
            } else {
                acc = Some(begin);
            }
        }
    }
    out.into_iter()
        .map(|r| {
            let t = &s[r.clone()];
            let lead = t.len() - t.trim_start_matches([' ', '\u{3000}']).len();
            let trail = t.len() - t.trim_end_matches([' ', '\u{3000}', '。', '.']).len();
            r.start + lead..r.end - trail
        })
        .filter(|r| r.start < r.end)
        .collect()
}

fn char_len_of(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;


    #[test]
    fn agencies_lose_running_words() {
        assert_eq!(trim_agency("根据国办发"), "国办发");
        assert_eq!(trim_agency("按照潭县政办发"), "潭县政办发");
        assert_eq!(trim_agency("国发"), "国发");
    }


    #[test]
    fn kinds() {
        assert_eq!(document_kind("国务院办公厅关于科技节水建议的复函"), Some("函"));
        assert_eq!(document_kind("关于崔赣等同志的任免通知"), Some("通知"));
        assert_eq!(document_kind("国务院关于…的批复"), Some("批复"));
        assert_eq!(document_kind("湘潭县2023年政务公开工作要点"), None);
        assert_eq!(enclosed_kind("湘潭县2023年政务公开工作要点"), Some("要点"));
    }

    fn split(s: &str) -> Vec<&str> {
        split_bodies(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn bodies_split_only_between_complete_names() {
        assert_eq!(
            split("各省、自治区、直辖市人民政府，国务院各部委、各直属机构"),
            ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]
        );
        assert_eq!(
            split("各市（含定州、辛集市）人民政府，各县（市、区）人民政府，雄安新区管委会，省政府各部门"),
            ["各市（含定州、辛集市）人民政府", "各县（市、区）人民政府", "雄安新区管委会", "省政府各部门"]
        );
        assert_eq!(split("县发改局、县财政局；县人武部"), ["县发改局", "县财政局", "县人武部"]);
        assert_eq!(split("沈阳、北京、广州军区"), ["沈阳、北京、广州军区"]);
        assert_eq!(split("各州、市人民政府，省直各委、办、厅、局"), ["各州、市人民政府", "省直各委、办、厅、局"]);
        // A bare suffix behind its bracket; zones sharing their 管委会.
        assert_eq!(split("市各委、办、局（公司），市各直属单位"), ["市各委、办、局（公司）", "市各直属单位"]);
        assert_eq!(split("甲开发区、乙新区管委会，某某县人民政府"), ["甲开发区、乙新区管委会", "某某县人民政府"]);
        assert_eq!(split("县发改局、甲开发区"), ["县发改局", "甲开发区"]);
        assert_eq!(split("甲开发区、乙开发区、县直各单位"), ["甲开发区", "乙开发区", "县直各单位"]);
    }

    #[test]
    fn kinds_behind_a_qualifier() {
        assert_eq!(document_kind("某部关于某事的意见（试行）"), Some("意见"));
        assert_eq!(enclosed_kind("某省某某管理办法(2024年修订)"), Some("办法"));
        assert_eq!(document_kind("某某（试行）"), None);
        assert_eq!(without_qualifier("（试行）"), "（试行）");
    }
}
