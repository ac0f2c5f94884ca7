//! axum responses (`axum` feature): every `Code` and [`Error`] is an
//! `IntoResponse` answering with its status and its catalogue's JSON body,
//! [`Problem`] answers with `application/problem+json`, and the
//! [`Localize`] layer answers each in the language the client prefers.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_TYPE, HeaderValue, VARY};

use crate::problem::{PROBLEM_JSON, ProblemIn};
use crate::wire::BodyIn;
use crate::{Error, ErrorCode, Problem};

/// The response for a code: its HTTP status, `content-type:
/// application/json` and the catalogue's body.
pub fn json_response<E: ErrorCode>(error: E) -> Response {
    respond(error, Kind::Body)
}

/// Its code's status and the catalogue's body with the detail and fields
/// (the cause is never sent).
impl<E: ErrorCode> IntoResponse for Error<E> {
    fn into_response(self) -> Response {
        respond(self, Kind::Body)
    }
}

impl<E: ErrorCode> IntoResponse for Problem<E> {
    fn into_response(self) -> Response {
        respond(self.0, Kind::Problem)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Body,
    Problem,
}

/// The body of `error` as `kind`, its message in `locale` where the
/// catalogue has it.
fn render(error: &dyn ErrorCode, kind: Kind, locale: Option<&str>) -> Vec<u8> {
    // Serializing numbers and strings to a vector cannot fail; if it ever
    // did, an empty body with the right status beats a panic.
    let body = match kind {
        Kind::Body => serde_json::to_vec(&BodyIn(error, locale)),
        Kind::Problem => serde_json::to_vec(&ProblemIn(error, locale)),
    };
    body.unwrap_or_default()
}

fn respond<E: ErrorCode>(error: E, kind: Kind) -> Response {
    let mut response = Response::new(Body::from(render(&error, kind, None)));
    *response.status_mut() = error.status_code();
    let content_type = match kind {
        Kind::Body => "application/json",
        Kind::Problem => PROBLEM_JSON,
    };
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Only a catalogue in several languages has another body to offer, so
    // only its responses carry the error for [`Localize`].
    if error.catalog().locales().len() > 1 {
        response.extensions_mut().insert(Translatable {
            error: Arc::new(error),
            kind,
        });
    }
    response
}

/// A response's error, kept for [`Localize`] to answer in another language.
#[derive(Clone)]
struct Translatable {
    error: Arc<dyn ErrorCode>,
    kind: Kind,
}

/// A tower layer answering every catalogue error in the language the
/// request's `Accept-Language` prefers among the catalogue's (q-values
/// honoured, `zh-CN` served by `zh`), with `content-language` and `vary:
/// accept-language`; handlers return their errors as they always do:
///
/// ```
/// use axum::{Router, routing::get};
/// use errcat_catalogs::console;
///
/// async fn project() -> Result<String, console::Code> {
///     Err(console::Code::E40400004)
/// }
///
/// let app: Router = Router::new()
///     .route("/projects/{id}", get(project))
///     .layer(errcat::Localize);
/// ```
///
/// A request that prefers none of the catalogue's languages gets the
/// message as the catalogue writes it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Localize;

impl<S> tower_layer::Layer<S> for Localize {
    type Service = Localized<S>;

    fn layer(&self, inner: S) -> Localized<S> {
        Localized { inner }
    }
}

/// The service [`Localize`] wraps around another.
#[derive(Debug, Clone)]
pub struct Localized<S> {
    inner: S,
}

impl<S, B> tower_service::Service<http::Request<B>> for Localized<S>
where
    S: tower_service::Service<http::Request<B>, Response = Response>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let accept = request
            .headers()
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let response = self.inner.call(request);
        Box::pin(async move { Ok(localize(response.await?, accept.as_deref())) })
    }
}

fn localize(mut response: Response, accept: Option<&str>) -> Response {
    let Some(translatable) = response.extensions_mut().remove::<Translatable>() else {
        return response;
    };
    let headers = response.headers_mut();
    headers.append(VARY, HeaderValue::from_static("accept-language"));
    let error = &*translatable.error;
    let locales = error.catalog().locales();
    let Some(chosen) = accept.and_then(|a| crate::language::negotiate(a, locales)) else {
        return response;
    };
    let locale = locales[chosen];
    if let Ok(value) = HeaderValue::from_str(locale) {
        headers.insert(CONTENT_LANGUAGE, value);
    }
    *response.body_mut() = Body::from(render(error, translatable.kind, Some(locale)));
    response
}
