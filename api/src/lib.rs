//! Self-service password reset: the HTTP API as a library, so that the binary and the test
//! harness start exactly the same server.
//!
//! Layers, each knowing only the ones below it:
//! `http` → `session`, `registration` → `policy`, `directory`, `password`, `audit` → `store`.
//! `config` reads the environment; `app` wires everything together.

pub mod api_keys;
pub mod app;
pub mod audit;
pub mod captcha;
pub mod clock;
pub mod config;
pub mod console;
pub mod context;
pub mod crypto;
pub mod delivery;
pub mod directory;
pub mod error;
pub mod flows;
pub mod housekeeping;
pub mod http;
pub mod i18n;
pub mod methods;
pub mod metrics;
pub mod password;
pub mod policy;
pub mod registration;
pub mod reports;
pub mod session;
pub mod store;
pub mod tokens;
pub mod webhooks;
pub mod wire;
