//! Stage 1: normalisation with an offset map.
//!
//! [`Mapped`] is a cleaned string in which every byte remembers the range of
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
//! Invariant: `starts.len() == ends.len() == text.len()`, and for every
//! byte `i`, `starts[i] < ends[i]` are char boundaries of the input.

pub(crate) use crate::lex::is_han;
use crate::lex::{fold, is_space, Kind, Token, Trivia};
use crate::model::{Range, Span};

/// Cleaned text plus, for every byte, the original byte range it came from.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mapped {
    pub text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Mapped {
    pub fn with_capacity(n: usize) -> Mapped {
        Mapped { text: String::with_capacity(n), starts: Vec::with_capacity(n), ends: Vec::with_capacity(n) }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Appends `c`, standing for original bytes `start..end`.
    pub fn push(&mut self, c: char, start: usize, end: usize) {
        let n = c.len_utf8();
        self.text.push(c);
        for _ in 0..n {
            self.starts.push(start as u32);
            self.ends.push(end as u32);
        }
    }

    /// Did the original input have something (a dropped space) between
    /// cleaned byte `i` and the char before it?
    pub fn gap_before(&self, i: usize) -> bool {
        i > 0 && i < self.len() && self.starts[i] > self.ends[i - 1]
    }

    /// The original byte range between cleaned byte `i` and the char before
    /// it, when something was dropped there.
    pub fn dropped_before(&self, i: usize) -> Option<(usize, usize)> {
        self.gap_before(i).then(|| (self.ends[i - 1] as usize, self.starts[i] as usize))
    }

    /// Appends `other[range]` with its mapping.
    pub fn push_from(&mut self, other: &Mapped, range: std::ops::Range<usize>) {
        self.text.push_str(&other.text[range.clone()]);
        self.starts.extend_from_slice(&other.starts[range.clone()]);
        self.ends.extend_from_slice(&other.ends[range]);
    }

    /// `range` clamped to the text and trimmed of ASCII spaces and newlines.
    fn trimmed(&self, range: std::ops::Range<usize>) -> (usize, usize) {
        let (mut a, mut b) = (range.start.min(self.len()), range.end.min(self.len()));
        let bytes = self.text.as_bytes();
        while a < b && matches!(bytes[a], b' ' | b'\n') {
            a += 1;
        }
        while b > a && matches!(bytes[b - 1], b' ' | b'\n') {
            b -= 1;
        }
        (a, b)
    }

    /// The span of a value printed at cleaned bytes `range`: as [`Mapped::span`],
    /// with `segments` when the value crosses a line break of `input` (the
    /// original text; dropped furniture between the pieces lies in the gap).
    pub fn value_span(&self, range: std::ops::Range<usize>, input: &str) -> Span {
        let mut span = self.span(range.clone());
        let (a, b) = self.trimmed(range);
        let mut from = span.start;
        for i in a + 1..b {
            let broken = self.text.is_char_boundary(i)
                && input.get(self.ends[i - 1] as usize..self.starts[i] as usize).is_some_and(|gap| gap.contains('\n'));
            if broken {
                span.segments.push(Range { start: from, end: self.ends[i - 1] as usize });
                from = self.starts[i] as usize;
            }
        }
        if !span.segments.is_empty() {
            span.segments.push(Range { start: from, end: span.end });
        }
        span
    }

    /// The span of `printed`, a slice of this text (cut, trimmed or split
    /// from it: a value carries the slice it was read from).
    pub fn slice_span(&self, printed: &str, input: &str) -> Span {
        self.value_span(range_in(&self.text, printed), input)
    }

    /// The original span of cleaned bytes `range` (trimmed of ASCII spaces).
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        let (a, b) = self.trimmed(range);
        if a >= b {
            let p = if a < self.len() { self.starts[a] } else { self.ends.last().copied().unwrap_or(0) } as usize;
            return Span::new(p, p);
        }
        Span::new(self.starts[a] as usize, self.ends[b - 1] as usize)
    }
}

