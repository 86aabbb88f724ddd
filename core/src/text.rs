//! Stage 1: normalisation with an offset map.
//!
//! [`Mapped`] is a cleaned string in which every char remembers the range of
//! the original input it came from, so any range of cleaned text maps back
//! to a [`Span`] of the caller's input. Cleaning:
//!
//! * full-width digits and Latin letters become ASCII (`２０２３` → `2023`),
//!   `．` after a digit becomes `.`;
//! * a thin run of spaces (ASCII space, NBSP, at most two) next to a CJK
//!   character or punctuation is dropped: PDF extraction pads names and
//!   numbers (`王 利`, `〔2023〕 2号`, `2023 年`);
//! * any other whitespace run (U+3000, tabs, long runs: column separators
//!   and paragraph indents of crawled pages) becomes one ASCII space.
//!
//! The map is kept per char boundary, not per byte: at each boundary `k`
//! of the cleaned text, `left(k)` is the original end of the char before
//! and `right(k)` the original start of the char after (they differ where
//! something was dropped). It is stored run-length: a [`Mark`] only where
//! the boundary is not the previous mark shifted by the same distance in
//! both texts (a folded char, a dropped space, a line break), so plain text
//! costs nothing beyond its bytes.

use crate::model::Span;

/// A boundary of the cleaned text that does not follow from the mark
/// before it.
#[derive(Clone, Copy, Debug)]
struct Mark {
    /// Cleaned byte offset (a char boundary).
    at: u32,
    /// Original end of the char before `at`.
    left: u32,
    /// Original start of the char after `at`.
    right: u32,
}

/// Cleaned text plus, for every char, the original byte range it came from.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mapped {
    pub text: String,
    /// Marks in increasing `at`; the first one is at 0 when text is not empty.
    marks: Vec<Mark>,
    /// Original end of the last char.
    end: u32,
}

impl Mapped {
    pub fn with_capacity(n: usize) -> Mapped {
        Mapped { text: String::with_capacity(n), ..Mapped::default() }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// `(left, right)` at char boundary `k` (`k <= len`).
    fn at(&self, k: usize) -> (usize, usize) {
        if k >= self.len() {
            return (self.end as usize, self.end as usize);
        }
        let i = self.marks.partition_point(|m| m.at as usize <= k);
        let Some(m) = i.checked_sub(1).and_then(|i| self.marks.get(i)) else { return (0, 0) };
        if m.at as usize == k {
            (m.left as usize, m.right as usize)
        } else {
            let p = m.right as usize + (k - m.at as usize);
            (p, p)
        }
    }

    /// Sets the boundary at the current end: the char before ended at
    /// `self.end`, the next one starts at `right`. A mark is kept only when
    /// the last mark does not already imply it.
    fn open_boundary(&mut self, right: usize) {
        let k = self.len();
        let left = if k == 0 { right } else { self.end as usize };
        let implied = self.marks.last().is_some_and(|m| left == right && m.right as usize + (k - m.at as usize) == right);
        if !implied {
            self.marks.push(Mark { at: k as u32, left: left as u32, right: right as u32 });
        }
    }

    /// Appends `c`, standing for original bytes `start..end`.
    pub fn push(&mut self, c: char, start: usize, end: usize) {
        self.open_boundary(start);
        self.text.push(c);
        self.end = end as u32;
    }

    /// Did the original input have something (a dropped space) between
    /// cleaned byte `i` and the char before it?
    pub fn gap_before(&self, i: usize) -> bool {
        self.dropped_before(i).is_some()
    }

    /// The original byte range between cleaned byte `i` and the char before
    /// it, when something was dropped there.
    pub fn dropped_before(&self, i: usize) -> Option<(usize, usize)> {
        if i == 0 || i >= self.len() {
            return None;
        }
        let (left, right) = self.at(i);
        (right > left).then_some((left, right))
    }

    /// Appends `other[range]` (a range of char boundaries) with its mapping.
    pub fn push_from(&mut self, other: &Mapped, range: std::ops::Range<usize>) {
        if range.start >= range.end {
            return;
        }
        self.open_boundary(other.at(range.start).1);
        let base = self.len();
        let first = other.marks.partition_point(|m| m.at as usize <= range.start);
        for m in other.marks[first..].iter().take_while(|m| (m.at as usize) < range.end) {
            self.marks.push(Mark { at: (base + m.at as usize - range.start) as u32, ..*m });
        }
        self.text.push_str(&other.text[range.clone()]);
        self.end = other.at(range.end).0 as u32;
    }

    /// The original span of cleaned bytes `range` (trimmed of ASCII spaces).
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        let (mut a, mut b) = (range.start.min(self.len()), range.end.min(self.len()));
        let bytes = self.text.as_bytes();
        while a < b && matches!(bytes[a], b' ' | b'\n') {
            a += 1;
        }
        while b > a && matches!(bytes[b - 1], b' ' | b'\n') {
            b -= 1;
        }
        if a >= b {
            let p = if a < self.len() { self.at(a).1 } else { self.end as usize };
            return Span::new(p, p);
        }
        Span::new(self.at(a).1, self.at(b).0)
    }
}

/// Is `c` a CJK ideograph (any block, including extensions)?
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF | 0x3007)
}

/// Is `c` wide CJK text or punctuation (anything that is not ASCII-like)?
pub(crate) fn is_wide(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2010..=0x206F | 0x00B7 | 0x2E80..=0x2FDF)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}' | '\u{3000}' | '\u{2002}'..='\u{200B}' | '\u{FEFF}' | '\r')
}

