//! What a piece of text is, judged by its content as a reader judges it:
//! a code (decimal, negative, hex, or a symbol), an HTTP status (bare or
//! with its reason phrase), a range of codes, a placeholder, or prose; and
//! what a column header hints at, in the languages catalogues are written
//! in. Headers only hint: the content decides, and a hint breaks a tie.

use std::ops::Range;

use crate::model::{is_symbol, parse_integer};
use crate::parse::range;

/// What a value holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Nothing, or a placeholder for nothing (`-`, `N/A`, `\`, `无`).
    Empty,
    /// An integer, decimal or `0x` hex; a status may be one too.
    Number(i64),
    /// An HTTP status with its reason phrase (`400 Bad Request`).
    Status(u16),
    /// An identifier-like code (`ERR_INVALID_PARAM`, `BadDigest`).
    Symbol,
    /// A range of codes (`1xxx`, `1000-1999`, `100开头`).
    Range,
    /// Words.
    Prose,
}

impl Kind {
    /// An HTTP status, bare or with its phrase.
    pub(crate) fn status(self) -> Option<u16> {
        match self {
            Kind::Number(n) if (100..=599).contains(&n) => Some(n as u16),
            Kind::Status(s) => Some(s),
            _ => None,
        }
    }
}

/// Placeholders tables write for "nothing here".
pub(crate) fn is_placeholder(text: &str) -> bool {
    is_trimmed_placeholder(text.trim())
}

/// [`is_placeholder`] for a text already trimmed (a table cell): most
/// cells are messages, and trimming one again is a per-cell cost.
pub(crate) fn is_trimmed_placeholder(text: &str) -> bool {
    matches!(
        text,
        "" | "-" | "--" | "---" | "—" | "–" | "\\" | "/" | "N/A" | "n/a" | "NA" | "无"
    )
}

/// The kind of a value (markup already taken off, see [`value`]).
pub(crate) fn kind(text: &str) -> Kind {
    let text = text.trim();
    if is_trimmed_placeholder(text) {
        return Kind::Empty;
    }
    if let Some(number) = parse_integer(text) {
        return Kind::Number(number);
    }
    if let Some(status) = status_with_phrase(text) {
        return Kind::Status(status);
    }
    if range::in_cell(text).is_some() || range::notation(text).is_some() {
        return Kind::Range;
    }
    // A path or a media type (`/users`, `application/json`) is no code to
    // a table's columns: a code namespaced by `/` is read where the layout
    // says it is a code.
    if is_symbol(text) && !text.contains('/') {
        return Kind::Symbol;
    }
    Kind::Prose
}

/// `400 Bad Request`, `404 - Not Found`, `HTTP 404`: the status.
pub(crate) fn status_with_phrase(text: &str) -> Option<u16> {
    let text = text.trim();
    let text = text
        .strip_prefix("HTTP")
        .or_else(|| text.strip_prefix("http"))
        .map_or(text, |rest| rest.trim_start_matches([' ', '/', ':']));
    let digits = text.get(..3)?;
    let status: u16 = digits.parse().ok()?;
    if !(100..=599).contains(&status) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &text[3..];
    let phrase = rest
        .trim_start_matches([' ', '-', '–', ':', '('])
        .trim_end_matches(')');
    let separated = rest.is_empty() || rest.starts_with([' ', '-', '–', ':', '(']);
    let words = phrase.is_empty()
        || phrase
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'');
    (separated && words).then_some(status)
}

