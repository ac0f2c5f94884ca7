//! `cargo xtask bench-gen N`: errcat at scale, against the alternatives,
//! in one run. Generates a catalogue of N records, then measures
//!
//! - `cargo xtask check` (release) on it against pulldown-cmark alone
//!   reading it: time and peak memory;
//! - errcat-build in a build script, unoptimised as services run it;
//! - the release compile time and peak rustc memory of the generated code
//!   and of the reference shapes below, built from the same records;
//! - `from_code` and `from_name` of each, with criterion.
//!
//! Reference shapes (enum with implicit discriminants unless noted):
//! - `transmute`: static arrays indexed by discriminant; lookups binary
//!   search a sorted array, the index becomes the variant by a checked
//!   `transmute`;
//! - `array`: the same, the index becomes the variant through a static
//!   array of every variant;
//! - `hashmap`: arrays for the accessors, a `HashMap` in a `LazyLock` per
//!   lookup;
//! - `match`: explicit discriminants, one `match` per accessor and lookup
//!   (only up to 20,000 records: it takes minutes beyond).
//!
//! Everything happens in `target/bench-gen/`, which keeps the compiled
//! dependencies between runs.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use errcat_build::Project;
use errcat_build::model::Entry;
use errcat_build::naming;
use errcat_build::synth::{self, Layout};

/// The shapes compared; `Errcat` is errcat-build's own output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shape {
    Errcat,
    Transmute,
    Array,
    Hashmap,
    Match,
}

impl Shape {
    const ALL: [Shape; 5] = [
        Shape::Errcat,
        Shape::Transmute,
        Shape::Array,
        Shape::Hashmap,
        Shape::Match,
    ];

    fn name(self) -> &'static str {
        match self {
            Shape::Errcat => "errcat",
            Shape::Transmute => "transmute",
            Shape::Array => "array",
            Shape::Hashmap => "hashmap",
            Shape::Match => "match",
        }
    }

    fn krate(self) -> String {
        format!("{}-shape", self.name())
    }

    /// The shape's `Code` type, as the lookup benchmark names it.
    fn path(self) -> String {
        match self {
            Shape::Errcat => "errcat_shape::generated::Code".to_string(),
            other => format!("{}_shape::Code", other.name()),
        }
    }
}

/// The layout of the generated catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LayoutArg {
    Bullets,
    Table,
    Constants,
}

#[derive(Debug, clap::Args)]
pub struct Options {
    /// Records in the generated catalogue.
    #[arg(default_value_t = 10_000)]
    records: usize,
    #[arg(long, value_enum, default_value = "bullets")]
    layout: LayoutArg,
    /// Shapes to compare [default: all; `match` only up to 20,000 records]
    #[arg(long, value_enum, value_delimiter = ',')]
    shapes: Vec<Shape>,
    /// Builds per shape; the fastest counts.
    #[arg(long, default_value_t = 1)]
    runs: usize,
    /// Skip the criterion lookup benchmark.
    #[arg(long)]
    no_lookups: bool,
    /// Only the front end: `xtask check` against pulldown-cmark alone.
    #[arg(long)]
    front_end: bool,
}

/// What one build measured.
#[derive(Debug, Clone, Copy)]
struct Usage {
    wall: Duration,
    /// Peak resident memory of the process and its children, if known.
    peak_bytes: Option<u64>,
}

impl Usage {
    /// The shorter time and the larger peak of two runs of one command.
    fn best_with(self, other: Usage) -> Usage {
        Usage {
            wall: self.wall.min(other.wall),
            peak_bytes: self.peak_bytes.max(other.peak_bytes),
        }
    }
}

/// Runs of `xtask check` and of pulldown-cmark alone per front-end figure.
const FRONT_END_RUNS: usize = 5;

