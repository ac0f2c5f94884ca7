//! RFC 9457 problem details (`problem` feature):
//! `application/problem+json` with `type`, `title`, `status`, `detail` and
//! the catalogue's `code`.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::ErrorCode;

/// The media type of a problem document.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A code rendered as an RFC 9457 problem:
///
/// ```
/// use errcat::Problem;
/// use errcat_catalogs::console::Code;
///
/// let json = serde_json::to_string(&Problem(Code::E40400004))?;
/// assert_eq!(
///     json,
///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"project项目id不存在","code":40400004}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// `type` is `about:blank` and `title` the HTTP status phrase, unless the
/// catalogue sets `problem-type` in catalogs.toml: then `type` is that
/// template with `{catalog}`, `{code}` and `{name}` filled in, and `title`
/// the record's message (or name). `detail` is the message, left out when
/// the record has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Problem<E>(pub E);

impl<E: ErrorCode> Problem<E> {
    /// The problem type URI.
    pub fn type_uri(&self) -> String {
        let error = &self.0;
        match error.catalog().problem_type() {
            Some(template) => template
                .replace("{catalog}", error.catalog().name())
                .replace("{code}", &error.code().to_string())
                .replace("{name}", error.name()),
            None => "about:blank".to_string(),
        }
    }

    /// The problem title.
    pub fn title(&self) -> &'static str {
        let error = &self.0;
        if error.catalog().problem_type().is_none() {
            return error.status_code().canonical_reason().unwrap_or("Error");
        }
        if error.message().is_empty() {
            error.name()
        } else {
            error.message()
        }
    }
}

impl<E: ErrorCode> Serialize for Problem<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = &self.0;
        let detail = Some(error.message()).filter(|m| !m.is_empty());
        let mut map = serializer.serialize_map(Some(4 + usize::from(detail.is_some())))?;
        map.serialize_entry("type", &self.type_uri())?;
        map.serialize_entry("title", self.title())?;
        map.serialize_entry("status", &error.http_status())?;
        if let Some(detail) = detail {
            map.serialize_entry("detail", detail)?;
        }
        map.serialize_entry("code", &error.code())?;
        map.end()
    }
}
