//! Finds the blocks of a markdown file: headings, list items, rules,
//! paragraphs, tables and code blocks, each with its byte range in the file.
//!
//! Values are later taken from the raw source at these ranges (not from the
//! rendered text), so a message is exactly what the author wrote. A code
//! block's content can be read again as markdown; the positions of what is
//! found inside it are mapped back into the file, through any container
//! indentation the block had.
//!
//! Neither stack nor time grows with how deeply the markdown nests: the
//! reader keeps its own stack of list items, code blocks are read again
//! at most [`MAX_CODE_DEPTH`] deep, and a stretch that would make the
//! parser walk more than [`WALK_PER_BYTE`] containers a byte is not handed
//! to it; a [`BlockKind::TooDeep`] block stands for what is not read.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::source::SourceFile;

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Byte range of the whole block in the file.
    pub range: Range<usize>,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Heading {
        level: u8,
        /// The heading's text, without `#` markers.
        text: Range<usize>,
    },
    /// A list item at any nesting depth (0 = outermost). `content` is the
    /// item's first run of text, without its bullet.
    ListItem {
        content: Range<usize>,
        depth: u32,
    },
    /// A thematic break (`---`, `***`, `___`).
    Rule,
    /// A paragraph outside list items.
    Paragraph,
    /// The paragraph right after a list item's first: what an item that
    /// holds only its code (`` - `already-admin` ``) says of it.
    ItemText,
    Table(Table),
    Code(CodeBlock),
    /// Markdown nested past a limit, not read. The block stands for what
    /// the parser was not handed: a stretch between two cuts, its range the
    /// text of the stretch's deepest line; or a code block's content, its
    /// range the first line's text.
    TooDeep(Nesting),
}

/// The limit a [`BlockKind::TooDeep`] block passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nesting {
    /// Block quotes and list items nested so deeply, over so many lines,
    /// that the parser would walk more than [`WALK_PER_BYTE`] of them a
    /// byte.
    Containers,
    /// More than [`MAX_CODE_DEPTH`] code blocks inside one another, each
    /// read again as markdown.
    CodeBlocks,
}

/// How much container walking the markdown parser may do for each byte of
/// a stretch it reads. pulldown-cmark walks every open block quote and
/// list item on each line, so its time is depth × lines: 20,000 nested
/// items and 100,000 lines after them (240 KB) took 3 s. At most this many
/// containers a byte, over a stretch, keeps it within about twice the time
/// of plain text; catalogues walk one or two.
pub const WALK_PER_BYTE: u64 = 16;

/// Walking allowed to any stretch, however short: a few milliseconds (and
/// little in unit tests, so that short texts pass the budget).
const WALK_SLACK: u64 = if cfg!(test) { 64 } else { 1 << 20 };

/// Past this many code blocks inside one another, a code block's content is
/// not read again as markdown. Each level copies and parses the content
/// once more (four more spaces of indentation are one more level), so the
/// time is depth × bytes and a deep enough file overflowed the stack.
pub const MAX_CODE_DEPTH: u32 = 8;

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Row,
    pub rows: Vec<Row>,
    /// The rows' cells are yet to be split from the file at the rows'
    /// ranges ([`split_rows`]): a table that is one stretch of the file
    /// leaves that to the thread that walks the blocks, so that the one
    /// reading ahead does less.
    pub(crate) rows_unsplit: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row's line, without the line terminator.
    pub range: Range<usize>,
    /// Cell contents, trimmed; as many as the line really has (the markdown
    /// renderer would pad or drop cells to the header's count).
    pub cells: Vec<Range<usize>>,
}

/// A fenced or indented code block.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock {
    pub fenced: bool,
    /// The fence's info string (`go`, `json`, `c++`, …), empty if none.
    pub info: String,
    /// Content with container indentation removed: the source stretches
    /// the markdown parser reported, copied; `None` when they are one
    /// stretch of the file (most fenced blocks), read there instead, so a
    /// block of 100,000 constants is not held twice.
    content: Option<String>,
    map: OffsetMap,
    /// How many code blocks this one is inside.
    depth: u32,
}

impl CodeBlock {
    /// The content, given the text of the file the block was read from.
    pub(crate) fn content<'a>(&'a self, file: &'a str) -> &'a str {
        match (&self.content, self.map.segments.first()) {
            (Some(content), _) => content,
            (None, Some(s)) => file.get(s.outer..s.outer + s.outer_len).unwrap_or(""),
            (None, None) => "",
        }
    }

    /// Each content line's range in `file`, without its terminator: made
    /// as they are asked for, not kept, for the same reason.
    pub fn lines<'a>(&'a self, file: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        // Content that is one stretch of the file maps by a shift.
        let shift = match (&self.content, self.map.segments.first()) {
            (None, Some(segment)) => Some(segment.outer),
            _ => None,
        };
        split_lines(self.content(file).as_bytes()).map(move |line| match shift {
            Some(shift) => line.start + shift..line.end + shift,
            None => self.map.outer_range(line),
        })
    }

    /// The content cut in two at a blank line near its middle, as two
    /// ranges of `file` of whole lines, where it is one stretch of the file
    /// of at least `from` bytes: for reading the halves side by side.
    pub fn halves(&self, file: &str, from: usize) -> Option<(Range<usize>, Range<usize>)> {
        let (None, [segment]) = (&self.content, self.map.segments.as_slice()) else {
            return None;
        };
        let content = segment.outer..segment.outer + segment.outer_len;
        let bytes = file.as_bytes().get(content.clone())?;
        if bytes.len() < from.max(2) {
            return None;
        }
        // The first blank line that ends past the middle, else the last
        // before it; it starts after the first of its two line feeds.
        let middle = bytes.len() / 2 - 1;
        let feeds = (memchr::memmem::find(&bytes[middle..], b"\n\n").map(|at| middle + at))
            .or_else(|| memchr::memmem::rfind(&bytes[..middle + 1], b"\n\n"))?;
        let blank = feeds + 1;
        let cut = content.start + blank;
        Some((content.start..cut, cut..content.end))
    }
    /// Reads the block's content as markdown; ranges point into `file`,
    /// the text of the file it was read from. Past [`MAX_CODE_DEPTH`], a
    /// [`BlockKind::TooDeep`] block at its first line instead.
    pub fn read_markdown(&self, file: &str) -> Vec<Block> {
        let content = self.content(file);
        if self.depth >= MAX_CODE_DEPTH {
            let Some(first) = content.split_inclusive('\n').next() else {
                return Vec::new();
            };
            return vec![Block {
                range: self.map.outer_range(text_of(0, first)),
                kind: BlockKind::TooDeep(Nesting::CodeBlocks),
            }];
        }
        let mut blocks = Vec::new();
        read_text(
            content,
            &self.map,
            self.depth + 1,
            usize::MAX,
            &mut |piece| blocks.extend(piece),
        );
        split_rows(&mut blocks, file);
        blocks
    }
}

/// Each line of `range` of `file`, a stretch of whole lines, without its
/// terminator.
pub fn file_lines(file: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let start = range.start;
    split_lines(file.as_bytes().get(range).unwrap_or_default())
        .map(move |line| line.start + start..line.end + start)
}

/// The range of each line of `bytes`, without its terminator (a line feed
/// and any carriage returns before it). By bytes: a code block of
/// constants is mostly short lines, for which a `str` pattern search costs
/// more than the line's bytes.
fn split_lines(bytes: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let mut body_end = end;
        while body_end > at && bytes[body_end - 1] == b'\r' {
            body_end -= 1;
        }
        let line = at..body_end;
        at = end + 1;
        Some(line)
    })
}

/// Reads the markdown blocks of a whole file.
pub fn read(source: &SourceFile) -> Vec<Block> {
    let mut blocks = Vec::new();
    read_in_chunks(source, CHUNK, |chunk| blocks.extend(chunk));
    blocks
}

/// Where [`read_in_chunks`] cuts a file: the markdown parser holds about
/// seven times its input while it reads it, so a large catalogue is read
/// a stretch of about this many bytes at a time. 64 KiB keeps a stretch's
/// events and blocks in cache: a 100,000-record file checks in 0.16 s
/// against 0.19 s with 256 KiB stretches.
pub const CHUNK: usize = 64 * 1024;

/// Reads a file's blocks a stretch of at least `chunk` bytes at a time, in
/// order, cutting only where no markdown construct can go on across the
/// cut ([`cut_points`]): the blocks are those of reading it whole.
///
/// A file of at least [`READ_AHEAD_FROM`] bytes that can be cut within its
/// first [`READ_AHEAD_FROM`] bytes is read on a second thread, where the
/// machine has one to spare, while `visit` takes the pieces already read,
/// in the same order: the blocks, and so everything made of them, are the
/// same either way. A file that is one piece (a fenced list of constants)
/// has nothing to read ahead, and the thread's allocations would only add
/// to its memory.
pub fn read_in_chunks(source: &SourceFile, chunk: usize, mut visit: impl FnMut(Vec<Block>)) {
    let body = source.body_start();
    let file = source.text();
    let text = &file[body..];
    // Rows are split into cells here, on the thread that takes the pieces.
    let mut visit = |mut blocks: Vec<Block>| {
        split_rows(&mut blocks, file);
        visit(blocks);
    };
    let map = OffsetMap::shifted(body, text.len());
    if worth_reading_ahead(text, chunk) && crate::concurrent::spare_thread() {
        read_ahead(text, &map, chunk, &mut visit);
    } else {
        read_text(text, &map, 0, chunk, &mut visit);
    }
}