pub fn run(options: &Options) -> Result<(), String> {
    let root = workspace_root();
    let dir = root.join("target/bench-gen");
    let layout = match options.layout {
        LayoutArg::Bullets => Layout::Bullets,
        LayoutArg::Table => Layout::Table,
        LayoutArg::Constants => Layout::Constants,
    };
    let shapes: Vec<Shape> = if options.shapes.is_empty() {
        Shape::ALL
            .into_iter()
            .filter(|&s| s != Shape::Match || options.records <= 20_000)
            .collect()
    } else {
        let mut shapes = options.shapes.clone();
        if !shapes.contains(&Shape::Errcat) {
            // The lookup keys come from errcat's own enum.
            shapes.insert(0, Shape::Errcat);
        }
        shapes
    };
    let text = synth::catalogue(layout, options.records);
    let records = records_of(&text)?;
    write_workspace(&root, &dir, &text, &records, &shapes)?;
    let catalogue = dir.join("errcat-shape/catalogs/generated.md");

    println!(
        "bench-gen: {} {} records, {:.2} MB of markdown",
        options.records,
        layout.name(),
        text.len() as f64 / 1e6
    );
    println!();
    // The same layout with one record: what the binary takes to start.
    let one = dir.join("one-record.md");
    fs::write(&one, synth::catalogue(layout, 1)).map_err(|e| format!("{}: {e}", one.display()))?;
    front_end(&root, &catalogue, &one, text.len())?;
    if options.front_end {
        return Ok(());
    }

    let cargo = |args: &[&str]| {
        let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        command
            .args(args)
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", dir.join("target"))
            .env_remove("RUSTFLAGS");
        command
    };
    let packages: Vec<String> = shapes.iter().map(|s| s.krate()).collect();
    let mut build = vec!["build", "--release", "--quiet"];
    for package in &packages {
        build.extend(["--package", package]);
    }
    eprintln!("bench-gen: building the shapes and their dependencies");
    status(cargo(&build))?;
    let build_script = build_script_time(&dir.join("target/release/build"))?;
    println!(
        "errcat-build in build.rs (unoptimised, as services build it): {}",
        duration(build_script)
    );
    println!();

    let mut compiled = Vec::new();
    for &shape in &shapes {
        eprintln!("bench-gen: compiling the {} shape", shape.name());
        let lib = dir.join(shape.krate()).join("src/lib.rs");
        // The fastest build, and the highest peak of any.
        let mut best: Option<Usage> = None;
        for _ in 0..options.runs.max(1) {
            touch(&lib)?;
            let usage = measure(cargo(&[
                "build",
                "--release",
                "--quiet",
                "--package",
                &shape.krate(),
            ]))?;
            best = Some(best.map_or(usage, |best| Usage {
                wall: best.wall.min(usage.wall),
                peak_bytes: best.peak_bytes.max(usage.peak_bytes),
            }));
        }
        compiled.push((shape, best.expect("at least one run")));
    }

    let lookups = if options.no_lookups {
        Vec::new()
    } else {
        eprintln!("bench-gen: lookup benchmark (criterion)");
        let mut bench = cargo(&[
            "bench",
            "--quiet",
            "--package",
            "lookups",
            "--bench",
            "lookups",
            "--",
            "--warm-up-time",
            "1",
            "--measurement-time",
            "3",
            "--sample-size",
            "20",
            "--noplot",
        ]);
        // The figures are read from criterion's files; its report is shown
        // only if it fails.
        let output = bench.output().map_err(|e| format!("cargo bench: {e}"))?;
        if !output.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&output.stderr));
            return Err(format!("cargo bench failed: {}", output.status));
        }
        let criterion = dir.join("target/criterion");
        shapes
            .iter()
            .map(|&shape| {
                let per = |group: &str| {
                    estimate(&criterion.join(group).join(shape.name()))
                        .map(|ns| ns / records.len() as f64)
                };
                (shape, per("from_code"), per("from_name"))
            })
            .collect()
    };

    println!("generated code (release)  compile   peak rustc   from_code   from_name");
    for (shape, usage) in &compiled {
        let (code, name) = lookups
            .iter()
            .find(|(s, _, _)| s == shape)
            .map_or((None, None), |&(_, code, name)| (code, name));
        println!(
            "  {:<22}  {:>7}   {:>10}   {:>9}   {:>9}",
            shape.name(),
            duration(usage.wall),
            megabytes(usage.peak_bytes),
            nanoseconds(code),
            nanoseconds(name),
        );
    }
    Ok(())
}

