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

/// Every span of the result — documents, header values, every record's
/// own and per-value spans, segments — lies in the input on char
/// boundaries with start <= end; a second parse gives the same result.
fn check(text: &str) {
    let p = parse(text, &Options::default());
    let v = serde_json::to_value(&p).unwrap();
    let mut stack = vec![&v];
    while let Some(x) = stack.pop() {
        match x {
            serde_json::Value::Object(o) => {
                if let (Some(s), Some(e)) = (o.get("start").and_then(|s| s.as_u64()), o.get("end").and_then(|e| e.as_u64())) {
                    check_span(text, &Span::new(s as usize, e as usize), "span");
                }
                stack.extend(o.values());
            }
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            _ => {}
        }
    }
    assert_eq!(parse(text, &Options::default()), p, "parsing twice gives the same result");
    check_nothing_lost(text, &p);
}

/// Every non-blank character of the input lies in a document, the
/// preamble or a piece of furniture: no text is silently lost.
fn check_nothing_lost(text: &str, p: &gongwen::Parse) {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut add = |s: &Span| {
        if s.segments.is_empty() {
            ranges.push((s.start, s.end));
        } else {
            ranges.extend(s.segments.iter().map(|r| (r.start, r.end)));
        }
    };
    p.documents.iter().for_each(|d| add(&d.span));
    p.preamble.iter().for_each(&mut add);
    p.furniture.iter().for_each(|f| add(&f.span));
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let inside = |i: usize| {
        let k = merged.partition_point(|r| r.1 <= i);
        merged.get(k).is_some_and(|r| r.0 <= i)
    };
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && !matches!(c, '\u{FEFF}' | '\u{0}' | '\u{200B}') && !inside(i) {
            let from = text[..i].char_indices().rev().nth(10).map_or(0, |(k, _)| k);
            let to = text[i..].char_indices().nth(10).map_or(text.len(), |(k, _)| i + k);
            panic!("{c:?} at byte {i} is in no document, preamble or furniture: …{}…", &text[from..to]);
        }
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

#[test]
fn reported_reproducers_finish_with_valid_spans() {
    // An inverted citation span (34..14 with the number `日〔2024〕1号`).
    check("〔2024〕1号；\n※单位：月2日\n\u{3000}2024年6月2日");
    let p = parse("〔2024〕1号；\n※单位：月2日\n\u{3000}2024年6月2日", &Options::default());
    assert!(p.documents.iter().flat_map(|d| &d.citations).all(|c| c.doc_number.as_deref() != Some("日〔2024〕1号")));
    // `兼任，` repeated: once a recursion per 兼任 (stack overflow).
    check(&format!("一、张三主任：主持全面工作。{}\n", "兼任，".repeat(40_000)));
}

/// Runs `f` on a thread with a 256 KiB stack, what a Python worker thread
/// or a browser worker may have: deep input must not need a deep stack.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(256 * 1024).spawn(f).unwrap().join().expect("finished on a 256 KiB stack");
}

#[test]
fn deep_shapes_run_on_a_small_stack() {
    on_small_stack(|| {
        drop(parse(&format!("一、张三主任：主持全面工作。{}\n", "兼任，".repeat(40_000)), &Options::default()));
        drop(parse(&format!("一、{}{}\n", "（".repeat(100_000), "）".repeat(100_000)), &Options::default()));
        drop(parse(&"（一）1.（1）①".repeat(20_000), &Options::default()));
        drop(parse(&"《".repeat(50_000), &Options::default()));
        drop(parse(&format!("一、加强管理（责任单位：{}某某局）\n", "某某局和".repeat(20_000)), &Options::default()));
        drop(parse(&"县长张三同志，增加分管".repeat(10_000), &Options::default()));
        drop(parse(&"任命：\n".repeat(20_000), &Options::default()));
    });
}

