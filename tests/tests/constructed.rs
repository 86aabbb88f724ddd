//! End-to-end tests over `corpus/constructed/`: small invented documents,
//! one per layout rule (see `corpus/constructed/README.md`).
//!
//! Every expected value below was written by hand from reading the text
//! file, never recorded from parser output. If a test fails, check the text
//! first, then the parser; do not paste the parser's output in here.

use gongwen::{parse, Document, FurnitureKind, Options, Parse, Span};
use gongwen_corpus_tests::read_corpus;

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

/// Removes every whitespace character (ASCII, U+3000, line breaks, tabs).
fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Reads and parses a file under `corpus/constructed/`.
fn run(name: &str) -> (String, Parse) {
    let text = read_corpus(&format!("constructed/{name}"));
    let parse = parse(&text, &Options::default());
    (text, parse)
}

/// Reads and parses a file that holds exactly one document.
fn only_doc(name: &str) -> (String, Document) {
    let (text, mut parse) = run(name);
    assert_eq!(
        parse.documents.len(),
        1,
        "{name}: expected exactly one document, got titles {:?}",
        parse
            .documents
            .iter()
            .map(|d| d.title.as_str())
            .collect::<Vec<_>>()
    );
    (text, parse.documents.remove(0))
}

/// The source text a span covers; fails the test when the span is out of
/// range or not on a char boundary.
fn slice<'a>(file: &str, what: &str, text: &'a str, span: &Span) -> &'a str {
    assert!(
        span.start <= span.end,
        "{file}: {what} span is reversed: {}..{}",
        span.start,
        span.end
    );
    text.get(span.start..span.end).unwrap_or_else(|| {
        panic!(
            "{file}: {what} span {}..{} is out of range or not on a char boundary (input is {} bytes)",
            span.start,
            span.end,
            text.len()
        )
    })
}

fn assert_within(file: &str, what: &str, outer: &Span, inner: &Span) {
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{file}: {what} span {}..{} lies outside the document span {}..{}",
        inner.start,
        inner.end,
        outer.start,
        outer.end
    );
}

/// The span checks every file gets:
/// * the 发文字号 span, whitespace removed, equals the number as printed
///   (whitespace removed);
/// * the title span, whitespace removed, equals the title;
/// * the date span contains the date as printed;
/// * issuer, recipient and enclosed-title spans, whitespace removed, equal
///   their values;
/// * all of these lie inside the document's own span.
fn check_spans(
    file: &str,
    text: &str,
    doc: &Document,
    printed_number: Option<&str>,
    printed_date: &str,
) {
    let doc_span = &doc.span;
    slice(file, "document", text, doc_span);

    match (printed_number, &doc.doc_number) {
        (Some(printed), Some(num)) => {
            let got = slice(file, "doc_number", text, &num.span);
            assert_eq!(
                strip_ws(got),
                strip_ws(printed),
                "{file}: doc_number span must cover the printed number"
            );
            assert_within(file, "doc_number", doc_span, &num.span);
        }
        (None, None) => {}
        (p, n) => panic!("{file}: printed number {p:?} but doc_number {n:?}"),
    }

    let title_span = doc
        .spans
        .title
        .as_ref()
        .unwrap_or_else(|| panic!("{file}: spans.title is missing"));
    assert_eq!(
        strip_ws(slice(file, "title", text, title_span)),
        doc.title,
        "{file}: title span, whitespace removed, must equal the title"
    );
    assert_within(file, "title", doc_span, title_span);

    let date_span = doc
        .spans
        .date
        .as_ref()
        .unwrap_or_else(|| panic!("{file}: spans.date is missing"));
    let date_src = slice(file, "date", text, date_span);
    assert!(
        date_src.contains(printed_date),
        "{file}: date span {:?} must contain the printed date {printed_date:?}",
        date_src
    );
    assert_within(file, "date", doc_span, date_span);

    let lists: [(&str, &Vec<String>, &Vec<Span>); 3] = [
        ("issuers", &doc.issuers, &doc.spans.issuers),
        ("recipients", &doc.recipients, &doc.spans.recipients),
        (
            "enclosed_titles",
            &doc.enclosed_titles,
            &doc.spans.enclosed_titles,
        ),
    ];
    for (what, values, spans) in lists {
        assert_eq!(
            spans.len(),
            values.len(),
            "{file}: spans.{what} must have one span per value"
        );
        for (value, span) in values.iter().zip(spans) {
            assert_eq!(
                strip_ws(slice(file, what, text, span)),
                strip_ws(value),
                "{file}: spans.{what} must point at {value:?}"
            );
            assert_within(file, what, doc_span, span);
        }
    }
}

