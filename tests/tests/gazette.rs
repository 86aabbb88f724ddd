//! The Xiangtan county gazette end to end: eleven documents in order, each
//! header field as read by hand from the text, plus a reviewed snapshot of
//! every value with the source text its span covers.

use gongwen::{parse, Options};
use gongwen_corpus_tests::{read_corpus, render};

const GAZETTE: &str = "xiangtan-county-gazette-2023.txt";

struct Want {
    title: &'static str,
    number: Option<&'static str>,
    issuers: &'static [&'static str],
    recipients: &'static [&'static str],
    date: &'static str,
    enclosed: &'static [&'static str],
    attachments: &'static [(u32, &'static str, bool)],
    cited_numbers: &'static [&'static str],
}

const GOV: &[&str] = &["各乡镇人民政府", "县直机关各单位", "天易经开区各局室", "县属和驻县各企事业单位"];

const WANT: &[Want] = &[
    Want {
        title: "湘潭县人民政府办公室关于印发《湘潭县推进人工影响天气工作高质量发展的实施方案》的通知",
        number: Some("潭县政办发〔2023〕2号"),
        issuers: &["湘潭县人民政府办公室"],
        recipients: &["各乡镇人民政府", "县直机关有关单位"],
        date: "2023-03-29",
        enclosed: &["湘潭县推进人工影响天气工作高质量发展的实施方案"],
        attachments: &[(1, "湘潭县人工影响天气领导小组组成人员名单", true), (2, "2023-2025年湘潭县人工影响天气工作高质量发展基础建设清单", true)],
        cited_numbers: &["湘政办发〔2021〕55号", "潭政办发〔2022〕46号", "国务院令第348号", "国务院令第466号"],
    },
    Want {
        title: "湘潭县人民政府办公室关于印发《湘潭县人民政府领导班子成员工作分工》的通知",
        number: Some("潭县政办函〔2023〕4号"),
        issuers: &["湘潭县人民政府办公室"],
        recipients: &["各乡镇人民政府", "县直机关各单位", "天易经开区各局室", "县属和驻县各企事业单位", "各人民团体"],
        date: "2023-02-20",
        enclosed: &["湘潭县人民政府领导班子成员工作分工"],
        attachments: &[],
        cited_numbers: &[],
    },
    Want {
        title: "湘潭县人民政府办公室关于印发《湘潭县打好发展“六仗”一季度落实行动计划》的通知",
        number: None,
        issuers: &["湘潭县人民政府办公室"],
        recipients: &["各乡镇人民政府", "县直机关各单位", "天易经开区各局室"],
        date: "2023-02-27",
        enclosed: &["湘潭县打好发展“六仗”一季度落实行动计划"],
        attachments: &[],
        cited_numbers: &["潭县政办发〔2022〕10号"],
    },
    Want {
        title: "湘潭县人民代表大会常务委员会关于崔赣等同志的任免通知",
        number: Some("潭常人发〔2023〕1号"),
        issuers: &["湘潭县人民代表大会常务委员会"],
        recipients: &[],
        date: "2023-02-28",
        enclosed: &[],
        attachments: &[],
        cited_numbers: &[],
    },
    Want {
        title: "中共湘潭县委关于曾建新等同志职务任免的通知",
        number: Some("潭县干〔2023〕19号"),
        issuers: &["中共湘潭县委"],
        recipients: &["各乡镇党委", "天易经开区党工委", "县委各部委", "县直机关各单位党组（党委）"],
        date: "2023-03-22",
        enclosed: &[],
        attachments: &[],
        cited_numbers: &["潭市组干〔2023〕1号"],
    },
    Want {
        title: "湘潭县人民政府关于邱伶俐同志任职的通知",
        number: Some("潭县政人发〔2023〕1号"),
        issuers: &["湘潭县人民政府"],
        recipients: GOV,
        date: "2023-01-13",
        enclosed: &[],
        attachments: &[],
        cited_numbers: &[],
    },
    Want {
        title: "湘潭县人民政府关于齐先强等同志职务任免的通知",
        number: Some("潭县政人发〔2023〕3号"),
        issuers: &["湘潭县人民政府"],
        recipients: GOV,
        date: "2023-02-13",
        enclosed: &[],
        attachments: &[],
        cited_numbers: &[],
    },
    Want {
        title: "湘潭县人民政府关于唐乐军等同志职务任免的通知",
        number: Some("潭县政人发〔2023〕4号"),
        issuers: &["湘潭县人民政府"],
        recipients: GOV,
        date: "2023-02-13",
        enclosed: &[],
        attachments: &[],
        cited_numbers: &[],
    },
    Want {
        title: "湘潭县政务公开和政务服务工作领导小组办公室关于印发《湘潭县2023年行政审批服务工作要点》和《湘潭县2023年政务公开工作要点》的通知",
        number: Some("潭县公开办发〔2023〕1号"),
        issuers: &["湘潭县政务公开和政务服务工作领导小组办公室"],
        recipients: &["各乡镇", "县直机关各单位", "天易经开区相关局室"],
        date: "2023-03-27",
        enclosed: &["湘潭县2023年行政审批服务工作要点", "湘潭县2023年政务公开工作要点"],
        attachments: &[],
        cited_numbers: &[],
    },
    Want {
        title: "湘潭县招商引资工作领导小组办公室关于印发《湘潭县2023年推进“湘商回归”专项行动工作实施方案》的通知",
        number: Some("潭县招引领办〔2023〕1号"),
        issuers: &["湘潭县招商引资工作领导小组办公室"],
        recipients: &["各乡镇党委和人民政府", "县委各部委", "县直机关各单位", "天易经开区各局室", "县属和驻县各企事业单位", "各人民团体"],
        date: "2023-03-06",
        enclosed: &["湘潭县2023年推进“湘商回归”专项行动工作实施方案"],
        attachments: &[(1, "湘商回归专项行动工作任务分解表", true), (2, "2023年天易经开区、乡镇湘商回归项目任务分解表", true)],
        cited_numbers: &[],
    },
    Want {
        title: "关于印发《湘潭县2023年度地质灾害防治方案》的通知",
        number: Some("潭地灾防办〔2023〕2号"),
        issuers: &["湘潭县地质灾害防治工作领导小组办公室"],
        recipients: &["各乡镇人民政府", "县直机关各单位", "天易经开区管委会各局（室）"],
        date: "2023-02-28",
        enclosed: &["湘潭县2023年度地质灾害防治方案"],
        attachments: &[(1, "湘潭县2023年地质灾害隐患点预防责任表", true), (2, "省市县及各乡镇地质灾害值班电话表", true)],
        cited_numbers: &[],
    },
];

