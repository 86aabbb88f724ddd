//! Bytes taken as UTF-8 (invalid sequences become U+FFFD) → `parse` →
//! every invariant in `gongwen_fuzz::check`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    gongwen_fuzz::check(&text);
});
