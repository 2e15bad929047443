//! Every problem a test provokes is one its operation lists: `x-problem-codes` in the document
//! (`api/src/http/codes.rs`) is checked on every answer the test client reads. With
//! `SSPR_TEST_RECORD_CODES=<file>` the unlisted ones are written there instead (to see what a
//! new operation answers), and nothing fails.

use std::collections::HashSet;
use std::io::Write as _;
use std::sync::LazyLock;

/// (method, path segments, operation id, codes listed)
type Operation = (String, Vec<String>, String, HashSet<String>);

static OPERATIONS: LazyLock<Vec<Operation>> = LazyLock::new(|| {
    let doc: serde_json::Value = serde_json::from_str(&sspr::http::openapi_json()).unwrap();
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let codes = op["x-problem-codes"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|c| c.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            found.push((
                method.to_uppercase(),
                path.split('/').map(str::to_owned).collect(),
                op["operationId"].as_str().unwrap_or_default().to_owned(),
                codes,
            ));
        }
    }
    found
});

/// The operation `method path` is, preferring literal segments over parameters.
fn operation(method: &str, path: &str) -> Option<&'static Operation> {
    let segments: Vec<&str> = path.split('/').collect();
    OPERATIONS
        .iter()
        .filter(|(m, template, _, _)| {
            m == method
                && template.len() == segments.len()
                && template
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| t == s || (t.starts_with('{') && !s.is_empty()))
        })
        .max_by_key(|(_, template, _, _)| template.iter().filter(|t| !t.starts_with('{')).count())
}

/// Fails when `code`, answered to `method path`, is not listed for its operation.
pub fn check(method: &str, path: &str, code: &str) {
    let Some((_, _, id, codes)) = operation(method, path) else {
        // Not an operation of the document (a path the fallback answers): nothing to hold.
        return;
    };
    if codes.contains(code) {
        return;
    }
    if let Ok(file) = std::env::var("SSPR_TEST_RECORD_CODES") {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(file)
            .unwrap();
        writeln!(f, "{id} {code}").unwrap();
        return;
    }
    panic!(
        "{method} {path} ({id}) answered the problem `{code}`, which its x-problem-codes do not \
         list: add it to `{id}` in api/src/http/codes.rs"
    );
}
