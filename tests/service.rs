//! The example service on 127.0.0.1, called over real HTTP.

#[allow(dead_code)] // its `main` is not used here
#[path = "../examples/service.rs"]
mod service;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

struct Reply {
    status: u16,
    content_type: String,
    body: String,
}

fn start() -> (tokio::runtime::Runtime, SocketAddr) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a free port");
    let address = listener.local_addr().expect("bound");
    runtime.spawn(service::serve(listener));
    (runtime, address)
}

fn get(address: SocketAddr, path: &str) -> Reply {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(format!("http://{address}{path}"))
        .call()
        .expect("the service answers");
    Reply {
        status: response.status().as_u16(),
        content_type: response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default(),
        body: response.body_mut().read_to_string().expect("a UTF-8 body"),
    }
}

/// The status line exactly as sent.
fn status_line(address: SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("connects");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply.lines().next().unwrap_or_default().to_string()
}

#[test]
fn handlers_answer_with_the_catalogue_status_and_json_body() {
    let (_runtime, address) = start();

    let reply = get(address, "/projects/7");
    assert_eq!(reply.status, 404);
    assert_eq!(reply.content_type, "application/json");
    assert_eq!(
        reply.body,
        r#"{"code":40400004,"message":"project项目id不存在"}"#
    );
    assert_eq!(
        status_line(address, "/projects/7"),
        "HTTP/1.1 404 Not Found"
    );

    let reply = get(address, "/volumes/data");
    assert_eq!(reply.status, 500);
    assert_eq!(reply.content_type, "application/json");
    assert_eq!(reply.body, r#"{"Code":10344,"Message":"云盘不存在"}"#);
    assert_eq!(
        status_line(address, "/volumes/data"),
        "HTTP/1.1 500 Internal Server Error"
    );

    let reply = get(address, "/volumes/home");
    assert_eq!((reply.status, reply.body.as_str()), (200, "volume home"));
}

#[test]
fn problem_details_follow_rfc_9457() {
    let (_runtime, address) = start();
    let reply = get(address, "/problems/volumes/Data");
    assert_eq!(reply.status, 500);
    assert_eq!(reply.content_type, "application/problem+json");
    assert_eq!(
        reply.body,
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"云硬盘名字不合法","code":10355}"#
    );
}

#[test]
fn a_gateway_translates_codes_through_the_registry() {
    let (_runtime, address) = start();
    let reply = get(address, "/codes/api_switch/10608");
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (200, "api_switch 10608 500: ")
    );
    let reply = get(address, "/codes/console/40400004");
    assert_eq!(reply.body, "console 40400004 404: project项目id不存在");
    let reply = get(address, "/codes/console/1");
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.body,
        r#"{"code":40400001,"message":"cookie中没有发现config"}"#
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
    let limits = service::Limits {
        header_timeout: std::time::Duration::from_millis(300),
        max_connections: 4,
    };
    runtime.spawn(service::serve_with(listener, limits));

    let slow: Vec<TcpStream> = (0..limits.max_connections)
        .map(|_| {
            let mut stream = TcpStream::connect(address).expect("connects");
            stream
                .write_all(b"GET /projects/1 HTTP/1.1\r\nHost: x\r\n")
                .unwrap();
            // A guard against a hang, far beyond the header timeout.
            stream
                .set_read_timeout(Some(std::time::Duration::from_secs(60)))
                .unwrap();
            stream
        })
        .collect();
    assert_eq!(get(address, "/projects/1").status, 200);
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
