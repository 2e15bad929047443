//! Wiring: builds the shared context, runs start-up tasks (migrations, bootstrap administrator,
//! initial policy) and the HTTP server with its middleware. The only place that knows how the
//! pieces fit together.

use std::net::TcpListener;
use std::sync::Arc;

use actix_cors::Cors;
use actix_web::dev::{Server, Service as _};
use actix_web::http::header::{self, HeaderValue};
use actix_web::{App, HttpMessage as _, HttpResponse, HttpServer, web};
use futures_util::FutureExt as _;
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa_actix_web::AppExt as _;
use utoipa_swagger_ui::SwaggerUi;

use crate::clock::Clock;
use crate::config::Config;
use crate::config::DirectoryKind;
use crate::context::Ctx;
use crate::crypto::SecretBox;
use crate::delivery::Delivery;
use crate::directory::bootstrap::{self, Bootstrap};
use crate::directory::ldap::{Flavour, LdapDirectory};
use crate::directory::{Directory, builtin::Builtin};
use crate::error::{Error, ErrorCode};
use crate::http;
use crate::password::Hasher;
use crate::store::Store;
use crate::tokens::Keyring;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] crate::store::OpenError),
    #[error("signing keys: {0}")]
    Keys(String),
    #[error("delivery: {0}")]
    Delivery(String),
    #[error("directory: {0}")]
    Directory(String),
    #[error("password hashing: {0}")]
    Hasher(String),
    #[error("passkeys: {0}")]
    Passkeys(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("start-up task failed: {0}")]
    Startup(#[from] Error),
}

/// The directory the configuration names.
fn directory_of(
    config: &Config,
    store: &Store,
    hasher: &Hasher,
    clock: &Arc<dyn Clock>,
) -> Result<Arc<dyn Directory>, StartError> {
    let flavour = match config.directory {
        DirectoryKind::Builtin => {
            return Ok(Arc::new(Builtin::new(
                store.clone(),
                hasher.clone(),
                Arc::clone(clock),
                config.lockout,
            )));
        }
        DirectoryKind::Ldap => Flavour::OpenLdap,
        DirectoryKind::ActiveDirectory => Flavour::ActiveDirectory,
    };
    let settings = config
        .ldap
        .clone()
        .ok_or_else(|| StartError::Directory("the LDAP settings are missing".into()))?;
    let directory = LdapDirectory::new(
        settings,
        flavour,
        store.clone(),
        hasher.clone(),
        Arc::clone(clock),
    )
    .map_err(StartError::Directory)?;
    Ok(Arc::new(directory))
}

/// The passkeys' relying party, when the public URL names a domain. Refuses to start when
/// passkeys were registered under another relying party id (they would all stop working)
/// unless `SSPR_PASSKEY_RP_ID_CHANGED` says that is intended.
async fn relying_party(
    config: &Config,
    store: &Store,
) -> Result<Option<Arc<crate::methods::passkey::RelyingParty>>, StartError> {
    let registered = store.read(crate::store::methods::passkey_rp_ids).await?;
    let current = config.passkey_rp_id.as_deref();
    if let Some(old) = registered.iter().find(|id| Some(id.as_str()) != current)
        && !config.passkey_rp_id_changed
    {
        return Err(StartError::Passkeys(format!(
            "passkeys were registered for `{old}`, and the relying party id is now {}: every one \
             of them would stop working. Set SSPR_PASSKEY_RP_ID={old} (with a public URL on that \
             domain) to keep them, or SSPR_PASSKEY_RP_ID_CHANGED=true to start anyway",
            current.map_or_else(
                || "none (the public URL's host is an IP address)".to_owned(),
                |c| format!("`{c}`")
            )
        )));
    }
    let Some(id) = current else {
        tracing::info!("passkeys are off: the public URL's host is an IP address, not a domain");
        return Ok(None);
    };
    crate::methods::passkey::RelyingParty::new(id, &config.public_url, &config.organization_name)
        .map(|rp| Some(Arc::new(rp)))
        .map_err(StartError::Passkeys)
}

pub struct Application {
    server: Server,
    port: u16,
    /// `/metrics`, on its own listener (`SSPR_METRICS_BIND`), when it is on.
    metrics: Option<(Server, std::net::SocketAddr)>,
    ctx: Ctx,
    bootstrap: Bootstrap,
    outbox: crate::delivery::outbox::Sender,
}

