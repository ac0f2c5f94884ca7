//! The names errcat knows for a record's fields, shared by bullet fields
//! (`- ErrorCode: …`) and table headers (`| 错误码 |`).

/// What a field or column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Code,
    HttpStatus,
    Name,
    Message,
}

const CODE: &[&str] = &[
    "errorcode",
    "errcode",
    "code",
    "errorid",
    "错误码",
    "错误代码",
    "错误id",
    "错误编码",
    "错误编号",
    "返回码",
    "状态码",
];
const HTTP: &[&str] = &[
    "httpcode",
    "httpstatus",
    "httpstatuscode",
    "http",
    "http状态码",
    "响应状态码",
];
const NAME: &[&str] = &[
    "name",
    "symbol",
    "identifier",
    "ident",
    "命名",
    "命名参考",
    "错误标识",
    "标识",
    "常量名",
    "枚举名",
];
const MESSAGE: &[&str] = &[
    "message",
    "msg",
    "description",
    "desc",
    "detail",
    "details",
    "errormessage",
    "errormsg",
    "errordescription",
    "errorinfo",
    "中文名称",
    "说明",
    "描述",
    "信息",
    "错误信息",
    "错误描述",
    "错误说明",
    "错误提示",
    "提示信息",
    "详细描述",
    "错误原因",
    "中文说明",
];

/// A language named in a header, as a tag.
fn locale(word: &str) -> Option<&'static str> {
    Some(match word {
        "chinese" | "中文" | "zh" | "cn" | "zhcn" | "简体中文" => "zh",
        "english" | "英文" | "en" | "enus" => "en",
        "japanese" | "日文" | "ja" | "jp" => "ja",
        _ => return None,
    })
}

/// Matches a field name ignoring ASCII case, spaces, `_`, `-` and the
/// markup (`**`, backticks) a table header may carry; a header naming
/// several things (`触发条件/错误原因`) matches by any of them. A language in
/// parentheses (`Description(English)`, `错误信息(EN)`) or a `中文`/`英文`
/// prefix is returned as a tag.
pub(crate) fn role_of(name: &str) -> Option<(Role, Option<&'static str>)> {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*' | '`'))
        .flat_map(char::to_lowercase)
        .collect();
    let (base, mut tag) = match key.split_once(['(', '（']) {
        Some((base, rest)) => (base.to_string(), locale(rest.trim_end_matches([')', '）']))),
        None => (key.clone(), None),
    };
    for part in base.split(['/', '／']) {
        let role = if CODE.contains(&part) {
            Role::Code
        } else if HTTP.contains(&part) {
            Role::HttpStatus
        } else if NAME.contains(&part) {
            Role::Name
        } else if MESSAGE.contains(&part) {
            Role::Message
        } else if let Some(rest) = part
            .strip_prefix("中文")
            .or_else(|| part.strip_prefix("英文"))
            && MESSAGE.contains(&rest)
        {
            tag = tag.or(locale(&part[..part.len() - rest.len()]));
            Role::Message
        } else {
            continue;
        };
        return Some((role, tag));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str) -> Option<Role> {
        role_of(name).map(|(role, _)| role)
    }

    #[test]
    fn bullet_fields_and_table_headers_share_one_dictionary() {
        assert_eq!(role("HttpCode"), Some(Role::HttpStatus));
        assert_eq!(role("http_code"), Some(Role::HttpStatus));
        assert_eq!(role("HTTP 状态码"), Some(Role::HttpStatus));
        assert_eq!(role("ErrorCode"), Some(Role::Code));
        assert_eq!(role("错误码"), Some(Role::Code));
        assert_eq!(role(" Error Code "), Some(Role::Code));
        assert_eq!(role("错误ID"), Some(Role::Code));
        assert_eq!(role("中文名称"), Some(Role::Message));
        assert_eq!(role("**说明**"), Some(Role::Message));
        assert_eq!(role("触发条件/错误原因"), Some(Role::Message));
        assert_eq!(role("命名参考"), Some(Role::Name));
        assert_eq!(role("错误标识"), Some(Role::Name));
        assert_eq!(role("Name"), Some(Role::Name));
        assert_eq!(role("HTTP Code"), Some(Role::HttpStatus));
        assert_eq!(role("错误方法名"), None);
        assert_eq!(role("提示普通用户解决方案"), None);
        assert_eq!(role("英文名称"), None);
    }

    #[test]
    fn languages_in_headers_become_tags() {
        assert_eq!(
            role_of("Error Description(Chinese)"),
            Some((Role::Message, Some("zh")))
        );
        assert_eq!(
            role_of("Error Description(English)"),
            Some((Role::Message, Some("en")))
        );
        assert_eq!(role_of("错误信息(EN)"), Some((Role::Message, Some("en"))));
        assert_eq!(role_of("详细描述（ZH）"), Some((Role::Message, Some("zh"))));
        assert_eq!(role_of("英文描述"), Some((Role::Message, Some("en"))));
        assert_eq!(role_of("说明"), Some((Role::Message, None)));
    }
}
