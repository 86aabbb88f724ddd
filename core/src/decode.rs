//! Bytes to text, for front ends that read files: UTF-8 (with or without
//! BOM), UTF-16 with BOM, and GB18030/GBK, which many government sites
//! still serve. Decoding is done by `encoding_rs` (the WHATWG decoders).

use std::fmt;

/// The encoding [`decode`] recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, with or without a BOM.
    Utf8,
    /// UTF-16 little-endian, with a BOM.
    Utf16Le,
    /// UTF-16 big-endian, with a BOM.
    Utf16Be,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        })
    }
}

/// Why bytes could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// Neither UTF-8, UTF-16 with a BOM, nor GB18030.
    #[error("not UTF-8, UTF-16 or GB18030 text: invalid byte 0x{byte:02X} at offset {offset}")]
    Unrecognised {
        /// Offset of the first byte that is not valid UTF-8.
        offset: usize,
        /// The value of that byte.
        byte: u8,
    },
    /// The text was named as `encoding` but is not valid in it.
    #[error("invalid {encoding} at byte offset {offset}")]
    Invalid {
        /// The encoding the BOM named.
        encoding: Encoding,
        /// Offset in the input (BOM included) of the first invalid byte sequence.
        offset: usize,
    },
    /// Binary data (NUL bytes) rather than text.
    #[error("binary data, not text: NUL byte at offset {offset}")]
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
}

/// Decodes `bytes` to text, detecting the encoding.
///
/// ```
/// let (text, enc) = gongwen::decode(&[0xB9, 0xAB, 0xCE, 0xC4]).unwrap(); // "公文" in GBK
/// assert_eq!(text, "公文");
/// assert_eq!(enc, gongwen::Encoding::Gb18030);
/// assert!(gongwen::decode(&[0x00, 0xFF, 0x00]).is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), Encoding::Utf8))
            .map_err(|e| DecodeError::Invalid { encoding: Encoding::Utf8, offset: 3 + e.valid_up_to() });
    }
    for (bom, enc, coder) in [
        ([0xFF, 0xFE], Encoding::Utf16Le, encoding_rs::UTF_16LE),
        ([0xFE, 0xFF], Encoding::Utf16Be, encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(&bom) {
            return coder
                .decode_without_bom_handling_and_without_replacement(rest)
                .map(|s| (s.into_owned(), enc))
                .ok_or_else(|| DecodeError::Invalid { encoding: enc, offset: 2 + utf16_error_at(rest, enc == Encoding::Utf16Be) });
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            if let Some(offset) = memchr::memchr(0, bytes) {
                return Err(DecodeError::Binary { offset });
            }
            Ok((s.to_string(), Encoding::Utf8))
        }
        Err(e) => {
            let offset = e.valid_up_to();
            if let Some(nul) = memchr::memchr(0, bytes) {
                return Err(DecodeError::Binary { offset: nul });
            }
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(s) => Ok((s.into_owned(), Encoding::Gb18030)),
                None => Err(DecodeError::Unrecognised { offset, byte: bytes[offset] }),
            }
        }
    }
}

/// Byte offset (in `units`, after the BOM) of the first code unit that is
/// not valid UTF-16: a lone surrogate, or an odd byte at the end.
fn utf16_error_at(units: &[u8], big_endian: bool) -> usize {
    let unit = |k: usize| -> Option<u16> {
        let b = units.get(k..k + 2)?;
        Some(if big_endian { u16::from_be_bytes([b[0], b[1]]) } else { u16::from_le_bytes([b[0], b[1]]) })
    };
    let mut k = 0;
    while k + 1 < units.len() {
        match unit(k) {
            Some(0xD800..=0xDBFF) => match unit(k + 2) {
                Some(0xDC00..=0xDFFF) => k += 4,
                _ => return k,
            },
            Some(0xDC00..=0xDFFF) => return k,
            _ => k += 2,
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("公文".as_bytes()).unwrap(), ("公文".to_string(), Encoding::Utf8));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("通知".as_bytes());
        assert_eq!(decode(&b).unwrap().0, "通知");
    }

    #[test]
    fn gbk_and_utf16() {
        let (gbk, _, _) = encoding_rs::GBK.encode("湘潭县人民政府关于…的通知〔2023〕");
        assert_eq!(decode(&gbk).unwrap(), ("湘潭县人民政府关于…的通知〔2023〕".to_string(), Encoding::Gb18030));
        let mut le = vec![0xFF, 0xFE];
        for u in "通知2023".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap(), ("通知2023".to_string(), Encoding::Utf16Le));
    }

    #[test]
    fn invalid_utf16_reports_where() {
        // BOM, "通知", a lone high surrogate at byte 6, then "知".
        let mut le = vec![0xFF, 0xFE];
        for u in [0x901Au16, 0x77E5, 0xD800, 0x77E5] {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le), Err(DecodeError::Invalid { encoding: Encoding::Utf16Le, offset: 6 }));
        // A lone low surrogate first, big-endian.
        let be = [0xFE, 0xFF, 0xDC, 0x00, 0x90, 0x1A];
        assert_eq!(decode(&be), Err(DecodeError::Invalid { encoding: Encoding::Utf16Be, offset: 2 }));
        // An odd byte at the end.
        let odd = [0xFF, 0xFE, 0x1A, 0x90, 0x41];
        assert_eq!(decode(&odd), Err(DecodeError::Invalid { encoding: Encoding::Utf16Le, offset: 4 }));
    }

    #[test]
    fn garbage_is_an_error_with_an_offset() {
        match decode(b"abc\x00def") {
            Err(DecodeError::Binary { offset: 3 }) => {}
            other => panic!("{other:?}"),
        }
        match decode(b"ab\xFF\xFF\xFF") {
            Err(DecodeError::Unrecognised { offset: 2, byte: 0xFF }) => {}
            other => panic!("{other:?}"),
        }
    }
}
