//! The generic vocabulary, as data.
//!
//! Every word list the rules consult — 文种 endings, nouns that end the name
//! of a body, clause keys and role words, web-page labels, target units —
//! lives in a TOML file under `core/vocab/`, embedded with `include_str!`
//! and compiled once into Aho-Corasick automata (leftmost-longest), so one
//! scan of a line finds every keyword of a list and the longest one wins.
//! Suffix tests (`…局` ends a body, `…的通知` ends a title) run one anchored
//! search over the reversed tail of the string.
//!
//! The files hold generic words only: no name, unit or number of any corpus.
//! The format is the subset of TOML the files use (tables, `key = "value"`,
//! `key = ["a", "b"]`, comments), read by a nom grammar in [`toml`].

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

/// The vocabulary files, in the order they are merged.
pub(crate) const FILES: &[(&str, &str)] = &[
    ("kinds.toml", include_str!("../vocab/kinds.toml")),
    ("bodies.toml", include_str!("../vocab/bodies.toml")),
    ("clauses.toml", include_str!("../vocab/clauses.toml")),
    ("layout.toml", include_str!("../vocab/layout.toml")),
    ("targets.toml", include_str!("../vocab/targets.toml")),
    ("people.toml", include_str!("../vocab/people.toml")),
    ("tables.toml", include_str!("../vocab/tables.toml")),
];

/// A word list with a value per word, searchable in one pass.
pub(crate) struct WordSet {
    words: Vec<String>,
    values: Vec<String>,
    /// Leftmost-longest over the words.
    forward: AhoCorasick,
    /// Anchored, longest, over the reversed words: suffix tests.
    reverse: AhoCorasick,
    /// Longest word, in chars.
    max_chars: usize,
    /// The last char of every word, sorted: a cheap first test for suffixes.
    last_chars: Vec<char>,
}

/// One occurrence of a word of a [`WordSet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit<'v> {
    pub start: usize,
    pub end: usize,
    pub word: &'v str,
    pub value: &'v str,
}

impl WordSet {
    fn new(pairs: Vec<(String, String)>) -> WordSet {
        let (words, values): (Vec<String>, Vec<String>) = pairs.into_iter().unzip();
        let build = |pats: &[String]| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Both)
                .build(pats)
                .expect("a vocabulary list compiles")
        };
        let reversed: Vec<String> = words.iter().map(|w| w.chars().rev().collect()).collect();
        let max_chars = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let mut last_chars: Vec<char> = words.iter().filter_map(|w| w.chars().last()).collect();
        last_chars.sort_unstable();
        last_chars.dedup();
        WordSet { forward: build(&words), reverse: build(&reversed), words, values, max_chars, last_chars }
    }

    /// A set of plain words (each its own value), for a rule that scans
    /// for any of several lists at once.
    pub(crate) fn of_words(words: impl IntoIterator<Item = String>) -> WordSet {
        WordSet::new(words.into_iter().map(|w| (w.clone(), w)).collect())
    }

    fn hit(&self, pattern: usize, start: usize, end: usize) -> Hit<'_> {
        Hit { start, end, word: &self.words[pattern], value: &self.values[pattern] }
    }

    /// Non-overlapping occurrences, leftmost-longest.
    pub fn find_iter<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = Hit<'a>> + 'a {
        self.forward.find_iter(hay).map(move |m| self.hit(m.pattern().as_usize(), m.start(), m.end()))
    }

    /// The longest word's length in UTF-8 bytes (at most).
    pub fn max_bytes(&self) -> usize {
        self.max_chars * 4
    }

    /// Does `hay` contain any word?
    pub fn occurs_in(&self, hay: &str) -> bool {
        self.forward.is_match(hay)
    }

    /// The longest word `s` starts with.
    pub fn prefix_of(&self, s: &str) -> Option<Hit<'_>> {
        let m = self.forward.find(Input::new(s).anchored(Anchored::Yes))?;
        Some(self.hit(m.pattern().as_usize(), m.start(), m.end()))
    }

    /// The longest word `s` ends with (its range in `s`).
    pub fn suffix_of(&self, s: &str) -> Option<Hit<'_>> {
        // Most strings end in a char no word ends in.
        self.last_chars.binary_search(&s.chars().next_back()?).ok()?;
        // The reversed tail, on the stack: it runs at every char of a scan.
        let mut buf = [0u8; 64];
        let mut n = 0;
        for c in s.chars().rev().take(self.max_chars) {
            if n + c.len_utf8() > buf.len() {
                break;
            }
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        let tail = &buf[..n];
        let m = self.reverse.find(Input::new(tail).anchored(Anchored::Yes))?;
        let k = m.pattern().as_usize();
        Some(self.hit(k, s.len() - self.words[k].len(), s.len()))
    }

    /// The words, in file order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }
}

