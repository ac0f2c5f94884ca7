//! The error a service answers with: a catalogue code, and what the code
//! alone cannot say (a detail, the failing values, the cause).

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;

use crate::{Catalog, CodeValue, ErrorCode};

/// A catalogue code with context, built fluently:
///
/// ```
/// use errcat::{Error, ErrorCode};
/// use errcat_catalogs::console::Code;
///
/// fn open(id: u64) -> Result<(), Error<Code>> {
///     let io = std::io::Error::other("disk detached");
///     Err(Error::new(Code::E40400004)
///         .with_detail(format!("no project {id} in this region"))
///         .with_field("project_id", id)
///         .with_source(io))
/// }
///
/// let error = open(7).unwrap_err();
/// assert_eq!(error.http_status(), 404);
/// assert_eq!(error.to_string(), "project项目id不存在: no project 7 in this region");
/// assert_eq!(std::error::Error::source(&error).unwrap().to_string(), "disk detached");
/// ```
///
/// `?` turns a bare `Code` into one ([`From`]), and it goes into `anyhow`
/// or a `Box<dyn Error>` as any error does. It is a code wherever one is
/// expected ([`ErrorCode`]); with `serde` it serializes as the catalogue's
/// body plus `detail` and the fields, and with `axum` it is a response
/// with the code's status (wrap it in [`Problem`](crate::Problem) for
/// problem+json, where the fields are extension members and the cause is
/// never sent).
///
/// A bare code holds no allocation: the context is boxed, and only
/// when there is one.
pub struct Error<E> {
    code: E,
    context: Option<Box<Context>>,
}

/// What an [`Error`] carries besides its code.
#[derive(Default)]
pub struct Context {
    detail: Option<Cow<'static, str>>,
    instance: Option<Cow<'static, str>>,
    fields: Vec<(Cow<'static, str>, Value)>,
    args: Vec<Value>,
    source: Option<Box<dyn StdError + Send + Sync + 'static>>,
}

impl Context {
    /// `message` with its placeholders filled: named ones from the fields,
    /// positional ones from the arguments.
    pub fn fill<'m>(&self, message: &'m str) -> Cow<'m, str> {
        crate::placeholder::fill(
            message,
            |name| self.field(name),
            &self.args.iter().collect::<Vec<_>>(),
        )
    }

    /// The positional arguments, in order.
    pub fn args(&self) -> &[Value] {
        &self.args
    }

    /// The occurrence's own explanation, beside the code's message.
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// A URI naming this occurrence (RFC 9457 `instance`).
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// Named values, in the order they were added.
    pub fn fields(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.fields
            .iter()
            .map(|(name, value)| (name.as_ref(), value))
    }

    /// The value of field `name`: the last one given that name.
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.fields
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    pub(crate) fn cause(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("detail", &self.detail)
            .field("instance", &self.instance)
            .field("fields", &self.fields)
            .field("args", &self.args)
            .field("source", &self.source)
            .finish()
    }
}

/// A field's value: text, a number or a boolean.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(Cow<'static, str>),
    Int(i64),
    UInt(u64),
    Float(f64),
    Bool(bool),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(text) => f.write_str(text),
            Value::Int(n) => fmt::Display::fmt(n, f),
            Value::UInt(n) => fmt::Display::fmt(n, f),
            Value::Float(n) => fmt::Display::fmt(n, f),
            Value::Bool(b) => fmt::Display::fmt(b, f),
        }
    }
}

impl From<&'static str> for Value {
    fn from(text: &'static str) -> Self {
        Value::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(Cow::Owned(text))
    }
}

impl From<Cow<'static, str>> for Value {
    fn from(text: Cow<'static, str>) -> Self {
        Value::Text(text)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

macro_rules! value_from {
    ($variant:ident($as:ty): $($t:ty),*) => {
        $(impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Value::$variant(<$as>::from(n))
            }
        })*
    };
}

value_from!(Int(i64): i8, i16, i32, i64);
value_from!(UInt(u64): u8, u16, u32, u64);
value_from!(Float(f64): f32, f64);

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        // usize is at most 64 bits on every target Rust supports.
        Value::UInt(n as u64)
    }
}

impl From<isize> for Value {
    fn from(n: isize) -> Self {
        Value::Int(n as i64)
    }
}

impl<E: ErrorCode> Error<E> {
    /// The code, with no context yet.
    pub fn new(code: E) -> Self {
        Error {
            code,
            context: None,
        }
    }

    fn context_mut(&mut self) -> &mut Context {
        self.context.get_or_insert_with(Box::default)
    }