/// Stops what [`Application`] started in the background (the outbox sender).
pub struct BackgroundHandle(crate::delivery::outbox::Sender);

impl BackgroundHandle {
    pub fn stop(&self) {
        self.0.stop(std::time::Duration::from_secs(5));
    }
}

impl Application {
    /// Opens storage (migrated), keys, hasher and delivery, and writes the first policy
    /// version: everything a request needs, and what the console commands (`sspr admin …`) use
    /// without starting a server or creating the first administrator.
    pub async fn context(config: Config, clock: Arc<dyn Clock>) -> Result<Ctx, StartError> {
        Self::context_with(config, clock, |d| d).await
    }

    /// [`Self::context`] with the directory wrapped by `wrap` (tests put a fault-injecting
    /// decorator around the built-in one).
    pub async fn context_with(
        config: Config,
        clock: Arc<dyn Clock>,
        wrap: impl FnOnce(Arc<dyn Directory>) -> Arc<dyn Directory>,
    ) -> Result<Ctx, StartError> {
        let config = Arc::new(config);
        let mut store = {
            let (target, size) = (config.database.clone(), config.database_pool_size);
            tokio::task::spawn_blocking(move || Store::open(&target, size))
                .await
                .map_err(|e| StartError::Startup(Error::internal(e.to_string())))??
        };
        if config.audit_log {
            store.stream_audit(crate::audit::stream::sink());
        }
        let keys =
            Keyring::load_or_generate(&config.jwt_keys, &config.data_dir, &config.public_url)
                .map_err(StartError::Keys)?;
        let hasher = Hasher::new(config.argon2, config.hash_workers, config.hash_queue)
            .map_err(StartError::Hasher)?;
        let secrets = SecretBox::load_or_generate(&config.encryption_keys, &config.data_dir)
            .map_err(StartError::Keys)?;
        let delivery = Delivery::from_config(&config).map_err(StartError::Delivery)?;
        let directory = wrap(directory_of(&config, &store, &hasher, &clock)?);
        let passkeys = relying_party(&config, &store).await?;
        let ctx = Ctx {
            config: Arc::clone(&config),
            store,
            clock,
            hasher,
            keys: Arc::new(keys),
            secrets: Arc::new(secrets),
            delivery,
            metrics: crate::metrics::Metrics::new()
                .map_err(|e| StartError::Startup(Error::internal(e.to_string())))?,
            census: Default::default(),
            directory,
            passkeys,
        };

        let now = ctx.now();
        let initial = ctx
            .store
            .write(move |conn| crate::policy::service::ensure_initial(conn, now))
            .await;
        match initial {
            // Replicas starting together: another one wrote the first version meanwhile.
            Err(Error::Conflict { .. }) => {}
            other => other?,
        }
        Ok(ctx)
    }

    /// Opens storage, prepares keys and the first administrator, and binds the listener.
    pub async fn build(config: Config, clock: Arc<dyn Clock>) -> Result<Self, StartError> {
        Self::build_with(config, clock, |d| d).await
    }

