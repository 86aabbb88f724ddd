//! Bytes → `decode` (UTF-8, UTF-16 with BOM, GB18030) → if it decodes,
//! `parse` the text and check every invariant in `gongwen_fuzz::check`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _encoding)) = gongwen::decode(data) {
        gongwen_fuzz::check(&text);
    }
});