    /// Explains this occurrence (`no project 7 in this region`); the
    /// code's message stays the message.
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.context_mut().detail = Some(detail.into());
        self
    }

    /// Names this occurrence with a URI (RFC 9457 `instance`), such as the
    /// request path or a trace id.
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<Cow<'static, str>>) -> Self {
        self.context_mut().instance = Some(instance.into());
        self
    }

    /// Adds a named value, sent in the body beside the code. A field of the
    /// body's own names (the code's, the message's, `detail`) is not sent.
    #[must_use]
    pub fn with_field(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Value>,
    ) -> Self {
        self.context_mut().fields.push((name.into(), value.into()));
        self
    }

    /// Fills the message's next positional placeholder (`%s`, `{}`, `%1`,
    /// `{0}` in order). Named placeholders (`{最大长度}`) are filled by the
    /// field of that name. [`error!`](crate::error!) checks them all while
    /// the service compiles; a placeholder left unfilled shows as `…`.
    #[must_use]
    pub fn with_arg(mut self, value: impl Into<Value>) -> Self {
        self.context_mut().args.push(value.into());
        self
    }

    /// The message with its placeholders filled: what the client reads.
    pub fn message_text(&self) -> Cow<'static, str> {
        let message = self.code.message();
        match &self.context {
            Some(context) => context.fill(message),
            None => Cow::Borrowed(message),
        }
    }

    /// Keeps the cause, for logs and [`StdError::source`]; it is never
    /// sent to the client.
    #[must_use]
    pub fn with_source(mut self, source: impl StdError + Send + Sync + 'static) -> Self {
        self.context_mut().source = Some(Box::new(source));
        self
    }

    /// The catalogue code.
    pub fn kind(&self) -> &E {
        &self.code
    }

    /// The catalogue code, without the context.
    pub fn into_kind(self) -> E {
        self.code
    }

    /// The occurrence's detail, if one was given.
    pub fn detail(&self) -> Option<&str> {
        self.context.as_ref()?.detail()
    }

    /// The occurrence's URI, if one was given.
    pub fn instance(&self) -> Option<&str> {
        self.context.as_ref()?.instance()
    }

    /// The value of field `name`, if one was given.
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.context.as_ref()?.field(name)
    }
}

impl<E: ErrorCode> From<E> for Error<E> {
    fn from(code: E) -> Self {
        Error::new(code)
    }
}

impl<E: ErrorCode> ErrorCode for Error<E> {
    fn code(&self) -> CodeValue<'static> {
        self.code.code()
    }

    fn name(&self) -> &'static str {
        self.code.name()
    }

    fn message(&self) -> &'static str {
        self.code.message()
    }

    fn http_status(&self) -> u16 {
        self.code.http_status()
    }

    fn catalog(&self) -> &'static Catalog {
        self.code.catalog()
    }

    fn source_line(&self) -> u32 {
        self.code.source_line()
    }

    fn catalog_of() -> &'static Catalog {
        E::catalog_of()
    }

    fn message_in(&self, locale: &str) -> Option<&'static str> {
        self.code.message_in(locale)
    }

    fn from_code(code: CodeValue<'_>) -> Option<Self> {
        E::from_code(code).map(Error::new)
    }

    fn context(&self) -> Option<&Context> {
        self.context.as_deref()
    }
}

/// The message with its placeholders filled (or the name, if there is no
/// message), then `: ` and the detail if there is one; `{:#}` starts with
/// the code and name, as a `Code`'s does.
impl<E: ErrorCode> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.message_text();
        if f.alternate() {
            write!(f, "{} {}: ", self.code.code(), self.code.name())?;
        }
        if message.is_empty() {
            f.write_str(self.code.name())?;
        } else {
            f.write_str(&message)?;
        }
        match self.detail() {
            Some(detail) => write!(f, ": {detail}"),
            None => Ok(()),
        }
    }
}

impl<E: ErrorCode> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Error");
        debug.field("code", &self.code);
        if let Some(context) = &self.context {
            debug
                .field("detail", &context.detail)
                .field("fields", &context.fields)
                .field("args", &context.args)
                .field("source", &context.source);
        }
        debug.finish()
    }
}

impl<E: ErrorCode> StdError for Error<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.context.as_ref()?.cause()
    }
}

impl<E: ErrorCode + PartialEq> PartialEq<E> for Error<E> {
    /// Whether the error is of this code, whatever its context.
    fn eq(&self, code: &E) -> bool {
        self.code == *code
    }
}

#[cfg(feature = "serde")]
mod wire;
#[cfg(feature = "serde")]
pub(crate) use wire::serialize_with_context;

/// An [`Error`] whose message arguments are checked while the service
/// compiles: named ones (`{最大长度}`, by any name a Rust identifier can
/// spell) as `name = value`, positional ones (`%s`, `{0}`, `%1`) as values.
/// The code must be a constant (`Code::NameTooLong`); for a code known
/// only at run time, use [`Error::with_arg`] and [`Error::with_field`].
///
/// ```
/// use errcat::error;
/// use errcat_catalogs::console::Code;
///
/// // A message without placeholders takes no arguments.
/// let error = error!(Code::E40400004).with_detail("no project 7");
/// assert_eq!(error.to_string(), "project项目id不存在: no project 7");
/// ```
///
/// ```compile_fail
/// # use errcat_catalogs::console::Code;
/// // The message has no `%s` for an argument to fill.
/// let error = errcat::error!(Code::E40400004, "7");
/// ```
///
/// With `名称不能超过{最大长度}个字符` as `Code::NameTooLong`'s message,
/// `error!(Code::NameTooLong, 最大长度 = 20)` gives `名称不能超过20个字符`
/// (and the field `最大长度: 20` in the body); leaving the argument out,
/// misspelling it, or passing a positional one fails the build.
#[macro_export]
macro_rules! error {
    ($code:expr $(, $name:ident = $value:expr)+ $(,)?) => {{
        const _: () = $crate::placeholder::__check_args(
            $code.params(),
            &[$(stringify!($name)),+],
            0,
        );
        $crate::Error::new($code)$(.with_field(stringify!($name), $value))+
    }};
    ($code:expr $(, $arg:expr)* $(,)?) => {{
        const _: () = $crate::placeholder::__check_args(
            $code.params(),
            &[],
            0 $(+ { let _ = stringify!($arg); 1 })*,
        );
        $crate::Error::new($code)$(.with_arg($arg))*
    }};
}
