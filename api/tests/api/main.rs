//! Integration tests: the real server on a random port, over HTTP, on SQLite and PostgreSQL.
//! One binary with a module per feature, so that the crate links once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod helpers;
mod support;

mod api_keys;
mod audit;
mod auth;
mod capture;
mod codes;
mod console;
mod directory;
mod failover;
mod groups;
mod health;
mod housekeeping;
mod http;
mod languages;
mod ldap;
mod messages;
mod methods;
mod migrations;
mod openapi;
mod passkeys;
mod password_check;
mod policy;
mod recovery;
mod recovery_codes;
mod replicas;
mod security;
mod startup;
mod tokens;
mod users;
mod webhooks;
