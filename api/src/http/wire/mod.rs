//! What the API takes and answers: serde and OpenAPI types, turned into the domain's own types
//! at the edge (a handler parses a body, converts it and hands the domain plain values) and back.
//! Nothing outside `http/` names these types. The recovery flow's are here; registration,
//! sessions and the administration keep theirs in their `wire.rs` until they move too.

pub mod recovery;