/// Whether `text` is long enough, and cut within its first
/// [`READ_AHEAD_FROM`] bytes, for reading ahead to pay.
fn worth_reading_ahead(text: &str, chunk: usize) -> bool {
    let Some(head) = text.as_bytes().get(..READ_AHEAD_FROM) else {
        return false;
    };
    // Whole lines only: a cut is made at a line's start.
    let probe = head
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or("", |end| &text[..=end]);
    cut_points(probe, chunk).next().is_some()
}

/// [`read_text`] on a thread of its own, handing `visit` the pieces as
/// they are read.
fn read_ahead(text: &str, map: &OffsetMap, chunk: usize, visit: &mut impl FnMut(Vec<Block>)) {
    std::thread::scope(|scope| {
        // Two pieces in hand at most: the reader runs ahead of the visitor
        // by no more than that (none in hand makes each wait on the other).
        let (send, receive) = std::sync::mpsc::sync_channel(2);
        let reader = std::thread::Builder::new()
            .name("errcat-reader".to_string())
            .spawn_scoped(scope, move || {
                // A visitor that stopped (it panicked) wants no more pieces.
                read_text(text, map, 0, chunk, &mut |blocks| {
                    let _ = send.send(blocks);
                });
            });
        match reader {
            Ok(_) => receive.into_iter().for_each(visit),
            // No thread to be had: the file is read here, as a small one is.
            Err(_) => read_text(text, map, 0, chunk, visit),
        }
    });
}

/// The size from which [`read_in_chunks`] reads ahead on a thread of its
/// own: below it, reading takes too little time for a second thread to
/// win back its start.
pub const READ_AHEAD_FROM: usize = 4 * CHUNK;

/// Reads `text` (inside `depth` code blocks, mapped into the file by `map`)
/// a piece of at least `chunk` bytes at a time, cut as [`cut_points`] cuts.
/// A stretch between two places it could be cut that would make the parser
/// walk more than [`WALK_PER_BYTE`] containers a byte is not handed to it:
/// a [`BlockKind::TooDeep`] block at its deepest line before the budget is
/// passed stands for it. Those places do not depend on `chunk`, so neither
/// do the blocks.
fn read_text(
    text: &str,
    map: &OffsetMap,
    depth: u32,
    chunk: usize,
    visit: &mut impl FnMut(Vec<Block>),
) {
    let read = |range: Range<usize>| read_mapped(&text[range.clone()], &map.slice(range), depth);
    let too_deep = |line: Range<usize>| Block {
        range: map.outer_range(line),
        kind: BlockKind::TooDeep(Nesting::Containers),
    };
    let mut scan = Scan::for_text(text);
    let mut piece = 0;
    let mut last_cut = 0;
    // Where a fence opened at a cut starts, while it is open: it is read
    // here ([`fenced_block`]) rather than handed to the parser.
    let mut fence: Option<usize> = None;
    // The line to show for a stretch past its budget, while it goes on.
    let mut refused: Option<Range<usize>> = None;
    // Where the deepest line since a blank one starts: the one to show.
    let mut deepest = 0;
    let mut at = 0;
    while let Some(line) = line_at(text, at) {
        let start = at;
        at += line.len();
        let step = scan.line(line);
        if step.deepest {
            deepest = start;
        }
        if step.cut {
            if let Some(line) = refused.take() {
                visit(vec![too_deep(line)]);
                piece = start;
            } else if start > piece && start - piece >= chunk {
                visit(read(piece..start));
                piece = start;
            }
            last_cut = start;
        }
        match fence {
            Some(fence_start) if !scan.cuts.in_fence() => {
                if fence_start > piece {
                    visit(read(piece..fence_start));
                }
                visit(vec![fenced_block(text, map, depth, fence_start, start..at)]);
                (piece, last_cut, fence) = (at, at, None);
            }
            None if step.cut && scan.cuts.opened_plain_fence(line) => fence = Some(start),
            _ => {}
        }
        if step.too_deep && refused.is_none() {
            if last_cut > piece {
                visit(read(piece..last_cut));
            }
            piece = last_cut;
            let line = text[deepest..].split_inclusive('\n').next().unwrap_or("");
            refused = Some(text_of(deepest, line));
        }
        at = scan.skip_fence_content(text, at);
    }
    match refused {
        Some(line) => visit(vec![too_deep(line)]),
        None => visit(read(piece..text.len())),
    }
}

/// The block of a fence that opens at a cut (so at the top level, at
/// column 0, with an info string the parser takes as written) and closes
/// at `closing`, as the parser would read it: its content is the file's
/// lines between, which the parser only copies out a line at a time. A
/// list of 100,000 constants is one such block, and the parser's scan of
/// it took as long as everything else errcat reads of it but the records.
fn fenced_block(
    text: &str,
    map: &OffsetMap,
    depth: u32,
    start: usize,
    closing: Range<usize>,
) -> Block {
    let opener = line_at(text, start).unwrap_or("");
    let content = (start + opener.len()).min(closing.start)..closing.start;
    let mut content_map = OffsetMap::default();
    content_map.push_through(0, map, content.clone());
    let copied = !is_one_stretch(&content_map, content.len());
    // The block ends at its closing line's end, without the terminator.
    let end = closing.end - usize::from(text[..closing.end].ends_with('\n'));
    code_block(
        map,
        start..end,
        true,
        plain_info(opener).unwrap_or("").to_string(),
        copied.then(|| text[content].to_string()),
        content_map,
        depth,
    )
}

/// The info string of a fence's opening line, trimmed, if it is made only
/// of characters the parser keeps as they are (no escapes, no entities).
fn plain_info(opener: &str) -> Option<&str> {
    let marker = *opener.as_bytes().first()?;
    let info = opener
        .trim_start_matches(marker as char)
        .trim_matches([' ', '\t', '\n']);
    let plain = |b: u8| b.is_ascii_alphanumeric() || b"-_+.#/:".contains(&b);
    info.bytes().all(plain).then_some(info)
}

/// Offsets where markdown can be cut into independently read pieces, at
/// least `chunk` bytes apart: the start of a line that begins at column 0
/// after a blank line (of spaces and tabs only), or that starts a list
/// item there ([`starts_item`]: a bullet catalogue written without blank
/// lines is one list), outside a fenced code block and an HTML block. No
/// container, paragraph or table goes on across such a line (a list item's
/// content would be indented; a blank line or the item ends the rest), so
/// each piece reads as it would within the whole.
/// Where a fence or an HTML block could be read two ways (opened with
/// indentation, so perhaps inside a list item; a fence among HTML lines),
/// or a lone carriage return ends a line, no cut is made after it at all.
pub fn cut_points(text: &str, chunk: usize) -> impl Iterator<Item = usize> + '_ {
    let mut scan = CutScan::for_text(text);
    let mut last_cut = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(line) = line_at(text, at) {
            let start = at;
            at += line.len();
            let cut = scan.line(line);
            at = scan.skip_fence_content(text, at);
            if cut && start > 0 && start - last_cut >= chunk {
                last_cut = start;
                return Some(start);
            }
        }
        None
    })
}

/// The line of `text` that starts at `at`, with its terminator, found
/// with a byte search: a `char` pattern costs more than the short lines of
/// most catalogues.
fn line_at(text: &str, at: usize) -> Option<&str> {
    let rest = text.get(at..).filter(|rest| !rest.is_empty())?;
    let len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
    Some(&rest[..len])
}

/// The start of the first line from `from` on that starts, after at most
/// three spaces, with `marker`: the first that could close a fence of it
/// ([`Open::closed_by`]); the end of `text` if there is none. Each byte is
/// looked at no more than twice, however many markers a line holds.
fn next_fence_candidate(text: &str, from: usize, marker: u8) -> usize {
    let bytes = text.as_bytes();
    let mut line = from;
    while let Some(found) = memchr::memchr(marker, &bytes[line..]) {
        let at = line + found;
        let start = memchr::memrchr(b'\n', &bytes[line..at]).map_or(line, |i| line + i + 1);
        if at - start <= 3 && bytes[start..at].iter().all(|&b| b == b' ') {
            return start;
        }
        match memchr::memchr(b'\n', &bytes[at..]) {
            Some(end) => line = at + end + 1,
            None => break,
        }
    }
    text.len()
}

/// The range of a line's text, without its indentation and terminator.
fn text_of(start: usize, line: &str) -> Range<usize> {
    let body = line.trim_end_matches(['\n', '\r']);
    let text = body.trim_start_matches([' ', '\t']);
    start + body.len() - text.len()..start + body.len()
}

/// What [`read_text`] learns from a line.
#[derive(Debug, Clone, Copy)]
struct Step {
    /// The text may be cut before the line.
    cut: bool,
    /// The line is nested as deeply as any since a blank line.
    deepest: bool,
    /// The stretch since the last cut is past its container-walking budget.
    too_deep: bool,
}

