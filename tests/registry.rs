//! The shared trait and the catalogue registry.

use errcat_catalogs::{
    CATALOGS, CodeValue, ErrorCode, OwnedCode, Source, api_switch, console, k8s_api,
};

/// Generic use: any catalogue's code.
fn describe<E: ErrorCode>(error: E) -> String {
    format!(
        "{}/{} {} HTTP {}: {} [{}]",
        error.catalog().name(),
        error.code(),
        error.name(),
        error.http_status(),
        error.message(),
        error.defined_at()
    )
}

#[test]
fn every_catalogue_implements_the_trait() {
    assert_eq!(
        describe(console::Code::E40400004),
        "console/40400004 E40400004 HTTP 404: project项目id不存在 [catalogs/console.md:227]"
    );
    assert_eq!(
        describe(api_switch::Code::IllegalParameter),
        "api_switch/10001 ILLEGAL_PARAMETER HTTP 500: 参数不合法 [catalogs/api_switch.md:16]"
    );
    assert_eq!(
        describe(k8s_api::Code::GetPodError),
        "k8s_api/2001 GetPodError HTTP 500: 获取 Pod 失败 [catalogs/k8s_api.md:45]"
    );
    assert_eq!(
        console::Code::E40400004.defined_at(),
        Source {
            file: "catalogs/console.md",
            line: 227
        }
    );
    assert_eq!(
        <api_switch::Code as ErrorCode>::from_code(CodeValue::Number(10001)),
        Some(api_switch::Code::IllegalParameter)
    );
    assert_eq!(
        <api_switch::Code as ErrorCode>::from_code(CodeValue::Number(-10001)),
        None
    );
    assert_eq!(<console::Code as ErrorCode>::catalog_of().name(), "console");
}

#[test]
fn codes_of_several_catalogues_fit_one_collection_of_dyn() {
    let errors: [&dyn ErrorCode; 3] = [
        &console::Code::E41200001,
        &api_switch::Code::VolumeNotFound,
        &k8s_api::Code::GetNodeError,
    ];
    let summary: Vec<(CodeValue, u16, &str)> = errors
        .iter()
        .map(|e| (e.code(), e.http_status(), e.message()))
        .collect();
    assert_eq!(
        summary,
        [
            (CodeValue::Number(41200001), 412, "缺少gitlab access token"),
            (CodeValue::Number(10608), 500, ""),
            (CodeValue::Number(9003), 500, "获取 Node 错误")
        ]
    );
    assert_eq!(
        errors[0].status_code(),
        http::StatusCode::PRECONDITION_FAILED
    );
    assert_eq!(
        http::StatusCode::from(console::Code::E40100001),
        http::StatusCode::UNAUTHORIZED
    );
}

#[test]
fn the_registry_lists_every_catalogue_with_its_source_and_size() {
    let rows: Vec<(&str, &str, usize)> = CATALOGS
        .iter()
        .map(|c| (c.name(), c.source(), c.len()))
        .collect();
    assert_eq!(
        rows,
        [
            ("account", "catalogs/account.md", 8),
            ("account_2", "catalogs/account.md", 48),
            ("api_switch", "catalogs/api_switch.md", 103),
            ("console", "catalogs/console.md", 47),
            ("console_2", "catalogs/console.md", 48),
            ("k8s_api", "catalogs/k8s_api.md", 12),
        ]
    );
    let api = errcat_catalogs::catalog("api_switch").unwrap();
    assert_eq!((api.code_field(), api.message_field()), ("Code", "Message"));
    assert_eq!(api.default_http_status(), 500);
    assert_eq!(api.problem_type(), None);
    assert_eq!(
        errcat_catalogs::catalog("console").unwrap().code_field(),
        "code"
    );
    assert!(errcat_catalogs::catalog("nope").is_none());
}

#[test]
fn a_gateway_looks_codes_up_by_catalogue_and_number() {
    let entry = errcat_catalogs::lookup("k8s_api", 5002).expect("known");
    assert_eq!(
        (entry.name(), entry.message()),
        ("WebsocketError", "Websocket 相关错误")
    );
    assert_eq!(entry.to_string(), "Websocket 相关错误");
    assert!(errcat_catalogs::lookup("k8s_api", 6001).is_none());
    assert!(errcat_catalogs::lookup("k8s_api", -1).is_none());
    assert!(errcat_catalogs::lookup("k8s_api", i64::MAX).is_none());
    assert!(errcat_catalogs::lookup("nope", 5002).is_none());
    let codes: Vec<i64> = errcat_catalogs::catalog("account")
        .unwrap()
        .codes()
        .filter_map(|c| c.code().as_i64())
        .collect();
    assert_eq!(
        codes,
        [
            40000001, 40000002, 40000003, 40000004, 40000005, 50000001, 50000002, 50000003
        ]
    );
    for catalog in CATALOGS {
        assert_eq!(catalog.codes().len(), catalog.len());
        for code in catalog.codes() {
            let found = catalog
                .find(code.code())
                .expect("every listed code is found");
            assert_eq!(found.name(), code.name());
        }
    }
}

#[test]
fn a_received_body_keeps_unknown_codes() {
    use errcat_catalogs::Received;
    let known: Received<console::Code> =
        serde_json::from_str(r#"{"code":40400004,"message":"anything"}"#).unwrap();
    assert_eq!(known, Received::Known(console::Code::E40400004));
    let unknown: Received<console::Code> =
        serde_json::from_str(r#"{"message":"新","code":40400099}"#).unwrap();
    assert_eq!(
        unknown,
        Received::Unknown {
            code: OwnedCode::Number(40400099),
            message: Some("新".to_string())
        }
    );
    assert_eq!(unknown.code(), 40400099);
    let no_message: Received<console::Code> =
        serde_json::from_str(r#"{"code":1,"message":null}"#).unwrap();
    assert_eq!(
        no_message,
        Received::Unknown {
            code: OwnedCode::Number(1),
            message: None
        }
    );
    let err =
        serde_json::from_str::<Received<console::Code>>(r#"{"message":"no code"}"#).unwrap_err();
    assert_eq!(err.to_string(), "missing field `code` at line 1 column 21");
}