#[test]
fn eleven_documents_with_their_headers() {
    let text = read_corpus(GAZETTE);
    let p = parse(&text, &Options::default());
    assert_eq!(p.documents.len(), 11);
    for (k, (d, w)) in p.documents.iter().zip(WANT).enumerate() {
        let n = k + 1;
        assert_eq!(d.title, w.title, "doc {n} title");
        assert_eq!(d.kind.as_deref(), Some("通知"), "doc {n} kind");
        assert_eq!(d.doc_number.as_ref().map(|x| x.text.as_str()), w.number, "doc {n} number");
        assert_eq!(d.issuers, w.issuers, "doc {n} issuers");
        assert_eq!(d.recipients, w.recipients, "doc {n} recipients");
        assert_eq!(d.date.as_deref(), Some(w.date), "doc {n} date");
        assert_eq!(d.enclosed_titles, w.enclosed, "doc {n} enclosed");
        let atts: Vec<(u32, &str, bool)> = d.attachments.iter().map(|a| (a.index, a.title.as_str(), a.omitted)).collect();
        assert_eq!(atts, w.attachments, "doc {n} attachments");
        let cited: Vec<&str> = d.citations.iter().filter_map(|c| c.doc_number.as_deref()).collect();
        assert_eq!(cited, w.cited_numbers, "doc {n} cited numbers");
    }
}

