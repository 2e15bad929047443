//! What integrators receive from three replicas at once: every webhook event delivered once,
//! signed, after the receiver was down for a while; and the audit stream, each committed entry
//! written once as a JSON line by the replica that committed it, none that is not in the
//! database, and no secret in it.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde_json::{Value, json};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::cluster::{Cluster, open_policy};
use crate::helpers::{ADMIN_PASSWORD, Api, TEMPORARY_PASSWORD, USER_PASSWORD};
use crate::webhooks::{expected_signature, header};

/// Every audit entry the API lists, newest first (all pages).
async fn all_audit(api: &Api, admin: &str) -> Vec<Value> {
    let mut entries = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let query = cursor.map_or_else(
            || "limit=200".to_owned(),
            |c| format!("limit=200&cursor={c}"),
        );
        let page = api
            .get(&format!("/api/v1/admin/audit?{query}"), admin)
            .await;
        assert_eq!(page.status, 200, "{:#}", page.body);
        entries.extend(page.body["items"].as_array().unwrap().iter().cloned());
        match page.body["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return entries,
        }
    }
}

/// The audit stream's lines in replica `i`'s log: entry id → the line.
fn streamed(cluster: &Cluster, i: usize) -> Vec<Value> {
    cluster
        .log(i)
        .lines()
        .filter(|line| line.starts_with('{'))
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|line| line["log"] == "audit")
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_and_the_audit_stream_are_each_once_across_three_replicas() {
    let Some(cluster) = Cluster::start(
        3,
        &[("webhooks_allow_private", "true"), ("audit_log", "true")],
    )
    .await
    else {
        return;
    };
    let admin = cluster.api(0).admin_token().await;
    open_policy(cluster.api(1), &admin).await;

    // The receiver is down: nothing listens on its port yet.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let created = cluster
        .api(2)
        .post(
            "/api/v1/admin/webhooks",
            &admin,
            json!({"url": format!("http://127.0.0.1:{port}/hook"),
                   "events": ["method.added", "registration.completed"]}),
        )
        .await;
    assert_eq!(created.status, 201, "{:#}", created.body);
    let secret = created.body["secret"].as_str().unwrap().to_owned();
    let endpoint = created.body["endpoint"]["endpoint_id"]
        .as_str()
        .unwrap()
        .to_owned();

    // One person registers on each replica: two events each.
    for (i, name) in ["iris", "ivan", "ines"].into_iter().enumerate() {
        cluster.person(i, &admin, name).await;
    }
    let deliveries_path = format!("/api/v1/admin/webhooks/{endpoint}/deliveries");
    let mut failed_once = false;
    for _ in 0..200 {
        let items = cluster.api(1).get(&deliveries_path, &admin).await.body["items"].clone();
        failed_once = items.as_array().is_some_and(|items| {
            items.len() == 6 && items.iter().all(|d| d["attempts"].as_i64() >= Some(1))
        });
        if failed_once {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        failed_once,
        "six deliveries, each refused once while the receiver is down"
    );

    // The receiver comes up on its port; the retries find it.
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let receiver = MockServer::builder().listener(listener).start().await;
    Mock::given(wiremock::matchers::method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let mut delivered = Vec::new();
    for _ in 0..600 {
        delivered = cluster.api(0).get(&deliveries_path, &admin).await.body["items"]
            .as_array()
            .unwrap()
            .clone();
        if delivered.iter().all(|d| d["delivered_at"].is_string()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        delivered.iter().all(|d| d["delivered_at"].is_string()),
        "{delivered:#?}"
    );
    // Three senders poll every 50 ms: time for any of them to send something twice.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let requests = receiver.received_requests().await.unwrap();
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut events: BTreeMap<String, usize> = BTreeMap::new();
    for request in &requests {
        assert_eq!(
            header(request, "webhook-signature"),
            expected_signature(&secret, request)
        );
        *by_id
            .entry(header(request, "webhook-id").to_owned())
            .or_default() += 1;
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        *events
            .entry(body["type"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    assert_eq!(by_id.len(), 6, "{by_id:?}");
    assert!(by_id.values().all(|n| *n == 1), "nothing twice: {by_id:?}");
    assert_eq!(
        events,
        BTreeMap::from([
            ("method.added".to_owned(), 3),
            ("registration.completed".to_owned(), 3)
        ])
    );

    // The audit stream: every entry once, in the log of the replica that committed it.
    let before = all_audit(cluster.api(0), &admin).await;
    let lines: Vec<Value> = (0..3).flat_map(|i| streamed(&cluster, i)).collect();
    let after = all_audit(cluster.api(0), &admin).await;
    let mut line_ids = BTreeSet::new();
    for line in &lines {
        let id = line["id"].as_str().unwrap().to_owned();
        assert!(line_ids.insert(id.clone()), "streamed twice: {line}");
        let stored = after
            .iter()
            .find(|e| e["id"] == id.as_str())
            .unwrap_or_else(|| panic!("streamed but not stored: {line}"));
        assert_eq!(line["type"], stored["type"]);
        assert_eq!(line["outcome"], stored["outcome"]);
        assert_eq!(line["target_id"], stored["target_id"]);
    }
    for entry in &before {
        assert!(
            line_ids.contains(entry["id"].as_str().unwrap()),
            "stored but not streamed: {entry}"
        );
    }
    let replicas_streaming = (0..3)
        .filter(|i| !streamed(&cluster, *i).is_empty())
        .count();
    assert_eq!(
        replicas_streaming, 3,
        "each replica streams what it commits"
    );
    assert!(
        lines
            .iter()
            .any(|l| l["type"] == "registration.completed" && l["target_name"] == "ines")
    );
    cluster.assert_logs_hold_none_of(&[
        ADMIN_PASSWORD.to_owned(),
        USER_PASSWORD.to_owned(),
        TEMPORARY_PASSWORD.to_owned(),
        secret[6..].to_owned(),
    ]);
}
