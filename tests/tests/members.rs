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

#[test]
fn an_adjustment_notice_gives_who_leaves_and_who_joins() {
    // `李耀明同志不再担任省会规划建设委员会委员和办公室副主任职务，增补省交通厅
    // 厅长焦彦龙和省建设厅助理巡视员苏蕴山同志为省会规划建设委员会委员，
    // 苏蕴山同志兼任办公室副主任。`
    let text = read_corpus("real/14_hebei-jizhengban-2004-shenghui-weiyuanhui-chengyuan-tiaozheng.txt");
    let p = parse(&text, &Options::default());
    let got: Vec<(&str, Option<&str>, &str, Option<gongwen::Change>)> =
        p.documents.iter().flat_map(|d| &d.members).map(|m| (m.role.as_str(), m.person.as_deref(), m.position.as_str(), m.change)).collect();
    use gongwen::Change::{Join, Leave};
    let want = [
        ("委员", Some("李耀明"), "", Some(Leave)),
        ("办公室副主任", Some("李耀明"), "", Some(Leave)),
        ("委员", Some("焦彦龙"), "省交通厅厅长", Some(Join)),
        ("委员", Some("苏蕴山"), "省建设厅助理巡视员", Some(Join)),
        ("办公室副主任", Some("苏蕴山"), "省建设厅助理巡视员", None),
    ];
    assert_eq!(got, want);
}

#[test]
fn a_state_council_group_list_with_its_office_director() {
    // Real 23, read from the text: 组长, 3 副组长, 14 成员 (name and post
    // across a column gap), then `办公室主任由生态环境部副部长赵英民兼任`.
    let text = read_corpus("real/23_guobanhan-2018-74-wuranyuan-pucha-xiaozu-renyuan.txt");
    let p = parse(&text, &Options::default());
    let d = &p.documents[0];
    let got: Vec<(&str, Option<&str>, &str)> = d.members.iter().map(|m| (m.role.as_str(), m.person.as_deref(), m.position.as_str())).collect();
    let want = [
        ("组长", Some("韩正"), "国务院副总理"),
        ("副组长", Some("丁学东"), "国务院副秘书长"),
        ("副组长", Some("李干杰"), "生态环境部部长"),
        ("副组长", Some("宁吉喆"), "统计局局长"),
        ("成员", Some("郭卫民"), "中央宣传部部务会议成员、新闻办副主任"),
        ("成员", Some("张勇"), "发展改革委副主任"),
        ("成员", Some("辛国斌"), "工业和信息化部副部长"),
        ("成员", Some("杜航伟"), "公安部副部长"),
        ("成员", Some("刘伟"), "财政部副部长"),
        ("成员", Some("王春峰"), "自然资源部党组成员"),
        ("成员", Some("赵英民"), "生态环境部副部长"),
        ("成员", Some("倪虹"), "住房城乡建设部副部长"),
        ("成员", Some("戴东昌"), "交通运输部副部长"),
        ("成员", Some("魏山忠"), "水利部副部长"),
        ("成员", Some("张桃林"), "农业农村部副部长"),
        ("成员", Some("孙瑞标"), "税务总局副局长"),
        ("成员", Some("马正其"), "市场监管总局副局长"),
        ("成员", Some("钱毅平"), "中央军委后勤保障部副部长"),
        ("办公室主任", Some("赵英民"), "生态环境部副部长"),
    ];
    assert_eq!(got, want);
    assert!(d.members.iter().all(|m| m.group.as_deref() == Some("国务院第二次全国污染源普查领导小组")));
}

#[test]
fn a_committee_list_with_departmental_and_expert_members() {
    // Real 08, counted from the text: 主任 1, 副主任 3, 秘书长 1, then 委员
    // under two sub-headings: 22 部门委员 and 26 专家委员; names padded to
    // three characters (`黄　卫`); the 办公室 sentence names no director.
    let text = read_corpus("real/08_guobanfa-2018-109-jiaocai-weiyuanhui-renyuan.txt");
    let p = parse(&text, &Options::default());
    let d = &p.documents[0];
    let count = |role: &str| d.members.iter().filter(|m| m.role == role).count();
    assert_eq!((count("主任"), count("副主任"), count("秘书长"), count("委员")), (1, 3, 1, 48));
    assert_eq!(d.members.len(), 53);
    let row = |k: usize| (d.members[k].role.as_str(), d.members[k].person.as_deref(), d.members[k].position.as_str());
    assert_eq!(row(0), ("主任", Some("孙春兰"), "国务院副总理"));
    assert_eq!(row(2), ("副主任", Some("王晓晖"), "中央宣传部副部长、中央政研室副主任"));
    assert_eq!(row(4), ("秘书长", Some("朱之文"), "教育部副部长"));
    assert_eq!(row(10), ("委员", Some("黄卫"), "科技部副部长"));
    assert_eq!(row(27), ("委员", Some("马敏"), "教授、华中师范大学原党委书记"));
    assert_eq!(row(52), ("委员", Some("潘云鹤"), "院士、工程院原副院长"));
    assert!(d.members.iter().all(|m| m.group.as_deref() == Some("国家教材委员会") && m.change.is_none()));
}