/// The range of the value in a piece of text: white space and the markup
/// that wraps a value taken off (`` `40001` ``, `**1001**`, `<code>x</code>`,
/// `"x"`), as often as it is nested.
pub(crate) fn value(text: &str, range: Range<usize>) -> Range<usize> {
    let mut range = trim(text, range);
    loop {
        let slice = &text[range.clone()];
        // Every pair opens with one of these; most values start with none.
        if !slice.starts_with(['~', '<', '*', '_', '`', '"']) {
            return range;
        }
        // HTML elements (`<del>`, `<code>`, `<font color='red'>`) are
        // [`tagged`]'s.
        let pair = [
            ("~~", "~~"),
            ("**", "**"),
            ("__", "__"),
            ("`", "`"),
            ("*", "*"),
            ("\"", "\""),
        ]
        .into_iter()
        .find(|(open, close)| {
            slice.len() >= open.len() + close.len()
                && slice.starts_with(open)
                && slice.ends_with(close)
        });
        match pair {
            Some((open, close)) => {
                range = trim(text, range.start + open.len()..range.end - close.len());
            }
            None => match tagged(slice) {
                // `<font color='green'>200</font>`: the tag shows nothing.
                Some((open, close)) => {
                    range = trim(text, range.start + open..range.end - close);
                }
                None => return range,
            },
        }
    }
}

/// The lengths of the opening and closing tag of an inline HTML element
/// that wraps all of `slice` (`<font color='red'>401</font>`, `<span
/// class="x">…</span>`), if it is one of the formatting tags a page shows
/// only the content of.
fn tagged(slice: &str) -> Option<(usize, usize)> {
    let name_len = slice[1..]
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let name = slice.get(1..1 + name_len)?;
    if !super::plain::is_formatting_tag(name)
        || !slice[1 + name_len..].starts_with([' ', '\t', '>'])
    {
        return None;
    }
    let open = slice.find('>')? + 1;
    let close = format!("</{name}>");
    let ends = slice.len() >= open + close.len()
        && slice.as_bytes()[slice.len() - close.len()..].eq_ignore_ascii_case(close.as_bytes());
    ends.then_some((open, close.len()))
}

/// Whether a value is struck through (`~~1005~~`, `<del>1005</del>`,
/// `<s>…</s>`): a retired record.
pub(crate) fn struck(text: &str) -> bool {
    let text = text.trim();
    let wrapped = |open: &str, close: &str| {
        text.len() >= open.len() + close.len()
            && text.as_bytes()[..open.len()].eq_ignore_ascii_case(open.as_bytes())
            && text.as_bytes()[text.len() - close.len()..].eq_ignore_ascii_case(close.as_bytes())
    };
    match text.as_bytes().first() {
        Some(b'~') => text.len() > 4 && text.ends_with("~~") && text.starts_with("~~"),
        Some(b'<') => [
            ("<del>", "</del>"),
            ("<s>", "</s>"),
            ("<strike>", "</strike>"),
        ]
        .iter()
        .any(|(open, close)| wrapped(open, close)),
        _ => false,
    }
}

/// Trims white space (including full-width and no-break spaces).
pub(crate) fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let body = crate::source::trimmed(&text[range.clone()]);
    range.start + body.start..range.start + body.end
}

/// What a column header says its column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Hint {
    pub code: Strength,
    pub http: bool,
    pub name: bool,
    pub message: bool,
    /// Advice or remarks rather than the message (`解决方案`, `Solution`).
    pub advice: bool,
    /// A running number (`序号`, `No.`), not a code.
    pub ordinal: bool,
    /// It says `status` (`status code`): statuses below are HTTP's.
    pub status: bool,
}

