//! Stage 7: quantitative targets (`GDP增长7%以上`, `到2025年…覆盖率达到
//! 100%`, `完成油茶新造3800亩以上`).
//!
//! A target is a number with a unit after an indicator phrase, set as a
//! goal: it carries a qualifier (以上/以下/左右/以内/不低于…) or a goal verb
//! (达到, 增长, 新增, 完成, 争取, 控制在 …). Indicators sharing one value
//! (`安装率、覆盖率达到100%`) give one target each. A year comes from the
//! same sentence (`到2025年`).

use std::sync::LazyLock;

use regex::Regex;

use crate::paras::Para;
use crate::model::{Target, TargetSpans};
use crate::vocab::{alternation, vocab};

/// A number and its unit (`vocab/targets.toml`), with a qualifier.
static VALUE: LazyLock<Regex> = LazyLock::new(|| {
    let v = vocab();
    let units = alternation(v.list("targets", "units"), false);
    let qualifiers = alternation(v.list("targets", "qualifiers"), false);
    Regex::new(&format!(r"(\d+(?:\.\d+)?) ?({units})({qualifiers})?")).expect("target units compile")
});

/// A year opening an indicator phrase: `2024年`, `到2025年底`, `2023年度`.
static LEAD_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:到|至|在)?((?:19|20)\d{2}) ?年(?:底前|底|末|度|内)?[，,]?").unwrap());
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)\d{2}) ?年").unwrap());
/// A year the target is set for: `到2025年`, `2023年底前`, `2024年，`.
static TARGET_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[到至在争，。；])((?:19|20)\d{2}) ?年(?:(?:底|末)|度?(?:[，,]|$))").unwrap());

/// Goal verbs that may stand between an indicator and its value; the verb
/// is dropped from the indicator unless it names the measure (`增长`).
static VERBS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("targets", "verbs"));
static KEEP_VERBS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("targets", "kept_verbs"));
/// Words opening a goal sentence (`确保`), which make it a goal.
static GOAL_OPENERS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("targets", "goal_openers"));
/// Cap words (`最高`), state words (`已`) and goal nouns after 的 (`目标`).
static CAP_WORDS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("targets", "cap_words"));
static PAST_WORDS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("targets", "past_words"));
static GOAL_NOUNS: LazyLock<&[String]> = LazyLock::new(|| vocab().list("targets", "goal_nouns"));
/// Goal openers and scope words (`全年`) that are not part of an indicator.
static LEAD_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| [vocab().list("targets", "goal_openers"), vocab().list("targets", "scope_words")].concat());

pub(crate) fn targets(input: &str, paras: &[Para], year: Option<i32>) -> Vec<Target> {
    let mut out = found(input, paras);
    // A figure of a year before the document's own (`year`) is a result it
    // reports (`2022年全市地区生产总值增长6%`), not a goal it sets.
    if let Some(y) = year {
        out.retain(|t| t.year.map_or(true, |ty| ty >= y));
    }
    // A heading that states the target and the sentence that repeats it
    // (`一、新增城镇就业6万人` … `新增城镇就业6万人以上`) give one target: the
    // one with a qualifier, else the first.
    let mut keep: Vec<Target> = Vec::with_capacity(out.len());
    for t in out.drain(..) {
        match keep.iter_mut().find(|k| k.indicator == t.indicator && k.value == t.value && k.unit == t.unit) {
            Some(k) => {
                if k.qualifier.is_none() && t.qualifier.is_some() {
                    *k = t;
                }
            }
            None => keep.push(t),
        }
    }
    keep
}