/// The compiled vocabulary.
pub(crate) struct Vocabulary {
    /// 文种 ending a title → the kind reported.
    pub document_kinds: WordSet,
    /// Types of enclosed texts → the kind reported.
    pub enclosed_kinds: WordSet,
    /// Nouns that end the name of a body.
    pub body_suffixes: WordSet,
    /// Titles that end an addressee who is a person.
    pub person_titles: WordSet,
    /// Running-text words that are not part of a 发文字号's agency.
    pub leading_words: WordSet,
    /// Words that open a document's body (根据, 为, 现将): a title run into
    /// its body ends before one.
    pub body_openers: WordSet,
    /// Words that make a `…：` line a sentence, not a list of addressees.
    pub sentence_words: WordSet,
    /// Clause keys (`责任单位`) → role (`official`, `lead`, `responsible`, `deadline`).
    pub clause_keys: WordSet,
    /// Role words closing a free unit list (`牵头`, `按职责分工负责`) → role.
    pub role_words: WordSet,
    /// The raw tables, for rules that compile their own patterns from words
    /// (layout labels, target units).
    tables: BTreeMap<String, BTreeMap<String, toml::Value>>,
}

/// A role a clause key or role word gives the names after or before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClauseRole {
    Official,
    Lead,
    Responsible,
    Deadline,
}

impl ClauseRole {
    pub fn of(value: &str) -> Option<ClauseRole> {
        Some(match value {
            "official" => ClauseRole::Official,
            "lead" => ClauseRole::Lead,
            "responsible" => ClauseRole::Responsible,
            "deadline" => ClauseRole::Deadline,
            _ => return None,
        })
    }
}