/// What one document should contain, written by hand from the text file.
struct Expect<'a> {
    kind: &'a str,
    title: &'a str,
    /// (as printed, normalised text, agency, year, serial)
    number: Option<(&'a str, &'a str, &'a str, i32, u32)>,
    issuers: &'a [&'a str],
    recipients: &'a [&'a str],
    /// ISO date.
    date: &'a str,
    /// The date exactly as printed in the text.
    date_printed: &'a str,
    /// 发文机关署名 above the date.
    signature: &'a [&'a str],
    enclosed_titles: &'a [&'a str],
    /// (index, title without （略）, omitted)
    attachments: &'a [(u32, &'a str, bool)],
    /// doc_number strings that must be among the citations.
    citations: &'a [&'a str],
    /// 附注; `None` = not checked.
    notes: Option<&'a [&'a str]>,
}

/// Defaults for the fields most files do not have.
const NONE: Expect<'static> = Expect {
    kind: "",
    title: "",
    number: None,
    issuers: &[],
    recipients: &[],
    date: "",
    date_printed: "",
    signature: &[],
    enclosed_titles: &[],
    attachments: &[],
    citations: &[],
    notes: None,
};

fn check_doc(file: &str, text: &str, doc: &Document, e: &Expect) {
    assert_eq!(doc.kind.as_deref(), Some(e.kind), "{file}: kind (文种)");
    assert_eq!(doc.title, e.title, "{file}: title");

    match (&doc.doc_number, e.number) {
        (Some(got), Some((_, norm, agency, year, serial))) => {
            assert_eq!(got.text, norm, "{file}: doc_number.text (normalised)");
            assert_eq!(got.agency, agency, "{file}: doc_number.agency");
            assert_eq!(got.year, year, "{file}: doc_number.year");
            assert_eq!(got.serial, serial, "{file}: doc_number.serial");
        }
        (None, None) => {}
        (got, want) => panic!(
            "{file}: doc_number: got {:?}, want {:?}",
            got.as_ref().map(|n| n.text.as_str()),
            want.map(|w| w.1)
        ),
    }

    assert_eq!(doc.issuers, e.issuers, "{file}: issuers");
    assert_eq!(
        doc.recipients, e.recipients,
        "{file}: recipients (one body each)"
    );
    assert_eq!(doc.date.as_deref(), Some(e.date), "{file}: date (ISO)");
    assert_eq!(
        doc.signature, e.signature,
        "{file}: signature (发文机关署名)"
    );
    assert_eq!(
        doc.enclosed_titles, e.enclosed_titles,
        "{file}: enclosed_titles"
    );

    let atts: Vec<(u32, &str, bool)> = doc
        .attachments
        .iter()
        .map(|a| (a.index, a.title.as_str(), a.omitted))
        .collect();
    assert_eq!(
        atts, e.attachments,
        "{file}: attachments (index, title, omitted)"
    );

    let cited: Vec<&str> = doc
        .citations
        .iter()
        .filter_map(|c| c.doc_number.as_deref())
        .collect();
    for want in e.citations {
        assert!(
            cited.contains(want),
            "{file}: citations must include {want:?}; got {cited:?}"
        );
    }

    if let Some(notes) = e.notes {
        assert_eq!(doc.notes, notes, "{file}: notes (附注)");
    }

    check_spans(file, text, doc, e.number.map(|n| n.0), e.date_printed);
}

