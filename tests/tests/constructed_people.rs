//! End-to-end tests of personnel records (`Document::appointments`,
//! `Document::division`) over `corpus/constructed/people/`: small invented
//! notices, one per group of phrasings (see
//! `corpus/constructed/people/README.md`).
//!
//! Every expected value below was written by hand from reading the text
//! file, never recorded from parser output. If a test fails, check the text
//! first, then the parser; do not paste the parser's output in here.

use gongwen::Action::{self, Appoint, Remove};
use gongwen::{parse, Assignment, Document, Options, Parse};
use gongwen_corpus_tests::read_corpus;

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

/// Removes every whitespace character (ASCII, U+3000, line breaks, tabs).
fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One expected appointment: action, person, position, note.
type Act = (Action, &'static str, &'static str, Option<&'static str>);

fn load(name: &str) -> (String, Parse) {
    let text = read_corpus(&format!("constructed/people/{name}"));
    let p = parse(&text, &Options::default());
    (text, p)
}

/// Expects exactly one document with the given date and 发文字号.
fn the_document<'a>(
    name: &str,
    p: &'a Parse,
    date: &str,
    number: &str,
    errs: &mut Vec<String>,
) -> &'a Document {
    assert_eq!(
        p.documents.len(),
        1,
        "{name}: expected exactly one document, got titles {:?}",
        p.documents
            .iter()
            .map(|d| d.title.as_str())
            .collect::<Vec<_>>()
    );
    let d = &p.documents[0];
    if d.date.as_deref() != Some(date) {
        errs.push(format!(
            "document date: expected {date:?}, got {:?}",
            d.date
        ));
    }
    let got = d.doc_number.as_ref().map(|n| n.text.as_str());
    if got != Some(number) {
        errs.push(format!("doc_number: expected {number:?}, got {got:?}"));
    }
    d
}

fn show(a: &gongwen::Appointment) -> String {
    format!(
        "{:?} {} / {} / {:?}",
        a.action, a.person, a.position, a.note
    )
}

/// Compares the document's appointments with `expected`, in reading order,
/// and checks every span: it lies on character boundaries inside the input
/// and (padding removed) contains the person's name.
fn check_appointments(text: &str, doc: &Document, expected: &[Act], errs: &mut Vec<String>) {
    if doc.appointments.len() != expected.len() {
        errs.push(format!(
            "appointment count: expected {}, got {} [{}]",
            expected.len(),
            doc.appointments.len(),
            doc.appointments
                .iter()
                .map(show)
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    for (k, e) in expected.iter().enumerate() {
        match doc.appointments.get(k) {
            None => errs.push(format!("appointment #{}: missing, expected {:?}", k + 1, e)),
            Some(a) => {
                let g = (
                    a.action,
                    a.person.as_str(),
                    a.position.as_str(),
                    a.note.as_deref(),
                );
                if g != *e {
                    errs.push(format!(
                        "appointment #{}: expected {:?}, got {:?}",
                        k + 1,
                        e,
                        g
                    ));
                }
            }
        }
    }
    for (k, a) in doc.appointments.iter().enumerate() {
        let n = a.person.chars().count();
        if !(2..=4).contains(&n) || a.person.chars().any(char::is_whitespace) {
            errs.push(format!(
                "appointment #{}: person {:?} is not a 2–4 character name",
                k + 1,
                a.person
            ));
        }
        match text.get(a.span.start..a.span.end) {
            None => errs.push(format!(
                "appointment #{} ({}): span {}..{} is not a valid range of the input",
                k + 1,
                a.person,
                a.span.start,
                a.span.end
            )),
            Some(s) => {
                if !strip_ws(s).contains(&a.person) {
                    errs.push(format!(
                        "appointment #{} ({}): span {}..{} covers {:?}, without the name",
                        k + 1,
                        a.person,
                        a.span.start,
                        a.span.end,
                        s
                    ));
                }
            }
        }
    }
}

fn report(name: &str, errs: Vec<String>) {
    if !errs.is_empty() {
        panic!(
            "{name}: {} mismatch(es):\n  - {}",
            errs.len(),
            errs.join("\n  - ")
        );
    }
}

/// One expected leader.
#[derive(Clone, Debug)]
struct Lead {
    person: &'static str,
    titles: &'static [&'static str],
    /// `None`: not checked (the phrasing has no 负责 sentence to pin).
    duties: Option<&'static [&'static str]>,
    supervises: &'static [&'static str],
    liaises: &'static [&'static str],
    concurrent: &'static [&'static str],
    backup: Option<&'static str>,
}

