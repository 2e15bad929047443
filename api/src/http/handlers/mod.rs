//! One module per area of the API. Handlers are thin: extract, call one domain function, map
//! the result.

pub mod admin_api_keys;
pub mod admin_audit;
pub mod admin_groups;
pub mod admin_policy;
pub mod admin_users;
pub mod admin_webhooks;
pub mod auth;
pub mod health;
pub mod me;
pub mod me_methods;
pub mod public;
pub mod recovery;
pub mod reports;