const STATE_COUNCIL_RECIPIENTS: &[&str] =
    &["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"];

// ---------------------------------------------------------------------------
// one test per file
// ---------------------------------------------------------------------------

#[test]
fn c01_guobanfa_notice_web_paste() {
    let f = "01_guobanfa-2023-12-tongzhi.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "国务院办公厅关于进一步加强基层应急管理能力建设的通知",
            number: Some((
                "国办发〔2023〕12号",
                "国办发〔2023〕12号",
                "国办发",
                2023,
                12,
            )),
            issuers: &["国务院办公厅"],
            recipients: STATE_COUNCIL_RECIPIENTS,
            date: "2023-03-29",
            date_printed: "2023年3月29日",
            signature: &["国务院办公厅"],
            notes: Some(&["（此件公开发布）"]),
            ..NONE
        },
    );
}

#[test]
fn c02_provincial_yijian_with_metadata_table() {
    let f = "02_chuanfufa-2022-5-yijian.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "意见",
            title: "四川省人民政府关于推动县域经济高质量发展的意见",
            number: Some(("川府发〔2022〕5号", "川府发〔2022〕5号", "川府发", 2022, 5)),
            issuers: &["四川省人民政府"],
            recipients: &[
                "各市（州）人民政府",
                "省政府各部门",
                "各直属机构",
                "有关单位",
            ],
            date: "2022-02-15",
            date_printed: "2022年2月15日",
            signature: &["四川省人民政府"],
            notes: Some(&["（此件公开发布）"]),
            ..NONE
        },
    );
    // The metadata table (first five lines) repeats title and number; the
    // document's own values are the ones printed after it.
    let table_end = text
        .find("\n\n")
        .expect("blank line after the metadata table");
    assert!(
        doc.spans.title.as_ref().unwrap().start > table_end,
        "{f}: title span must point at the document's title, not the metadata table"
    );
    assert!(
        doc.doc_number.as_ref().unwrap().span.start > table_end,
        "{f}: doc_number span must point at the document's number, not the metadata table"
    );
}

#[test]
fn c03_city_yinfa_plan_after_signature() {
    let f = "03_nanfuban-2023-18-yinfa-fangan.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "南宁市人民政府办公室关于印发《南宁市城市内涝治理三年行动方案（2023—2025年）》的通知",
            number: Some(("南府办〔2023〕18号", "南府办〔2023〕18号", "南府办", 2023, 18)),
            issuers: &["南宁市人民政府办公室"],
            recipients: &["各县（市、区）人民政府", "市政府各组成部门", "各直属机构"],
            date: "2023-04-12",
            date_printed: "2023年4月12日",
            signature: &["南宁市人民政府办公室"],
            enclosed_titles: &["南宁市城市内涝治理三年行动方案（2023—2025年）"],
            notes: Some(&["（此件公开发布）"]),
            ..NONE
        },
    );
    // The enclosed plan printed after the signature belongs to this document.
    let plan_body = text.find("为系统治理城市内涝").unwrap();
    assert!(
        doc.span.end > plan_body,
        "{f}: the document span must include the enclosed plan"
    );
}

#[test]
fn c04_joint_issuance_two_issuers() {
    let f = "04_ganjiaofa-2021-7-lianhe.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title:
                "甘肃省教育厅、甘肃省财政厅关于做好2021年农村义务教育学生营养改善计划实施工作的通知",
            number: Some(("甘教发〔2021〕7号", "甘教发〔2021〕7号", "甘教发", 2021, 7)),
            issuers: &["甘肃省教育厅", "甘肃省财政厅"],
            recipients: &[
                "各市（州）教育局",
                "各市（州）财政局",
                "兰州新区教育文化体育局",
            ],
            date: "2021-03-05",
            date_printed: "2021年3月5日",
            signature: &["甘肃省教育厅", "甘肃省财政厅"],
            ..NONE
        },
    );
}

