//! The 26 real web documents in `corpus/real/` (see its SOURCES.md): each
//! is one document, and its header fields are right. Expected values are
//! written by hand from the texts, never recorded from output.

use gongwen::{parse, Options};
use gongwen_corpus_tests::{corpus_dir, read_corpus};

struct Want {
    file: &'static str,
    title: &'static str,
    kind: &'static str,
    number: Option<&'static str>,
    date: Option<&'static str>,
    issuers: &'static [&'static str],
    recipients: Option<&'static [&'static str]>,
}

const STATE: &[&str] = &["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"];

const WANT: &[Want] = &[
    Want { file: "01_guofa-2018-39-jiuye-yijian.txt", title: "国务院关于做好当前和今后一个时期促进就业工作的若干意见", kind: "意见", number: Some("国发〔2018〕39号"), date: Some("2018-11-16"), issuers: &["国务院"], recipients: Some(STATE) },
    Want { file: "02_guobanfa-2018-117-ducha-jili-tongzhi.txt", title: "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知", kind: "通知", number: Some("国办发〔2018〕117号"), date: Some("2018-12-06"), issuers: &["国务院办公厅"], recipients: Some(STATE) },
    Want { file: "03_guobanfa-2018-129-xiaofei-fupin-yijian.txt", title: "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见", kind: "意见", number: Some("国办发〔2018〕129号"), date: Some("2018-12-30"), issuers: &["国务院办公厅"], recipients: Some(STATE) },
    Want { file: "04_guofa-2019-4-zhijiao-gaige-fangan-yinfa.txt", title: "国务院关于印发国家职业教育改革实施方案的通知", kind: "通知", number: Some("国发〔2019〕4号"), date: Some("2019-01-24"), issuers: &["国务院"], recipients: Some(STATE) },
    Want { file: "05_guobanfa-2018-128-wufei-chengshi-fangan-yinfa.txt", title: "国务院办公厅关于印发“无废城市”建设试点工作方案的通知", kind: "通知", number: Some("国办发〔2018〕128号"), date: Some("2018-12-29"), issuers: &["国务院办公厅"], recipients: Some(STATE) },
    Want { file: "06_guohan-2018-144-lianxi-huiyi-pifu.txt", title: "国务院关于同意建立国务院职业教育工作部际联席会议制度的批复", kind: "批复", number: Some("国函〔2018〕144号"), date: Some("2018-11-20"), issuers: &["国务院"], recipients: Some(&["教育部"]) },
    Want { file: "07_guobanhan-2005-21-keji-jieshui-fuhan.txt", title: "国务院办公厅关于科技节水建议的复函", kind: "函", number: Some("国办函〔2005〕21号"), date: Some("2005-03-03"), issuers: &["国务院办公厅"], recipients: Some(&["马万祺副主席"]) },
    Want { file: "08_guobanfa-2018-109-jiaocai-weiyuanhui-renyuan.txt", title: "国务院办公厅关于调整国家教材委员会组成人员的通知", kind: "通知", number: Some("国办发〔2018〕109号"), date: Some("2018-11-20"), issuers: &["国务院办公厅"], recipients: Some(STATE) },
    Want { file: "09_guobanfamingdian-2018-15-jiejiari.txt", title: "国务院办公厅关于2019年部分节假日安排的通知", kind: "通知", number: Some("国办发明电〔2018〕15号"), date: Some("2018-12-04"), issuers: &["国务院办公厅"], recipients: Some(STATE) },
    Want { file: "10_hebei-jizhengban-2024-minsheng-gongcheng-fangan.txt", title: "河北省人民政府办公厅关于印发河北省2024年民生工程实施方案的通知", kind: "通知", number: None, date: Some("2023-12-13"), issuers: &["河北省人民政府办公厅"], recipients: Some(&["各市（含定州、辛集市）人民政府", "各县（市、区）人民政府", "雄安新区管委会", "省政府各部门"]) },
    Want { file: "11_hebei-jizhengban-2024-kangyang-chanye-cuoshi.txt", title: "河北省人民政府办公厅关于印发河北省支持康养产业发展若干措施的通知", kind: "通知", number: None, date: Some("2024-04-28"), issuers: &["河北省人民政府办公厅"], recipients: Some(&["各市（含定州、辛集市）人民政府", "雄安新区管委会", "省政府有关部门"]) },
    Want { file: "12_hebei-jizhengban-2024-liaoheyuan-fuhan.txt", title: "河北省人民政府办公厅关于同意调整河北辽河源省级自然保护区范围及功能区的复函", kind: "函", number: None, date: Some("2024-05-31"), issuers: &["河北省人民政府办公厅"], recipients: Some(&["承德市人民政府"]) },
    Want { file: "13_hebei-jizhengban-2004-kejiao-xiaozu-renyuan.txt", title: "河北省人民政府办公厅关于调整省科技教育领导小组组成人员的通知", kind: "通知", number: None, date: Some("2004-02-23"), issuers: &["河北省人民政府办公厅"], recipients: Some(&["各设区市人民政府", "省政府各部门"]) },
    Want { file: "14_hebei-jizhengban-2004-shenghui-weiyuanhui-chengyuan-tiaozheng.txt", title: "河北省人民政府办公厅关于调整河北省省会规划建设委员会部分成员的通知", kind: "通知", number: None, date: Some("2004-04-13"), issuers: &["河北省人民政府办公厅"], recipients: Some(&["石家庄市人民政府", "省政府有关部门"]) },
    Want { file: "15_hebei-jizhengban-2024-chengde-shifanqu-zhengce-cuoshi.txt", title: "河北省人民政府办公厅印发关于支持承德国家可持续发展议程创新示范区建设若干政策措施（2024-2026年）的通知", kind: "通知", number: None, date: Some("2024-06-14"), issuers: &["河北省人民政府办公厅"], recipients: Some(&["承德市人民政府", "省政府有关部门"]) },
    Want { file: "16_hebei-gov-2022-xingzheng-fuyi-tonggao.txt", title: "河北省人民政府关于县级以上人民政府统一行使行政复议职责有关事项的通告", kind: "通告", number: None, date: Some("2022-08-10"), issuers: &["河北省人民政府"], recipients: Some(&[]) },
    Want { file: "17_hebei-gxt-2018-zhengwu-gongkai-gongzuo-yaodian.txt", title: "河北省工业和信息化厅政务公开工作要点", kind: "要点", number: None, date: None, issuers: &["河北省工业和信息化厅"], recipients: Some(&[]) },
    Want { file: "18_hebei-gxt-2022-wenzhu-gongye-jingji-wutiao-cuoshi.txt", title: "关于稳住全省工业经济大盘的五条政策措施", kind: "措施", number: None, date: None, issuers: &[], recipients: Some(&[]) },
    Want { file: "19_fujian-jingxinwei-2017-lingdao-gongzuo-fengong.txt", title: "关于省经信委领导工作分工的通知", kind: "通知", number: None, date: Some("2017-07-21"), issuers: &["福建省经济和信息化委员会"], recipients: Some(&["各处室（局）", "派出机构", "直属单位"]) },
    Want { file: "20_guangzhou-suifubangui-2021-7-tekun-renyuan-tongzhi.txt", title: "广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知", kind: "通知", number: Some("穗府办规〔2021〕7号"), date: Some("2021-04-13"), issuers: &["广州市人民政府办公厅"], recipients: Some(&["各区人民政府", "市政府各部门", "各直属机构"]) },
    Want { file: "21_guangzhou-suiweihan-2023-1930-jiating-yisheng-fangan.txt", title: "广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知", kind: "通知", number: Some("穗卫函〔2023〕1930号"), date: Some("2023-10-19"), issuers: &["广州市卫生健康委员会", "广州市财政局", "广州市人力资源和社会保障局", "广州市医疗保障局"], recipients: None },
    Want { file: "22_linan-linzhengbanhan-2013-89-xinyong-lingdao-xiaozu.txt", title: "临安市人民政府办公室关于成立临安市信用建设工作领导小组的通知", kind: "通知", number: Some("临政办函〔2013〕89号"), date: Some("2013-10-10"), issuers: &["临安市人民政府办公室"], recipients: Some(&[]) },
    Want { file: "23_guobanhan-2018-74-wuranyuan-pucha-xiaozu-renyuan.txt", title: "国务院办公厅关于调整国务院第二次全国污染源普查领导小组组成人员的通知", kind: "通知", number: Some("国办函〔2018〕74号"), date: Some("2018-11-05"), issuers: &["国务院办公厅"], recipients: Some(STATE) },
    Want { file: "24_guobanfa-1997-11-zhuanfa-minzhengbu-shetuan-yijian.txt", title: "国务院办公厅转发民政部关于清理整顿社会团体意见的通知", kind: "通知", number: Some("国办发〔1997〕11号"), date: Some("1997-04-08"), issuers: &["国务院办公厅"], recipients: Some(STATE) },
    Want { file: "25_guobanfa-2004-7-meikuang-shigu-tongbao.txt", title: "国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报", kind: "通报", number: Some("国办发〔2004〕7号"), date: Some("2004-01-16"), issuers: &["国务院办公厅"], recipients: Some(STATE) },
    Want { file: "26_guobanfa-1996-25-guoban-junweiban-lianhe-tongzhi.txt", title: "国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知", kind: "通知", number: Some("国办发〔1996〕25号"), date: Some("1996-06-29"), issuers: &["国务院办公厅", "中央军委办公厅"], recipients: Some(&["北京市、天津市、河北省、山西省、内蒙古自治区、辽宁省、吉林省、黑龙江省、上海市、江苏省、浙江省、安徽省、福建省、江西省、山东省、河南省、湖北省、湖南省、广东省、广西壮族自治区、陕西省、甘肃省人民政府", "沈阳、北京、兰州、济南、南京、广州军区"]) },
];

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_real_file_is_listed() {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir().join("real"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.ends_with(".txt"))
        .collect();
    files.sort();
    let listed: Vec<String> = WANT.iter().map(|w| w.file.to_string()).collect();
    assert_eq!(files, listed);
}

