//! Tables written in HTML (`<table><tr><td>99</td><td>…</td></tr>…`), as
//! markdown allows and some catalogues are written: read into the same
//! rows and cells a pipe table gives, so their columns are inferred alike.
//! Tolerant as browsers are: a `<tr` missing its `>`, cells that are never
//! closed, any case.

use std::ops::Range;

use crate::reader::{Row, Table};

/// The table an HTML block holds, if it holds one: its first row is the
/// header (rows of `<th>` cells are headers too, and are left out of the
/// data rows).
pub(crate) fn read(text: &str, block: Range<usize>) -> Option<Table> {
    let lower = text[block.clone()].to_ascii_lowercase();
    let offset = block.start;
    let table_start = lower.find("<table")?;
    let mut rows: Vec<(Row, bool)> = Vec::new();
    let mut at = table_start;
    while let Some(open) = find_tag(&lower, at, "tr") {
        // `<tr …>`, or `<tr` left unclosed before the next tag.
        let tag_end = lower[open + 1..].find(['>', '<']).map(|i| open + 1 + i);
        let body_start = match tag_end {
            Some(i) if lower.as_bytes()[i] == b'>' => i + 1,
            _ => open + 3,
        };
        // A row runs to its `</tr>` or the next row.
        let next_row = find_tag(&lower, body_start, "tr").unwrap_or(lower.len());
        let end = lower[body_start..next_row]
            .find("</tr")
            .map_or(next_row, |i| body_start + i);
        let (cells, header) = cells(&lower, body_start..end);
        if !cells.is_empty() {
            rows.push((
                Row {
                    range: offset + open..offset + end,
                    cells: cells
                        .into_iter()
                        .map(|c| trim(text, offset + c.start..offset + c.end))
                        .collect(),
                },
                header,
            ));
        }
        at = end.max(open + 3);
    }
    let mut rows = rows.into_iter();
    let (header, _) = rows.next()?;
    let rows: Vec<Row> = rows.filter(|(_, th)| !th).map(|(row, _)| row).collect();
    Some(Table {
        header,
        rows,
        rows_unsplit: false,
    })
}

/// The next `<name` tag at or after `at` (`<tr>`, `<tr class=…>`, `<tr`).
fn find_tag(lower: &str, mut at: usize, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    while let Some(found) = lower.get(at..)?.find(&open) {
        let start = at + found;
        let after = lower.as_bytes().get(start + open.len());
        if after.is_none_or(|b| !b.is_ascii_alphanumeric()) {
            return Some(start);
        }
        at = start + open.len();
    }
    None
}

/// The content range of each `<td>`/`<th>` cell in a row, and whether every
/// cell is a `<th>`.
fn cells(lower: &str, row: Range<usize>) -> (Vec<Range<usize>>, bool) {
    let mut spans = Vec::new();
    let mut all_th = true;
    let mut at = row.start;
    loop {
        let td = find_tag(lower, at, "td").filter(|&i| i < row.end);
        let th = find_tag(lower, at, "th").filter(|&i| i < row.end);
        let (open, is_th) = match (td, th) {
            (Some(d), Some(h)) if h < d => (h, true),
            (Some(d), _) => (d, false),
            (None, Some(h)) => (h, true),
            (None, None) => break,
        };
        all_th &= is_th;
        let Some(content_start) = lower[open..row.end].find('>').map(|i| open + i + 1) else {
            break;
        };
        // A cell runs to its closing tag, or to the next cell or the row's end.
        let close = if is_th { "</th" } else { "</td" };
        let next_td = find_tag(lower, content_start, "td").unwrap_or(row.end);
        let next_th = find_tag(lower, content_start, "th").unwrap_or(row.end);
        let limit = next_td.min(next_th).min(row.end);
        let end = lower[content_start..limit]
            .find(close)
            .map_or(limit, |i| content_start + i);
        spans.push((content_start..end, colspan(&lower[open..content_start])));
        at = end.max(content_start);
    }
    // `colspan="2"`: a cell stands over as many columns. One that is the
    // row's only cell labels the rows below it (`Раздел 1 - запрос`), as a
    // row of one filled cell does in a pipe table; any other shows in each.
    let label = matches!(spans.as_slice(), [(_, span)] if *span > 1);
    let mut out = Vec::new();
    for (cell, span) in spans {
        out.push(cell.clone());
        let shown = if label { cell.start..cell.start } else { cell };
        out.extend(std::iter::repeat_n(shown, span - 1));
    }
    let header = all_th && !out.is_empty();
    (out, header)
}

/// The columns a cell's tag says it spans (`colspan="2"`), at least one.
fn colspan(tag: &str) -> usize {
    let Some(at) = tag.find("colspan") else {
        return 1;
    };
    let digits: String = tag[at + 7..]
        .chars()
        .skip_while(|c| matches!(c, '=' | '"' | '\'' | ' '))
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(1).clamp(1, 64)
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    start..start + slice.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Vec<Vec<String>> {
        let table = read(text, 0..text.len()).unwrap();
        std::iter::once(&table.header)
            .chain(&table.rows)
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| text[c.clone()].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn rows_and_cells_as_a_browser_reads_them() {
        let one_line = "<table><thead><tr><th>Mã lỗi</th><th>Thông tin</th></tr></thead><tbody><tr><td>99</td><td>Bị chặn.</td></tr><tr><td>100</td><td>OK <b>x</b></td></tr></tbody></table>";
        assert_eq!(
            read_all(one_line),
            [
                vec!["Mã lỗi", "Thông tin"],
                vec!["99", "Bị chặn."],
                vec!["100", "OK <b>x</b>"]
            ]
        );
        let sloppy = "<TABLE>\n <tr>\n  <td>Code\n  <td>Text\n <tr\n  <td>0x00</td>\n  <td>成功</td>\n </tr>\n</table>";
        assert_eq!(
            read_all(sloppy),
            [vec!["Code", "Text"], vec!["0x00", "成功"]]
        );
        assert!(read("<div>no table</div>", 0..19).is_none());
    }

    #[test]
    fn a_row_of_one_cell_across_the_table_is_a_label_and_other_spans_repeat() {
        let text = "<table><tr><td>Code</td><td>Text</td><td>Note</td></tr><tr><td colspan=\"3\">Part 1</td></tr><tr><td>1</td><td colspan='2'>Bad</td></tr></table>";
        assert_eq!(
            read_all(text),
            [
                vec!["Code", "Text", "Note"],
                vec!["Part 1", "", ""],
                vec!["1", "Bad", "Bad"]
            ]
        );
    }
}
