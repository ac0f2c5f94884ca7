//! The generated API on the seed catalogues.

use errcat_catalogs::{UnknownCode, UnknownName, account, console, console_2};

#[test]
fn from_code_gives_the_variant_with_its_status_and_exact_message() {
    let code = console::Code::from_code(40400004).expect("40400004 is a console code");
    assert_eq!(code, console::Code::E40400004);
    assert_eq!(code.code(), 40400004);
    assert_eq!(code.http_status(), 404);
    assert_eq!(code.message(), "project项目id不存在");
    assert_eq!(code.name(), "E40400004");
    assert_eq!(code.source_line(), 227);
    assert_eq!(console::CATALOG.source(), "catalogs/console.md");
    assert_eq!(console::CATALOG.name(), "console");
}

#[test]
fn each_part_of_a_file_is_its_own_catalogue() {
    assert_eq!(console::Code::all().len(), 47);
    assert_eq!(console_2::Code::all().len(), 48);
    assert_eq!(account::Code::all().len(), 8);
    assert_eq!(errcat_catalogs::account_2::Code::all().len(), 48);
    // The fenced second edition has its own message for the same code.
    assert_eq!(console::Code::E40000001.message(), "注册用户名已存在");
    assert_eq!(
        console_2::Code::E40000001.message(),
        "您发送的请求参数或格式不符合要求，请您确认相关请求接口的规范"
    );
    // Messages are trimmed of the spaces around them, nothing else.
    assert_eq!(
        console::Code::E50000001.message(),
        "服务器发生未知错，请联系管理员处理"
    );
}

#[test]
fn all_is_sorted_and_round_trips_through_every_lookup() {
    let all = console::Code::all();
    assert!(all.windows(2).all(|w| w[0].code() < w[1].code()));
    for &code in all {
        assert_eq!(console::Code::from_code(code.code()), Some(code));
        assert_eq!(console::Code::from_name(code.name()), Some(code));
        assert_eq!(code.name().parse::<console::Code>(), Ok(code));
        assert_eq!(console::Code::try_from(code.code()), Ok(code));
        assert_eq!(u32::from(code), code.code());
        assert_eq!(code.http_status() as u32, code.code() / 100_000);
    }
}

#[test]
fn unknown_codes_and_names_are_errors_that_name_them() {
    assert_eq!(console::Code::from_code(40000005), None);
    assert_eq!(
        console::Code::try_from(40000005),
        Err(UnknownCode::new("console", 40000005))
    );
    assert_eq!(
        console::Code::try_from(40000005).unwrap_err().to_string(),
        "code 40000005 is not in catalogue `console`"
    );
    let err = "E1".parse::<console::Code>().unwrap_err();
    assert_eq!(err, UnknownName::new("console", "E1"));
    assert_eq!(err.to_string(), "`E1` is not a name in catalogue `console`");
}

#[test]
fn display_debug_and_error() {
    let code = console::Code::E41200001;
    assert_eq!(code.to_string(), "缺少gitlab access token");
    assert_eq!(
        format!("{code:#}"),
        "41200001 E41200001: 缺少gitlab access token"
    );
    assert_eq!(format!("{code:?}"), "E41200001");
    let boxed: Box<dyn std::error::Error> = Box::new(code);
    assert_eq!(boxed.to_string(), "缺少gitlab access token");
}

#[test]
fn constants_keep_their_name_and_become_upper_camel_variants() {
    use errcat_catalogs::api_switch::Code;
    let code = Code::from_code(10001).unwrap();
    assert_eq!(code, Code::IllegalParameter);
    assert_eq!(code.name(), "ILLEGAL_PARAMETER");
    assert_eq!(code.message(), "参数不合法");
    assert_eq!(Code::from_name("ILLEGAL_PARAMETER"), Some(code));
    assert_eq!(
        Code::from_name("IllegalParameter"),
        None,
        "names are looked up as written"
    );
    assert_eq!(format!("{code:?}"), "IllegalParameter");
    // A constant without a comment has no message; Display falls back to the name.
    assert_eq!(Code::VolumeNotFound.message(), "");
    assert_eq!(Code::VolumeNotFound.to_string(), "VOLUME_NOT_FOUND");
    // The listed-late 10220 still sorts into place.
    let all: Vec<u32> = Code::all().iter().map(|c| c.code()).collect();
    assert!(all.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(Code::SubmittingInProgress.code(), 10220);
    assert_eq!(
        Code::SubmittingInProgress.http_status(),
        errcat_catalogs::api_switch::CATALOG.default_http_status()
    );
    assert_eq!(
        errcat_catalogs::api_switch::CATALOG.default_http_status(),
        500
    );
}

#[test]
fn table_codes_have_their_category() {
    use errcat_catalogs::k8s_api::{Category, Code};
    let code = Code::from_code(2001).unwrap();
    assert_eq!(code, Code::GetPodError);
    assert_eq!(code.category(), Some(Category::PodError));
    assert_eq!(code.message(), "获取 Pod 失败");
    let pod = Category::PodError;
    assert_eq!(pod.name(), "PodError");
    assert_eq!(pod.description(), "Pod 相关错误");
    assert_eq!(pod.range(), 2000..=2999);
    assert_eq!(format!("{pod:?}"), "PodError");
    assert_eq!(Category::of_code(9002), Some(Category::OtherError));
    assert_eq!(Category::of_code(6001), None, "6xxx is reserved");
    assert_eq!(Category::of_code(999), None);
    assert_eq!(Category::RESERVED, [6000..=6999, 7000..=7999, 8000..=8999]);
    let names: Vec<&str> = Category::all().iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        [
            "BaseError",
            "PodError",
            "DeploymentError",
            "ServiceError",
            "TerminalError",
            "OtherError"
        ]
    );
    for &code in Code::all() {
        let category = code.category().expect("every code is in a category");
        assert!(category.range().contains(&code.code()));
    }
}

/// `all()` lists every code once, in ascending order (which is also the
/// order `Ord` gives), and the lookups probe hash tables built at compile
/// time: every code and name must lead back to its own value.
#[test]
fn every_catalogue_lists_each_code_once_in_order_and_finds_it_again() {
    macro_rules! check {
        ($($module:ident),*) => {$(
            let all = errcat_catalogs::$module::Code::all();
            assert_eq!(all.len(), errcat_catalogs::$module::CATALOG.len());
            assert!(all.windows(2).all(|w| w[0] < w[1] && w[0].code() < w[1].code()), "{}", stringify!($module));
            for &code in all {
                assert_eq!(errcat_catalogs::$module::Code::from_code(code.code()), Some(code));
                assert_eq!(errcat_catalogs::$module::Code::from_name(code.name()), Some(code));
                let entry = errcat_catalogs::$module::CATALOG.find(code.code()).unwrap();
                assert_eq!(entry.name(), code.name());
            }
        )*};
    }
    check!(account, account_2, api_switch, console, console_2, k8s_api);
    assert_eq!(
        errcat_catalogs::CATALOGS.len(),
        6,
        "a catalogue is missing above"
    );
}