#[test]
fn documents_partition_the_text() {
    let text = read_corpus(GAZETTE);
    let p = parse(&text, &Options::default());
    assert!(p.preamble.is_none());
    for pair in p.documents.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "documents overlap");
    }
    // Every non-blank, non-furniture line lies inside exactly one document.
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        pos += line.len();
        if line.trim().is_empty() || p.furniture.iter().any(|f| f.span.start <= start && start < f.span.end.max(start + 1)) {
            continue;
        }
        let owners = p.documents.iter().filter(|d| d.span.start <= start && start < d.span.end).count();
        assert_eq!(owners, 1, "line at {start} ({:?}) has {owners} owners", line.trim());
    }
    // Each title span lies in its own document.
    for d in &p.documents {
        let t = d.spans.title.as_ref().unwrap();
        assert!(d.span.start <= t.start && t.end <= d.span.end, "{}", d.title);
    }
}

#[test]
fn personnel_notice_owns_the_body_above_its_title_block() {
    // The PDF put 关于崔赣等同志的任免通知 after the first page of its list.
    let text = read_corpus(GAZETTE);
    let p = parse(&text, &Options::default());
    let d = &p.documents[3];
    let body = text.find("经2023年2月28日湘潭县第十七届").unwrap();
    assert!(d.span.start <= body && body < d.span.end);
}

#[test]
fn furniture_is_reported() {
    let text = read_corpus(GAZETTE);
    let p = parse(&text, &Options::default());
    let headers: Vec<&str> =
        p.furniture.iter().filter(|f| f.kind == gongwen::FurnitureKind::PageHeader).map(|f| f.text.as_str()).collect();
    for h in ["县政府办文件", "人事任免", "部门文件"] {
        assert!(headers.contains(&h), "{h} is a running header");
    }
    let numbers = p.furniture.iter().filter(|f| f.kind == gongwen::FurnitureKind::PageNumber).count();
    assert_eq!(numbers, 3, "·· 7, ·· 10, ·· 11");
}

#[test]
fn snapshot() {
    let text = read_corpus(GAZETTE);
    let p = parse(&text, &Options::default());
    insta::assert_snapshot!(render(&text, &p));
}

fn task<'a>(p: &'a gongwen::Parse, doc: usize, path: &[&str], number: &str) -> &'a gongwen::Task {
    p.documents[doc]
        .tasks
        .iter()
        .find(|t| t.number == number && t.path == path)
        .unwrap_or_else(|| panic!("doc {doc} has no task {path:?} {number}"))
}

#[test]
fn seventy_six_tasks() {
    let p = parse(&read_corpus(GAZETTE), &Options::default());
    let counts: Vec<usize> = p.documents.iter().map(|d| d.tasks.len()).collect();
    assert_eq!(counts, [14, 0, 25, 0, 0, 0, 0, 0, 30, 7, 0]);
}

