//! Stage 9 (extractor): 组成人员 of a 领导小组, 委员会, 联席会议 or 指挥部 the
//! document sets up or adjusts.
//!
//! A list opens with a head label (`组长：`, `召集人：`, `总指挥：`, `主任：`)
//! and goes on through other role labels (`副组长：`, `成员：` …, all in
//! `vocab/people.toml`) until a sentence ends the list. Each label is
//! followed by entries — `NAME（POST）`, `NAME POST` (a column gap), a bare
//! name, or a post alone — separated by 、，； or gaps, or printed one per
//! line (each its own paragraph). The group is read from the title
//! (`关于成立某某工作领导小组的通知`).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Change, Member, PersonSpans};
use crate::paras::Para;
use crate::text::{char_len, is_han, split_outside_brackets};
use crate::vocab::{alternation, vocab};

/// The group a title sets up or adjusts (`…关于成立X领导小组的通知` → X领导小组).
fn group_of(title: &str) -> Option<String> {
    let v = vocab();
    let nouns = v.list("members", "groups");
    let end = nouns.iter().filter_map(|n| title.rfind(n.as_str()).map(|i| i + n.len())).max()?;
    let head = &title[..end];
    let start = ["成立", "建立", "设立", "调整", "关于"].iter().filter_map(|w| head.rfind(w).map(|i| i + w.len())).max().unwrap_or(0);
    let g = &head[start..];
    let g = g.strip_suffix("组成人员").unwrap_or(g);
    (char_len(g) >= 4).then(|| g.to_string())
}

/// Is `s` a person's name: 2–4 Han chars (a middle dot allowed), not a
/// body's name?
fn is_name(s: &str) -> bool {
    let n = char_len(s);
    let shaped = (2..=4).contains(&n) && s.chars().all(is_han) || (s.contains('·') && n <= 16 && s.chars().all(|c| is_han(c) || c == '·'));
    // Not a body (`复旦大学`; a one-char noun such as 军 ends many names),
    // a post (`厅长`) or a group (`督查二组`).
    let body = vocab().body_suffixes.suffix_of(s).is_some_and(|h| char_len(h.word) >= 2);
    shaped && !body && !is_post(s) && !s.contains('组')
}

/// Does a post end like a title of office (`…局长`, `…主任`)?
fn is_post(s: &str) -> bool {
    char_len(s) <= 40 && vocab().list("posts", "title_ends").iter().any(|w| s.ends_with(w.as_str()))
}

/// Entries of one printed line's list: `(person, position)` slices.
fn entries(line: &str) -> Vec<(Option<&str>, &str)> {
    let line = line.trim().trim_end_matches(['。', '；', '，', '、']);
    let mut out = Vec::new();
    if line.contains(['（', '(']) {
        // `A（甲）、B（乙）` or `A（甲） B（乙）` or `A（甲）B（乙）`.
        let mut from = 0;
        let mut depth = 0;
        for (i, c) in line.char_indices() {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => {
                    depth -= 1;
                    if depth == 0 {
                        let e = line[from..i + c.len_utf8()].trim_matches(['、', '，', '；', ' ']);
                        let open = e.find(['（', '(']).unwrap_or(0);
                        let open_len = e[open..].chars().next().map_or(0, char::len_utf8);
                        let (name, post) = (e[..open].trim(), e.get(open + open_len..e.len() - c.len_utf8()).unwrap_or(""));
                        // Anything else (`办公室设在…，由X（…）担任`) ends the list.
                        // (A name padded by a column gap: `刘 才`.)
                        let squeezed: String = name.chars().filter(|c| *c != ' ').collect();
                        if !is_name(&squeezed) || char_len(name) > 5 {
                            return out;
                        }
                        out.push((Some(name), post));
                        from = i + c.len_utf8();
                    }
                }
                _ => {}
            }
        }
        return out;
    }
    // `NAME POST` across a column gap (a padded name `刘 伟` joined first).
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() >= 2 {
        let (name, post_at) = if words.len() >= 3 && char_len(words[0]) == 1 && char_len(words[1]) == 1 {
            (&line[..line.find(words[1]).map_or(0, |i| i + words[1].len())], 2)
        } else {
            (words[0], 1)
        };
        let post_start = line.find(words[post_at.min(words.len() - 1)]).unwrap_or(line.len());
        let n: String = name.chars().filter(|c| *c != ' ').collect();
        if is_name(&n) && post_at < words.len() {
            return vec![(Some(name), line[post_start..].trim())];
        }
    }
    // Names or posts, listed.
    for part in split_outside_brackets(line, &['、', '，', '；', ',']) {
        let part = part.trim();
        if is_name(part) {
            out.push((Some(part), ""));
        } else if let Some((name, post)) = crate::people::split_name_post(part).filter(|(n, _)| is_name(n)) {
            // `张三省某厅厅长`: a name printed before its post.
            out.push((Some(name), post));
        } else if is_post(part) {
            out.push((None, part));
        }
    }
    out
}

