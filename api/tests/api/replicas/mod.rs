//! Scale-out and faults, on PostgreSQL: three `sspr` processes — the real binary, configured by
//! environment variables the way an operator runs it — sharing one database, one mail server
//! and one SMS gateway, started all at once (one migrates and bootstraps, the others wait).
//! A flow moves between replicas step by step, limits and tries are counted across them (a
//! synchronised burst too), a replica is killed with SIGKILL in the middle of a reset, the mail
//! server goes away and comes back, and a flood of sign-ins meets the hashing queue. At the end
//! of the journeys the replicas' logs are searched for every secret the test used.

mod cluster;
mod integrations;

use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;
use serde_json::json;

use crate::helpers::{ADMIN_PASSWORD, TEMPORARY_PASSWORD, USER_PASSWORD};
use crate::support::field;

use cluster::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_moves_across_three_replicas_and_every_limit_is_shared() {
    let Some(cluster) = Cluster::start(3, &[("flow_starts_per_ip", "5")]).await else {
        return;
    };
    let admin = cluster.api(0).admin_token().await;
    open_policy(cluster.api(1), &admin).await;
    let (_, address) = cluster.person(2, &admin, "ada").await;
    let mut secrets = vec![
        ADMIN_PASSWORD.to_owned(),
        USER_PASSWORD.to_owned(),
        TEMPORARY_PASSWORD.to_owned(),
        admin,
    ];

    // Started and challenged on the first, verified on the second, finished on the third.
    let (flow, token) = start_and_challenge(cluster.api(0), "ada").await;
    let code = cluster.smtp.nth_code(&address, 2).await;
    let verified = cluster
        .api(1)
        .step(
            &flow,
            &token,
            "verify",
            json!({"method_id": email_method(&flow), "code": code}),
        )
        .await;
    assert_eq!(verified.status, 200, "{:#}", verified.body);
    let next = token_of(&verified);
    let new_password = "three replicas share one reset";
    let done = cluster
        .api(2)
        .step(
            &flow,
            &next,
            "password",
            json!({"new_password": new_password}),
        )
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert_eq!(
        cluster.api(0).sign_in("ada", new_password).await.status,
        200
    );
    assert_eq!(
        cluster.api(1).sign_in("ada", USER_PASSWORD).await.status,
        401
    );
    secrets.extend([code, token, next, new_password.to_owned()]);

    // Tries on one code, spent on the three replicas in turn: 4, 3, 2, 1, 0 left, then refused
    // even with the right code.
    let (flow, token) = start_and_challenge(cluster.api(1), "ada").await;
    let code = cluster.smtp.nth_code(&address, 3).await;
    let wrong = if code == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    for (attempt, left) in (0..5).zip([4, 3, 2, 1, 0]) {
        let answer = cluster
            .api(attempt % 3)
            .step(
                &flow,
                &token,
                "verify",
                json!({"method_id": email_method(&flow), "code": wrong}),
            )
            .await;
        assert_eq!(answer.status, 422, "{:#}", answer.body);
        assert_eq!(answer.body["attempts_left"], left, "{:#}", answer.body);
    }
    let late = cluster
        .api(2)
        .step(
            &flow,
            &token,
            "verify",
            json!({"method_id": email_method(&flow), "code": code}),
        )
        .await;
    assert!(late.status.is_client_error(), "{:#}", late.body);
    assert_ne!(late.status, 200);
    secrets.extend([code, token]);

    // Starts from one address, counted across replicas: two so far, three more pass, the
    // sixth is refused wherever it lands.
    for i in 0..3 {
        let start = cluster
            .api(i)
            .start_flow(&format!("someone{i}"), "reset_password")
            .await;
        assert_eq!(start.status, 201, "{:#}", start.body);
    }
    for i in 0..3 {
        let refused = cluster
            .api(i)
            .start_flow("someone-else", "reset_password")
            .await;
        refused.assert_problem(429, "throttled");
        assert!(refused.header("retry-after").is_some());
    }
    cluster.assert_logs_hold_none_of(&secrets);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_parallel_finishes_across_replicas_make_one_reset() {
    let Some(cluster) = Cluster::start(3, &[]).await else {
        return;
    };
    let admin = cluster.api(0).admin_token().await;
    open_policy(cluster.api(0), &admin).await;
    let (_, address) = cluster.person(1, &admin, "bo").await;
    let (flow, token) = start_and_challenge(cluster.api(2), "bo").await;
    let code = cluster.smtp.nth_code(&address, 2).await;
    let verified = cluster
        .api(0)
        .step(
            &flow,
            &token,
            "verify",
            json!({"method_id": email_method(&flow), "code": code}),
        )
        .await;
    assert_eq!(verified.status, 200, "{:#}", verified.body);
    let next = token_of(&verified);
    let passwords: Vec<String> = (0..200)
        .map(|i| format!("parallel finish {i} across replicas"))
        .collect();
    let finishes = passwords.iter().enumerate().map(|(i, p)| {
        cluster
            .api(i % 3)
            .step(&flow, &next, "password", json!({"new_password": p}))
    });
    let answers = futures_util::future::join_all(finishes).await;
    let winners: Vec<usize> = (0..answers.len())
        .filter(|&i| answers[i].status == 200)
        .collect();
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    assert_eq!(winners.len(), 1, "{statuses:?}");
    assert!(
        answers.iter().all(|a| a.status != 500),
        "no server error: {statuses:?}"
    );
    let winner = &passwords[winners[0]];
    assert_eq!(cluster.api(1).sign_in("bo", winner).await.status, 200);
    let loser = &passwords[(winners[0] + 1) % passwords.len()];
    assert_eq!(cluster.api(2).sign_in("bo", loser).await.status, 401);
    assert_eq!(
        cluster
            .api(0)
            .audit(&admin, "type=recovery.password_reset")
            .await
            .len(),
        1
    );
    // One notice, sent by whichever replica's outbox sender claimed it.
    let notice = |m: &crate::support::Mail| m.subject().contains("password was reset");
    for _ in 0..100 {
        if cluster.smtp.mails_to("bo@example.com").iter().any(notice) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let notices = cluster
        .smtp
        .mails_to("bo@example.com")
        .iter()
        .filter(|m| notice(m))
        .count();
    assert_eq!(notices, 1);
    let mut secrets = vec![code, token, next, admin];
    secrets.extend(passwords);
    cluster.assert_logs_hold_none_of(&secrets);
}

/// Issue 12 (SECURITY.md 39) across replicas: every limit is one serialised count-then-insert
/// on the shared database, whichever replica decides. Forty challenges on one flow, released
/// at one instant over three replicas, get one 202 and one text message (the resend spacing
/// allows one); the rest are 429 `throttled`. Forty flow starts from one client address, at one
/// instant over three replicas, start exactly the address's budget of flows. With the check
/// and the insert left to interleave under READ COMMITTED, several challenges pass and send, and
/// the budget overshoots.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_synchronised_burst_across_three_replicas_sends_one_code_and_keeps_every_budget() {
    const BURST: usize = 40;
    const STARTS_PER_ADDRESS: usize = 6;
    let starts_per_address = STARTS_PER_ADDRESS.to_string();
    let Some(cluster) = Cluster::start(
        3,
        &[
            ("trusted_proxies", "127.0.0.1/32"),
            ("flow_starts_per_ip", &starts_per_address),
        ],
    )
    .await
    else {
        return;
    };
    let admin = cluster.api(0).admin_token().await;
    open_policy(cluster.api(1), &admin).await;
    let phone = "+14155550439";
    cluster.phone_person(2, &admin, "burt", phone).await;
    let texts_before = cluster.texts_to(phone).await.len();

    // One flow, started on the first replica; forty challenges of its phone at once.
    let start = cluster.api(0).start_flow("burt", "reset_password").await;
    assert_eq!(start.status, 201, "{:#}", start.body);
    let (flow, token) = (start.body.clone(), token_of(&start));
    let path = format!(
        "/api/v1/recovery/flows/{}/challenges",
        flow["flow_id"].as_str().unwrap()
    );
    let body = json!({"method_id": crate::recovery::method_from(&flow, "mobile_sms")});
    let answers = cluster
        .at_once(BURST, |_, api| {
            api.client
                .post(api.url(&path))
                .bearer_auth(&token)
                .json(&body)
        })
        .await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    let accepted = statuses.iter().filter(|&&s| s == 202).count();
    // Codes go out in the background, from whichever replica accepted: the first one, then
    // time for any other to arrive.
    for _ in 0..40 {
        if cluster.texts_to(phone).await.len() > texts_before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let texts = cluster.texts_to(phone).await;
    assert_eq!(
        (accepted, texts.len() - texts_before),
        (1, 1),
        "(202s, texts) for {BURST} synchronised challenges: {statuses:?}"
    );
    for refused in answers.iter().filter(|a| a.status != 202) {
        refused.assert_problem(429, "throttled");
    }
    let code = field(texts.last().unwrap(), "Body")
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();

    // Forty starts from one client address (behind the trusted proxy), each with a CAPTCHA
    // solution of its own and a username of its own, at once: the address's budget, no more.
    let address = "203.0.113.39";
    let mut solutions = Vec::new();
    for i in 0..BURST {
        solutions.push(cluster.api(i % 3).captcha().await);
    }
    let answers = cluster
        .at_once(BURST, |i, api| {
            let body = json!({"username": format!("burst{i}"), "purpose": "reset_password",
                              "captcha": solutions[i]});
            api.client
                .post(api.url("/api/v1/recovery/flows"))
                .header("x-forwarded-for", address)
                .json(&body)
        })
        .await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    let started = statuses.iter().filter(|&&s| s == 201).count();
    let recorded = cluster
        .api(2)
        .audit(&admin, "type=recovery.started")
        .await
        .into_iter()
        .filter(|row| row["ip"] == address)
        .count();
    assert_eq!(
        (started, recorded),
        (STARTS_PER_ADDRESS, STARTS_PER_ADDRESS),
        "(201s, flows recorded) for {BURST} synchronised starts: {statuses:?}"
    );
    for refused in answers.iter().filter(|a| a.status != 201) {
        refused.assert_problem(429, "throttled");
        assert!(refused.header("retry-after").is_some());
    }
    cluster.assert_logs_hold_none_of(&[admin, token, code]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifications_wait_out_an_smtp_outage_and_three_senders_deliver_each_once() {
    let Some(cluster) = Cluster::start(3, &[]).await else {
        return;
    };
    let admin = cluster.api(0).admin_token().await;
    open_policy(cluster.api(0), &admin).await;
    let names: Vec<String> = (0..9).map(|i| format!("nat{i}")).collect();
    let mut people = Vec::new();
    for (i, name) in names.iter().enumerate() {
        people.push(cluster.person(i % 3, &admin, name).await);
    }
    // Removing a method is a change: each person proves a step-up with it first.
    let mut ids = Vec::new();
    for (i, (token, address)) in people.iter().enumerate() {
        let api = cluster.api(i % 3);
        let methods = api.get("/api/v1/me/methods", token).await;
        let id = methods.body["items"][0]["method_id"]
            .as_str()
            .unwrap_or_else(|| panic!("{:#}", methods.body))
            .to_owned();
        let sent = api
            .post(
                "/api/v1/me/step-up/challenges",
                token,
                json!({"method_id": id}),
            )
            .await;
        assert_eq!(sent.status, 202, "{:#}", sent.body);
        let code = cluster.smtp.nth_code(address, 2).await;
        let proved = api
            .post(
                "/api/v1/me/step-up",
                token,
                json!({"method_id": id, "code": code}),
            )
            .await;
        assert_eq!(proved.status, 200, "{:#}", proved.body);
        ids.push(id);
    }
    // Let the registration notices go out, then count what each person has.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let before: Vec<usize> = names
        .iter()
        .map(|n| cluster.smtp.mails_to(&format!("{n}@example.com")).len())
        .collect();
    cluster.smtp.stop();
    for (i, ((token, _), id)) in people.iter().zip(&ids).enumerate() {
        let api = cluster.api(i % 3);
        let removed = api.delete(&format!("/api/v1/me/methods/{id}"), token).await;
        assert!(removed.status.is_success(), "{:#}", removed.body);
    }
    // The senders try, fail and back off while the server is away.
    tokio::time::sleep(Duration::from_secs(2)).await;
    cluster.smtp.restart().await;
    for (i, name) in names.iter().enumerate() {
        cluster
            .smtp
            .wait_for_within(&format!("{name}@example.com"), before[i] + 1, 30)
            .await;
    }
    // Nothing more arrives: each notice went out once, whichever replica sent it.
    tokio::time::sleep(Duration::from_secs(2)).await;
    for (i, name) in names.iter().enumerate() {
        assert_eq!(
            cluster.smtp.mails_to(&format!("{name}@example.com")).len(),
            before[i] + 1,
            "{name}"
        );
    }
    let pending = cluster
        .api(0)
        .client
        .get(format!("{}/metrics", cluster.replicas[0].metrics))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(pending.contains("sspr_outbox_depth 0"), "{pending}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_killed_in_the_middle_of_a_reset_leaves_nothing_half_done() {
    let Some(mut cluster) = Cluster::start(3, &[]).await else {
        return;
    };
    let admin = cluster.api(1).admin_token().await;
    open_policy(cluster.api(1), &admin).await;
    let mut secrets = vec![admin.clone()];
    // The kill lands before, during or after the finish, depending on the delay.
    for (round, delay_ms) in [0u64, 5, 15, 30, 60].into_iter().enumerate() {
        let name = format!("kim{round}");
        let (_, address) = cluster.person(1, &admin, &name).await;
        let (flow, token) = start_and_challenge(cluster.api(0), &name).await;
        let code = cluster.smtp.nth_code(&address, 2).await;
        let verified = cluster
            .api(0)
            .step(
                &flow,
                &token,
                "verify",
                json!({"method_id": email_method(&flow), "code": code}),
            )
            .await;
        assert_eq!(verified.status, 200, "{:#}", verified.body);
        let next = token_of(&verified);
        let password = format!("killed replica round {round} password");

        let victim = cluster.api(0).clone();
        let request = victim
            .client
            .post(victim.url(&format!(
                "/api/v1/recovery/flows/{}/password",
                flow["flow_id"].as_str().unwrap()
            )))
            .bearer_auth(&next)
            .json(&json!({"new_password": password}))
            .send();
        let in_flight = tokio::spawn(request);
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        cluster.kill(0);
        let answered = in_flight.await.unwrap().map(|r| r.status().as_u16());

        // Either the whole reset happened or none of it did.
        let landed = cluster.api(1).sign_in(&name, &password).await.status == 200;
        let old = cluster.api(2).sign_in(&name, USER_PASSWORD).await.status;
        let resets = cluster
            .api(1)
            .audit(&admin, "type=recovery.password_reset")
            .await
            .into_iter()
            .filter(|row| row["target"]["name"] == name.as_str() || row.to_string().contains(&name))
            .count();
        if landed {
            assert_eq!(
                old, 401,
                "round {round}: the old password died with the reset"
            );
            assert_eq!(resets, 1, "round {round}");
            // The flow is spent: retrying elsewhere changes nothing.
            let again = cluster
                .api(2)
                .step(
                    &flow,
                    &next,
                    "password",
                    json!({"new_password": "another retry password"}),
                )
                .await;
            assert!(again.status.is_client_error(), "{:#}", again.body);
        } else {
            assert!(
                !matches!(answered, Ok(200)),
                "round {round}: a 200 was answered but nothing was stored"
            );
            assert_eq!(old, 200, "round {round}: nothing changed");
            assert_eq!(resets, 0, "round {round}");
            // The person retries the same step on another replica.
            let retried = cluster
                .api(2)
                .step(&flow, &next, "password", json!({"new_password": password}))
                .await;
            assert_eq!(retried.status, 200, "round {round}: {:#}", retried.body);
            assert_eq!(cluster.api(1).sign_in(&name, &password).await.status, 200);
        }
        // Either way one notice reaches the person.
        let notice = |m: &crate::support::Mail| m.subject().contains("password was reset");
        for _ in 0..200 {
            if cluster
                .smtp
                .mails_to(&format!("{name}@example.com"))
                .iter()
                .any(notice)
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(
            cluster
                .smtp
                .mails_to(&format!("{name}@example.com"))
                .iter()
                .filter(|m| notice(m))
                .count(),
            1,
            "round {round}"
        );
        secrets.extend([code, token, next, password]);
        cluster.restart(0).await;
    }
    cluster.assert_logs_hold_none_of(&secrets);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_sign_ins_is_shed_and_recovery_keeps_answering() {
    let Some(cluster) = Cluster::start(1, &[("hash_workers", "1"), ("hash_queue", "4")]).await
    else {
        return;
    };
    let api = cluster.api(0).clone();
    let admin = api.admin_token().await;
    open_policy(&api, &admin).await;
    let (_, address) = cluster.person(0, &admin, "flo").await;

    // 64 clients sign in with wrong passwords as fast as they are answered.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flood: Vec<_> = (0..64)
        .map(|i| {
            let (api, stop) = (api.clone(), stop.clone());
            tokio::spawn(async move {
                let (mut shed, mut with_retry_after, mut other) = (0u32, 0u32, Vec::new());
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let sent = api
                        .client
                        .post(api.url("/api/v1/auth/sign-in"))
                        .json(&json!({"username": format!("nobody{i}"), "password": "wrong password here"}))
                        .send()
                        .await;
                    match sent {
                        Ok(a) if a.status() == 503 => {
                            shed += 1;
                            if a.headers().get("retry-after").is_some() {
                                with_retry_after += 1;
                            }
                        }
                        Ok(a) if a.status() == 401 => {}
                        Ok(a) => other.push(a.status().to_string()),
                        Err(e) => other.push(format!("{e:?}")),
                    }
                }
                (shed, with_retry_after, other)
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Meanwhile: health, a flow start and a code verification all answer.
    for _ in 0..3 {
        let live = api
            .call(Method::GET, "/api/v1/health/live", None, None)
            .await;
        assert_eq!(live.status, 200);
    }
    let (flow, token) = start_and_challenge(&api, "flo").await;
    let code = cluster.smtp.nth_code(&address, 2).await;
    let verified = api
        .step(
            &flow,
            &token,
            "verify",
            json!({"method_id": email_method(&flow), "code": code}),
        )
        .await;
    assert_eq!(verified.status, 200, "{:#}", verified.body);

    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let (mut shed, mut with_retry_after, mut other) = (0, 0, Vec::new());
    for task in flood {
        let (s, r, o) = task.await.unwrap();
        shed += s;
        with_retry_after += r;
        other.extend(o);
    }
    assert!(shed > 0, "the hashing queue shed nothing");
    assert_eq!(shed, with_retry_after, "every 503 says when to retry");
    assert!(
        other.is_empty(),
        "only 401 and 503 answers: {other:?}\n{}",
        cluster.log(0)
    );
}

/// The same on OpenLDAP: three replicas on one PostgreSQL and one slapd; the reset started on
/// the first, verified on the second and finished on the third is written to slapd once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_on_openldap_moves_across_three_replicas() {
    use crate::ldap::slapd::{SEED_PASSWORD, Slapd};
    let Some(slapd) = Slapd::start() else {
        return;
    };
    let settings = slapd.settings();
    let overrides: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let Some(cluster) = Cluster::start(3, &overrides).await else {
        return;
    };
    let admin = cluster.api(0).token("dana", SEED_PASSWORD).await;
    open_policy(cluster.api(1), &admin).await;
    let session = cluster.api(2).token("lee", SEED_PASSWORD).await;
    let address = "lee@home.example";
    cluster
        .api(2)
        .register_email(&cluster.smtp, &session, address)
        .await;

    let (flow, token) = start_and_challenge(cluster.api(0), "lee").await;
    let code = cluster.smtp.nth_code(address, 2).await;
    let verified = cluster
        .api(1)
        .step(
            &flow,
            &token,
            "verify",
            json!({"method_id": email_method(&flow), "code": code}),
        )
        .await;
    assert_eq!(verified.status, 200, "{:#}", verified.body);
    let new_password = "three replicas share one directory";
    let done = cluster
        .api(2)
        .step(
            &flow,
            &token_of(&verified),
            "password",
            json!({"new_password": new_password}),
        )
        .await;
    assert_eq!(done.status, 200, "{:#}", done.body);
    assert!(slapd.binds("lee", new_password), "written to slapd");
    assert!(!slapd.binds("lee", SEED_PASSWORD));
    for i in 0..3 {
        assert_eq!(
            cluster.api(i).sign_in("lee", new_password).await.status,
            200,
            "replica {i}"
        );
    }
}