#[test]
fn task_clauses_as_printed() {
    let p = parse(&read_corpus(GAZETTE), &Options::default());
    // 人工影响天气 plan: （责任单位：县气象局，县农业农村局）, no lead rule.
    let t = task(&p, 0, &["二、"], "（一）");
    assert_eq!(t.heading, "促进农业稳产增收");
    assert_eq!(t.responsible_units, ["县气象局", "县农业农村局"]);
    assert!(t.lead_units.is_empty() && t.deadline.is_none());
    // 六仗 plan, item 1 states the three rules.
    let t = task(&p, 2, &["三、"], "1.");
    assert_eq!(t.lead_officials, ["陈赞"]);
    assert_eq!(t.lead_units, ["县卫健局"]);
    assert_eq!(t.responsible_units, ["县卫健局", "县农业农村局", "县民政局", "县教育局", "各乡镇"]);
    assert!(t.implied_units.is_empty(), "各乡镇 is listed explicitly");
    assert_eq!(t.deadline.as_ref().map(|d| (d.text.as_str(), d.date.as_deref())), Some(("3月底前", Some("2023-03-31"))));
    // Item 3: a stray ： where ； belongs.
    let t = task(&p, 2, &["三、"], "3.");
    assert_eq!(t.lead_officials, ["张清平"]);
    assert_eq!(t.responsible_units.first().map(String::as_str), Some("县发改局"));
    assert_eq!(t.implied_units, ["各乡镇"]);
    // Item 8: two officials.
    assert_eq!(task(&p, 2, &["三、"], "8.").lead_officials, ["肖睿", "文香军"]);
    // Item 13: a page header fell inside 县文旅广体局.
    assert!(task(&p, 2, &["三、"], "13.").responsible_units.contains(&"县文旅广体局".to_string()));
    // Item 21: 县林业局县、农业农村局 repaired from names the document uses elsewhere.
    let t = task(&p, 2, &["三、"], "21.");
    assert_eq!(t.responsible_units[2..4], ["县林业局".to_string(), "县农业农村局".to_string()]);
    assert!(t.responsible_units.contains(&"县文旅广体局".to_string()));
    assert_eq!(t.deadline.as_ref().and_then(|d| d.date.as_deref()), Some("2023-03-31"), "the default deadline");
    // 行政审批 work points: （X牵头，Y和Z按职责分工负责）.
    let t = task(&p, 8, &["一、"], "（一）");
    assert_eq!(t.heading, "办好“湘易办”重点民生实事");
    assert_eq!(t.lead_units, ["县行政审批局"]);
    assert_eq!(t.responsible_units, ["县行政审批局", "县直相关单位", "各乡镇人民政府"]);
    // (十八) continues across the interleaved first page of the 政务公开 points.
    let t = task(&p, 8, &["五、"], "（十八）");
    assert!(t.text.contains("建立完善抽查、通报和考核机制"), "{}", t.text);
    assert_eq!(t.responsible_units, ["县行政审批局", "县直相关单位", "各乡镇人民政府"]);
    // 政务公开 work points: its own numbering, a deadline inside the clause.
    let t = task(&p, 8, &["一、"], "（一）");
    let t2 = p.documents[8].tasks.iter().filter(|t| t.path == ["一、"] && t.number == "（一）").nth(1).unwrap();
    assert_eq!(t.heading, "办好“湘易办”重点民生实事");
    assert_eq!(t2.heading, "紧扣打好发展“六仗”深化公开");
    assert_eq!(t2.deadline.as_ref().map(|d| (d.text.as_str(), d.date.as_deref())), Some(("及时发布", None)));
    // (九): two clauses, the second for a sub-point.
    let t = p.documents[8].tasks.iter().find(|t| t.number == "（九）" && t.path == ["四、"]).unwrap();
    assert_eq!(t.responsible_units, ["县行政审批局", "县直相关单位", "县乡村振兴事务中心", "市生态环境局县分局"]);
    // 湘商回归 plan: （时限要求：…；责任单位：…）.
    let t = task(&p, 9, &["三、"], "（一）");
    assert_eq!(t.deadline.as_ref().map(|d| (d.text.as_str(), d.date.as_deref())), Some(("1月20日前", Some("2023-01-20"))));
    assert_eq!(t.responsible_units, ["天易经开区", "县商务局", "各乡镇"]);
    let t = task(&p, 9, &["三、"], "（三）");
    assert_eq!(t.deadline.as_ref().map(|d| (d.text.as_str(), d.date.as_deref())), Some(("2月底前及全年", None)));
}

#[test]
fn targets_of_the_action_plan() {
    let p = parse(&read_corpus(GAZETTE), &Options::default());
    let t: Vec<(&str, f64, &str, Option<&str>)> =
        p.documents[2].targets.iter().map(|t| (t.indicator.as_str(), t.value, t.unit.as_str(), t.qualifier.as_deref())).collect();
    assert_eq!(t[0], ("GDP增长", 7.0, "%", Some("以上")));
    assert_eq!(t[1], ("规模工业增加值增长", 9.5, "%", Some("以上")));
    assert!(t.contains(&("上级转移支付", 15.0, "亿元", Some("以上"))));
    assert!(t.contains(&("油茶新造", 3800.0, "亩", Some("以上"))));
    let plan: Vec<(&str, Option<i32>)> = p.documents[0].targets.iter().map(|t| (t.indicator.as_str(), t.year)).collect();
    assert!(plan.contains(&("作业监测设备安装率", Some(2025))) && plan.contains(&("作业站点物联网覆盖率", Some(2025))));
    assert!(p.documents[9].targets.iter().any(|t| t.indicator == "新增湘商回乡投资新注册企业" && t.value == 32.0 && t.unit == "家"));
}

