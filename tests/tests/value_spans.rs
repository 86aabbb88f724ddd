//! Spans of values: every value of every task, appointment, leader and
//! target of the gazette points at its own printed text, and hand-written
//! offsets on small constructed texts.

use gongwen::{parse, Options, Span};
use gongwen_corpus_tests::read_corpus;

const GAZETTE: &str = "xiangtan-county-gazette-2023.txt";

/// The text a span covers (its segments joined when it has them), without
/// whitespace.
fn printed(input: &str, s: &Span) -> String {
    let raw: String = if s.segments.is_empty() {
        input.get(s.start..s.end).unwrap_or("<bad span>").to_string()
    } else {
        assert!(s.segments.windows(2).all(|w| w[0].end <= w[1].start), "segments out of order: {s:?}");
        assert_eq!((s.segments[0].start, s.segments[s.segments.len() - 1].end), (s.start, s.end), "hull: {s:?}");
        s.segments.iter().map(|r| input.get(r.start..r.end).unwrap_or("<bad span>")).collect()
    };
    raw.chars().filter(|c| !c.is_whitespace()).collect()
}

fn squeeze(v: &str) -> String {
    v.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Mismatches between values and the text their spans cover.
#[derive(Default)]
struct Check {
    checked: usize,
    errors: Vec<String>,
}

impl Check {
    fn one(&mut self, input: &str, what: &str, value: &str, span: Option<&Span>) {
        self.checked += 1;
        match span {
            None => self.errors.push(format!("{what}: {value} has no span")),
            Some(s) if printed(input, s) != squeeze(value) => {
                self.errors.push(format!("{what}: {value} printed as {:?}", printed(input, s)));
            }
            Some(_) => {}
        }
    }

    fn list(&mut self, input: &str, what: &str, values: &[String], spans: &[Span]) {
        if values.len() != spans.len() {
            self.errors.push(format!("{what}: {} values, {} spans", values.len(), spans.len()));
            return;
        }
        for (v, s) in values.iter().zip(spans) {
            self.one(input, what, v, Some(s));
        }
    }
}

/// Checks every value of every record of `p` against its span; returns the
/// number of tasks, appointments, leaders and targets.
fn check_all(text: &str, p: &gongwen::Parse, c: &mut Check) -> (usize, usize, usize, usize) {
    let (mut tasks, mut acts, mut leaders, mut targets) = (0, 0, 0, 0);
    for (k, d) in p.documents.iter().enumerate() {
        for t in &d.tasks {
            tasks += 1;
            let what = format!("doc {k} task {:?} {}", t.path, t.number);
            c.one(text, &format!("{what} heading"), &t.heading, t.spans.heading.as_ref());
            c.list(text, &format!("{what} lead_officials"), &t.lead_officials, &t.spans.lead_officials);
            c.list(text, &format!("{what} lead_units"), &t.lead_units, &t.spans.lead_units);
            c.list(text, &format!("{what} responsible_units"), &t.responsible_units, &t.spans.responsible_units);
            assert_eq!(t.implied_units.len(), t.spans.implied_units.len(), "{what}");
            for (u, s) in t.implied_units.iter().zip(&t.spans.implied_units) {
                // The rule that implies the unit: `以下…均包含各乡镇，不再列出`.
                let rule = printed(text, s);
                assert!(rule.contains(u.as_str()) && rule.contains("不再"), "{what} implied {u}: {rule}");
            }
            match &t.deadline {
                Some(dl) => c.one(text, &format!("{what} deadline"), &dl.text, t.spans.deadline.as_ref()),
                None => assert!(t.spans.deadline.is_none(), "{what}"),
            }
        }
        for a in &d.appointments {
            acts += 1;
            let what = format!("doc {k} {:?} {}", a.action, a.person);
            c.one(text, &format!("{what} person"), &a.person, a.spans.person.as_ref());
            c.one(text, &format!("{what} position"), &a.position, a.spans.position.as_ref());
        }
        for a in &d.division {
            leaders += 1;
            let what = format!("doc {k} leader {}", a.person);
            c.one(text, &format!("{what} person"), &a.person, a.spans.person.as_ref());
            c.list(text, &format!("{what} titles"), &a.titles, &a.spans.titles);
            c.list(text, &format!("{what} supervises"), &a.supervises, &a.spans.supervises);
            c.list(text, &format!("{what} liaises"), &a.liaises, &a.spans.liaises);
        }
        for t in &d.targets {
            targets += 1;
            let what = format!("doc {k} target {}", t.indicator);
            c.one(text, &format!("{what} indicator"), &t.indicator, t.spans.indicator.as_ref());
            // (Full-width digits are folded: `３２` is 32.)
            let fold = |c: char| match c {
                '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '．' => '.',
                _ => c,
            };
            let number = t.spans.value.as_ref().map(|s| printed(text, s).chars().map(fold).collect::<String>());
            assert_eq!(number.and_then(|n| n.parse::<f64>().ok()), Some(t.value), "{what} value");
        }
        for m in &d.members {
            let what = format!("doc {k} member {} {:?}", m.role, m.person);
            match &m.person {
                Some(name) => c.one(text, &format!("{what} person"), name, m.spans.person.as_ref()),
                None => assert!(m.spans.person.is_none(), "{what}"),
            }
            if !m.position.is_empty() {
                c.one(text, &format!("{what} position"), &m.position, m.spans.position.as_ref());
            }
        }
    }
    (tasks, acts, leaders, targets)
}

#[test]
fn every_gazette_value_points_at_its_printed_text() {
    let text = read_corpus(GAZETTE);
    let p = parse(&text, &Options::default());
    let mut c = Check::default();
    let (tasks, acts, leaders, targets) = check_all(&text, &p, &mut c);
    assert_eq!((tasks, acts, leaders), (76, 75, 12));
    assert!(targets > 0);
    // `县林业局县、农业农村局`: the 县 slipped across the 、 and is repaired;
    // the unit's span is then its two pieces, without the 、.
    assert_eq!(c.errors, Vec::<String>::new(), "of {} values", c.checked);
    assert!(c.checked > 700);
}

/// Every UTF-8 file of the corpus, recursively.
fn corpus_texts(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            corpus_texts(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push((p.display().to_string(), t));
            }
        }
    }
}