/// The members listed in a document's paragraphs.
pub(crate) fn members(input: &str, title: &str, paras: &[Para]) -> Vec<Member> {
    static ANY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        let v = vocab();
        let roles = [v.list("members", "heads"), v.list("members", "roles")].concat();
        Regex::new(&format!(r"(?:{}) ?[:：]", alternation(&roles, true))).expect("member roles compile")
    });
    let v = vocab();
    let heads = v.list("members", "heads");
    let group = group_of(title);
    let mut out = Vec::new();
    // The role whose entries are being read, once a head label opened the list.
    let mut role: Option<String> = None;
    for p in paras {
        let t = p.text.text.as_str();
        // Printed lines, then the pieces between role labels.
        let mut bounds: Vec<usize> = p.line_starts.iter().copied().filter(|&b| b < t.len()).collect();
        bounds.push(t.len());
        for w in bounds.windows(2) {
            let line = &t[w[0]..w[1]];
            let labels: Vec<regex::Match> = ANY_LABEL.find_iter(line).collect();
            let mut pieces: Vec<(Option<String>, &str)> = Vec::new();
            let first = labels.first().map_or(line.len(), |m| m.start());
            pieces.push((None, &line[..first]));
            for (k, m) in labels.iter().enumerate() {
                let end = labels.get(k + 1).map_or(line.len(), |n| n.start());
                let label: String = m.as_str().chars().filter(|c| !matches!(c, ' ' | ':' | '：')).collect();
                pieces.push((Some(label), &line[m.end()..end]));
            }
            for (label, piece) in pieces {
                if let Some(l) = label {
                    if role.is_some() || heads.contains(&l) {
                        role = Some(l);
                    }
                }
                let Some(r) = role.clone() else { continue };
                // A sentence ends the list (`办公室设在…`, `X同志兼任…`).
                let list = piece.split('。').next().unwrap_or("");
                let brackets = list.contains(['（', '(']);
                let ends = piece.contains('。') || (!brackets && ["同志", "兼任", "设在", "负责"].iter().any(|w| list.contains(w)));
                if !ends || brackets {
                    for (person, position) in entries(list) {
                        let at = |x: &str| p.text.slice_span(x, input);
                        let whole = person.map_or(position, |n| if position.is_empty() { n } else { &list[crate::text::range_in(list, n).start..crate::text::range_in(list, position).end] });
                        out.push(Member {
                            group: group.clone(),
                            role: r.clone(),
                            person: person.map(|n| n.chars().filter(|c| *c != ' ').collect()),
                            position: position.to_string(),
                            change: None,
                            span: at(whole),
                            spans: PersonSpans { person: person.map(at), position: (!position.is_empty()).then(|| at(position)) },
                        });
                    }
                } else {
                    role = None;
                }
            }
        }
    }
    changes(input, group.as_ref(), paras, &mut out);
    out
}

/// The role word a phrase ends with (`领导小组成员` → 成员), longest first.
fn role_at_end(phrase: &str) -> Option<&'static str> {
    let v = vocab();
    v.list("members", "heads").iter().chain(v.list("members", "roles")).filter(|r| phrase.ends_with(r.as_str())).max_by_key(|r| r.len()).map(String::as_str)
}

