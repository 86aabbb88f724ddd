//! WebAssembly binding of `gongwen`.
//!
//! It only translates: JavaScript values in, the core's [`gongwen::Parse`]
//! out as plain JS objects (exactly the contract's JSON shape: maps are
//! objects, `None` is `null`), with every span rewritten from UTF-8 bytes to
//! UTF-16 code units so that `text.slice(span.start, span.end)` works in
//! JavaScript. No parsing rule lives here.
//!
//! Errors (a non-string text, bad options, input over the size limit) are
//! thrown as JS `Error`s with a message, never as a wasm trap.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use std::sync::atomic::{AtomicBool, Ordering};

/// The contract's types for TypeScript, embedded into the generated
/// `gongwen.d.ts` of both packages.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("../types/gongwen.d.ts");

/// Largest input accepted, in UTF-16 code units: 16 Mi, 16,777,216
/// characters of the BMP — a 10 MB text in any script, some 500 times the
/// corpus gazette. Parsing needs memory in proportion to the input
/// (up to some 100 bytes per input byte for pathological text such as
/// millions of one-letter lines) and a wasm32 instance has at most 4 GiB;
/// above the limit the call throws an `Error` instead of risking an
/// out-of-memory trap.
pub const MAX_INPUT_UNITS: u32 = 16 * 1024 * 1024;

/// Set when a call panicked (see [`enter`]).
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Called first by every entry point.
///
/// Installs, once, a panic hook that throws a JS `Error`: `parse` never
/// panics by design, but should a bug make it panic anyway, the caller gets
/// an Error naming the bug instead of `RuntimeError: unreachable`. Throwing
/// out of the hook leaves the instance unfit for further work (the panic
/// machinery still thinks it is inside the hook, and the frames' shadow
/// stack is never popped), so every later call throws an Error asking to
/// load the module anew instead of trapping.
fn enter(func: &str) -> Result<(), JsError> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            PANICKED.store(true, Ordering::SeqCst);
            wasm_bindgen::throw_str(&format!("gongwen: internal error (please report it): {info}"))
        }))
    });
    if PANICKED.load(Ordering::SeqCst) {
        return Err(JsError::new(&format!(
            "gongwen.{func}: an earlier call failed with an internal error; load the module anew (reload the page)"
        )));
    }
    Ok(())
}

fn describe(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if v.is_array() {
        "an array".into()
    } else {
        v.js_typeof().as_string().unwrap_or_else(|| "a value".into())
    }
}

/// The text argument: a JS string within the size limit.
fn text_arg(func: &str, v: &JsValue) -> Result<String, JsError> {
    let Some(s) = v.dyn_ref::<js_sys::JsString>() else {
        return Err(JsError::new(&format!("gongwen.{func}: expected the text as a string, got {}", describe(v))));
    };
    let len = s.length();
    if len > MAX_INPUT_UNITS {
        return Err(JsError::new(&format!(
            "gongwen.{func}: input too large ({len} UTF-16 code units; the limit is {MAX_INPUT_UNITS}): split it into smaller texts"
        )));
    }
    // Lone surrogates become U+FFFD, one code unit each: offsets stay valid.
    v.as_string().ok_or_else(|| JsError::new(&format!("gongwen.{func}: the text is not a valid string")))
}

fn options_arg(func: &str, v: Option<JsValue>) -> Result<gongwen::Options, JsError> {
    let mut options = gongwen::Options::default();
    let Some(v) = v.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(options);
    };
    let bad = |what: String| JsError::new(&format!("gongwen.{func}: options must be {{ defaultYear?: number }}: {what}"));
    if !v.is_object() || v.is_array() || v.is_function() {
        return Err(bad(format!("got {}", describe(&v))));
    }
    for key in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "defaultYear" {
            return Err(bad(format!("unknown option `{key}`")));
        }
    }
    let year = js_sys::Reflect::get(&v, &JsValue::from_str("defaultYear")).unwrap_or(JsValue::UNDEFINED);
    if !year.is_undefined() && !year.is_null() {
        match year.as_f64() {
            Some(y) if y.fract() == 0.0 && (-9999.0..=9999.0).contains(&y) => options.default_year = Some(y as i32),
            _ => return Err(bad(format!("defaultYear must be a whole year such as 2023, got {}", describe(&year)))),
        }
    }
    Ok(options)
}