/// Appends the cleaned form of one token of `input` (see [`crate::lex`]):
/// padding and indents vanish, a gap becomes one space, folded tokens are
/// written in ASCII. `prev` is the last char written on this line.
pub(crate) fn push_token(input: &str, tok: &Token, prev: &mut Option<char>, out: &mut Mapped) {
    match tok.kind {
        Kind::Space(Trivia::Gap) => out.push(' ', tok.range.start, tok.range.end),
        Kind::Space(_) | Kind::Newline | Kind::PageBreak => {}
        _ => {
            for (i, printed) in input[tok.range.clone()].char_indices() {
                let at = tok.range.start + i;
                let c = if tok.folded { fold(printed, *prev) } else { printed };
                out.push(c, at, at + printed.len_utf8());
                *prev = Some(c);
            }
        }
    }
}

/// Cleans `input[start..end]` (one physical line) onto `out`.
#[cfg(test)]
pub(crate) fn clean_into(input: &str, start: usize, end: usize, out: &mut Mapped) {
    let mut prev = None;
    for mut tok in crate::lex::lex(&input[start..end]) {
        tok.range = tok.range.start + start..tok.range.end + start;
        push_token(input, &tok, &mut prev, out);
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

/// A text without its bracketed groups (nested brackets included),
/// remembering where each byte came from.
pub(crate) struct Outside<'a> {
    pub text: String,
    source: &'a str,
    /// `at[i]`: the byte of `source` that byte `i` of `text` was copied from.
    at: Vec<usize>,
}

impl<'a> Outside<'a> {
    pub fn new(source: &'a str) -> Outside<'a> {
        let mut text = String::with_capacity(source.len());
        let mut at = Vec::with_capacity(source.len());
        let mut depth = 0;
        for (i, ch) in source.char_indices() {
            match ch {
                '（' | '(' => depth += 1,
                '）' | ')' if depth > 0 => depth -= 1,
                _ if depth == 0 => {
                    text.push(ch);
                    at.extend(i..i + ch.len_utf8());
                }
                _ => {}
            }
        }
        Outside { text, source, at }
    }

    /// The slice of the source that `sub` (a slice of `text`) was read
    /// from: the hull, brackets inside it included.
    pub fn source_of(&self, sub: &str) -> &'a str {
        let r = range_in(&self.text, sub);
        let end = &self.source[self.source.len()..];
        match (self.at.get(r.start), r.end.checked_sub(1).and_then(|e| self.at.get(e))) {
            (Some(&a), Some(&b)) if a <= b => self.source.get(a..b + 1).unwrap_or(end),
            _ => end,
        }
    }
}

/// A value and the slice of the cleaned text it was read from: the slice is
/// its position ([`range_in`]), carried through splitting and trimming.
/// `text` may be normalised (two pieces joined with 、, a mark stripped);
/// `src` is then the hull of what is printed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Val<'a> {
    pub text: String,
    pub src: &'a str,
}

impl<'a> Val<'a> {
    pub fn new(src: &'a str) -> Val<'a> {
        Val { text: src.to_string(), src }
    }

    /// `part`, a slice of this value's text, with its own printed slice
    /// when the text is as printed, else with this value's.
    pub fn cut(&self, part: &str) -> Val<'a> {
        let src = if self.text == self.src { self.src.get(range_in(&self.text, part)).unwrap_or(self.src) } else { self.src };
        Val { text: part.to_string(), src }
    }
}

/// Where `sub` lies in `base`, when `sub` is a slice of `base` (cut, split
/// or trimmed from it): how a value carries its position through the
/// string functions (std's unstable `str::substr_range`). Not a search: a
/// string that is not a slice of `base` is a bug, and gives an empty range
/// at the end of `base`.
pub(crate) fn range_in(base: &str, sub: &str) -> std::ops::Range<usize> {
    let (b, s) = (base.as_ptr() as usize, sub.as_ptr() as usize);
    if s >= b && s + sub.len() <= b + base.len() {
        s - b..s - b + sub.len()
    } else {
        debug_assert!(false, "{sub:?} is not a slice of {base:?}");
        base.len()..base.len()
    }
}

/// The smallest slice of `base` holding both slices `a` and `b`.
pub(crate) fn hull<'a>(base: &'a str, a: &str, b: &str) -> &'a str {
    let (x, y) = (range_in(base, a), range_in(base, b));
    base.get(x.start.min(y.start)..x.end.max(y.end)).unwrap_or(&base[base.len()..])
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
    fn trims_leading_and_trailing_space() {
        assert_eq!(clean_str("  国务院   ").text, "国务院");
    }
}
