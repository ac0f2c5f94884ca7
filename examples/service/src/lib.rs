//! A billing service whose handlers answer with errors from its own
//! catalogue, `catalogs/billing.md`: the error value with fields, a cause
//! and an instance, filled message placeholders, statuses from catalogs.toml,
//! problem+json, and messages in the client's language.
//!
//! ```sh
//! cargo run -p errcat-example-service          # http://127.0.0.1:3000, or $ERRCAT_ADDR
//! curl -i http://127.0.0.1:3000/invoices/7                            # 404 {"code":40401,"message":"Invoice 7 not found","id":7}
//! curl -i -H 'accept-language: de' http://127.0.0.1:3000/invoices/7   # … "Rechnung 7 nicht gefunden" …
//! curl -i 'http://127.0.0.1:3000/charges?amount=5000'                 # 400 … "The amount may be at most 1000" …
//! curl -i -X POST http://127.0.0.1:3000/invoices/1/pay                # 409, the cause logged, not sent
//! curl -i http://127.0.0.1:3000/ledger                                 # 503, from the section's rule
//! curl -i http://127.0.0.1:3000/problems/invoices/7                   # application/problem+json
//! ```

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query};
use axum::routing::{get, post};
use errcat::{Error, Problem};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));

use billing::Code;

/// The largest charge, which `AmountTooLarge`'s `{max}` names.
const MAX_AMOUNT: u64 = 1000;

/// Invoice 1 exists (and is paid); every other is not found. The error
/// carries the id, which fills the message's `{id}` and goes in the body.
async fn invoice(Path(id): Path<u64>) -> Result<String, Error<Code>> {
    if id == 1 {
        return Ok("invoice 1: paid".to_string());
    }
    Err(errcat::error!(Code::InvoiceNotFound, id = id).with_instance(format!("/invoices/{id}")))
}

/// The same lookup, answering with RFC 9457 problem details.
async fn invoice_problem(Path(id): Path<u64>) -> Result<String, Problem<Error<Code>>> {
    invoice(Path(id)).await.map_err(Problem)
}

/// Paying a paid invoice: the cause is kept for the logs, never sent.
async fn pay(Path(id): Path<u64>) -> Result<String, Error<Code>> {
    let cause = std::io::Error::other(format!("ledger row {id} is locked by settlement run 42"));
    Err(Error::new(Code::InvoiceAlreadyPaid)
        .with_detail(format!("invoice {id} was paid on 2026-11-30"))
        .with_field("invoice_id", id)
        .with_source(cause))
}

#[derive(serde::Deserialize)]
struct Charge {
    amount: u64,
}

async fn charge(Query(charge): Query<Charge>) -> Result<String, Error<Code>> {
    if charge.amount > MAX_AMOUNT {
        return Err(errcat::error!(Code::AmountTooLarge, max = MAX_AMOUNT)
            .with_field("amount", charge.amount));
    }
    Ok(format!("charged {}", charge.amount))
}

/// A code without a status of its own: its section's rule in
/// catalogs.toml gives it 503.
async fn ledger() -> Result<String, Code> {
    Err(Code::LedgerUnavailable)
}

/// What a gateway does with a code it receives: look it up in the registry.
async fn explain(Path(code): Path<i64>) -> Result<String, Code> {
    let entry = lookup("billing", code).ok_or(Code::InvoiceNotFound)?;
    Ok(format!(
        "{} {}: {}",
        entry.code(),
        entry.http_status(),
        entry.message()
    ))
}

pub fn app() -> Router {
    Router::new()
        .route("/invoices/{id}", get(invoice))
        .route("/invoices/{id}/pay", post(pay))
        .route("/problems/invoices/{id}", get(invoice_problem))
        .route("/charges", get(charge))
        .route("/ledger", get(ledger))
        .route("/codes/{code}", get(explain))
        // Every error in the language the client prefers.
        .layer(errcat::Localize)
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
