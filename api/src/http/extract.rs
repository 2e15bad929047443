//! Request extractors: JSON bodies with problem+json errors, the signed-in person, and the
//! client's address and user agent.

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::context::{Ctx, RequestMeta};
use crate::error::{Error, ErrorCode, FieldCode, FieldError};
use crate::session::{self, Principal};

/// Name of the HttpOnly cookie that carries the session token for the SPA.
pub const SESSION_COOKIE: &str = "sspr_session";
/// Its name when the public URL is https. A `__Host-` cookie is only accepted by browsers when it
/// is Secure, has `Path=/` and no `Domain`, so a sibling subdomain (or a plain-http page of ours)
/// cannot plant or overwrite it: the session cannot be fixed from outside.
pub const HOST_SESSION_COOKIE: &str = "__Host-sspr_session";

/// The session cookie's name under this configuration; it is written and read under this name
/// only (accepting the other one too would let a planted cookie in again).
pub fn session_cookie_name(config: &Config) -> &'static str {
    if config.public_url.starts_with("https://") {
        HOST_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

type Boxed<T> = Pin<Box<dyn Future<Output = Result<T, actix_web::Error>>>>;

fn ctx(req: &HttpRequest) -> Result<Ctx, Error> {
    req.app_data::<web::Data<Ctx>>()
        .map(|d| d.get_ref().clone())
        .ok_or_else(|| Error::internal("application state missing"))
}

/// A JSON body. Unlike actix's `Json`, every failure is a problem+json answer: wrong content
/// type 415, over the limit 413, not JSON 400 `malformed_json`, JSON of the wrong shape 422
/// naming the field (`password.min_length`), unknown fields included.
///
/// The failure is held until the handler asks for the body with [`ApiJson::into_inner`]:
/// actix runs a handler's extractors side by side, and an anonymous caller must learn "401"
/// from an admin endpoint, not how its body would have been judged.
pub struct ApiJson<T>(Result<T, Error>);

impl<T> ApiJson<T> {
    pub fn into_inner(self) -> Result<T, Error> {
        self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for ApiJson<T> {
    type Error = actix_web::Error;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|m| {
                let m = m.trim().to_ascii_lowercase();
                m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
            })
            .unwrap_or(false);
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let parsed = async {
                let bytes = body.await.map_err(|e| {
                    if e.as_response_error().status_code()
                        == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE
                    {
                        Error::PayloadTooLarge
                    } else {
                        Error::bad_request(
                            ErrorCode::UnreadableBody,
                            "the request body could not be read",
                        )
                    }
                })?;
                if !is_json {
                    return Err(Error::UnsupportedMediaType);
                }
                parse_json(&bytes)
            };
            Ok(ApiJson(parsed.await))
        })
    }
}

/// Parses a request body: a JSON object of `T`'s shape with no U+0000 in any string.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    // serde's derived structs also accept a JSON array of their fields in order, so `[null,
    // null]` would pass as an update that clears two fields. Every body of this API is an
    // object, and the document says so.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err(Error::Validation(vec![FieldError::new(
            "",
            FieldCode::InvalidType,
            "the body must be a JSON object",
        )]));
    }
    let value = parse_shape::<T>(bytes)?;
    if let Some(field) = nul_in_strings(bytes) {
        return Err(Error::Validation(vec![FieldError::new(
            field,
            FieldCode::InvalidCharacter,
            "text must not contain the NUL character (U+0000)",
        )]));
    }
    Ok(value)
}

/// The dotted path of the first string (or key) holding U+0000, if any. Such text cannot be
/// stored in PostgreSQL and is never meaningful in a name, an address or a password; refusing
/// it here keeps both backends answering alike. Only `\u0000` escapes can produce it (a raw
/// NUL is not valid JSON), so bodies without one are not parsed twice.
fn nul_in_strings(bytes: &[u8]) -> Option<String> {
    fn walk(value: &serde_json::Value, path: &mut Vec<String>) -> Option<String> {
        match value {
            serde_json::Value::String(s) if s.contains('\0') => Some(path.join(".")),
            serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
                path.push(i.to_string());
                let found = walk(v, path);
                path.pop();
                found
            }),
            serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
                path.push(k.clone());
                let found = if k.contains('\0') {
                    Some(path.join("."))
                } else {
                    walk(v, path)
                };
                path.pop();
                found
            }),
            _ => None,
        }
    }
    if !bytes.windows(6).any(|w| w == b"\\u0000") {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    walk(&value, &mut Vec::new())
}