/// Words that name each role in headers, lowercase, spaces and `_`/`-`
/// taken out; a header hints at a role when it holds one of them.
const CODE_WORDS: &[&str] = &[
    "code",
    "errno",
    "错误码",
    "错误id",
    "错误编号",
    "代码",
    "码值",
    "编码",
    "编号",
    "返回码",
    "返回值",
    "取值",
    "值",
    "コード",
    "番号",
    "코드",
    "код",
    "código",
    "codigo",
    "fehlercode",
    "mã",
];
/// Words that hint at the code only where nothing else is named
/// (`Error`, `ID`, `Status`, `reason`; not `Error Message`).
const WEAK_CODE_WORDS: &[&str] = &["error", "err", "id", "reason", "status", "value", "错误"];
const HTTP_WORDS: &[&str] = &["http", "httpstatus", "httpcode", "响应状态", "ステータス"];
const NAME_WORDS: &[&str] = &[
    "name",
    "identifier",
    "ident",
    "key",
    "symbol",
    "const",
    "constant",
    "enum",
    "标识",
    "名称",
    "命名",
    "常量",
    "枚举",
    "异常",
    "例外",
    "exception",
    "方法名",
    "英文码",
    "名前",
    "이름",
    "имя",
    "nombre",
    "nome",
];
const MESSAGE_WORDS: &[&str] = &[
    "message",
    "msg",
    "description",
    "desc",
    "detail",
    "meaning",
    "explanation",
    "text",
    "info",
    "summary",
    "说明",
    "描述",
    "信息",
    "消息",
    "含义",
    "提示",
    "原因",
    "内容",
    "意义",
    "解释",
    "メッセージ",
    "説明",
    "内容",
    "意味",
    "설명",
    "메시지",
    "내용",
    "의미",
    "beschreibung",
    "meldung",
    "nachricht",
    "bedeutung",
    "описание",
    "сообщение",
    "значение",
    "descripción",
    "descripcion",
    "mensaje",
    "significado",
    "descrição",
    "descricao",
    "mensagem",
    "signification",
    "libellé",
    "môtả",
    "ýnghĩa",
    "thôngbáo",
];
const ADVICE_WORDS: &[&str] = &[
    "solution",
    "suggestion",
    "advice",
    "remark",
    "remarks",
    "note",
    "notes",
    "action",
    "fix",
    "howto",
    "resolution",
    "解决",
    "处理",
    "建议",
    "备注",
    "排查",
    "对策",
    "対処",
    "해결",
    "lösung",
];
const ORDINAL_WORDS: &[&str] = &["no", "no.", "#", "index", "seq", "№", "序"];

/// How strongly a header says its column holds the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) enum Strength {
    #[default]
    None,
    /// `Error`, `ID`, `Status`: the code, where nothing else is named.
    Weak,
    /// `Code`, `错误码`, `取值`, `Fehlercode`.
    Strong,
}