#[test]
fn c05_han_to_one_body() {
    let f = "05_zhezhengbanhan-2020-33-han.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "函",
            title: "浙江省人民政府办公厅关于商请支持钱塘江流域生态保护修复示范区建设的函",
            number: Some((
                "浙政办函〔2020〕33号",
                "浙政办函〔2020〕33号",
                "浙政办函",
                2020,
                33,
            )),
            issuers: &["浙江省人民政府办公厅"],
            recipients: &["国家林业和草原局办公室"],
            date: "2020-07-16",
            date_printed: "2020年7月16日",
            signature: &["浙江省人民政府办公厅"],
            ..NONE
        },
    );
}

#[test]
fn c06_pifu_cites_qingshi() {
    let f = "06_zhezhenghan-2023-41-pifu.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "批复",
            title: "浙江省人民政府关于同意杭州市调整富阳区部分街道行政区划的批复",
            number: Some((
                "浙政函〔2023〕41号",
                "浙政函〔2023〕41号",
                "浙政函",
                2023,
                41,
            )),
            issuers: &["浙江省人民政府"],
            recipients: &["杭州市人民政府"],
            date: "2023-05-18",
            date_printed: "2023年5月18日",
            signature: &["浙江省人民政府"],
            citations: &["杭政〔2023〕15号"],
            ..NONE
        },
    );
    // The cited 请示 is printed as 《title》（number）: both go in one citation.
    let c = doc
        .citations
        .iter()
        .find(|c| c.doc_number.as_deref() == Some("杭政〔2023〕15号"))
        .unwrap();
    assert_eq!(
        c.title.as_deref(),
        Some("关于调整富阳区部分街道行政区划的请示"),
        "{f}: the cited 请示 keeps its title"
    );
}

#[test]
fn c07_chaosong_and_yinfa_lines() {
    let f = "07_yunzhengbanfa-2023-28-chaosong-yinfa.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "云南省人民政府办公厅关于做好2023年高温干旱防范应对工作的通知",
            number: Some((
                "云政办发〔2023〕28号",
                "云政办发〔2023〕28号",
                "云政办发",
                2023,
                28,
            )),
            issuers: &["云南省人民政府办公厅"],
            // 、 inside a shared-suffix list does not split: two bodies.
            recipients: &["各州、市人民政府", "省直各委、办、厅、局"],
            date: "2023-04-28",
            date_printed: "2023年4月28日",
            signature: &["云南省人民政府办公厅"],
            notes: Some(&["（此件公开发布）"]),
            ..NONE
        },
    );
    assert_eq!(
        doc.cc,
        [
            "省委办公厅",
            "省人大常委会办公厅",
            "省政协办公厅",
            "省法院",
            "省检察院"
        ],
        "{f}: cc (抄送)"
    );
    assert_eq!(
        doc.printed_by.as_deref(),
        Some("云南省人民政府办公厅"),
        "{f}: printed_by (印发机关)"
    );
    assert_eq!(
        doc.printed_date.as_deref(),
        Some("2023-05-06"),
        "{f}: printed_date (印发日期)"
    );
}

#[test]
fn c08_two_attachments_second_omitted() {
    let f = "08_shanzhengbanfa-2022-19-fujian.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "陕西省人民政府办公厅关于公布第三批省级全域旅游示范区名单的通知",
            number: Some((
                "陕政办发〔2022〕19号",
                "陕政办发〔2022〕19号",
                "陕政办发",
                2022,
                19,
            )),
            issuers: &["陕西省人民政府办公厅"],
            recipients: &[
                "各设区市人民政府",
                "杨凌示范区管委会",
                "韩城市人民政府",
                "省人民政府各工作部门",
                "各直属机构",
            ],
            date: "2022-09-07",
            date_printed: "2022年9月7日",
            signature: &["陕西省人民政府办公厅"],
            attachments: &[
                (1, "第三批省级全域旅游示范区名单", false),
                (2, "省级全域旅游示范区复核评分表", true),
            ],
            notes: Some(&["（此件公开发布）"]),
            ..NONE
        },
    );
}