/// `cargo xtask check` in release against pulldown-cmark alone, each a
/// process of its own so its peak memory is its own.
fn front_end(root: &Path, catalogue: &Path, one: &Path, size: usize) -> Result<(), String> {
    eprintln!("bench-gen: building xtask in release");
    let mut build = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    build
        .args(["build", "--release", "--quiet", "--package", "xtask"])
        .current_dir(root);
    status(build)?;
    let xtask = root.join("target/release/xtask");
    let run_on = |args: &[&str], file: &Path| {
        let mut command = Command::new(&xtask);
        command.args(args).arg(file);
        measure(command)
    };
    let run = |args: &[&str]| run_on(args, catalogue);
    let start = run_on(&["check"], one)?;
    // The fastest of a few runs, taken in turns, so one cold or disturbed
    // run does not decide the ratio; memory is the largest peak seen.
    let (mut alone, mut check) = (run(&["pulldown"])?, run(&["check"])?);
    for _ in 1..FRONT_END_RUNS {
        alone = alone.best_with(run(&["pulldown"])?);
        check = check.best_with(run(&["check"])?);
    }
    println!("front end (release)        time   peak memory");
    for (label, usage) in [
        ("pulldown-cmark alone", alone),
        ("cargo xtask check", check),
    ] {
        println!(
            "  {label:<22} {:>8}   {:>10}",
            duration(usage.wall),
            megabytes(usage.peak_bytes)
        );
    }
    println!(
        "  {:<22} {:>8}   {:>10}",
        "check, one record",
        duration(start.wall),
        megabytes(start.peak_bytes)
    );
    // The budget is on what the records take, not the binary's own start.
    let memory = check
        .peak_bytes
        .zip(start.peak_bytes)
        .map_or(String::new(), |(b, s)| {
            format!(
                ", {:.1}× the file's size in memory beyond the one-record run",
                b.saturating_sub(s) as f64 / size as f64
            )
        });
    println!(
        "  check: {:.1}× the time of pulldown-cmark alone{memory}",
        check.wall.as_secs_f64() / alone.wall.as_secs_f64()
    );
    println!();
    Ok(())
}

/// Reads every event of a file with pulldown-cmark, as errcat's reader
/// asks for them: the baseline `bench-gen` compares `check` with.
pub fn pulldown(path: &Path) -> Result<(), String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let options = pulldown_cmark::Options::ENABLE_TABLES;
    let events = pulldown_cmark::Parser::new_ext(&text, options)
        .into_offset_iter()
        .count();
    println!("{events} events");
    Ok(())
}

/// The catalogue's records in code order, as errcat-build reads them.
fn records_of(text: &str) -> Result<Vec<Entry>, String> {
    let mut project = Project::new();
    project.add_file("catalogs/generated.md", text.as_bytes().to_vec());
    let analysis = project.analyze();
    if analysis.has_errors() {
        return Err(format!(
            "the generated catalogue has errors:\n{}",
            analysis.render(false)
        ));
    }
    let mut catalog = analysis
        .model
        .catalogs
        .into_iter()
        .next()
        .ok_or("the generated catalogue has no records")?;
    let code_type = catalog.code_type;
    catalog
        .entries
        .sort_by(|a, b| a.code_key(code_type).cmp(&b.code_key(code_type)));
    Ok(catalog.entries)
}

