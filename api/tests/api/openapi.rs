//! `openapi/openapi.json` is generated from the code; these tests keep the two in step.

const REGENERATE: &str =
    "cargo run -p sspr-api --bin sspr -- openapi > openapi/openapi.json  (or: make openapi)";

#[test]
fn the_committed_openapi_document_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let generated = sspr::http::openapi_json();
    assert!(
        committed == generated,
        "openapi/openapi.json is out of date with the code. Regenerate it with:\n    {REGENERATE}\n"
    );
}

#[test]
fn every_operation_lists_the_problem_codes_it_answers() {
    let doc: serde_json::Value = serde_json::from_str(&sspr::http::openapi_json()).unwrap();
    let mut ids = Vec::new();
    for item in doc["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            let id = op["operationId"].as_str().unwrap();
            ids.push(id.to_owned());
            let codes = op["x-problem-codes"]
                .as_array()
                .unwrap_or_else(|| panic!("{id}"));
            assert!(codes.iter().any(|c| c == "internal_error"), "{id}");
        }
    }
    for (id, own) in sspr::http::codes::OPERATIONS {
        assert!(ids.iter().any(|i| i == id), "{id} is not an operation");
        assert!(!own.is_empty(), "{id}");
    }
    let reset = &doc["paths"]["/api/v1/recovery/flows/{flow_id}/password"]["post"];
    let listed = reset["x-problem-codes"].to_string();
    for code in [
        "directory_unavailable",
        "flow_expired",
        "unauthenticated",
        "wrong_purpose",
    ] {
        assert!(listed.contains(code), "{code} in {listed}");
    }
    assert!(!listed.contains("forbidden"), "{listed}");
    assert!(
        reset["description"]
            .as_str()
            .unwrap()
            .contains("`verification_incomplete`"),
        "{reset:#}"
    );
}

#[test]
fn every_audit_event_kind_is_published_as_an_enum() {
    let doc: serde_json::Value = serde_json::from_str(&sspr::http::openapi_json()).unwrap();
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["AuditEntry"]["properties"]["type"]["$ref"],
        "#/components/schemas/EventKind"
    );
    let published: Vec<&str> = schemas["EventKind"]["enum"]
        .as_array()
        .expect("EventKind is an enum")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    let kinds: Vec<&str> = sspr::audit::EventKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(published, kinds);
    let described = schemas["EventKind"]["description"].as_str().unwrap_or("");
    for kind in &kinds {
        assert!(
            described.contains(&format!("`{kind}`")),
            "{kind} is not described"
        );
    }
    assert_eq!(
        schemas["AuditEntry"]["properties"]["outcome"]["$ref"],
        "#/components/schemas/Outcome"
    );
}

#[test]
fn every_problem_code_is_published_as_an_enum() {
    let doc: serde_json::Value = serde_json::from_str(&sspr::http::openapi_json()).unwrap();
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["Problem"]["properties"]["code"]["$ref"],
        "#/components/schemas/ErrorCode"
    );
    let published: Vec<&str> = schemas["ErrorCode"]["enum"]
        .as_array()
        .or_else(|| schemas["ErrorCode"]["oneOf"].as_array())
        .expect("ErrorCode is an enum")
        .iter()
        .filter_map(|v| {
            v.as_str()
                .or_else(|| v["enum"][0].as_str())
                .or_else(|| v["const"].as_str())
        })
        .collect();
    let codes: Vec<&str> = sspr::error::ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(published, codes);
    assert_eq!(
        schemas["FieldError"]["properties"]["code"]["$ref"],
        "#/components/schemas/FieldCode"
    );
    let fields: Vec<&str> = sspr::error::FieldCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(schemas["FieldCode"]["enum"], serde_json::json!(fields));
    for name in ["ErrorCode", "FieldCode"] {
        let described = schemas[name]["description"].as_str().unwrap_or_default();
        assert!(
            described.contains("- `"),
            "{name} says what each code means"
        );
    }
}

#[test]
fn every_operation_documents_its_errors_and_security() {
    let doc: serde_json::Value = serde_json::from_str(&sspr::http::openapi_json()).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let paths = doc["paths"].as_object().unwrap();
    for required in [
        "/api/v1/health",
        "/api/v1/config/public",
        "/api/v1/auth/sign-in",
        "/api/v1/auth/sign-out",
        "/api/v1/me",
        "/api/v1/admin/policy",
        "/api/v1/admin/users",
        "/api/v1/admin/users/{user_id}",
        "/api/v1/admin/users/{user_id}/unlock",
        "/api/v1/admin/groups",
        "/api/v1/admin/groups/{group_id}",
        "/api/v1/admin/groups/{group_id}/members",
        "/api/v1/admin/audit",
    ] {
        assert!(paths.contains_key(required), "{required} is not documented");
    }
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            for (status, response) in responses {
                let described = response.get("$ref").is_some()
                    || response["description"]
                        .as_str()
                        .is_some_and(|d| !d.is_empty());
                assert!(described, "{method} {path} {status} has no description");
            }
            if path.starts_with("/api/v1/admin") {
                for status in ["401", "403"] {
                    assert!(
                        responses.contains_key(status),
                        "{method} {path} does not document {status}"
                    );
                }
                assert!(
                    op["security"].is_array(),
                    "{method} {path} has no security requirement"
                );
            }
            if op.get("requestBody").is_some() {
                for status in ["413", "415", "422"] {
                    assert!(
                        responses.contains_key(status),
                        "{method} {path} does not document {status}"
                    );
                }
            }
        }
    }
}

async fn the_served_document_is_the_generated_one(app: crate::helpers::TestApp) {
    let served: serde_json::Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let generated: serde_json::Value = serde_json::from_str(&sspr::http::openapi_json()).unwrap();
    assert_eq!(served, generated);
}

crate::both_backends!(the_served_document_is_the_generated_one);

#[test]
fn operation_ids_are_unique_so_generated_clients_can_name_them() {
    let doc: serde_json::Value = serde_json::from_str(&sspr::http::openapi_json()).unwrap();
    let mut seen = std::collections::HashSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            assert!(seen.insert(id.to_owned()), "operationId {id} is used twice");
        }
    }
}
