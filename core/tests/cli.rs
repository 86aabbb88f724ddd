//! The command line as a user meets it: formats, encodings, errors.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

fn gongwen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
}

fn corpus(rel: &str) -> String {
    format!("{}/../corpus/{rel}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn json_is_the_contract() {
    let out = gongwen().args(["parse", &corpus("xiangtan-county-gazette-2023.txt"), "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 5);
    assert_eq!(v["offsets"], "utf8");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 11);
    for key in ["kind", "title", "doc_number", "issuers", "recipients", "date", "enclosed_titles", "attachments", "citations", "tasks", "appointments", "division", "members", "targets", "span"] {
        assert!(docs.iter().all(|d| d.get(key).is_some()), "every document has {key}");
    }
    // Every record of values carries their spans.
    for (list, keys) in [
        ("tasks", &["heading", "lead_officials", "lead_units", "responsible_units", "implied_units", "deadline"][..]),
        ("appointments", &["person", "position"][..]),
        ("division", &["person", "titles", "supervises", "liaises"][..]),
        ("targets", &["indicator", "value"][..]),
    ] {
        for r in docs.iter().flat_map(|d| d[list].as_array().unwrap()) {
            assert!(keys.iter().all(|k| r["spans"].get(k).is_some()), "{list} spans: {}", r["spans"]);
        }
    }
    assert_eq!(docs[0]["doc_number"]["text"], "潭县政办发〔2023〕2号");
    assert!(v["diagnostics"].is_array());
}

#[test]
fn jsonl_and_pretty() {
    let a = corpus("real/06_guohan-2018-144-lianxi-huiyi-pifu.txt");
    let b = corpus("real/07_guobanhan-2005-21-keji-jieshui-fuhan.txt");
    let out = gongwen().args(["parse", &a, &b, "--format", "jsonl"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let v: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(v["documents"][0]["kind"], "函");
    assert!(v["source"].as_str().unwrap().ends_with("07_guobanhan-2005-21-keji-jieshui-fuhan.txt"));
    let out = gongwen().args(["parse", &a, "--format", "pretty"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("国函〔2018〕144号") && text.contains("教育部"), "{text}");
}

#[test]
fn stdin_and_gbk() {
    let text = std::fs::read_to_string(corpus("real/06_guohan-2018-144-lianxi-huiyi-pifu.txt")).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let mut child = gongwen().args(["parse", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(&gbk).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"][0]["doc_number"]["text"], "国函〔2018〕144号");
    assert!(v["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "decoded"));
}

#[test]
fn errors_are_clear() {
    let out = gongwen().args(["parse", "/no/such/file.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("/no/such/file.txt") && err.contains("no such file"), "{err}");
    assert!(!err.contains("panicked"));

    let dir = std::env::temp_dir().join(format!("gongwen-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"abc \x81\x30\xff\xff text").unwrap();
    let out = gongwen().arg("parse").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.txt") && err.contains("offset"), "{err}");

    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = gongwen().arg("parse").arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 0);
    assert_eq!(v["diagnostics"][0]["code"], "empty_input");
}

#[test]
fn task_table_opens_in_a_spreadsheet() {
    let out = gongwen().args(["tasks", &corpus("xiangtan-county-gazette-2023.txt"), "--bom"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with('\u{FEFF}'), "a BOM for Excel");
    let mut lines = text.trim_start_matches('\u{FEFF}').split("\r\n");
    let header = lines.next().unwrap();
    assert_eq!(header, "source,document,doc_number,doc_title,task,task_number,task_path,task_heading,unit,role,officials,deadline_text,deadline_date");
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert!(rows.len() > 76, "one row per task × unit");
    assert!(rows.iter().any(|r| r.contains(",0,1.,三、,疫情防控实现平稳转段,县卫健局,lead,陈赞,3月底前,2023-03-31")), "{}", rows[14]);
    assert!(rows.iter().any(|r| r.contains(",县农业农村局,responsible,")));
    assert!(rows.iter().any(|r| r.contains(",各乡镇,implied,")));

    let out = gongwen().args(["tasks", &corpus("xiangtan-county-gazette-2023.txt"), "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows[0]["unit"], "县气象局");
    assert_eq!(rows[0]["role"], "responsible");
}

#[test]
fn people_table() {
    let out = gongwen().args(["people", &corpus("xiangtan-county-gazette-2023.txt")]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next().unwrap(), "source,document,doc_number,doc_title,person,relation,object,titles,note,backup");
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.iter().filter(|r| r.contains(",appoint,") || r.contains(",remove,")).count(), 75);
    assert!(rows.iter().any(|r| r.contains(",张清平,supervises,县国防动员办（县人防办）,县人民政府党组副书记、常务副县长,,郑江南")));
    assert!(rows.iter().any(|r| r.contains(",唐乐军,appoint,县云龙中学校长,,试用期一年,")));
}

#[test]
fn people_table_lists_members() {
    let out = gongwen().args(["people", &corpus("real/13_hebei-jizhengban-2004-kejiao-xiaozu-renyuan.txt")]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let members: Vec<&str> = text.split("\r\n").filter(|r| r.contains(",member,")).collect();
    assert_eq!(members.len(), 13);
    assert!(members[0].contains(",季允石,member,省科技教育领导小组,省长,组长,"), "{}", members[0]);
}

#[test]
fn a_failed_write_is_an_error_naming_the_stream() {
    // `/dev/full` refuses every write: exit 1 with a message, for each command.
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full (Linux) for a device that refuses writes");
    for args in [&["parse"][..], &["tasks"][..], &["people"][..], &["parse", "--format", "jsonl"][..]] {
        let out = gongwen()
            .args(args)
            .arg(corpus("real/06_guohan-2018-144-lianxi-huiyi-pifu.txt"))
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("cannot write to standard output"), "{args:?}: {err}");
    }
}

#[test]
fn several_files_keep_one_entry_per_argument() {
    let a = corpus("real/06_guohan-2018-144-lianxi-huiyi-pifu.txt");
    let b = corpus("real/07_guobanhan-2005-21-keji-jieshui-fuhan.txt");
    let out = gongwen().args(["parse", &a, "/no/such/file.txt", &b]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = v.as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["documents"][0]["doc_number"]["text"], "国函〔2018〕144号");
    assert_eq!(entries[1]["source"], "/no/such/file.txt");
    assert_eq!(entries[1]["error"]["code"], "not_found");
    assert!(entries[1]["error"]["message"].as_str().unwrap().contains("no such file"));
    assert_eq!(entries[2]["documents"][0]["kind"], "函");
    // JSONL: a line per argument, in order.
    let out = gongwen().args(["parse", "--format", "jsonl", "/no/such/file.txt", &a]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"]["code"], "not_found");
    assert!(lines[1]["source"].as_str().unwrap().ends_with("06_guohan-2018-144-lianxi-huiyi-pifu.txt"));
}

#[test]
fn decode_errors_give_the_real_offset() {
    let dir = std::env::temp_dir().join(format!("gongwen-cli-utf16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // BOM, 通, then a lone high surrogate at byte 4.
    let bad = dir.join("bad16.txt");
    std::fs::write(&bad, [0xFF, 0xFE, 0x1A, 0x90, 0x00, 0xD8, 0x1A, 0x90]).unwrap();
    let out = gongwen().arg("parse").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("invalid UTF-16LE at byte offset 4"), "{err}");
}

#[test]
fn an_input_over_the_limit_is_refused_before_reading() {
    // A sparse file of 4 GiB + 1 byte: refused by its size, not read.
    let dir = std::env::temp_dir().join(format!("gongwen-cli-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let huge = dir.join("huge.txt");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(gongwen::MAX_INPUT_BYTES as u64 + 1).expect("a sparse file (the temporary directory's file system makes one)");
    let out = gongwen().arg("parse").arg(&huge).output().unwrap();
    let _ = std::fs::remove_file(&huge);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("at most 4294967295 bytes"), "{err}");
}
