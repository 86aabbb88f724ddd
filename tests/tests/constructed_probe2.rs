//! End-to-end tests over `corpus/constructed/probe2/`: ten invented
//! documents of a second generalisation probe (three PDF-like gazettes,
//! four plans with task clauses, three personnel notices; see
//! `corpus/constructed/probe2/README.md`), one test per file.
//!
//! Every expected value below was written by hand from reading the text
//! file (first in the probe's `expected.md`, written before the parser ran,
//! then re-read against the text), never recorded from parser output. If a
//! test fails, check the text first, then the parser; do not paste the
//! parser's output in here.
//!
//! Where the contract leaves a value open (a month-only deadline's date,
//! `市政府各部门、各直属机构` split or kept together, a note in brackets or
//! kept in the post, a one-way stand-in as a backup …), the test accepts
//! each defensible answer and says so.
//!
//! Assertions that pin a known parser gap of the kinds accepted as pending
//! (a 印发 cover printed after the plan's first page in a gazette, a
//! flattened `姓名 原职务 新职务` table, targets) sit in their own
//! `#[ignore = "parser gap: …"]` tests, so the rest of each file's test
//! still guards against regressions. Remove the `ignore` once the gap is
//! closed.

use gongwen::Action::{self, Appoint, Remove};
use gongwen::{parse, Document, Options, Parse, Task};
use gongwen_corpus_tests::{read_corpus, Errs};

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

fn load(name: &str) -> (String, Parse) {
    let text = read_corpus(&format!("constructed/probe2/{name}"));
    let p = parse(&text, &Options::default());
    (text, p)
}

/// Removes every whitespace character (ASCII, U+3000, line breaks, form feeds).
fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn v(xs: &[String]) -> Vec<&str> {
    xs.iter().map(String::as_str).collect()
}

fn titles(p: &Parse) -> Vec<&str> {
    p.documents.iter().map(|d| d.title.as_str()).collect()
}


/// Checks the document count; returns the documents to check in order. When
/// the count is wrong the documents whose titles match are still checked
/// (falling back on the k-th one), so one run shows every mismatch.
fn docs<'a>(e: &mut Errs, p: &'a Parse, expected_titles: &[&str]) -> Vec<&'a Document> {
    if p.documents.len() != expected_titles.len() {
        e.0.push(format!(
            "document count: expected {}, got {} (titles {:?})",
            expected_titles.len(),
            p.documents.len(),
            titles(p)
        ));
    }
    assert!(
        !p.documents.is_empty(),
        "no document at all (diagnostics {:?})",
        p.diagnostics
    );
    let got = titles(p);
    let want: Vec<&str> = expected_titles.to_vec();
    if got != want && p.documents.len() == expected_titles.len() {
        e.0.push(format!("document order: expected {want:?}, got {got:?}"));
    }
    expected_titles
        .iter()
        .enumerate()
        .map(|(k, t)| {
            p.documents
                .iter()
                .find(|d| d.title == *t)
                .unwrap_or_else(|| p.documents.get(k).unwrap_or(&p.documents[0]))
        })
        .collect()
}

/// A 发文字号: (text, agency, year, serial).
type Num = (&'static str, &'static str, i32, u32);
/// An attachment: (index, title, omitted).
type Att = (u32, &'static str, bool);

/// The header fields every document pins. `recipients` lists every accepted
/// answer; `number: None` means the document has none.
struct Head<'a> {
    kind: &'a str,
    title: &'a str,
    number: Option<Num>,
    issuers: &'a [&'a str],
    recipients: &'a [&'a [&'a str]],
    date: &'a str,
    enclosed: &'a [&'a str],
    attachments: &'a [Att],
}

fn head(e: &mut Errs, d: &Document, h: &Head) {
    e.eq("kind", &d.kind.as_deref(), &Some(h.kind));
    e.eq("title", d.title.as_str(), h.title);
    match (h.number, &d.doc_number) {
        (None, None) => {}
        (None, Some(n)) => {
            e.0.push(format!("doc_number: expected null, got {:?}", n.text))
        }
        (Some((text, _, _, _)), None) => {
            e.0.push(format!("doc_number: expected {text:?}, got null"))
        }
        (Some((text, agency, year, serial)), Some(n)) => {
            e.eq("doc_number.text", n.text.as_str(), text);
            e.eq("doc_number.agency", n.agency.as_str(), agency);
            e.eq("doc_number.year", &n.year, &year);
            e.eq("doc_number.serial", &n.serial, &serial);
        }
    }
    e.eq("issuers", &v(&d.issuers)[..], h.issuers);
    e.any("recipients", &v(&d.recipients)[..], h.recipients);
    e.eq("date", &d.date.as_deref(), &Some(h.date));
    e.eq("enclosed_titles", &v(&d.enclosed_titles)[..], h.enclosed);
    let got_att: Vec<(u32, &str, bool)> = d
        .attachments
        .iter()
        .map(|a| (a.index, a.title.as_str(), a.omitted))
        .collect();
    e.eq("attachments", &got_att[..], h.attachments);
}

fn notes(e: &mut Errs, d: &Document, want: &[&str]) {
    e.eq("notes", &v(&d.notes)[..], want);
}

/// Citations as (title, doc_number), in order.
fn citations(e: &mut Errs, d: &Document, want: &[(Option<&str>, Option<&str>)]) {
    let got: Vec<(Option<&str>, Option<&str>)> = d
        .citations
        .iter()
        .map(|c| (c.title.as_deref(), c.doc_number.as_deref()))
        .collect();
    e.eq("citations", &got[..], want);
}

fn no_tasks(e: &mut Errs, d: &Document) {
    let got: Vec<(&str, &str)> = d
        .tasks
        .iter()
        .map(|t| (t.number.as_str(), t.heading.as_str()))
        .collect();
    e.eq("tasks", &got[..], &[]);
}

fn no_appointments(e: &mut Errs, d: &Document) {
    let got: Vec<(&str, &str)> = d
        .appointments
        .iter()
        .map(|a| (a.person.as_str(), a.position.as_str()))
        .collect();
    e.eq("appointments", &got[..], &[]);
}

fn no_division(e: &mut Errs, d: &Document) {
    e.eq(
        "division (persons)",
        &d.division
            .iter()
            .map(|a| a.person.as_str())
            .collect::<Vec<_>>()[..],
        &[],
    );
}