/// The scans [`read_text`] makes of each line: where it may cut, and how
/// much container walking the stretch since the last cut would cost.
#[derive(Debug, Default)]
struct Scan {
    cuts: CutScan,
    walk: WalkScan,
}

impl Scan {
    fn for_text(text: &str) -> Self {
        Scan {
            cuts: CutScan::for_text(text),
            walk: WalkScan::default(),
        }
    }

    fn line(&mut self, line: &str) -> Step {
        let in_open = self.cuts.open.is_some();
        let cut = self.cuts.line(line);
        if cut {
            // No container goes on across a cut.
            self.walk.reset();
        }
        // A fence or an HTML block at column 0 ends every container, and
        // its lines open none.
        let held = in_open || self.cuts.open.is_some();
        let (deepest, too_deep) = self.walk.line(line, held);
        Step {
            cut,
            deepest,
            too_deep,
        }
    }

    /// [`CutScan::skip_fence_content`], the skipped lines held by no
    /// container: none of them is a cut, the deepest, or past the budget.
    fn skip_fence_content(&mut self, text: &str, at: usize) -> usize {
        let next = self.cuts.skip_fence_content(text, at);
        self.walk.hold(next - at);
        next
    }
}

/// What [`cut_points`] knows about the lines read so far.
#[derive(Debug, Default)]
struct CutScan {
    /// The text has a carriage return (most have none: no line need be
    /// searched for one).
    has_cr: bool,
    after_blank: bool,
    /// A fence or an HTML block that runs across blank lines, opened at
    /// column 0 (so at the top level).
    open: Option<Open>,
    /// In lines after one that starts with `<`, up to a blank line: HTML
    /// that a fence or another HTML opener could belong to.
    html_lines: bool,
    /// Something could be read two ways: no more cuts.
    stuck: bool,
}

impl CutScan {
    fn for_text(text: &str) -> Self {
        CutScan {
            has_cr: text.contains('\r'),
            ..CutScan::default()
        }
    }

    /// Inside a fence, where only a line that starts with its marker can
    /// end it: where the next such line starts (`at` outside a fence), the
    /// lines before it taken as [`CutScan::line`] takes them, a line at a
    /// time, only faster. The lines of a fenced list of constants are most
    /// of its file. Not where a lone carriage return may end a line.
    fn skip_fence_content(&mut self, text: &str, at: usize) -> usize {
        let Some(Open::Fence { marker, .. }) = self.open else {
            return at;
        };
        if self.has_cr || self.stuck {
            return at;
        }
        let next = next_fence_candidate(text, at, marker);
        if next > at {
            self.after_blank = false;
        }
        next
    }

    /// Whether a fence is open.
    fn in_fence(&self) -> bool {
        matches!(self.open, Some(Open::Fence { .. }))
    }

    /// Whether `line`, just taken, opened a fence that [`fenced_block`] can
    /// read as the parser does: no carriage return in the text to follow,
    /// and an info string of [`plain_info`].
    fn opened_plain_fence(&self, line: &str) -> bool {
        self.in_fence() && !self.has_cr && !self.stuck && plain_info(line).is_some()
    }

    /// Takes the next line; true if the text may be cut before it.
    fn line(&mut self, line: &str) -> bool {
        // The parser ends a line at a lone carriage return too: such a line
        // is several, which this scan does not follow.
        let lone_cr = self.has_cr
            && line
                .trim_end_matches('\n')
                .trim_end_matches('\r')
                .contains('\r');
        if lone_cr {
            // Nor does it know what is open.
            self.stuck = true;
            self.open = None;
        }
        if self.stuck {
            return false;
        }
        if let Some(open) = &self.open {
            if open.closed_by(line) {
                self.open = None;
            }
            self.after_blank = false;
            return false;
        }
        if is_blank(line) {
            self.after_blank = true;
            self.html_lines = false;
            return false;
        }
        // Not before a line that starts with other whitespace (a form feed,
        // a full-width space): the parser may read it as indentation.
        let cut = (self.after_blank || !self.html_lines && starts_item(line))
            && !line.starts_with(char::is_whitespace);
        self.after_blank = false;
        let body = line.trim_start_matches([' ', '\t']);
        // Indentation in columns: a tab reaches column 4 at least.
        let indent = match line[..line.len() - body.len()].contains('\t') {
            true => 4,
            false => line.len() - body.len(),
        };
        if indent >= 4 {
            // Indented code, or the content of a list item.
            return cut;
        }
        match Open::starts(body) {
            Some(Open::Fence { .. }) if self.html_lines || indent > 0 => self.stuck = true,
            Some(fence @ Open::Fence { .. }) => self.open = Some(fence),
            Some(Open::Html { .. }) if self.html_lines || indent > 0 => self.stuck = true,
            Some(html @ Open::Html { .. }) => match html.closes_on_its_line(body) {
                Some(true) => {}
                Some(false) => self.open = Some(html),
                None => self.stuck = true,
            },
            None if body.starts_with('<') => self.html_lines = true,
            None => {}
        }
        cut
    }
}

/// Whether a line starts a list item at column 0 that ends whatever comes
/// before it: `-`, `*` or `+`, a space or a tab, then text. Such an item
/// interrupts a paragraph and ends a table; no container holds it, being
/// unindented and not after `>`; and neither its list's looseness nor its
/// neighbours change the blocks read. Not a thematic break (`- - -`), nor
/// what could be a table's delimiter row (`- | -`).
fn starts_item(line: &str) -> bool {
    // After the marker, the parser skips a form feed as it does a space:
    // `-` and a form feed is an empty item, which goes on a paragraph.
    let text = line
        .get(1..)
        .unwrap_or("")
        .trim_start_matches(PARSER_WHITESPACE);
    matches!(line.as_bytes(), [b'-' | b'*' | b'+', b' ' | b'\t', ..])
        && !text.is_empty()
        && !line.contains('|')
        && !is_thematic_break(line.as_bytes())
}

/// Whether a line is a thematic break: three or more of one of `-`, `*`,
/// `_`, with only spaces and tabs between them.
fn is_thematic_break(line: &[u8]) -> bool {
    let Some(&marker @ (b'-' | b'*' | b'_')) = line.first() else {
        return false;
    };
    let body = line.trim_ascii_end();
    body.iter().all(|&b| b == marker || b == b' ' || b == b'\t')
        && body.iter().filter(|&&b| b == marker).count() >= 3
}

/// What a blank line may hold besides its terminator. Only these: the
/// markdown parser reads a line of a full-width space as text, and one of
/// a form feed as text or as blank depending on what is around it.
const BLANK: [char; 4] = [' ', '\t', '\r', '\n'];

/// Every character the markdown parser may read as blank.
const PARSER_WHITESPACE: [char; 6] = [' ', '\t', '\r', '\n', '\u{b}', '\u{c}'];

fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| BLANK.contains(&char::from(b)))
}

/// A construct that can run across blank lines: a fenced code block or an
/// HTML block of the kinds that end at a marker (CommonMark types 1–5).
#[derive(Debug, Clone, Copy)]
enum Open {
    Fence { marker: u8, len: usize },
    Html { opener: usize, end: &'static str },
}

impl Open {
    /// The construct a line (without its indentation) opens, if any.
    fn starts(line: &str) -> Option<Open> {
        let bytes = line.as_bytes();
        if let Some(&marker @ (b'`' | b'~')) = bytes.first() {
            let len = bytes.iter().take_while(|&&b| b == marker).count();
            let info_has_backtick = marker == b'`' && line[len..].contains('`');
            return (len >= 3 && !info_has_backtick).then_some(Open::Fence { marker, len });
        }
        if bytes.first() != Some(&b'<') {
            return None;
        }
        let lower = line.to_ascii_lowercase();
        for (tag, end) in [
            ("<script", "</script>"),
            ("<pre", "</pre>"),
            ("<style", "</style>"),
            ("<textarea", "</textarea>"),
        ] {
            let ends_tag = matches!(
                lower.as_bytes().get(tag.len()),
                None | Some(b' ' | b'\t' | b'>' | b'\r' | b'\n')
            );
            if lower.starts_with(tag) && ends_tag {
                return Some(Open::Html {
                    opener: tag.len(),
                    end,
                });
            }
        }
        let (opener, end) = match () {
            _ if lower.starts_with("<!--") => (4, "-->"),
            _ if lower.starts_with("<?") => (2, "?>"),
            _ if lower.starts_with("<![cdata[") => (9, "]]>"),
            _ if lower.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic)
                && lower.starts_with("<!") =>
            {
                (2, ">")
            }
            _ => return None,
        };
        Some(Open::Html { opener, end })
    }

    /// Whether an HTML block's opening line (without indentation) already
    /// holds its end; `None` if that depends on whether the end may overlap
    /// the opener (`<!-->`).
    fn closes_on_its_line(&self, line: &str) -> Option<bool> {
        let Open::Html { opener, end } = *self else {
            return Some(false);
        };
        let lower = line.to_ascii_lowercase();
        let anywhere = lower.contains(end);
        (anywhere == lower[opener..].contains(end)).then_some(anywhere)
    }