fn lead(person: &'static str, titles: &'static [&'static str]) -> Lead {
    Lead {
        person,
        titles,
        duties: None,
        supervises: &[],
        liaises: &[],
        concurrent: &[],
        backup: None,
    }
}

impl Lead {
    fn duties(mut self, v: &'static [&'static str]) -> Lead {
        self.duties = Some(v);
        self
    }
    fn sup(mut self, v: &'static [&'static str]) -> Lead {
        self.supervises = v;
        self
    }
    fn lia(mut self, v: &'static [&'static str]) -> Lead {
        self.liaises = v;
        self
    }
    fn conc(mut self, v: &'static [&'static str]) -> Lead {
        self.concurrent = v;
        self
    }
    fn backup(mut self, v: &'static str) -> Lead {
        self.backup = Some(v);
        self
    }
}

/// The contract says a duty is "each 负责… sentence" but not whether the
/// leading 负责 and the closing 。 are kept; compare without either.
fn duty_core(s: &str) -> String {
    let s = strip_ws(s);
    let s = s.trim_end_matches(['。', '；', ';', '，']);
    s.strip_prefix("负责").unwrap_or(s).to_string()
}

fn check_division(text: &str, doc: &Document, expected: &[Lead], errs: &mut Vec<String>) {
    let names: Vec<&str> = doc.division.iter().map(|a| a.person.as_str()).collect();
    let want: Vec<&str> = expected.iter().map(|l| l.person).collect();
    if names != want {
        errs.push(format!("leaders: expected {want:?}, got {names:?}"));
    }
    for e in expected {
        let Some(a): Option<&Assignment> = doc.division.iter().find(|a| a.person == e.person)
        else {
            errs.push(format!("{}: no division record", e.person));
            continue;
        };
        let p = e.person;
        if a.titles != e.titles {
            errs.push(format!(
                "{p}: titles expected {:?}, got {:?}",
                e.titles, a.titles
            ));
        }
        if let Some(d) = e.duties {
            let g: Vec<String> = a.duties.iter().map(|s| duty_core(s)).collect();
            let w: Vec<String> = d.iter().map(|s| duty_core(s)).collect();
            if g != w {
                errs.push(format!("{p}: duties expected {d:?}, got {:?}", a.duties));
            }
        }
        if a.supervises != e.supervises {
            errs.push(format!(
                "{p}: supervises expected {:?}, got {:?}",
                e.supervises, a.supervises
            ));
        }
        if a.liaises != e.liaises {
            errs.push(format!(
                "{p}: liaises expected {:?}, got {:?}",
                e.liaises, a.liaises
            ));
        }
        if a.concurrent != e.concurrent {
            errs.push(format!(
                "{p}: concurrent expected {:?}, got {:?}",
                e.concurrent, a.concurrent
            ));
        }
        if a.backup.as_deref() != e.backup {
            errs.push(format!(
                "{p}: backup expected {:?}, got {:?}",
                e.backup, a.backup
            ));
        }
        match text.get(a.span.start..a.span.end) {
            None => errs.push(format!(
                "{p}: span {}..{} is not a valid range of the input",
                a.span.start, a.span.end
            )),
            Some(s) if !strip_ws(s).contains(p) => errs.push(format!(
                "{p}: span {}..{} does not cover the name",
                a.span.start, a.span.end
            )),
            Some(_) => {}
        }
    }
}

// ---------------------------------------------------------------------------
// appointments
// ---------------------------------------------------------------------------

#[test]
fn list_headed_by_renming_and_mianqu() {
    let name = "01_list-renming-mianqu-zitong.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    let d = the_document(name, &p, "2024-03-27", "梓人常发〔2024〕12号", &mut errs);
    check_appointments(
        &text,
        d,
        &[
            (Appoint, "王刚", "梓潼县人民法院副院长", None),
            (
                Appoint,
                "陈晓燕",
                "梓潼县人民法院审判委员会委员、审判员",
                None,
            ),
            (Appoint, "欧阳明远", "梓潼县人民法院审判员", None),
            (Remove, "赵强", "梓潼县人民法院审判员", None),
            // the 的 is missing on this line
            (Remove, "钱芳", "梓潼县人民法院审判员", None),
            (
                Remove,
                "司马睿",
                "梓潼县人民法院审判委员会委员、副院长",
                None,
            ),
        ],
        &mut errs,
    );
    report(name, errs);
}