fn found(input: &str, paras: &[Para]) -> Vec<Target> {
    let mut out = Vec::new();
    for p in paras {
        let t = &p.text.text;
        for c in VALUE.captures_iter(t) {
            let m = c.get(0).unwrap();
            if t[m.end()..].starts_with(['年', '月', '日', '号', '〕', ']', '级', '期', '版']) {
                continue;
            }
            // `10个以上产业项目`: a count modifying the noun after it.
            let counter = ["个", "家", "项", "处", "名", "条", "套", "所", "座", "户"].contains(&&c[2]);
            if counter && t[m.end()..].chars().next().is_some_and(crate::text::is_han) {
                continue;
            }
            // The indicator: back to the previous boundary.
            let before = &t[..m.start()];
            // Brackets inside the indicator stay (`细颗粒物（PM2.5）平均浓度`);
            // an unbalanced one is a boundary.
            let mut b0 = before
                .rfind(['，', '。', '；', '：', '、', '“', '”', ',', ';', ' '])
                .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
                .unwrap_or(0);
            let seg = &before[b0..];
            if seg.matches('（').count() != seg.matches('）').count() {
                if let Some(i) = seg.rfind(['（', '）']) {
                    b0 += i + '（'.len_utf8();
                }
            }
            if let Some((_, _, len)) = crate::grammar::marker_at(&before[b0..]) {
                b0 += len;
            }
            let mut ind = before[b0..].trim();
            let mut goal = c.get(3).is_some();
            for v in VERBS.iter() {
                if let Some(s) = ind.strip_suffix(v) {
                    ind = s;
                    goal = true;
                    break;
                }
            }
            if KEEP_VERBS.iter().any(|v| ind.ends_with(v) || ind.starts_with(v)) || ind.contains("新增") {
                goal = true;
            }
            // `2024年完成…`, `到2025年…`: the year opening the phrase is the
            // target's year, not part of its indicator.
            let mut lead_year: Option<i32> = None;
            let mut trimmed = true;
            while trimmed {
                trimmed = false;
                if let Some(y) = LEAD_YEAR.captures(ind) {
                    lead_year = y[1].parse().ok();
                    ind = &ind[y.get(0).map_or(0, |m| m.end())..];
                    trimmed = true;
                }
                for w in LEAD_WORDS.iter() {
                    if let Some(s) = ind.strip_prefix(w) {
                        if GOAL_OPENERS.contains(w) {
                            goal = true;
                        }
                        ind = s;
                        trimmed = true;
                    }
                }
            }
            if !goal || ind.chars().count() < 2 || ind.contains(['占', '约', '第']) || YEAR.is_match(ind) {
                continue;
            }
            // `超过5000万元的企业`: a condition on a noun; `最高不超过500万元`:
            // a cap. Neither is a goal.
            let after = &t[m.end()..];
            let condition = after.strip_prefix('的').is_some_and(|r| !GOAL_NOUNS.iter().any(|n| r.starts_with(n.as_str())));
            let past = PAST_WORDS.iter().any(|w| before[b0..].contains(w.as_str()));
            if condition || past || CAP_WORDS.iter().any(|w| before[b0..].contains(w.as_str())) {
                continue;
            }
            let value: f64 = match c[1].parse() {
                Ok(v) => v,
                Err(_) => continue,
            };
            // Year stated earlier in the same sentence.
            let sentence_start = before.rfind(['。', '；']).map_or(0, |i| i + 3);
            let year = TARGET_YEAR.captures_iter(&t[sentence_start.min(m.start())..b0.max(sentence_start).min(m.start())]).last().and_then(|y| y[1].parse().ok()).or(lead_year);
            // Indicators sharing the value: `A、B达到100%`.
            let mut starts = vec![b0];
            let mut k = b0;
            while k > 0 && t[..k].ends_with('、') {
                let prev = &t[..k - '、'.len_utf8()];
                let s = prev
                    .rfind(['，', '。', '；', '：', '、', '（', '）', ' '])
                    .map(|i| i + prev[i..].chars().next().map_or(1, char::len_utf8))
                    .unwrap_or(0);
                let seg = &prev[s..];
                if seg.chars().count() < 2 || seg.chars().count() > 20 || seg.chars().any(|c| c.is_ascii_digit()) {
                    break;
                }
                starts.push(s);
                k = s;
            }
            starts.reverse();
            for (n, &s) in starts.iter().enumerate() {
                let name = if n + 1 == starts.len() {
                    ind
                } else {
                    let end = starts[n + 1] - '、'.len_utf8();
                    let mut x = &t[s..end];
                    for w in LEAD_WORDS.iter() {
                        x = x.strip_prefix(w).unwrap_or(x);
                    }
                    x
                };
                out.push(Target {
                    indicator: name.chars().filter(|c| *c != ' ').collect(),
                    value,
                    unit: c[2].to_string(),
                    qualifier: c.get(3).map(|q| q.as_str().to_string()),
                    year,
                    span: p.text.span(s..m.end()),
                    spans: TargetSpans {
                        indicator: Some(p.text.slice_span(name, input)),
                        value: c.get(1).map(|v| p.text.value_span(v.range(), input)),
                    },
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Mapped;

    type Row = (String, f64, String, Option<String>, Option<i32>);

    fn run(s: &str) -> Vec<Row> {
        run_in(s, None)
    }

    /// Targets of `s` in a document of `year`.
    fn run_in(s: &str, year: Option<i32>) -> Vec<Row> {
        let mut m = Mapped::default();
        for (i, c) in s.char_indices() {
            m.push(c, i, i + c.len_utf8());
        }
        let p = Para { text: m, line_starts: vec![0], ..Para::default() };
        targets(s, &[p], year).into_iter().map(|t| (t.indicator, t.value, t.unit, t.qualifier, t.year)).collect()
    }

    #[test]
    fn growth_targets() {
        let got = run("其中，GDP增长7%以上，规模工业增加值增长9.5%以上，地方一般预算收入增长5%以上。");
        assert_eq!(got[0], ("GDP增长".into(), 7.0, "%".into(), Some("以上".into()), None));
        assert_eq!(got[1].0, "规模工业增加值增长");
        assert_eq!(got[1].1, 9.5);
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn shared_value_and_year() {
        let got = run("到2025年，作业监测设备安装率、作业站点物联网覆盖率达到100%。");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "作业监测设备安装率");
        assert_eq!(got[1].0, "作业站点物联网覆盖率");
        assert_eq!(got[1].4, Some(2025));
        let got = run("2024年，全市细颗粒物（PM2.5）平均浓度控制在32微克/立方米以内。");
        assert_eq!(got[0], ("细颗粒物（PM2.5）平均浓度".into(), 32.0, "微克/立方米".into(), Some("以内".into()), Some(2024)));
    }

    #[test]
    fn counts_and_amounts() {
        let got = run("争取上级转移支付15亿元以上。全县全年新增湘商回乡投资新注册企业32家以上，完成油茶新造3800亩以上。");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["上级转移支付", "新增湘商回乡投资新注册企业", "油茶新造"]);
        assert_eq!(got[0].2, "亿元");
    }

    #[test]
    fn statistics_are_not_targets() {
        assert!(run("以上7个区面积共654.86km2，占全县面积的30.65%。").is_empty());
        assert!(run("将41项GDP基础指标分解到相关责任单位。").is_empty());
        assert!(run("2023年3月29日").is_empty());
        assert!(run("遴选10个以上产业项目参加集中开工活动。").is_empty());
        let got = run("争取列入储备库项目5个以上、资金20亿元以上。");
        assert_eq!(got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), ["列入储备库项目", "资金"]);
        let got = run("开展三年行动计划（2023-2025年），完成油茶新造3800亩以上。");
        assert_eq!(got[0].4, None);
    }

    #[test]
    fn caps_and_conditions_are_not_targets() {
        assert!(run("对年度营业收入达到100万元以上的企业，给予奖励。").is_empty());
        assert!(run("单个企业最高不超过100万元。").is_empty());
        assert!(run("可申请最高不超过15万元的贷款。").is_empty());
        assert!(run("目前已建成某某线路7条。").is_empty());
        let got = run("2024年完成某某企业设备改造项目50个。");
        assert_eq!(got, [("某某企业设备改造项目".into(), 50.0, "个".into(), None, Some(2024))]);
        // In a document of 2024, a 2022 figure is a result it reports.
        let got = run_in("2022年，全市某某增长6%。到2025年，某某覆盖率达到90%。", Some(2024));
        assert_eq!(got.iter().map(|g| g.4).collect::<Vec<_>>(), [Some(2025)]);
        // A figure followed by 的目标 is still a goal.
        let got = run("实现某某组织建设率超过50%的目标。");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, 50.0);
    }
}
