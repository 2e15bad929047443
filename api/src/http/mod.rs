//! HTTP: routes, extractors, the problem+json mapping and the OpenAPI document.
//!
//! Everything actix- and utoipa-specific lives here; handlers parse, call one domain function
//! and map the result. The OpenAPI document is collected from the handlers' `#[utoipa::path]`
//! attributes by registering them, so a route cannot exist without being documented.

pub mod codes;
pub mod extract;
pub mod fallback;
pub mod handlers;
pub mod problem;
pub mod schemas;
pub mod wire;

use actix_web::App;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{AppExt as _, scope};

use handlers::{
    admin_api_keys, admin_audit, admin_groups, admin_policy, admin_users, admin_webhooks, auth,
    health, me, me_methods, public, recovery, reports,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Self-service password reset API",
        version = "1.0.0",
        description = "People who forgot their password or locked their account get back in by proving \
            who they are with methods they registered earlier, under the policy their administrators set.\n\n\
            Errors are RFC 9457 `application/problem+json` documents with a stable `code`.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    servers((url = "/", description = "The service itself: paths start at its public URL (SSPR_PUBLIC_URL)")),
    modifiers(&SecuritySchemes),
    components(responses(
        problem::BadRequest,
        problem::Unauthorized,
        problem::Forbidden,
        problem::NotFound,
        problem::Conflict,
        problem::PayloadTooLarge,
        problem::UnsupportedMediaType,
        problem::Unprocessable,
        problem::TooManyRequests,
        problem::ServiceUnavailable,
        problem::BadGateway,
        problem::DirectoryUnavailable,
        problem::InternalError,
    )),
    tags(
        (name = "health", description = "Liveness"),
        (name = "public", description = "What clients need before sign-in"),
        (name = "auth", description = "Sign-in and sign-out"),
        (name = "me", description = "The signed-in person's own account"),
        (name = "recovery", description = "Reset or unlock without signing in"),
        (name = "admin", description = "Administration: policy, users, groups, audit"),
    )
)]
pub struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                extract::SESSION_COOKIE,
                "The session cookie the sign-in sets for the web app; named `__Host-sspr_session` when the public URL is https. A state-changing request authenticated by it is refused (403 `cross_site_request`) when its `Origin` is neither the public URL's nor a configured CORS origin, or when `Sec-Fetch-Site` is `cross-site` or `same-site`.",
            ))),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("sspr API key")
                    .description(Some("An API key an administrator created (`sspr_…`), for portals and automation: it may call the administration operations its scopes allow (`admin:read`, `admin:write`, `audit:read`, `reports:read`; each operation names the one it needs), from the addresses it allows, until it expires or is revoked. A key is not a person: it cannot sign in, use `/me`, or manage keys. Every use is audited under its name."))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "flow_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("The `flow_token` of a reset or unlock flow"))
                    .build(),
            ),
        );
    }
}

/// Says what each problem `code` means in the `ErrorCode` schema (a plain string enum has no
/// place for a word per value).
struct CodeMeanings;

impl Modify for CodeMeanings {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use crate::error::{ErrorCode, FieldCode};
        let problem: Vec<(&str, &str)> = ErrorCode::ALL
            .iter()
            .map(|c| (c.as_str(), c.meaning()))
            .collect();
        let field: Vec<(&str, &str)> = FieldCode::ALL
            .iter()
            .map(|c| (c.as_str(), c.meaning()))
            .collect();
        describe(
            openapi,
            "ErrorCode",
            "Every problem `code` the API answers",
            &problem,
        );
        describe(openapi, "FieldCode", "Every field error's `code`", &field);
        let events: Vec<(&str, &str)> = crate::audit::EventKind::ALL
            .iter()
            .map(|k| (k.as_str(), k.meaning()))
            .collect();
        describe(openapi, "EventKind", "Every kind of audit event", &events);
    }
}

