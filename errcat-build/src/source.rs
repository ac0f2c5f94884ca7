//! Catalogue files as text, and positions inside them.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// Index of a file in [`crate::Model::sources`].
pub type FileId = u32;

/// A position in a catalogue file: a byte range. Its line and column come
/// from the file ([`SourceFile::line_column`]) when a finding is shown, not
/// stored: a model holds several spans per record, so 12 bytes instead of
/// 20, and no column counting for the records nothing is said about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A byte offset as spans hold it (texts are under 4 GiB).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// A catalogue file decoded to text, with a line index. Cloning one is
/// cheap: a project and each analysis of it share the text.
#[derive(Debug, Clone)]
pub struct SourceFile(Arc<Contents>);

#[derive(Debug)]
struct Contents {
    id: FileId,
    path: String,
    text: String,
    /// Where the markdown starts ([`SourceFile::body_start`]).
    body_start: usize,
    /// Byte offset of each line start; `line_starts[0] == 0`. Built on
    /// first use: only findings and tools ask for lines, and a clean file
    /// of 100,000 records would otherwise hold megabytes of it.
    line_starts: OnceLock<Vec<u32>>,
    /// The line of the last position looked up: positions are mostly
    /// asked for in order, so the next one is usually on it or just after.
    last_line: AtomicUsize,
    /// Lines looked up before the index was built: a few (the line of a
    /// code block in the summary) are counted in the text instead.
    counted: AtomicUsize,
}

/// Lookups answered by counting newlines before the line index is built:
/// each costs about what building the index does, without its memory.
const COUNTED_LOOKUPS: usize = 4;

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
    /// A file's text. Offsets are `u32`s in spans and the line index, so a
    /// text must be under 4 GiB; [`crate::Project`] refuses larger files.
    pub fn new(id: FileId, path: impl Into<String>, text: String) -> Self {
        SourceFile(Arc::new(Contents {
            id,
            path: path.into(),
            body_start: markdown_start(&text),
            text,
            line_starts: OnceLock::new(),
            last_line: AtomicUsize::new(0),
            counted: AtomicUsize::new(0),
        }))
    }

    fn line_starts(&self) -> &[u32] {
        self.0.line_starts.get_or_init(|| {
            let text = self.0.text.as_bytes();
            let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', text).count() + 1);
            starts.push(0);
            starts.extend(line_breaks(text).map(offset));
            starts
        })
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
        self.0.id
    }

    /// The path as given (forward slashes), used in diagnostics and generated docs.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    pub fn text(&self) -> &str {
        &self.0.text
    }

    /// Offset where the markdown starts: after a byte-order mark and a
    /// YAML front matter, if any.
    pub fn body_start(&self) -> usize {
        self.0.body_start
    }

    /// Text of a byte range, or "" if the range does not fall on character
    /// boundaries (which the reader never produces).
    pub fn slice(&self, range: Range<usize>) -> &str {
        self.0.text.get(range).unwrap_or("")
    }

    /// 1-based line and character column of where a span starts.
    pub fn position(&self, span: Span) -> (u32, u32) {
        self.line_column(span.start as usize)
    }

    /// 1-based line of where a span starts.
    pub fn line_of(&self, span: Span) -> u32 {
        let offset = (span.start as usize).min(self.0.text.len());
        if self.0.line_starts.get().is_none()
            && self.0.counted.fetch_add(1, Ordering::Relaxed) < COUNTED_LOOKUPS
        {
            let text = self.0.text.as_bytes();
            let before = line_breaks(text).take_while(|&start| start <= offset);
            return before.count() as u32 + 1;
        }
        self.line_index(offset) as u32 + 1
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.0.text.len());
        let line_index = self.line_index(offset);
        let mut line_start = self.line_starts()[line_index] as usize;
        if line_index == 0 && self.0.text.starts_with(BOM) && offset >= BOM.len() {
            line_start = BOM.len();
        }
        let column = self
            .0
            .text
            .get(line_start..offset)
            .map_or(0, |prefix| prefix.chars().count());
        (line_index as u32 + 1, column as u32 + 1)
    }

    /// The 0-based line holding `offset`.
    fn line_index(&self, offset: usize) -> usize {
        let starts = self.line_starts();
        let holds = |line: usize| {
            starts
                .get(line)
                .is_some_and(|&start| start as usize <= offset)
                && starts
                    .get(line + 1)
                    .is_none_or(|&next| offset < next as usize)
        };
        let hint = self.0.last_line.load(Ordering::Relaxed);
        let line = (hint..hint + 4)
            .find(|&line| holds(line))
            .unwrap_or_else(|| starts.partition_point(|&start| start as usize <= offset) - 1);
        self.0.last_line.store(line, Ordering::Relaxed);
        line
    }

    pub fn span(&self, range: Range<usize>) -> Span {
        Span {
            file: self.0.id,
            start: offset(range.start),
            end: offset(range.end.max(range.start)),
        }
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts().len() as u32
    }

    /// Byte range of a 1-based line, without its line terminator.
    pub fn line_range(&self, line: u32) -> Range<usize> {
        let starts = self.line_starts();
        let index = (line.max(1) as usize - 1).min(starts.len() - 1);
        let mut start = starts[index] as usize;
        if index == 0 && self.0.text.starts_with(BOM) {
            start = BOM.len();
        }
        let mut end = starts
            .get(index + 1)
            .map_or(self.0.text.len(), |&next| next as usize - 1);
        if self.0.text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start {
            end -= 1;
        }
        start..end.max(start)
    }

    /// Byte range of the line holding `offset`, without its terminator.
    pub fn line_range_at(&self, offset: usize) -> Range<usize> {
        self.line_range(self.line_column(offset).0)
    }
}