#[test]
fn every_corpus_value_points_at_its_printed_text() {
    let mut files = Vec::new();
    corpus_texts(&gongwen_corpus_tests::corpus_dir(), &mut files);
    assert!(files.len() > 50);
    let mut c = Check::default();
    for (name, text) in &files {
        let before = c.errors.len();
        check_all(text, &parse(text, &Options::default()), &mut c);
        for e in &mut c.errors[before..] {
            *e = format!("{}: {e}", name.rsplit("corpus/").next().unwrap_or(name));
        }
    }
    // Values normalised from what is printed: full-width letters and digits
    // folded.
    let want = [
        r#"constructed/probe/16_fullwidth_xining.txt: doc 0 target 细颗粒物（PM2.5）平均浓度 indicator: 细颗粒物（PM2.5）平均浓度 printed as "细颗粒物（ＰＭ２.５）平均浓度""#,
    ];
    assert_eq!(c.errors, want, "of {} values", c.checked);
}

/// A small notice: the offsets of each value, read off the text by hand.
const NOTICE: &str = "某某县人民政府办公室关于做好某某工作的通知
各乡镇人民政府，县直机关各单位：
一、重点任务
（一）加强学习培训。组织全员培训。（牵头县领导：张三、李四；责任单位：县某某局、县某某委）
（二）完善工作机制。建立协调机制。（县某某局牵头，县直相关单位和各乡镇人民政府按职责分工负责）
（三）开展专项检查。（时限要求：6月底前；责任单位：县某某局）
某某县人民政府办公室
2023年3月1日
";

/// The byte range of the `n`th (from 0) occurrence of `s` in `text`.
fn at(text: &str, s: &str, n: usize) -> (usize, usize) {
    let i = text.match_indices(s).nth(n).map(|(i, _)| i).unwrap_or_else(|| panic!("no {s}"));
    (i, i + s.len())
}

fn range(s: &Span) -> (usize, usize) {
    assert!(s.segments.is_empty(), "{s:?}");
    (s.start, s.end)
}

