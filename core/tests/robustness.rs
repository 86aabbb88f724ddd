//! Parsing never panics, never hangs, and every span is a valid range of
//! the input on char boundaries — on random text made of the pieces that
//! drive the parser's rules.

use gongwen::{parse, Options, Span};

const PIECES: &[&str] = &[
    "关于", "印发", "《", "》", "的通知", "通知", "〔", "〕", "[", "]", "2023", "年", "月", "日", "号", "：", "，", "、", "。", "\n",
    " ", "\u{3000}", "一、", "（一）", "1.", "附件：", "（略）", "抄送：", "人民政府", "办公室", "县", "各乡镇", "·· 3", "- 2 -",
    "签发人：", "秘密★1年", "特急", "000123", "二〇二三", "十", "𠮷", "\r\n", "国办发", "令第", "（", "）", "同志", "任", "免去",
    "扫一扫在手机打开当前页", "索 引 号：", "\t", "é", "ｱ", "\u{FEFF}", "\u{0}",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn check_span(text: &str, s: &Span, what: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{what}: {s:?} out of 0..{}", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{what}: {s:?} not on char boundaries");
    for r in &s.segments {
        assert!(r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
}

fn check(text: &str) {
    let p = parse(text, &Options::default());
    for d in &p.documents {
        check_span(text, &d.span, "document");
        for s in d.spans.title.iter().chain(&d.spans.date).chain(&d.spans.issuers).chain(&d.spans.recipients) {
            check_span(text, s, "header");
        }
        if let Some(n) = &d.doc_number {
            check_span(text, &n.span, "number");
        }
        for a in &d.attachments {
            check_span(text, &a.span, "attachment");
        }
        for c in &d.citations {
            check_span(text, &c.span, "citation");
        }
    }
    for f in &p.furniture {
        check_span(text, &f.span, "furniture");
    }
}

#[test]
fn random_documents_never_panic() {
    let mut rng = Lcg(42);
    for _ in 0..3000 {
        let n = rng.next() % 120;
        let text: String = (0..n).map(|_| PIECES[rng.next() % PIECES.len()]).collect();
        check(&text);
    }
}

#[test]
fn edge_inputs() {
    for t in ["", " ", "\n\n\n", "\u{3000}", "关于", "〔2023〕", "附件：", "·· 1", "𠮷𠮷𠮷\n关于𠮷的通知\n"] {
        check(t);
    }
}

#[test]
fn long_lines_and_long_inputs_finish() {
    // One 2 MB line without breaks, and 20,000 short lines.
    let long = "关于印发《某某》的通知，".repeat(60_000);
    check(&long);
    let many = "各乡镇人民政府：\n一、总体要求\n（责任单位：县发改局）\n".repeat(7_000);
    check(&many);
}