    /// [`Self::build`] with the directory wrapped by `wrap` (see [`Self::context_with`]).
    pub async fn build_with(
        config: Config,
        clock: Arc<dyn Clock>,
        wrap: impl FnOnce(Arc<dyn Directory>) -> Arc<dyn Directory>,
    ) -> Result<Self, StartError> {
        let ctx = Self::context_with(config, clock, wrap).await?;
        let config = Arc::clone(&ctx.config);
        let bootstrap = bootstrap::bootstrap_admin(&ctx).await?;
        let outbox = crate::delivery::outbox::spawn_sender(ctx.clone());
        crate::housekeeping::spawn(ctx.clone());

        let listener = TcpListener::bind(config.bind).map_err(|source| StartError::Bind {
            addr: config.bind.to_string(),
            source,
        })?;
        let port = listener
            .local_addr()
            .map_err(|source| StartError::Bind {
                addr: config.bind.to_string(),
                source,
            })?
            .port();
        let server = server(ctx.clone(), listener).map_err(|source| StartError::Bind {
            addr: config.bind.to_string(),
            source,
        })?;
        let metrics = match config.metrics_bind {
            None => None,
            Some(addr) => {
                let bind_error = |source| StartError::Bind {
                    addr: addr.to_string(),
                    source,
                };
                let listener = TcpListener::bind(addr).map_err(bind_error)?;
                let bound = listener.local_addr().map_err(bind_error)?;
                Some((
                    metrics_server(ctx.clone(), listener).map_err(bind_error)?,
                    bound,
                ))
            }
        };
        Ok(Self {
            server,
            port,
            metrics,
            ctx,
            bootstrap,
            outbox,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Where `/metrics` is served, when it is.
    pub fn metrics_addr(&self) -> Option<std::net::SocketAddr> {
        self.metrics.as_ref().map(|(_, addr)| *addr)
    }

    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    pub fn bootstrap(&self) -> &Bootstrap {
        &self.bootstrap
    }

    /// Serves until the server is stopped (SIGINT/SIGTERM: actix drains requests first), then
    /// stops the background work.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        // The metrics listener ignores signals: it stops when the API has drained.
        let metrics = self.metrics.map(|(server, _)| {
            let handle = server.handle();
            tokio::spawn(server);
            handle
        });
        let result = self.server.await;
        if let Some(metrics) = metrics {
            metrics.stop(true).await;
        }
        // Codes already promised to someone go out before the process ends.
        let sends = self.ctx.delivery.in_flight.clone();
        let _ = tokio::time::timeout(std::time::Duration::from_secs(10), sends.idle()).await;
        self.outbox.stop(std::time::Duration::from_secs(10));
        result
    }

    /// Serves in the background and hands back what stops the background work (the test
    /// harness stops it before dropping its database).
    pub fn spawn(self) -> BackgroundHandle {
        tokio::spawn(self.server);
        if let Some((metrics, _)) = self.metrics {
            tokio::spawn(metrics);
        }
        BackgroundHandle(self.outbox)
    }
}

fn server(ctx: Ctx, listener: TcpListener) -> std::io::Result<Server> {
    let config = Arc::clone(&ctx.config);
    let data = web::Data::new(ctx);
    let api = http::openapi();
    let documented = Arc::new(http::fallback::DocumentedRoutes::from_openapi(&api));
    let workers = config.http_workers;
    let recorder = data.metrics.clone();
    let mut server = HttpServer::new(move || {
        let recorder = recorder.clone();
        let documented = Arc::clone(&documented);
        // The explorer and the document come first: the `/api/v1` scope below answers 404 for
        // every path under it that it does not know, so it must not see this one first.
        let (app, _) = App::new()
            .service(SwaggerUi::new("/docs/{_:.*}").url("/api/v1/openapi.json", api.clone()))
            .into_utoipa_app()
            .openapi(<http::ApiDoc as utoipa::OpenApi>::openapi())
            .configure(http::routes)
            .split_for_parts();
        app.app_data(data.clone())
            .app_data(web::PayloadConfig::new(config.body_limit_bytes))
            .app_data({
                // A path that names no resource (a malformed id) is 404, or 405 when it is a
                // literal path of another method (`DELETE /api/v1/me/methods/confirm`).
                let documented = Arc::clone(&documented);
                web::PathConfig::default().error_handler(move |e, req| {
                    actix_web::error::InternalError::from_response(
                        e,
                        documented.answer(req.method(), req.path()),
                    )
                    .into()
                })
            })
            .app_data(web::QueryConfig::default().error_handler(|e, _| {
                Error::bad_request(
                    ErrorCode::InvalidQuery,
                    format!("invalid query string: {e}"),
                )
                .into()
            }))
            .route(
                "/docs",
                web::get().to(|| async {
                    HttpResponse::Found()
                        .insert_header((header::LOCATION, "/docs/"))
                        .finish()
                }),
            )
            // Served on its own listener only (`metrics_server`); said explicitly here so that
            // the web app's fallback does not answer it with a page.
            .route(
                "/metrics",
                web::to(|| async {
                    http::problem::Problem::new(
                        actix_web::http::StatusCode::NOT_FOUND,
                        ErrorCode::NotFound,
                        "no such resource",
                    )
                    .response()
                }),
            )
            .configure(|cfg| web_app(cfg, &config.web_dir, &documented))
            .default_service(web::to(move |req: actix_web::HttpRequest| {
                let documented = Arc::clone(&documented);
                async move { documented.answer(req.method(), req.path()) }
            }))
            .wrap(security_headers())
            .wrap_fn(|req, srv| {
                // Echo the request id (the one in every log line of this request) to the client,
                // so that a problem report can be matched with the log.
                let id = req.extensions().get::<RequestId>().map(|id| id.to_string());
                srv.call(req).map(move |res| {
                    res.map(|mut res| {
                        if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
                            res.headers_mut()
                                .insert(header::HeaderName::from_static("x-request-id"), value);
                        }
                        res
                    })
                })
            })
            .wrap(cors(&config.cors_origins))
            .wrap_fn(move |req, srv| {
                // Requests and latencies by route pattern (never the raw path: ids would make a
                // series each).
                let started = std::time::Instant::now();
                let method = req.method().to_string();
                let recorder = recorder.clone();
                srv.call(req).map(move |res| {
                    if let Ok(res) = &res {
                        let route = res
                            .request()
                            .match_pattern()
                            .unwrap_or_else(|| "unmatched".to_owned());
                        let status = res.status().as_u16().to_string();
                        recorder
                            .http_requests
                            .with_label_values(&[&route, &method, &status])
                            .inc();
                        recorder
                            .http_seconds
                            .with_label_values(&[&route, &method])
                            .observe(started.elapsed().as_secs_f64());
                    }
                    res
                })
            })
            .wrap(TracingLogger::default())
    })
    .listen(listener)?;
    if let Some(workers) = workers {
        server = server.workers(workers);
    }
    Ok(server.run())
}

/// The web app, when it is built: its files, and `index.html` for every other path that is not
/// the API's, so that deep links (`/recover`, `/admin/users/…`) load the app.
fn web_app(
    cfg: &mut web::ServiceConfig,
    dir: &std::path::Path,
    documented: &Arc<http::fallback::DocumentedRoutes>,
) {
    let index = dir.join("index.html");
    if !index.is_file() {
        return;
    }
    let documented = Arc::clone(documented);
    cfg.service(
        actix_files::Files::new("/", dir)
            .index_file("index.html")
            .prefer_utf8(true)
            .default_handler(web::to(move |req: actix_web::HttpRequest| {
                let index = index.clone();
                let documented = Arc::clone(&documented);
                async move {
                    if req.path().starts_with("/api/")
                        || req.method() != actix_web::http::Method::GET
                    {
                        return Ok::<_, actix_web::Error>(
                            documented.answer(req.method(), req.path()),
                        );
                    }
                    let file = actix_files::NamedFile::open_async(&index).await?;
                    let mut response = file.into_response(&req);
                    response
                        .headers_mut()
                        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
                    Ok(response)
                }
            })),
    );
}

/// Headers on every answer: a strict Content-Security-Policy (no inline script, nothing from
/// other origins), no referrer (links in the app never leak flow ids), no sniffing, no framing.
fn security_headers() -> actix_web::middleware::DefaultHeaders {
    actix_web::middleware::DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
             connect-src 'self'; worker-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'",
        ))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
}

