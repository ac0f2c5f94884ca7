//! Crates that compile catalogues in their build.rs, as a service team's
//! would, built with cargo: an appended record appears, a taken code fails
//! the build with both places, and hostile text comes out byte for byte.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const RECORD_FRESH: &str =
    "\n---\n- HttpCode: 500\n- ErrorCode: 50000007\n- 中文名称: 镜像仓库不可用\n";
const RECORD_TAKEN: &str =
    "\n---\n- HttpCode: 500\n- ErrorCode: 50000001\n- 中文名称: 重复的错误码\n";

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A throwaway crate depending on errcat and errcat-build by path.
struct ServiceCrate {
    dir: tempfile::TempDir,
}

impl ServiceCrate {
    /// `name` must differ between tests: cargo derives a root package's
    /// build directory from its name, not its path, so two crates of one
    /// name in the shared target directory would overwrite each other.
    fn new(name: &str, catalogs: &[(&str, &Path)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = workspace();
        let manifest = format!(
            "[package]\nname = {name:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nerrcat = {{ path = {runtime:?} }}\n\n\
             [build-dependencies]\nerrcat-build = {{ path = {build:?} }}\n\n[workspace]\n",
            runtime = root.join("errcat").display().to_string(),
            build = root.join("errcat-build").display().to_string(),
        );
        fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
        fs::copy(root.join("Cargo.lock"), dir.path().join("Cargo.lock")).unwrap();
        fs::write(
            dir.path().join("build.rs"),
            "fn main() {\n    errcat_build::Builder::new(\"catalogs\").compile_or_exit();\n}\n",
        )
        .unwrap();
        fs::create_dir_all(dir.path().join("src")).unwrap();
        fs::create_dir_all(dir.path().join("catalogs")).unwrap();
        for (name, source) in catalogs {
            fs::copy(source, dir.path().join("catalogs").join(name)).unwrap();
        }
        ServiceCrate { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, path: &str, text: &str) {
        fs::write(self.path().join(path), text).unwrap();
    }

    fn cargo(&self, args: &[&str]) -> Output {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let verbose = args.contains(&"-v");
        Command::new(cargo)
            .args(args)
            .arg("--offline")
            .args((!verbose).then_some("--quiet"))
            .current_dir(self.path())
            // Shared across runs so only the first one compiles the dependencies.
            .env("CARGO_TARGET_DIR", workspace().join("target/e2e"))
            .env("CARGO_TERM_COLOR", "never")
            .output()
            .expect("cargo runs")
    }
}

fn append(path: &Path, text: &str) -> u32 {
    let mut content = fs::read_to_string(path).unwrap();
    content.push_str(text);
    fs::write(path, &content).unwrap();
    // The line of the appended `ErrorCode`.
    content.lines().count() as u32 - 1
}

#[test]
fn cargo_build_follows_catalogue_edits() {
    let service = ServiceCrate::new(
        "follows_edits",
        &[("console.md", &workspace().join("catalogs/console.md"))],
    );
    let catalogue = service.path().join("catalogs/console.md");

    // The new record becomes a variant the service can name.
    append(&catalogue, RECORD_FRESH);
    service.write(
        "src/lib.rs",
        "include!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n\n\
         pub fn newest() -> console::Code {\n    console::Code::E50000007\n}\n",
    );
    let output = service.cargo(&["build"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // A taken code fails the build, naming both places.
    let line = append(&catalogue, RECORD_TAKEN);
    let output = service.cargo(&["build"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "catalogs/console.md:{line}:14: error[duplicate-code]: code 50000001 is defined twice in catalogue `console`"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: first defined here: catalogs/console.md:312:14"),
        "{stderr}"
    );
    // As errors of the build, not inside cargo's wrapper of a failed build
    // script; the warnings are shown too.
    assert!(
        stderr.contains(
            "error: follows_edits@0.0.0: the catalogues have 1 error; nothing was generated"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: follows_edits@0.0.0: catalogs/console.md:424:9: warning[duplicate-message]"
        ),
        "{stderr}"
    );
    assert!(
        !stderr.contains("failed to run custom build command"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn only_catalogue_edits_rerun_the_build_script_and_only_changes_rewrite_its_output() {
    let service = ServiceCrate::new(
        "rebuilds_on_change",
        &[("console.md", &workspace().join("catalogs/console.md"))],
    );
    let lib = "include!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n";
    service.write("src/lib.rs", lib);
    let output = service.cargo(&["build", "--message-format=json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let messages = String::from_utf8_lossy(&output.stdout);
    let out_dir = messages
        .lines()
        .find(|l| l.contains("\"build-script-executed\"") && l.contains("/rebuilds_on_change-"))
        .and_then(|l| l.split("\"out_dir\":\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("cargo reports the build script's OUT_DIR");
    let generated = Path::new(out_dir).join("errcat.rs");
    let written = fs::metadata(&generated).unwrap().modified().unwrap();
    // `cargo -v` prints "Running `…/rebuilds_on_change-<hash>/build-script-build`".
    let runs_build_script = |output: &Output| {
        String::from_utf8_lossy(&output.stderr).lines().any(|l| {
            l.contains("Running")
                && l.contains("/rebuilds_on_change-")
                && l.contains("build-script-build`")
        })
    };

    // An edit elsewhere in the crate: the build script does not run.
    service.write("src/lib.rs", &format!("{lib}// an unrelated edit\n"));
    let output = service.cargo(&["build", "-v"]);
    assert!(output.status.success());
    assert!(
        !runs_build_script(&output),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // The catalogue saved again unchanged: the build script runs, and the
    // generated file, having the same content, is left alone.
    let catalogue = service.path().join("catalogs/console.md");
    let file = fs::File::options().append(true).open(&catalogue).unwrap();
    file.set_modified(std::time::SystemTime::now()).unwrap();
    let output = service.cargo(&["build", "-v"]);
    assert!(output.status.success());
    assert!(
        runs_build_script(&output),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        fs::metadata(&generated).unwrap().modified().unwrap(),
        written
    );
}

/// The messages of tests/fixtures/hostile/hostile.md, as its rendered page
/// shows them: markup that renders (`**bold**`, links, code spans, HTML
/// formatting tags) rendered away, every other character as written.
const HOSTILE: &[(&str, &str)] = &[
    (
        "type",
        "\"quoted\" and \\backslash and \\n stays two characters",
    ),
    (
        "r#match",
        "*/ closes a comment /* opens one \"# ends a raw string",
    ),
    (
        "user.name-taken",
        "#[doc = \"attr\"] } brace { fn main() {}",
    ),
    ("E40000004", "alert(1) & bold"),
    ("E40000005", "not bold _not em_ not a link not code"),
    (
        "E40000006",
        "zero\u{200b}width and rtl \u{202e}override\u{202c} end",
    ),
];

#[test]
fn hostile_text_compiles_to_its_exact_bytes_and_plain_docs() {
    let service = ServiceCrate::new(
        "hostile_text",
        &[(
            "hostile.md",
            &workspace().join("tests/fixtures/hostile/hostile.md"),
        )],
    );
    service.write(
        "src/main.rs",
        "include!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n\n\
         fn main() {\n    for code in hostile::Code::all() {\n        println!(\"{:?} {:?} {:?}\", code, code.name(), code.message());\n    }\n}\n",
    );
    let output = service.cargo(&["run"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected: Vec<String> = HOSTILE
        .iter()
        .map(|(name, message)| {
            let variant = match *name {
                "type" => "Type",
                "r#match" => "RMatch",
                "user.name-taken" => "UserNameTaken",
                other => other,
            };
            format!("{variant} {name:?} {message:?}")
        })
        .collect();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);

    // rustdoc shows each message as text: no live markup, no script, no
    // reordering control character.
    let output = service.cargo(&["doc", "--no-deps"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page = workspace().join("target/e2e/doc/hostile_text/hostile/struct.Code.html");
    let html = fs::read_to_string(page).unwrap();
    for escaped in [
        "alert(1) &amp; bold",
        "not bold _not em_ not a link not code",
        "*/ closes a comment /* opens one",
        "rtl &lt;U+202E&gt;override&lt;U+202C&gt; end",
    ] {
        assert!(html.contains(escaped), "the docs show {escaped:?}");
    }
    assert!(
        !html.contains("<script>alert"),
        "no script gets into the docs"
    );
    assert!(
        !html.contains("<strong>not bold"),
        "markdown in a message is not rendered"
    );
    assert!(
        !html.contains('\u{202e}'),
        "no direction override reaches the page"
    );
}

#[test]
fn symbolic_negative_and_ranged_catalogues_compile_and_answer() {
    let root = workspace();
    let service = ServiceCrate::new(
        "symbolic_and_ranged",
        &[
            (
                "gateway.md",
                &root.join("tests/fixtures/symbolic/gateway.md"),
            ),
            (
                "ymvideo.md",
                &root.join("tests/corpus/06_ymvideosdk-errcode-table.md"),
            ),
            (
                "music.md",
                &root.join("tests/corpus/26_music_back-errcode-spec-ranges.md"),
            ),
            (
                "winter.md",
                &root.join("tests/corpus/07_winter_item-errcode.md"),
            ),
        ],
    );
    service.write(
        "src/main.rs",
        r#"include!(concat!(env!("OUT_DIR"), "/errcat.rs"));

use errcat::ErrorCode;

fn main() {
    let code = gateway::Code::from_code("USER_40301").unwrap();
    println!("{code:?} {} {} {} {}", code.code(), code.name(), code.http_status(), ErrorCode::code(&code));
    println!("{:?}", gateway::Code::from_code("ERR_MISSING"));
    let found = CATALOGS.iter().find(|c| c.name() == "gateway").unwrap().find("ERR_NOT_FOUND").unwrap();
    println!("{} {}", found.code(), found.message());

    let code = ymvideo::Code::from_code(-2).unwrap();
    println!("{code:?} {} {} {}", code.code(), code.message(), ymvideo::Code::all()[0].code());

    let code = music::Code::from_code(4100).unwrap();
    let category = code.category().unwrap();
    println!("{code:?} {} {category:?} {} {:?}", code.http_status(), category.name(), category.range());
    println!("{:?}", music::Category::of_code(4011).map(|c| c.name()));

    let code = winter::Code::from_code(5).unwrap();
    println!("{} | {:?} | {:?} | {:?}", code.message(), code.message_in("en"), code.message_in("fr"), winter::LOCALES);
    println!("{:?} | {:?} | {}", code.message_in("zh-CN"), code.message_in("EN-us"), errcat::ErrorCode::message_for(&code, "fr, en;q=0.5"));
}
"#,
    );
    let output = service.cargo(&["run"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "\
User40301 USER_40301 USER_40301 403 USER_40301
None
ERR_NOT_FOUND 资源不存在
YoumeErrorInvalidParam -2 传入参数错误 -1000
CardNotFound 404 Range4100To4199 贺卡相关错误 4100..=4199
Some(\"社区/内容相关错误\")
请求来自未经授权的IP地址 | Some(\"Unauthorized client IP address:%s\") | None | [\"zh\", \"en\"]
Some(\"请求来自未经授权的IP地址\") | Some(\"Unauthorized client IP address:%s\") | Unauthorized client IP address:%s
"
    );
}

#[test]
fn message_arguments_are_checked_while_the_service_compiles() {
    let service = ServiceCrate::new(
        "message_arguments",
        &[(
            "accounts.md",
            &workspace().join("tests/fixtures/params/accounts.md"),
        )],
    );
    service.write(
        "src/main.rs",
        r#"include!(concat!(env!("OUT_DIR"), "/errcat.rs"));

use accounts::Code;

fn main() {
    let too_long = errcat::error!(Code::NameTooLong, 最大长度 = 20);
    println!("{too_long}");
    println!("{}", errcat::error!(Code::MissingField, 信息 = "邮箱"));
    println!("{}", errcat::error!(Code::UserNotFound, "alice"));
    println!("{}", errcat::error!(Code::MoveRefused, "a.txt", "/b"));
    println!("{}", errcat::error!(Code::Unavailable));
    let params = Code::NameTooLong.params();
    println!("{:?} {}", params.named(), params.positional());
    // At run time: what is not given shows as `…`, never as `%s`.
    println!("{}", errcat::Error::new(Code::MoveRefused).with_arg("a.txt"));
}
"#,
    );
    let output = service.cargo(&["run"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "\
名称不能超过20个字符
邮箱缺失
用户alice不存在
文件 a.txt 无法移动到 /b
服务暂不可用，完成度 100%
[\"最大长度\"] 0
文件 a.txt 无法移动到 …
"
    );

    // Each mistake fails the build at its call.
    for (call, why) in [
        (
            "errcat::error!(Code::NameTooLong)",
            "the message has a named placeholder no argument fills",
        ),
        (
            "errcat::error!(Code::NameTooLong, 最大长 = 20)",
            "the message has a named placeholder no argument fills",
        ),
        (
            "errcat::error!(Code::NameTooLong, 最大长度 = 20, extra = 1)",
            "an argument names no placeholder of the message",
        ),
        (
            "errcat::error!(Code::UserNotFound)",
            "the message takes another number of positional arguments",
        ),
        (
            "errcat::error!(Code::Unavailable, \"x\")",
            "the message takes another number of positional arguments",
        ),
    ] {
        service.write(
            "src/main.rs",
            &format!(
                "include!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n\nuse accounts::Code;\n\nfn main() {{\n    let _ = {call};\n}}\n"
            ),
        );
        let output = service.cargo(&["build"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{call} built");
        assert!(stderr.contains(why), "{call}: {stderr}");
        assert!(stderr.contains("src/main.rs:6:"), "{call}: {stderr}");
    }
}
