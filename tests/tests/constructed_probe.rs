//! End-to-end tests over `corpus/constructed/probe/`: twenty invented
//! documents in shapes the parser was not tuned on (see
//! `corpus/constructed/probe/README.md`), one test per file.
//!
//! Every expected value below was written by hand from reading the text
//! file (first in the probe's `expected.md`, then re-read against the text),
//! never recorded from parser output. If a test fails, check the text first,
//! then the parser; do not paste the parser's output in here.
//!
//! Where the contract leaves a value open (e.g. 函 or 复函, full-width digits
//! kept or normalised in a title, two bodies sharing 各 kept together or not),
//! the test accepts each defensible answer and says so.
//!
//! An assertion that pins a known parser gap of the kinds accepted as pending
//! (here: a 公告 number without a bracketed year) sits in its own
//! `#[ignore = "parser gap: …"]` test, so the rest of the file's test still
//! guards against regressions. Remove the `ignore` once the gap is closed.

use gongwen::{parse, Action, Action::Appoint, Action::Remove, Document, Encoding, Options, Parse};
use gongwen_corpus_tests::{corpus_dir, read_corpus, Errs};

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

fn load(name: &str) -> Parse {
    let text = read_corpus(&format!("constructed/probe/{name}"));
    parse(&text, &Options::default())
}

/// Full-width digits to ASCII (for values whose digit form the contract
/// leaves open).
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            _ => c,
        })
        .collect()
}

fn titles(p: &Parse) -> Vec<&str> {
    p.documents.iter().map(|d| d.title.as_str()).collect()
}


/// Checks the document count; returns the documents to check in order. When
/// the count is wrong the documents whose titles match are still checked
/// (falling back on the first ones), so one run shows every mismatch.
fn docs<'a>(e: &mut Errs, p: &'a Parse, expected_titles: &[&[&str]]) -> Vec<&'a Document> {
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
    expected_titles
        .iter()
        .enumerate()
        .map(|(k, ts)| {
            p.documents
                .iter()
                .find(|d| ts.contains(&d.title.as_str()))
                .unwrap_or_else(|| p.documents.get(k).unwrap_or(&p.documents[0]))
        })
        .collect()
}

/// A 发文字号: (text, agency, year, serial).
type Num = (&'static str, &'static str, i32, u32);
/// An attachment: (index, title, omitted).
type Att = (u32, &'static str, bool);
/// An appointment: (action, person, position, note).
type Act = (Action, &'static str, &'static str, Option<&'static str>);

/// The header fields every file pins. `kinds` and `titles` list every
/// accepted answer; `number: None` leaves the number to a check of its own.
struct Head<'a> {
    kinds: &'a [&'a str],
    titles: &'a [&'a str],
    number: Option<Num>,
    issuers: &'a [&'a [&'a str]],
    recipients: &'a [&'a [&'a str]],
    date: &'a str,
    enclosed: &'a [&'a [&'a str]],
    attachments: &'a [Att],
}

fn head(e: &mut Errs, d: &Document, h: &Head) {
    e.any("kind", d.kind.as_deref().unwrap_or("<null>"), h.kinds);
    e.any("title", d.title.as_str(), h.titles);
    if let Some((text, agency, year, serial)) = h.number {
        match &d.doc_number {
            None => e.0.push(format!("doc_number: expected {text:?}, got null")),
            Some(n) => {
                e.eq("doc_number.text", n.text.as_str(), text);
                e.eq("doc_number.agency", n.agency.as_str(), agency);
                e.eq("doc_number.year", &n.year, &year);
                e.eq("doc_number.serial", &n.serial, &serial);
            }
        }
    }
    let got_iss: Vec<&str> = d.issuers.iter().map(String::as_str).collect();
    e.any("issuers", &got_iss[..], h.issuers);
    let got_rec: Vec<&str> = d.recipients.iter().map(String::as_str).collect();
    e.any("recipients", &got_rec[..], h.recipients);
    e.eq("date", &d.date.as_deref(), &Some(h.date));
    let got_enc: Vec<&str> = d.enclosed_titles.iter().map(String::as_str).collect();
    e.any("enclosed_titles", &got_enc[..], h.enclosed);
    let got_att: Vec<(u32, &str, bool)> = d
        .attachments
        .iter()
        .map(|a| (a.index, a.title.as_str(), a.omitted))
        .collect();
    e.eq("attachments", &got_att[..], h.attachments);
}

/// Like `head`, for a document whose printed digits are full-width: title,
/// enclosed titles and attachment titles may keep them or use ASCII.
fn head_fullwidth(e: &mut Errs, d: &Document, h: &Head) {
    // (The model types are non-exhaustive: a copy with fields changed.)
    let mut norm = d.clone();
    norm.title = ascii_digits(&d.title);
    norm.enclosed_titles = d.enclosed_titles.iter().map(|s| ascii_digits(s)).collect();
    for a in &mut norm.attachments {
        a.title = ascii_digits(&a.title);
    }
    head(e, &norm, h);
}

fn no_tasks(e: &mut Errs, d: &Document) {
    let got: Vec<(&str, &str)> = d
        .tasks
        .iter()
        .map(|t| (t.number.as_str(), t.heading.as_str()))
        .collect();
    e.eq("tasks", &got[..], &[]);
}

fn appointments(e: &mut Errs, d: &Document, want: &[Act]) {
    let got: Vec<(Action, &str, &str, Option<&str>)> = d
        .appointments
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
    e.eq("appointments", &got[..], want);
}

fn no_division(e: &mut Errs, d: &Document) {
    let got: Vec<&str> = d.division.iter().map(|a| a.person.as_str()).collect();
    e.eq("division (persons)", &got[..], &[]);
}

/// One expected leader: person, titles, supervises, liaises, and every
/// accepted backup.
type Leader = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static [Option<&'static str>],
);

/// One expected task. `heading: None` leaves the heading unchecked.
struct T {
    number: &'static str,
    path: &'static [&'static str],
    heading: Option<&'static str>,
    lead: &'static [&'static str],
    resp: &'static [&'static str],
    /// (text, ISO date) or None for no deadline.
    deadline: Option<(&'static str, Option<&'static str>)>,
    text_has: &'static [&'static str],
    text_lacks: &'static [&'static str],
}

