//! Stage 5: the section tree (一、 / （一） / 1. / （1） / ①).
//!
//! Works on a document's paragraphs in reading order. A paragraph is cut
//! where a marker follows a sentence end inside it (crawled pages run whole
//! sections onto one line), so every item starts at its marker.
//!
//! Two enclosed texts can be interleaved by PDF extraction (the second one's
//! first page lands inside the first one's last item). Items are therefore
//! read as **streams**: a level-one marker that restarts at 一、 opens a new
//! stream (taking along the unmarked text since the page it starts on); a
//! later marker joins the stream whose numbering it continues; unmarked text
//! joins the stream whose last piece broke off mid-sentence.

use crate::paras::Para;
use crate::model::Span;
use crate::text::Mapped;
use crate::grammar::{clause_like, marker_at, opens_with_clause_key, ClauseEnds};

/// A numbered item with its own text (up to the next marker of any level).
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub level: u8,
    pub marker: String,
    pub path: Vec<String>,
    pub heading: String,
    /// Where the heading is printed in `text`.
    pub heading_at: std::ops::Range<usize>,
    /// The item's own text after the marker, cleaned, with its map.
    pub text: Mapped,
    pub span: Span,
    /// Index of the stream (enclosed text) the item belongs to.
    pub stream: usize,
    /// Byte offset of the item's start in reading order (for rules that
    /// apply "from here on").
    pub order: usize,
    /// Length of the item's first piece (its marker paragraph) in `text`.
    pub first_len: usize,
}

/// A piece of text: a paragraph or the part of one from an inline marker.
struct Piece<'a> {
    para: &'a Para,
    range: std::ops::Range<usize>,
    marker: Option<(u8, u32, usize)>,
    page_start: bool,
    order: usize,
}

fn cut_pieces(paras: &[Para]) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut order = 0;
    for p in paras {
        let t = &p.text.text;
        let mut cuts = vec![0usize];
        // The marker opening the current piece, read once per piece.
        let mut piece_marker: (usize, Option<(u8, u32, usize)>) = (0, marker_at(t));
        for (i, c) in t.char_indices() {
            if i == 0 || !matches!(c, '一'..='龥' | '（' | '(' | '0'..='9' | '①'..='⑳') {
                continue;
            }
            let prev = t[..i].chars().next_back().unwrap_or(' ');
            let after_sentence = matches!(prev, '。' | '；' | '！' | '？' | '）' | ')' | ' ' | '”' | ';')
                || (prev == '：' && !t[..i].ends_with("附件："));
            // A crawled heading runs straight into its first sub-item:
            // `一、强化财政金融支持（一）创新金融领域服务`.
            let last = *cuts.last().unwrap_or(&0);
            if piece_marker.0 != last {
                piece_marker = (last, marker_at(&t[last..]));
            }
            let heading_so_far = &t[last..i];
            // (At most 40 chars: at most 160 bytes, tested first so that
            // the chars are counted only near the piece's start.)
            let after_heading = piece_marker.1.is_some_and(|m| last + m.2 <= i)
                && heading_so_far.len() <= 160
                && crate::text::char_len(heading_so_far) <= 40
                && !heading_so_far.contains(['。', '，', '；']);
            if !after_sentence && !after_heading {
                continue;
            }
            if let Some((level, value, len)) = marker_at(&t[i..]) {
                if !after_sentence && (value != 1 || level == 1) {
                    continue;
                }
                // A bare number after a closing bracket is a count, not a marker.
                let next = t[i + len..].chars().next();
                let ok = next.is_some_and(|n| !n.is_ascii_digit() && n != '%')
                    && !(level == 3 && matches!(prev, '）' | ')' | '”'));
                if ok {
                    cuts.push(i);
                }
            }
        }
        // Text after a closing bracket and a column gap (`…负责）　　政策解读：…`
        // on a crawled line) is a piece of its own.
        let mut clause_ends = ClauseEnds::default();
        for (i, c) in t.char_indices() {
            if c == ' ' && t[..i].ends_with(['）', ')']) && i + 1 < t.len() {
                cuts.push(i + 1);
            } else if i > 0
                && t[..i].ends_with(['）', ')'])
                && !matches!(c, '。' | '，' | '；' | '、' | '：' | ' ' | '）' | ')' | '（' | '(')
                && clause_ends.before(t, i)
            {
                // `…(省工业和信息化厅负责)政策解读：…`
                cuts.push(i);
            }
            clause_ends.saw(i, c);
        }
        // A page break inside a paragraph is a soft cut: the text after it
        // may belong to another interleaved stream.
        cuts.extend(p.page_starts.iter().copied().filter(|&o| o > 0));
        cuts.sort_unstable();
        cuts.dedup();
        cuts.push(t.len());
        for w in cuts.windows(2) {
            if w[0] == w[1] {
                continue;
            }
            let piece = &t[w[0]..w[1]];
            out.push(Piece {
                para: p,
                range: w[0]..w[1],
                marker: marker_at(piece),
                page_start: p.page_starts.contains(&w[0]),
                order,
            });
            order += 1;
        }
    }
    out
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['。', '！', '？', '）', ')', '；', '：', '”', ';'])
}

