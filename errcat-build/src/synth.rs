//! Synthetic catalogues of any size, for the benchmarks and
//! `cargo xtask bench-gen`: valid (no findings), deterministic, in each
//! record layout.

use std::fmt::Write as _;

/// A record layout to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `- HttpCode: 404` / `- ErrorCode: 40400001` / `- 中文名称: …`, with `---`.
    Bullets,
    /// `| 100001 | GetResource1Error | … |` tables under numbered headings.
    Table,
    /// `//message` then `NAME_1 = 100001` in one code block.
    Constants,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Bullets, Layout::Table, Layout::Constants];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Bullets => "bullets",
            Layout::Table => "table",
            Layout::Constants => "constants",
        }
    }
}

const STATUSES: [u16; 9] = [400, 401, 403, 404, 409, 412, 500, 502, 503];
const WORDS: [&str; 16] = [
    "用户",
    "项目",
    "集群",
    "应用",
    "配置",
    "权限",
    "云盘",
    "快照",
    "不存在",
    "已存在",
    "无效",
    "超时",
    "失败",
    "cluster",
    "token",
    "quota",
];

/// A message that differs from every other one: words, then the number.
fn message(i: usize) -> String {
    let mut state = (i as u64)
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut text = String::new();
    for _ in 0..3 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(WORDS[(state >> 60) as usize]);
    }
    let _ = write!(text, "{i}");
    text
}

/// A catalogue of `records` records in `layout`.
pub fn catalogue(layout: Layout, records: usize) -> String {
    let mut text = String::with_capacity(records * 96);
    text.push_str("# Generated catalogue\n\n");
    match layout {
        Layout::Bullets => {
            // Statuses in turn, each its own sequence: 40000001, 40100001, …
            let per_status = records.div_ceil(STATUSES.len());
            let mut class = 0;
            let mut i = 0;
            for status in STATUSES {
                if status / 100 != class {
                    class = status / 100;
                    let _ = write!(text, "### {class}00错误类型\n\n");
                }
                for sequence in 1..=per_status.min(records - i) {
                    let _ = write!(
                        text,
                        "- HttpCode: {status}\n- ErrorCode: {status}{sequence:05}\n- 中文名称: {}\n\n---\n\n",
                        message(i)
                    );
                    i += 1;
                }
            }
        }
        Layout::Table => {
            for (i, start) in (0..records).step_by(1000).enumerate() {
                let _ = write!(
                    text,
                    "### {}. 模块{}\n\n| 错误码 | 命名参考 | 说明 |\n|--------|----------|------|\n",
                    i + 1,
                    i + 1
                );
                for record in start..(start + 1000).min(records) {
                    let _ = writeln!(
                        text,
                        "| {} | GetResource{record}Error | {} |",
                        100_000 + record,
                        message(record)
                    );
                }
                text.push('\n');
            }
        }
        Layout::Constants => {
            text.push_str("```\n");
            for record in 0..records {
                let _ = write!(
                    text,
                    "//{}\nERROR_{record} = {}\n\n",
                    message(record),
                    100_000 + record
                );
            }
            text.push_str("```\n");
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Project;

    #[test]
    fn generated_catalogues_are_clean_and_complete() {
        for layout in Layout::ALL {
            let mut project = Project::new();
            project.add_file(
                "catalogs/generated.md",
                catalogue(layout, 2500).into_bytes(),
            );
            let analysis = project.analyze();
            assert_eq!(analysis.model.catalogs.len(), 1, "{layout:?}");
            assert_eq!(analysis.model.catalogs[0].entries.len(), 2500, "{layout:?}");
            assert!(
                analysis.diagnostics.is_empty(),
                "{layout:?}: {:?}",
                analysis.diagnostics.first()
            );
        }
    }
}