fn parse_shape<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() {
            let code = if inner.to_string().starts_with("unknown field") {
                FieldCode::UnknownField
            } else if inner.to_string().starts_with("missing field") {
                FieldCode::MissingField
            } else {
                FieldCode::InvalidType
            };
            let field = if path == "." { String::new() } else { path };
            Error::Validation(vec![FieldError::new(
                field,
                code,
                strip_position(&inner.to_string()),
            )])
        } else {
            Error::bad_request(
                ErrorCode::MalformedJson,
                format!(
                    "the body is not valid JSON: {}",
                    strip_position(&inner.to_string())
                ),
            )
        }
    })?;
    de.end().map_err(|_| {
        Error::bad_request(
            ErrorCode::MalformedJson,
            "the body has trailing characters after the JSON value",
        )
    })?;
    Ok(value)
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The token from `Authorization: Bearer …`.
pub fn bearer(req: &HttpRequest) -> Option<String> {
    let text = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = text.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// A session token and where it came from.
enum Credential {
    Bearer(String),
    Cookie(String),
}

/// The token from `Authorization: Bearer …`, else from the session cookie.
fn credential(req: &HttpRequest, config: &Config) -> Option<Credential> {
    if req.headers().contains_key(header::AUTHORIZATION) {
        return bearer(req).map(Credential::Bearer);
    }
    req.cookie(session_cookie_name(config))
        .map(|c| c.value().to_owned())
        .filter(|t| !t.is_empty())
        .map(Credential::Cookie)
}

/// Refuses a state-changing request that a browser sent on behalf of another site
/// (SECURITY.md 40). The cookie goes with every request the browser makes to us, whoever asked
/// for it; SameSite=Strict keeps it from other sites, but not from our sibling subdomains (they
/// are the same *site*), and a form post needs no CORS preflight, so neither the content type nor
/// CORS stops it. Browsers say who asked: `Origin` on every POST/PUT/PATCH/DELETE, and
/// `Sec-Fetch-Site`. A request with neither comes from a program, which has no cookie of anyone
/// else's to ride on. Bearer tokens are never sent by a browser on its own, so this is only
/// asked of cookie-authenticated requests.
fn refuse_cross_site(req: &HttpRequest, config: &Config) -> Result<(), Error> {
    use actix_web::http::Method;
    if [Method::GET, Method::HEAD, Method::OPTIONS].contains(req.method()) {
        return Ok(());
    }
    let headers = req.headers();
    // A configured portal (SSPR_CORS_ORIGINS) may already read our answers with credentials;
    // its requests are cross-site or same-site by nature, and trusted by configuration.
    let mut portal = false;
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().map_err(|_| Error::CrossSiteRequest)?;
        portal = config
            .cors_origins
            .iter()
            .any(|o| o.eq_ignore_ascii_case(origin));
        if !portal && !origin.eq_ignore_ascii_case(&config.public_origin) {
            return Err(Error::CrossSiteRequest);
        }
    }
    match headers.get("sec-fetch-site").map(|v| v.as_bytes()) {
        None | Some(b"same-origin") | Some(b"none") => Ok(()),
        Some(_) if portal => Ok(()),
        // `cross-site`, `same-site` (a sibling subdomain), or anything we do not know.
        Some(_) => Err(Error::CrossSiteRequest),
    }
}

/// Anyone signed in whose session may do everything a person may do: not a session whose
/// password an administrator set (403 `password_change_required`, SECURITY.md 37). Every
/// handler of a signed-in person takes this (or [`Admin`], which builds on it); only reading
/// who one is, changing the password and signing out opt out with [`AuthenticatedPendingChange`].
pub struct Authenticated(pub Principal);

impl FromRequest for Authenticated {
    type Error = actix_web::Error;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let session = AuthenticatedPendingChange::from_request(req, payload);
        Box::pin(async move {
            let AuthenticatedPendingChange(principal) = session.await?;
            if principal.password_change_required {
                return Err(Error::PasswordChangeRequired.into());
            }
            Ok(Authenticated(principal))
        })
    }
}

/// Anyone signed in, also with a password an administrator set and not yet changed. Only for
/// `GET /me`, `POST /me/password` and `POST /auth/sign-out`: what such a session needs to learn
/// that it must change the password, to change it, and to leave.
pub struct AuthenticatedPendingChange(pub Principal);

impl FromRequest for AuthenticatedPendingChange {
    type Error = actix_web::Error;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let checked = ctx(req).and_then(|ctx| {
            let token = match credential(req, &ctx.config).ok_or(Error::Unauthenticated)? {
                Credential::Bearer(token) => token,
                Credential::Cookie(token) => {
                    refuse_cross_site(req, &ctx.config)?;
                    token
                }
            };
            Ok((ctx, token))
        });
        Box::pin(async move {
            let (ctx, token) = checked?;
            Ok(AuthenticatedPendingChange(
                session::authenticate(&ctx, &token).await?,
            ))
        })
    }
}

/// Who is administering: a person in their session, or an API key (`crate::api_keys`).
#[derive(Clone, Debug)]
pub enum AdminCaller {
    Person(Box<Principal>),
    Key(crate::api_keys::KeyCaller),
}

impl AdminCaller {
    /// Whom the audit log names.
    pub fn actor(&self) -> crate::context::Actor {
        match self {
            AdminCaller::Person(p) => p.actor(),
            AdminCaller::Key(k) => k.actor(),
        }
    }
}