/// Sentences that add to a list or change it: `X同志兼任办公室主任`,
/// `办公室主任由X同志兼任` (a role of X's), `X同志不再担任…成员` (leaves),
/// `增补X（职务）为…成员` (joins).
fn changes(input: &str, group: Option<&String>, paras: &[Para], out: &mut Vec<Member>) {
    static SENTENCES: LazyLock<[Regex; 4]> = LazyLock::new(|| {
        [
            // (No counted repetitions: they compile to large automata. The
            // name is the last 8 characters at most, see `tail8`.)
            r"([\p{Han}·]+)同志兼任([^，。；]+)$",
            r"([^，。；]+?)由([^，。；]+?)(?:同志)?兼任$",
            r"([\p{Han}·]+?)(?:同志)?不再担任([^，。；]+?)(?:职务)?$",
            r"增补(.+?)(?:同志)?为([^，。；]+)$",
        ]
        .map(|p| Regex::new(p).expect("member changes compile"))
    });
    let v = vocab();
    let (nouns, breakers) = (v.list("members", "groups"), v.list("members", "not_in_entries"));
    for p in paras {
        let t = p.text.text.as_str();
        // `成立某某领导小组，副省长A任组长，B、C任副组长，D、E为成员。`:
        // a list in prose, where the paragraph or the title names a group.
        let grouped = group.is_some() || nouns.iter().any(|n| t.contains(n.as_str()));
        for sentence in t.split(['。', '；', '，', ';']) {
            let sentence = sentence.trim();
            let at = |x: &str| p.text.slice_span(x, input);
            if grouped {
                if let Some((role, list, entries)) = prose_list(sentence, breakers) {
                    for (position, person) in entries {
                        out.push(Member {
                            group: group.cloned(),
                            role: role.to_string(),
                            person: Some(person.to_string()),
                            position: position.to_string(),
                            change: None,
                            // (An entry without a post is its name alone.)
                            span: at(if position.is_empty() { person } else { crate::text::hull(list, position, person) }),
                            spans: PersonSpans { person: Some(at(person)), position: (!position.is_empty()).then(|| at(position)) },
                        });
                    }
                    continue;
                }
            }
            let mut push = |person: &str, role: &'static str, position: Option<&str>, change: Option<Change>| {
                if !is_name(person) {
                    return;
                }
                // A role of a member already listed keeps that member's post.
                let known = out.iter().find(|m| m.person.as_deref() == Some(person)).filter(|_| change.is_none()).map(|m| (m.position.clone(), m.spans.position.clone()));
                let (position, pos_span) = match (position, known) {
                    (Some(p), _) => (p.to_string(), position_span(sentence, p).map(&at)),
                    (None, Some((p, span))) => (p, span),
                    (None, None) => (String::new(), None),
                };
                out.push(Member {
                    group: group.cloned(),
                    role: role.to_string(),
                    person: Some(person.to_string()),
                    position,
                    change,
                    span: at(sentence),
                    spans: PersonSpans { person: Some(at(person)), position: pos_span },
                });
            };
            // Each pattern needs its literal (a cheap test before them).
            if !(sentence.contains("兼任") || sentence.contains("不再担任") || sentence.contains("增补")) {
                continue;
            }
            if let Some(c) = SENTENCES[0].captures(sentence) {
                if let (Some(role), Some(who)) = (role_at_end(&c[2]), c.get(1)) {
                    push(tail8(who.as_str()), role, None, None);
                }
            } else if let Some(c) = SENTENCES[1].captures(sentence) {
                if let (Some(role), Some((position, person))) = (role_at_end(&c[1]), entry_of(&c[2])) {
                    push(person, role, Some(position).filter(|p| !p.is_empty()), None);
                }
            } else if let Some(c) = SENTENCES[2].captures(sentence) {
                // `不再担任某某委员会委员和办公室副主任职务`: a leave per role.
                for part in c[2].split(['和', '、']).filter(|_| char_len(&c[2]) <= 30) {
                    if let (Some(role), Some(who)) = (role_at_end(part), c.get(1)) {
                        push(tail8(who.as_str()), role, None, Some(Change::Leave));
                    }
                }
            } else if let Some(c) = SENTENCES[3].captures(sentence) {
                // `增补A（职务）、POST B和POST C同志为…委员`: a join per entry.
                if let Some(role) = role_at_end(&c[2]).filter(|_| char_len(&c[1]) <= 120 && char_len(&c[2]) <= 30) {
                    for (position, person) in split_outside_brackets(&c[1], &['、', '和']).into_iter().filter_map(entry_of) {
                        push(person, role, Some(position).filter(|p| !p.is_empty()), Some(Change::Join));
                    }
                }
            }
        }
    }
}

/// A role, the list that holds it and the list's `(position, person)` entries.
type ProseList<'a> = (&'static str, &'a str, Vec<(&'a str, &'a str)>);

/// `POST NAME、POST NAME任ROLE`, `NAME、NAME为ROLE`: the role, the list and
/// its entries `(position, person)` — every entry must read as one, and
/// none may hold a word of a clause (`vocab/people.toml`), or the sentence
/// is not a list (`根据工作需要设主任委员和副主任委员`).
fn prose_list<'a>(sentence: &'a str, breakers: &[String]) -> Option<ProseList<'a>> {
    let (at, len) = ["担任", "任", "为"].iter().filter_map(|v| sentence.rfind(v).map(|i| (i, v.len()))).max()?;
    let (list, role_part) = (&sentence[..at], &sentence[at + len..]);
    let role = role_at_end(role_part).filter(|r| char_len(role_part) <= char_len(r) + 6)?;
    let entries: Option<Vec<(&str, &str)>> = split_outside_brackets(list, &['、'])
        .into_iter()
        .map(|e| if breakers.iter().any(|w| e.contains(w.as_str())) { None } else { entry_of(e) })
        .collect();
    entries.filter(|e| !e.is_empty()).map(|e| (role, list, e))
}

