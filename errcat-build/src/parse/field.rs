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

/// Matches a field name ignoring ASCII case, spaces, `_`, `-` and the
/// markup (`**`, backticks) a table header may carry.
pub(crate) fn role_of(name: &str) -> Option<Role> {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*' | '`'))
        .flat_map(char::to_lowercase)
        .collect();
    Some(match key.as_str() {
        "errorcode" | "errcode" | "code" | "错误码" | "错误代码" | "错误id" | "错误编码"
        | "返回码" | "状态码" => Role::Code,
        "httpcode" | "httpstatus" | "httpstatuscode" | "http" | "http状态码" | "响应状态码" => {
            Role::HttpStatus
        }
        "name" | "identifier" | "ident" | "命名" | "命名参考" | "错误标识" | "标识" => {
            Role::Name
        }
        "中文名称" | "message" | "msg" | "description" | "说明" | "描述" | "错误信息"
        | "错误描述" | "错误说明" | "中文说明" => Role::Message,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullet_fields_and_table_headers_share_one_dictionary() {
        assert_eq!(role_of("HttpCode"), Some(Role::HttpStatus));
        assert_eq!(role_of("http_code"), Some(Role::HttpStatus));
        assert_eq!(role_of("ErrorCode"), Some(Role::Code));
        assert_eq!(role_of("错误码"), Some(Role::Code));
        assert_eq!(role_of(" Error Code "), Some(Role::Code));
        assert_eq!(role_of("中文名称"), Some(Role::Message));
        assert_eq!(role_of("**说明**"), Some(Role::Message));
        assert_eq!(role_of("命名参考"), Some(Role::Name));
        assert_eq!(role_of("Name"), Some(Role::Name));
        assert_eq!(role_of("HTTP Code"), Some(Role::HttpStatus));
        assert_eq!(role_of("触发条件"), None);
        assert_eq!(role_of("英文名称"), None);
    }
}