/// An appointment: (action, person, position, note).
type Act = (Action, &'static str, &'static str, Option<&'static str>);

/// Compares appointments in reading order. Each expected record lists every
/// accepted form (more than one where the contract leaves the note open).
/// Every span must lie in the input and contain the person's name (padding
/// removed).
fn appointments(e: &mut Errs, text: &str, got: &[&gongwen::Appointment], want: &[&[Act]]) {
    let show: Vec<(Action, &str, &str, Option<&str>)> = got
        .iter()
        .map(|a| {
            (
                a.action,
                a.person.as_str(),
                a.position.as_str(),
                a.note.as_deref(),
            )
        })
        .collect();
    if got.len() != want.len() {
        e.0.push(format!(
            "appointment count: expected {}, got {} {:?}",
            want.len(),
            got.len(),
            show
        ));
    }
    for (k, (g, w)) in show.iter().zip(want).enumerate() {
        if !w.contains(g) {
            e.0.push(format!(
                "appointment #{}: expected one of {w:?}, got {g:?}",
                k + 1
            ));
        }
    }
    for a in got {
        let slice = text.get(a.span.start..a.span.end);
        e.check(
            &format!("appointment {} span", a.person),
            slice.is_some_and(|s| strip_ws(s).contains(&a.person)),
            format!("{:?} -> {:?}", a.span, slice),
        );
    }
}

fn all_appointments(d: &Document) -> Vec<&gongwen::Appointment> {
    d.appointments.iter().collect()
}

/// One expected task. `deadline`: None for no deadline, or the text and
/// every accepted date.
struct T {
    number: &'static str,
    path: &'static [&'static str],
    heading: &'static str,
    lead: &'static [&'static str],
    resp: &'static [&'static str],
    deadline: Option<(&'static str, &'static [Option<&'static str>])>,
    text_has: &'static [&'static str],
    text_lacks: &'static [&'static str],
}

const T0: T = T {
    number: "",
    path: &[],
    heading: "",
    lead: &[],
    resp: &[],
    deadline: None,
    text_has: &[],
    text_lacks: &[],
};

/// Compares one task with its expectation (the path only when `check_path`).
fn task(e: &mut Errs, text: &str, label: &str, t: &Task, w: &T, check_path: bool) {
    let p = format!("task {label} ({})", w.number);
    e.eq(&format!("{p} number"), t.number.as_str(), w.number);
    if check_path {
        e.eq(&format!("{p} path"), &v(&t.path)[..], w.path);
    }
    e.eq(&format!("{p} heading"), t.heading.as_str(), w.heading);
    e.eq(&format!("{p} lead_units"), &v(&t.lead_units)[..], w.lead);
    e.eq(
        &format!("{p} responsible_units"),
        &v(&t.responsible_units)[..],
        w.resp,
    );
    e.eq(
        &format!("{p} lead_officials"),
        &v(&t.lead_officials)[..],
        &[],
    );
    let dl = t
        .deadline
        .as_ref()
        .map(|x| (x.text.as_str(), x.date.as_deref()));
    match (w.deadline, dl) {
        (None, None) => {}
        (Some((wt, dates)), Some((gt, gd))) if wt == gt && dates.contains(&gd) => {}
        (w, g) => e.0.push(format!("{p} deadline: expected {w:?}, got {g:?}")),
    }
    for s in w.text_has {
        e.check(
            &format!("{p} text"),
            t.text.contains(s),
            format!("should contain {s:?}: {:?}", t.text),
        );
    }
    for s in w.text_lacks {
        e.check(
            &format!("{p} text"),
            !t.text.contains(s),
            format!("should not contain {s:?}: {:?}", t.text),
        );
    }
    let slice = text.get(t.span.start..t.span.end);
    e.check(
        &format!("{p} span"),
        slice.is_some_and(|s| {
            strip_ws(s).contains(w.number) && strip_ws(s).contains(&strip_ws(w.heading))
        }),
        format!("{:?} -> {:?}", t.span, slice),
    );
}

/// Compares the document's tasks with `want`, in order.
fn tasks(e: &mut Errs, text: &str, d: &Document, want: &[T]) {
    if d.tasks.len() != want.len() {
        e.0.push(format!(
            "task count: expected {}, got {} {:?}",
            want.len(),
            d.tasks.len(),
            d.tasks
                .iter()
                .map(|t| (&t.path, &t.number, &t.heading))
                .collect::<Vec<_>>()
        ));
    }
    for (k, (w, t)) in want.iter().zip(&d.tasks).enumerate() {
        task(e, text, &format!("#{}", k + 1), t, w, true);
    }
}

/// One expected leader: person, titles, supervises, liaises, accepted backups.
type Leader = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static [Option<&'static str>],
);

fn division(e: &mut Errs, d: &Document, want: &[Leader]) {
    let got: Vec<&str> = d.division.iter().map(|a| a.person.as_str()).collect();
    let persons: Vec<&str> = want.iter().map(|l| l.0).collect();
    e.eq("division persons", &got[..], &persons[..]);
    for (person, titles, sup, lia, backups) in want {
        let Some(a) = d.division.iter().find(|a| a.person == *person) else {
            continue; // reported by the persons check
        };
        e.eq(&format!("{person} titles"), &v(&a.titles)[..], titles);
        e.eq(&format!("{person} supervises"), &v(&a.supervises)[..], sup);
        e.eq(&format!("{person} liaises"), &v(&a.liaises)[..], lia);
        e.any(
            &format!("{person} backup"),
            &a.backup.as_deref(),
            &backups.iter().collect::<Vec<_>>(),
        );
    }
}

// ---------------------------------------------------------------------------
// G1 安顺市人民政府公报
// ---------------------------------------------------------------------------

const G1_A: &str = "安顺市人民政府关于印发安顺市2024年优化营商环境工作方案的通知";
const G1_B: &str = "安顺市人民政府关于吴建国等同志职务任免的通知";
const G1_C: &str = "安顺市人民政府办公室关于做好2024年清明节期间森林防灭火工作的紧急通知";
const G1_D: &str = "安顺市人民政府关于同意命名2024年度市级文明村镇的批复";
const G1_RECIPIENTS: &[&str] = &[
    "各县（区）人民政府（管委会）",
    "市政府各工作部门",
    "各直属机构",
];
/// Text of the 印发 cover (p4) that no task of the plan may contain.
const G1_COVER: &[&str] = &["安府发", "现将《", "2024年3月4日", "此件公开发布"];