const T0: T = T {
    number: "",
    path: &[],
    heading: None,
    lead: &[],
    resp: &[],
    deadline: None,
    text_has: &[],
    text_lacks: &[],
};

fn tasks(e: &mut Errs, d: &Document, want: &[T]) {
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
        let p = format!("task #{} ({})", k + 1, w.number);
        e.eq(&format!("{p} number"), t.number.as_str(), w.number);
        let path: Vec<&str> = t.path.iter().map(String::as_str).collect();
        e.eq(&format!("{p} path"), &path[..], w.path);
        if let Some(h) = w.heading {
            e.eq(&format!("{p} heading"), t.heading.as_str(), h);
        }
        let lead: Vec<&str> = t.lead_units.iter().map(String::as_str).collect();
        e.eq(&format!("{p} lead_units"), &lead[..], w.lead);
        let resp: Vec<&str> = t.responsible_units.iter().map(String::as_str).collect();
        e.eq(&format!("{p} responsible_units"), &resp[..], w.resp);
        let dl = t
            .deadline
            .as_ref()
            .map(|x| (x.text.as_str(), x.date.as_deref()));
        e.eq(&format!("{p} deadline"), &dl, &w.deadline);
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
    }
}

// ---------------------------------------------------------------------------
// one test per file
// ---------------------------------------------------------------------------

#[test]
fn p01_jueding_yunnan_biaozhang() {
    let title = "云南省人民政府关于表彰2023年度云南省科学技术奖获奖者的决定";
    let p = load("01_jueding_yunnan_biaozhang.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["决定"],
            titles: &[title],
            number: Some(("云政发〔2024〕6号", "云政发", 2024, 6)),
            issuers: &[&["云南省人民政府"]],
            recipients: &[&["各州、市人民政府", "省直各委、办、厅、局"]],
            date: "2024-02-26",
            enclosed: &[&[]],
            attachments: &[
                (1, "2023年度云南省科学技术杰出贡献奖获奖人员名单", false),
                (2, "2023年度云南省自然科学奖、技术发明奖获奖项目名单", false),
                (3, "2023年度云南省科学技术进步奖获奖项目名单", true),
            ],
        },
    );
    no_tasks(&mut e, d);
    // 授予…奖 is an award, not a 任命.
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("01");
}

const P02_TITLE: &str =
    "黑龙江省自然资源厅关于哈尔滨市道里区2024年度第一批次城镇建设用地征收土地的公告";

