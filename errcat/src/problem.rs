//! RFC 9457 problem details (`problem` feature):
//! `application/problem+json` with `type`, `title`, `status`, `detail`,
//! `instance`, the catalogue's `code`, and an [`Error`](crate::Error)'s
//! fields as extension members.

use std::borrow::Cow;

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
/// the record's message (or its name, where the message has placeholders
/// or is empty). `detail` is an [`Error`](crate::Error)'s
/// detail, else the message (left out when the record has none);
/// `instance` is the error's, and its fields follow as extension members:
///
/// ```
/// use errcat::{Error, Problem};
/// use errcat_catalogs::console::Code;
///
/// let error = Error::new(Code::E40400004)
///     .with_detail("no project 7")
///     .with_instance("/projects/7")
///     .with_field("project_id", 7)
///     .with_source(std::io::Error::other("never sent"));
/// assert_eq!(
///     serde_json::to_string(&Problem(error))?,
///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no project 7","instance":"/projects/7","code":40400004,"project_id":7}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Problem<E>(pub E);

impl<E: ErrorCode> Problem<E> {
    /// The problem type URI.
    pub fn type_uri(&self) -> String {
        type_uri(&self.0)
    }

    /// The problem title.
    pub fn title(&self) -> &'static str {
        title(&self.0)
    }
}

fn type_uri(error: &dyn ErrorCode) -> String {
    match error.catalog().problem_type() {
        Some(template) => template
            .replace("{catalog}", error.catalog().name())
            .replace("{code}", &error.code().to_string())
            .replace("{name}", error.name()),
        None => "about:blank".to_string(),
    }
}

fn title(error: &dyn ErrorCode) -> &'static str {
    if error.catalog().problem_type().is_none() {
        return error.status_code().canonical_reason().unwrap_or("Error");
    }
    // A title is the same for every occurrence: a message that takes
    // values (`Invoice {id} not found`) is no title, its name is.
    let message = error.message();
    if message.is_empty() || crate::placeholder::placeholders(message).next().is_some() {
        error.name()
    } else {
        message
    }
}

/// The members RFC 9457 defines, and the catalogue's `code`: no field of
/// an [`Error`](crate::Error) replaces one of them.
const MEMBERS: [&str; 6] = ["type", "title", "status", "detail", "instance", "code"];

impl<E: ErrorCode> Serialize for Problem<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ProblemIn(&self.0, None).serialize(serializer)
    }
}

/// A problem with its detail in a locale.
pub(crate) struct ProblemIn<'a>(pub &'a dyn ErrorCode, pub Option<&'a str>);

impl Serialize for ProblemIn<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ProblemIn(error, locale) = *self;
        let context = error.context();
        let own_detail = context.and_then(|c| c.detail());
        let detail = match own_detail {
            Some(detail) => Some(Cow::Borrowed(detail)),
            None => Some(crate::wire::message_of(error, locale)).filter(|m| !m.is_empty()),
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(MEMBERS[0], &type_uri(error))?;
        map.serialize_entry(MEMBERS[1], title(error))?;
        map.serialize_entry(MEMBERS[2], &error.http_status())?;
        if let Some(detail) = &detail {
            map.serialize_entry(MEMBERS[3], detail)?;
        }
        if let Some(instance) = context.and_then(|c| c.instance()) {
            map.serialize_entry(MEMBERS[4], instance)?;
        }
        map.serialize_entry(MEMBERS[5], &error.code())?;
        // The fields are extension members; the cause is never sent.
        let fields = context.into_iter().flat_map(|c| c.fields());
        for (name, value) in fields.filter(|(name, _)| !MEMBERS.contains(name)) {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}
