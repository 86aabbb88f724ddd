//! Python binding of `gongwen`: translates the core's result for Python
//! (spans in code points) and runs batches in parallel without the GIL.
//! No parsing rule lives here.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

create_exception!(gongwen._native, GongwenError, PyException, "Base class of gongwen's errors.");
create_exception!(gongwen._native, DecodeError, GongwenError, "Bytes that are not UTF-8, UTF-16 or GB18030 text.");

/// One parse result, held in Rust; spans are in code points.
#[pyclass(module = "gongwen._native", frozen)]
struct NativeParse {
    inner: gongwen::Parse,
}

#[pymethods]
impl NativeParse {
    /// The contract JSON.
    fn json(&self) -> PyResult<String> {
        serde_json::to_string(&self.inner).map_err(|e| GongwenError::new_err(e.to_string()))
    }
    /// Task × unit rows as JSON.
    fn task_rows_json(&self) -> PyResult<String> {
        serde_json::to_string(&gongwen::task_rows(&self.inner)).map_err(|e| GongwenError::new_err(e.to_string()))
    }
    /// Personnel rows as JSON.
    fn people_rows_json(&self) -> PyResult<String> {
        serde_json::to_string(&gongwen::people_rows(&self.inner)).map_err(|e| GongwenError::new_err(e.to_string()))
    }
    /// Rebuilds a result from its JSON (used when unpickling).
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<NativeParse> {
        serde_json::from_str(json).map(|inner| NativeParse { inner }).map_err(|e| PyValueError::new_err(format!("not a gongwen result: {e}")))
    }
}

fn options(default_year: Option<i32>) -> gongwen::Options {
    let mut o = gongwen::Options::default();
    o.default_year = default_year;
    o
}

fn run(text: &str, default_year: Option<i32>) -> gongwen::Parse {
    let mut p = gongwen::parse(text, &options(default_year));
    p.convert_offsets(text, gongwen::Unit::CodePoint);
    p
}

fn text_arg(text: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = text.downcast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    let kind = text.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
    if text.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(format!("parse() takes str, not {kind}; use parse_bytes() for bytes")));
    }
    Err(PyTypeError::new_err(format!("parse() takes str, not {kind}")))
}

/// Parses one text.
#[pyfunction]
#[pyo3(signature = (text, default_year=None))]
fn parse(py: Python<'_>, text: &Bound<'_, PyAny>, default_year: Option<i32>) -> PyResult<NativeParse> {
    let text = text_arg(text)?;
    Ok(NativeParse { inner: py.allow_threads(|| run(&text, default_year)) })
}

/// Decodes bytes (UTF-8, UTF-16 with BOM, GB18030/GBK; or the named
/// encoding) and parses them. Returns the decoded text too.
#[pyfunction]
#[pyo3(signature = (data, encoding=None, default_year=None))]
fn parse_bytes(py: Python<'_>, data: &Bound<'_, PyAny>, encoding: Option<&str>, default_year: Option<i32>) -> PyResult<(String, NativeParse)> {
    let Ok(bytes) = data.downcast::<PyBytes>() else {
        let kind = data.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
        return Err(PyTypeError::new_err(format!("parse_bytes() takes bytes, not {kind}")));
    };
    let bytes = bytes.as_bytes();
    let text = match encoding {
        None => gongwen::decode(bytes).map(|(t, _)| t).map_err(|e| DecodeError::new_err(e.to_string()))?,
        Some(name) => {
            let enc = gongwen_encoding(name).ok_or_else(|| PyValueError::new_err(format!("unknown encoding {name:?}")))?;
            let (t, _, bad) = enc.decode(bytes);
            if bad {
                return Err(DecodeError::new_err(format!("the bytes are not valid {name}")));
            }
            t.into_owned()
        }
    };
    let parsed = py.allow_threads(|| run(&text, default_year));
    Ok((text, NativeParse { inner: parsed }))
}

/// Decodes bytes, detecting UTF-8, UTF-16 with BOM or GB18030/GBK.
/// Raises `DecodeError` with the byte offset of the first bad byte.
#[pyfunction]
fn decode(py: Python<'_>, data: &Bound<'_, PyBytes>) -> PyResult<String> {
    let bytes = data.as_bytes();
    py.allow_threads(|| gongwen::decode(bytes).map(|(t, _)| t)).map_err(|e| DecodeError::new_err(e.to_string()))
}

/// Decodes bytes in the encoding a WHATWG label names; `None` when the
/// label is not one (the caller then asks Python's codecs). Raises
/// `DecodeError` for bytes that are not valid in it.
#[pyfunction]
fn decode_as(data: &Bound<'_, PyBytes>, label: &str) -> PyResult<Option<String>> {
    let Some(enc) = gongwen_encoding(label) else { return Ok(None) };
    let bytes = data.as_bytes();
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len()));
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(Some(out)),
        encoding_rs::DecoderResult::Malformed(bad, after) => {
            let at = read.saturating_sub(bad as usize + after as usize);
            Err(DecodeError::new_err(format!("invalid {} at byte offset {at}", enc.name())))
        }
        encoding_rs::DecoderResult::OutputFull => Err(DecodeError::new_err(format!("cannot decode as {}", enc.name()))),
    }
}

fn gongwen_encoding(name: &str) -> Option<&'static encoding_rs::Encoding> {
    encoding_rs::Encoding::for_label(name.as_bytes())
}

/// Parses many texts in parallel threads without the GIL; results in
/// input order.
#[pyfunction]
#[pyo3(signature = (texts, threads=None, default_year=None))]
fn parse_many(py: Python<'_>, texts: &Bound<'_, PyAny>, threads: Option<usize>, default_year: Option<i32>) -> PyResult<Vec<NativeParse>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("parse_many() takes a list of str, not a single str"));
    }
    let mut owned: Vec<String> = Vec::new();
    for (i, item) in texts.try_iter().map_err(|_| PyTypeError::new_err("parse_many() takes an iterable of str"))?.enumerate() {
        let item = item?;
        let s = item.downcast::<PyString>().map_err(|_| {
            let kind = item.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
            PyTypeError::new_err(format!("parse_many(): item {i} is {kind}, not str"))
        })?;
        owned.push(s.to_cow()?.into_owned());
    }
    let n = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
        .clamp(1, 256)
        .min(owned.len().max(1));
    // Workers take the next unparsed text from a shared counter, so long
    // and short texts balance across threads; each result goes to its slot.
    let results = py.allow_threads(|| {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let slots: Vec<std::sync::Mutex<Option<gongwen::Parse>>> = (0..owned.len()).map(|_| std::sync::Mutex::new(None)).collect();
        std::thread::scope(|s| {
            for _ in 0..n {
                s.spawn(|| loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(text) = owned.get(k) else { break };
                    let p = run(text, default_year);
                    if let Ok(mut slot) = slots[k].lock() {
                        *slot = Some(p);
                    }
                });
            }
        });
        slots.into_iter().map(|slot| slot.into_inner().ok().flatten()).collect::<Vec<_>>()
    });
    results
        .into_iter()
        .map(|p| p.map(|inner| NativeParse { inner }).ok_or_else(|| GongwenError::new_err("a worker thread failed")))
        .collect()
}

/// The version of the gongwen core.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeParse>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(decode_as, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add("GongwenError", m.py().get_type::<GongwenError>())?;
    m.add("DecodeError", m.py().get_type::<DecodeError>())?;
    m.add("SCHEMA_VERSION", gongwen::SCHEMA_VERSION)?;
    Ok(())
}