/// The words of a header, lowercase: split at anything but letters and
/// digits and where a lowercase letter meets a capital (`ErrorCode`).
fn words(header: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in header.chars() {
        if !c.is_alphanumeric() {
            previous_lower = false;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        if c.is_uppercase() && previous_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whether a header holds a keyword: an ASCII keyword as a word of its own
/// (or its plural, or the end of a compound: `errcode`), any other (CJK,
/// Cyrillic, Hangul…) anywhere in it.
fn holds(header_lower: &str, words: &[String], keyword: &str) -> bool {
    if !keyword.is_ascii() {
        return header_lower.contains(keyword);
    }
    words.iter().any(|w| {
        w == keyword
            || w.strip_suffix('s') == Some(keyword)
            || (keyword.len() >= 4 && w.len() > keyword.len() && w.ends_with(keyword))
    })
}

/// Whether a label ends with a word that names the code (`Error code`,
/// `错误编号`, `code`), as one right before a code does.
pub(crate) fn names_code(label: &str) -> bool {
    let lower = label.trim().to_lowercase();
    let words = words(label);
    let last = words.last().map_or("", String::as_str);
    CODE_WORDS.iter().chain(WEAK_CODE_WORDS).any(|keyword| {
        if keyword.is_ascii() {
            holds(last, &words[words.len().saturating_sub(1)..], keyword)
        } else {
            lower.ends_with(keyword)
        }
    })
}

/// What a header hints at.
pub(crate) fn hint(header: &str) -> Hint {
    // A language in parentheses is no part of the role.
    let header = header.split(['(', '（']).next().unwrap_or("");
    let lower = header.to_lowercase();
    let words = words(header);
    let has = |keywords: &[&str]| keywords.iter().any(|k| holds(&lower, &words, k));
    let http = has(HTTP_WORDS);
    let name = has(NAME_WORDS) && !has(&["filename", "file"]);
    // `原因码`, `结果码`, `响应码`: a word ending in 码 names a code.
    let ends_in_code = lower.trim_end().ends_with('码');
    let message = has(MESSAGE_WORDS) && !ends_in_code;
    let advice = has(ADVICE_WORDS);
    let code = if http {
        Strength::None
    } else if has(CODE_WORDS) || ends_in_code || lower.contains("状态码") {
        Strength::Strong
    } else if !(name || message || advice) && words.len() <= 2 && has(WEAK_CODE_WORDS) {
        Strength::Weak
    } else {
        Strength::None
    };
    Hint {
        code,
        http,
        name,
        message,
        advice,
        ordinal: words.len() <= 1
            && (ORDINAL_WORDS.contains(&lower.trim()) || has(&["序号", "번호"])),
        status: has(&[
            "status",
            "状态",
            "状態",
            "상태",
            "trạng thái",
            "статус",
            "statut",
        ]),
    }
}

/// The language a header names, as a BCP 47 tag: `Message (German)` →
/// `de`, `zh-CN` → `zh-CN`, `英文描述` → `en`, `Description(Chinese)` → `zh`.
pub(crate) fn language(header: &str) -> Option<String> {
    // In parentheses, any well-formed tag: `Message (tlh)`, `(de-AT)`.
    if let Some(tag) = qualifier(header).and_then(any_tag) {
        return Some(tag);
    }
    let lower = header.trim().to_lowercase();
    // A tag written as such (`en-US`, `zh_CN`, `pt-BR`) or in parentheses.
    for token in lower.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')) {
        if let Some(tag) = bcp47(token) {
            return Some(tag);
        }
    }
    for (names, tag) in LANGUAGE_NAMES {
        if names.iter().any(|name| lower.contains(name)) {
            return Some(tag.to_string());
        }
    }
    None
}

/// What a header says in parentheses at its end (`Message (German)` →
/// `German`): where a translation column names its language.
pub(crate) fn qualifier(header: &str) -> Option<&str> {
    let header = header.trim().strip_suffix([')', '）'])?;
    let open = header.rfind(['(', '（'])?;
    let inside = header[open..].trim_start_matches(['(', '（']).trim();
    (!inside.is_empty()).then_some(inside)
}

/// A BCP 47 tag as written, case normalised (`zh-hant` → `zh-Hant`,
/// `de-at` → `de-AT`), if `text` has the shape of one: a primary language
/// of two or three letters, then subtags of two to eight letters or digits.
pub fn any_tag(text: &str) -> Option<String> {
    let mut subtags = text.trim().split(['-', '_']);
    let primary = subtags.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary.to_ascii_lowercase();
    for subtag in subtags {
        if !(2..=8).contains(&subtag.len()) || !subtag.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        tag.push('-');
        match subtag.len() {
            2 => tag.push_str(&subtag.to_ascii_uppercase()),
            4 => {
                tag.push_str(&subtag[..1].to_ascii_uppercase());
                tag.push_str(&subtag[1..].to_ascii_lowercase());
            }
            _ => tag.push_str(&subtag.to_ascii_lowercase()),
        }
    }
    // `cn` and `jp` are countries that headers write for languages.
    Some(match tag.as_str() {
        "cn" => "zh".to_string(),
        "jp" => "ja".to_string(),
        "kr" => "ko".to_string(),
        _ => tag,
    })
}

/// The language most of these messages are written in, by their script
/// (Han, kana, Hangul, Cyrillic, …); Latin script is English only where
/// common English words say so. `None` where the texts do not tell.
pub fn language_of<'a>(messages: impl Iterator<Item = &'a str>) -> Option<&'static str> {
    const ENGLISH: &[&str] = &[
        "the", "is", "not", "no", "invalid", "error", "failed", "found", "to", "of", "must",
        "cannot", "already", "exists", "missing", "required", "unknown", "too", "request", "user",
    ];
    let (mut counts, mut latin, mut english) = ([0usize; 9], 0usize, 0usize);
    for message in messages.take(2000) {
        let mut scripts = [false; 9];
        for c in message.chars() {
            let script = match c {
                '\u{3040}'..='\u{30FF}' => 1, // kana: Japanese
                '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => 0, // Han
                '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => 2, // Hangul
                '\u{0400}'..='\u{04FF}' => 3, // Cyrillic
                '\u{0600}'..='\u{06FF}' => 4, // Arabic
                '\u{0E00}'..='\u{0E7F}' => 5, // Thai
                '\u{0370}'..='\u{03FF}' => 6, // Greek
                '\u{0590}'..='\u{05FF}' => 7, // Hebrew
                '\u{0900}'..='\u{097F}' => 8, // Devanagari
                _ => continue,
            };
            scripts[script] = true;
        }
        // Han with kana is Japanese, not Chinese.
        if scripts[1] {
            scripts[0] = false;
        }
        for (count, seen) in counts.iter_mut().zip(scripts) {
            *count += usize::from(seen);
        }
        if !scripts.iter().any(|&s| s) && message.chars().any(|c| c.is_ascii_alphabetic()) {
            latin += 1;
            let lower = message.to_ascii_lowercase();
            if lower
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|word| ENGLISH.contains(&word))
            {
                english += 1;
            }
        }
    }
    let (script, &most) = counts.iter().enumerate().max_by_key(|(_, c)| **c)?;
    if most > latin {
        return Some(["zh", "ja", "ko", "ru", "ar", "th", "el", "he", "hi"][script]);
    }
    (latin > 0 && english * 2 >= latin).then_some("en")
}

