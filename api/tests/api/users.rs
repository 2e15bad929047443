use serde_json::json;

use crate::helpers::{ADMIN, TestApp, USER_PASSWORD};

async fn an_admin_creates_reads_changes_and_deletes_a_user(app: TestApp) {
    let admin = app.admin_token().await;
    let created = app
        .post(
            "/api/v1/admin/users",
            &admin,
            json!({"username": "Jane.Doe", "display_name": "Jane Doe", "email": "jane@example.com",
                   "mobile_phone": "+1 415 555 2671"}),
        )
        .await;
    assert_eq!(created.status, 201, "{:#}", created.body);
    let id = created.body["user_id"].as_str().unwrap().to_owned();
    assert_eq!(created.body["username"], "Jane.Doe");
    assert_eq!(
        created.body["mobile_phone"], "+14155552671",
        "stored in E.164"
    );
    assert_eq!(created.body["password_set"], false);
    assert_eq!(created.body["is_admin"], false);
    assert!(created.body.get("password_hash").is_none());

    let read = app.get(&format!("/api/v1/admin/users/{id}"), &admin).await;
    assert_eq!(read.body, created.body);

    let changed = app
        .patch(
            &format!("/api/v1/admin/users/{id}"),
            &admin,
            json!({"display_name": "Jane Q. Doe", "mobile_phone": null}),
        )
        .await;
    assert_eq!(changed.status, 200, "{:#}", changed.body);
    assert_eq!(changed.body["display_name"], "Jane Q. Doe");
    assert_eq!(changed.body["mobile_phone"], serde_json::Value::Null);
    assert_eq!(
        changed.body["email"], "jane@example.com",
        "absent fields are unchanged"
    );

    let rows = app.audit(&admin, &format!("user_id={id}")).await;
    let types: Vec<&str> = rows.iter().map(|r| r["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["user.updated", "user.created"]);
    assert_eq!(
        rows[0]["details"]["changed"],
        json!(["display_name", "mobile_phone"])
    );

    assert_eq!(
        app.delete(&format!("/api/v1/admin/users/{id}"), &admin)
            .await
            .status,
        204
    );
    app.get(&format!("/api/v1/admin/users/{id}"), &admin)
        .await
        .assert_problem(404, "not_found");
    app.delete(&format!("/api/v1/admin/users/{id}"), &admin)
        .await
        .assert_problem(404, "not_found");
    assert_eq!(app.audit(&admin, "type=user.deleted").await.len(), 1);
}

async fn usernames_are_unique_case_insensitively(app: TestApp) {
    let admin = app.admin_token().await;
    app.create_user(&admin, "kate").await;
    let again = app
        .post(
            "/api/v1/admin/users",
            &admin,
            json!({"username": "KATE", "display_name": "K", "email": "k2@example.com"}),
        )
        .await;
    again.assert_problem(409, "username_taken");
    let other = app.create_user(&admin, "kate2").await;
    let rename = app
        .patch(
            &format!("/api/v1/admin/users/{}", other["user_id"].as_str().unwrap()),
            &admin,
            json!({"username": "Kate"}),
        )
        .await;
    rename.assert_problem(409, "username_taken");
}

async fn invalid_user_fields_are_all_reported_and_nothing_is_created(app: TestApp) {
    let admin = app.admin_token().await;
    let bad = app
        .post(
            "/api/v1/admin/users",
            &admin,
            json!({"username": "no spaces allowed", "display_name": "", "email": "not-an-email",
                   "mobile_phone": "555-1234"}),
        )
        .await;
    bad.assert_problem(422, "validation_failed");
    assert_eq!(
        bad.fields(),
        ["display_name", "email", "mobile_phone", "username"]
    );
    let short = app
        .post(
            "/api/v1/admin/users",
            &admin,
            json!({"username": "leo", "display_name": "Leo", "email": "leo@example.com", "password": "short"}),
        )
        .await;
    assert_eq!(short.fields(), ["password"]);
    let escalate = app
        .post(
            "/api/v1/admin/users",
            &admin,
            json!({"username": "leo", "display_name": "Leo", "email": "leo@example.com", "role": "owner"}),
        )
        .await;
    escalate.assert_problem(422, "validation_failed");
    assert_eq!(escalate.body["errors"][0]["code"], "unknown_field");
    let list = app.get("/api/v1/admin/users", &admin).await;
    assert_eq!(list.body["total"], 1, "only the administrator exists");
}

async fn the_user_list_pages_and_searches(app: TestApp) {
    let admin = app.admin_token().await;
    for name in ["mia", "max", "mona", "ned", "ola"] {
        app.create_user(&admin, name).await;
    }
    let page1 = app.get("/api/v1/admin/users?per_page=2", &admin).await;
    assert_eq!(page1.body["total"], 6);
    let names = |a: &crate::helpers::Answer| -> Vec<String> {
        a.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["username"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(&page1), ["admin", "max"]);
    let page3 = app
        .get("/api/v1/admin/users?per_page=2&page=3", &admin)
        .await;
    assert_eq!(names(&page3), ["ned", "ola"]);
    let page4 = app
        .get("/api/v1/admin/users?per_page=2&page=4", &admin)
        .await;
    assert_eq!(names(&page4), Vec::<String>::new());

    // "n" is in admin's address and in two usernames, but not in "X Example <x@example.com>".
    let search = app.get("/api/v1/admin/users?search=N", &admin).await;
    assert_eq!(
        names(&search),
        ["admin", "mona", "ned"],
        "case-insensitive, on username, name and email"
    );
    let by_email = app
        .get("/api/v1/admin/users?search=ola%40example", &admin)
        .await;
    assert_eq!(names(&by_email), ["ola"]);
    // LIKE metacharacters and SQL are matched literally.
    for term in ["%25", "_", "%27%20OR%201%3D1%20--", "%5C"] {
        let a = app
            .get(&format!("/api/v1/admin/users?search={term}"), &admin)
            .await;
        assert_eq!(a.status, 200);
        assert_eq!(a.body["total"], 0, "search {term}");
    }
    app.get("/api/v1/admin/users?per_page=0", &admin)
        .await
        .assert_problem(422, "validation_failed");
    app.get("/api/v1/admin/users?per_page=201", &admin)
        .await
        .assert_problem(422, "validation_failed");
    app.get("/api/v1/admin/users?page=zero", &admin)
        .await
        .assert_problem(400, "invalid_query");
}

async fn the_last_administrator_cannot_be_removed(app: TestApp) {
    let admin = app.admin_token().await;
    let me = app.get("/api/v1/me", &admin).await;
    let my_id = me.body["user_id"].as_str().unwrap().to_owned();
    app.patch(
        &format!("/api/v1/admin/users/{my_id}"),
        &admin,
        json!({"is_admin": false}),
    )
    .await
    .assert_problem(409, "cannot_modify_self");
    app.delete(&format!("/api/v1/admin/users/{my_id}"), &admin)
        .await
        .assert_problem(409, "cannot_modify_self");

    // A second administrator can be demoted while the first remains, but the first cannot
    // then be removed by the second.
    let (second, _) = app.signed_in_user(&admin, "olga").await;
    let second_id = second["user_id"].as_str().unwrap();
    let promoted = app
        .patch(
            &format!("/api/v1/admin/users/{second_id}"),
            &admin,
            json!({"is_admin": true}),
        )
        .await;
    assert_eq!(promoted.body["is_admin"], true);
    let olga = app.token("olga", USER_PASSWORD).await;
    assert_eq!(
        app.delete(&format!("/api/v1/admin/users/{my_id}"), &olga)
            .await
            .status,
        204
    );
    app.patch(
        &format!("/api/v1/admin/users/{second_id}"),
        &olga,
        json!({"disabled": true}),
    )
    .await
    .assert_problem(409, "cannot_modify_self");
    // The deleted administrator's token is dead.
    app.get("/api/v1/me", &admin)
        .await
        .assert_problem(401, "unauthenticated");
    let _ = ADMIN;
}

async fn promoting_a_user_ends_their_sessions(app: TestApp) {
    let admin = app.admin_token().await;
    let (user, token) = app.signed_in_user(&admin, "pam").await;
    app.patch(
        &format!("/api/v1/admin/users/{}", user["user_id"].as_str().unwrap()),
        &admin,
        json!({"is_admin": true}),
    )
    .await;
    app.get("/api/v1/me", &token)
        .await
        .assert_problem(401, "unauthenticated");
    let fresh = app.token("pam", USER_PASSWORD).await;
    assert_eq!(app.get("/api/v1/admin/users", &fresh).await.status, 200);
}

crate::both_backends!(
    an_admin_creates_reads_changes_and_deletes_a_user,
    usernames_are_unique_case_insensitively,
    invalid_user_fields_are_all_reported_and_nothing_is_created,
    the_user_list_pages_and_searches,
    the_last_administrator_cannot_be_removed,
    promoting_a_user_ends_their_sessions,
);
