//! The error value a service answers with: a code plus detail, fields,
//! instance and cause, on the wire as the catalogue's body or a problem.

use std::error::Error as _;

use axum::response::IntoResponse;
use errcat_catalogs::{Error, ErrorCode, Problem, Value, api_switch, console};

async fn body_of(response: axum::response::Response) -> (u16, String, String) {
    let status = response.status().as_u16();
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_string();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (
        status,
        content_type,
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

fn respond(response: impl IntoResponse) -> (u16, String, String) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(body_of(response.into_response()))
}

#[test]
fn a_bare_error_answers_as_its_code_does() {
    let bare = respond(Error::new(console::Code::E40400004));
    assert_eq!(bare, respond(console::Code::E40400004));
    assert_eq!(
        bare,
        (
            404,
            "application/json".to_string(),
            r#"{"code":40400004,"message":"project项目id不存在"}"#.to_string()
        )
    );
}

#[test]
fn detail_and_fields_follow_the_catalogues_own_body() {
    let error = Error::new(api_switch::Code::VolNotExists)
        .with_detail("no volume `data`")
        .with_field("volume", "data")
        .with_field("retry", false)
        .with_field("size_gb", 40_u32)
        .with_field("ratio", 0.5)
        // The body's own keys are never replaced by a field.
        .with_field("Code", 1)
        .with_field("detail", "not this one")
        .with_source(std::io::Error::other("backend timed out"));
    assert_eq!(
        respond(error),
        (
            500,
            "application/json".to_string(),
            r#"{"Code":10344,"Message":"云盘不存在","detail":"no volume `data`","volume":"data","retry":false,"size_gb":40,"ratio":0.5}"#
                .to_string()
        )
    );
}

#[test]
fn a_problem_carries_detail_instance_and_fields_but_never_the_cause() {
    let error = Error::new(console::Code::E40400004)
        .with_detail("no project 7 in this region")
        .with_instance("/projects/7")
        .with_field("project_id", 7_u64)
        .with_field("status", "must not replace the member")
        .with_source(std::io::Error::other("secret cause"));
    let (status, content_type, body) = respond(Problem(error));
    assert_eq!(
        (status, content_type.as_str()),
        (404, "application/problem+json")
    );
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no project 7 in this region","instance":"/projects/7","code":40400004,"project_id":7}"#
    );
    assert!(!body.contains("secret"));
}

#[test]
fn the_question_mark_turns_a_code_into_an_error_with_its_cause_chain() {
    fn find(id: u64) -> Result<u64, console::Code> {
        if id == 1 {
            Ok(1)
        } else {
            Err(console::Code::E40400004)
        }
    }
    fn handler(id: u64) -> Result<u64, Error<console::Code>> {
        Ok(find(id)?)
    }
    let error = handler(7).unwrap_err();
    assert_eq!(error, console::Code::E40400004);
    assert_eq!(*error.kind(), console::Code::E40400004);
    assert_eq!(error.detail(), None);

    let cause = std::io::Error::other("disk detached");
    let error = Error::new(console::Code::E40400004)
        .with_detail("while opening project 7")
        .with_source(cause);
    assert_eq!(
        error.to_string(),
        "project项目id不存在: while opening project 7"
    );
    assert_eq!(
        format!("{error:#}"),
        "40400004 E40400004: project项目id不存在: while opening project 7"
    );
    assert_eq!(error.source().unwrap().to_string(), "disk detached");

    // Into a boxed error, as `anyhow` and `?` in `main` take it.
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(error);
    assert_eq!(boxed.source().unwrap().to_string(), "disk detached");
    let error = boxed.downcast::<Error<console::Code>>().unwrap();
    assert_eq!(error.http_status(), 404);
}

#[test]
fn an_error_is_a_code_wherever_one_is_expected() {
    let error = Error::new(api_switch::Code::IllegalParameter).with_field("field", "name");
    let code: &dyn ErrorCode = &error;
    assert_eq!(
        (
            code.code().to_string(),
            code.name(),
            code.message(),
            code.http_status()
        ),
        ("10001".to_string(), "ILLEGAL_PARAMETER", "参数不合法", 500)
    );
    assert_eq!(code.catalog().name(), "api_switch");
    assert_eq!(
        code.context().unwrap().field("field"),
        Some(&Value::from("name"))
    );
    assert!(api_switch::Code::IllegalParameter.context().is_none());
}

#[test]
fn a_client_reads_the_error_back() {
    let json = r#"{"Code":10344,"Message":"other words","detail":"no volume","volume":"data","count":3,"nested":{"a":1},"list":[1],"none":null}"#;
    let error: Error<api_switch::Code> = serde_json::from_str(json).unwrap();
    assert_eq!(error, api_switch::Code::VolNotExists);
    assert_eq!(error.detail(), Some("no volume"));
    assert_eq!(error.field("volume"), Some(&Value::from("data")));
    assert_eq!(error.field("count"), Some(&Value::UInt(3)));
    assert_eq!(error.field("nested"), None);
    let fields: Vec<&str> = error.context().unwrap().fields().map(|(n, _)| n).collect();
    assert_eq!(fields, ["volume", "count"]);

    let unknown = serde_json::from_str::<Error<api_switch::Code>>(r#"{"Code":19999}"#);
    assert_eq!(
        unknown.unwrap_err().to_string(),
        "code 19999 is not in catalogue `api_switch` at line 1 column 14"
    );
    let missing = serde_json::from_str::<Error<api_switch::Code>>(r#"{"Message":"x"}"#);
    assert_eq!(
        missing.unwrap_err().to_string(),
        "missing field `Code` at line 1 column 15"
    );
}

#[test]
fn an_error_is_two_words_and_a_bare_one_allocates_nothing() {
    assert_eq!(
        std::mem::size_of::<Error<console::Code>>(),
        2 * std::mem::size_of::<usize>()
    );
    assert!(Error::new(console::Code::E40400004).context().is_none());
}
