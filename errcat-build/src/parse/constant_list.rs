//! The records of a constant list ([`constant::scan`]) in a part: each
//! constant a record, in the sections the list's comments open. A large
//! fenced list is scanned in two halves side by side, with the records of
//! scanning it in turn.

use std::ops::Range;

use super::PartBuilder;
use super::constant::{self, Constant, Scan};
use super::status::StatusConstants;
use crate::concurrent::beside;
use crate::model::{Entry, Number, RecordFormat};
use crate::reader::{self, CodeBlock};
use crate::source::SourceFile;

/// The content from which a fenced constant list is scanned in halves on
/// two threads (one after the other where the machine has one): below it,
/// too little time for a second thread to win back its start. Every length
/// in unit tests, so that they read both ways.
const HALVES_FROM: usize = if cfg!(test) { 0 } else { 256 * 1024 };

/// Adds the `count` constants of `lines` to a part as its records, with
/// the sections their comments open.
pub(super) fn constants_into(
    part: &mut PartBuilder,
    count: usize,
    lines: impl IntoIterator<Item = Range<usize>>,
) {
    part.part.entries.reserve(count);
    let sections = ConstantSections::of(part);
    let source = part.source;
    let scan = constant::scan(source, lines, |constant| sections.add(part, constant));
    sections.finish(part, &scan);
}

/// Scans a fenced block's lines, each constant a record of `own` (a part of
/// the block's own, with no records yet) and a status of `statuses`.
pub(super) fn scan_fenced(
    own: &mut PartBuilder,
    sections: &ConstantSections,
    code: &CodeBlock,
    statuses: &mut StatusConstants,
) -> Scan {
    scan_fenced_from(own, sections, code, statuses, HALVES_FROM)
}

/// [`scan_fenced`], in halves from `halves_from` bytes of content.
fn scan_fenced_from(
    own: &mut PartBuilder,
    sections: &ConstantSections,
    code: &CodeBlock,
    statuses: &mut StatusConstants,
    halves_from: usize,
) -> Scan {
    let source = own.source;
    let file = source.text();
    if let Some((earlier, later)) = code.halves(file, halves_from)
        && own.part.entries.is_empty()
        && own.defined.is_none()
        && let Some(scan) = scan_in_halves(own, sections, statuses, earlier, later)
    {
        return scan;
    }
    // Room for every record: they are not copied into a larger array on
    // the way.
    own.part
        .entries
        .reserve(constant::most_constants(code.content(file)));
    constant::scan(source, code.lines(file), |c| {
        statuses.add(&c);
        sections.add(own, c);
    })
}

// A slot is a record's size, so the records take over the slots' array.
const _: () = assert!(size_of::<Option<Entry>>() == size_of::<Entry>());

/// One half of a list, scanned.
struct Half<'s> {
    scan: Scan,
    statuses: StatusConstants<'s>,
    /// The records made, in the half's slots from the first.
    made: usize,
    /// The records that open a section, by their index in the half, with
    /// the section's title.
    openings: Vec<(usize, Range<usize>)>,
}

/// Scans the lines of `earlier` and of `later`, whole lines of the file
/// that `later` starts at a blank line of, on two threads: the records of
/// each made into slots of their own, and then put in their sections in
/// order, as [`ConstantSections::add`] puts them. `None`, with nothing
/// added, where `earlier` ends inside a block comment: `later` was not
/// scanned as scanning in turn would have.
fn scan_in_halves(
    own: &mut PartBuilder,
    sections: &ConstantSections,
    statuses: &mut StatusConstants,
    earlier: Range<usize>,
    later: Range<usize>,
) -> Option<Scan> {
    let source = own.source;
    let file = source.text();
    // A slot for each constant a half can hold.
    let earlier_slots = constant::most_constants(&file[earlier.clone()]);
    let mut slots: Vec<Option<Entry>> = Vec::new();
    slots.resize_with(
        earlier_slots + constant::most_constants(&file[later.clone()]),
        || None,
    );
    let (earlier_part, later_part) = slots.split_at_mut(earlier_slots);
    let (mut first, mut second) = (None, None);
    beside(
        true,
        || second = Some(scan_half(source, later, later_part)),
        || first = Some(scan_half(source, earlier, earlier_part)),
    );
    let (first, second) = (first?, second?);
    if first.scan.ends_in_comment {
        return None;
    }
    statuses.append(first.statuses);
    statuses.append(second.statuses);
    // The records side by side, in order, without the slots left empty.
    slots.truncate(earlier_slots + second.made);
    slots.drain(first.made..earlier_slots);
    // In place: `filter_map` (not `flatten`) lets the records keep the
    // slots' array, of the same size a slot as a record.
    #[allow(clippy::filter_map_identity)]
    let mut entries: Vec<Entry> = slots.into_iter().filter_map(|slot| slot).collect();
    let later_openings = second.openings.into_iter();
    let mut openings = (first.openings.into_iter())
        .chain(later_openings.map(|(index, title)| (first.made + index, title)))
        .peekable();
    let mut opened = 0;
    for (index, entry) in entries.iter_mut().enumerate() {
        let title = openings
            .next_if(|(at, _)| *at == index)
            .map(|(_, title)| title);
        opened += usize::from(title.is_some());
        sections.enter(own, opened.checked_sub(1), title);
        own.place(entry);
    }
    own.part.entries = entries;
    Some(first.scan.then(second.scan))
}