fn describe(
    openapi: &mut utoipa::openapi::OpenApi,
    name: &str,
    what: &str,
    codes: &[(&str, &str)],
) {
    use utoipa::openapi::{RefOr, schema::Schema};
    let Some(components) = openapi.components.as_mut() else {
        return;
    };
    if let Some(RefOr::T(Schema::Object(schema))) = components.schemas.get_mut(name) {
        let list: Vec<String> = codes
            .iter()
            .map(|(code, meaning)| format!("- `{code}`: {meaning}"))
            .collect();
        schema.description = Some(format!(
            "{what}: stable and machine-readable.\n\n{}",
            list.join("\n")
        ));
    }
}

/// Registers every API route under `/api/v1`.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        scope("/api/v1")
            .service(health::health)
            .service(health::live)
            .service(health::ready)
            .service(public::public_config)
            .service(public::check_password)
            .service(recovery::captcha_challenge)
            .service(recovery::start)
            .service(recovery::challenge)
            .service(recovery::verify)
            .service(recovery::password)
            .service(recovery::unlock)
            .service(reports::resets)
            .service(reports::registration)
            .service(auth::sign_in)
            .service(auth::sign_out)
            .service(me::me)
            .service(me::change_password)
            .service(me::set_language)
            .service(me_methods::list)
            .service(me_methods::add)
            .service(me_methods::confirm)
            .service(me_methods::verify)
            .service(me_methods::resend)
            .service(me_methods::remove)
            .service(me_methods::catalogue)
            .service(me_methods::set_answers)
            .service(me_methods::step_up_challenge)
            .service(me_methods::prove_step_up)
            .service(admin_policy::get_policy)
            .service(admin_policy::put_policy)
            .service(admin_policy::impact)
            .service(admin_policy::preview_message)
            .service(admin_users::directory_info)
            .service(admin_users::list)
            .service(admin_users::create)
            .service(admin_users::get)
            .service(admin_users::update)
            .service(admin_users::remove)
            .service(admin_users::unlock)
            .service(admin_users::methods)
            .service(admin_users::require_reregistration)
            .service(admin_groups::list)
            .service(admin_groups::create)
            .service(admin_groups::get)
            .service(admin_groups::update)
            .service(admin_groups::remove)
            .service(admin_groups::set_members)
            .service(admin_audit::list)
            .service(admin_api_keys::list)
            .service(admin_api_keys::create)
            .service(admin_api_keys::revoke)
            .service(admin_webhooks::list)
            .service(admin_webhooks::create)
            .service(admin_webhooks::remove)
            .service(admin_webhooks::deliveries)
            .service(admin_webhooks::redeliver),
    );
}

/// The OpenAPI document of the API, as served at `/api/v1/openapi.json` and committed in
/// `openapi/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes)
        .split_for_parts();
    // After the routes: only then are the schemas they use in the document.
    let mut api = api;
    CodeMeanings.modify(&mut api);
    key_scopes(&mut api);
    codes::publish(&mut api);
    api
}

/// Every administration operation an API key may call names the `api_key` scheme with the scope
/// it needs (`api_keys::Scope::needed`, the same table the server enforces); managing the keys
/// themselves takes a person's session.
fn key_scopes(api: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::security::SecurityRequirement;
    for (path, item) in api.paths.paths.iter_mut() {
        if !path.starts_with("/api/v1/admin/")
            || path.starts_with("/api/v1/admin/api-keys")
            || path.starts_with("/api/v1/admin/webhooks")
        {
            continue;
        }
        for (method, operation) in [
            ("GET", &mut item.get),
            ("PUT", &mut item.put),
            ("POST", &mut item.post),
            ("DELETE", &mut item.delete),
            ("PATCH", &mut item.patch),
        ] {
            let Some(operation) = operation else { continue };
            let scope = crate::api_keys::Scope::needed(method, path);
            operation
                .security
                .get_or_insert_with(Vec::new)
                .push(SecurityRequirement::new("api_key", [scope.as_str()]));
        }
    }
}

/// The document as committed: pretty JSON with a trailing newline.
pub fn openapi_json() -> String {
    let mut text = openapi().to_pretty_json().unwrap_or_default();
    text.push('\n');
    text
}