#[test]
fn ren_mianqu_and_mianqiqi() {
    let name = "02_ren-mianqu-mianqiqi-chunan.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    let d = the_document(name, &p, "2024-02-19", "淳政干〔2024〕7号", &mut errs);
    check_appointments(
        &text,
        d,
        &[
            (Appoint, "徐海峰", "县发展和改革局副局长", None),
            (Remove, "潘建国", "县交通运输局副局长", None),
            (Appoint, "方丽君", "县教育局副局长", None),
            (Remove, "方丽君", "县文化和广电旅游体育局副局长", None),
            (Appoint, "邵军", "县应急管理局副局长", None),
        ],
        &mut errs,
    );
    report(name, errs);
}

#[test]
fn shared_post_with_probation_and_jian() {
    let name = "03_shiyongqi-jian-linze.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    let d = the_document(name, &p, "2024-04-02", "临政任〔2024〕4号", &mut errs);
    check_appointments(
        &text,
        d,
        &[
            (Appoint, "马振华", "县第一中学副校长", Some("试用期一年")),
            (Appoint, "杨帆", "县第一中学副校长", Some("试用期一年")),
            (
                Appoint,
                "何志刚",
                "县水务局局长兼县河湖长制工作办公室主任",
                None,
            ),
            (Appoint, "段雪梅", "县人民医院副院长", Some("试用期一年")),
        ],
        &mut errs,
    );
    report(name, errs);
}

#[test]
fn jueding_renming_and_timing() {
    let name = "04_jueding-renming-timing-fuchuan.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    let d = the_document(name, &p, "2024-04-19", "富人常发〔2024〕6号", &mut errs);
    check_appointments(
        &text,
        d,
        &[
            (Appoint, "黄丽萍", "县教育局局长", None),
            (Appoint, "蒙志勇", "县民政局局长", None),
            (
                Appoint,
                "韦国庆",
                "县人民代表大会常务委员会办公室主任",
                None,
            ),
            (
                Appoint,
                "莫小燕",
                "县人民代表大会常务委员会财政经济工作委员会副主任",
                None,
            ),
        ],
        &mut errs,
    );
    report(name, errs);
}

#[test]
fn names_compound_padded_and_ren_surname() {
    let name = "05_names-compound-padded-ren-surname-sihong.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    let d = the_document(name, &p, "2024-05-10", "洪委干〔2024〕15号", &mut errs);
    check_appointments(
        &text,
        d,
        &[
            (Appoint, "欧阳明远", "县发展和改革局局长", None),
            (Appoint, "司马睿", "县统计局副局长", None),
            (Appoint, "诸葛文清", "县商务局副局长", None),
            (Appoint, "李明", "县审计局副局长", None),
            // 任杰同志任…: the name starts with the verb 任
            (Appoint, "任杰", "县民政局副局长", None),
            // 免去任志强同志的…: 任 after 免去 begins the name
            (Remove, "任志强", "县发展和改革局局长", None),
            // no 同志, no 的: the compound surname fixes the name's length
            (Remove, "欧阳明远", "县财政局党组成员", None),
            (Remove, "王伟", "县审计局副局长", None),
        ],
        &mut errs,
    );
    report(name, errs);
}

#[test]
fn relayed_removal() {
    let name = "06_relayed-removal-nanbu.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    // the relayed 南组干〔2024〕3号 is a citation, not the notice's number
    let d = the_document(name, &p, "2024-03-15", "南委干〔2024〕8号", &mut errs);
    check_appointments(
        &text,
        d,
        &[
            (Remove, "刘洋", "南部县人民检察院政治部主任", None),
            (Appoint, "张伟", "县司法局副局长", None),
            (Remove, "唐小兵", "县司法局副局长", None),
        ],
        &mut errs,
    );
    report(name, errs);
}

#[test]
fn buzaidanren_zengbu_and_jianren() {
    let name = "07_buzaidanren-zengbu-jianren-quzhou.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    let d = the_document(name, &p, "2024-06-12", "衢政办发〔2024〕21号", &mut errs);
    check_appointments(
        &text,
        d,
        &[
            (Remove, "胡建军", "市安全生产委员会副主任", None),
            (Appoint, "俞晓东", "市安全生产委员会副主任", None),
            // 增补市财政局局长周平和市教育局副局长吴敏同志为委员
            (Appoint, "周平", "委员", None),
            (Appoint, "吴敏", "委员", None),
            (Appoint, "吴敏", "办公室副主任", None),
        ],
        &mut errs,
    );
    report(name, errs);
}

