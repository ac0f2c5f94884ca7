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

/// Matches a field name ignoring ASCII case, spaces, `_`, `-` and the
/// markup (`**`, backticks) a table header may carry; a header naming
/// several things (`触发条件/错误原因`) matches by any of them. A language in
/// parentheses (`Description(English)`, `错误信息(EN)`) or a `中文`/`英文`
/// prefix is left aside (`infer::language` reads it).
pub(crate) fn role_of(name: &str) -> Option<Role> {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*' | '`'))
        .flat_map(char::to_lowercase)
        .collect();
    let base = key
        .split_once(['(', '（'])
        .map_or(key.as_str(), |(base, _)| base);
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
            Role::Message
        } else {
            continue;
        };
        return Some(role);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str) -> Option<Role> {
        role_of(name)
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
    fn a_language_beside_a_header_leaves_its_role() {
        for header in [
            "Error Description(Chinese)",
            "Error Description(English)",
            "错误信息(EN)",
            "详细描述（ZH）",
            "英文描述",
            "说明",
        ] {
            assert_eq!(role_of(header), Some(Role::Message), "{header}");
        }
        // Which language is infer::language's to say.
        assert_eq!(
            crate::parse::infer::language("详细描述（ZH）").as_deref(),
            Some("zh")
        );
    }
}