#[test]
fn seventy_five_personnel_actions() {
    use gongwen::Action::{Appoint, Remove};
    let p = parse(&read_corpus(GAZETTE), &Options::default());
    let counts: Vec<usize> = p.documents.iter().map(|d| d.appointments.len()).collect();
    assert_eq!(counts, [0, 0, 0, 30, 30, 1, 6, 8, 0, 0, 0]);
    let acts = |k: usize| -> Vec<(gongwen::Action, &str, &str, Option<&str>)> {
        p.documents[k].appointments.iter().map(|a| (a.action, a.person.as_str(), a.position.as_str(), a.note.as_deref())).collect()
    };
    // 人大常委会: a 任命 list and a 免去 list broken by the title block.
    let a = acts(3);
    assert_eq!(a[0], (Appoint, "崔赣", "湘潭县人民法院副院长", None));
    assert_eq!(a[17], (Remove, "谭琪弋", "湘潭县人民法院执行局副局长", None), "no 的");
    assert_eq!(a[29], (Remove, "袁利娟", "湘潭县人民检察院检察委员会委员", None), "after the page break");
    // 县委: relayed removal, 任…免去其…, a name starting with 任, a missing 的.
    let a = acts(4);
    assert_eq!(a[0], (Remove, "胡琼", "湘潭县人民法院政治部主任", None));
    assert_eq!(a[4], (Remove, "任韩辉", "杨嘉桥镇党委委员、纪委书记", None));
    assert_eq!(a[5..7], [(Appoint, "李维斌", "石鼓镇党委委员", None), (Remove, "李维斌", "谭家山镇党委委员、宣传统战委员", None)]);
    assert!(a.contains(&(Remove, "欧阳畅", "县机关事务服务中心党组成员", None)));
    assert!(a.contains(&(Appoint, "周志", "县机关事务服务中心党组成员", None)) && a.contains(&(Appoint, "谭清丛", "县机关事务服务中心党组成员", None)));
    // 县政府: the blanket removal gives no person.
    assert_eq!(acts(5), [(Appoint, "邱伶俐", "县国防动员办公室主任", None)]);
    assert!(p.diagnostics.iter().any(|d| d.code == "blanket_removal"));
    assert_eq!(acts(6)[0], (Appoint, "齐先强", "县疾病预防控制局局长兼县卫生健康局副局长", None));
    assert_eq!(acts(7)[1], (Appoint, "马铁光", "县云龙中学副校长", Some("试用期一年")));
}

#[test]
fn twelve_leaders_and_four_ab_pairs() {
    let p = parse(&read_corpus(GAZETTE), &Options::default());
    let d = &p.documents[1].division;
    let names: Vec<&str> = d.iter().map(|a| a.person.as_str()).collect();
    assert_eq!(names, ["王利", "张清平", "崔勇", "郑江南", "陈赞", "肖睿", "文香军", "肖小年", "冯传强", "彭炜莱", "黄高良", "符念龙"]);
    let backup = |n: &str| d.iter().find(|a| a.person == n).and_then(|a| a.backup.as_deref());
    for (a, b) in [("张清平", "郑江南"), ("崔勇", "肖睿"), ("陈赞", "冯传强"), ("文香军", "肖小年")] {
        assert_eq!(backup(a), Some(b));
        assert_eq!(backup(b), Some(a));
    }
    let zhang = &d[1];
    assert_eq!(zhang.titles, ["县人民政府党组副书记", "常务副县长"]);
    assert!(zhang.duties[1].contains("粮食和物资储备"), "the paragraph reads on across the cover text");
    assert_eq!(zhang.supervises.last().map(String::as_str), Some("县国防动员办（县人防办）"));
    assert_eq!(d[3].titles[1], "副县长（挂职）");
    assert_eq!(d[2].concurrent, ["县公安局局长"]);
    assert!(d[6].supervises.contains(&"县文旅广体局（县文物局）".to_string()), "page furniture removed inside the list");
}