/// The plan's four tasks. The first two lie under `一、`, which is printed
/// on p3 before the displaced cover (see `g1_anshun_gazette_cover_after_plan_page`).
const G1_TASKS: [T; 4] = [
    T {
        number: "（一）",
        path: &["一、"],
        heading: "深化“一件事一次办”改革",
        lead: &["市政务服务中心"],
        resp: &[
            "市政务服务中心",
            "市市场监管局",
            "市自然资源局",
            "市人力资源社会保障局",
            "各县（区）人民政府",
        ],
        // the item's text runs across the cover; its clause lies after it
        text_has: &["员工招聘", "精简30%以上"],
        text_lacks: G1_COVER,
        ..T0
    },
    T {
        number: "（二）",
        path: &["一、"],
        heading: "推行惠企政策“免申即享”",
        lead: &["市发展改革委"],
        resp: &["市发展改革委", "市财政局", "市工业和信息化局"],
        text_lacks: G1_COVER,
        ..T0
    },
    T {
        number: "（一）",
        path: &["二、"],
        heading: "规范涉企收费",
        lead: &["市市场监管局"],
        resp: &["市市场监管局", "市发展改革委", "市财政局"],
        text_lacks: G1_COVER,
        ..T0
    },
    // no 牵头 stated, and the document states no lead rule
    T {
        number: "（二）",
        path: &["二、"],
        heading: "加强公平竞争审查",
        resp: &["市市场监管局", "市司法局"],
        text_lacks: &["安顺市人民政府公报", "·4·"],
        ..T0
    },
];

#[test]
fn g1_anshun_gazette() {
    let (text, p) = load("g1_anshun_gazette.txt");
    let mut e = Errs::default();
    // Reading order of first pages: the plan's first page (p3) comes before
    // the 任免 notice (p6).
    let ds = docs(&mut e, &p, &[G1_A, G1_B, G1_C, G1_D]);
    let (a, b, c, d) = (ds[0], ds[1], ds[2], ds[3]);

    // G1-1: 印发 notice, cover printed after the plan's first page.
    head(
        &mut e,
        a,
        &Head {
            kind: "通知",
            title: G1_A,
            number: Some(("安府发〔2024〕6号", "安府发", 2024, 6)),
            issuers: &["安顺市人民政府"],
            recipients: &[G1_RECIPIENTS],
            date: "2024-03-04",
            enclosed: &["安顺市2024年优化营商环境工作方案"],
            attachments: &[],
        },
    );
    notes(&mut e, a, &["（此件公开发布）"]);
    // Tasks: the two under 二、 are pinned fully; the two under 一、 lose
    // their path (and the first its start) to the displaced cover, a known
    // gap pinned by g1_anshun_gazette_cover_after_plan_page. Here they are
    // checked, when present, on everything but the path.
    e.check(
        "G1-1 task count",
        a.tasks.len() <= 4,
        format!(
            "at most 4, got {:?}",
            a.tasks
                .iter()
                .map(|t| (&t.path, &t.number, &t.heading))
                .collect::<Vec<_>>()
        ),
    );
    for t in &a.tasks {
        match G1_TASKS.iter().position(|w| w.heading == t.heading) {
            None => e.0.push(format!(
                "G1-1 unexpected task {:?} {:?} {:?}",
                t.path, t.number, t.heading
            )),
            Some(k) => task(
                &mut e,
                &text,
                &format!("G1-1 #{}", k + 1),
                t,
                &G1_TASKS[k],
                k >= 2,
            ),
        }
    }
    for w in &G1_TASKS[1..] {
        e.check(
            "G1-1 tasks",
            a.tasks.iter().any(|t| t.heading == w.heading),
            format!("missing {} {}", w.number, w.heading),
        );
    }
    let sec2: Vec<&str> = a
        .tasks
        .iter()
        .filter(|t| t.path.first().is_some_and(|s| s == "二、"))
        .map(|t| t.heading.as_str())
        .collect();
    e.eq(
        "G1-1 tasks under 二、",
        &sec2[..],
        &["规范涉企收费", "加强公平竞争审查"],
    );
    no_appointments(&mut e, a);
    no_division(&mut e, a);

    // G1-2: 任免 notice whose title block and number follow its body (p6).
    head(
        &mut e,
        b,
        &Head {
            kind: "通知",
            title: G1_B,
            number: Some(("安府任〔2024〕4号", "安府任", 2024, 4)),
            issuers: &["安顺市人民政府"],
            recipients: &[G1_RECIPIENTS],
            date: "2024-03-15",
            enclosed: &[],
            attachments: &[],
        },
    );
    no_tasks(&mut e, b);
    appointments(
        &mut e,
        &text,
        &all_appointments(b),
        &[
            &[(Appoint, "吴建国", "安顺市生态环境局局长", None)],
            &[(Appoint, "杨丽萍", "安顺市教育局副局长", Some("试用期一年"))],
            &[(Appoint, "罗开明", "安顺市政务服务中心主任", None)],
            &[(Remove, "罗开明", "安顺市投资促进局副局长", None)],
            &[(Remove, "赵德华", "安顺市生态环境局局长", None)],
            // open: `（另` / `有任用）` as the note or no note; never in the post
            &[
                (Remove, "龙正兰", "安顺市统计局副局长", Some("另有任用")),
                (Remove, "龙正兰", "安顺市统计局副局长", None),
            ],
        ],
    );
    no_division(&mut e, b);

    // G1-3: 紧急通知 without a number, right after G1-2's trailing title
    // block: it must not receive G1-2's number.
    head(
        &mut e,
        c,
        &Head {
            kind: "通知",
            title: G1_C,
            number: None,
            issuers: &["安顺市人民政府办公室"],
            recipients: &[&["各县（区）人民政府（管委会）", "市政府有关部门"]],
            date: "2024-03-28",
            enclosed: &[],
            attachments: &[],
        },
    );
    no_tasks(&mut e, c); // 一、二、三、 carry no responsibility clause
    no_appointments(&mut e, c);
    no_division(&mut e, c);

    // G1-4: 批复 citing a 请示 whose title is broken `…的请` / `示》`.
    head(
        &mut e,
        d,
        &Head {
            kind: "批复",
            title: G1_D,
            number: Some(("安府函〔2024〕21号", "安府函", 2024, 21)),
            issuers: &["安顺市人民政府"],
            recipients: &[&["市文明办"]],
            date: "2024-04-02",
            enclosed: &[],
            attachments: &[],
        },
    );
    citations(
        &mut e,
        d,
        &[(
            Some("关于提请命名2024年度市级文明村镇的请示"),
            Some("安市文明办呈〔2024〕3号"),
        )],
    );
    no_tasks(&mut e, d);
    no_appointments(&mut e, d);
    no_division(&mut e, d);
    e.finish("g1");
}