    /// Whether a line after the opening one ends the construct.
    fn closed_by(&self, line: &str) -> bool {
        match *self {
            Open::Fence { marker, len } => {
                let body = line.trim_start_matches(' ');
                // Only spaces after the markers: a tab keeps the fence open.
                line.len() - body.len() <= 3
                    && body.bytes().take_while(|&b| b == marker).count() >= len
                    && matches!(
                        body.trim_start_matches(marker as char)
                            .trim_start_matches(' '),
                        "" | "\n" | "\r\n"
                    )
            }
            Open::Html { end, .. } => line.to_ascii_lowercase().contains(end),
        }
    }
}

/// An upper bound of the containers the markdown parser walks on each line
/// of a stretch, summed. The parser matches or opens each block quote and
/// list item that holds a line with a `>`, a list marker, or two columns or
/// more of indentation at the line's start ([`most_containers`]); a line
/// that goes on a paragraph lazily keeps the containers of the line before
/// it, so the bound carries over from line to line until a blank one.
#[derive(Debug, Default)]
struct WalkScan {
    /// Containers that may hold the current line.
    reach: usize,
    after_blank: bool,
    walked: u64,
    bytes: u64,
}

impl WalkScan {
    fn reset(&mut self) {
        *self = WalkScan::default();
    }

    /// Takes `bytes` of lines held by no container, as [`WalkScan::line`]
    /// takes each.
    fn hold(&mut self, bytes: usize) {
        if bytes > 0 {
            self.bytes += bytes as u64;
            self.reach = 0;
            self.after_blank = true;
        }
    }

    /// Takes the next line (`held` by no container: in a fence or HTML
    /// block at column 0); returns whether the line sets the reach (is the
    /// deepest since a blank line), and whether the stretch is past its
    /// budget.
    fn line(&mut self, line: &str, held: bool) -> (bool, bool) {
        self.bytes += line.len() as u64;
        let mut sets = false;
        if held {
            self.reach = 0;
            self.after_blank = true;
        } else if is_blank(line) {
            self.after_blank = true;
        } else {
            let most = most_containers(line);
            sets = self.after_blank || most >= self.reach;
            if sets {
                self.reach = most;
            }
            self.after_blank = false;
        }
        self.walked += self.reach as u64;
        (sets, self.walked > WALK_PER_BYTE * self.bytes + WALK_SLACK)
    }
}

/// The most block quotes and list items a line can be inside by its own
/// start: one for each `>` and list marker before its text, one for each
/// two columns of indentation there (the least a list item's content is
/// indented by), and one for an empty item, which takes none.
fn most_containers(line: &str) -> usize {
    let bytes = line.as_bytes();
    let (mut markers, mut columns, mut at) = (0, 0, 0);
    while let Some(&byte) = bytes.get(at) {
        let width = match byte {
            b' ' => {
                columns += 1;
                1
            }
            b'\t' => {
                columns += 4;
                1
            }
            b'>' => 1,
            b'-' | b'+' | b'*' => 1,
            b'0'..=b'9' => {
                let digits = bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                match bytes.get(at + digits) {
                    Some(b'.' | b')') if digits <= 9 => digits + 1,
                    _ => break,
                }
            }
            _ => break,
        };
        let marker = !matches!(byte, b' ' | b'\t');
        // A list marker is one only before whitespace or the line's end.
        let ends = matches!(
            bytes.get(at + width),
            None | Some(b' ' | b'\t' | b'\r' | b'\n')
        );
        if marker && byte != b'>' && !ends {
            break;
        }
        markers += usize::from(marker);
        at += width;
    }
    markers + columns / 2 + 1
}

/// Maps offsets in a text handed to the markdown parser to offsets in the
/// file: piecewise, one segment per stretch copied from the file.
#[derive(Debug, Clone, Default, PartialEq)]
struct OffsetMap {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Segment {
    inner: usize,
    outer: usize,
    /// Length of the stretch in the file (the same as in the inner text,
    /// which is copied from it).
    outer_len: usize,
}

impl OffsetMap {
    fn shifted(outer: usize, len: usize) -> Self {
        OffsetMap {
            segments: vec![Segment {
                inner: 0,
                outer,
                outer_len: len,
            }],
        }
    }

    /// The map of a stretch of this map's text, as a text of its own.
    fn slice(&self, range: Range<usize>) -> OffsetMap {
        let mut map = OffsetMap::default();
        map.push_through(0, self, range);
        map
    }

    fn push(&mut self, inner: usize, outer: Range<usize>) {
        if let Some(last) = self.segments.last_mut()
            && last.outer + last.outer_len == outer.start
            && last.outer + (inner - last.inner) == outer.start
        {
            last.outer_len += outer.len();
            return;
        }
        self.segments.push(Segment {
            inner,
            outer: outer.start,
            outer_len: outer.len(),
        });
    }

    /// Maps `range` of the text `parent` maps, copied to `inner_start` of
    /// this map's text: one segment per stretch of the parent's, so a gap in
    /// the file (a `\r` the parser skipped) stays a gap.
    fn push_through(&mut self, inner_start: usize, parent: &OffsetMap, range: Range<usize>) {
        let mut at = range.start;
        while at < range.end {
            let index = parent
                .segments
                .partition_point(|s| s.inner <= at)
                .saturating_sub(1);
            let Some(segment) = parent.segments.get(index) else {
                return;
            };
            let segment_end = segment.inner + segment.outer_len;
            let end = range.end.min(segment_end);
            if end <= at {
                // Past the parent's last stretch: map what is left to its end.
                let outer = segment.outer + segment.outer_len;
                self.push(inner_start + (at - range.start), outer..outer);
                return;
            }
            let outer = segment.outer + (at - segment.inner);
            self.push(inner_start + (at - range.start), outer..outer + (end - at));
            at = end;
        }
    }

    fn outer(&self, inner: usize) -> usize {
        // Most maps are one stretch of the file.
        if let [only] = self.segments.as_slice() {
            return only.outer + inner.saturating_sub(only.inner).min(only.outer_len);
        }
        let index = self.segments.partition_point(|s| s.inner <= inner);
        match index.checked_sub(1).map(|i| self.segments[i]) {
            Some(s) => s.outer + (inner - s.inner).min(s.outer_len),
            None => self.segments.first().map_or(inner, |s| s.outer),
        }
    }

    fn outer_range(&self, inner: Range<usize>) -> Range<usize> {
        let start = self.outer(inner.start);
        if inner.end <= inner.start {
            return start..start;
        }
        // Map the last byte, not the end, so a range ending at a segment
        // boundary stays in its own segment.
        let end = self.outer(inner.end - 1) + 1;
        start..end.max(start)
    }
}

struct ItemFrame {
    block: usize,
    /// Still collecting the item's first run of text.
    open: bool,
    /// The item's first paragraph has just ended: a paragraph now is the
    /// one right after it.
    after_first: bool,
}

struct TableBuilder {
    start: usize,
    header: Option<Range<usize>>,
    rows: Vec<Range<usize>>,
}

struct CodeBuilder {
    start: usize,
    fenced: bool,
    info: String,
    content: String,
    map: OffsetMap,
}

fn read_mapped(text: &str, map: &OffsetMap, depth: u32) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut items: Vec<ItemFrame> = Vec::new();
    // Block whose text the current inline events belong to (inner ranges are
    // collected first and mapped when the block is finished).
    let mut inline_target: Option<usize> = None;
    let mut inline_range: Option<Range<usize>> = None;
    let mut table: Option<TableBuilder> = None;
    let mut code: Option<CodeBuilder> = None;