/// `en-us` → `en-US`, `zh_cn` → `zh-CN`, `kr` → `ko`; `None` for a word
/// that is no language tag.
fn bcp47(token: &str) -> Option<String> {
    let (primary, region) = match token.split_once(['-', '_']) {
        Some((primary, region)) => (primary, Some(region)),
        None => (token, None),
    };
    let primary = match primary {
        "en" | "zh" | "ja" | "ko" | "de" | "fr" | "es" | "pt" | "ru" | "vi" | "it" | "nl"
        | "pl" | "tr" | "ar" | "th" | "id" => primary,
        "kr" => "ko",
        "jp" => "ja",
        "cn" if region.is_none() => "zh",
        _ => return None,
    };
    match region {
        Some(region)
            if (2..=4).contains(&region.len())
                && region.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            let region = if region.len() == 2 {
                region.to_uppercase()
            } else {
                let mut chars = region.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            };
            Some(format!("{primary}-{region}"))
        }
        Some(_) => None,
        None => Some(primary.to_string()),
    }
}

/// Language names as headers write them, lowercase.
const LANGUAGE_NAMES: &[(&[&str], &str)] = &[
    (
        &[
            "english", "英文", "英语", "英語", "영어", "englisch", "anglais", "inglés", "inglês",
        ],
        "en",
    ),
    (
        &[
            "chinese",
            "中文",
            "汉语",
            "漢語",
            "简体",
            "繁體",
            "中国語",
            "중국어",
            "chinesisch",
        ],
        "zh",
    ),
    (
        &["japanese", "日本語", "日文", "日语", "일본어", "japanisch"],
        "ja",
    ),
    (
        &["korean", "한국어", "韩文", "韩语", "韓国語", "koreanisch"],
        "ko",
    ),
    (
        &[
            "german",
            "deutsch",
            "德文",
            "德语",
            "ドイツ語",
            "독일어",
            "allemand",
            "alemán",
        ],
        "de",
    ),
    (
        &[
            "french",
            "français",
            "francais",
            "法文",
            "法语",
            "französisch",
        ],
        "fr",
    ),
    (&["spanish", "español", "espanol", "西班牙"], "es"),
    (&["portuguese", "português", "portugues", "葡萄牙"], "pt"),
    (&["russian", "русский", "俄文", "俄语"], "ru"),
    (&["vietnamese", "tiếng việt", "越南"], "vi"),
    (&["italian", "italiano", "意大利"], "it"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn value_of(text: &str) -> &str {
        &text[value(text, 0..text.len())]
    }

    #[test]
    fn values_come_out_of_their_markup() {
        assert_eq!(value_of(" `40001` "), "40001");
        assert_eq!(value_of("**`USER_1`**"), "USER_1");
        assert_eq!(value_of("<code>0x1A</code>"), "0x1A");
        assert_eq!(value_of("*BadDigest*"), "BadDigest");
    }

    #[test]
    fn kinds_by_content() {
        assert_eq!(kind("40001"), Kind::Number(40001));
        assert_eq!(kind("-1"), Kind::Number(-1));
        assert_eq!(kind("0x000100"), Kind::Number(256));
        assert_eq!(kind("0030010001"), Kind::Number(30_010_001));
        assert_eq!(kind("400 Bad Request"), Kind::Status(400));
        assert_eq!(kind("503 Slow Down"), Kind::Status(503));
        assert_eq!(kind("404 - Not Found"), Kind::Status(404));
        assert_eq!(kind("4001 用户不存在"), Kind::Prose);
        assert_eq!(kind("ERR_INVALID_PARAM"), Kind::Symbol);
        assert_eq!(kind("base-symbol-error"), Kind::Symbol);
        assert_eq!(kind("1xxx"), Kind::Range);
        assert_eq!(kind("1000~1999"), Kind::Range);
        assert_eq!(kind("N/A"), Kind::Empty);
        assert_eq!(kind("参数错误"), Kind::Prose);
        assert_eq!(kind("Invalid token"), Kind::Prose);
        assert_eq!(Kind::Number(404).status(), Some(404));
        assert_eq!(Kind::Number(4040).status(), None);
    }

    #[test]
    fn headers_hint_in_many_languages() {
        for strong in [
            "错误码值",
            "返回码定义",
            "Fehlercode",
            "エラーコード",
            "状态码",
            "ErrorCode",
            "Return code",
            "error_code",
            "Error Codes",
        ] {
            assert_eq!(hint(strong).code, Strength::Strong, "{strong}");
        }
        for weak in ["Error", "ID", "Status", "Value"] {
            assert_eq!(hint(weak).code, Strength::Weak, "{weak}");
        }
        for none in [
            "Truncated Encoded",
            "Valid",
            "Error Message",
            "Description",
            "HTTP 状态码",
        ] {
            assert_eq!(hint(none).code, Strength::None, "{none}");
        }
        assert!(hint("HTTP 状态码").http);
        assert!(hint("Beschreibung").message);
        assert!(hint("메시지").message);
        assert!(hint("解决方案").advice);
        assert!(hint("序号").ordinal);
        assert!(hint("错误英文码").name);
    }

    #[test]
    fn languages_in_headers() {
        assert_eq!(language("Message (German)").as_deref(), Some("de"));
        assert_eq!(language("zh-CN").as_deref(), Some("zh-CN"));
        assert_eq!(language("message_en_us").as_deref(), None);
        assert_eq!(language("en-US").as_deref(), Some("en-US"));
        assert_eq!(language("Message (KR)").as_deref(), Some("ko"));
        assert_eq!(language("英文描述").as_deref(), Some("en"));
        assert_eq!(
            language("Error Description(Chinese)").as_deref(),
            Some("zh")
        );
        assert_eq!(language("说明").as_deref(), None);
        assert_eq!(language("Code").as_deref(), None);
        assert_eq!(language("Message (tlh)").as_deref(), Some("tlh"));
        assert_eq!(language("Beschreibung (de-at)").as_deref(), Some("de-AT"));
        assert_eq!(language("描述(zh-hant)").as_deref(), Some("zh-Hant"));
        assert_eq!(language("Message (Klingon)").as_deref(), None);
        assert_eq!(qualifier("Message (Klingon)"), Some("Klingon"));
        assert_eq!(qualifier("Message"), None);
    }

    #[test]
    fn the_language_of_messages_by_their_script() {
        assert_eq!(
            language_of(["参数错误", "用户不存在"].into_iter()),
            Some("zh")
        );
        assert_eq!(
            language_of(["ユーザーが見つかりません"].into_iter()),
            Some("ja")
        );
        assert_eq!(
            language_of(["사용자를 찾을 수 없습니다"].into_iter()),
            Some("ko")
        );
        assert_eq!(
            language_of(["Пользователь не найден"].into_iter()),
            Some("ru")
        );
        assert_eq!(
            language_of(["User not found", "Invalid token", "Quota exceeded"].into_iter()),
            Some("en")
        );
        assert_eq!(
            language_of(["Benutzer nicht gefunden", "Ungültig"].into_iter()),
            None
        );
        assert_eq!(language_of(["", "42"].into_iter()), None);
    }
}
