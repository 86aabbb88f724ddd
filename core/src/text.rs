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

pub(crate) use crate::lex::is_han;
use crate::lex::{fold, is_space, Kind, Token, Trivia};
use crate::model::{Range, Span};

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
    /// The cleaned offsets in `r` with a gap before them ([`Mapped::gap_before`]),
    /// in order: one binary search, then a walk over the marks.
    pub fn gaps_in(&self, r: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let first = self.marks.partition_point(|m| (m.at as usize) < r.start);
        let len = self.len();
        self.marks[first..]
            .iter()
            .take_while(move |m| (m.at as usize) < r.end)
            .filter(move |m| m.right > m.left && m.at > 0 && (m.at as usize) < len)
            .map(|m| m.at as usize)
    }

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
    /// with `segments` also where the value crosses a line break of `input`
    /// (the original text; dropped furniture between the pieces lies in the gap).
    pub fn value_span(&self, range: std::ops::Range<usize>, input: &str) -> Span {
        self.pieces(range, |left, right| right > left && input.get(left..right).is_some_and(|gap| gap.contains('\n')))
    }

    /// The span of `printed`, a slice of this text (cut, trimmed or split
    /// from it: a value carries the slice it was read from).
    pub fn slice_span(&self, printed: &str, input: &str) -> Span {
        self.value_span(range_in(&self.text, printed), input)
    }

    /// The original span of cleaned bytes `range` (trimmed of ASCII spaces).
    /// Where the cleaned text steps back in the input (a title block that
    /// reading order put after the body), the span is the hull of its
    /// pieces, listed in `segments` in reading order: never start > end.
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        self.pieces(range, |_, _| false)
    }

    /// The span of cleaned bytes `range`, cut into segments at every step
    /// back in the input and wherever `cut(left, right)` says so (`left`
    /// ends a piece, `right` starts the next).
    fn pieces(&self, range: std::ops::Range<usize>, cut: impl Fn(usize, usize) -> bool) -> Span {
        let (a, b) = self.trimmed(range);
        if a >= b {
            let p = if a < self.len() { self.at(a).1 } else { self.end as usize };
            return Span::new(p, p);
        }
        let (start, end) = (self.at(a).1, self.at(b).0);
        let mut segments = Vec::new();
        let mut from = start;
        // Only a mark can stand for a step: look at the marks inside.
        let first = self.marks.partition_point(|m| m.at as usize <= a);
        for m in self.marks[first..].iter().take_while(|m| (m.at as usize) < b) {
            let (left, right) = (m.left as usize, m.right as usize);
            if right < left || cut(left, right) {
                if left > from {
                    segments.push(Range { start: from, end: left });
                }
                from = right;
            }
        }
        if segments.is_empty() {
            return Span::new(start.min(end), end.max(start));
        }
        if end > from {
            segments.push(Range { start: from, end });
        }
        let lo = segments.iter().map(|r| r.start).min().unwrap_or(start);
        let hi = segments.iter().map(|r| r.end).max().unwrap_or(end);
        if segments.len() == 1 {
            segments.clear();
        }
        Span { start: lo, end: hi, segments }
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

/// The text of `span` in `input` as printed, whitespace removed, when it
/// cleans to `cleaned` (the same text up to full-width folding); `None`
/// when the span holds anything else (furniture between its lines).
pub(crate) fn printed_form(input: &str, span: &Span, cleaned: &str) -> Option<String> {
    let printed: String = input.get(span.start..span.end)?.chars().filter(|c| !is_space(*c) && *c != '\n').collect();
    let mut prev = None;
    let folded: String = printed
        .chars()
        .map(|c| {
            let f = fold(c, prev);
            prev = Some(f);
            f
        })
        .collect();
    (folded == cleaned && printed != cleaned).then_some(printed)
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
