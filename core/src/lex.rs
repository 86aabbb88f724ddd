//! Stage 1: the lexer. One pass over the original `&str` yields tokens
//! `{kind, range}`; nothing is copied. Runs of one class are one token
//! (a run of Han, of digits, of Chinese numerals, of Latin letters); every
//! punctuation mark and bracket is its own token with its class or kind.
//!
//! Whitespace is trivia, classified where it stands:
//!
//! * [`Trivia::Indent`] opens a line, [`Trivia::Trailing`] closes one;
//! * [`Trivia::Padding`] is a thin run (ASCII space or NBSP, at most two)
//!   next to CJK text or punctuation: what PDF extraction puts inside names
//!   and numbers (`王 利`, `〔2023〕 2号`, `2023 年`);
//! * [`Trivia::Gap`] is any other run: a column separator (U+3000, a tab, a
//!   long run) or a space between Latin words.
//!
//! Full-width digits and letters are one token with `folded` set: the
//! cleaned text writes them in ASCII (`２０２３` → `2023`), as it writes
//! `．` after a digit as `.`, `％` as `%` and `／` as `/`.
//!
//! The lexer never fails: every char of the input is in exactly one token,
//! and the tokens cover the input in order.

use std::ops::Range;


/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// CJK ideographs that are not numerals.
    Han,
    /// Chinese numerals: 〇一二三四五六七八九十百千零○.
    Numeral,
    /// Digits, ASCII or full-width (then `folded`).
    Digits,
    /// Latin letters, ASCII or full-width (then `folded`).
    Latin,
    /// An opening bracket of a kind.
    Open(Bracket),
    /// A closing bracket of a kind.
    Close(Bracket),
    /// Punctuation of a class.
    Punct(Punct),
    /// Whitespace inside a line.
    Space(Trivia),
    /// A line break (`\n`; a `\r` before it is trailing trivia).
    Newline,
    /// A form feed: the page break `pdftotext` writes.
    PageBreak,
    /// Any other char.
    Other,
}

/// Bracket kinds: （） ()  〔〕  [] ［］  【】  《》 〈〉.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bracket {
    Round,
    Tortoise,
    Square,
    Lenticular,
    Title,
}

/// Punctuation classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Punct {
    /// 。！？!? — ends a sentence.
    Stop,
    /// ，,、 — separates list items.
    Comma,
    /// ：: — introduces a value.
    Colon,
    /// ；; — separates clauses.
    Semicolon,
    /// .．·… and other marks.
    Mark,
}

/// Whitespace, by where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trivia {
    /// At the start of a line; `one_space` when it is a single ASCII space
    /// (the trace PDF extraction leaves at a page's first line).
    Indent { one_space: bool },
    /// At the end of a line.
    Trailing,
    /// Thin padding next to CJK text: dropped by cleaning.
    Padding,
    /// A column gap or a word space: one space in cleaned text.
    Gap,
}

/// A token: its kind and its byte range in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub range: Range<usize>,
    /// Written in ASCII by cleaning (full-width digits, letters, `．％／`).
    pub folded: bool,
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

/// Whitespace that is trivia (`\n` and form feed are tokens of their own).
pub(crate) fn is_space(c: char) -> bool {
    c != '\n' && c != '\u{c}' && (c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}'))
}

fn is_numeral(c: char) -> bool {
    matches!(c, '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

fn is_full_width(c: char) -> bool {
    ('\u{FF01}'..='\u{FF5E}').contains(&c)
}

/// The kind of a single non-space char.
fn kind_of(c: char) -> Kind {
    match c {
        '\n' => Kind::Newline,
        '\u{c}' => Kind::PageBreak,
        _ if is_digit(c) => Kind::Digits,
        _ if is_latin(c) => Kind::Latin,
        _ if is_numeral(c) => Kind::Numeral,
        _ if is_han(c) => Kind::Han,
        '（' | '(' => Kind::Open(Bracket::Round),
        '）' | ')' => Kind::Close(Bracket::Round),
        '〔' => Kind::Open(Bracket::Tortoise),
        '〕' => Kind::Close(Bracket::Tortoise),
        '[' | '［' => Kind::Open(Bracket::Square),
        ']' | '］' => Kind::Close(Bracket::Square),
        '【' => Kind::Open(Bracket::Lenticular),
        '】' => Kind::Close(Bracket::Lenticular),
        '《' | '〈' => Kind::Open(Bracket::Title),
        '》' | '〉' => Kind::Close(Bracket::Title),
        '。' | '！' | '？' | '!' | '?' => Kind::Punct(Punct::Stop),
        '，' | ',' | '、' => Kind::Punct(Punct::Comma),
        '：' | ':' => Kind::Punct(Punct::Colon),
        '；' | ';' => Kind::Punct(Punct::Semicolon),
        '.' | '．' | '·' | '…' | '—' | '-' | '－' | '“' | '”' | '‘' | '’' | '"' | '\'' | '％' | '%' | '／' | '/' => {
            Kind::Punct(Punct::Mark)
        }
        _ => Kind::Other,
    }
}

/// Kinds whose consecutive chars form one token.
fn runs(k: Kind) -> bool {
    matches!(k, Kind::Han | Kind::Numeral | Kind::Digits | Kind::Latin)
}

/// The lexer: an iterator of tokens over `text`.
pub(crate) struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    /// The last char of the current line that was not trivia, as cleaning
    /// writes it.
    prev: Option<char>,
}

/// Tokens of `text`, in order, covering it.
pub(crate) fn lex(text: &str) -> Lexer<'_> {
    Lexer { text, pos: 0, prev: None }
}

