//! Python binding of `gongwen` (placeholder until the Python issue lands:
//! it only translates the core's result; spans become code points there).

/// Number of documents in `text`; a smoke entry point for the build.
pub fn document_count(text: &str) -> usize {
    gongwen::parse(text, &gongwen::Options::default()).documents.len()
}
