//! 组成人员 of a real list (`corpus/real/13_…`, a crawled page with the whole
//! notice on one line), written by hand from the text.

use gongwen::{parse, Options};
use gongwen_corpus_tests::read_corpus;

#[test]
fn a_crawled_group_list_gives_every_member_with_role_and_post() {
    let text = read_corpus("real/13_hebei-jizhengban-2004-kejiao-xiaozu-renyuan.txt");
    let p = parse(&text, &Options::default());
    let d = &p.documents[0];
    let got: Vec<(&str, Option<&str>, &str)> = d.members.iter().map(|m| (m.role.as_str(), m.person.as_deref(), m.position.as_str())).collect();
    let want = [
        ("组长", Some("季允石"), "省长"),
        ("副组长", Some("郭庚茂"), "常务副省长"),
        ("副组长", Some("龙庄伟"), "副省长"),
        ("成员", Some("尹亚力"), "省政府秘书长"),
        ("成员", Some("沈小平"), "省发改委主任"),
        ("成员", Some("靳宝栓"), "省教育厅厅长"),
        ("成员", Some("贾红星"), "省科技厅厅长"),
        ("成员", Some("齐守印"), "省财政厅厅长"),
        ("成员", Some("刘志金"), "省劳动和社会保障厅厅长"),
        ("成员", Some("李荣刚"), "省农业厅厅长"),
        ("成员", Some("刘才"), "省科学院院长"),
        ("成员", Some("王慧军"), "省农科院院长"),
        ("成员", Some("李靖"), "省政府副秘书长"),
    ];
    assert_eq!(got, want);
    assert!(d.members.iter().all(|m| m.group.as_deref() == Some("省科技教育领导小组")));
}