/// G1-1's plan begins on p3 (`安顺市2024年优化营商环境工作方案` …
/// `（一）深化“一件事一次办”改革。…`); its 印发 cover is printed at the top of
/// p4, and the plan continues after it. The document starts at the plan
/// title, so 一、 and the first item's start are the document's, not a
/// preamble's.
#[test]
fn g1_anshun_gazette_cover_after_plan_page() {
    let (text, p) = load("g1_anshun_gazette.txt");
    let mut e = Errs::default();
    let a = docs(&mut e, &p, &[G1_A, G1_B, G1_C, G1_D])[0];
    tasks(&mut e, &text, a, &G1_TASKS);
    citations(
        &mut e,
        a,
        &[(Some("贵州省2024年优化营商环境工作要点"), None)],
    );
    let plan_title = text
        .find("安顺市2024年优化营商环境工作方案\n")
        .expect("plan title line");
    e.eq(
        "G1-1 span.start (the plan title on p3)",
        &a.span.start,
        &plan_title,
    );
    let pre = p.preamble.as_ref().map(|s| strip_ws(s.slice(&text)));
    e.check(
        "preamble",
        pre.as_deref()
            .is_none_or(|s| !s.contains("一、提升政务服务效能")),
        format!("the plan's first page is not preamble: {pre:?}"),
    );
    e.finish("g1 cover after the plan's first page");
}

// ---------------------------------------------------------------------------
// G2 德州市人民政府公报
// ---------------------------------------------------------------------------

const G2_A: &str = "德州市人民政府关于市政府领导同志工作分工的通知";
const G2_B: &str = "德州市人民政府办公室关于印发德州市2024年城市更新行动实施方案的通知";
const G2_C: &str = "德州市财政局德州市农业农村局关于做好2024年农业保险保费补贴工作的通知";

#[test]
fn g2_dezhou_gazette() {
    let (text, p) = load("g2_dezhou_gazette.txt");
    let mut e = Errs::default();
    // The table of contents (p1) is not a document.
    let ds = docs(&mut e, &p, &[G2_A, G2_B, G2_C]);
    let (a, b, c) = (ds[0], ds[1], ds[2]);

    // G2-1: 领导分工.
    head(
        &mut e,
        a,
        &Head {
            kind: "通知",
            title: G2_A,
            number: Some(("德政字〔2024〕5号", "德政字", 2024, 5)),
            issuers: &["德州市人民政府"],
            // open: `市政府各部门、各直属机构` split or kept together
            recipients: &[
                &[
                    "各县（市、区）人民政府",
                    "市属开发区管委会",
                    "市政府各部门",
                    "各直属机构",
                    "各大企业",
                    "各高等院校",
                ],
                &[
                    "各县（市、区）人民政府",
                    "市属开发区管委会",
                    "市政府各部门、各直属机构",
                    "各大企业",
                    "各高等院校",
                ],
            ],
            date: "2024-02-20",
            enclosed: &[],
            attachments: &[],
        },
    );
    notes(&mut e, a, &["（此件公开发布）"]);
    no_tasks(&mut e, a);
    no_appointments(&mut e, a);
    division(
        &mut e,
        a,
        &[
            // open: `刘建华同志外出期间，由王振东同志代为主持` is a one-way stand-in
            (
                "刘建华",
                &["市长"],
                &["市审计局"],
                &[],
                &[Some("王振东"), None],
            ),
            (
                "王振东",
                &["常务副市长"],
                // broken `市财` / `政局`, then a page break before 联系单位
                &[
                    "市发展和改革委员会",
                    "市财政局",
                    "市国资委",
                    "市地方金融管理局",
                ],
                &["国家税务总局德州市税务局", "中国人民银行德州市分行"],
                &[Some("孙雅琴")], // `王振东、孙雅琴同志互为AB岗`
            ),
            (
                "孙雅琴",
                &["副市长"],
                &["市教育和体育局", "市卫生健康委员会", "市医疗保障局"],
                &["德州学院", "德州职业技术学院"],
                &[Some("王振东")],
            ),
        ],
    );
    // The closing paragraph (stand-in, AB岗) is no duty of the last leader;
    // no running header is glued into a duty.
    for l in &a.division {
        for duty in &l.duties {
            e.check(
                &format!("{} duties", l.person),
                !duty.contains("外出期间")
                    && !duty.contains("AB岗")
                    && !duty.contains("市政府文件"),
                format!("{duty:?}"),
            );
        }
    }

    // G2-2: 印发 notice + plan; the last clause is split by a page break.
    head(
        &mut e,
        b,
        &Head {
            kind: "通知",
            title: G2_B,
            number: Some(("德政办字〔2024〕8号", "德政办字", 2024, 8)),
            issuers: &["德州市人民政府办公室"],
            recipients: &[
                &[
                    "各县（市、区）人民政府",
                    "市属开发区管委会",
                    "市政府各部门",
                    "各直属机构",
                ],
                &[
                    "各县（市、区）人民政府",
                    "市属开发区管委会",
                    "市政府各部门、各直属机构",
                ],
            ],
            date: "2024-03-06",
            enclosed: &["德州市2024年城市更新行动实施方案"],
            attachments: &[],
        },
    );
    let no_furniture: &[&str] = &["市政府办公室文件", "德州市人民政府公报", "- 4 -", "- 5 -"];
    tasks(
        &mut e,
        &text,
        b,
        &[
            T {
                number: "（一）",
                path: &["一、"],
                heading: "推进老旧小区改造",
                resp: &["市住房城乡建设局", "各县市区人民政府"],
                deadline: Some(("2024年11月底前", &[Some("2024-11-30")])),
                text_lacks: no_furniture,
                ..T0
            },
            T {
                number: "（二）",
                path: &["一、"],
                heading: "完善城市基础设施",
                lead: &["市住房城乡建设局"],
                resp: &["市住房城乡建设局", "市城市管理局", "市水务局"],
                text_lacks: no_furniture,
                ..T0
            },
            T {
                number: "（三）",
                path: &["一、"],
                heading: "建设完整社区",
                resp: &["市民政局", "市住房城乡建设局", "市卫生健康委员会"],
                text_lacks: no_furniture,
                ..T0
            },
            // `…市发展和改革委员` / `- 5 -` / ` 德州市人民政府公报` / `会）`
            T {
                number: "（二）",
                path: &["二、"],
                heading: "强化资金保障",
                resp: &["市财政局", "市发展和改革委员会"],
                text_lacks: no_furniture,
                ..T0
            },
        ],
    );
    no_appointments(&mut e, b);
    no_division(&mut e, b);

    // G2-3: joint department notice, issuers separated by U+3000 in the title.
    head(
        &mut e,
        c,
        &Head {
            kind: "通知",
            title: G2_C,
            number: Some(("德财农〔2024〕3号", "德财农", 2024, 3)),
            issuers: &["德州市财政局", "德州市农业农村局"],
            recipients: &[&[
                "各县（市、区）财政局",
                "各县（市、区）农业农村局",
                "市属开发区财政金融部门",
            ]],
            date: "2024-03-20",
            enclosed: &[],
            attachments: &[],
        },
    );
    // number broken `财金〔2021〕` / blank line / `130号`
    citations(
        &mut e,
        c,
        &[(
            Some("财政部关于印发〈中央财政农业保险保费补贴管理办法〉的通知"),
            Some("财金〔2021〕130号"),
        )],
    );
    no_tasks(&mut e, c);
    no_appointments(&mut e, c);
    no_division(&mut e, c);
    e.finish("g2");
}

