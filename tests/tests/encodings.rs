//! The bytes of corpus files kept in an encoding or line-end form on
//! purpose: that they stay so, and what `gongwen::decode` finds. What the
//! parse of these files gives is in their `NAME.expected.json` beside them,
//! checked by `corpus.rs` (which reads every text through `decode`).

use gongwen::{decode, Encoding};
use gongwen_corpus_tests::corpus_dir;

fn bytes(rel: &str) -> Vec<u8> {
    let path = corpus_dir().join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// `constructed/probe/08_qingshi_fujian_gbk.txt` is GBK bytes: not UTF-8,
/// and `decode` detects GB18030 (a superset of GBK).
#[test]
fn the_gbk_probe_stays_gbk_and_decodes_as_gb18030() {
    let raw = bytes("constructed/probe/08_qingshi_fujian_gbk.txt");
    assert!(std::str::from_utf8(&raw).is_err(), "08 must stay GBK-encoded, not UTF-8");
    let (_, enc) = decode(&raw).expect("decoding the GBK file");
    assert_eq!(enc, Encoding::Gb18030);
}

/// `constructed/probe/12_webpage_siping_crlf.txt` has CRLF line ends.
#[test]
fn the_crlf_probe_keeps_its_crlf_line_ends() {
    let (text, _) = decode(&bytes("constructed/probe/12_webpage_siping_crlf.txt")).expect("decoding the CRLF file");
    assert!(text.contains("\r\n"), "12 must keep its CRLF line ends");
}
