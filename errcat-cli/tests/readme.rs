//! README's table of checks lists every lint errcat has, at its default
//! level, and marks those that cannot be lowered: the table is what users
//! read to set levels in catalogs.toml.

use errcat_build::lint;

#[test]
fn the_checks_table_matches_the_lints() {
    let readme = include_str!("../../README.md");
    let table = readme
        .split("## Checks")
        .nth(1)
        .expect("README has a Checks section");
    let rows: Vec<(String, String)> = table
        .lines()
        .skip_while(|l| !l.starts_with("| id |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_string(), cells[2].to_string())
        })
        .collect();
    let expected: Vec<(String, String)> = lint::ALL
        .iter()
        .map(|l| {
            let fixed = if l.fixed { ", fixed" } else { "" };
            (l.id.to_string(), format!("{}{fixed}", l.default))
        })
        .collect();
    assert_eq!(rows, expected);
}
