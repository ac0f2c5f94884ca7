//! Catalogue files as text, and positions inside them.

use std::ops::Range;

/// Index of a file in [`crate::Model::sources`].
pub type FileId = u32;

/// A position in a catalogue file: a byte range plus the 1-based line and
/// column of its start (columns count characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    pub file: FileId,
    pub line: u32,
    pub column: u32,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A catalogue file decoded to text, with a line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    id: FileId,
    path: String,
    text: String,
    /// Byte offset of each line start; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
}

/// Bytes that are not UTF-8.
#[derive(Debug, Clone)]
pub struct NotUtf8 {
    /// The file decoded lossily, to show its lines.
    pub lossy: SourceFile,
    /// Offset of the first byte that is not UTF-8.
    pub offset: usize,
    /// The bytes, to be read in another encoding.
    pub bytes: Vec<u8>,
}

const BOM: &str = "\u{feff}";

impl SourceFile {
    pub fn new(id: FileId, path: impl Into<String>, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            id,
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Decodes UTF-8 bytes. A UTF-8 byte-order mark is kept in the text (so
    /// offsets stay those of the file) and skipped by [`SourceFile::body_start`].
    pub fn decode(id: FileId, path: impl Into<String>, bytes: Vec<u8>) -> Result<Self, NotUtf8> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile::new(id, path, text)),
            Err(error) => {
                // The lossy text equals the bytes up to the first bad one.
                let offset = error.utf8_error().valid_up_to();
                let bytes = error.into_bytes();
                let lossy = String::from_utf8_lossy(&bytes).into_owned();
                Err(NotUtf8 {
                    lossy: SourceFile::new(id, path, lossy),
                    offset,
                    bytes,
                })
            }
        }
    }

    pub fn id(&self) -> FileId {
        self.id
    }

    /// The path as given (forward slashes), used in diagnostics and generated docs.
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Offset where the markdown starts: after a byte-order mark, if any.
    pub fn body_start(&self) -> usize {
        if self.text.starts_with(BOM) {
            BOM.len()
        } else {
            0
        }
    }

    /// Text of a byte range, or "" if the range does not fall on character
    /// boundaries (which the reader never produces).
    pub fn slice(&self, range: Range<usize>) -> &str {
        self.text.get(range).unwrap_or("")
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line_index = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let mut line_start = self.line_starts[line_index];
        if line_index == 0 && self.text.starts_with(BOM) && offset >= BOM.len() {
            line_start = BOM.len();
        }
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |prefix| prefix.chars().count());
        (line_index as u32 + 1, column as u32 + 1)
    }

    pub fn span(&self, range: Range<usize>) -> Span {
        let (line, column) = self.line_column(range.start);
        Span {
            file: self.id,
            line,
            column,
            start: range.start,
            end: range.end.max(range.start),
        }
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// Byte range of a 1-based line, without its line terminator.
    pub fn line_range(&self, line: u32) -> Range<usize> {
        let index = (line.max(1) as usize - 1).min(self.line_starts.len() - 1);
        let mut start = self.line_starts[index];
        if index == 0 && self.text.starts_with(BOM) {
            start = BOM.len();
        }
        let mut end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if self.text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start {
            end -= 1;
        }
        start..end.max(start)
    }

    /// Byte range of the line holding `offset`, without its terminator.
    pub fn line_range_at(&self, offset: usize) -> Range<usize> {
        self.line_range(self.line_column(offset).0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_skip_the_bom() {
        let file = SourceFile::new(0, "a.md", "\u{feff}中文: x\r\n\tb\n".to_string());
        assert_eq!(file.body_start(), 3);
        let x = file.text().find('x').unwrap();
        assert_eq!(file.line_column(x), (1, 5));
        let b = file.text().find('b').unwrap();
        assert_eq!(file.line_column(b), (2, 2));
        assert_eq!(file.slice(file.line_range(1)), "中文: x");
        assert_eq!(file.slice(file.line_range(2)), "\tb");
        assert_eq!(file.slice(file.line_range(3)), "");
    }

    #[test]
    fn invalid_utf8_reports_the_first_bad_byte() {
        let bytes = b"ok line\n\xe4\xb8\xad\xff bad\nlast".to_vec();
        let error = SourceFile::decode(0, "a.md", bytes.clone()).unwrap_err();
        let (lossy, offset) = (&error.lossy, error.offset);
        assert_eq!(offset, 11);
        assert_eq!(error.bytes, bytes);
        assert_eq!(lossy.line_column(offset), (2, 2));
        assert_eq!(lossy.slice(lossy.line_range(2)), "中\u{fffd} bad");
    }
}