#[test]
fn task_values_at_hand_written_offsets() {
    let p = parse(NOTICE, &Options::default());
    let tasks = &p.documents[0].tasks;
    assert_eq!(tasks.len(), 3);
    // Keyed clause.
    let t = &tasks[0];
    assert_eq!(t.lead_officials, ["张三", "李四"]);
    assert_eq!(t.spans.lead_officials.iter().map(range).collect::<Vec<_>>(), [at(NOTICE, "张三", 0), at(NOTICE, "李四", 0)]);
    assert_eq!(t.responsible_units, ["县某某局", "县某某委"]);
    assert_eq!(t.spans.responsible_units.iter().map(range).collect::<Vec<_>>(), [at(NOTICE, "县某某局", 0), at(NOTICE, "县某某委", 0)]);
    assert_eq!(t.heading, "加强学习培训");
    assert_eq!(t.spans.heading.as_ref().map(range), Some(at(NOTICE, "加强学习培训", 0)));
    assert!(t.spans.deadline.is_none() && t.spans.lead_units.is_empty());
    // Free clause: `A牵头，B和C按职责分工负责`.
    let t = &tasks[1];
    assert_eq!(t.lead_units, ["县某某局"]);
    assert_eq!(t.spans.lead_units.iter().map(range).collect::<Vec<_>>(), [at(NOTICE, "县某某局", 1)]);
    assert_eq!(t.responsible_units, ["县某某局", "县直相关单位", "各乡镇人民政府"]);
    let want = [at(NOTICE, "县某某局", 1), at(NOTICE, "县直相关单位", 0), at(NOTICE, "各乡镇人民政府", 1)];
    assert_eq!(t.spans.responsible_units.iter().map(range).collect::<Vec<_>>(), want);
    // A deadline.
    let t = &tasks[2];
    assert_eq!(t.deadline.as_ref().map(|d| d.text.as_str()), Some("6月底前"));
    assert_eq!(t.spans.deadline.as_ref().map(range), Some(at(NOTICE, "6月底前", 0)));
    assert_eq!(t.spans.responsible_units.iter().map(range).collect::<Vec<_>>(), [at(NOTICE, "县某某局", 2)]);
}

#[test]
fn a_unit_broken_across_lines_has_segments() {
    let text = "（一）加强学习。（责任单位：县某\n某局、县某某委）\n";
    let p = parse(text, &Options::default());
    let t = &p.documents[0].tasks[0];
    assert_eq!(t.responsible_units, ["县某某局", "县某某委"]);
    let s = &t.spans.responsible_units[0];
    let (a, b) = (at(text, "县某", 0), at(text, "某局", 0));
    assert_eq!((s.start, s.end), (a.0, b.1));
    let segments: Vec<(usize, usize)> = s.segments.iter().map(|r| (r.start, r.end)).collect();
    assert_eq!(segments, [a, b]);
}

#[test]
fn padded_names_are_printed_with_their_padding() {
    let text = "某某县人民政府关于张三等同志职务任免的通知
各乡镇人民政府：
经研究决定：
张 三同志任县某某局局长；
免去李　四同志的县某某委副主任职务。
某某县人民政府
2023年3月1日
";
    let p = parse(text, &Options::default());
    let a = &p.documents[0].appointments;
    assert_eq!(a.len(), 2);
    assert_eq!((a[0].person.as_str(), a[0].position.as_str()), ("张三", "县某某局局长"));
    assert_eq!(a[0].spans.person.as_ref().map(range), Some(at(text, "张 三", 0)));
    assert_eq!(a[0].spans.position.as_ref().map(range), Some(at(text, "县某某局局长", 0)));
    assert_eq!((a[1].person.as_str(), a[1].position.as_str()), ("李四", "县某某委副主任"));
    assert_eq!(a[1].spans.person.as_ref().map(range), Some(at(text, "李　四", 0)));
    assert_eq!(a[1].spans.position.as_ref().map(range), Some(at(text, "县某某委副主任", 0)));
}

#[test]
fn offsets_convert_to_utf16_and_code_points() {
    let mut p = parse(NOTICE, &Options::default());
    let s = p.documents[0].tasks[0].spans.lead_officials[0].clone();
    p.convert_offsets(NOTICE, gongwen::Unit::Utf16);
    let u = &p.documents[0].tasks[0].spans.lead_officials[0];
    let utf16: Vec<u16> = NOTICE.encode_utf16().collect();
    assert_eq!(String::from_utf16(&utf16[u.start..u.end]).unwrap(), "张三");
    assert_eq!(u.start, NOTICE[..s.start].encode_utf16().count());
    let mut p = parse(NOTICE, &Options::default());
    p.convert_offsets(NOTICE, gongwen::Unit::CodePoint);
    let d = p.documents[0].tasks[2].spans.deadline.clone().unwrap();
    let chars: Vec<char> = NOTICE.chars().collect();
    assert_eq!(chars[d.start..d.end].iter().collect::<String>(), "6月底前");
}
