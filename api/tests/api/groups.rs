use serde_json::json;

use crate::helpers::TestApp;

async fn groups_are_created_renamed_given_members_and_deleted(app: TestApp) {
    let admin = app.admin_token().await;
    let created = app
        .post(
            "/api/v1/admin/groups",
            &admin,
            json!({"name": "Pilot", "description": "First wave"}),
        )
        .await;
    assert_eq!(created.status, 201, "{:#}", created.body);
    let id = created.body["group_id"].as_str().unwrap().to_owned();
    assert_eq!(created.body["members"], json!([]));
    app.post("/api/v1/admin/groups", &admin, json!({"name": "PILOT"}))
        .await
        .assert_problem(409, "group_name_taken");

    let u1 = app.create_user(&admin, "quinn").await;
    let u2 = app.create_user(&admin, "rita").await;
    let ids = json!({"user_ids": [u1["user_id"], u2["user_id"]]});
    let members = app
        .put(&format!("/api/v1/admin/groups/{id}/members"), &admin, ids)
        .await;
    assert_eq!(members.status, 200, "{:#}", members.body);
    let names: Vec<&str> = members.body["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["quinn", "rita"]);
    assert_eq!(members.body["member_count"], 2);

    let unknown = uuid::Uuid::new_v4();
    let bad = app
        .put(
            &format!("/api/v1/admin/groups/{id}/members"),
            &admin,
            json!({"user_ids": [u1["user_id"], unknown]}),
        )
        .await;
    bad.assert_problem(422, "validation_failed");
    assert_eq!(bad.fields(), ["user_ids[1]"]);
    assert_eq!(
        app.get(&format!("/api/v1/admin/groups/{id}"), &admin)
            .await
            .body["member_count"],
        2,
        "unchanged"
    );

    let shrink = app
        .put(
            &format!("/api/v1/admin/groups/{id}/members"),
            &admin,
            json!({"user_ids": [u2["user_id"]]}),
        )
        .await;
    assert_eq!(shrink.body["member_count"], 1);
    let audit = app.audit(&admin, "type=group.members_changed").await;
    assert_eq!(audit.len(), 2);
    assert_eq!(audit[0]["details"]["removed"], json!([u1["user_id"]]));

    let renamed = app
        .patch(
            &format!("/api/v1/admin/groups/{id}"),
            &admin,
            json!({"name": "Pilot 2", "description": null}),
        )
        .await;
    assert_eq!(renamed.body["name"], "Pilot 2");
    assert_eq!(renamed.body["description"], serde_json::Value::Null);

    let list = app.get("/api/v1/admin/groups", &admin).await;
    assert_eq!(list.body["items"][0]["member_count"], 1);

    assert_eq!(
        app.delete(&format!("/api/v1/admin/groups/{id}"), &admin)
            .await
            .status,
        204
    );
    app.get(&format!("/api/v1/admin/groups/{id}"), &admin)
        .await
        .assert_problem(404, "not_found");
    // The members still exist.
    assert_eq!(
        app.get(
            &format!("/api/v1/admin/users/{}", u2["user_id"].as_str().unwrap()),
            &admin
        )
        .await
        .status,
        200
    );
}

async fn a_group_named_by_the_policy_cannot_be_deleted(app: TestApp) {
    let admin = app.admin_token().await;
    let g = app
        .post("/api/v1/admin/groups", &admin, json!({"name": "Pilot"}))
        .await;
    let id = g.body["group_id"].as_str().unwrap().to_owned();
    let mut policy = app.get("/api/v1/admin/policy", &admin).await.body;
    policy["scope"] = json!("selected");
    policy["group_ids"] = json!([id]);
    assert_eq!(
        app.put("/api/v1/admin/policy", &admin, policy).await.status,
        200
    );
    app.delete(&format!("/api/v1/admin/groups/{id}"), &admin)
        .await
        .assert_problem(409, "group_in_use");
}

async fn deleting_a_user_removes_their_memberships(app: TestApp) {
    let admin = app.admin_token().await;
    let g = app
        .post("/api/v1/admin/groups", &admin, json!({"name": "Team"}))
        .await;
    let id = g.body["group_id"].as_str().unwrap().to_owned();
    let u = app.create_user(&admin, "sam").await;
    app.put(
        &format!("/api/v1/admin/groups/{id}/members"),
        &admin,
        json!({"user_ids": [u["user_id"]]}),
    )
    .await;
    app.delete(
        &format!("/api/v1/admin/users/{}", u["user_id"].as_str().unwrap()),
        &admin,
    )
    .await;
    assert_eq!(
        app.get(&format!("/api/v1/admin/groups/{id}"), &admin)
            .await
            .body["member_count"],
        0
    );
}

/// Under a scope of selected groups, a reset is offered to a member (in that group and
/// another, so that the person's groups come back as several rows) and refused to someone only
/// in the other group.
async fn a_reset_follows_group_membership_under_a_selected_scope(app: TestApp) {
    let admin = app.admin_token().await;
    let group = |name: &'static str| {
        let (app, admin) = (&app, &admin);
        async move {
            app.post("/api/v1/admin/groups", admin, json!({"name": name}))
                .await
                .body["group_id"]
                .clone()
        }
    };
    let (pilot, other) = (group("Pilot").await, group("Other").await);
    app.set_policy(
        &admin,
        json!({"scope": "all", "methods_required": 1, "methods_enabled": ["email", "mobile_sms"],
               "recovery_cooldown_hours": 0, "reveal_ineligible": true}),
    )
    .await;
    let (pia, pia_token) = app.signed_in_user(&admin, "pia").await;
    app.register_sms(&pia_token, "+14155550191").await;
    let (oto, oto_token) = app.signed_in_user(&admin, "oto").await;
    app.register_sms(&oto_token, "+14155550192").await;
    for (group, members) in [
        (&pilot, json!([pia["user_id"]])),
        (&other, json!([pia["user_id"], oto["user_id"]])),
    ] {
        let put = app
            .put(
                &format!("/api/v1/admin/groups/{}/members", group.as_str().unwrap()),
                &admin,
                json!({ "user_ids": members }),
            )
            .await;
        assert!(put.status.is_success(), "{:#}", put.body);
    }
    app.set_policy(&admin, json!({"scope": "selected", "group_ids": [pilot]}))
        .await;
    let started = app.start_flow("pia", "reset_password").await;
    assert_eq!(started.status, 201, "{:#}", started.body);
    assert_eq!(started.body["methods"].as_array().unwrap().len(), 1);
    app.start_flow("oto", "reset_password")
        .await
        .assert_problem(403, "not_eligible");
}

crate::both_backends!(
    a_reset_follows_group_membership_under_a_selected_scope,
    groups_are_created_renamed_given_members_and_deleted,
    a_group_named_by_the_policy_cannot_be_deleted,
    deleting_a_user_removes_their_memberships,
);