#[test]
fn c09a_square_brackets() {
    let f = "09a_bracket-square-lin-zhengbanhan-2019-8.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            // 函-type number, but the title closes with 通知.
            kind: "通知",
            title: "临沧市人民政府办公室关于调整临沧市河长制工作领导小组成员的通知",
            number: Some((
                "临政办函[2019]8号",
                "临政办函〔2019〕8号",
                "临政办函",
                2019,
                8,
            )),
            issuers: &["临沧市人民政府办公室"],
            recipients: &["各县（区）人民政府", "市直各委、办、局"],
            date: "2019-02-20",
            date_printed: "2019年2月20日",
            signature: &["临沧市人民政府办公室"],
            ..NONE
        },
    );
}

#[test]
fn c09b_lenticular_brackets() {
    let f = "09b_bracket-lenticular-qianfubanfa-2020-11.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "贵州省人民政府办公厅关于进一步做好“四好农村路”建设工作的通知",
            number: Some((
                "黔府办发【2020】11号",
                "黔府办发〔2020〕11号",
                "黔府办发",
                2020,
                11,
            )),
            issuers: &["贵州省人民政府办公厅"],
            recipients: &[
                "各市、自治州人民政府",
                "各县（市、区、特区）人民政府",
                "省政府各部门",
                "各直属机构",
            ],
            date: "2020-04-03",
            date_printed: "2020年4月3日",
            signature: &["贵州省人民政府办公厅"],
            ..NONE
        },
    );
}

#[test]
fn c09c_fullwidth_parentheses() {
    let f = "09c_bracket-fullwidth-paren-jizhengfa-2021-6.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "决定",
            title: "吉林省人民政府关于表彰2020年度全省安全生产工作先进单位的决定",
            number: Some(("吉政发（2021）6号", "吉政发〔2021〕6号", "吉政发", 2021, 6)),
            issuers: &["吉林省人民政府"],
            recipients: &[
                "各市（州）人民政府",
                "长白山管委会",
                "各县（市）人民政府",
                "省政府各厅委办",
                "各直属机构",
            ],
            date: "2021-03-10",
            date_printed: "2021年3月10日",
            signature: &["吉林省人民政府"],
            ..NONE
        },
    );
}

#[test]
fn c09d_fullwidth_square_brackets() {
    let f = "09d_bracket-fullwidth-square-ningzhengbanfa-2018-23.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "宁夏回族自治区人民政府办公厅关于加强全区政务服务中心建设的通知",
            number: Some((
                "宁政办发［2018］23号",
                "宁政办发〔2018〕23号",
                "宁政办发",
                2018,
                23,
            )),
            issuers: &["宁夏回族自治区人民政府办公厅"],
            recipients: &["各市、县（区）人民政府", "自治区政府各部门", "各直属机构"],
            date: "2018-06-25",
            date_printed: "2018年6月25日",
            signature: &["宁夏回族自治区人民政府办公厅"],
            ..NONE
        },
    );
}

#[test]
fn c09e_ascii_parentheses() {
    let f = "09e_bracket-ascii-paren-jinzhengbanfa-2017-36.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "山西省人民政府办公厅关于进一步做好城乡居民基本医疗保险工作的通知",
            number: Some((
                "晋政办发(2017)36号",
                "晋政办发〔2017〕36号",
                "晋政办发",
                2017,
                36,
            )),
            issuers: &["山西省人民政府办公厅"],
            recipients: &["各市、县人民政府", "省人民政府各委、厅", "各直属机构"],
            date: "2017-05-09",
            date_printed: "2017年5月9日",
            signature: &["山西省人民政府办公厅"],
            ..NONE
        },
    );
}

