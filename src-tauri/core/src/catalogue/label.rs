/*!
An `account_label` template (`"Store {store_id} · {account.accountEmail}"`): the `{path}`s it
names, and the label it makes with their values. The values are the ones a sign-in's answers gave
(kept in the index as data: see `service::account`), so a template in another language (a
built-in provider's, `catalogue-<provider>-account_label-<n>`) makes the same label in that
language.
*/

use std::collections::BTreeMap;

/// `template` with each `{path}` replaced by its value (a path without one stays as written).
/// Values are put in once, never read again as a template.
pub fn render_label(template: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}').map(|e| e + start) else {
            break;
        };
        out.push_str(&rest[..start]);
        let path = &rest[start + 1..end];
        match values.get(path) {
            Some(v) => out.push_str(v),
            None => out.push_str(&rest[start..=end]),
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The `{path}`s a template names, in order.
pub fn label_paths(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}').map(|e| e + start) else {
            break;
        };
        out.push(&rest[start + 1..end]);
        rest = &rest[end + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_filled_once_and_a_path_without_a_value_stays() {
        let values = BTreeMap::from([
            ("store_id".to_string(), "{store_id}".to_string()),
            (
                "account.accountEmail".to_string(),
                "o@example.com".to_string(),
            ),
        ]);
        assert_eq!(
            render_label("Loja {store_id} · {account.accountEmail}", &values),
            "Loja {store_id} · o@example.com"
        );
        assert_eq!(render_label("Portal {hub_id}", &values), "Portal {hub_id}");
        assert_eq!(
            label_paths("{hub_domain} · {user}"),
            ["hub_domain", "user"],
            "in order"
        );
    }
}