/// Only the configured origins are allowed, with credentials; never `*`.
fn cors(origins: &[String]) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
        ])
        .expose_headers([header::ETAG, header::RETRY_AFTER])
        .supports_credentials()
        .max_age(600);
    for origin in origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}

/// The listener of `/metrics` and nothing else (SECURITY.md 38): apart from the public one, so
/// that no proxy or firewall rule has to remember to hide it. One worker is plenty for a scraper.
fn metrics_server(ctx: Ctx, listener: TcpListener) -> std::io::Result<Server> {
    let data = web::Data::new(ctx);
    Ok(HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .route("/metrics", web::get().to(metrics))
            .default_service(web::to(|| async {
                http::problem::Problem::new(
                    actix_web::http::StatusCode::NOT_FOUND,
                    ErrorCode::NotFound,
                    "no such resource",
                )
                .response()
            }))
    })
    .workers(1)
    .disable_signals()
    .listen(listener)?
    .run())
}

/// Prometheus text format: counts, not personal data, and nothing that tells real people from
/// unknown usernames; still nobody outside needs them.
async fn metrics(ctx: web::Data<Ctx>) -> HttpResponse {
    ctx.metrics
        .hash_queue_depth
        .set(ctx.hasher.pending() as i64);
    if let Ok(depth) = ctx.store.read(crate::store::outbox::waiting).await {
        ctx.metrics.outbox_depth.set(depth);
    }
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(ctx.metrics.render())
}