#[test]
fn c10a_chinese_numeral_date_2023() {
    let f = "10a_date-hanzi-minzhengban-2023-10.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "福建省人民政府办公厅关于加快推进城市一刻钟便民生活圈建设的通知",
            number: Some((
                "闽政办〔2023〕10号",
                "闽政办〔2023〕10号",
                "闽政办",
                2023,
                10,
            )),
            issuers: &["福建省人民政府办公厅"],
            recipients: &[
                "各市、县（区）人民政府",
                "平潭综合实验区管委会",
                "省人民政府各部门",
                "各直属机构",
                "各大企业",
                "各高等院校",
            ],
            date: "2023-03-29",
            date_printed: "二〇二三年三月二十九日",
            signature: &["福建省人民政府办公厅"],
            notes: Some(&["（此件主动公开）"]),
            ..NONE
        },
    );
}

#[test]
fn c10b_chinese_numeral_date_2020_year_end() {
    let f = "10b_date-hanzi-ganfuzi-2020-88.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "江西省人民政府关于公布第六批省级非物质文化遗产代表性项目名录的通知",
            number: Some((
                "赣府字〔2020〕88号",
                "赣府字〔2020〕88号",
                "赣府字",
                2020,
                88,
            )),
            issuers: &["江西省人民政府"],
            recipients: &["各市、县（区）人民政府", "省政府各部门"],
            date: "2020-12-31",
            date_printed: "二〇二〇年十二月三十一日",
            signature: &["江西省人民政府"],
            // A single unnumbered 附件 is index 1.
            attachments: &[(1, "第六批省级非物质文化遗产代表性项目名录", true)],
            ..NONE
        },
    );
}

#[test]
fn c11_no_doc_number() {
    let f = "11_no-number-qinghai-renshe.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "青海省人力资源和社会保障厅关于做好2023年高校毕业生“三支一扶”计划招募工作的通知",
            number: None,
            issuers: &["青海省人力资源和社会保障厅"],
            recipients: &["各市、自治州人力资源社会保障局", "省直有关单位"],
            date: "2023-04-20",
            date_printed: "2023年4月20日",
            signature: &["青海省人力资源和社会保障厅"],
            ..NONE
        },
    );
}

#[test]
fn c12_gazette_two_documents_in_order() {
    let f = "12_gazette-two-documents-shandong.txt";
    let (text, parse) = run(f);
    assert_eq!(
        parse.documents.len(),
        2,
        "{f}: expected two documents, got titles {:?}",
        parse
            .documents
            .iter()
            .map(|d| d.title.as_str())
            .collect::<Vec<_>>()
    );
    let (a, b) = (&parse.documents[0], &parse.documents[1]);
    check_doc(
        f,
        &text,
        a,
        &Expect {
            kind: "决定",
            title: "山东省人民政府关于命名第二批山东省生态文明建设示范区的决定",
            number: Some((
                "鲁政字〔2023〕11号",
                "鲁政字〔2023〕11号",
                "鲁政字",
                2023,
                11,
            )),
            issuers: &["山东省人民政府"],
            recipients: &[
                "各市人民政府",
                "各县（市、区）人民政府",
                "省政府各部门",
                "各直属机构",
                "各大企业",
                "各高等院校",
            ],
            date: "2023-02-10",
            date_printed: "2023年2月10日",
            signature: &["山东省人民政府"],
            ..NONE
        },
    );
    check_doc(
        f,
        &text,
        b,
        &Expect {
            kind: "通知",
            title: "山东省人民政府办公厅关于开展2023年全省安全生产大检查的通知",
            number: Some((
                "鲁政办字〔2023〕25号",
                "鲁政办字〔2023〕25号",
                "鲁政办字",
                2023,
                25,
            )),
            issuers: &["山东省人民政府办公厅"],
            recipients: &["各市人民政府", "省政府各部门", "各直属机构"],
            date: "2023-03-01",
            date_printed: "2023年3月1日",
            signature: &["山东省人民政府办公厅"],
            ..NONE
        },
    );
    assert!(
        a.span.end <= b.span.start,
        "{f}: documents must not overlap and must be in reading order ({}..{} then {}..{})",
        a.span.start,
        a.span.end,
        b.span.start,
        b.span.end
    );
}