/// `2024年全市小麦、玉米完全成本保险覆盖率达到70%以上`: one target whose
/// indicator names both crops.
#[test]
#[ignore = "parser gap: targets (the indicator drops `小麦、`)"]
fn g2_dezhou_gazette_targets() {
    let (_, p) = load("g2_dezhou_gazette.txt");
    let c = p.documents.iter().find(|d| d.title == G2_C).expect("G2-3");
    let hits: Vec<_> = c
        .targets
        .iter()
        .filter(|t| t.indicator.contains("覆盖率"))
        .map(|t| {
            (
                t.indicator.as_str(),
                t.value,
                t.unit.as_str(),
                t.qualifier.as_deref(),
            )
        })
        .collect();
    assert!(
        hits.len() == 1
            && hits[0].0.contains("小麦")
            && hits[0].0.contains("玉米")
            && hits[0].1 == 70.0
            && hits[0].2 == "%"
            && hits[0].3 == Some("以上"),
        "coverage target: {hits:?}"
    );
}

// ---------------------------------------------------------------------------
// G3 安吉县人民政府公报
// ---------------------------------------------------------------------------

const G3_A: &str = "安吉县人民政府关于表彰2023年度全县经济社会发展先进单位的决定";
const G3_B: &str = "安吉县人民政府办公室关于加快推进竹产业高质量发展的实施意见";
const G3_C: &str = "安吉县人民政府关于城区禁止燃放烟花爆竹的通告";
/// `各乡镇人民政府、街道办事处，县级各部门、直属各单位`: each side of each 、
/// is a complete body, so four; kept in pairs is accepted as the open reading.
const G3_RECIPIENTS: &[&[&str]] = &[
    &["各乡镇人民政府", "街道办事处", "县级各部门", "直属各单位"],
    &["各乡镇人民政府、街道办事处", "县级各部门、直属各单位"],
];

#[test]
fn g3_anji_gazette() {
    let (text, p) = load("g3_anji_gazette.txt");
    let mut e = Errs::default();
    let ds = docs(&mut e, &p, &[G3_A, G3_B, G3_C]);
    let (a, b, c) = (ds[0], ds[1], ds[2]);

    // G3-1: 决定 with an attachment page (p12) that belongs to it.
    head(
        &mut e,
        a,
        &Head {
            kind: "决定",
            title: G3_A,
            number: Some(("安政发〔2024〕7号", "安政发", 2024, 7)),
            issuers: &["安吉县人民政府"],
            recipients: G3_RECIPIENTS,
            date: "2024-02-08",
            enclosed: &[],
            // title broken `…名` / `单`
            attachments: &[(1, "安吉县2023年度经济社会发展先进单位名单", false)],
        },
    );
    notes(&mut e, a, &["（此件公开发布）"]);
    let name_list = text.find("递铺街道、孝丰镇").expect("attachment page");
    e.check(
        "G3-1 span covers the attachment page",
        a.span.start < name_list && name_list < a.span.end,
        format!("{:?}, list at {name_list}", a.span),
    );
    no_tasks(&mut e, a);
    no_appointments(&mut e, a);
    no_division(&mut e, a);

    // G3-2: 实施意见 with `（X牵头，Y按职责分工负责）` clauses.
    head(
        &mut e,
        b,
        &Head {
            kind: "意见",
            title: G3_B,
            number: Some(("安政办发〔2024〕15号", "安政办发", 2024, 15)),
            issuers: &["安吉县人民政府办公室"],
            recipients: G3_RECIPIENTS,
            date: "2024-03-18",
            enclosed: &[],
            attachments: &[],
        },
    );
    let no_furniture: &[&str] = &["安吉县人民政府公报", "总第87期", "— 13 —"];
    tasks(
        &mut e,
        &text,
        b,
        &[
            T {
                number: "（一）",
                path: &["一、"],
                heading: "推进竹林提质增效",
                lead: &["县林业局"],
                resp: &["县林业局", "县财政局", "县农业农村局"],
                ..T0
            },
            T {
                number: "（二）",
                path: &["一、"],
                heading: "完善林道基础设施",
                resp: &["县林业局", "县交通运输局"],
                ..T0
            },
            // `（县经信局牵头，县` / `— 13 —` / header / `科技局、县市场监管局配合）`
            T {
                number: "（一）",
                path: &["二、"],
                heading: "培育龙头企业",
                lead: &["县经信局"],
                resp: &["县经信局", "县科技局", "县市场监管局"],
                text_lacks: no_furniture,
                ..T0
            },
            T {
                number: "（二）",
                path: &["二、"],
                heading: "拓展竹林碳汇",
                lead: &["县林业局", "县发展改革局"],
                resp: &[
                    "县林业局",
                    "县发展改革局",
                    "县生态环境分局",
                    "各乡镇（街道）",
                ],
                ..T0
            },
        ],
    );
    no_appointments(&mut e, b);
    no_division(&mut e, b);

    // G3-3: 通告, no 主送.
    head(
        &mut e,
        c,
        &Head {
            kind: "通告",
            title: G3_C,
            number: Some(("安政告〔2024〕1号", "安政告", 2024, 1)),
            issuers: &["安吉县人民政府"],
            recipients: &[&[]],
            date: "2024-03-25",
            enclosed: &[],
            attachments: &[],
        },
    );
    citations(
        &mut e,
        c,
        &[
            (Some("烟花爆竹安全管理条例"), None),
            (Some("浙江省烟花爆竹安全管理办法"), None),
        ],
    );
    no_tasks(&mut e, c);
    no_appointments(&mut e, c);
    no_division(&mut e, c);

    // Every page's header line is furniture, none is left in a document.
    for d in [a, b, c] {
        for t in &d.tasks {
            e.check(
                "task text",
                !t.text.contains("安吉县人民政府公报"),
                format!("{:?}", t.text),
            );
        }
    }
    e.finish("g3");
}