fn write_workspace(
    root: &Path,
    dir: &Path,
    text: &str,
    records: &[Entry],
    shapes: &[Shape],
) -> Result<(), String> {
    let write = |path: &str, content: &str| -> Result<(), String> {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        // Unchanged files keep their time, so cargo does not rebuild them.
        errcat_build::builder::write_if_changed(&path, content)
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let members: Vec<String> = shapes
        .iter()
        .map(|s| format!("{:?}", s.krate()))
        .chain([format!("{:?}", "lookups")])
        .collect();
    write(
        "Cargo.toml",
        &format!(
            "[workspace]\nmembers = [{}]\nresolver = \"3\"\n\n[profile.release]\ndebug = false\n",
            members.join(", ")
        ),
    )?;
    if !dir.join("Cargo.lock").exists() {
        // The versions errcat is tested with.
        fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))
            .map_err(|e| format!("Cargo.lock: {e}"))?;
    }
    let package = |name: &str| {
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n"
        )
    };
    let errcat = root.join("errcat").display().to_string();
    let errcat_build = root.join("errcat-build").display().to_string();
    write(
        "errcat-shape/Cargo.toml",
        &format!(
            "{}\n[dependencies]\nerrcat = {{ path = {errcat:?} }}\n\n[build-dependencies]\nerrcat-build = {{ path = {errcat_build:?} }}\n",
            package("errcat-shape")
        ),
    )?;
    write(
        "errcat-shape/build.rs",
        "// Times errcat-build itself, for bench-gen to report.\nfn main() {\n    let start = std::time::Instant::now();\n    errcat_build::Builder::new(\"catalogs\").compile_or_exit();\n    let out = std::path::PathBuf::from(std::env::var_os(\"OUT_DIR\").unwrap());\n    std::fs::write(out.join(\"build-nanos\"), start.elapsed().as_nanos().to_string()).unwrap();\n}\n",
    )?;
    write(
        "errcat-shape/src/lib.rs",
        "include!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n",
    )?;
    write("errcat-shape/catalogs/generated.md", text)?;
    for &shape in shapes.iter().filter(|&&s| s != Shape::Errcat) {
        write(
            &format!("{}/Cargo.toml", shape.krate()),
            &package(&shape.krate()),
        )?;
        write(
            &format!("{}/src/lib.rs", shape.krate()),
            &reference_shape(shape, records),
        )?;
    }
    let dependencies: String = shapes
        .iter()
        .map(|s| format!("{0} = {{ path = \"../{0}\" }}\n", s.krate()))
        .collect();
    let criterion = cargo_lock_version(root, "criterion").unwrap_or_else(|| "0.8".to_string());
    write(
        "lookups/Cargo.toml",
        &format!(
            "{}\n[dependencies]\n{dependencies}\n[dev-dependencies]\ncriterion = {{ version = \"={criterion}\", default-features = false, features = [\"cargo_bench_support\"] }}\n\n[[bench]]\nname = \"lookups\"\nharness = false\n",
            package("lookups")
        ),
    )?;
    write("lookups/src/lib.rs", "")?;
    write("lookups/benches/lookups.rs", &lookup_bench(shapes))?;
    Ok(())
}

/// The criterion benchmark: every shape looks up every code (and name),
/// in one shuffled order, in one group per lookup.
fn lookup_bench(shapes: &[Shape]) -> String {
    let mut out = String::from(
        "use std::hint::black_box;\n\nuse criterion::{Criterion, Throughput, criterion_group, criterion_main};\n\n",
    );
    let errcat = Shape::Errcat.path();
    let _ = write!(
        out,
        "fn keys() -> (Vec<u32>, Vec<&'static str>) {{
    let all = {errcat}::all();
    let mut order: Vec<usize> = (0..all.len()).collect();
    // The same shuffle for every shape (xorshift).
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for i in (1..order.len()).rev() {{
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }}
    (
        order.iter().map(|&i| all[i].code()).collect(),
        order.iter().map(|&i| all[i].name()).collect(),
    )
}}