/// One entry of a list in prose: `省国土资源厅厅长周明` (the post first),
/// `周明（省国土资源厅厅长）`, or a name: `(position, person)`.
fn entry_of(entry: &str) -> Option<(&str, &str)> {
    let entry = entry.trim().trim_end_matches("同志");
    if char_len(entry) > 30 {
        return None;
    }
    if let Some(inner) = entry.strip_suffix(['）', ')']) {
        let i = inner.find(['（', '('])?;
        let name = inner[..i].trim_end_matches("同志");
        let post = &inner[i + inner[i..].chars().next().map_or(1, char::len_utf8)..];
        return is_name(name).then_some((post, name));
    }
    let split = (2..=4).rev().find_map(|n| {
        let cut = entry.char_indices().rev().nth(n - 1)?.0;
        let (post, name) = entry.split_at(cut);
        (is_name(name) && is_post(post)).then_some((post, name))
    });
    split.or_else(|| is_name(entry).then_some(("", entry)))
}

/// The last 8 characters of `s` at most: the name before 同志 in a run of
/// Han text.
fn tail8(s: &str) -> &str {
    s.char_indices().rev().nth(7).map_or(s, |(i, _)| &s[i..])
}

/// Where `position` is printed in `sentence`, when it is.
fn position_span<'a>(sentence: &'a str, position: &str) -> Option<&'a str> {
    (!position.is_empty()).then(|| sentence.find(position).map(|i| &sentence[i..i + position.len()])).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::clean_into;

    fn read(title: &str, lines: &[&str]) -> Vec<(String, Option<String>, String)> {
        let input = lines.join("\n");
        let mut at = 0;
        let paras: Vec<Para> = lines
            .iter()
            .map(|l| {
                let mut m = crate::text::Mapped::default();
                clean_into(&input, at, at + l.len(), &mut m);
                at += l.len() + 1;
                Para { text: m, line_starts: vec![0], ..Para::default() }
            })
            .collect();
        let got = members(&input, title, &paras);
        for m in &got {
            // Every span points at the printed value.
            let person = m.spans.person.as_ref().map(|s| input[s.start..s.end].replace([' ', '\u{3000}'], ""));
            assert_eq!(person, m.person);
        }
        got.into_iter().map(|m| (m.role, m.person, m.position)).collect()
    }

    fn row(r: &str, p: Option<&str>, pos: &str) -> (String, Option<String>, String) {
        (r.into(), p.map(str::to_string), pos.into())
    }

    #[test]
    fn a_group_with_heads_deputies_and_members() {
        let got = read(
            "某县人民政府办公室关于成立某县某某工作领导小组的通知",
            &["组 长：张三（县长）", "副组长：李四（副县长）　王五（县政府办主任）", "成 员：赵六（县财政局局长）、钱七（县教育局局长）", "领导小组办公室设在县政府办。"],
        );
        assert_eq!(
            got,
            [
                row("组长", Some("张三"), "县长"),
                row("副组长", Some("李四"), "副县长"),
                row("副组长", Some("王五"), "县政府办主任"),
                row("成员", Some("赵六"), "县财政局局长"),
                row("成员", Some("钱七"), "县教育局局长"),
            ]
        );
        assert_eq!(group_of("某县人民政府办公室关于成立某县某某工作领导小组的通知").as_deref(), Some("某县某某工作领导小组"));
    }

    #[test]
    fn entries_one_per_line_columns_and_posts_alone() {
        let got = read("关于调整某某联席会议组成人员的通知", &["召集人：张三　市长", "成　员：", "李四　市财政局局长", "市教育局局长"]);
        assert_eq!(got, [row("召集人", Some("张三"), "市长"), row("成员", Some("李四"), "市财政局局长"), row("成员", None, "市教育局局长")]);
        assert_eq!(read("关于成立某某领导小组的通知", &["组长：张三省某某厅厅长"]), [row("组长", Some("张三"), "省某某厅厅长")]);
        assert_eq!(
            read("关于成立某某领导小组的通知", &["组长：张三（县长）　　成员：李四（某局局长）　　王　五（某委主任）　　办公室设在某局。"]),
            [row("组长", Some("张三"), "县长"), row("成员", Some("李四"), "某局局长"), row("成员", Some("王五"), "某委主任")]
        );
        // Brackets of two widths around one post.
        assert_eq!(read("关于成立某某领导小组的通知", &["组长：张三（某局)"]), [row("组长", Some("张三"), "某局")]);
    }

    #[test]
    fn a_label_without_a_head_opens_no_list() {
        assert!(read("关于某事的通知", &["成员：张三（某局）", "联系人：李四"]).is_empty());
    }
}