#[test]
fn each_real_document_is_one_document_with_its_header() {
    let mut failures = Vec::new();
    for w in WANT {
        let text = read_corpus(&format!("real/{}", w.file));
        let p = parse(&text, &Options::default());
        if p.documents.len() != 1 {
            failures.push(format!("{}: {} documents", w.file, p.documents.len()));
            continue;
        }
        let d = &p.documents[0];
        let mut check = |field: &str, got: String, want: String| {
            if got != want {
                failures.push(format!("{} {field}: got {got:?}, want {want:?}", w.file));
            }
        };
        check("title", d.title.clone(), w.title.into());
        check("kind", format!("{:?}", d.kind), format!("{:?}", Some(w.kind)));
        check("number", format!("{:?}", d.doc_number.as_ref().map(|n| n.text.as_str())), format!("{:?}", w.number));
        check("date", format!("{:?}", d.date), format!("{:?}", w.date.map(str::to_string)));
        check("issuers", format!("{:?}", d.issuers), format!("{:?}", w.issuers));
        if let Some(r) = w.recipients {
            check("recipients", format!("{:?}", d.recipients), format!("{r:?}"));
        }
        // Spans point at the printed values, never at page chrome.
        if let Some(sp) = &d.spans.title {
            check("title span", squeeze(&text[sp.start..sp.end]).replace('\u{3000}', ""), w.title.into());
        }
        if let Some(n) = &d.doc_number {
            let unbracket = |s: &str| s.replace(['[', ']', '〔', '〕', '【', '】', '［', '］', '(', ')', '（', '）'], "");
            check("number span", unbracket(&squeeze(&text[n.span.start..n.span.end])), unbracket(&n.text));
        }
        assert!(d.span.start < d.span.end && d.span.end <= text.len());
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn crawler_duplication_is_reported() {
    for f in ["10_hebei-jizhengban-2024-minsheng-gongcheng-fangan.txt", "13_hebei-jizhengban-2004-kejiao-xiaozu-renyuan.txt"] {
        let p = parse(&read_corpus(&format!("real/{f}")), &Options::default());
        assert!(p.diagnostics.iter().any(|d| d.code == "duplicated_text"), "{f}");
    }
}

#[test]
fn chrome_is_furniture_not_document_text() {
    let text = read_corpus("real/20_guangzhou-suifubangui-2021-7-tekun-renyuan-tongzhi.txt");
    let p = parse(&text, &Options::default());
    let d = &p.documents[0];
    let chrome = text.find("扫一扫").unwrap();
    assert!(d.span.end <= chrome, "the trailer is not part of the document");
    assert!(p.preamble.is_some(), "breadcrumbs and metadata form the preamble");
    assert!(p.furniture.iter().any(|f| f.text.contains("返回顶部")));
}
