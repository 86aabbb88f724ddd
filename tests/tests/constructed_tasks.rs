//! End-to-end tests of task allocation (`Document::tasks`) over
//! `corpus/constructed/tasks/`: small invented notices, one per clause or
//! rule form (see `corpus/constructed/tasks/README.md`).
//!
//! Every expected value below was written by hand from reading the text
//! file, never recorded from parser output. If a test fails, check the text
//! first, then the parser; do not paste the parser's output in here.

use gongwen::{parse, Options, Task};
use gongwen_corpus_tests::read_corpus;

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

/// Removes every whitespace character (ASCII, U+3000, line breaks, tabs).
fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One expected task.
#[derive(Clone, Debug)]
struct Exp {
    number: &'static str,
    path: &'static [&'static str],
    heading: &'static str,
    officials: &'static [&'static str],
    lead: &'static [&'static str],
    resp: &'static [&'static str],
    implied: &'static [&'static str],
    deadline: Option<(&'static str, Option<&'static str>)>,
}

/// A task with no officials, leads, implied units or deadline; add them
/// with the builder methods below.
fn t(
    number: &'static str,
    path: &'static [&'static str],
    heading: &'static str,
    resp: &'static [&'static str],
) -> Exp {
    Exp {
        number,
        path,
        heading,
        officials: &[],
        lead: &[],
        resp,
        implied: &[],
        deadline: None,
    }
}

impl Exp {
    fn officials(mut self, v: &'static [&'static str]) -> Exp {
        self.officials = v;
        self
    }
    fn lead(mut self, v: &'static [&'static str]) -> Exp {
        self.lead = v;
        self
    }
    fn implied(mut self, v: &'static [&'static str]) -> Exp {
        self.implied = v;
        self
    }
    fn due(mut self, text: &'static str, date: Option<&'static str>) -> Exp {
        self.deadline = Some((text, date));
        self
    }
}