/// An administrator, or an API key holding the scope this route needs
/// ([`crate::api_keys::Scope::needed`]): 401 without a valid credential, 403 with someone
/// else's (or a key without the scope, or from an address it may not use).
pub struct Admin(pub AdminCaller);

impl FromRequest for Admin {
    type Error = actix_web::Error;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if let Some(token) = bearer(req).filter(|t| crate::api_keys::is_key(t)) {
            let meta = Meta::from_request(req, payload).into_inner();
            let (method, path) = (req.method().as_str().to_owned(), req.path().to_owned());
            let ctx = ctx(req);
            return Box::pin(async move {
                let (ctx, Meta(meta)) = (ctx?, meta?);
                let needed = crate::api_keys::Scope::needed(&method, &path);
                let key =
                    crate::api_keys::authenticate(&ctx, &token, needed, &meta, (&method, &path))
                        .await?;
                Ok(Admin(AdminCaller::Key(key)))
            });
        }
        let person = AdminPerson::from_request(req, payload);
        Box::pin(async move {
            let AdminPerson(principal) = person.await?;
            Ok(Admin(AdminCaller::Person(Box::new(principal))))
        })
    }
}

/// An administrator in their own session, never an API key: for managing the keys themselves.
pub struct AdminPerson(pub Principal);

impl FromRequest for AdminPerson {
    type Error = actix_web::Error;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = Authenticated::from_request(req, payload);
        Box::pin(async move {
            let Authenticated(principal) = user.await?;
            if !principal.is_admin {
                return Err(Error::Forbidden.into());
            }
            Ok(AdminPerson(principal))
        })
    }
}

/// The client's address and user agent.
pub struct Meta(pub RequestMeta);

impl FromRequest for Meta {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let trusted = req
            .app_data::<web::Data<Ctx>>()
            .map(|c| c.config.trusted_proxies.clone())
            .unwrap_or_default();
        let peer = req.peer_addr().map(|a| a.ip());
        let forwarded = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>()
            .join(",");
        let user_agent = req
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.chars().take(256).collect());
        let lang = crate::i18n::Lang::negotiate(
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        );
        std::future::ready(Ok(Meta(RequestMeta {
            ip: client_ip(peer, &forwarded, &trusted),
            user_agent,
            lang,
        })))
    }
}

/// The peer, unless the peer is a trusted proxy: then the right-most `X-Forwarded-For` address
/// that is not itself a trusted proxy. Addresses left of that one are whatever the client chose
/// to send and are never believed.
pub fn client_ip(
    peer: Option<IpAddr>,
    forwarded_for: &str,
    trusted: &[ipnet::IpNet],
) -> Option<IpAddr> {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let peer = peer?;
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let mut chain = forwarded_for
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .rev();
    let mut last_valid = peer;
    for hop in chain.by_ref() {
        match hop.parse::<IpAddr>() {
            Ok(ip) if is_trusted(&ip) => last_valid = ip,
            Ok(ip) => return Some(ip),
            Err(_) => return Some(last_valid), // garbage: stop at the last address we could vouch for
        }
    }
    Some(last_valid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let trusted: Vec<ipnet::IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        assert_eq!(
            client_ip(Some(ip("203.0.113.9")), "1.2.3.4", &trusted),
            Some(ip("203.0.113.9"))
        );
        assert_eq!(
            client_ip(Some(ip("10.0.0.2")), "1.2.3.4", &trusted),
            Some(ip("1.2.3.4"))
        );
        // A client-supplied prefix is ignored: the proxy appended the real address last.
        assert_eq!(
            client_ip(Some(ip("10.0.0.2")), "6.6.6.6, 1.2.3.4, 10.0.0.3", &trusted),
            Some(ip("1.2.3.4"))
        );
        assert_eq!(
            client_ip(Some(ip("10.0.0.2")), "", &trusted),
            Some(ip("10.0.0.2"))
        );
        assert_eq!(
            client_ip(Some(ip("10.0.0.2")), "junk", &trusted),
            Some(ip("10.0.0.2"))
        );
    }

    #[test]
    fn json_errors_name_the_field_and_kind() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Inner {
            n: u32,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Outer {
            inner: Inner,
        }
        let err = parse_json::<Outer>(br#"{"inner": {"n": "x"}}"#).unwrap_err();
        let Error::Validation(errors) = err else {
            panic!("{err:?}")
        };
        assert_eq!(
            (errors[0].field.as_str(), errors[0].code.as_str()),
            ("inner.n", "invalid_type")
        );
        let Error::Validation(errors) =
            parse_json::<Outer>(br#"{"inner": {"n": 1, "x": 2}}"#).unwrap_err()
        else {
            panic!()
        };
        assert_eq!(errors[0].code, FieldCode::UnknownField);
        assert!(matches!(
            parse_json::<Outer>(br#"{"inner": "#),
            Err(Error::BadRequest {
                code: ErrorCode::MalformedJson,
                ..
            })
        ));
        assert!(matches!(
            parse_json::<Outer>(br#"{"inner": {"n": 1}} x"#),
            Err(Error::BadRequest { .. })
        ));
    }
}