    let finish_inline =
        |blocks: &mut Vec<Block>, target: Option<usize>, range: Option<Range<usize>>| {
            let (Some(target), Some(range)) = (target, range) else {
                return;
            };
            let mapped = map.outer_range(range);
            match &mut blocks[target].kind {
                BlockKind::Heading { text, .. } => *text = mapped,
                BlockKind::ListItem { content, .. } => *content = mapped,
                _ => {}
            }
        };

    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        if let Some(builder) = code.as_mut() {
            match event {
                // The text the parser hands out may differ from the source
                // (a `\r` left out, a tab turned into spaces); the source
                // stretch it stands for is copied instead, so every offset
                // in the block maps back exactly.
                Event::Text(_) => {
                    let inner_start = builder.content.len();
                    builder.content.push_str(&text[range.clone()]);
                    builder.map.push_through(inner_start, map, range);
                }
                Event::End(TagEnd::CodeBlock) => {
                    let builder = code.take().expect("inside a code block");
                    blocks.push(finish_code(builder, range.end, map, depth));
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => {
                let is_inline = is_inline_tag(&tag);
                if !is_inline {
                    // Any nested block ends the first run of text of the
                    // list item it sits in.
                    if let Some(frame) = items.last_mut()
                        && !matches!(tag, Tag::Paragraph)
                    {
                        frame.after_first = false;
                        if frame.open {
                            frame.open = false;
                            finish_inline(&mut blocks, inline_target.take(), inline_range.take());
                        }
                    }
                }
                match tag {
                    Tag::Item => {
                        // The parser ends an empty item that is the last
                        // thing it reads after the blank lines that follow
                        // it, and one that more text follows before them:
                        // an item ends at its last non-blank line, so it
                        // ends there whatever comes after it.
                        let end = range.start
                            + text[range.clone()]
                                .trim_end_matches(PARSER_WHITESPACE)
                                .len();
                        blocks.push(Block {
                            range: map.outer_range(range.start..end),
                            kind: BlockKind::ListItem {
                                content: map.outer(range.start)..map.outer(range.start),
                                depth: items.len() as u32,
                            },
                        });
                        items.push(ItemFrame {
                            block: blocks.len() - 1,
                            open: true,
                            after_first: false,
                        });
                        inline_target = Some(blocks.len() - 1);
                        inline_range = None;
                    }
                    Tag::Paragraph => match items.last_mut() {
                        // A loose item's text sits in its first paragraph.
                        Some(frame) if frame.open && inline_range.is_none() => {
                            inline_target = Some(frame.block);
                        }
                        Some(frame) => {
                            frame.open = false;
                            finish_inline(&mut blocks, inline_target.take(), inline_range.take());
                            if std::mem::take(&mut frame.after_first) {
                                blocks.push(Block {
                                    range: map.outer_range(range),
                                    kind: BlockKind::ItemText,
                                });
                            }
                        }
                        None => {
                            blocks.push(Block {
                                range: map.outer_range(range),
                                kind: BlockKind::Paragraph,
                            });
                            inline_target = None;
                        }
                    },
                    Tag::Heading { level, .. } => {
                        let at = map.outer(range.start);
                        blocks.push(Block {
                            range: map.outer_range(range),
                            kind: BlockKind::Heading {
                                level: level as u8,
                                text: at..at,
                            },
                        });
                        inline_target = Some(blocks.len() - 1);
                        inline_range = None;
                    }
                    Tag::Table(_) => {
                        table = Some(TableBuilder {
                            start: range.start,
                            header: None,
                            rows: Vec::new(),
                        });
                    }
                    Tag::TableHead => {
                        if let Some(t) = table.as_mut() {
                            t.header = Some(range);
                        }
                    }
                    Tag::TableRow => {
                        if let Some(t) = table.as_mut() {
                            t.rows.push(range);
                        }
                    }
                    Tag::CodeBlock(kind) => {
                        let (fenced, info) = match kind {
                            CodeBlockKind::Fenced(info) => (true, info.trim().to_string()),
                            CodeBlockKind::Indented => (false, String::new()),
                        };
                        code = Some(CodeBuilder {
                            start: range.start,
                            fenced,
                            info,
                            content: String::new(),
                            map: OffsetMap::default(),
                        });
                    }
                    Tag::HtmlBlock => {
                        if let Some(block) = html_table(text, range, map) {
                            blocks.push(block);
                        }
                    }
                    // A collapsed reference (`[a][]`, and `[a]\[]` to the
                    // parser) is reported without its `[]`, which as text
                    // (its definition in another piece, or none) is read:
                    // the text is the same either way.
                    Tag::Link {
                        link_type: LinkType::Collapsed,
                        ..
                    }
                    | Tag::Image {
                        link_type: LinkType::Collapsed,
                        ..
                    } => {
                        let mut after = text[range.end..].bytes().take(3);
                        let end = range.end + after.position(|b| b == b']').map_or(0, |i| i + 1);
                        extend(&mut inline_range, inline_target, range.start..end);
                    }
                    _ if is_inline => extend(&mut inline_range, inline_target, range),
                    _ => {}
                }
            }
            Event::End(tag) => match tag {
                TagEnd::Item => {
                    if let Some(frame) = items.pop()
                        && frame.open
                        && inline_target == Some(frame.block)
                    {
                        finish_inline(&mut blocks, inline_target.take(), inline_range.take());
                    }
                    inline_target = None;
                    inline_range = None;
                }
                TagEnd::Paragraph => {
                    if let Some(frame) = items.last_mut()
                        && inline_target == Some(frame.block)
                    {
                        frame.open = false;
                        frame.after_first = true;
                    }
                    finish_inline(&mut blocks, inline_target.take(), inline_range.take());
                }
                TagEnd::Heading(_) => {
                    finish_inline(&mut blocks, inline_target.take(), inline_range.take());
                }
                TagEnd::Table => {
                    if let Some(builder) = table.take() {
                        blocks.push(finish_table(text, builder, range.end, map));
                    }
                }
                _ => {}
            },
            Event::Rule => {
                // A rule ends the first run of text of the item it sits in,
                // as a paragraph's end would in a loose list; what follows
                // it is not right after that text.
                if let Some(frame) = items.last_mut() {
                    frame.after_first = false;
                    if frame.open {
                        frame.open = false;
                        finish_inline(&mut blocks, inline_target.take(), inline_range.take());
                    }
                }
                blocks.push(Block {
                    range: map.outer_range(range),
                    kind: BlockKind::Rule,
                });
            }
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::TaskListMarker(_) => {
                if table.is_none() {
                    extend(&mut inline_range, inline_target, range);
                }
            }
            Event::Html(_) | Event::DisplayMath(_) => {}
        }
    }
    blocks
}

fn is_inline_tag(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn extend(inline_range: &mut Option<Range<usize>>, target: Option<usize>, range: Range<usize>) {
    if target.is_none() {
        return;
    }
    *inline_range = Some(match inline_range.take() {
        Some(r) => r.start.min(range.start)..r.end.max(range.end),
        None => range,
    });
}

fn finish_code(builder: CodeBuilder, end: usize, map: &OffsetMap, depth: u32) -> Block {
    let in_file = is_one_stretch(&builder.map, builder.content.len());
    code_block(
        map,
        builder.start..end,
        builder.fenced,
        builder.info,
        (!in_file).then_some(builder.content),
        builder.map,
        depth,
    )
}

/// Whether content of `len` bytes mapped by `map` is one stretch of the
/// file. Every segment's text is the file's bytes at its outer range; a
/// content of one segment is the file's own stretch, read there.
fn is_one_stretch(map: &OffsetMap, len: usize) -> bool {
    matches!(map.segments.as_slice(), [only] if only.inner == 0 && only.outer_len == len)
}

/// A code block at `range` of the text `map` maps; `content` is `None`
/// where it is one stretch of the file ([`is_one_stretch`]).
fn code_block(
    map: &OffsetMap,
    range: Range<usize>,
    fenced: bool,
    info: String,
    content: Option<String>,
    content_map: OffsetMap,
    depth: u32,
) -> Block {
    Block {
        range: map.outer_range(range),
        kind: BlockKind::Code(CodeBlock {
            fenced,
            info,
            content,
            map: content_map,
            depth,
        }),
    }
}

/// An HTML block that holds a `<table>`, as a table block.
fn html_table(text: &str, range: Range<usize>, map: &OffsetMap) -> Option<Block> {
    let table = crate::html_table::read(text, range.clone())?;
    let row = |row: Row| Row {
        range: map.outer_range(row.range),
        cells: row.cells.into_iter().map(|c| map.outer_range(c)).collect(),
    };
    Some(Block {
        range: map.outer_range(range),
        kind: BlockKind::Table(Table {
            header: row(table.header),
            rows: table.rows.into_iter().map(row).collect(),
            rows_unsplit: false,
        }),
    })
}

fn finish_table(text: &str, builder: TableBuilder, end: usize, map: &OffsetMap) -> Block {
    // The text is one stretch of the file (each segment's text is the
    // file's bytes at its outer range): a row's cells are its line's there.
    let in_file = matches!(
        map.segments.as_slice(),
        [only] if only.inner == 0 && only.outer_len == text.len()
    );
    let row = |range: Range<usize>| {
        let line = first_line(text, range);
        Row {
            range: map.outer_range(line.clone()),
            cells: split_cells(text, line)
                .into_iter()
                .map(|cell| map.outer_range(cell))
                .collect(),
        }
    };
    let unsplit_row = |range: Range<usize>| Row {
        range: map.outer_range(first_line(text, range)),
        cells: Vec::new(),
    };
    let header = builder.header.map(&row).unwrap_or_else(|| Row {
        range: map.outer(builder.start)..map.outer(builder.start),
        cells: Vec::new(),
    });
    Block {
        range: map.outer_range(builder.start..end),
        kind: BlockKind::Table(Table {
            header,
            rows: match in_file {
                true => builder.rows.into_iter().map(unsplit_row).collect(),
                false => builder.rows.into_iter().map(row).collect(),
            },
            rows_unsplit: in_file,
        }),
    }
}

/// Splits the rows [`finish_table`] left unsplit into their cells, from
/// `file`, the text of the file the blocks were read from.
fn split_rows(blocks: &mut [Block], file: &str) {
    for block in blocks {
        if let BlockKind::Table(table) = &mut block.kind
            && table.rows_unsplit
        {
            for row in &mut table.rows {
                row.cells = split_cells(file, row.range.clone());
            }
            table.rows_unsplit = false;
        }
    }
}

fn first_line(text: &str, range: Range<usize>) -> Range<usize> {
    // By bytes: a `char` search costs more than a short row's bytes.
    let slice = &text.as_bytes()[range.clone()];
    let end = memchr::memchr(b'\n', slice).map_or(range.end, |i| range.start + i);
    let end = if text.as_bytes()[..end].ends_with(b"\r") {
        end - 1
    } else {
        end
    };
    range.start..end.max(range.start)
}

/// Splits a table row on unescaped pipes, dropping the optional outer pipes;
/// returns each cell's trimmed range.
pub(crate) fn split_cells(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let row = &text[line.clone()];
    let trimmed_start = row.len() - row.trim_start().len();
    // A row of whitespace the parser does not count as such (a full-width
    // space) is all trimmed: its end is its start.
    let trimmed_end = row.trim_end().len().max(trimmed_start);
    let mut start = trimmed_start;
    if row[start..].starts_with('|') {
        start += 1;
    }
    // A cell's range, white space taken off.
    let trimmed = |cell: Range<usize>| {
        let body = crate::source::trimmed(&row[cell.clone()]);
        line.start + cell.start + body.start..line.start + cell.start + body.end
    };
    let mut cells = Vec::new();
    let mut cell_start = start;
    let bytes = &row.as_bytes()[..trimmed_end];
    let mut at = start;
    // Pipes and backslashes are ASCII, which no byte of another character
    // in UTF-8 is: the row is searched by bytes.
    while let Some(found) = memchr::memchr2(b'|', b'\\', &bytes[at..]) {
        let found = at + found;
        if bytes[found] == b'\\' {
            at = found + 2; // the escaped byte is no pipe
            if at >= bytes.len() {
                break;
            }
            continue;
        }
        cells.push(trimmed(cell_start..found));
        cell_start = found + 1;
        at = found + 1;
    }
    // A trailing pipe closes the last cell rather than opening an empty one.
    let ends_with_pipe = cell_start == trimmed_end && trimmed_end > start;
    if !ends_with_pipe {
        cells.push(trimmed(cell_start..trimmed_end.max(cell_start)));
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_at_unescaped_pipes_into_trimmed_cells() {
        // The row after a first line, so the ranges are the file's.
        let cells = |row: &str| -> Vec<String> {
            let text = format!("x\n{row}");
            (split_cells(&text, 2..text.len()).into_iter())
                .map(|c| text[c].to_string())
                .collect()
        };
        assert_eq!(
            cells("| 1001 | a \\| b |  中文\u{3000}|"),
            ["1001", "a \\| b", "中文"]
        );
        assert_eq!(cells("1001|x"), ["1001", "x"]);
        assert_eq!(cells("| a \\\\| b |"), ["a \\\\", "b"]);
        assert_eq!(cells("| a |  |"), ["a", ""]);
        assert_eq!(cells("| trailing \\"), ["trailing \\"]);
        assert_eq!(cells("|"), [""]);
        assert_eq!(cells("\u{3000}"), [""]);
    }

    fn kinds(source: &SourceFile, blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { level, text } => {
                    format!("h{level} {}", source.slice(text.clone()))
                }
                BlockKind::ListItem { content, depth } => {
                    format!("item{depth} {}", source.slice(content.clone()))
                }
                BlockKind::Rule => "rule".to_string(),
                BlockKind::Paragraph => {
                    format!("para {}", source.slice(b.range.clone()).trim_end())
                }
                BlockKind::ItemText => {
                    format!("item text {}", source.slice(b.range.clone()).trim_end())
                }
                BlockKind::Table(t) => format!(
                    "table {}",
                    t.rows
                        .iter()
                        .map(|r| r
                            .cells
                            .iter()
                            .map(|c| source.slice(c.clone()))
                            .collect::<Vec<_>>()
                            .join("/"))
                        .collect::<Vec<_>>()
                        .join(";")
                ),
                BlockKind::TooDeep(_) => format!("too deep: {}", source.slice(b.range.clone())),
                BlockKind::Code(c) => format!(
                    "code[{}] {}",
                    c.info,
                    c.lines(source.text())
                        .map(|l| source.slice(l))
                        .collect::<Vec<_>>()
                        .join("|")
                ),
            })
            .collect()
    }

    fn file(text: &str) -> SourceFile {
        SourceFile::new(0, "t.md", text.to_string())
    }

    #[test]
    fn list_items_keep_their_raw_text_at_any_depth() {
        let f = file("# T\n- HttpCode: 400\n- 中文名称： a*b*  \n  * nested: x\n\n---\ntext\n");
        assert_eq!(
            kinds(&f, &read(&f)),
            [
                "h1 T",
                "item0 HttpCode: 400",
                "item0 中文名称： a*b*",
                "item1 nested: x",
                "rule",
                "para text"
            ]
        );
    }

    #[test]
    fn loose_items_take_their_first_paragraph_and_the_one_after_it() {
        let f = file("- a: 1\n\n  more\n  text\n\n  last\n\n- b: 2\n");
        assert_eq!(
            kinds(&f, &read(&f)),
            ["item0 a: 1", "item text more\n  text", "item0 b: 2"]
        );
        // Not after something else in the item, nor in a nested item.
        let f = file("- a\n\n  - b\n\n  more\n- c\n\n  ```\n  x\n  ```\n\n  more\n");
        assert_eq!(
            kinds(&f, &read(&f)),
            ["item0 a", "item1 b", "item0 c", "code[] x"]
        );
    }

    #[test]
    fn fenced_content_maps_back_to_the_file_through_crlf_and_indentation() {
        let f = file(
            "x\r\n\r\n```go\r\nA = 1\r\n\tB = 2\r\n```\r\n\n- item\n\n  ```\n  ### H\n  - k: v\n  ```\n",
        );
        let blocks = read(&f);
        assert_eq!(kinds(&f, &blocks)[1], "code[go] A = 1|\tB = 2");
        let BlockKind::Code(indented) = &blocks[3].kind else {
            panic!("expected a code block, got {:?}", blocks[3].kind)
        };
        let inner = indented.read_markdown(f.text());
        assert_eq!(kinds(&f, &inner), ["h3 H", "item0 k: v"]);
        let BlockKind::ListItem { content, .. } = &inner[1].kind else {
            unreachable!()
        };
        assert_eq!(f.line_column(content.start), (12, 5));
    }

    #[test]
    fn a_fence_in_a_fence_maps_through_skipped_carriage_returns() {
        // The inner fence's content spans a `\r` the outer parse skipped.
        let f = file("```\n```o\n?\r\n- 帐\n```\n```\n");
        let BlockKind::Code(outer) = &read(&f)[0].kind else {
            unreachable!()
        };
        let inner = outer.read_markdown(f.text());
        let BlockKind::Code(fence) = &inner[0].kind else {
            unreachable!()
        };
        let items = fence.read_markdown(f.text());
        let BlockKind::ListItem { content, .. } = &items[1].kind else {
            panic!("expected a list item, got {:?}", items[1].kind)
        };
        assert_eq!(f.slice(content.clone()), "帐");
        assert_eq!(f.line_column(content.start), (4, 3));
    }

    #[test]
    fn tables_keep_every_cell_the_line_really_has() {
        let f = file(
            "| a | b |\n|---|---|\n| 1 | x \\| y |\n| 2 | z | extra |\n| 3 |\n\nh1|h2\n--|--\n|1|2\n",
        );
        assert_eq!(
            kinds(&f, &read(&f)),
            ["table 1/x \\| y;2/z/extra;3", "table 1/2"]
        );
    }

    /// The lines `cut_points` may cut before, as their first words.
    fn cuts(text: &str) -> Vec<&str> {
        cut_points(text, 0)
            .map(|at| text[at..].split_whitespace().next().unwrap_or(""))
            .collect()
    }

    #[test]
    fn cuts_fall_only_where_nothing_goes_on_across_them() {
        // Between records; not inside a list item's indented content.
        assert_eq!(
            cuts("- HttpCode: 400\n\n  more\n\n---\n\n- HttpCode: 404\n\n# T\n"),
            ["---", "-", "#"]
        );
        // Not inside a fence, whatever its content looks like.
        assert_eq!(
            cuts("```\na\n\nb\n````\n\n~~~ go\n\nc\n~~~\n\nd\n"),
            ["~~~", "d"]
        );
        assert_eq!(cuts("a\n\n```\n\nx\n```\n\ny\n"), ["```", "y"]);
        // Lines with the marker that do not close the fence: after four
        // spaces or a tab, after text, too short, or with text after it.
        let near_misses =
            "```\n\n    ```\n\n\t```\n\nx ```\n\n``x``\n\n`\n\n   ```x\n\n   ```\n\ny\n";
        assert_eq!(cuts(near_misses), ["y"]);
        assert_eq!(cuts("~~~~\n\n```\n\n~~~\n\nx\n  ~~~~~\n\ny\n"), ["y"]);
        let (chunked, whole) = read_both_ways(near_misses);
        assert_eq!(chunked, whole);
        // Not inside an HTML block that ends at a marker.
        assert_eq!(
            cuts("<!-- a\n\nb -->\n\nc\n\n<pre>\n\nd\n</pre>\n\ne\n"),
            ["c", "<pre>", "e"]
        );
        assert_eq!(cuts("<!-- one line -->\n\nc\n"), ["c"]);
        // A fence opened with indentation may belong to a list item:
        // read two ways, so no cut after it; nor after a fence among HTML.
        assert_eq!(cuts("a\n\nb\n\n  ```\n\nc\n"), ["b"]);
        let in_item = "- a\n\n  ```\n\nb\n\n```\n\nc\n\n```\n";
        assert_eq!(cuts(in_item), Vec::<&str>::new());
        let (chunked, whole) = read_both_ways(in_item);
        assert_eq!(chunked, whole);
        assert_eq!(cuts("a\n\n<div>\n```\n\nb\n\nc\n"), ["<div>"]);
        assert_eq!(cuts("a\n\n<!-->\n\nb\n"), ["<!-->"]);
        // A fence line indented four columns is code or item content.
        assert_eq!(cuts("- a\n\n    ```\n\nb\n\n\t```\n\nc\n"), ["b", "c"]);
        // Before an item at column 0 without a blank line: not a thematic
        // break, a delimiter row, nor in HTML; not at the very start.
        assert_eq!(
            cuts("- a: 1\n- b: 2\n  - c\n* d\nx\n+ e\n- - -\n- ---\nh | h\n- | -\n<div>\n- f\n"),
            ["-", "*", "+"]
        );
    }

    /// Rows split where the blocks are taken, from the file, read as rows
    /// split from copied text do: in a quote, an item or a code block.
    #[test]
    fn rows_have_their_cells_wherever_the_table_sits() {
        for (text, rows) in [
            ("| a | b |\n|---|---|\n| 1 | x |\n", "table 1/x"),
            ("> | a | b |\n> |---|---|\n> | 1 | x |\n", "table 1/x"),
            (
                "- item\n\n  | a | b |\n  |---|---|\n  | 1 | x |\n",
                "table 1/x",
            ),
        ] {
            let f = file(text);
            let blocks = read(&f);
            let found: Vec<String> = kinds(&f, &blocks)
                .into_iter()
                .filter(|k| k.starts_with("table"))
                .collect();
            assert_eq!(found, [rows], "{text:?}");
        }
        let f = file("```md\n| a | b |\n|---|---|\n| 1 | x |\n```\n");
        let BlockKind::Code(code) = &read(&f)[0].kind else {
            unreachable!()
        };
        assert_eq!(kinds(&f, &code.read_markdown(f.text())), ["table 1/x"]);
    }

    fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
        let mut at = 0;
        std::iter::from_fn(move || {
            let line = line_at(text, at)?;
            at += line.len();
            Some(line)
        })
    }