fn lookups(c: &mut Criterion) {{
    let (codes, names) = keys();
    let mut group = c.benchmark_group(\"from_code\");
    group.throughput(Throughput::Elements(codes.len() as u64));
"
    );
    for shape in shapes {
        let _ = writeln!(
            out,
            "    group.bench_function({:?}, |b| b.iter(|| for &code in &codes {{ black_box({}::from_code(black_box(code))); }}));",
            shape.name(),
            shape.path()
        );
    }
    out.push_str("    group.finish();\n    let mut group = c.benchmark_group(\"from_name\");\n    group.throughput(Throughput::Elements(names.len() as u64));\n");
    for shape in shapes {
        let _ = writeln!(
            out,
            "    group.bench_function({:?}, |b| b.iter(|| for &name in &names {{ black_box({}::from_name(black_box(name))); }}));",
            shape.name(),
            shape.path()
        );
    }
    out.push_str("    group.finish();\n}\n\ncriterion_group!(benches, lookups);\ncriterion_main!(benches);\n");
    out
}

/// A reference shape's `lib.rs`: `Code` with `code`, `name`, `message`,
/// `http_status`, `from_code` and `from_name`.
fn reference_shape(shape: Shape, records: &[Entry]) -> String {
    let count = records.len();
    let variants: Vec<String> = records
        .iter()
        .map(|e| naming::variant(e).unwrap_or_else(|_| "Invalid".into()))
        .collect();
    let names: Vec<String> = records.iter().map(naming::identifier).collect();
    let codes: Vec<i64> = records
        .iter()
        .map(|e| e.code_value().unwrap_or_default())
        .collect();
    let messages: Vec<&str> = records
        .iter()
        .map(|e| e.message_text().unwrap_or(""))
        .collect();
    let statuses: Vec<u16> = records
        .iter()
        .map(|e| e.status_value().map_or(500, |s| s as u16))
        .collect();
    let mut by_name: Vec<usize> = (0..count).collect();
    by_name.sort_by(|&a, &b| names[a].cmp(&names[b]));
    let list = |items: &mut dyn Iterator<Item = String>| items.collect::<Vec<_>>().join(", ");
    let mut out = String::new();
    if shape == Shape::Match {
        out.push_str(
            "#[derive(Clone, Copy, PartialEq, Eq, Hash)]\n#[repr(u32)]\npub enum Code {\n",
        );
        for (variant, code) in variants.iter().zip(&codes) {
            let _ = writeln!(out, "    {variant} = {code},");
        }
        out.push_str(
            "}\n\nimpl Code {\n    pub fn code(self) -> u32 {\n        self as u32\n    }\n",
        );
        let accessor = |out: &mut String, signature: &str, value: &dyn Fn(usize) -> String| {
            let _ = writeln!(out, "    {signature} {{\n        match self {{");
            for (i, variant) in variants.iter().enumerate() {
                let _ = writeln!(out, "            Code::{variant} => {},", value(i));
            }
            out.push_str("        }\n    }\n");
        };
        accessor(&mut out, "pub fn name(self) -> &'static str", &|i| {
            format!("{:?}", names[i])
        });
        accessor(&mut out, "pub fn message(self) -> &'static str", &|i| {
            format!("{:?}", messages[i])
        });
        accessor(&mut out, "pub fn http_status(self) -> u16", &|i| {
            statuses[i].to_string()
        });
        out.push_str("    pub fn from_code(code: u32) -> Option<Code> {\n        match code {\n");
        for (variant, code) in variants.iter().zip(&codes) {
            let _ = writeln!(out, "            {code} => Some(Code::{variant}),");
        }
        out.push_str("            _ => None,\n        }\n    }\n    pub fn from_name(name: &str) -> Option<Code> {\n        match name {\n");
        for (variant, name) in variants.iter().zip(&names) {
            let _ = writeln!(out, "            {name:?} => Some(Code::{variant}),");
        }
        out.push_str("            _ => None,\n        }\n    }\n}\n");
        return out;
    }
    out.push_str("#[derive(Clone, Copy, PartialEq, Eq, Hash)]\n#[repr(u32)]\npub enum Code {\n");
    for variant in &variants {
        let _ = writeln!(out, "    {variant},");
    }
    let _ = write!(
        out,
        "}}\n\nconst COUNT: usize = {count};\nstatic CODES: [u32; COUNT] = [{}];\nstatic NAMES: [&str; COUNT] = [{}];\nstatic MESSAGES: [&str; COUNT] = [{}];\nstatic HTTP_STATUSES: [u16; COUNT] = [{}];\n",
        list(&mut codes.iter().map(i64::to_string)),
        list(&mut names.iter().map(|n| format!("{n:?}"))),
        list(&mut messages.iter().map(|m| format!("{m:?}"))),
        list(&mut statuses.iter().map(u16::to_string)),
    );
    if shape != Shape::Hashmap {
        let _ = writeln!(
            out,
            "static BY_NAME: [u32; COUNT] = [{}];",
            list(&mut by_name.iter().map(usize::to_string))
        );
    }
    out.push('\n');
    let from_index = match shape {
        Shape::Array => {
            let _ = writeln!(
                out,
                "static VARIANTS: [Code; COUNT] = [{}];\n",
                list(&mut variants.iter().map(|v| format!("Code::{v}")))
            );
            "{\n        VARIANTS[index]\n    }"
        }
        _ => {
            "{\n        assert!(index < COUNT);\n        // SAFETY: the discriminants are 0..COUNT.\n        unsafe { core::mem::transmute::<u32, Code>(index as u32) }\n    }"
        }
    };
    let (from_code, from_name) = match shape {
        Shape::Hashmap => (
            "static MAP: std::sync::LazyLock<std::collections::HashMap<u32, Code>> =\n            std::sync::LazyLock::new(|| CODES.iter().enumerate().map(|(i, &c)| (c, Code::from_index(i))).collect());\n        MAP.get(&code).copied()",
            "static MAP: std::sync::LazyLock<std::collections::HashMap<&'static str, Code>> =\n            std::sync::LazyLock::new(|| NAMES.iter().enumerate().map(|(i, &n)| (n, Code::from_index(i))).collect());\n        MAP.get(name).copied()",
        ),
        _ => (
            "CODES.binary_search(&code).ok().map(Code::from_index)",
            "BY_NAME\n            .binary_search_by(|&i| NAMES[i as usize].cmp(name))\n            .ok()\n            .map(|p| Code::from_index(BY_NAME[p] as usize))",
        ),
    };
    let _ = write!(
        out,
        "impl Code {{
    fn from_index(index: usize) -> Code {from_index}
    pub fn code(self) -> u32 {{
        CODES[self as usize]
    }}
    pub fn name(self) -> &'static str {{
        NAMES[self as usize]
    }}
    pub fn message(self) -> &'static str {{
        MESSAGES[self as usize]
    }}
    pub fn http_status(self) -> u16 {{
        HTTP_STATUSES[self as usize]
    }}
    pub fn from_code(code: u32) -> Option<Code> {{
        {from_code}
    }}
    pub fn from_name(name: &str) -> Option<Code> {{
        {from_name}
    }}
}}
"
    );
    out
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