/// How cleaning writes `c` after `prev` (already written).
pub(crate) fn fold(c: char, prev: Option<char>) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '．' if prev.is_some_and(|p| p.is_ascii_digit()) => '.',
        '％' => '%',
        '／' => '/',
        _ => c,
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = &self.text[self.pos..];
        let c = rest.chars().next()?;
        let start = self.pos;
        if is_space(c) {
            let mut n = 0;
            let mut thin = true;
            let mut end = start;
            for ch in rest.chars().take_while(|&ch| is_space(ch)) {
                n += 1;
                thin &= matches!(ch, ' ' | '\u{A0}' | '\r');
                end += ch.len_utf8();
            }
            self.pos = end;
            let next = self.text[end..].chars().next();
            let trivia = if next.map_or(true, |ch| ch == '\n' || ch == '\u{c}') {
                Trivia::Trailing
            } else if self.prev.is_none() {
                let run = &self.text[start..end];
                Trivia::Indent { one_space: run.starts_with(' ') && !run[1..].starts_with([' ', '\t', '\u{3000}']) }
            } else {
                let next = next.map(|ch| fold(ch, self.prev)).unwrap_or(' ');
                if thin && n <= 2 && (self.prev.is_some_and(is_wide) || is_wide(next)) {
                    Trivia::Padding
                } else {
                    Trivia::Gap
                }
            };
            return Some(Token { kind: Kind::Space(trivia), range: start..end, folded: false });
        }
        let kind = kind_of(c);
        let mut end = start + c.len_utf8();
        let wide = is_full_width(c);
        if runs(kind) {
            for ch in rest[c.len_utf8()..].chars() {
                if kind_of(ch) != kind || is_full_width(ch) != wide {
                    break;
                }
                end += ch.len_utf8();
            }
        }
        self.pos = end;
        let folded = match kind {
            Kind::Digits | Kind::Latin => wide,
            Kind::Punct(_) => fold(c, self.prev) != c,
            _ => false,
        };
        self.prev = match kind {
            Kind::Newline | Kind::PageBreak => None,
            _ => self.text[start..end].chars().last().map(|l| if folded { fold(l, self.prev) } else { l }),
        };
        Some(Token { kind, range: start..end, folded })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(Kind, &str)> {
        lex(t).map(|k| (k.kind, &t[k.range])).collect()
    }

    #[test]
    fn runs_and_classes() {
        use Kind::*;
        assert_eq!(
            kinds("某发〔２０２３〕12号，第一条"),
            [
                (Han, "某发"),
                (Open(Bracket::Tortoise), "〔"),
                (Digits, "２０２３"),
                (Close(Bracket::Tortoise), "〕"),
                (Digits, "12"),
                (Han, "号"),
                (Punct(super::Punct::Comma), "，"),
                (Han, "第"),
                (Numeral, "一"),
                (Han, "条"),
            ]
        );
        let t = lex("２０２３").next().unwrap();
        assert!(t.folded);
    }

    #[test]
    fn trivia_by_position() {
        use Trivia::*;
        let spaces: Vec<(Trivia, &str)> = {
            let t = " 王 利\u{3000}某局  \n";
            lex(t).filter_map(|k| match k.kind { Kind::Space(s) => Some((s, &t[k.range])), _ => None }).collect()
        };
        assert_eq!(spaces, [(Indent { one_space: true }, " "), (Padding, " "), (Gap, "\u{3000}"), (Trailing, "  ")]);
        let t = "Windows XP";
        assert!(lex(t).any(|k| k.kind == Kind::Space(Gap)));
    }

    #[test]
    fn covers_the_input() {
        let t = "一、 A\r\n\u{c}（𠮷）…\u{FEFF}x";
        let toks: Vec<Token> = lex(t).collect();
        let mut at = 0;
        for k in &toks {
            assert_eq!(k.range.start, at);
            at = k.range.end;
        }
        assert_eq!(at, t.len());
        assert!(toks.iter().any(|k| k.kind == Kind::PageBreak));
    }
}
