//! What the API takes and answers: serde and OpenAPI types, turned into the domain's own types
//! at the edge (a handler parses a body, converts it and hands the domain plain values) and back.
//! Nothing outside `http/` names these types. What the domain shares with the API as vocabulary
//! (kinds, channels, statuses, codes, event kinds, the policy document) keeps its schema where it
//! is defined; see docs/decisions.md.

pub mod admin;
pub mod api_keys;
pub mod messages;
pub mod public;
pub mod recovery;
pub mod registration;
pub mod session;
pub mod webhooks;