fn cargo_lock_version(root: &Path, package: &str) -> Option<String> {
    let lock = fs::read_to_string(root.join("Cargo.lock")).ok()?;
    let at = lock.find(&format!("name = \"{package}\"\nversion = \""))?;
    let rest = &lock[at..];
    let start = rest.find("version = \"")? + "version = \"".len();
    let end = rest[start..].find('"')?;
    Some(rest[start..start + end].to_string())
}

/// The build script's own timing of errcat-build, from its latest run.
fn build_script_time(build: &Path) -> Result<Duration, String> {
    let mut newest: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in fs::read_dir(build).map_err(|e| format!("{}: {e}", build.display()))? {
        let path = entry
            .map_err(|e| e.to_string())?
            .path()
            .join("out/build-nanos");
        if let Ok(modified) = fs::metadata(&path).and_then(|m| m.modified())
            && newest.as_ref().is_none_or(|(time, _)| modified > *time)
        {
            newest = Some((modified, path));
        }
    }
    let (_, path) = newest.ok_or("the build script left no timing")?;
    let nanos: u64 = fs::read_to_string(&path)
        .map_err(|e| e.to_string())?
        .trim()
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Duration::from_nanos(nanos))
}

/// The mean time per iteration criterion estimated, in nanoseconds.
fn estimate(benchmark: &Path) -> Option<f64> {
    let json = fs::read_to_string(benchmark.join("new/estimates.json")).ok()?;
    let value: serde_json::Value = serde_json::from_str(&json).ok()?;
    value["mean"]["point_estimate"].as_f64()
}

