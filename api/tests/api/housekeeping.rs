//! Housekeeping: rows past every window that reads them are deleted, and nothing younger.

use crate::helpers::TestApp;

async fn old_limit_events_captchas_and_sessions_are_purged_and_nothing_recent(app: TestApp) {
    app.admin_token().await; // a session, which will expire
    let started = app.start_flow("nobody.here", "reset_password").await;
    assert_eq!(started.status, 201, "{:#}", started.body);

    // Everything is recent: nothing goes.
    let now = app.ctx.now();
    let purged = sspr::housekeeping::purge(&app.ctx, now).await.unwrap();
    assert_eq!(purged, sspr::housekeeping::Purged::default());

    // Three days later the start's limit events, its CAPTCHA and the expired session go.
    app.advance(3 * 24 * 3600);
    let purged = sspr::housekeeping::purge(&app.ctx, app.ctx.now())
        .await
        .unwrap();
    assert!(purged.rate_events >= 2, "{purged:?}");
    assert!(purged.captcha_uses >= 1, "{purged:?}");
    assert!(purged.sessions >= 1, "{purged:?}");
    // A second pass finds nothing more, and the service works as before.
    let again = sspr::housekeeping::purge(&app.ctx, app.ctx.now())
        .await
        .unwrap();
    assert_eq!(again, sspr::housekeeping::Purged::default());
    let fresh = app.admin_token().await;
    assert_eq!(app.get("/api/v1/me", &fresh).await.status, 200);
    let restarted = app.start_flow("nobody.here", "reset_password").await;
    assert_eq!(restarted.status, 201, "{:#}", restarted.body);
}

crate::both_backends!(old_limit_events_captchas_and_sessions_are_purged_and_nothing_recent);