#[test]
fn a_group_list_with_posts_in_brackets_and_names_alone() {
    // Real 22, counted from the text: 组长 李文钢 and two 副组长 without a
    // post (padded `冯 镭`, `沈 慧`), 何洪明（市纪委）, 42 成员 `NAME（UNIT）`
    // one per line (one bracket closed as `)`), then `胡廖明同志兼任办公室主任`.
    let text = read_corpus("real/22_linan-linzhengbanhan-2013-89-xinyong-lingdao-xiaozu.txt");
    let p = parse(&text, &Options::default());
    let d = &p.documents[0];
    let row = |k: usize| (d.members[k].role.as_str(), d.members[k].person.as_deref(), d.members[k].position.as_str());
    assert_eq!(d.members.len(), 47);
    assert_eq!(row(0), ("组长", Some("李文钢"), ""));
    assert_eq!(row(1), ("副组长", Some("冯镭"), ""));
    assert_eq!(row(3), ("副组长", Some("何洪明"), "市纪委"));
    assert_eq!(d.members.iter().filter(|m| m.role == "成员").count(), 42);
    assert_eq!(row(4), ("成员", Some("巫振江"), "市府办"));
    assert_eq!(row(21), ("成员", Some("张发平"), "市统计局"));
    assert_eq!(row(45), ("成员", Some("胡廖明"), "市发改局"));
    assert_eq!(row(46), ("办公室主任", Some("胡廖明"), "市发改局"));
    assert!(d.members.iter().all(|m| m.group.as_deref() == Some("临安市信用建设工作领导小组")));
}

#[test]
fn a_joint_meeting_list_after_its_rules() {
    // Real 06: the 成员名单 printed after the 制度 attachment, 召集人 and
    // 副召集人 lines, then 成员 with the names padded (`孙　尧`) and the
    // continuation lines indented under the label.
    let text = read_corpus("real/06_guohan-2018-144-lianxi-huiyi-pifu.txt");
    let p = parse(&text, &Options::default());
    let d = &p.documents[0];
    let got: Vec<(&str, Option<&str>, &str)> = d.members.iter().map(|m| (m.role.as_str(), m.person.as_deref(), m.position.as_str())).collect();
    let want = [
        ("召集人", Some("孙春兰"), "国务院副总理"),
        ("副召集人", Some("陈宝生"), "教育部部长"),
        ("副召集人", Some("丁向阳"), "国务院副秘书长"),
        ("成员", Some("孙尧"), "教育部副部长"),
        ("成员", Some("连维良"), "发展改革委副主任"),
        ("成员", Some("陈肇雄"), "工业和信息化部副部长"),
        ("成员", Some("余蔚平"), "财政部副部长"),
        ("成员", Some("汤涛"), "人力资源社会保障部副部长"),
        ("成员", Some("张桃林"), "农业农村部副部长"),
        ("成员", Some("徐福顺"), "国资委副主任"),
        ("成员", Some("孙瑞标"), "税务总局副局长"),
        ("成员", Some("洪天云"), "扶贫办副主任"),
    ];
    assert_eq!(got, want);
    assert!(d.members.iter().all(|m| m.group.as_deref() == Some("国务院职业教育工作部际联席会议") && m.change.is_none()));
    // Each member's span covers its printed line.
    for m in &d.members {
        let printed = m.span.slice(&text);
        let person: String = m.person.as_deref().unwrap().into();
        let unpadded: String = printed.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(unpadded.contains(&person) && unpadded.contains(&m.position), "{printed:?}");
    }
}

#[test]
fn the_gazette_prints_its_member_lists_as_omitted() {
    // The gazette's 领导小组 attachments are printed `组成人员名单（略）`:
    // nothing to read, and no member is invented from the 分工 or the
    // `（责任单位：领导小组成员单位）` clauses.
    let text = read_corpus("xiangtan-county-gazette-2023.txt");
    let p = parse(&text, &Options::default());
    assert_eq!(p.documents.iter().map(|d| d.members.len()).sum::<usize>(), 0);
}