fn owned(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn brief(t: &Task) -> String {
    format!("{}{} {:?}", t.path.join(""), t.number, t.heading)
}

/// Parses `corpus/constructed/tasks/<name>`, expects exactly one document
/// dated `date`, and compares its tasks with `expected` (matched by path and
/// number, in order). All mismatches are collected and reported together.
fn check(name: &str, date: &str, expected: &[Exp]) {
    let file = format!("constructed/tasks/{name}");
    let text = read_corpus(&file);
    let parse = parse(&text, &Options::default());
    assert_eq!(
        parse.documents.len(),
        1,
        "{name}: expected exactly one document, got titles {:?}",
        parse.documents.iter().map(|d| d.title.as_str()).collect::<Vec<_>>()
    );
    let doc = &parse.documents[0];
    let mut errs: Vec<String> = Vec::new();
    if doc.date.as_deref() != Some(date) {
        errs.push(format!("document date: expected {date:?}, got {:?}", doc.date));
    }
    if doc.tasks.len() != expected.len() {
        errs.push(format!(
            "task count: expected {}, got {} [{}]",
            expected.len(),
            doc.tasks.len(),
            doc.tasks.iter().map(brief).collect::<Vec<_>>().join(" | ")
        ));
    }

    let mut used = vec![false; doc.tasks.len()];
    for (k, e) in expected.iter().enumerate() {
        let found = doc.tasks.iter().enumerate().find(|(i, t)| {
            !used[*i] && t.number == e.number && t.path == owned(e.path)
        });
        let Some((i, got)) = found else {
            errs.push(format!(
                "task #{} {}{} {:?}: not found",
                k + 1,
                e.path.join(""),
                e.number,
                e.heading
            ));
            continue;
        };
        used[i] = true;
        let who = format!("task #{} {}{}", k + 1, e.path.join(""), e.number);
        if i != k {
            errs.push(format!("{who}: expected at index {k}, found at {i}"));
        }
        if got.heading != e.heading {
            errs.push(format!("{who}: heading expected {:?}, got {:?}", e.heading, got.heading));
        }
        let lists: [(&str, &[&str], &Vec<String>); 4] = [
            ("lead_officials", e.officials, &got.lead_officials),
            ("lead_units", e.lead, &got.lead_units),
            ("responsible_units", e.resp, &got.responsible_units),
            ("implied_units", e.implied, &got.implied_units),
        ];
        for (what, want, have) in lists {
            if *have != owned(want) {
                errs.push(format!("{who}: {what} expected {want:?}, got {have:?}"));
            }
        }
        let got_dl = got.deadline.as_ref().map(|d| (d.text.as_str(), d.date.as_deref()));
        if got_dl != e.deadline {
            errs.push(format!("{who}: deadline expected {:?}, got {:?}", e.deadline, got_dl));
        }
        // The span must cover the item: its source text, whitespace removed,
        // contains the heading.
        match text.get(got.span.start..got.span.end) {
            Some(src) => {
                if !strip_ws(src).contains(&strip_ws(e.heading)) {
                    errs.push(format!(
                        "{who}: span {}..{} source {:?} does not contain the heading {:?}",
                        got.span.start, got.span.end, src, e.heading
                    ));
                }
            }
            None => errs.push(format!(
                "{who}: span {}..{} is out of range or not on a char boundary (input {} bytes)",
                got.span.start,
                got.span.end,
                text.len()
            )),
        }
    }
    for (i, t) in doc.tasks.iter().enumerate() {
        if !used[i] {
            errs.push(format!("unexpected task {}", brief(t)));
        }
    }
    assert!(errs.is_empty(), "{name}:\n  {}", errs.join("\n  "));
}

// ---------------------------------------------------------------------------
// 1. unit lists separated by 、 and ，
// ---------------------------------------------------------------------------

#[test]
fn units_split_on_dunhao_and_comma() {
    const P: &[&str] = &["二、"];
    check(
        "01_units-comma-and-dunhao-chengdu.txt",
        "2024-01-10",
        &[
            t("（一）", P, "开展消费促进活动", &["市商务局", "市文广旅局", "各区（市）县政府"]),
            t(
                "（二）",
                P,
                "培育新型消费业态",
                &["市商务局", "市经信局", "市新经济委", "成都高新区", "成都天府新区"],
            ),
            t("（三）", P, "优化消费环境", &["市市场监管局", "市商务局", "市公安局"]),
        ],
    );
}

// ---------------------------------------------------------------------------
// 2. lead officials
// ---------------------------------------------------------------------------

#[test]
fn county_lead_officials_one_and_several() {
    const P: &[&str] = &["二、"];
    check(
        "02a_lead-county-officials-shuyang.txt",
        "2024-01-12",
        &[
            t("1.", P, "稳住工业经济基本盘", &["县工信局", "县发改委"]).officials(&["周立新"]),
            t(
                "2.",
                P,
                "加快重大项目建设",
                &["县发改委", "县住建局", "县自然资源和规划局"],
            )
            .officials(&["周立新", "陈文彬"]),
            t("3.", P, "推进农业现代化", &["县农业农村局", "县水利局"]).officials(&["陈文彬"]),
        ],
    );
}

#[test]
fn city_lead_official_with_stray_colon() {
    check(
        "02b_lead-city-official-stray-colon-tianshui.txt",
        "2024-01-15",
        &[
            // （牵头市领导：王振华：责任单位：…）: the second ： stands for ；.
            t("（一）", &["一、"], "抓好项目谋划储备", &["市发改委", "市财政局"])
                .officials(&["王振华"]),
            t("（二）", &["一、"], "加快工业园区建设", &["市工信局", "市商务局"])
                .officials(&["刘志强", "王振华"]),
            t("（三）", &["二、"], "稳定和扩大就业", &["市人社局", "市教育局"])
                .officials(&["赵丽萍"]),
        ],
    );
}

// ---------------------------------------------------------------------------
// 3. X牵头，Y和Z按职责分工负责
// ---------------------------------------------------------------------------

#[test]
fn lead_by_qiantou_phrase() {
    const P: &[&str] = &["二、"];
    check(
        "03_lead-by-qiantou-phrase-ningbo.txt",
        "2024-01-18",
        &[
            t("1.", P, "实施产业链提升工程", &["市经信局", "市发改委", "市科技局"])
                .lead(&["市经信局"]),
            t(
                "2.",
                P,
                "强化要素保障",
                &["市发改委", "市经信局", "市财政局", "市自然资源规划局"],
            )
            .lead(&["市发改委", "市经信局"])
            .due("6月30日前", Some("2024-06-30")),
            t(
                "3.",
                P,
                "扩大制造业对外合作",
                &["市商务局", "市级有关部门", "各区（县、市）人民政府"],
            )
            .lead(&["市商务局"]),
        ],
    );
}

// ---------------------------------------------------------------------------
// 4. 时限要求 before 责任单位
// ---------------------------------------------------------------------------

#[test]
fn deadline_before_units() {
    const P: &[&str] = &["一、"];
    check(
        "04_deadline-first-liuzhou.txt",
        "2024-01-22",
        &[
            // 2024 is a leap year.
            t("（一）", P, "推行企业开办一日办结", &["市行政审批局", "市大数据发展局"])
                .due("2月底前", Some("2024-02-29")),
            t(
                "（二）",
                P,
                "深化工程建设项目审批制度改革",
                &["市住房城乡建设局", "市自然资源和规划局"],
            )
            .due("6月底前", Some("2024-06-30")),
        ],
    );
}

// ---------------------------------------------------------------------------
// 5. 牵头单位/配合单位, A牵头B配合, A负责, unbracketed 责任单位
// ---------------------------------------------------------------------------

#[test]
fn lead_and_cooperating_forms() {
    const P: &[&str] = &[];
    check(
        "05_lead-and-coop-forms-quanzhou.txt",
        "2024-02-01",
        &[
            t("1.", P, "推进工业固体废物减量", &["市生态环境局", "市工信局", "市住建局"])
                .lead(&["市生态环境局"]),
            t(
                "2.",
                P,
                "加强生活垃圾分类处理",
                &["市城市管理局", "市生态环境局", "市发改委"],
            )
            .lead(&["市城市管理局"]),
            t("3.", P, "推动农业废弃物资源化利用", &["市农业农村局"]),
            t("4.", P, "加强宣传引导", &["市委宣传部", "市生态环境局"]),
        ],
    );
}

// ---------------------------------------------------------------------------
// 6. national style: 等 closes a list, 各省级人民政府 is a unit
// ---------------------------------------------------------------------------

#[test]
fn national_style_deng_and_provincial_governments() {
    check(
        "06_national-deng-and-provinces-guobanfa.txt",
        "2024-03-05",
        &[
            t("（一）", &["一、"], "支持数字消费基础设施建设", &["国家发展改革委", "财政部"]),
            t("（二）", &["一、"], "发展在线教育服务", &["教育部"]),
            t(
                "（三）",
                &["二、"],
                "培育数字消费龙头企业",
                &["工业和信息化部", "商务部", "各省级人民政府"],
            ),
        ],
    );
}

// ---------------------------------------------------------------------------
// 7. two clauses in one item
// ---------------------------------------------------------------------------

#[test]
fn two_clauses_in_one_item() {
    const P: &[&str] = &["一、"];
    check(
        "07_two-clauses-one-item-wenzhou.txt",
        "2024-02-06",
        &[
            t(
                "1.",
                P,
                "新建改造城乡养老服务设施",
                &["市民政局", "市财政局", "市农业农村局"],
            )
            .lead(&["市民政局"]),
            t(
                "2.",
                P,
                "扩大普惠性学前教育资源",
                &["市教育局", "市发改委", "市财政局", "各县（市、区）人民政府"],
            )
            .lead(&["市教育局"]),
        ],
    );
}

// ---------------------------------------------------------------------------
// 8. a clause on a sub-item belongs to the sub-item
// ---------------------------------------------------------------------------

#[test]
fn clause_on_subitem_not_parent() {
    check(
        "08_clause-on-subitem-mianyang.txt",
        "2024-01-25",
        &[
            t("1.", &["一、", "（一）"], "推进科技城新区建设", &["市科技局"]),
            t(
                "2.",
                &["一、", "（一）"],
                "争创国家重点实验室",
                &["市科技局", "市发展改革委"],
            ),
            t(
                "1.",
                &["一、", "（二）"],
                "培育高新技术企业",
                &["市科技局", "市经济和信息化局"],
            ),
            t(
                "1.",
                &["二、", "（一）"],
                "扩大科技贷款规模",
                &["市金融工作局", "人民银行绵阳市分行"],
            ),
        ],
    );
}

// ---------------------------------------------------------------------------
// 9. 和 inside a unit name vs 和 between units
// ---------------------------------------------------------------------------

#[test]
fn he_inside_names_and_between_units() {
    const P: &[&str] = &["一、"];
    check(
        "09a_he-inside-and-between-units-wuzhou.txt",
        "2024-02-20",
        &[
            t("1.", P, "落实稳岗扩岗政策", &["市人力资源和社会保障局", "市财政局"]),
            t(
                "2.",
                P,
                "推进建筑领域农民工工资保障",
                &["市住房和城乡建设局", "市人力资源和社会保障局"],
            ),
            t("3.", P, "开发城乡公益性岗位", &["市直相关单位", "各区县人民政府"]),
            t(
                "4.",
                P,
                "开展职业技能培训",
                &["市人力资源和社会保障局", "市教育局", "市农业农村局"],
            )
            .lead(&["市人力资源和社会保障局"]),
        ],
    );
}

#[test]
fn he_in_county_office_name() {
    const P: &[&str] = &["一、"];
    check(
        "09b_he-in-county-office-name-qinan.txt",
        "2024-03-12",
        &[
            t(
                "（一）",
                P,
                "做好政策文件集中公开",
                &["秦安县政务公开和政务服务工作领导小组办公室", "县司法局"],
            ),
            t(
                "（二）",
                P,
                "推进基层政务公开标准化规范化",
                &["县政务服务中心", "各乡镇人民政府"],
            ),
        ],
    );
}

// ---------------------------------------------------------------------------
// 10. document-wide rules
// ---------------------------------------------------------------------------

#[test]
fn rule_first_unit_lead_implied_and_default_deadline() {
    const P: &[&str] = &[];
    const D: &str = "2024-06-30";
    check(
        "10a_rule-first-unit-implied-default-deadline-nanchong.txt",
        "2024-01-10",
        &[
            // States all three rules; lists 各区县 itself.
            t("1.", P, "抓好春季农业生产", &["市农业农村局", "市水务局", "各区县"])
                .lead(&["市农业农村局"])
                .due("6月底前", Some(D)),
            t("2.", P, "推进重点项目开工", &["市发展改革委", "市住房城乡建设局"])
                .lead(&["市发展改革委"])
                .implied(&["各区县"])
                .due("6月底前", Some(D)),
            // Its own deadline beats the default.
            t("3.", P, "做好一季度经济运行调度", &["市统计局", "市发展改革委"])
                .lead(&["市统计局"])
                .implied(&["各区县"])
                .due("3月底前", Some("2024-03-31")),
            // Lists 各区县 explicitly: not implied a second time.
            t(
                "4.",
                P,
                "开展城乡环境综合整治",
                &["市城市管理局", "市生态环境局", "各区县"],
            )
            .lead(&["市城市管理局"])
            .due("6月底前", Some(D)),
        ],
    );
}

#[test]
fn rule_first_place_and_county_governments_implied() {
    const P: &[&str] = &["一、"];
    const C: &str = "各县（市、区）人民政府";
    check(
        "10b_rule-first-place-county-govts-guilin.txt",
        "2024-02-26",
        &[
            t(
                "（一）",
                P,
                "打造世界级旅游城市品牌",
                &["市文化广电和旅游局", "市发展改革委", C],
            )
            .lead(&["市文化广电和旅游局"]),
            t("（二）", P, "提升旅游交通服务水平", &["市交通运输局", "市文化广电和旅游局"])
                .lead(&["市交通运输局"])
                .implied(&[C]),
            t("（三）", P, "规范旅游市场秩序", &["市市场监管局"])
                .lead(&["市市场监管局"])
                .implied(&[C]),
        ],
    );
}

#[test]
fn rule_listed_first_xiatong() {
    const P: &[&str] = &[];
    check(
        "10c_rule-listed-first-xiatong-xuzhou.txt",
        "2024-02-08",
        &[
            t("1.", P, "扩大优质学前教育资源", &["市教育局", "市财政局"]).lead(&["市教育局"]),
            t(
                "2.",
                P,
                "推进职业教育产教融合",
                &["市教育局", "市人力资源和社会保障局", "市卫生健康委"],
            )
            .lead(&["市教育局"]),
            t("3.", P, "加强学校体育工作", &["市体育局", "市教育局"])
                .lead(&["市体育局"])
                .due("年底前", Some("2024-12-31")),
            // An explicit 牵头 names the lead itself.
            t("4.", P, "加快教育新基建", &["市发展改革委", "市教育局"]).lead(&["市发展改革委"]),
        ],
    );
}

#[test]
fn rule_stated_in_preamble_paragraph() {
    const P: &[&str] = &[];
    check(
        "10d_rule-in-preamble-lanzhou.txt",
        "2024-03-01",
        &[
            t("1.", P, "建设城市数据资源体系", &["市大数据管理局", "市政务服务中心"])
                .lead(&["市大数据管理局"]),
            t(
                "2.",
                P,
                "推进政务服务“一网通办”",
                &["市政府办公室", "市大数据管理局", "各县区政府"],
            )
            .lead(&["市政府办公室"]),
        ],
    );
}

// ---------------------------------------------------------------------------
// 11. deadlines
// ---------------------------------------------------------------------------

#[test]
fn deadline_dates() {
    const P: &[&str] = &["一、"];
    check(
        "11a_deadline-dates-shaoxing.txt",
        "2024-01-10",
        &[
            t("1.", P, "修订安全生产责任清单", &["市应急管理局"]).due("3月底前", Some("2024-03-31")),
            t("2.", P, "开展春节前安全检查", &["市安委会办公室"])
                .due("1月20日前", Some("2024-01-20")),
            t("3.", P, "实施危化品运输专项整治", &["市交通运输局"])
                .due("2024年8月底前", Some("2024-08-31")),
            t("4.", P, "推进城镇燃气安全整治", &["市住房城乡建设局"])
                .due("年底前", Some("2024-12-31")),
            t("5.", P, "开展高层建筑消防隐患排查", &["市消防救援支队"])
                .due("6月30日前", Some("2024-06-30")),
            t("6.", P, "开展校园安全隐患排查", &["市教育局"]).due("上半年", Some("2024-06-30")),
            // An explicit year other than the document's.
            t("7.", P, "建设安全生产智慧监管平台", &["市应急管理局", "市财政局"])
                .due("2025年3月底前", Some("2025-03-31")),
            // 2024 is a leap year.
            t("8.", P, "完成年度安全培训计划编制", &["市应急管理局"])
                .due("2月底前", Some("2024-02-29")),
        ],
    );
}

#[test]
fn deadline_text_without_date() {
    const P: &[&str] = &["一、"];
    check(
        "11b_deadline-text-only-guannan.txt",
        "2024-03-20",
        &[
            t("（一）", P, "公开经济运行数据", &["县发展改革委", "县统计局"]).due("全年", None),
            t("（二）", P, "发布重大政策解读", &["县政府办公室"]).due("及时发布", None),
            t("（三）", P, "规范政府信息公开申请办理", &["县司法局"]).due("长期坚持", None),
            t("（四）", P, "公开财政预决算信息", &["县财政局"]).due("2月底前及全年", None),
        ],
    );
}

// ---------------------------------------------------------------------------
// 12. other numbering
// ---------------------------------------------------------------------------

#[test]
fn numbering_arabic_and_parenthesised_arabic() {
    check(
        "12a_numbering-arabic-and-paren-arabic-yibin.txt",
        "2024-02-19",
        &[
            t("1.", &["一、"], "推进老旧小区改造", &["市住房城乡建设局"]),
            t(
                "（1）",
                &["一、", "2."],
                "加快地下管网改造",
                &["市住房城乡建设局", "市水务局"],
            ),
            t("（2）", &["一、", "2."], "建设城市停车设施", &["市城市管理局", "市公安局"]),
            t("3.", &["一、"], "推进城市绿化美化", &["市城市管理局"]),
            t("1.", &["二、"], "健全工作推进机制", &["市城市更新工作领导小组办公室"]),
        ],
    );
}

#[test]
fn flattened_one_line_body() {
    const P: &[&str] = &["二、"];
    check(
        "12b_flattened-one-line-yulin.txt",
        "2024-03-08",
        &[
            t("（一）", P, "落实就业优先政策", &["市人力资源社会保障局", "市财政局"]),
            t("（二）", P, "促进高校毕业生就业", &["市人力资源社会保障局", "市教育局"]),
            t(
                "（三）",
                P,
                "强化困难群体就业帮扶",
                &["市人力资源社会保障局", "市民政局", "各县（市、区）人民政府"],
            ),
        ],
    );
}

// ---------------------------------------------------------------------------
// 13. no rule: only an explicit 牵头 names a lead
// ---------------------------------------------------------------------------

#[test]
fn rules_do_not_leak() {
    const P: &[&str] = &["一、"];
    check(
        "13_no-rule-no-lead-huzhou.txt",
        "2024-01-30",
        &[
            t("1.", P, "持续改善空气质量", &["市生态环境局", "市发展改革委"]),
            t(
                "2.",
                P,
                "巩固提升水环境质量",
                &["市生态环境局", "市水利局", "市农业农村局"],
            )
            .lead(&["市生态环境局"]),
            t("3.", P, "加强生态保护修复", &["市自然资源和规划局", "市林业局"]),
            t("4.", P, "推进城乡环境整治", &["市住房城乡建设局", "市城市管理局"])
                .officials(&["沈国平"]),
            t("5.", P, "提升生态环境监测预警能力", &["市气象局"]),
        ],
    );
}