#[test]
fn c13_gbt9704_header_fields() {
    let f = "13_gbt9704-header-wanyingji-2023-21.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            // The 版头 安徽省应急管理厅文件 is not the title.
            title: "安徽省应急管理厅关于立即开展汛期安全风险隐患排查整治的通知",
            number: Some((
                "皖应急〔2023〕21号",
                "皖应急〔2023〕21号",
                "皖应急",
                2023,
                21,
            )),
            issuers: &["安徽省应急管理厅"],
            recipients: &["各市应急管理局", "省安委会有关成员单位"],
            date: "2023-06-20",
            date_printed: "2023年6月20日",
            signature: &["安徽省应急管理厅"],
            ..NONE
        },
    );
    assert_eq!(
        doc.copy_number.as_deref(),
        Some("000123"),
        "{f}: copy_number (份号)"
    );
    assert_eq!(
        doc.classification.as_deref(),
        Some("秘密★1年"),
        "{f}: classification (密级)"
    );
    assert_eq!(
        doc.urgency.as_deref(),
        Some("特急"),
        "{f}: urgency (紧急程度)"
    );
    assert_eq!(doc.signers, ["张三"], "{f}: signers (签发人)");
}

#[test]
fn c14_pdf_extraction_broken_lines_and_page_numbers() {
    let f = "14_pdf-extraction-chuanfubanfa-2023-9.txt";
    let (text, parse) = run(f);
    assert_eq!(
        parse.documents.len(),
        1,
        "{f}: expected exactly one document"
    );
    let doc = &parse.documents[0];
    check_doc(
        f,
        &text,
        doc,
        &Expect {
            kind: "通知",
            title: "四川省人民政府办公厅关于进一步做好2023年汛期地质灾害防治工作的通知",
            number: Some((
                "川府办发 〔2023〕 9 号",
                "川府办发〔2023〕9号",
                "川府办发",
                2023,
                9,
            )),
            issuers: &["四川省人民政府办公厅"],
            // The 主送 line is broken inside 各直属机构.
            recipients: &[
                "各市（州）人民政府",
                "省政府各部门",
                "各直属机构",
                "有关单位",
            ],
            date: "2023-06-01",
            date_printed: "2023 年 6 月 1 日",
            signature: &["四川省人民政府办公厅"],
            notes: Some(&["（此件公开发布）"]),
            ..NONE
        },
    );
    // "- 2 -" between pages is a page number, not text.
    let page2 = text.find("- 2 -").unwrap();
    assert!(
        parse
            .furniture
            .iter()
            .any(|fu| fu.kind == FurnitureKind::PageNumber
                && fu.span.start <= page2
                && page2 < fu.span.end),
        "{f}: the line \"- 2 -\" must be recorded as PageNumber furniture"
    );
}

#[test]
fn c15_citations_state_council_decree_and_bare_number() {
    let f = "15_citations-heizhengbanfa-2023-14.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "黑龙江省人民政府办公厅关于切实做好重大动物疫情防控工作的通知",
            number: Some((
                "黑政办发〔2023〕14号",
                "黑政办发〔2023〕14号",
                "黑政办发",
                2023,
                14,
            )),
            issuers: &["黑龙江省人民政府办公厅"],
            recipients: &["各市（地）人民政府（行署）", "省政府各直属单位"],
            date: "2023-03-15",
            date_printed: "2023年3月15日",
            signature: &["黑龙江省人民政府办公厅"],
            citations: &[
                "国务院令第450号",
                "国办发〔2019〕3号",
                "黑政办规〔2021〕8号",
            ],
            ..NONE
        },
    );
    // A cited number is never the document's own number.
    assert_eq!(
        doc.doc_number.as_ref().unwrap().text,
        "黑政办发〔2023〕14号"
    );
}

