//! Signed webhooks: an administrator registers an endpoint; an event (a method added) reaches it
//! signed as Standard Webhooks says (checked here with HMAC-SHA256 computed independently),
//! again after the receiver failed, once only although two replicas dispatch, again with the
//! same id when redelivered; the delivery log shows the answers; endpoints on private
//! addresses are refused unless the setting allows them; keys cannot touch webhooks. The
//! first method that meets the policy completes registration (once); a delivery failing for a
//! day is given up until sent again by hand.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{Hmac, Mac as _};
use serde_json::{Value, json};
use sha2::Sha256;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::{Backend, spawn_app_with, spawn_on};

const ALLOW: &[(&str, &str)] = &[("webhooks_allow_private", "true")];

/// The requests the receiver got, once there are `count` of them (or after 15 s).
async fn received(server: &MockServer, count: usize) -> Vec<wiremock::Request> {
    for _ in 0..300 {
        let got = server.received_requests().await.unwrap_or_default();
        if got.len() >= count {
            return got;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    server.received_requests().await.unwrap_or_default()
}

pub fn header<'a>(request: &'a wiremock::Request, name: &str) -> &'a str {
    request
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// Standard Webhooks: `v1,` + base64(HMAC-SHA256(base64-decoded secret, "id.timestamp.body")).
pub fn expected_signature(secret: &str, request: &wiremock::Request) -> String {
    let key = B64.decode(secret.trim_start_matches("whsec_")).unwrap();
    let mut mac = <Hmac<Sha256> as hmac::Mac>::new_from_slice(&key).unwrap();
    mac.update(header(request, "webhook-id").as_bytes());
    mac.update(b".");
    mac.update(header(request, "webhook-timestamp").as_bytes());
    mac.update(b".");
    mac.update(&request.body);
    format!("v1,{}", B64.encode(mac.finalize().into_bytes()))
}

async fn an_event_is_delivered_signed_retried_once_and_redelivered(backend: Backend) {
    let Some(app) = spawn_app_with(backend, ALLOW).await else {
        return;
    };
    let second = spawn_on(app.db.clone(), backend, ALLOW).await;
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/hook"))
        .respond_with(ResponseTemplate::new(503).set_body_string("busy"))
        .up_to_n_times(1)
        .mount(&receiver)
        .await;
    Mock::given(method("POST"))
        .and(path("/hook"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let admin = app.admin_token().await;
    let created = app
        .post(
            "/api/v1/admin/webhooks",
            &admin,
            json!({"url": format!("{}/hook", receiver.uri()), "events": ["method.added", "password.reset"],
                   "description": "HR system"}),
        )
        .await;
    assert_eq!(created.status, 201, "{:#}", created.body);
    let secret = created.body["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"));
    let endpoint = created.body["endpoint"]["endpoint_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let listed = app.get("/api/v1/admin/webhooks", &admin).await;
    assert!(
        !listed.body.to_string().contains(&secret[6..]),
        "no secret in the list"
    );

    // A method added: the receiver is busy the first time, and takes it after the backoff.
    let (_, token) = app.signed_in_user(&admin, "wanda").await;
    app.register_sms(&token, "+14155550181").await;
    let first = received(&receiver, 1).await;
    assert_eq!(first.len(), 1);
    // Recorded as failed (and put off from the clock's time then) before the clock moves on.
    deliveries_when(&app, &admin, &endpoint, |d| d["attempts"] == 1).await;
    app.advance(30);
    let both = received(&receiver, 2).await;
    assert_eq!(both.len(), 2, "retried once");
    for request in &both {
        assert_eq!(
            header(request, "webhook-signature"),
            expected_signature(&secret, request)
        );
        assert_eq!(header(request, "content-type"), "application/json");
    }
    assert_eq!(
        header(&both[0], "webhook-id"),
        header(&both[1], "webhook-id")
    );
    let body: Value = serde_json::from_slice(&both[1].body).unwrap();
    assert_eq!(body["type"], "method.added");
    assert_eq!(body["data"]["username"], "wanda");
    assert_eq!(body["data"]["method_kind"], "mobile_sms");
    assert!(
        !String::from_utf8_lossy(&both[1].body).contains("code"),
        "{body}"
    );

    // Two replicas dispatch; nothing is sent twice.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(receiver.received_requests().await.unwrap().len(), 2);

    // The delivery log, and a redelivery with the same id.
    let log = app
        .get(
            &format!("/api/v1/admin/webhooks/{endpoint}/deliveries"),
            &admin,
        )
        .await;
    assert_eq!(log.status, 200, "{:#}", log.body);
    let delivery = &log.body["items"][0];
    assert_eq!(delivery["event"], "method.added");
    assert_eq!(delivery["attempts"], 1);
    assert_eq!(delivery["last_answer"], "HTTP 200");
    assert!(delivery["delivered_at"].is_string());
    let id = delivery["delivery_id"].as_str().unwrap();
    let again = app
        .post(
            &format!("/api/v1/admin/webhooks/{endpoint}/deliveries/{id}/redeliver"),
            &admin,
            Value::Null,
        )
        .await;
    assert_eq!(again.status, 202, "{:#}", again.body);
    let three = received(&receiver, 3).await;
    assert_eq!(three.len(), 3);
    assert_eq!(header(&three[2], "webhook-id"), id);

    // Removed: nothing more is queued for it.
    let removed = app
        .delete(&format!("/api/v1/admin/webhooks/{endpoint}"), &admin)
        .await;
    assert_eq!(removed.status, 204);
    assert_eq!(app.audit(&admin, "type=webhook").await.len(), 3);
    drop(second);
}

/// An endpoint's deliveries, once the first satisfies `done` (or after 15 s).
async fn deliveries_when(
    app: &crate::helpers::TestApp,
    admin: &str,
    endpoint: &str,
    done: impl Fn(&Value) -> bool,
) -> Vec<Value> {
    let path = format!("/api/v1/admin/webhooks/{endpoint}/deliveries");
    for _ in 0..300 {
        let items = app.get(&path, admin).await.body["items"].clone();
        if items.get(0).is_some_and(&done) {
            return items.as_array().unwrap().clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{:#}", app.get(&path, admin).await.body);
}

async fn registration_completes_once_and_a_delivery_failing_for_a_day_is_given_up(
    backend: Backend,
) {
    let Some(app) = spawn_app_with(backend, ALLOW).await else {
        return;
    };
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500).set_body_string("down"))
        .up_to_n_times(2)
        .mount(&receiver)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&receiver)
        .await;
    let admin = app.admin_token().await;
    let created = app
        .post(
            "/api/v1/admin/webhooks",
            &admin,
            json!({"url": format!("{}/hook", receiver.uri()), "events": ["registration.completed"]}),
        )
        .await;
    assert_eq!(created.status, 201, "{:#}", created.body);
    let endpoint = created.body["endpoint"]["endpoint_id"]
        .as_str()
        .unwrap()
        .to_owned();

    // The policy asks for one method: the first completes registration, the second does not.
    let (user, token) = app.signed_in_user(&admin, "rhoda").await;
    app.register_sms(&token, "+14155550182").await;
    app.register_email(&token, "rhoda@home.example").await;
    let completed = app.audit(&admin, "type=registration.completed").await;
    assert_eq!(completed.len(), 1, "{completed:#?}");
    assert_eq!(completed[0]["target_id"], user["user_id"]);
    assert_eq!(
        completed[0]["details"],
        json!({"methods_registered": 1, "methods_required": 1})
    );
    let first = received(&receiver, 1).await;
    assert_eq!(first.len(), 1);
    let body: Value = serde_json::from_slice(&first[0].body).unwrap();
    assert_eq!(body["type"], "registration.completed");
    assert_eq!(body["data"]["username"], "rhoda");

    // The first failure is recorded (and not only received) before the clock moves on.
    deliveries_when(&app, &admin, &endpoint, |d| d["attempts"] == 1).await;

    // Failing a day later too: given up, and never tried again by itself.
    app.advance(25 * 3600);
    let admin = app.admin_token().await;
    let items = deliveries_when(&app, &admin, &endpoint, |d| d["given_up_at"].is_string()).await;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["attempts"], 2);
    assert_eq!(items[0]["next_attempt_at"], Value::Null);
    assert_eq!(items[0]["delivered_at"], Value::Null);
    assert_eq!(items[0]["last_answer"], "HTTP 500: down");
    app.advance(3 * 3600);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(receiver.received_requests().await.unwrap().len(), 2);

    // Sent again by hand, it is taken.
    let id = items[0]["delivery_id"].as_str().unwrap();
    let admin = app.admin_token().await;
    let again = app
        .post(
            &format!("/api/v1/admin/webhooks/{endpoint}/deliveries/{id}/redeliver"),
            &admin,
            Value::Null,
        )
        .await;
    assert_eq!(again.status, 202, "{:#}", again.body);
    let items = deliveries_when(&app, &admin, &endpoint, |d| d["delivered_at"].is_string()).await;
    assert_eq!(items[0]["given_up_at"], Value::Null);
    assert_eq!(items[0]["last_answer"], "HTTP 204");
    assert_eq!(receiver.received_requests().await.unwrap().len(), 3);
}

async fn private_addresses_are_refused_and_keys_cannot_touch_webhooks(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &[]).await else {
        return;
    };
    let admin = app.admin_token().await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "ftp://example.com/hook",
    ] {
        let refused = app
            .post(
                "/api/v1/admin/webhooks",
                &admin,
                json!({"url": url, "events": ["password.reset"]}),
            )
            .await;
        refused.assert_problem(422, "validation_failed");
        assert_eq!(refused.body["errors"][0]["field"], "url", "{url}");
    }
    let none = app
        .post(
            "/api/v1/admin/webhooks",
            &admin,
            json!({"url": "https://example.com/", "events": []}),
        )
        .await;
    none.assert_problem(422, "validation_failed");
    assert_eq!(
        app.get("/api/v1/admin/webhooks", &admin).await.body["items"],
        json!([])
    );

    let key = app
        .post(
            "/api/v1/admin/api-keys",
            &admin,
            json!({"name": "all", "scopes": ["admin:read", "admin:write"]}),
        )
        .await;
    let key = key.body["secret"].as_str().unwrap().to_owned();
    app.get("/api/v1/admin/webhooks", &key)
        .await
        .assert_problem(401, "unauthenticated");
}

mod sqlite {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_event_is_delivered_signed_retried_once_and_redelivered() {
        super::an_event_is_delivered_signed_retried_once_and_redelivered(super::Backend::Sqlite)
            .await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn registration_completes_once_and_a_delivery_failing_for_a_day_is_given_up() {
        super::registration_completes_once_and_a_delivery_failing_for_a_day_is_given_up(
            super::Backend::Sqlite,
        )
        .await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn private_addresses_are_refused_and_keys_cannot_touch_webhooks() {
        super::private_addresses_are_refused_and_keys_cannot_touch_webhooks(super::Backend::Sqlite)
            .await;
    }
}

mod postgres {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_event_is_delivered_signed_retried_once_and_redelivered() {
        super::an_event_is_delivered_signed_retried_once_and_redelivered(super::Backend::Postgres)
            .await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn registration_completes_once_and_a_delivery_failing_for_a_day_is_given_up() {
        super::registration_completes_once_and_a_delivery_failing_for_a_day_is_given_up(
            super::Backend::Postgres,
        )
        .await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn private_addresses_are_refused_and_keys_cannot_touch_webhooks() {
        super::private_addresses_are_refused_and_keys_cannot_touch_webhooks(
            super::Backend::Postgres,
        )
        .await;
    }
}
