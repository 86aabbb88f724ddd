//! Stage 5: paragraphs. A document's text lines, in reading order, joined
//! where the PDF or the crawler broke them: each paragraph is one cleaned
//! text with its offset map, the lines it came from and where pages start
//! in it. Header elements, sections and every extractor read paragraphs.

use crate::grammar::{clause_like, marker_at};
use crate::layout::Layout;
use crate::segment::{DocLines, Role};
use crate::text::{char_len, Mapped};

/// A paragraph: consecutive text lines joined, with its offset map.
#[derive(Default)]
pub(crate) struct Para {
    pub text: Mapped,
    /// Line indices it was built from.
    pub lines: Vec<usize>,
    /// Byte offsets in `text` where a line that begins a PDF page starts.
    pub page_starts: Vec<usize>,
    /// Byte offset in `text` where each of `lines` starts.
    pub line_starts: Vec<usize>,
    /// The original byte range of each of `lines`, as printed.
    pub printed: Vec<std::ops::Range<usize>>,
}

/// Joins the document's text lines into paragraphs. A line ends its
/// paragraph when it ends with 。！？：；, when the next line opens with a
/// section marker, or when it is short against the document's usual line
/// length (a heading, the last line of a paragraph).
pub(crate) fn paragraphs(layout: &Layout, doc: &DocLines) -> Vec<Para> {
    // Pieces of clean text to join: every text line, and the tail of a
    // title line whose title ran on into the 主送.
    let cut = doc.anchor.as_ref().and_then(|a| a.cut);
    let pieces: Vec<(usize, std::ops::Range<usize>)> = doc
        .order
        .iter()
        .zip(&doc.roles)
        .filter_map(|(&i, r)| {
            let cr = layout.lines[i].clean();
            match (r, cut) {
                (Role::Text, _) => Some((i, cr)),
                (Role::Title, Some((line, c))) if line == i && 0 < c && c < cr.len() => Some((i, cr.start + c..cr.end)),
                _ => None,
            }
        })
        .collect();
    let piece_text = |k: usize| &layout.clean.text[pieces[k].1.clone()];
    let mut lens: Vec<usize> = (0..pieces.len()).map(|k| char_len(piece_text(k))).collect();
    lens.sort_unstable();
    let typical = lens.get(lens.len() * 3 / 4).copied().unwrap_or(0);
    let mut out: Vec<Para> = Vec::new();
    let mut cur: Option<Para> = None;
    for k in 0..pieces.len() {
        let (i, range) = pieces[k].clone();
        let t = piece_text(k);
        let para = cur.get_or_insert_with(Para::default);
        if let (Some(prev), Some(next)) = (para.text.text.chars().last(), t.chars().next()) {
            if prev.is_ascii_alphanumeric() && next.is_ascii_alphabetic() {
                let p = layout.lines[i].start();
                para.text.push(' ', p, p);
            }
        }
        if layout.lines[i].page_start && range.start == layout.lines[i].clean().start {
            para.page_starts.push(para.text.len());
        }
        para.line_starts.push(para.text.len());
        para.text.push_from(&layout.clean, range);
        para.lines.push(i);
        para.printed.push(layout.lines[i].start()..layout.lines[i].end());
        // A line ending in a responsibility clause ends its item's paragraph.
        let ends = t.ends_with(['。', '！', '？', '：', '；', ':', ';'])
            || (t.ends_with(['）', ')']) && clause_like(t));
        let next_marker = k + 1 < pieces.len() && marker_at(piece_text(k + 1)).is_some();
        let short = char_len(t) * 10 < typical * 7;
        // A heading on the document's first line (its title when no title
        // block was found) stands alone.
        let heading = k == 0 && doc.anchor.is_none() && crate::grammar::heading_title(t);
        if ends || next_marker || short || heading || k + 1 == pieces.len() {
            out.extend(cur.take());
        }
    }
    out.extend(cur.take());
    out
}

