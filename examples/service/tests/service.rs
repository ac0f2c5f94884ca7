//! The example service on 127.0.0.1, called over real HTTP: the error
//! value's fields, detail and cause, filled placeholders, statuses from
//! catalogs.toml, problem+json, and the client's language.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use errcat_example_service::{Limits, serve, serve_with};

#[derive(Debug, PartialEq)]
struct Reply {
    status: u16,
    content_type: String,
    content_language: Option<String>,
    vary: Option<String>,
    body: String,
}

fn start() -> (tokio::runtime::Runtime, SocketAddr) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a free port");
    let address = listener.local_addr().expect("bound");
    runtime.spawn(serve(listener));
    (runtime, address)
}

fn call(address: SocketAddr, method: &str, path: &str, language: Option<&str>) -> Reply {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let url = format!("http://{address}{path}");
    let mut response = match (method, language) {
        ("GET", Some(language)) => agent.get(&url).header("accept-language", language).call(),
        ("GET", None) => agent.get(&url).call(),
        (_, _) => agent.post(&url).send_empty(),
    }
    .expect("the service answers");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    };
    let (content_type, content_language, vary) = (
        header("content-type").unwrap_or_default(),
        header("content-language"),
        header("vary"),
    );
    Reply {
        status: response.status().as_u16(),
        content_type,
        content_language,
        vary,
        body: response.body_mut().read_to_string().expect("a UTF-8 body"),
    }
}

fn get(address: SocketAddr, path: &str, language: Option<&str>) -> Reply {
    call(address, "GET", path, language)
}

fn json(status: u16, language: Option<&str>, body: &str) -> Reply {
    Reply {
        status,
        content_type: "application/json".to_string(),
        content_language: language.map(str::to_string),
        vary: Some("accept-language".to_string()),
        body: body.to_string(),
    }
}

#[test]
fn an_error_carries_its_field_in_the_message_and_the_body() {
    let (_runtime, address) = start();
    assert_eq!(
        get(address, "/invoices/7", None),
        json(
            404,
            None,
            r#"{"code":40401,"message":"Invoice 7 not found","id":7}"#
        )
    );
    assert_eq!(
        get(address, "/charges?amount=5000", None),
        json(
            400,
            None,
            r#"{"code":40001,"message":"The amount may be at most 1000","max":1000,"amount":5000}"#
        )
    );
    let reply = get(address, "/invoices/1", None);
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (200, "invoice 1: paid")
    );
}

#[test]
fn a_cause_is_kept_out_of_the_body() {
    let (_runtime, address) = start();
    let reply = call(address, "POST", "/invoices/1/pay", None);
    assert_eq!(
        reply,
        json(
            409,
            None,
            r#"{"code":40901,"message":"The invoice is already paid","detail":"invoice 1 was paid on 2026-11-30","invoice_id":1}"#
        )
    );
    assert!(!reply.body.contains("settlement"));
}

#[test]
fn a_status_comes_from_the_sections_rule() {
    let (_runtime, address) = start();
    assert_eq!(
        get(address, "/ledger", None),
        json(
            503,
            None,
            r#"{"code":9001,"message":"The ledger is unavailable"}"#
        )
    );
    let reply = get(address, "/codes/9001", None);
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (200, "9001 503: The ledger is unavailable")
    );
}

#[test]
fn a_german_and_a_chinese_client_read_their_language() {
    let (_runtime, address) = start();
    assert_eq!(
        get(address, "/invoices/7", Some("de-CH, en;q=0.5")),
        json(
            404,
            Some("de"),
            r#"{"code":40401,"message":"Rechnung 7 nicht gefunden","id":7}"#
        )
    );
    assert_eq!(
        get(address, "/invoices/7", Some("zh-CN,zh;q=0.9,en;q=0.8")),
        json(
            404,
            Some("zh"),
            r#"{"code":40401,"message":"找不到发票7","id":7}"#
        )
    );
    assert_eq!(
        get(address, "/ledger", Some("fr;q=0.9, de;q=0.8")),
        json(
            503,
            Some("de"),
            r#"{"code":9001,"message":"Das Hauptbuch ist nicht erreichbar"}"#
        )
    );
    // No language of the catalogue's is acceptable: its own messages.
    assert_eq!(
        get(address, "/invoices/7", Some("fr, de;q=0")),
        json(
            404,
            None,
            r#"{"code":40401,"message":"Invoice 7 not found","id":7}"#
        )
    );
}

#[test]
fn a_problem_has_an_instance_and_the_fields_as_members() {
    let (_runtime, address) = start();
    let reply = get(address, "/problems/invoices/7", Some("zh"));
    assert_eq!(
        reply,
        Reply {
            status: 404,
            content_type: "application/problem+json".to_string(),
            content_language: Some("zh".to_string()),
            vary: Some("accept-language".to_string()),
            body: r#"{"type":"https://errors.example.com/billing/InvoiceNotFound","title":"InvoiceNotFound","status":404,"detail":"找不到发票7","instance":"/invoices/7","code":40401,"id":7}"#.to_string(),
        }
    );
}

/// A client that never finishes its headers is cut off after the header
/// timeout, and while the server's every connection is held by such
/// clients, a normal request is answered once they are.
#[test]
fn half_sent_requests_are_cut_off_and_do_not_starve_others() {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a free port");
    let address = listener.local_addr().expect("bound");
    let limits = Limits {
        header_timeout: Duration::from_millis(300),
        max_connections: 4,
    };
    runtime.spawn(serve_with(listener, limits));

    let slow: Vec<TcpStream> = (0..limits.max_connections)
        .map(|_| {
            let mut stream = TcpStream::connect(address).expect("connects");
            stream
                .write_all(b"GET /invoices/1 HTTP/1.1\r\nHost: x\r\n")
                .unwrap();
            // A guard against a hang, far beyond the header timeout.
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .unwrap();
            stream
        })
        .collect();
    assert_eq!(get(address, "/invoices/1", None).status, 200);
    for mut stream in slow {
        let mut reply = Vec::new();
        // The server closes the connection: the read ends, with whatever
        // it sent (hyper answers a timed-out request with nothing or 408).
        let read = stream.read_to_end(&mut reply);
        assert!(
            read.is_ok(),
            "the connection was closed, not left open: {read:?}"
        );
        let reply = String::from_utf8_lossy(&reply);
        assert!(
            reply.is_empty() || reply.starts_with("HTTP/1.1 408"),
            "{reply}"
        );
    }
}