fn touch(path: &Path) -> Result<(), String> {
    let file = fs::File::options()
        .append(true)
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    file.set_modified(std::time::SystemTime::now())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn status(mut command: Command) -> Result<(), String> {
    let status = command.status().map_err(|e| format!("{command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed: {status}"))
    }
}

/// Runs a command to its end: wall time, and the peak resident memory of
/// it and every descendant it waited for (rustc under cargo). It runs under
/// a fresh `xtask measure`: a process started from this one would count
/// this one's own peak as its own (Linux records the peak of the memory a
/// process leaves at `exec`), and this one holds the whole catalogue.
fn measure(command: Command) -> Result<Usage, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find xtask itself: {e}"))?;
    let mut helper = Command::new(exe);
    helper
        .arg("measure")
        .arg("--")
        .arg(command.get_program())
        .args(command.get_args())
        .stderr(std::process::Stdio::inherit());
    if let Some(dir) = command.get_current_dir() {
        helper.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => helper.env(key, value),
            None => helper.env_remove(key),
        };
    }
    let output = helper.output().map_err(|e| format!("{helper:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!("{command:?} failed"));
    }
    let report = String::from_utf8_lossy(&output.stdout);
    let mut fields = report.split_whitespace().map(str::parse::<u64>);
    match (fields.next(), fields.next()) {
        (Some(Ok(nanos)), Some(Ok(peak))) => Ok(Usage {
            wall: Duration::from_nanos(nanos),
            peak_bytes: (peak > 0).then_some(peak),
        }),
        _ => Err(format!("xtask measure reported {report:?}")),
    }
}

/// `xtask measure -- program args…`: runs the program (its output to
/// stderr) and prints its wall time in nanoseconds and peak memory in
/// bytes (0 where unknown); fails if it fails.
pub fn measure_child(command: &[String]) -> Result<std::process::ExitCode, String> {
    let (program, args) = command.split_first().ok_or("measure: no command given")?;
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("{program}: {e}"))?;
    let (success, peak_bytes) = wait_with_peak(child)?;
    println!("{} {}", start.elapsed().as_nanos(), peak_bytes.unwrap_or(0));
    Ok(if success {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    })
}

#[cfg(unix)]
fn wait_with_peak(child: std::process::Child) -> Result<(bool, Option<u64>), String> {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value to be overwritten.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for (`child` is dropped
    // unwaited, which neither kills nor reaps it); the pointers are valid.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if waited != pid {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    let success = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux reports kilobytes, macOS bytes.
    let unit = if cfg!(target_os = "macos") { 1 } else { 1024 };
    Ok((success, Some(usage.ru_maxrss as u64 * unit)))
}

#[cfg(not(unix))]
fn wait_with_peak(mut child: std::process::Child) -> Result<(bool, Option<u64>), String> {
    let status = child.wait().map_err(|e| e.to_string())?;
    Ok((status.success(), None))
}

fn duration(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

fn megabytes(bytes: Option<u64>) -> String {
    bytes.map_or("-".to_string(), |b| format!("{} MB", b / 1_000_000))
}

fn nanoseconds(ns: Option<f64>) -> String {
    ns.map_or("-".to_string(), |ns| format!("{ns:.1} ns"))
}