impl Vocabulary {
    /// Compiles the vocabulary from TOML sources, later files adding to
    /// earlier ones.
    pub fn from_sources<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Vocabulary, toml::Error> {
        let mut tables: BTreeMap<String, BTreeMap<String, toml::Value>> = BTreeMap::new();
        for (name, text) in sources {
            for (table, key, value) in toml::parse(name, text)? {
                let entry = tables.entry(table).or_default();
                match (entry.get_mut(&key), value) {
                    (Some(toml::Value::List(old)), toml::Value::List(new)) => old.extend(new),
                    (_, value) => {
                        entry.insert(key, value);
                    }
                }
            }
        }
        let map = |t: &str| -> Vec<(String, String)> {
            // A table of `word = "value"` pairs, in file order is lost by the
            // map; order does not matter: matching is longest-first.
            tables
                .get(t)
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| match v {
                            toml::Value::Str(s) => Some((k.clone(), s.clone())),
                            toml::Value::List(_) => None,
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let list = |t: &str, k: &str| -> Vec<(String, String)> {
            list_of(&tables, t, k).into_iter().map(|w| (w.clone(), w)).collect()
        };
        Ok(Vocabulary {
            document_kinds: WordSet::new(map("document_kinds")),
            enclosed_kinds: WordSet::new(map("enclosed_kinds")),
            body_suffixes: WordSet::new(list("bodies", "suffixes")),
            person_titles: WordSet::new(list("bodies", "person_titles")),
            leading_words: WordSet::new(list("doc_number", "leading_words")),
            sentence_words: WordSet::new(list("recipients", "sentence_words")),
            body_openers: WordSet::new(list("titles", "body_openers")),
            clause_keys: WordSet::new(map("keys")),
            role_words: WordSet::new(map("role_words")),
            tables,
        })
    }

    /// The clause keys that give `role`.
    pub fn keys_with(&self, role: ClauseRole) -> Vec<String> {
        self.clause_keys.words().zip(self.clause_keys.values.iter()).filter(|(_, v)| ClauseRole::of(v) == Some(role)).map(|(w, _)| w.to_string()).collect()
    }

    /// The list `key` of table `table` (empty when absent), borrowed: no
    /// copy on the paths that consult it per line.
    pub fn list(&self, table: &str, key: &str) -> &[String] {
        match self.tables.get(table).and_then(|m| m.get(key)) {
            Some(toml::Value::List(v)) => v,
            Some(toml::Value::Str(s)) => std::slice::from_ref(s),
            None => &[],
        }
    }
}

fn list_of(tables: &BTreeMap<String, BTreeMap<String, toml::Value>>, table: &str, key: &str) -> Vec<String> {
    match tables.get(table).and_then(|m| m.get(key)) {
        Some(toml::Value::List(v)) => v.clone(),
        Some(toml::Value::Str(s)) => vec![s.clone()],
        None => Vec::new(),
    }
}

/// The built-in vocabulary (`core/vocab/*.toml`).
pub(crate) fn vocab() -> &'static Vocabulary {
    static V: LazyLock<Vocabulary> =
        LazyLock::new(|| Vocabulary::from_sources(FILES.iter().copied()).expect("the built-in vocabulary parses"));
    &V
}

/// Alternation of `words`, longest first, each escaped; `spaced` lets one
/// space stand between the characters of a word (`标 题`).
pub(crate) fn alternation(words: &[String], spaced: bool) -> String {
    let mut w: Vec<&String> = words.iter().collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter()
        .map(|s| {
            if spaced {
                s.chars().map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join(" ?")
            } else {
                regex::escape(s)
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The TOML subset of the vocabulary files, as a nom grammar.
pub(crate) mod toml {
    use nom::branch::alt;
    use nom::bytes::complete::{is_not, take_while1};
    use nom::character::complete::{char, none_of, not_line_ending, space0};
    use nom::combinator::{map, opt, recognize, value};
    use nom::multi::{many0, separated_list0};
    use nom::sequence::{delimited, pair, preceded, terminated, tuple};
    use nom::IResult;

    /// A value: a string or a list of strings.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub(crate) enum Value {
        Str(String),
        List(Vec<String>),
    }

    /// A syntax error in a vocabulary file.
    #[derive(Debug, thiserror::Error, PartialEq, Eq)]
    #[error("{file}:{line}: {message}")]
    pub(crate) struct Error {
        pub file: String,
        pub line: usize,
        pub message: String,
    }

    /// Blank space, newlines and comments.
    fn filler(i: &str) -> IResult<&str, ()> {
        value((), many0(alt((value((), take_while1(|c: char| c.is_whitespace())), value((), pair(char('#'), not_line_ending))))))(i)
    }

    fn string(i: &str) -> IResult<&str, String> {
        let escaped = preceded(
            char('\\'),
            alt((value('"', char('"')), value('\\', char('\\')), value('\n', char('n')), value('\t', char('t')))),
        );
        delimited(char('"'), map(many0(alt((escaped, none_of("\"\\\n")))), |cs| cs.into_iter().collect()), char('"'))(i)
    }

    fn bare_key(i: &str) -> IResult<&str, String> {
        map(is_not(" \t\r\n=[]\"#,"), str::to_string)(i)
    }

    fn list(i: &str) -> IResult<&str, Vec<String>> {
        delimited(
            pair(char('['), filler),
            terminated(separated_list0(tuple((filler, char(','), filler)), string), pair(filler, opt(pair(char(','), filler)))),
            char(']'),
        )(i)
    }

    fn entry(i: &str) -> IResult<&str, (String, Value)> {
        let (i, key) = alt((string, bare_key))(i)?;
        let (i, _) = tuple((space0, char('='), space0))(i)?;
        let (i, v) = alt((map(string, Value::Str), map(list, Value::List)))(i)?;
        Ok((i, (key, v)))
    }

    fn header(i: &str) -> IResult<&str, String> {
        map(delimited(pair(char('['), space0), recognize(take_while1(|c: char| c.is_alphanumeric() || c == '_')), pair(space0, char(']'))), str::to_string)(
            i,
        )
    }

    /// `(table, key, value)` triples of a file, in order.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<(String, String, Value)>, Error> {
        let mut out = Vec::new();
        let mut table: Option<String> = None;
        let mut rest = text;
        loop {
            // `filler` never fails.
            rest = filler(rest).map(|(r, _)| r).unwrap_or(rest);
            if rest.is_empty() {
                return Ok(out);
            }
            let line = text[..text.len() - rest.len()].matches('\n').count() + 1;
            let fail = |message: &str| Error { file: file.to_string(), line, message: message.to_string() };
            if let Ok((r, name)) = header(rest) {
                table = Some(name);
                rest = r;
            } else if let Ok((r, (key, v))) = entry(rest) {
                let Some(t) = &table else { return Err(fail("a key before any [table]")) };
                out.push((t.clone(), key, v));
                rest = r;
            } else {
                return Err(fail("expected [table] or key = \"value\" / [\"list\"]"));
            }
            // Only a comment may follow on the same line.
            let (r, _) = space0::<&str, ()>(rest).unwrap_or((rest, ""));
            if !(r.is_empty() || r.starts_with(['\n', '\r', '#'])) {
                return Err(fail("unexpected text after the value"));
            }
            rest = r;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_parse_and_hold_generic_words() {
        let v = vocab();
        assert_eq!(v.document_kinds.suffix_of("某某局关于某事的复函").map(|h| h.value), Some("函"));
        assert_eq!(v.document_kinds.suffix_of("某某局关于某事的通知").map(|h| (h.word, h.start)), Some(("通知", 24)));
        assert_eq!(v.enclosed_kinds.suffix_of("某某实施方案").map(|h| h.value), Some("方案"));
        assert!(v.body_suffixes.suffix_of("某某县某某局").is_some());
        assert!(v.body_suffixes.suffix_of("某某").is_none());
        assert_eq!(v.clause_keys.find_iter("牵头县领导：张三；责任单位：某局").next().map(|h| h.value), Some("official"));
        assert_eq!(v.role_words.find_iter("某局按职责分工负责").next().map(|h| h.word), Some("按职责分工负责"));
        assert_eq!(v.leading_words.prefix_of("根据某发").map(|h| h.word), Some("根据"));
        assert!(v.list("metadata", "labels").contains(&"发文字号".to_string()));
    }

    #[test]
    fn the_grammar_reads_the_subset_and_says_where_it_fails() {
        let text = "# c\n[t]\na = \"x\" # note\n\"b c\" = [\"1\", \"2\",\n  # inside\n  \"3\",\n]\n";
        let got = toml::parse("f", text).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], ("t".into(), "a".into(), toml::Value::Str("x".into())));
        assert_eq!(got[1].2, toml::Value::List(vec!["1".into(), "2".into(), "3".into()]));
        let err = toml::parse("f", "[t]\na = \"x\"\nb = 3\n").unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("f", 3));
        assert!(toml::parse("f", "a = \"x\"").is_err());
        assert!(toml::parse("f", "[t]\na = \"x\" b\n").is_err());
    }

    #[test]
    fn a_later_file_adds_to_a_list() {
        let v = Vocabulary::from_sources([("a", "[bodies]\nsuffixes = [\"局\"]\n"), ("b", "[bodies]\nsuffixes = [\"舍\"]\n")]).unwrap();
        assert!(v.body_suffixes.suffix_of("某某舍").is_some());
        assert!(v.body_suffixes.suffix_of("某某局").is_some());
    }
}