#[test]
fn c16_fullwidth_digits_normalised() {
    let f = "16_fullwidth-digits-guobanfa-2023-12.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "国务院办公厅关于加快推进政务服务“一网通办”提质增效的通知",
            number: Some((
                "国办发〔２０２３〕１２号",
                "国办发〔2023〕12号",
                "国办发",
                2023,
                12,
            )),
            issuers: &["国务院办公厅"],
            recipients: STATE_COUNCIL_RECIPIENTS,
            date: "2023-03-29",
            date_printed: "２０２３年３月２９日",
            signature: &["国务院办公厅"],
            notes: Some(&["（此件公开发布）"]),
            ..NONE
        },
    );
}

#[test]
fn c17_tonggao_without_recipients() {
    let f = "17_tonggao-no-recipient-shizhengfa-2023-6.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通告",
            title: "西安市人民政府关于在城区实施机动车尾号限行管理措施的通告",
            number: Some(("市政发〔2023〕6号", "市政发〔2023〕6号", "市政发", 2023, 6)),
            issuers: &["西安市人民政府"],
            recipients: &[],
            // Not 2023-03-06 or 2024-03-05, which are dates inside the body.
            date: "2023-03-01",
            date_printed: "2023年3月1日",
            signature: &["西安市人民政府"],
            ..NONE
        },
    );
}

#[test]
fn c18a_anweihui_office_as_issuer() {
    let f = "18a_anweiban-longanweibanfa-2023-4.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "通知",
            title: "陇西县安全生产委员会办公室关于开展2023年汛期安全生产大检查的通知",
            number: Some((
                "陇安委办发〔2023〕4号",
                "陇安委办发〔2023〕4号",
                "陇安委办发",
                2023,
                4,
            )),
            issuers: &["陇西县安全生产委员会办公室"],
            // 、 between complete bodies does split.
            recipients: &[
                "各乡镇人民政府",
                "县应急局",
                "县交通运输局",
                "县住建局",
                "县安委会其他成员单位",
            ],
            date: "2023-06-12",
            date_printed: "2023年6月12日",
            signature: &["陇西县安全生产委员会办公室"],
            ..NONE
        },
    );
}

#[test]
fn c18b_county_party_committee_as_issuer() {
    let f = "18b_xianwei-yuefa-2023-5.txt";
    let (text, doc) = only_doc(f);
    check_doc(
        f,
        &text,
        &doc,
        &Expect {
            kind: "决定",
            title: "中共岳西县委关于表彰2022年度全县优秀共产党员和先进基层党组织的决定",
            number: Some(("岳发〔2023〕5号", "岳发〔2023〕5号", "岳发", 2023, 5)),
            issuers: &["中共岳西县委"],
            recipients: &["各乡镇党委", "县委各部委", "县直各单位党组织"],
            date: "2023-06-28",
            date_printed: "2023年6月28日",
            signature: &["中共岳西县委"],
            attachments: &[
                (1, "全县优秀共产党员名单", true),
                (2, "全县先进基层党组织名单", true),
            ],
            ..NONE
        },
    );
}

// ---------------------------------------------------------------------------
// degenerate input
// ---------------------------------------------------------------------------

#[test]
fn empty_input_gives_no_documents_and_a_diagnostic() {
    let parse = parse("", &Options::default());
    assert_eq!(parse.documents.len(), 0, "empty input: no documents");
    assert!(
        !parse.diagnostics.is_empty(),
        "empty input: at least one diagnostic explaining why nothing was found"
    );
}

#[test]
fn garbage_input_does_not_panic() {
    for text in [
        "\u{0}\u{FFFF}abc〔〔〔",
        "〔〔〔2023〕〕号号号",
        "关于的通知\n〔〕号\n：\n年月日",
        "\u{FEFF}\r\n\r\n　　\t",
        "附件：\n1.\n（略）\n抄送：\n印发",
    ] {
        let parse = parse(text, &Options::default());
        for doc in &parse.documents {
            assert!(
                text.get(doc.span.start..doc.span.end).is_some(),
                "{text:?}: document span {}..{} must be a valid range of the input",
                doc.span.start,
                doc.span.end
            );
        }
    }
}