#[test]
fn p02_gonggao_heilongjiang() {
    let p = load("02_gonggao_heilongjiang.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[P02_TITLE]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["公告"],
            titles: &[P02_TITLE],
            number: None, // see p02_gonggao_heilongjiang_doc_number
            issuers: &[&["黑龙江省自然资源厅"]],
            recipients: &[&[]],
            date: "2024-03-12",
            enclosed: &[&[]],
            attachments: &[(
                1,
                "哈尔滨市道里区2024年度第一批次城镇建设用地征收土地范围图",
                true,
            )],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("02");
}

/// `黑龙江省自然资源厅公告2024年第3号`, printed on the line above the title:
/// the exact text form of a number without 〔〕 is open (`2024年第3号` per
/// docs/SCHEMA.md, or with the organ as printed); year and serial are not.
#[test]
fn p02_gonggao_heilongjiang_doc_number() {
    let p = load("02_gonggao_heilongjiang.txt");
    let d = p
        .documents
        .iter()
        .find(|d| d.title == P02_TITLE)
        .expect("the 公告");
    let n = d
        .doc_number
        .as_ref()
        .expect("doc_number 黑龙江省自然资源厅公告2024年第3号, got null");
    assert_eq!((n.year, n.serial), (2024, 3), "doc_number {n:?}");
    assert!(
        n.text.contains("2024")
            && n.text.ends_with("3号")
            && !n.text.chars().any(char::is_whitespace),
        "doc_number text {:?}",
        n.text
    );
}

#[test]
fn p03_tonggao_jiangxi_nanchang() {
    let title =
        "南昌市公安局南昌市城市管理和综合执法局关于2024年春节期间城区禁止燃放烟花爆竹的通告";
    let p = load("03_tonggao_jiangxi_nanchang.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["通告"],
            titles: &[title],
            number: Some(("洪公通〔2024〕2号", "洪公通", 2024, 2)),
            issuers: &[&["南昌市公安局", "南昌市城市管理和综合执法局"]],
            recipients: &[&[]],
            date: "2024-01-30",
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("03");
}

#[test]
fn p04_jiyao_shanxi_taiyuan() {
    // The contract leaves open which title line a 纪要 with masthead and
    // sub-title reports: the sub-title, the masthead, or both joined.
    let sub = "关于推进城中村改造工作的会议纪要";
    let mast = "太原市人民政府专题会议纪要";
    let both = "太原市人民政府专题会议纪要关于推进城中村改造工作的会议纪要";
    let p = load("04_jiyao_shanxi_taiyuan.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[sub, mast, both]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["纪要"],
            titles: &[sub, mast, both],
            number: Some(("并政阅〔2024〕12号", "并政阅", 2024, 12)),
            issuers: &[&["太原市人民政府办公室"]],
            recipients: &[&[]], // 分送 is not 主送
            date: "2024-03-18", // the issue date; 2024-03-15 is the meeting
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    // Two parenthesised clauses; 三、 states its units inline without
    // parentheses, so a third task is optional (checked when present).
    let strict = [
        T {
            number: "一、",
            heading: Some("关于年度改造任务"),
            lead: &["市住建局"],
            resp: &["市住建局", "各相关区人民政府"],
            ..T0
        },
        T {
            number: "二、",
            heading: Some("关于资金保障"),
            lead: &["市财政局"],
            resp: &["市财政局", "市住建局", "国开行山西省分行"],
            ..T0
        },
    ];
    let third = T {
        number: "三、",
        heading: Some("关于征收安置"),
        resp: &["各相关区人民政府", "市自然资源局", "市住建局"],
        deadline: Some(("2024年6月底前", Some("2024-06-30"))),
        ..T0
    };
    if d.tasks.len() == 3 {
        let [a, b] = strict;
        tasks(&mut e, d, &[a, b, third]);
    } else {
        tasks(&mut e, d, &strict);
    }
    appointments(&mut e, d, &[]); // 列席 list with posts is not 任免
    no_division(&mut e, d);
    e.finish("04");
}

#[test]
fn p05_yijian_joint_guizhou() {
    let title = "中共贵州省委办公厅贵州省人民政府办公厅关于进一步加强基层应急管理能力建设的意见";
    let p = load("05_yijian_joint_guizhou.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["意见"],
            titles: &[title],
            number: Some(("黔党办发〔2024〕8号", "黔党办发", 2024, 8)),
            issuers: &[&["中共贵州省委办公厅", "贵州省人民政府办公厅"]],
            recipients: &[&[
                "各市（州）党委和人民政府",
                "贵安新区党工委和管委会",
                "省委各部委",
                "省级国家机关各部门",
                "各人民团体",
            ]],
            date: "2024-03-05",
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("05");
}

#[test]
fn p06_pifu_xinjiang() {
    let title =
        "新疆维吾尔自治区人民政府关于同意设立昌吉国家农业高新技术产业示范区管理委员会的批复";
    let p = load("06_pifu_xinjiang.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["批复"],
            titles: &[title],
            number: Some(("新政函〔2024〕27号", "新政函", 2024, 27)),
            issuers: &[&["新疆维吾尔自治区人民政府"]],
            recipients: &[&["昌吉回族自治州人民政府", "自治区科技厅"]],
            date: "2024-04-02",
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("06");
}

#[test]
fn p07_fuhan_chongqing() {
    let title = "重庆市交通运输委员会关于对市六届人大二次会议第0231号建议的复函";
    let p = load("07_fuhan_chongqing.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["函", "复函"], // open: 复函 is a 函
            titles: &[title],
            // The 第0231号 inside the title is not the document's number.
            number: Some(("渝交函〔2024〕112号", "渝交函", 2024, 112)),
            issuers: &[&["重庆市交通运输委员会"]],
            recipients: &[&["张晓燕代表"]], // 抄送 bodies are not recipients
            date: "2024-06-18",
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("07");
}

#[test]
fn p08_qingshi_fujian_gbk() {
    let title = "福州市人民政府关于申请将福州滨海新城纳入省级综合改革试点的请示";
    let path = corpus_dir().join("constructed/probe/08_qingshi_fujian_gbk.txt");
    let bytes =
        std::fs::read(&path).unwrap_or_else(|err| panic!("reading {}: {err}", path.display()));
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "08 must stay GBK-encoded, not UTF-8"
    );
    let (text, enc) = gongwen::decode(&bytes).expect("decoding the GBK file");
    assert_eq!(enc, Encoding::Gb18030);
    let p = parse(&text, &Options::default());
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["请示"],
            titles: &[title], // not the 福州市人民政府文件 masthead
            number: Some(("榕政〔2024〕20号", "榕政", 2024, 20)),
            issuers: &[&["福州市人民政府"]],
            recipients: &[&["福建省人民政府"]],
            date: "2024-05-08",
            enclosed: &[&[]],
            attachments: &[
                (1, "福州滨海新城综合改革试点实施方案", false),
                (2, "福州滨海新城综合改革试点任务清单", false),
            ],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("08");
}

#[test]
fn p09_baogao_neimenggu() {
    let title = "鄂尔多斯市人民政府关于2023年度法治政府建设情况的报告";
    let p = load("09_baogao_neimenggu.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["报告"],
            titles: &[title],
            number: Some(("鄂府发〔2024〕11号", "鄂府发", 2024, 11)),
            issuers: &[&["鄂尔多斯市人民政府"]],
            recipients: &[&["自治区人民政府"]],
            date: "2024-01-31",
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("09");
}

#[test]
fn p10_ling_gansu() {
    let title = "甘肃省人民政府令";
    let p = load("10_ling_gansu.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["令"],
            titles: &[title],
            number: None, // checked below: a 令 number has no printed year
            // the organ, not the signing 省长 任振华
            issuers: &[&["甘肃省人民政府"]],
            recipients: &[&[]],
            // not the meeting date 2024-03-28 nor the effective date 2024-06-01
            date: "2024-04-10",
            // open: the 令 promulgates the 办法 it carries
            enclosed: &[&["甘肃省农村公路管理办法"], &[]],
            attachments: &[],
        },
    );
    // `甘肃省人民政府令` / `第123号`: the text may carry the order's title or
    // not; the serial is 123. No year is printed, so it is not checked.
    match &d.doc_number {
        None => e.0.push("doc_number: expected 第123号, got null".into()),
        Some(n) => {
            e.any(
                "doc_number.text",
                n.text.as_str(),
                &["甘肃省人民政府令第123号", "第123号"],
            );
            e.eq("doc_number.serial", &n.serial, &123);
        }
    }
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("10");
}

#[test]
fn p11_gazette_shiping_pdf() {
    let ta = "石屏县人民政府关于印发石屏县2024年农村人居环境整治提升工作方案的通知";
    let tb = "石屏县人民政府办公室关于调整石屏县森林草原防灭火指挥部组成人员的通知";
    let p = load("11_gazette_shiping_pdf.txt");
    let mut e = Errs::default();
    let ds = docs(&mut e, &p, &[&[ta], &[tb]]); // the TOC page is not a document
    let (a, b) = (ds[0], ds[1]);
    head(
        &mut e,
        a,
        &Head {
            kinds: &["通知"],
            titles: &[ta],
            number: Some(("石政发〔2024〕3号", "石政发", 2024, 3)), // printed "〔2024〕 3号"
            issuers: &[&["石屏县人民政府"]],
            recipients: &[&["各乡镇人民政府", "县直各部门"]],
            date: "2024-02-19",
            enclosed: &[&["石屏县2024年农村人居环境整治提升工作方案"]],
            attachments: &[],
        },
    );
    // No 牵头 and no deadlines stated in the plan.
    tasks(
        &mut e,
        a,
        &[
            T {
                number: "（一）",
                path: &["二、"],
                heading: Some("推进农村厕所革命"),
                resp: &["县农业农村局", "县卫生健康局", "各乡镇人民政府"],
                text_has: &["1200座"], // rejoined across "120" / "0座"
                ..T0
            },
            T {
                number: "（二）",
                path: &["二、"],
                heading: Some("加强农村生活垃圾治理"),
                resp: &["县住房城乡建设局", "各乡镇人民政府"],
                ..T0
            },
            T {
                number: "（三）",
                path: &["二、"],
                heading: Some("推进农村生活污水治理"),
                resp: &["市生态环境局石屏分局", "县水务局"],
                text_lacks: &["石屏县人民政府公报", "2024年第2期"],
                ..T0
            },
        ],
    );
    appointments(&mut e, a, &[]);
    no_division(&mut e, a);

    head(
        &mut e,
        b,
        &Head {
            kinds: &["通知"],
            titles: &[tb],
            number: Some(("石政办发〔2024〕9号", "石政办发", 2024, 9)),
            issuers: &[&["石屏县人民政府办公室"]],
            recipients: &[&["各乡镇人民政府", "县直有关部门"]],
            date: "2024-03-01",
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    no_tasks(&mut e, b);
    // A 组成人员 list is not 任免. Open: "普建华同志兼任办公室主任" may give
    // one appointment of 普建华.
    let extra: Vec<&str> = b
        .appointments
        .iter()
        .map(|x| x.person.as_str())
        .filter(|n| *n != "普建华")
        .collect();
    e.eq("B appointments other than 普建华", &extra[..], &[]);
    e.check(
        "B appointments",
        b.appointments.len() <= 1,
        format!("{:?}", b.appointments),
    );
    no_division(&mut e, b);
    e.finish("11");
}

#[test]
fn p12_webpage_siping_crlf() {
    let title = "四平市人民政府办公室关于做好2024年春季农业生产工作的通知";
    let text = read_corpus("constructed/probe/12_webpage_siping_crlf.txt");
    assert!(text.contains("\r\n"), "12 must keep its CRLF line ends");
    let p = parse(&text, &Options::default());
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["通知"],
            titles: &[title],
            number: Some(("四政办发〔2024〕7号", "四政办发", 2024, 7)),
            issuers: &[&["四平市人民政府办公室"]],
            recipients: &[&["各县（市、区）人民政府", "市政府各委办局"]],
            date: "2024-02-28", // not 发布时间 2024-03-01
            enclosed: &[&[]],
            attachments: &[(1, "2024年四平市春耕生产重点任务分工表", false)],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("12");
}

#[test]
fn p13_gbt9704_ningxia_jinji() {
    let title = "宁夏回族自治区人民政府办公厅关于做好2024年汛期地质灾害防范应对工作的紧急通知";
    let p = load("13_gbt9704_ningxia_jinji.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["通知"],
            titles: &[title],
            number: Some(("宁政办发〔2024〕15号", "宁政办发", 2024, 15)),
            issuers: &[&["宁夏回族自治区人民政府办公厅"]],
            // open: `自治区政府各部门、各直属机构` split or kept together
            recipients: &[
                &["各市、县（区）人民政府", "自治区政府各部门", "各直属机构"],
                &["各市、县（区）人民政府", "自治区政府各部门、各直属机构"],
            ],
            date: "2024-05-20",
            enclosed: &[&[]],
            attachments: &[(1, "2024年汛期地质灾害重点防范区域清单", false)],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("13");
}

#[test]
fn p14_yinfa_fangan_pingxiang() {
    let title = "萍乡市人民政府办公室关于印发萍乡市优化营商环境三年行动方案（2024—2026年）的通知";
    let p = load("14_yinfa_fangan_pingxiang.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["通知"],
            titles: &[title],
            number: Some(("萍府办字〔2024〕16号", "萍府办字", 2024, 16)),
            issuers: &[&["萍乡市人民政府办公室"]],
            recipients: &[&[
                "各县（区）人民政府",
                "萍乡经济技术开发区管委会",
                "市政府各部门",
            ]],
            date: "2024-03-22",
            enclosed: &[&["萍乡市优化营商环境三年行动方案（2024—2026年）"]],
            attachments: &[],
        },
    );
    // No 牵头 stated: lead_units empty. The 完成时限 stands right of the
    // clause, on the same line (1, 2) or the next line (3, 4, 5).
    tasks(
        &mut e,
        d,
        &[
            T {
                number: "1.",
                path: &["二、", "（一）"],
                heading: Some("推行企业开办“一日办结”"),
                resp: &["市市场监管局", "市行政审批局"],
                deadline: Some(("2024年6月底前", Some("2024-06-30"))),
                ..T0
            },
            T {
                number: "2.",
                path: &["二、", "（一）"],
                heading: Some("深化“一网通办”改革"),
                resp: &["市行政审批局", "市大数据中心", "各县区人民政府"],
                deadline: Some(("2024年12月底前", Some("2024-12-31"))),
                ..T0
            },
            T {
                number: "3.",
                path: &["二、", "（二）"],
                heading: Some("清理妨碍统一市场和公平竞争的政策措施"),
                resp: &["市市场监管局", "市司法局"],
                deadline: Some(("2024年9月底前", Some("2024-09-30"))),
                ..T0
            },
            T {
                number: "4.",
                path: &["二、", "（二）"],
                heading: Some("推进工程建设项目审批制度改革"),
                resp: &["市住房城乡建设局", "市自然资源局", "市行政审批局"],
                deadline: Some(("长期坚持", None)),
                ..T0
            },
            T {
                number: "5.",
                path: &["二、", "（三）"],
                heading: Some("降低企业用电用气成本"),
                resp: &["市发展改革委", "国网萍乡供电公司", "市城管局"],
                deadline: Some(("2024年12月底前", Some("2024-12-31"))),
                ..T0
            },
        ],
    );
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("14");
}

#[test]
fn p15_renmian_mudanjiang() {
    let title = "牡丹江市人民政府关于李明等同志职务任免的通知";
    let p = load("15_renmian_mudanjiang.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["通知"],
            titles: &[title],
            number: Some(("牡政任〔2024〕5号", "牡政任", 2024, 5)),
            issuers: &[&["牡丹江市人民政府"]],
            recipients: &[&["各县（市）、区人民政府", "市政府各委、办、局", "各直属单位"]],
            date: "2024-04-15",
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    no_tasks(&mut e, d);
    appointments(
        &mut e,
        d,
        &[
            (Appoint, "李明", "牡丹江市发展和改革委员会副主任", None),
            (
                Appoint,
                "欧阳晓红",
                "牡丹江市教育局副局长",
                Some("试用期一年"),
            ),
            (Appoint, "王刚", "牡丹江市人民政府办公室副主任", None),
            (Appoint, "金成哲", "牡丹江市民族宗教事务局副局长", None),
            (Appoint, "朴海燕", "牡丹江市民族宗教事务局副局长", None),
            (Remove, "张建国", "牡丹江市发展和改革委员会副主任", None),
            (Remove, "赵丽萍", "牡丹江市教育局副局长", None),
            (Remove, "王刚", "牡丹江市应急管理局副局长", None),
            (Appoint, "陈志远", "牡丹江市人民政府副秘书长", None),
            (Remove, "陈志远", "牡丹江市商务局局长", None),
        ],
    );
    no_division(&mut e, d);
    e.finish("15");
}

#[test]
fn p16_fullwidth_xining() {
    // Printed with full-width digits; the title, enclosed title and
    // attachment title may keep them or use ASCII digits (compared
    // after mapping to ASCII). Number and date are normalised.
    let title = "西宁市人民政府办公厅关于印发西宁市2024年大气污染防治攻坚行动方案的通知";
    let title_fw = "西宁市人民政府办公厅关于印发西宁市２０２４年大气污染防治攻坚行动方案的通知";
    let p = load("16_fullwidth_xining.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title, title_fw]])[0];
    head_fullwidth(
        &mut e,
        d,
        &Head {
            kinds: &["通知"],
            titles: &[title],
            number: Some(("宁政办〔2024〕23号", "宁政办", 2024, 23)), // printed 【２０２４】２３号
            issuers: &[&["西宁市人民政府办公厅"]],
            recipients: &[&["各区、县人民政府", "市政府各委、办、局"]],
            date: "2024-04-03", // 二〇二四年四月三日
            enclosed: &[&["西宁市2024年大气污染防治攻坚行动方案"]],
            attachments: &[(1, "西宁市2024年大气污染防治重点任务清单", true)],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("16");
}

#[test]
fn p17_qiantou_peihe_karamay() {
    let title = "克拉玛依市人民政府办公室关于印发《克拉玛依市2024年扩大有效投资攻坚行动方案》和《克拉玛依市2024年重大项目谋划储备工作方案》的通知";
    let p = load("17_qiantou_peihe_karamay.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["通知"],
            titles: &[title],
            number: Some(("克政办发〔2024〕11号", "克政办发", 2024, 11)),
            issuers: &[&["克拉玛依市人民政府办公室"]],
            // open: `市政府各部门、各直属机构` split or kept together
            recipients: &[
                &["各区人民政府（管委会）", "市政府各部门", "各直属机构"],
                &["各区人民政府（管委会）", "市政府各部门、各直属机构"],
            ],
            date: "2024-02-06",
            enclosed: &[&[
                "克拉玛依市2024年扩大有效投资攻坚行动方案",
                "克拉玛依市2024年重大项目谋划储备工作方案",
            ]],
            attachments: &[],
        },
    );
    tasks(
        &mut e,
        d,
        &[
            T {
                number: "（一）",
                path: &["一、"],
                heading: Some("强化项目调度"),
                lead: &["市发改委"],
                resp: &["市发改委", "市财政局", "市商务局"],
                deadline: Some(("2024年6月底前", Some("2024-06-30"))),
                ..T0
            },
            T {
                number: "（二）",
                path: &["一、"],
                heading: Some("落实要素保障"),
                lead: &["市自然资源局"],
                resp: &["市自然资源局", "市生态环境局", "市住建局"],
                deadline: Some(("2024年9月底前", Some("2024-09-30"))),
                ..T0
            },
            T {
                number: "（三）",
                path: &["二、"],
                heading: Some("推介优质项目"),
                lead: &["市发改委", "市工信局"],
                resp: &["市发改委", "市工信局", "各区人民政府（管委会）"],
                deadline: Some(("持续推进", None)),
                ..T0
            },
            // second plan: numbering restarts
            T {
                number: "（一）",
                path: &["二、"],
                heading: Some("建立项目储备库"),
                lead: &["市发改委"],
                resp: &["市发改委", "市直各有关部门"],
                deadline: Some(("2024年5月底前", Some("2024-05-31"))),
                ..T0
            },
            T {
                number: "（二）",
                path: &["二、"],
                heading: Some("开展项目谋划竞赛"),
                lead: &["市发改委"],
                resp: &["市发改委", "各区人民政府（管委会）"],
                deadline: Some(("2024年11月30日前", Some("2024-11-30"))),
                ..T0
            },
        ],
    );
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("17");
}

#[test]
fn p18_gazette_pingyao_renmian_tongbao() {
    let ta = "平遥县人民政府关于任免王志刚等同志职务的通知";
    let tb = "平遥县人民政府办公室关于2023年度安全生产目标责任考核情况的通报";
    let p = load("18_gazette_pingyao_renmian_tongbao.txt");
    let mut e = Errs::default();
    let ds = docs(&mut e, &p, &[&[ta], &[tb]]);
    let (a, b) = (ds[0], ds[1]);
    head(
        &mut e,
        a,
        &Head {
            kinds: &["通知"],
            titles: &[ta],
            number: Some(("平政任〔2024〕2号", "平政任", 2024, 2)),
            issuers: &[&["平遥县人民政府"]],
            recipients: &[&["各乡镇人民政府", "县直各有关单位"]],
            date: "2024-01-22",
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    no_tasks(&mut e, a);
    appointments(
        &mut e,
        a,
        &[
            (Appoint, "王志刚", "平遥县农业农村局局长", None),
            (
                Appoint,
                "冀晓燕",
                "平遥县文化和旅游局副局长",
                Some("试用期一年"),
            ), // note on the next line
            (Appoint, "司马云飞", "平遥县古城保护管理中心主任", None), // position broken across lines
            (Remove, "司马云飞", "平遥县文物局副局长", None),
            (Remove, "郝建军", "平遥县农业农村局局长", None), // 职务 on the next line
            (Remove, "韩梅", "平遥县审计局副局长", None),     // printed 韩　梅
        ],
    );
    no_division(&mut e, a);

    head(
        &mut e,
        b,
        &Head {
            kinds: &["通报"],
            titles: &[tb],
            number: Some(("平政办发〔2024〕4号", "平政办发", 2024, 4)),
            issuers: &[&["平遥县人民政府办公室"]],
            recipients: &[&["各乡镇人民政府", "县直各有关单位"]],
            date: "2024-02-05",
            enclosed: &[&[]],
            attachments: &[(1, "2023年度安全生产目标责任考核结果汇总表", false)], // broken across lines
        },
    );
    no_tasks(&mut e, b);
    appointments(&mut e, b, &[]);
    no_division(&mut e, b);
    e.finish("18");
}

#[test]
fn p19_tongbao_enshi_pdf() {
    let title = "恩施州人民政府办公室关于2023年度政务服务“好差评”工作情况的通报";
    let p = load("19_tongbao_enshi_pdf.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["通报"],
            titles: &[title],
            number: Some(("恩施州政办发〔2024〕5号", "恩施州政办发", 2024, 5)),
            // open: the signature's short name or the masthead's full name
            issuers: &[
                &["恩施州人民政府办公室"],
                &["恩施土家族苗族自治州人民政府办公室"],
            ],
            recipients: &[&["各县、市人民政府", "州政府各部门"]],
            date: "2024-03-06",
            enclosed: &[&[]],
            attachments: &[
                (1, "2023年度各县市政务服务“好差评”情况统计表", false), // broken across lines
                (2, "2023年度州直部门政务服务“好差评”情况统计表", false),
            ],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    no_division(&mut e, d);
    e.finish("19");
}

#[test]
fn p20_fengong_lasa() {
    let title = "拉萨市人民政府关于市人民政府领导同志工作分工的通知";
    let p = load("20_fengong_lasa.txt");
    let mut e = Errs::default();
    let d = docs(&mut e, &p, &[&[title]])[0];
    head(
        &mut e,
        d,
        &Head {
            kinds: &["通知"],
            titles: &[title],
            number: Some(("拉政发〔2024〕3号", "拉政发", 2024, 3)),
            issuers: &[&["拉萨市人民政府"]],
            recipients: &[&["各县（区）人民政府", "市政府各委、办、局", "各直属单位"]],
            date: "2024-02-02",
            enclosed: &[&[]],
            attachments: &[],
        },
    );
    no_tasks(&mut e, d);
    appointments(&mut e, d, &[]);
    // 领导分工 headings `一、次仁扎西　市委副书记、市长`: name first, U+3000
    // between name and titles. Duties are not pinned here.
    let got: Vec<&str> = d.division.iter().map(|a| a.person.as_str()).collect();
    e.eq(
        "division persons",
        &got[..],
        &["次仁扎西", "张海涛", "王建平", "格桑卓玛"],
    );
    // (person, titles, supervises, liaises, accepted backups)
    let want: [Leader; 4] = [
        // open: 张海涛 stands in while 次仁扎西 is away (one-way), so
        // a backup of 张海涛 or none are both defensible.
        (
            "次仁扎西",
            &["市委副书记", "市长"],
            &["市审计局"],
            &[],
            &[Some("张海涛"), None],
        ),
        (
            "张海涛",
            &["市委常委", "常务副市长"],
            &["市发展改革委", "市财政局", "市统计局", "市金融工作办公室"],
            &["国家税务总局拉萨市税务局", "中国人民银行拉萨市分行"],
            &[None],
        ),
        (
            "王建平",
            &["副市长"],
            &["市自然资源局", "市住房城乡建设局", "市交通运输局"],
            &["国网拉萨供电公司"],
            &[Some("格桑卓玛")],
        ),
        (
            "格桑卓玛",
            &["副市长"],
            &["市教育局", "市卫生健康委", "市文化旅游局"],
            &["西藏大学"],
            &[Some("王建平")],
        ),
    ];
    for (person, titles, sup, lia, backups) in want {
        let Some(a) = d.division.iter().find(|a| a.person == person) else {
            continue; // reported by the persons check
        };
        fn v(xs: &[String]) -> Vec<&str> {
            xs.iter().map(String::as_str).collect()
        }
        e.eq(&format!("{person} titles"), &v(&a.titles)[..], titles);
        e.eq(&format!("{person} supervises"), &v(&a.supervises)[..], sup);
        e.eq(&format!("{person} liaises"), &v(&a.liaises)[..], lia);
        e.any(
            &format!("{person} backup"),
            &a.backup.as_deref(),
            &backups.iter().collect::<Vec<_>>(),
        );
    }
    e.finish("20");
}