    #[test]
    fn lines_are_those_of_splitting_after_each_line_feed() {
        for text in ["", "a", "a\n", "\n\n", "中\r\nb\n\nc", "x\ry"] {
            let found: Vec<&str> = lines_inclusive(text).collect();
            let split: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(found, split, "{text:?}");
        }
        assert_eq!(
            lines_inclusive("a\n\nb").collect::<Vec<_>>(),
            ["a\n", "\n", "b"]
        );
    }

    #[test]
    fn reading_in_chunks_reads_what_reading_whole_does() {
        let text = "# T\n\n- HttpCode: 400\n- ErrorCode: 40000001\n\n---\n\n| 错误码 | 说明 |\n|---|---|\n| 1 | a |\n\n```\n- HttpCode: 500\n\n- ErrorCode: 50000001\n```\n\n<!--\n\nx\n-->\n\n1. one\n\n2. two\n";
        let f = file(text);
        let mut pieces = 0;
        let mut chunked = Vec::new();
        read_in_chunks(&f, 0, |blocks| {
            pieces += 1;
            chunked.extend(blocks);
        });
        // The fence is a piece of its own, read without the parser.
        assert_eq!(pieces, 10);
        let mut whole = Vec::new();
        read_in_chunks(&f, usize::MAX, |blocks| whole.extend(blocks));
        assert_eq!(chunked, whole);
        assert_eq!(
            kinds(&f, &whole),
            [
                "h1 T",
                "item0 HttpCode: 400",
                "item0 ErrorCode: 40000001",
                "rule",
                "table 1/a",
                "code[] - HttpCode: 500||- ErrorCode: 50000001",
                "item0 one",
                "item0 two"
            ]
        );
    }