/// Where each line after the first starts: after a line feed, and after a
/// carriage return no line feed follows, the line ending of old Mac files,
/// which the markdown parser and editors end a line at too.
fn line_breaks(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', text)
        .filter(|&at| text[at] == b'\n' || text.get(at + 1) != Some(&b'\n'))
        .map(|at| at + 1)
}

/// The range of `text` without its leading and trailing white space, as
/// `str::trim` takes it off; ASCII white space, nearly all there is, is
/// skipped by bytes.
pub(crate) fn trimmed(text: &str) -> Range<usize> {
    let bytes = text.as_bytes();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let mut start = 0;
    while start < bytes.len() && space(bytes[start]) {
        start += 1;
    }
    if bytes.get(start).is_some_and(|&b| b >= 0x80) {
        start = text.len() - text.trim_start().len();
    }
    let mut end = bytes.len();
    while end > start && space(bytes[end - 1]) {
        end -= 1;
    }
    if end > start && bytes[end - 1] >= 0x80 {
        end = text[..end].trim_end().len();
    }
    start..end.max(start)
}

/// Past a byte-order mark and a YAML front matter.
fn markdown_start(text: &str) -> usize {
    let bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
    bom + front_matter_len(&text[bom..])
}

/// The length of the YAML front matter `text` starts with, as Jekyll, Hugo
/// and pandoc write it: a `---` line, `key: value` lines, and a closing
/// `---` or `...` line. Metadata, not the page: its `- text: …` lines are
/// no records. 0 where there is none (a thematic break, `---` over text).
fn front_matter_len(text: &str) -> usize {
    let keyed = |line: &str| {
        let key = line.split_once(':').map_or("", |(key, _)| key);
        key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
    };
    let mut at = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_end();
        at += line.len();
        match i {
            0 if body != "---" => return 0,
            0 => {}
            1 if !keyed(body) => return 0,
            _ if body == "---" || body == "..." => return at,
            _ => {}
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_front_matter_is_no_part_of_the_markdown() {
        let start = |text: &str| SourceFile::new(0, "a.md", text.to_string()).body_start();
        let page = "---\ntitle: Errors\ntags:\n - a\n---\n# E\n";
        assert_eq!(start(page), page.find("# E").unwrap());
        let page = "\u{feff}---\r\nk: v\r\n...\r\nx";
        assert_eq!(start(page), page.find('x').unwrap());
        // A thematic break over text, or no closing line: no front matter.
        assert_eq!(start("---\n\n# Errors\n---\n"), 0);
        assert_eq!(start("---\n# Errors\n---\n"), 0);
        assert_eq!(start("---\nk: v\n"), 0);
        assert_eq!(start("# E\n---\nk: v\n---\n"), 0);
    }

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

    /// An empty span at `at`.
    fn point(at: usize) -> Span {
        Span {
            file: 0,
            start: at as u32,
            end: at as u32,
        }
    }

    /// `text` twice: as a file whose first lines are counted, and as one
    /// whose line index is built.
    fn counted_and_indexed(text: &str) -> (SourceFile, SourceFile) {
        let counted = SourceFile::new(0, "a.md", text.to_string());
        let indexed = SourceFile::new(0, "a.md", text.to_string());
        indexed.line_column(0); // builds the index
        (counted, indexed)
    }

    #[test]
    fn lines_counted_before_the_index_are_the_lines_it_gives() {
        let text = "a\nb\r\n\nc\nlast";
        let offsets = [0, 1, 2, 5, 6, 7, 9, text.len(), text.len() + 3];
        let (counted, indexed) = counted_and_indexed(text);
        let by_count: Vec<u32> = offsets.iter().map(|&o| counted.line_of(point(o))).collect();
        let by_index: Vec<u32> = offsets.iter().map(|&o| indexed.line_of(point(o))).collect();
        assert_eq!(by_count, [1, 1, 2, 3, 4, 4, 5, 5, 5]);
        assert_eq!(by_index, by_count);
    }

    #[test]
    fn a_carriage_return_alone_ends_a_line_as_the_parser_ends_it() {
        let text = "a\rb\r\nc\r\rd";
        let (counted, indexed) = counted_and_indexed(text);
        for file in [&counted, &indexed] {
            let lines: Vec<u32> = ["a", "b", "c", "d"]
                .iter()
                .map(|letter| file.line_of(point(text.find(letter).unwrap())))
                .collect();
            assert_eq!(lines, [1, 2, 3, 5]);
        }
        let shown: Vec<&str> = (1..=5)
            .map(|l| indexed.slice(indexed.line_range(l)))
            .collect();
        assert_eq!(shown, ["a", "b", "c", "", "d"]);
    }

    proptest::proptest! {
        #[test]
        fn trimmed_takes_off_what_str_trim_does(text in "[ \t\r\n\u{3000}\u{a0}a中|]{0,12}") {
            let range = trimmed(&text);
            proptest::prop_assert_eq!(&text[range], text.trim());
        }
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