/// Reads the numbered items of a document.
pub(crate) fn items(paras: &[Para]) -> Vec<Item> {
    let pieces = cut_pieces(paras);
    // Stream of each piece.
    let mut stream_of: Vec<usize> = vec![0; pieces.len()];
    // Per stream: last value seen at each level (1..=5), last piece index.
    let mut last_value: Vec<[u32; 6]> = vec![[0; 6]];
    let mut last_piece: Vec<Option<usize>> = vec![None];
    let mut last_marker_piece: Vec<Option<usize>> = vec![None];
    let mut cur = 0usize;
    for (k, piece) in pieces.iter().enumerate() {
        let text = &piece.para.text.text[piece.range.clone()];
        let mut s = cur;
        match piece.marker {
            Some((1, 1, _)) if last_value[cur][1] >= 2 => {
                // Numbering restarts: a new enclosed text.
                last_value.push([0; 6]);
                last_piece.push(None);
                last_marker_piece.push(None);
                s = last_value.len() - 1;
                // Take along the unmarked pieces since the page it starts on.
                let from = last_marker_piece[cur].map_or(0, |m| m + 1);
                if let Some(q) = (from..k).rev().find(|&q| pieces[q].page_start && stream_of[q] == cur && pieces[q].marker.is_none()) {
                    for j in q..k {
                        if stream_of[j] == cur && pieces[j].marker.is_none() {
                            stream_of[j] = s;
                        }
                    }
                    last_piece[s] = Some(k - 1);
                    last_piece[cur] = (0..q).rev().find(|&j| stream_of[j] == cur);
                }
            }
            Some((level, value, _)) => {
                let l = level as usize;
                let continues = |st: usize| value == last_value[st][l] + 1 || (value == 1 && last_value[st][l.saturating_sub(1)] > 0);
                if !continues(cur) {
                    if let Some(other) = (0..last_value.len()).find(|&st| st != cur && value > 1 && value == last_value[st][l] + 1) {
                        s = other;
                    }
                }
            }
            None => {
                // Unmarked text continues a stream that broke off
                // mid-sentence, when the current item is closed (its
                // clause printed) and so cannot be continuing.
                let last_text = |st: usize| {
                    last_piece[st].map(|q| {
                        let pq = &pieces[q];
                        pq.para.text.text[pq.range.clone()].trim_end().to_string()
                    })
                };
                let closed = last_text(cur).is_some_and(|t| t.ends_with(['）', ')']));
                if closed {
                    if let Some(other) = (0..last_value.len()).find(|&st| st != cur && last_text(st).is_some_and(|t| !ends_sentence(&t))) {
                        s = other;
                    }
                }
                let _ = text;
            }
        }
        stream_of[k] = s;
        if let Some((level, value, _)) = piece.marker {
            let l = level as usize;
            last_value[s][l] = value;
            last_value[s][l + 1..].fill(0);
            last_marker_piece[s] = Some(k);
        }
        last_piece[s] = Some(k);
        cur = s;
    }
    // Build items per stream.
    let mut out: Vec<Item> = Vec::new();
    let mut stacks: Vec<Vec<(u8, String)>> = vec![Vec::new(); last_value.len()];
    let mut open: Vec<Option<usize>> = vec![None; last_value.len()];
    for (k, piece) in pieces.iter().enumerate() {
        let s = stream_of[k];
        let text = &piece.para.text.text[piece.range.clone()];
        if let Some((level, _, len)) = piece.marker {
            let stack = &mut stacks[s];
            while stack.last().is_some_and(|(l, _)| *l >= level) {
                stack.pop();
            }
            let marker: String = text[..len].chars().filter(|c| *c != ' ').collect();
            let mut m = Mapped::default();
            let body_start = piece.range.start + len;
            m.push_from(&piece.para.text, body_start..piece.range.end);
            let first_len = m.len();
            out.push(Item {
                level,
                marker: marker.clone(),
                path: stack.iter().map(|(_, m)| m.clone()).collect(),
                heading: String::new(),
                heading_at: 0..0,
                text: m,
                span: piece.para.text.span(piece.range.clone()),
                stream: s,
                order: piece.order,
                first_len,
            });
            stack.push((level, marker));
            open[s] = Some(out.len() - 1);
        } else if let Some(i) = open[s] {
            // An item closed by its responsibility clause does not take a new
            // paragraph (a closing remark, a note, a page trailer); text that
            // continues a broken sentence still joins.
            let item_text = out[i].text.text.trim_end();
            let closed = item_text.ends_with(['）', ')']) && clause_like(item_text);
            let new_paragraph = piece.range.start == 0 || piece.para.text.text[..piece.range.start].ends_with([' ', '）', ')']);
            let piece_text = piece.para.text.text[piece.range.clone()].trim_start();
            let deadline_note = opens_with_clause_key(piece_text);
            // A paragraph closed by a clause of its own is a further task
            // of the item (`（一）…（甲部牵头）` / `…（乙部负责）`).
            let own_clause = piece_text.trim_end().ends_with(['）', ')']) && clause_like(piece_text.trim_end());
            if closed && new_paragraph && !piece.page_start && !deadline_note && !own_clause {
                open[s] = None;
                continue;
            }
            let item = &mut out[i];
            item.text.push_from(&piece.para.text, piece.range.clone());
            let sp = piece.para.text.span(piece.range.clone());
            if sp.end > item.span.end {
                item.span.end = sp.end;
            }
        }
    }
    for item in &mut out {
        // A heading printed on its own line (`一、关于资金保障`) followed by
        // the body is the whole first piece.
        let first = &item.text.text[..item.first_len.min(item.text.len())];
        let own_line = item.first_len < item.text.len() && !first.contains(['。', '；', '！', '？']) && !first.trim().is_empty();
        let at = heading(if own_line { first } else { &item.text.text });
        item.heading = item.text.text.get(at.clone()).unwrap_or("").chars().filter(|c| *c != ' ').collect();
        item.heading_at = at;
    }
    out
}

/// Where the lead sentence is in `t`: without its closing 。 (and without a
/// trailing clause).
fn heading(t: &str) -> std::ops::Range<usize> {
    let base = t;
    let t = t.trim_start();
    let end = t.find(['。', '！', '？', '；']).unwrap_or(t.len());
    let mut h = &t[..end];
    // A heading printed on its own line runs into the body only when the
    // paragraphs were joined; a clause in brackets is not part of it.
    if let Some(i) = h.rfind('（') {
        if h.ends_with('）') && i > 0 {
            h = &h[..i];
        }
    }
    crate::text::range_in(base, h.trim_end_matches(['：', ':', '，', ' ']))
}

#[cfg(test)]
mod tests {
    #[test]
    fn headings() {
        let heading = |t: &'static str| &t[super::heading(t)];
        assert_eq!(heading("促进农业稳产增收。针对全县"), "促进农业稳产增收");
        assert_eq!(heading("地质灾害重点防范期"), "地质灾害重点防范期");
        assert_eq!(heading("加强学习（责任单位：县局）"), "加强学习");
    }
}
