//! Offsets in the host's string units. Rust and the CLI speak UTF-8 bytes;
//! Python indexes strings by code point and JavaScript by UTF-16 code
//! unit. The bindings call [`Parse::convert_offsets`] once on the result.

use crate::model::{Parse, Range, Span, Unit};

/// Byte offset → unit offset, for every char boundary of one text.
struct Table {
    /// `units[k]` is the unit offset of the char starting at `bytes[k]`.
    bytes: Vec<u32>,
    units: Vec<u32>,
    total_bytes: usize,
    total_units: usize,
}

impl Table {
    fn new(text: &str, unit: Unit) -> Table {
        let mut bytes = Vec::with_capacity(text.len() / 2);
        let mut units = Vec::with_capacity(text.len() / 2);
        let mut u = 0u32;
        for (i, c) in text.char_indices() {
            bytes.push(i as u32);
            units.push(u);
            u += match unit {
                Unit::Utf8 => c.len_utf8() as u32,
                Unit::CodePoint => 1,
                Unit::Utf16 => c.len_utf16() as u32,
            };
        }
        Table { bytes, units, total_bytes: text.len(), total_units: u as usize }
    }

    fn get(&self, byte: usize) -> usize {
        if byte >= self.total_bytes {
            return self.total_units;
        }
        // Offsets are char boundaries; a stray one maps to its char's start.
        match self.bytes.binary_search(&(byte as u32)) {
            Ok(k) => self.units[k] as usize,
            Err(k) => self.units[k.saturating_sub(1)] as usize,
        }
    }
}

fn span(s: &mut Span, t: &Table) {
    s.start = t.get(s.start);
    s.end = t.get(s.end);
    for r in &mut s.segments {
        range(r, t);
    }
}

fn range(r: &mut Range, t: &Table) {
    r.start = t.get(r.start);
    r.end = t.get(r.end);
}

impl Parse {
    /// Rewrites every span from UTF-8 byte offsets into `text` (the input
    /// this parse came from) to offsets in `unit`. Call it once.
    ///
    /// ```
    /// let text = "𠮷县人民政府关于某事的通知\n某政发〔2023〕1号\n";
    /// let mut p = gongwen::parse(text, &gongwen::Options::default());
    /// p.convert_offsets(text, gongwen::Unit::Utf16);
    /// let s = &p.documents[0].doc_number.as_ref().unwrap().span;
    /// let utf16: Vec<u16> = text.encode_utf16().collect();
    /// assert_eq!(String::from_utf16(&utf16[s.start..s.end]).unwrap(), "某政发〔2023〕1号");
    /// ```
    ///
    /// `offsets` records the unit the spans are in. The conversion is from
    /// UTF-8 bytes: on a parse already converted it does nothing.
    pub fn convert_offsets(&mut self, text: &str, unit: Unit) {
        if unit == Unit::Utf8 || self.offsets != Unit::Utf8 {
            return;
        }
        let t = Table::new(text, unit);
        self.for_each_span(|s| span(s, &t));
        self.offsets = unit;
    }

    /// Calls `f` on every span in the parse.
    pub fn for_each_span(&mut self, mut f: impl FnMut(&mut Span)) {
        if let Some(p) = &mut self.preamble {
            f(p);
        }
        for d in &mut self.diagnostics {
            f(&mut d.span);
        }
        for x in &mut self.furniture {
            f(&mut x.span);
        }
        for d in &mut self.documents {
            f(&mut d.span);
            if let Some(n) = &mut d.doc_number {
                f(&mut n.span);
            }
            let s = &mut d.spans;
            for x in s.title.iter_mut().chain(s.date.iter_mut()) {
                f(x);
            }
            for x in s.issuers.iter_mut().chain(&mut s.recipients).chain(&mut s.enclosed_titles).chain(&mut s.signature).chain(&mut s.cc).chain(&mut s.notes) {
                f(x);
            }
            for a in &mut d.attachments {
                f(&mut a.span);
            }
            for c in &mut d.citations {
                f(&mut c.span);
            }
            for t in &mut d.tasks {
                f(&mut t.span);
                let s = &mut t.spans;
                for x in s.heading.iter_mut().chain(s.deadline.iter_mut()) {
                    f(x);
                }
                for x in s.lead_officials.iter_mut().chain(&mut s.lead_units).chain(&mut s.responsible_units).chain(&mut s.implied_units) {
                    f(x);
                }
            }
            for a in &mut d.appointments {
                f(&mut a.span);
                for x in a.spans.person.iter_mut().chain(a.spans.position.iter_mut()) {
                    f(x);
                }
            }
            for a in &mut d.division {
                f(&mut a.span);
                let s = &mut a.spans;
                for x in s.person.iter_mut().chain(&mut s.titles).chain(&mut s.supervises).chain(&mut s.liaises) {
                    f(x);
                }
            }
            for m in &mut d.members {
                f(&mut m.span);
                for x in m.spans.person.iter_mut().chain(m.spans.position.iter_mut()) {
                    f(x);
                }
            }
            for t in &mut d.targets {
                f(&mut t.span);
                for x in t.spans.indicator.iter_mut().chain(t.spans.value.iter_mut()) {
                    f(x);
                }
            }
            for x in &mut d.sections {
                f(&mut x.span);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_parse_records_its_unit_and_converts_once() {
        let text = "𠮷县人民政府关于某事的通知\n某政发〔2023〕1号\n";
        let mut p = crate::parse(text, &crate::Options::default());
        assert_eq!(p.offsets, Unit::Utf8);
        p.convert_offsets(text, Unit::Utf16);
        assert_eq!(p.offsets, Unit::Utf16);
        let once = p.clone();
        // A second call does not convert converted offsets again.
        p.convert_offsets(text, Unit::CodePoint);
        assert_eq!(p, once);
        assert_eq!(serde_json::to_value(&p).unwrap()["offsets"], "utf16");
    }

    use super::*;

    #[test]
    fn offsets_past_astral_chars() {
        let text = "a𠮷b通知";
        let t = Table::new(text, Unit::Utf16);
        assert_eq!(t.get(0), 0);
        assert_eq!(t.get(1), 1);
        assert_eq!(t.get(5), 3); // after 𠮷 (two UTF-16 units)
        assert_eq!(t.get(6), 4);
        assert_eq!(t.get(text.len()), 6);
        let t = Table::new(text, Unit::CodePoint);
        assert_eq!(t.get(5), 2);
        assert_eq!(t.get(text.len()), 5);
    }
}
