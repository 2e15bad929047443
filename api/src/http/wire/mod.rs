//! What the API takes and answers: serde and OpenAPI types, turned into the domain's own types
//! at the edge (a handler parses a body, converts it and hands the domain plain values) and back.
//! Nothing outside `http/` names these types. The administration's (users, groups, policy,
//! audit, reports) still live beside their modules and move here the same way.

pub mod recovery;
pub mod registration;
pub mod session;