    /// The parser holds a piece's events and the reader its blocks, each
    /// several times the piece: a catalogue that is one long list must be
    /// read a chunk at a time too, not whole.
    #[test]
    fn a_bullet_catalogue_without_blank_lines_is_read_a_chunk_at_a_time() {
        let record = "- HttpCode: 400\n- ErrorCode: 40000001\n- 中文名称: 参数错误\n";
        let text = format!("# 错误码\n{}", record.repeat(20_000));
        let mut cuts: Vec<usize> = cut_points(&text, CHUNK).collect();
        cuts.push(text.len());
        let longest = cuts.windows(2).map(|w| w[1] - w[0]).max().unwrap();
        assert!(cuts[0] <= CHUNK + record.len(), "first piece {}", cuts[0]);
        assert!(
            longest <= CHUNK + record.len(),
            "a piece of {longest} bytes"
        );
    }

    /// Pieces as `read` hands them over, each as its blocks.
    fn pieces(
        text: &str,
        read: impl FnOnce(&str, &OffsetMap, &mut dyn FnMut(Vec<Block>)),
    ) -> Vec<Vec<Block>> {
        let mut pieces = Vec::new();
        read(text, &OffsetMap::shifted(0, text.len()), &mut |blocks| {
            pieces.push(blocks)
        });
        pieces
    }

    #[test]
    fn reading_ahead_hands_over_the_pieces_reading_in_turn_does() {
        let text = crate::synth::catalogue(crate::synth::Layout::Table, 8_000);
        assert!(worth_reading_ahead(&text, CHUNK));
        let ahead = pieces(&text, |text, map, visit| {
            read_ahead(text, map, CHUNK, &mut |b| visit(b))
        });
        let in_turn = pieces(&text, |text, map, visit| {
            read_text(text, map, 0, CHUNK, &mut |b| visit(b))
        });
        // Two tables of 1,000 rows to a piece.
        assert_eq!(ahead.len(), 4);
        assert_eq!(ahead, in_turn);
    }

    #[test]
    fn a_file_of_one_piece_or_a_small_one_is_not_read_ahead() {
        // One fenced block: nothing to read while the first piece is walked.
        let constants = crate::synth::catalogue(crate::synth::Layout::Constants, 10_000);
        assert!(constants.len() > READ_AHEAD_FROM);
        assert!(!worth_reading_ahead(&constants, CHUNK));
        let small = crate::synth::catalogue(crate::synth::Layout::Table, 1_000);
        assert!(small.len() < READ_AHEAD_FROM);
        assert!(!worth_reading_ahead(&small, CHUNK));
        // The probe ends at a line, not inside a character.
        let wide = format!("a\n\n{}", "中".repeat(READ_AHEAD_FROM));
        assert!(!worth_reading_ahead(&wide, CHUNK));
        let wide_lines = format!("{}\n\n", "中".repeat(1_000)).repeat(READ_AHEAD_FROM / 1_000);
        assert!(worth_reading_ahead(&wide_lines, CHUNK));
    }

    fn read_both_ways(text: &str) -> (Vec<Block>, Vec<Block>) {
        let f = file(text);
        let (mut chunked, mut whole) = (Vec::new(), Vec::new());
        read_in_chunks(&f, 0, |blocks| chunked.extend(blocks));
        read_in_chunks(&f, usize::MAX, |blocks| whole.extend(blocks));
        (chunked, whole)
    }

    #[test]
    fn pieces_read_as_the_whole_where_the_parser_reads_whitespace_its_own_way() {
        for text in [
            // An empty item ends at its line, however many blank lines follow.
            "-\n\n-",
            "-\n\n\u{c}\n \t\nx",
            // A full-width space or a form feed is text that goes on a
            // paragraph; a tab after a closing fence keeps the fence open.
            "\u{3000}\nx",
            "a\n\u{c}\nx",
            "```\n```\t\n\n- a\n```\n",
            // A lone carriage return ends a line.
            "a\r```\n\nb\n\n```\n",
            // A collapsed reference defined in another piece; a rule in an
            // item of a list that is loose only as a whole.
            "# foo[foo][]\n\n[foo]: /url \"title\"",
            "a[id]\\[]\n\n[id]: /u\n",
            "- bar\n\n- baz\n  ___\n  ^_",
            // An item of a form feed is empty: it cannot end a paragraph.
            "[url\n*  \u{c}\n:",
        ] {
            let (chunked, whole) = read_both_ways(text);
            assert_eq!(chunked, whole, "{text:?}");
        }
        let f = file("-\n\n-");
        let ranges: Vec<_> = read(&f).into_iter().map(|b| b.range).collect();
        assert_eq!(ranges, [0..1, 3..4]);
        let f = file("# foo[foo][]\n- baz\n  ___\n  ^_\n\n[foo]: /u\n");
        assert_eq!(kinds(&f, &read(&f)), ["h1 foo[foo][]", "item0 baz", "rule"]);
    }

    #[test]
    fn a_table_row_of_a_full_width_space_has_one_empty_cell() {
        let f = file("| a | b |\n|---|---|\n\u{3000}\n");
        let BlockKind::Table(table) = &read(&f)[0].kind else {
            unreachable!()
        };
        assert_eq!(table.rows[0].cells.len(), 1);
        assert_eq!(table.rows[0].cells[0], 23..23);
    }