/// Maps full-width digits and Latin letters to ASCII; leaves punctuation.
fn fold(c: char, prev: Option<char>) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '．' if prev.is_some_and(|p| p.is_ascii_digit()) => '.',
        '％' => '%',
        '／' => '/',
        _ => c,
    }
}

/// Cleans `input[start..end]` (one physical line) onto `out`.
pub(crate) fn clean_into(input: &str, start: usize, end: usize, out: &mut Mapped) {
    let slice = &input[start..end];
    let mut prev: Option<char> = None;
    // A pending whitespace run: (orig start, orig end, thin?).
    let mut ws: Option<(usize, usize, bool, usize)> = None;
    for (i, c) in slice.char_indices() {
        let at = start + i;
        if is_space(c) {
            let thin = matches!(c, ' ' | '\u{A0}' | '\r');
            ws = Some(match ws {
                None => (at, at + c.len_utf8(), thin, 1),
                Some((s, _, t, n)) => (s, at + c.len_utf8(), t && thin, n + 1),
            });
            continue;
        }
        let folded = fold(c, prev);
        if let Some((s, e, thin, n)) = ws.take() {
            if prev.is_some() {
                let wide_side = prev.is_some_and(is_wide) || is_wide(folded);
                let drop = thin && n <= 2 && wide_side;
                if !drop {
                    out.push(' ', s, e);
                }
            }
        }
        out.push(folded, at, at + c.len_utf8());
        prev = Some(folded);
    }
}

/// Cleans a whole string (used for one-off values and tests).
#[cfg(test)]
pub(crate) fn clean_str(s: &str) -> Mapped {
    let mut m = Mapped::default();
    clean_into(s, 0, s.len(), &mut m);
    m
}

/// Splits `s` on any of `seps` that stands outside （） brackets.
pub(crate) fn split_outside_brackets<'a>(s: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ if depth <= 0 && seps.contains(&c) => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// `s` without its bracketed groups (nested brackets included).
pub(crate) fn outside_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for ch in s.chars() {
        match ch {
            '（' | '(' => depth += 1,
            '）' | ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out
}

/// Removes every whitespace character.
pub(crate) fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c) && *c != '\n').collect()
}

/// Number of chars.
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_pdf_padding_and_maps_back() {
        let src = "潭县政办发 〔2023〕 2号";
        let m = clean_str(src);
        assert_eq!(m.text, "潭县政办发〔2023〕2号");
        let sp = m.span(0..m.len());
        assert_eq!(&src[sp.start..sp.end], src);
        let i = m.text.find('2').unwrap();
        assert_eq!(&src[m.span(i..i + 4).start..m.span(i..i + 4).end], "2023");
    }

    #[test]
    fn pads_inside_names_and_numbers() {
        assert_eq!(clean_str("王 利").text, "王利");
        assert_eq!(clean_str("2023 年 6 月 1 日").text, "2023年6月1日");
        assert_eq!(clean_str("1 号").text, "1号");
    }

    #[test]
    fn keeps_column_separators_as_one_space() {
        assert_eq!(clean_str("国务院办公厅\u{3000}中央军委办公厅").text, "国务院办公厅 中央军委办公厅");
        assert_eq!(clean_str("发文字号： \t国发〔2018〕39号").text, "发文字号： 国发〔2018〕39号");
        assert_eq!(clean_str("Windows XP").text, "Windows XP");
    }

    #[test]
    fn folds_full_width_digits() {
        let src = "国办发〔２０２３〕１２号";
        let m = clean_str(src);
        assert_eq!(m.text, "国办发〔2023〕12号");
        let sp = m.span(0..m.len());
        assert_eq!(&src[sp.start..sp.end], src);
        assert_eq!(clean_str("１．加强").text, "1.加强");
    }

    #[test]
    fn run_length_map_agrees_with_a_map_per_char() {
        // (char, original start, end): plain text, a folded digit, a dropped
        // space, a collapsed run, a zero-width join, a line break.
        let pushed = [
            ('王', 0, 3), ('利', 4, 7), ('2', 7, 10), ('0', 10, 11), (' ', 11, 14), ('年', 14, 17),
            (' ', 17, 17), ('a', 17, 18), ('\n', 18, 18), ('各', 19, 22), ('乡', 22, 25),
        ];
        let mut m = Mapped::default();
        let mut reference: Vec<(usize, usize, usize)> = Vec::new(); // (clean at, start, end)
        for &(c, a, b) in &pushed {
            reference.push((m.len(), a, b));
            m.push(c, a, b);
        }
        let char_at = |i: usize| reference.iter().position(|r| r.0 == i);
        for (x, &(i, s, _)) in reference.iter().enumerate() {
            assert_eq!(m.gap_before(i), x > 0 && s > reference[x - 1].2, "gap before {i}");
            for &(j, _, _) in &reference[x + 1..] {
                // The reference span: first to last char that is not blank.
                let inner: Vec<_> = reference[x..char_at(j).unwrap()].iter().filter(|r| !matches!(m.text.as_bytes()[r.0], b' ' | b'\n')).collect();
                let (Some(f), Some(l)) = (inner.first(), inner.last()) else { continue };
                let want = Span::new(f.1, l.2);
                assert_eq!(m.span(i..j), want, "{i}..{j}");
                // A copy of the range maps the same.
                let mut copy = Mapped::default();
                copy.push_from(&m, i..j);
                assert_eq!(copy.span(0..copy.len()), want, "copy of {i}..{j}");
            }
        }
    }

    #[test]
    fn trims_leading_and_trailing_space() {
        assert_eq!(clean_str("  国务院   ").text, "国务院");
    }
}
