//! The JSON error body (`serde` feature): field names from the catalogue's
//! documented example, or errcat's default.

use errcat_catalogs::{api_switch, console};

#[test]
fn the_documented_body_serializes_exactly() {
    let body = api_switch::Code::IllegalParameter.body();
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        r#"{"Code":10001,"Message":"参数不合法"}"#
    );
    assert_eq!(
        (
            api_switch::Body::CODE_FIELD,
            api_switch::Body::MESSAGE_FIELD
        ),
        ("Code", "Message")
    );
}

#[test]
fn the_same_json_deserializes_back_to_the_variant() {
    let body: api_switch::Body =
        serde_json::from_str(r#"{"Code":10001,"Message":"参数不合法"}"#).unwrap();
    assert_eq!(body.code, api_switch::Code::IllegalParameter);
    // The message on the wire may differ (a newer wording); the code decides.
    let body: api_switch::Body =
        serde_json::from_str(r#"{"Message":"other words","RequestId":"x","Code":"10608"}"#)
            .unwrap();
    assert_eq!(body.code, api_switch::Code::VolumeNotFound);
    for &code in api_switch::Code::all() {
        let json = serde_json::to_string(&code.body()).unwrap();
        assert_eq!(
            serde_json::from_str::<api_switch::Body>(&json)
                .unwrap()
                .code,
            code
        );
    }
}

#[test]
fn an_unknown_code_is_an_error_that_names_it() {
    let err =
        serde_json::from_str::<api_switch::Body>(r#"{"Code":99999,"Message":"new"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "code 99999 is not in catalogue `api_switch`"
    );
    let err = serde_json::from_str::<api_switch::Body>(r#"{"Message":"no code"}"#).unwrap_err();
    assert_eq!(err.to_string(), "missing field `Code` at line 1 column 21");
    let err = serde_json::from_str::<api_switch::Body>(r#"{"Code":-1}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("code -1 is not in catalogue `api_switch`"),
        "{err}"
    );
    // A symbol is a code, just not one of this catalogue's.
    let err = serde_json::from_str::<api_switch::Body>(r#"{"Code":"ten"}"#).unwrap_err();
    assert_eq!(err.to_string(), "code ten is not in catalogue `api_switch`");
    let err = serde_json::from_str::<api_switch::Body>(r#"{"Code":"not a code"}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid value: string \"not a code\""),
        "{err}"
    );
    let err = serde_json::from_str::<api_switch::Body>("[10001]").unwrap_err();
    assert!(
        err.to_string().starts_with("invalid type: sequence"),
        "{err}"
    );
}

#[test]
fn catalogues_without_an_example_use_the_default_body() {
    let body = console::Code::E40400004.body();
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        r#"{"code":40400004,"message":"project项目id不存在"}"#
    );
    let back: console::Body = serde_json::from_str(r#"{"code":40400004,"message":"x"}"#).unwrap();
    assert_eq!(back.code, console::Code::E40400004);
}

#[test]
fn a_code_alone_serializes_as_its_number() {
    assert_eq!(
        serde_json::to_string(&api_switch::Code::Forbidden).unwrap(),
        "10006"
    );
    assert_eq!(
        serde_json::from_str::<api_switch::Code>("10006").unwrap(),
        api_switch::Code::Forbidden
    );
    let err = serde_json::from_str::<api_switch::Code>("10007").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("code 10007 is not in catalogue `api_switch`"),
        "{err}"
    );
}