// ---------------------------------------------------------------------------
// P1–P4 plans
// ---------------------------------------------------------------------------

/// A month-only `完成时间：2024年10月`: the date is open (end of month, or
/// null because it does not denote a day).
const MONTH_END_OR_NULL_10: &[Option<&str>] = &[Some("2024-10-31"), None];
const MONTH_END_OR_NULL_12: &[Option<&str>] = &[Some("2024-12-31"), None];
const MONTH_END_OR_NULL_6: &[Option<&str>] = &[Some("2024-06-30"), None];
const MONTH_END_OR_NULL_11: &[Option<&str>] = &[Some("2024-11-30"), None];
const MONTH_END_OR_NULL_9: &[Option<&str>] = &[Some("2024-09-30"), None];

#[test]
fn p1_changzhou_yaodian_spaces_slash() {
    let title = "常州市人民政府办公室关于印发《常州市2024年数字政府建设工作要点》的通知";
    let (text, p) = load("p1_changzhou_yaodian_spaces_slash.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[title])[0];
    head(
        &mut e,
        d,
        &Head {
            kind: "通知",
            title,
            number: Some(("常政办发〔2024〕12号", "常政办发", 2024, 12)),
            issuers: &["常州市人民政府办公室"],
            // `各辖市、区人民政府` is one body
            recipients: &[&[
                "各辖市、区人民政府",
                "常州经开区管委会",
                "市各委办局",
                "市各直属单位",
            ]],
            date: "2024-03-08",
            enclosed: &["常州市2024年数字政府建设工作要点"],
            attachments: &[],
        },
    );
    notes(&mut e, d, &["（此件公开发布）"]);
    tasks(
        &mut e,
        &text,
        d,
        &[
            // `牵头单位：X  责任单位：Y`: two spaces, no ；
            T {
                number: "（一）",
                path: &["一、"],
                heading: "建设全市一体化政务云平台",
                lead: &["市数据局"],
                resp: &["市数据局", "市财政局", "市政务服务管理办公室"],
                deadline: Some(("2024年10月", MONTH_END_OR_NULL_10)),
                ..T0
            },
            // units separated by ASCII spaces
            T {
                number: "（二）",
                path: &["一、"],
                heading: "推进政务外网升级改造",
                resp: &["市数据局", "市委网信办", "市通信管理办公室"],
                deadline: Some(("2024年12月", MONTH_END_OR_NULL_12)),
                ..T0
            },
            // `/`
            T {
                number: "（一）",
                path: &["二、"],
                heading: "完善公共数据目录",
                resp: &["市数据局", "各辖市、区人民政府"],
                deadline: Some(("2024年6月", MONTH_END_OR_NULL_6)),
                ..T0
            },
            // U+3000 separators
            T {
                number: "（二）",
                path: &["二、"],
                heading: "推进公共数据授权运营",
                lead: &["市数据局"],
                resp: &["市数据局", "市交通运输局", "市卫生健康委"],
                deadline: Some(("2024年11月", MONTH_END_OR_NULL_11)),
                ..T0
            },
            T {
                number: "（一）",
                path: &["三、"],
                heading: "深化“一网通办”",
                lead: &["市政务服务管理办公室"],
                resp: &["市政务服务管理办公室", "市数据局", "各辖市、区人民政府"],
                deadline: Some(("持续推进", &[None])),
                ..T0
            },
            // ` / `
            T {
                number: "（二）",
                path: &["三、"],
                heading: "推进“高效办成一件事”",
                lead: &["市政务服务管理办公室"],
                resp: &[
                    "市政务服务管理办公室",
                    "市卫生健康委",
                    "市公安局",
                    "市市场监管局",
                ],
                deadline: Some(("2024年9月", MONTH_END_OR_NULL_9)),
                ..T0
            },
        ],
    );
    no_appointments(&mut e, d);
    no_division(&mut e, d);
    e.finish("p1");
}

#[test]
fn p2_yichang_fangan_fourlevels() {
    let title = "宜昌市人民政府关于印发宜昌市推动大规模设备更新和消费品以旧换新实施方案的通知";
    let (text, p) = load("p2_yichang_fangan_fourlevels.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[title])[0];
    head(
        &mut e,
        d,
        &Head {
            kind: "通知",
            title,
            number: Some(("宜府发〔2024〕9号", "宜府发", 2024, 9)),
            issuers: &["宜昌市人民政府"],
            recipients: &[&["各县市区人民政府", "宜昌高新区管委会", "市政府各部门"]],
            date: "2024-05-20",
            enclosed: &["宜昌市推动大规模设备更新和消费品以旧换新实施方案"],
            attachments: &[],
        },
    );
    // Not tasks: the （一）/（二） headings, （2）食品行业 and 2.促进二手车流通
    // (no clause).
    tasks(
        &mut e,
        &text,
        d,
        &[
            // `市经信局（牵头）`: the marker is not part of the name
            T {
                number: "1.",
                path: &["一、", "（一）"],
                heading: "工业领域设备更新",
                lead: &["市经信局"],
                resp: &["市经信局", "市发改委", "市生态环境局"],
                ..T0
            },
            // its own clause; does not inherit the parent's lead
            T {
                number: "（1）",
                path: &["一、", "（一）", "1."],
                heading: "化工行业",
                resp: &["市经信局", "市应急管理局"],
                deadline: Some(("2024年12月底前", &[Some("2024-12-31")])),
                ..T0
            },
            // `X、Y按职责分工负责，Z配合`
            T {
                number: "2.",
                path: &["一、", "（一）"],
                heading: "建筑和市政领域设备更新",
                resp: &["市住建局", "市城管执法委", "市财政局"],
                ..T0
            },
            T {
                number: "1.",
                path: &["一、", "（二）"],
                heading: "推动老旧营运车辆淘汰",
                resp: &["市交通运输局", "市公安局", "市生态环境局"],
                ..T0
            },
            T {
                number: "1.",
                path: &["二、", "（一）"],
                heading: "落实汽车报废更新补贴政策",
                lead: &["市商务局"],
                resp: &["市商务局", "市财政局", "市公安局"],
                ..T0
            },
            T {
                number: "（1）",
                path: &["二、", "（一）", "2."],
                heading: "优化二手车交易登记管理",
                resp: &["市公安局"],
                ..T0
            },
            T {
                number: "（2）",
                path: &["二、", "（一）", "2."],
                heading: "支持二手车出口",
                resp: &["市商务局", "宜昌海关"],
                ..T0
            },
        ],
    );
    no_appointments(&mut e, d);
    no_division(&mut e, d);
    e.finish("p2");
}

#[test]
fn p3_foshan_cuoshi_diyitiao() {
    let title = "佛山市人民政府办公室关于印发佛山市支持制造业企业高质量发展若干措施的通知";
    let (text, p) = load("p3_foshan_cuoshi_diyitiao.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[title])[0];
    head(
        &mut e,
        d,
        &Head {
            kind: "通知",
            title,
            number: Some(("佛府办〔2024〕7号", "佛府办", 2024, 7)),
            issuers: &["佛山市人民政府办公室"],
            // open: `市政府各部门、直属各机构` split or kept together
            recipients: &[
                &["各区人民政府", "市政府各部门", "直属各机构"],
                &["各区人民政府", "市政府各部门、直属各机构"],
            ],
            date: "2024-04-12",
            enclosed: &["佛山市支持制造业企业高质量发展若干措施"],
            attachments: &[],
        },
    );
    // `第一条` … items: the marker as printed, top level; 第五条 is no task.
    tasks(
        &mut e,
        &text,
        d,
        &[
            T {
                number: "第一条",
                heading: "支持企业技术改造",
                resp: &["市工业和信息化局", "市财政局", "各区人民政府"],
                ..T0
            },
            // `（牵头单位：X  配合单位：Y）` without ；
            T {
                number: "第二条",
                heading: "鼓励企业增资扩产",
                lead: &["市工业和信息化局"],
                resp: &["市工业和信息化局", "市商务局", "国家税务总局佛山市税务局"],
                ..T0
            },
            // `市自然资源局（牵头）`
            T {
                number: "第三条",
                heading: "强化用地保障",
                lead: &["市自然资源局"],
                resp: &["市自然资源局", "各区人民政府"],
                ..T0
            },
            // `X牵头，Y、Z配合`
            T {
                number: "第四条",
                heading: "加大金融支持",
                lead: &["市金融工作局"],
                resp: &[
                    "市金融工作局",
                    "人民银行佛山市分行",
                    "国家金融监督管理总局佛山监管分局",
                ],
                ..T0
            },
        ],
    );
    no_appointments(&mut e, d);
    no_division(&mut e, d);
    e.finish("p3");
}

const P4_TITLE: &str = "洛阳市2024年重点民生实事工作计划";

#[test]
fn p4_luoyang_jihua_columns() {
    let (text, p) = load("p4_luoyang_jihua_columns.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[P4_TITLE])[0];
    head(
        &mut e,
        d,
        &Head {
            kind: "计划",
            title: P4_TITLE,
            number: None,
            issuers: &["洛阳市人民政府办公室"], // from the signature only
            recipients: &[&[]],
            date: "2024-02-26",
            enclosed: &[],
            attachments: &[],
        },
    );
    // Keyed lines `牵头单位：` / `责任单位：` / `完成时间：` under each item,
    // no brackets; 四、保障措施 is no task.
    tasks(
        &mut e,
        &text,
        d,
        &[
            // units separated by ASCII spaces
            T {
                number: "一、",
                heading: "新增城镇就业6万人",
                lead: &["市人力资源社会保障局"],
                resp: &[
                    "市人力资源社会保障局",
                    "市财政局",
                    "市教育局",
                    "各县（市、区）人民政府",
                ],
                deadline: Some(("2024年12月", MONTH_END_OR_NULL_12)),
                ..T0
            },
            // `/`
            T {
                number: "二、",
                heading: "改造提升农村公路",
                lead: &["市交通运输局"],
                resp: &[
                    "市交通运输局",
                    "市财政局",
                    "市农业农村局",
                    "各县（市、区）人民政府",
                ],
                deadline: Some(("2024年10月", MONTH_END_OR_NULL_10)),
                ..T0
            },
            T {
                number: "三、",
                heading: "新建城市口袋公园",
                lead: &["市城市管理局"],
                resp: &["市城市管理局", "市自然资源规划局", "市住房城乡建设局"],
                deadline: Some(("2024年9月底前", &[Some("2024-09-30")])),
                ..T0
            },
        ],
    );
    no_appointments(&mut e, d);
    no_division(&mut e, d);
    e.finish("p4");
}

/// `一、新增城镇就业6万人` and `全年新增城镇就业6万人以上` state one
/// indicator; the README promises one target per indicator.
#[test]
fn p4_luoyang_jihua_columns_targets() {
    let (_, p) = load("p4_luoyang_jihua_columns.txt");
    let d = p
        .documents
        .iter()
        .find(|d| d.title == P4_TITLE)
        .expect("P4");
    let hits: Vec<_> = d
        .targets
        .iter()
        .filter(|t| t.indicator.contains("新增城镇就业"))
        .map(|t| {
            (
                t.indicator.as_str(),
                t.value,
                t.unit.as_str(),
                t.qualifier.as_deref(),
            )
        })
        .collect();
    assert!(
        hits.len() == 1 && hits[0].1 == 6.0 && hits[0].2.contains("万人"),
        "新增城镇就业 targets: {hits:?}"
    );
}

// ---------------------------------------------------------------------------
// R1–R3 personnel
// ---------------------------------------------------------------------------

#[test]
fn r1_yining_middledot_tuixiu() {
    let title = "伊宁市人民政府关于阿卜杜拉·买买提等同志职务任免的通知";
    let (text, p) = load("r1_yining_middledot_tuixiu.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[title])[0];
    head(
        &mut e,
        d,
        &Head {
            kind: "通知",
            title,
            number: Some(("伊市政任〔2024〕6号", "伊市政任", 2024, 6)),
            issuers: &["伊宁市人民政府"],
            recipients: &[&["各乡镇人民政府", "各街道办事处", "市直各部门（单位）"]],
            date: "2024-04-18",
            enclosed: &[],
            attachments: &[],
        },
    );
    no_tasks(&mut e, d);
    appointments(
        &mut e,
        &text,
        &all_appointments(d),
        &[
            &[(Appoint, "阿卜杜拉·买买提", "伊宁市水利局局长", None)],
            // open: `（正科级）` as the note, or kept in the post as written
            &[
                (
                    Appoint,
                    "古丽米拉·艾买提",
                    "伊宁市教育局副局长",
                    Some("正科级"),
                ),
                (
                    Appoint,
                    "古丽米拉·艾买提",
                    "伊宁市教育局副局长（正科级）",
                    None,
                ),
            ],
            &[(Appoint, "王建军", "伊宁市应急管理局党组成员、副局长", None)],
            &[
                (
                    Appoint,
                    "努尔兰·哈力别克",
                    "伊宁市民族宗教事务局副局长",
                    Some("正科级"),
                ),
                (
                    Appoint,
                    "努尔兰·哈力别克",
                    "伊宁市民族宗教事务局副局长（正科级）",
                    None,
                ),
            ],
            &[(Remove, "努尔兰·哈力别克", "伊宁市托格拉克乡副乡长", None)],
            // `免去X同志Y职务（退休）` without 的
            &[(Remove, "艾尔肯·吐尔逊", "伊宁市水利局局长", Some("退休"))],
            &[(Remove, "马玉兰", "伊宁市教育局副局长", None)],
        ],
    );
    no_division(&mut e, d);
    e.finish("r1");
}

#[test]
fn r2_weichang_tiqing_renming_yian() {
    let title = "围场满族蒙古族自治县人民政府关于提请任命马丽娟等同志职务的议案";
    let (text, p) = load("r2_weichang_tiqing_renming_yian.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[title])[0];
    head(
        &mut e,
        d,
        &Head {
            kind: "议案",
            title,
            number: None,
            // the signature is a person (`县长　刘志刚`), not an issuer
            issuers: &["围场满族蒙古族自治县人民政府"],
            recipients: &[&["县人民代表大会常务委员会"]],
            date: "2024-04-10",
            enclosed: &[],
            attachments: &[],
        },
    );
    citations(
        &mut e,
        d,
        &[(
            Some("中华人民共和国地方各级人民代表大会和地方各级人民政府组织法"),
            None,
        )],
    );
    no_tasks(&mut e, d);
    // 提请任命：/ 提请免去： lists: proposed actions counted as appointments.
    appointments(
        &mut e,
        &text,
        &all_appointments(d),
        &[
            &[(
                Appoint,
                "马丽娟",
                "围场满族蒙古族自治县教育和体育局局长",
                None,
            )],
            &[(
                Appoint,
                "包金山",
                "围场满族蒙古族自治县民族宗教事务局局长",
                None,
            )],
            // open: `女，蒙古族` as the note; never in the name
            &[
                (
                    Appoint,
                    "其木格",
                    "围场满族蒙古族自治县文化广电和旅游局局长",
                    None,
                ),
                (
                    Appoint,
                    "其木格",
                    "围场满族蒙古族自治县文化广电和旅游局局长",
                    Some("女，蒙古族"),
                ),
            ],
            &[(
                Remove,
                "赵永胜",
                "围场满族蒙古族自治县教育和体育局局长",
                None,
            )],
        ],
    );
    no_division(&mut e, d);
    e.finish("r2");
}

const R3_TITLE: &str = "嘉兴市南湖区人民政府关于沈佳怡等同志职务任免的通知";
/// The three people of the flattened `姓名  原职务  新职务` table.
const R3_TABLE: &[&str] = &["张宏伟", "李娜", "欧阳文"];

#[test]
fn r3_nanhu_table_shiyongqi() {
    let (text, p) = load("r3_nanhu_table_shiyongqi.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[R3_TITLE])[0];
    head(
        &mut e,
        d,
        &Head {
            kind: "通知",
            title: R3_TITLE,
            number: Some(("南政干〔2024〕9号", "南政干", 2024, 9)),
            issuers: &["嘉兴市南湖区人民政府"],
            recipients: &[&["各镇人民政府", "各街道办事处", "区政府各部门"]],
            date: "2024-04-26",
            enclosed: &[],
            attachments: &[],
        },
    );
    no_tasks(&mut e, d);
    // The sentences before the table; the table's records are pinned by
    // r3_nanhu_table_rows.
    let sentences: Vec<&gongwen::Appointment> = d
        .appointments
        .iter()
        .filter(|a| !R3_TABLE.contains(&a.person.as_str()))
        .collect();
    appointments(
        &mut e,
        &text,
        &sentences,
        &[
            // open: the bracketed personal details as the note; never in
            // the name or the post
            &[
                (Appoint, "沈佳怡", "南湖区市场监督管理局副局长", None),
                (
                    Appoint,
                    "沈佳怡",
                    "南湖区市场监督管理局副局长",
                    Some("女，1980年5月生"),
                ),
                (
                    Appoint,
                    "沈佳怡",
                    "南湖区市场监督管理局副局长",
                    Some("（女，1980年5月生）"),
                ),
            ],
            // `X任Y，试用期一年` without 同志
            &[(
                Appoint,
                "钱卫东",
                "南湖区综合行政执法局副局长",
                Some("试用期一年"),
            )],
            &[(Remove, "周国平", "南湖区综合行政执法局副局长", None)],
            // and nothing from the header row `姓名  原职务  新职务` or from
            // `以上同志任职时间自…`
        ],
    );
    no_division(&mut e, d);
    e.finish("r3");
}

/// The flattened table under `下列同志职务调整如下：`: the 新职务 column gives
/// an appointment; a removal from the 原职务 is open (implied, not printed
/// as 免去), but when given it must name the 原职务.
#[test]
fn r3_nanhu_table_rows() {
    let (text, p) = load("r3_nanhu_table_shiyongqi.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[R3_TITLE])[0];
    let appoints: Vec<&gongwen::Appointment> = d
        .appointments
        .iter()
        .filter(|a| R3_TABLE.contains(&a.person.as_str()) && a.action == Appoint)
        .collect();
    appointments(
        &mut e,
        &text,
        &appoints,
        &[
            &[(Appoint, "张宏伟", "区商务局局长", None)],
            &[(Appoint, "李娜", "区卫生健康局副局长", None)], // printed `李　娜`
            &[(Appoint, "欧阳文", "区交通运输局四级调研员", None)],
        ],
    );
    let original = [
        ("张宏伟", "区商务局副局长"),
        ("李娜", "区妇幼保健院副院长"),
        ("欧阳文", "区交通运输局局长"),
    ];
    for a in d
        .appointments
        .iter()
        .filter(|a| R3_TABLE.contains(&a.person.as_str()) && a.action == Remove)
    {
        e.check(
            &format!("{} removal", a.person),
            original.contains(&(a.person.as_str(), a.position.as_str())) && a.note.is_none(),
            format!("from the 原职务 column, got {} / {:?}", a.position, a.note),
        );
    }
    e.finish("r3 table");
}