/// The result as a plain JS object: serialised to JSON in wasm and read by
/// the engine's `JSON.parse`, one crossing of the boundary instead of one
/// per value (several times faster on a gazette than building the objects
/// field by field).
fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(v).map_err(|e| JsError::new(&format!("gongwen: cannot convert the result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("gongwen: cannot convert the result: JSON.parse failed"))
}

/// The core's parse with spans in UTF-16 code units of `text`.
fn parse_utf16(text: &str, options: &gongwen::Options) -> gongwen::Parse {
    let mut p = gongwen::parse(text, options);
    p.convert_offsets(text, gongwen::Unit::Utf16);
    p
}

/// Parses a notice, a web page's text or a whole gazette into documents.
///
/// Returns the contract's `Parse` object; spans are UTF-16 code units of
/// `text`. Throws an `Error` when `text` is not a string, `options` is not
/// `{ defaultYear?: number }`, or the text is over the size limit.
#[wasm_bindgen(js_name = parse, unchecked_return_type = "Parse")]
pub fn parse_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    enter("parse")?;
    let options = options_arg("parse", options)?;
    let text = text_arg("parse", &text)?;
    to_js(&parse_utf16(&text, &options))
}

/// The task table: one row per task × unit, leads first (the CLI's
/// `gongwen tasks`).
#[wasm_bindgen(js_name = tasks, unchecked_return_type = "TaskRow[]")]
pub fn tasks_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    enter("tasks")?;
    let options = options_arg("tasks", options)?;
    let text = text_arg("tasks", &text)?;
    to_js(&gongwen::task_rows(&gongwen::parse(&text, &options)))
}

/// The personnel table: appointments, removals and leader × body rows (the
/// CLI's `gongwen people`).
#[wasm_bindgen(js_name = people, unchecked_return_type = "PersonRow[]")]
pub fn people_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    enter("people")?;
    let options = options_arg("people", options)?;
    let text = text_arg("people", &text)?;
    to_js(&gongwen::people_rows(&gongwen::parse(&text, &options)))
}

#[derive(Serialize)]
struct BytesParse {
    text: String,
    encoding: String,
    parse: gongwen::Parse,
}

/// Decodes bytes of unknown encoding (UTF-8, UTF-16 with BOM, GB18030/GBK)
/// and parses them. Returns `{ text, encoding, parse }`; the spans index
/// into the returned `text`. Throws an `Error` naming the offset when the
/// bytes are not text.
#[wasm_bindgen(js_name = parseBytes, unchecked_return_type = "BytesParse")]
pub fn parse_bytes_js(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    enter("parseBytes")?;
    let options = options_arg("parseBytes", options)?;
    let Some(bytes) = bytes.dyn_ref::<js_sys::Uint8Array>() else {
        return Err(JsError::new(&format!("gongwen.parseBytes: expected a Uint8Array, got {}", describe(&bytes))));
    };
    if bytes.length() > MAX_INPUT_UNITS {
        return Err(JsError::new(&format!(
            "gongwen.parseBytes: input too large ({} bytes; the limit is {MAX_INPUT_UNITS}): split it into smaller texts",
            bytes.length()
        )));
    }
    let (text, encoding) = gongwen::decode(&bytes.to_vec()).map_err(|e| JsError::new(&format!("gongwen.parseBytes: {e}")))?;
    let parse = parse_utf16(&text, &options);
    to_js(&BytesParse { encoding: encoding.to_string(), parse, text })
}

/// The package version (`0.1.0`).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The `schema_version` that `parse` results carry.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    gongwen::SCHEMA_VERSION
}
