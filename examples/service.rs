//! A small axum service whose handlers answer with catalogue errors.
//!
//! ```sh
//! cargo run --example service --features axum      # http://127.0.0.1:3000, or $ERRCAT_ADDR
//! curl -i http://127.0.0.1:3000/projects/7         # 404 {"code":40400004,"message":"project项目id不存在"}
//! curl -i http://127.0.0.1:3000/volumes/data       # 500 {"Code":10344,"Message":"云盘不存在"}
//! curl -i http://127.0.0.1:3000/problems/volumes/data
//! curl -i http://127.0.0.1:3000/codes/console/40400004
//! ```

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use errcat_catalogs::{Problem, api_switch, console};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Projects of the console: only project 1 exists.
async fn project(Path(id): Path<u64>) -> Result<String, console::Code> {
    match id {
        1 => Ok("project 1".to_string()),
        _ => Err(console::Code::E40400004),
    }
}

/// Volumes behind API Switch: names are lowercase, only `home` exists.
async fn volume(Path(name): Path<String>) -> Result<String, api_switch::Code> {
    find_volume(&name)
}

/// The same lookup, answering with RFC 9457 problem details.
async fn volume_problem(Path(name): Path<String>) -> Result<String, Problem<api_switch::Code>> {
    find_volume(&name).map_err(Problem)
}

fn find_volume(name: &str) -> Result<String, api_switch::Code> {
    if name.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(api_switch::Code::VolBadName);
    }
    match name {
        "home" => Ok("volume home".to_string()),
        _ => Err(api_switch::Code::VolNotExists),
    }
}

/// What a gateway does with a code it receives: look it up in the registry.
async fn explain(Path((catalog, code)): Path<(String, i64)>) -> Result<String, console::Code> {
    let entry = errcat_catalogs::lookup(&catalog, code).ok_or(console::Code::E40400001)?;
    Ok(format!(
        "{} {} {}: {}",
        entry.catalog().name(),
        entry.code(),
        entry.http_status(),
        entry.message()
    ))
}

pub fn app() -> Router {
    Router::new()
        .route("/projects/{id}", get(project))
        .route("/volumes/{name}", get(volume))
        .route("/problems/volumes/{name}", get(volume_problem))
        .route("/codes/{catalog}/{code}", get(explain))
}

/// What one client may hold of the server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// From a connection's first byte (or the end of its last request) to
    /// the end of a request's headers: a client that sends them slowly, or
    /// never, is cut off rather than holding its connection for ever.
    pub header_timeout: Duration,
    /// Connections served at once; the next waits for one to end, so a
    /// flood of connections cannot exhaust the process's memory or files.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            max_connections: 1024,
        }
    }
}

pub async fn serve(listener: TcpListener) -> std::io::Result<()> {
    serve_with(listener, Limits::default()).await
}

/// Serves HTTP/1 connections under `limits`. (`axum::serve` sets no header
/// timeout, so half-sent requests would be held for ever.)
pub async fn serve_with(listener: TcpListener, limits: Limits) -> std::io::Result<()> {
    let app = app();
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            return Ok(());
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // A connection reset before it was accepted, or too many open
            // files for now: the listener itself is fine.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .serve_connection(TokioIo::new(stream), service);
            // A client that goes away or times out ends only its connection.
            let _ = connection.await;
            drop(slot);
        });
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = std::env::var("ERRCAT_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_string());
    let listener = TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    serve(listener).await
}