    /// Lines of every construct that can run across a blank line, and of
    /// nesting past the limit.
    fn any_lines() -> Vec<&'static str> {
        let mut lines = vec![
            "",
            "",
            "x",
            "- HttpCode: 400",
            "  - k: v",
            "1. one",
            "# T",
            "---",
            "===",
            "> q",
            "| a | b |",
            "|---|---|",
            "```",
            "````",
            "``` go",
            "~~~",
            "  ```",
            "   ~~~",
            "    ```",
            "\t```",
            "<!--",
            "-->",
            "<!-- x -->",
            "<!-->",
            "<pre>",
            "</pre>",
            "<div>",
            "</div>",
            "<?php",
            "?>",
            "<!DOCTYPE html>",
            "<![CDATA[",
            "]]>",
            "<span>",
            "    code",
            "  more",
            "[a]: http://x",
            "[a]",
            // Empty items, and lines that only look blank (the parser
            // reads a form feed or a full-width space as text).
            "-",
            "*",
            "1.",
            "- -",
            "-  ",
            "> -",
            "\u{c}",
            "\u{3000}",
            " \t",
            "```\u{3000}",
            "```\t",
            // A collapsed reference, and a rule inside an item.
            "x [a][]",
            "x [a]\\[]",
            "  ***",
            // Items at column 0 without a blank line before them.
            "* y",
            "+ z",
            "-\tx",
            "- ---",
            "- | -",
            "- x | y",
            "*  \u{c}",
            "a | b",
            "a\rb",
            "```\r```",
            "a\r```",
        ];
        // Deep enough that a few lazy lines after them pass the budget.
        for marker in ["> ", "- "] {
            let deep = marker.repeat(40) + "x";
            lines.push(Box::leak(deep.into_boxed_str()));
        }
        lines
    }

    /// How many block quotes and list items the parser has each line of
    /// `text` in (or opens on it).
    fn parser_nesting(text: &str) -> Vec<usize> {
        let containers: Vec<Range<usize>> = Parser::new_ext(text, Options::ENABLE_TABLES)
            .into_offset_iter()
            .filter(|(event, _)| matches!(event, Event::Start(Tag::Item | Tag::BlockQuote(_))))
            .map(|(_, range)| range)
            .collect();
        let mut at = 0;
        let lines = text.split_inclusive('\n').map(|line| {
            let range = at..at + line.len();
            at += line.len();
            range
        });
        lines
            .map(|line| {
                let holds = |c: &&Range<usize>| c.start < line.end && line.start < c.end;
                containers.iter().filter(holds).count()
            })
            .collect()
    }

    /// The containers [`WalkScan`] counts for each line of `text`.
    fn scanned_nesting(text: &str) -> Vec<usize> {
        let mut scan = Scan::for_text(text);
        let lines = text.split_inclusive('\n');
        lines
            .map(|line| {
                scan.line(line);
                scan.walk.reach
            })
            .collect()
    }

    /// Blocks of `text` as `read_text` reads it whole, and as the parser
    /// alone does.
    fn read_and_parsed(text: &str) -> (Vec<Block>, Vec<Block>) {
        let map = OffsetMap::shifted(0, text.len());
        let mut read = Vec::new();
        read_text(text, &map, 0, usize::MAX, &mut |blocks| read.extend(blocks));
        (read, read_mapped(text, &map, 0))
    }

    #[test]
    fn fences_at_a_cut_are_read_as_the_parser_reads_them() {
        for text in [
            "```\nA = 1\n```\n",
            "# T\n\n```go\n// m\nA = 1\n\nB = 2\n```\nafter\n",
            "~~~~ c++\n~~~\n```\n ~~~~~  \n\n- x\n",
            "```\n```\n",
            "```\n\n```",
            "``` x\tcode\n\tcode\n   ```\n",
            "```\nx\n",
            "````\n```\n`````\n```\n",
            "```c\\+\\+\nx\n```\n",
            "~~~ a b\nx\n~~~\n",
            "```\nx\n```\t\ny\n```\n",
            "x\n\n```\n- a\n```\n\n```\nb\n```\n",
        ] {
            let (read, parsed) = read_and_parsed(text);
            assert_eq!(read, parsed, "{text:?}");
        }
        let text = "# T\n\n```go\nA = 1\n```\n";
        let f = file(text);
        let blocks = read(&f);
        assert_eq!(kinds(&f, &blocks), ["h1 T", "code[go] A = 1"]);
        assert_eq!(blocks[1].range, 5..text.len() - 1);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Fences read without the parser read as it reads them, among
        /// any other lines that do not nest past the limit.
        #[test]
        fn fences_read_without_the_parser_are_those_it_reads(
            lines in proptest::collection::vec(
                proptest::sample::select(
                    any_lines()
                        .into_iter()
                        .filter(|line| line.len() < 40)
                        .chain(["```c", "~~~~", "``` a\\b", "```&amp;", " ```", "A = 1", "\tx"])
                        .collect::<Vec<_>>(),
                ),
                0..24,
            )
        ) {
            let text = lines.join("\n");
            let (read, parsed) = read_and_parsed(&text);
            proptest::prop_assert_eq!(read, parsed, "{:?}", text);
        }

        /// In any order and indentation.
        #[test]
        fn any_cut_reads_as_the_whole(
            lines in proptest::collection::vec(proptest::sample::select(any_lines()), 0..24)
        ) {
            let text = lines.join("\n");
            let (chunked, whole) = read_both_ways(&text);
            proptest::prop_assert_eq!(chunked, whole, "{:?}", text);
        }

        /// The walk scan never counts fewer containers on a line than the
        /// parser has it in, whatever the markers, indentation, tabs and
        /// lazy lines.
        #[test]
        fn the_walk_scan_counts_no_fewer_containers_than_the_parser_walks(
            lines in proptest::collection::vec(
                (
                    proptest::collection::vec(proptest::sample::select(vec![
                        "", " ", "  ", "   ", "    ", "\t", " \t", ">", "> ", ">\t", "- ", "* ",
                        "+ ", "-\t", "1. ", "2) ", "10. ", "-", "1.", "-    ", "-     ", "*\t\t",
                    ]), 0..8),
                    proptest::sample::select(vec![
                        "", "x", "- - -", "* * *", "```", "~~~", "<div>", "<!--", "# h", "| a |",
                        "|-|", "\u{c}", "a\rb", "    code", "---", "===", "1. x", "2. x",
                    ]),
                ),
                0..16,
            )
        ) {
            let text: String = lines
                .iter()
                .map(|(prefix, tail)| prefix.concat() + tail + "\n")
                .collect();
            let (parsed, scanned) = (parser_nesting(&text), scanned_nesting(&text));
            let fewer = parsed.iter().zip(&scanned).position(|(p, s)| s < p);
            proptest::prop_assert!(fewer.is_none(), "{:?}: {:?} {:?}", text, parsed, scanned);
        }
    }

    #[test]
    fn deep_nesting_over_many_lines_is_refused_from_the_cut_before_it_to_the_cut_after_it() {
        // The parser would walk 60 containers on each lazy line.
        let deep = "> ".repeat(60);
        let lazy = "z\n".repeat(100);
        let text = format!("- a: 1\n\n{deep}x\n{lazy}\n- b: 2\n");
        let f = file(&text);
        let blocks = read(&f);
        assert_eq!(
            kinds(&f, &blocks),
            ["item0 a: 1", &format!("too deep: {deep}x"), "item0 b: 2"]
        );
        assert_eq!(blocks[1].kind, BlockKind::TooDeep(Nesting::Containers));
        assert_eq!(f.line_column(blocks[1].range.start), (3, 1));
        let (chunked, whole) = read_both_ways(&text);
        assert_eq!(chunked, whole);
        // As deep, without the lines: read.
        let short = format!("{deep}x\n");
        assert_eq!(kinds(&file(&short), &read(&file(&short))), ["para x"]);
        // The parser's own nesting of each line, and the scan's.
        assert_eq!(parser_nesting(&text)[2], 60);
        assert_eq!(scanned_nesting(&text)[2], 61 + 60 / 2);
    }

    /// Every fence or four columns of indentation is a code block read
    /// again; the reading stops at the limit, whatever the depth.
    #[test]
    fn code_blocks_are_read_again_no_deeper_than_the_limit() {
        let indent = " ".repeat(16_000);
        let text = format!("{indent}- HttpCode: 400\n{indent}- ErrorCode: 40000001\n");
        let f = file(&text);
        let mut blocks = read(&f);
        let mut depth = 0;
        while let [
            Block {
                kind: BlockKind::Code(code),
                ..
            },
        ] = blocks.as_slice()
        {
            blocks = code.read_markdown(f.text());
            depth += 1;
        }
        assert_eq!(depth, MAX_CODE_DEPTH + 1);
        assert_eq!(kinds(&f, &blocks), ["too deep: - HttpCode: 400"]);
        assert_eq!(blocks[0].kind, BlockKind::TooDeep(Nesting::CodeBlocks));
        assert_eq!(f.line_column(blocks[0].range.start), (1, 16_001));
    }

    #[test]
    fn a_bom_does_not_shift_positions() {
        let f = file("\u{feff}### 标题\n- k: v\n");
        let blocks = read(&f);
        let BlockKind::Heading { text, .. } = &blocks[0].kind else {
            unreachable!()
        };
        assert_eq!(f.slice(text.clone()), "标题");
        assert_eq!(f.line_column(text.start), (1, 5));
    }
}