#[test]
fn a_long_clause_is_reported_not_silently_cut() {
    // Without brackets, read to 300 characters: the rest is reported.
    let units: String = (0..120).map(|k| format!("某某{k}局、")).collect();
    let text = format!("一、加强管理。责任单位：{units}某某局。\n");
    let p = parse(&text, &Options::default());
    let d = p.diagnostics.iter().find(|d| d.code == "clause_truncated").expect("a clause_truncated diagnostic");
    assert!(d.message.contains("300"), "{}", d.message);
    assert!(d.span.end <= text.len() && d.span.start < d.span.end);
    // In brackets and over 400 characters: not read, and reported.
    let text = format!("一、加强管理（责任单位：{units}{units}某某局）\n");
    let p = parse(&text, &Options::default());
    assert!(p.diagnostics.iter().any(|d| d.code == "clause_too_long"), "{:?}", p.diagnostics);
}

#[test]
fn fuzz_findings_stay_fixed() {
    // Every minimised input the fuzzers found (`fuzz/regressions/TARGET/`),
    // through the same path as its target.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    let mut n = 0;
    for target in ["parse", "decode_parse"] {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(target)).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            let text = match target {
                "decode_parse" => match gongwen::decode(&bytes) {
                    Ok((t, _)) => t,
                    Err(_) => continue,
                },
                _ => String::from_utf8_lossy(&bytes).into_owned(),
            };
            let name = f.display().to_string();
            let result = std::panic::catch_unwind(|| check(&text));
            assert!(result.is_ok(), "{name} fails again");
            n += 1;
        }
    }
    assert!(n >= 8, "only {n} fuzz findings read");
}

#[test]
fn mutated_corpus_documents_keep_every_promise() {
    // Real documents cut, joined, flattened and spliced at random places.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/real");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    assert!(texts.len() >= 20);
    let mut rng = Lcg(7);
    let boundary = |t: &str, i: usize| (0..=i.min(t.len())).rev().find(|&k| t.is_char_boundary(k)).unwrap_or(0);
    for round in 0..60 {
        let t = &texts[round % texts.len()];
        let (a, b) = (boundary(t, rng.next() % (t.len() + 1)), boundary(t, rng.next() % (t.len() + 1)));
        let (a, b) = (a.min(b), a.max(b));
        let other = &texts[rng.next() % texts.len()];
        let c = boundary(other, rng.next() % (other.len() + 1));
        let mutated = match rng.next() % 5 {
            0 => format!("{}{}", &t[..a], &t[b..]),                      // a range deleted
            1 => format!("{}{}{}", &t[..b], &t[a..b], &t[b..]),          // a range doubled
            2 => t.replace('\n', ""),                                     // line breaks gone
            3 => format!("{}{}{}", &t[..a], &other[c..], &t[a..]),       // another text spliced in
            _ => format!("{}{}{}", &t[..a], PIECES[rng.next() % PIECES.len()], &t[a..]), // a piece inserted
        };
        check(&mutated);
    }
}

#[test]
fn documents_read_on_several_threads_give_the_same_parse() {
    // The gazette (eleven documents), every real text joined into one
    // input, and random multi-document text: the parse on 1, 2 and 5
    // threads is the same, diagnostics and their order included.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let gazette = std::fs::read_to_string(root.join("xiangtan-county-gazette-2023.txt")).unwrap();
    let mut real: Vec<_> = std::fs::read_dir(root.join("real")).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    real.sort();
    let joined: String = real.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect::<Vec<_>>().join("\n");
    let mut rng = Lcg(11);
    let random: String = (0..4000).map(|_| PIECES[rng.next() % PIECES.len()]).collect();
    for text in [&gazette, &joined, &random] {
        let one = serde_json::to_string(&parse(text, &Options::default())).unwrap();
        for threads in [2, 5] {
            let mut options = Options::default();
            options.threads = threads;
            let many = serde_json::to_string(&parse(text, &options)).unwrap();
            assert!(one == many, "{threads} threads give another parse of a {}-byte input", text.len());
        }
    }
    assert!(parse(&gazette, &Options::default()).documents.len() >= 11);
}