/// Scans `lines` of the file, making each constant's record in `slots`.
fn scan_half<'s>(
    source: &'s SourceFile,
    lines: Range<usize>,
    slots: &mut [Option<Entry>],
) -> Half<'s> {
    let mut statuses = StatusConstants::new(source);
    let (mut made, mut openings) = (0, Vec::new());
    let scan = constant::scan(source, reader::file_lines(source.text(), lines), |c| {
        statuses.add(&c);
        if let Some(title) = c.opens_section.clone() {
            openings.push((made, title));
        }
        if let Some(slot) = slots.get_mut(made) {
            *slot = Some(entry_of(source, c));
        }
        made += 1;
    });
    Half {
        scan,
        statuses,
        made,
        openings,
    }
}

/// A constant's record, before it is put in a section.
fn entry_of(source: &SourceFile, constant: Constant) -> Entry {
    Entry {
        span: source.span(constant.line.clone()),
        format: RecordFormat::Constant,
        code: Some(Number::read(source, constant.value)),
        http_status: None,
        name: Some(crate::model::Text::read(source, constant.name)),
        // A comment of pasted code is its message as written: code shows
        // no markup, and the scan trimmed it within its line.
        message: constant
            .comment
            .map(|c| crate::model::Text::read(source, c)),
        section: None,
        details: None,
    }
}

/// Where a constant list's records go in a part: in the sections the
/// list's comments open, numbered after those the part had, or else in
/// the section the list is in.
pub(super) struct ConstantSections {
    outer: Option<usize>,
    first: usize,
    first_entry: usize,
}

impl ConstantSections {
    pub(super) fn of(part: &PartBuilder) -> Self {
        ConstantSections {
            outer: part.section,
            first: part.part.sections.len(),
            first_entry: part.part.entries.len(),
        }
    }

    /// Once the list is read: back in the section it is in, and a comment
    /// that heads the list is no message of its first constant.
    pub(super) fn finish(self, part: &mut PartBuilder, scan: &Scan) {
        part.section = self.outer;
        if scan.comment_heads_list()
            && let Some(first) = part.part.entries.get_mut(self.first_entry)
        {
            first.message = None;
        }
    }

    /// Adds a constant's record, after the section it opens.
    fn add(&self, part: &mut PartBuilder, constant: Constant) {
        self.enter(part, constant.section, constant.opens_section.clone());
        part.push_entry(entry_of(part.source, constant));
    }

