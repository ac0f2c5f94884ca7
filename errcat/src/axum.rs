//! axum responses (`axum` feature): every `Code` is an `IntoResponse`
//! answering with its status and its catalogue's JSON body, and
//! [`Problem`] answers with `application/problem+json`.

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::header::{CONTENT_TYPE, HeaderValue};

use crate::problem::PROBLEM_JSON;
use crate::wire::BodyOf;
use crate::{ErrorCode, Problem};

/// The response for a code: its HTTP status, `content-type:
/// application/json` and the catalogue's body.
pub fn json_response(error: &dyn ErrorCode) -> Response {
    respond(
        error,
        serde_json::to_vec(&BodyOf(error)),
        "application/json",
    )
}

/// Its code's status and the catalogue's body with the detail and fields
/// (the cause is never sent).
impl<E: ErrorCode> IntoResponse for crate::Error<E> {
    fn into_response(self) -> Response {
        json_response(&self)
    }
}

impl<E: ErrorCode> IntoResponse for Problem<E> {
    fn into_response(self) -> Response {
        respond(&self.0, serde_json::to_vec(&self), PROBLEM_JSON)
    }
}

fn respond(
    error: &dyn ErrorCode,
    body: serde_json::Result<Vec<u8>>,
    content_type: &'static str,
) -> Response {
    // Serializing a number and strings to a vector cannot fail; if it ever
    // did, an empty body with the right status beats a panic.
    let mut response = Response::new(Body::from(body.unwrap_or_default()));
    *response.status_mut() = error.status_code();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