#[test]
fn blanket_removal_names_no_one() {
    let name = "08_blanket-removal-gaotai.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    let d = the_document(name, &p, "2024-01-22", "高政任〔2024〕2号", &mut errs);
    check_appointments(
        &text,
        d,
        &[
            (Appoint, "陈建华", "县乡村振兴局局长", None),
            (Remove, "杜海涛", "县乡村振兴局副局长", None),
        ],
        &mut errs,
    );
    if d.appointments
        .iter()
        .any(|a| a.position.contains("扶贫开发办公室"))
    {
        errs.push("an appointment was invented from the blanket clause".into());
    }
    match p.diagnostics.iter().find(|g| g.code == "blanket_removal") {
        None => errs.push(format!(
            "no blanket_removal diagnostic; codes: {:?}",
            p.diagnostics
                .iter()
                .map(|g| g.code.as_str())
                .collect::<Vec<_>>()
        )),
        Some(g) => {
            let s = text.get(g.span.start..g.span.end).unwrap_or("");
            if !s.contains("自然免除") {
                errs.push(format!("blanket_removal span covers {s:?}, not the clause"));
            }
        }
    }
    report(name, errs);
}

// ---------------------------------------------------------------------------
// division of labour
// ---------------------------------------------------------------------------

#[test]
fn division_headings_with_ab_pairs() {
    let name = "09_division-headings-ab-jiao-suqian.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    let d = the_document(name, &p, "2024-05-08", "宿政发〔2024〕30号", &mut errs);
    if !d.appointments.is_empty() {
        errs.push(format!(
            "a division of labour has no appointments, got [{}]",
            d.appointments
                .iter()
                .map(show)
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    check_division(
        &text,
        d,
        &[
            lead("李强", &["市人民政府党组书记", "市长"])
                .duties(&["负责市人民政府全面工作", "负责审计方面工作"])
                .sup(&["市审计局"]),
            lead("王建平", &["市人民政府党组副书记", "常务副市长"])
                .duties(&[
                    "负责市人民政府常务工作",
                    "负责发展改革、财政、国防动员方面工作",
                ])
                .sup(&["市发改委", "市财政局", "市国防动员办（市人防办）"])
                .lia(&["市人大常委会", "市政协"])
                .backup("赵立新"),
            lead("赵立新", &["市人民政府党组成员", "副市长"])
                .duties(&["负责公安、司法方面工作"])
                .sup(&["市公安局", "市司法局"])
                .lia(&["市中级人民法院", "市人民检察院"])
                .conc(&["市公安局局长"])
                .backup("王建平"),
            lead("孙立", &["市人民政府副市长（挂职）"])
                .duties(&["负责科技创新、数字经济方面工作"])
                .sup(&["市科技局", "市数据局"])
                .lia(&["南京大学宿迁研究院"])
                .backup("周晓梅"),
            lead("周晓梅", &["市人民政府党组成员", "副市长"])
                .duties(&["负责教育、卫生健康、民政方面工作"])
                .sup(&["市教育局", "市卫生健康委（市中医药管理局）", "市民政局"])
                .lia(&["市妇联", "市残联"])
                .backup("孙立"),
        ],
        &mut errs,
    );
    report(name, errs);
}

#[test]
fn division_numbered_on_one_line() {
    let name = "10_division-numbered-one-line-beihai.txt";
    let (text, p) = load(name);
    let mut errs = Vec::new();
    let d = the_document(name, &p, "2024-06-03", "北发改发〔2024〕11号", &mut errs);
    check_division(
        &text,
        d,
        &[
            lead("蒋文斌", &["党组书记", "主任"]).sup(&["人事科"]),
            lead("邓丽华", &["党组成员", "副主任"])
                .duties(&["负责国民经济综合、投资管理工作"])
                .sup(&["综合科", "投资科", "重点项目办（重大项目稽察办）"])
                .lia(&["市统计局"]),
            // 协助分管财务工作 names no body: only 办公室 and 财务处 are supervised
            lead("韦东", &["副主任"]).sup(&["办公室", "财务处"]),
            lead("黄志明", &["党组成员", "副主任"])
                .duties(&["负责价格管理、能源工作"])
                .sup(&["价格科", "能源科"])
                .lia(&["市供电局"]),
        ],
        &mut errs,
    );
    report(name, errs);
}