    /// Makes `section`, the index among the sections the list opened, the
    /// part's current one, after opening the one titled `opens` where a
    /// record opens one.
    fn enter(&self, part: &mut PartBuilder, section: Option<usize>, opens: Option<Range<usize>>) {
        if let Some(title) = opens {
            let title = part.text(title);
            part.push_section(title, 7, None);
        }
        part.section = section.map(|s| self.first + s).or(self.outer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartOrigin;
    use crate::reader::BlockKind;

    /// What scanning a fenced list makes: its records, sections, scan and
    /// status reference, with or without halves.
    fn scanned(text: &str, halves_from: usize) -> String {
        let source = SourceFile::new(0, "t.md", text.to_string());
        let blocks = reader::read(&source);
        let Some((code, range)) = blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Code(code) => Some((code, b.range.clone())),
            _ => None,
        }) else {
            return "no code block".to_string();
        };
        let origin = PartOrigin::CodeBlock {
            span: source.span(range.clone()),
        };
        let mut own = PartBuilder::new(&source, &[], origin);
        let sections = ConstantSections::of(&own);
        let mut statuses = StatusConstants::new(&source);
        let scan = scan_fenced_from(&mut own, &sections, code, &mut statuses, halves_from);
        let reference = statuses.finish(&scan, range);
        sections.finish(&mut own, &scan);
        format!(
            "{:?}\n{:?}\n{scan:?}\n{reference:?}",
            own.part.entries, own.part.sections
        )
    }

    #[test]
    fn a_list_scanned_in_halves_makes_the_records_of_scanning_it_in_turn() {
        for text in [
            "```\n//a\nA = 1\n\n//b\nB = 2\n\n//c\nC = 3\n\n//d\nD = 4\n```\n",
            "```\n// 参数\nA = 1 // a\nB = 2 // b\n\n// 状态\nC = 3 // c\n\nD = 4 // d\n\n// 其他\nE = 5 // e\n```\n",
            "```\nA = 1 // a\n\nB = 2 // b\n\n// 400 错误\nC = 3 // c\n```\n",
            "```\n// status codes\nA = 1\nB = 2\n\nC = 3\nD = 4\n```\n",
            "```\nOK = 200\n\nNOT_FOUND = 404\n\nBAD_REQUEST = 400\n```\n",
            "```\nfoo(bar)\nA = 1\n\nx = y\nB = 2\n```\n",
            "```\nA = 1\n\na == b\nB = 2 // ok\n\n```\n",
        ] {
            let in_turn = scanned(text, usize::MAX);
            assert!(in_turn.contains("Constant"), "{text:?}: {in_turn}");
            assert_eq!(scanned(text, 0), in_turn, "{text:?}");
        }
    }

    /// Whether `text`'s fenced list is scanned in halves.
    fn in_halves(text: &str) -> bool {
        let source = SourceFile::new(0, "t.md", text.to_string());
        let blocks = reader::read(&source);
        let BlockKind::Code(code) = &blocks[0].kind else {
            panic!("{text:?} is no code block");
        };
        let Some((earlier, later)) = code.halves(text, 0) else {
            return false;
        };
        let origin = PartOrigin::CodeBlock {
            span: source.span(0..0),
        };
        let mut own = PartBuilder::new(&source, &[], origin);
        let sections = ConstantSections::of(&own);
        let mut statuses = StatusConstants::new(&source);
        scan_in_halves(&mut own, &sections, &mut statuses, earlier, later).is_some()
    }

    #[test]
    fn a_half_that_starts_inside_a_block_comment_is_scanned_again_in_turn() {
        assert!(in_halves("```\nA = 1\n\nB = 2\n```\n"));
        let text = "```\nA = 1\n/* a\n\n\n\n*/\nB = 2\n```\n";
        assert!(!in_halves(text));
        let in_turn = scanned(text, usize::MAX);
        assert_eq!(scanned(text, 0), in_turn);
        assert!(in_turn.contains("B"));
        // Cut at the last blank line before the middle where none is after
        // it; nowhere without a blank line.
        assert!(in_halves("```\nA = 1\n\nB = 2\nC = 3\nD = 4\n```\n"));
        assert!(!in_halves("```\nA = 1\nB = 2\nC = 3\n```\n"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn any_list_scanned_in_halves_makes_what_scanning_in_turn_does(
            lines in proptest::collection::vec(proptest::sample::select(vec![
                "", "", "", "// a", "// 参数", "// 404 Not Found", "A = 1", "B = 2 // b",
                "C = -3, ///< c", "/* x", "*/", " * y", "/** z */", " * @param", "OK = 200",
                "NOT_FOUND = 404", "x = y", "foo()", "a == b", "E = 5 /* e */",
            ]), 0..30)
        ) {
            let text = format!("```\n{}\n```\n", lines.join("\n"));
            proptest::prop_assert_eq!(scanned(&text, 0), scanned(&text, usize::MAX), "{:?}", text);
        }
    }
}
