//! The audit stream (`SSPR_AUDIT_LOG=true`): every audit entry, once the transaction that wrote
//! it has committed, also goes to the process's output as one JSON line, for a SIEM or a log
//! shipper that reads the service's output. A rolled back change has no entry, so it is never
//! streamed; each entry is written once, by the replica that committed it.
//!
//! A line is the entry as `export-audit --format jsonl` writes it, with `"log": "audit"` to
//! tell it from the service's own log lines:
//! `{"log":"audit","id":…,"at":…,"type":"recovery.password_reset","outcome":"success",…}`.
//! Entries hold no secret (see [`super::record`]), so neither does the stream.

use std::io::Write as _;
use std::sync::{Arc, OnceLock};

use crate::store::{self, AuditSink};

/// Where the lines go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The server: with its log.
    Stdout,
    /// The console (`sspr admin …`), whose standard output is the command's result.
    Stderr,
}

static OUTPUT: OnceLock<Output> = OnceLock::new();

/// Chooses the output for the process (once, before serving; standard output otherwise).
pub fn set_output(output: Output) {
    let _ = OUTPUT.set(output);
}

/// The sink [`store::Store::stream_audit`] takes.
pub fn sink() -> AuditSink {
    Arc::new(|rows: Vec<store::audit::AuditRow>| {
        let mut text = String::new();
        for row in rows {
            text.push_str(&line(super::entry(row)).to_string());
            text.push('\n');
        }
        // One write under the stream's lock, so lines never interleave with other output.
        let _ = match OUTPUT.get().copied().unwrap_or(Output::Stdout) {
            Output::Stdout => std::io::stdout().lock().write_all(text.as_bytes()),
            Output::Stderr => std::io::stderr().lock().write_all(text.as_bytes()),
        };
    })
}

/// One entry as a line of the stream.
pub fn line(entry: super::Entry) -> serde_json::Value {
    let mut line = entry.json();
    line["log"] = serde_json::Value::from("audit");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_the_exported_entry_marked_as_audit() {
        let entry = super::super::Entry {
            id: "0193".into(),
            at: chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            event_type: "recovery.password_reset".into(),
            outcome: "success".into(),
            actor_id: Some("u1".into()),
            actor_name: Some("alice".into()),
            target_id: Some("u1".into()),
            target_name: Some("alice".into()),
            ip: Some("192.0.2.1".into()),
            user_agent: None,
            details: serde_json::json!({ "flow_id": "f" }),
        };
        let exported = entry.json();
        let line = line(entry);
        assert_eq!(line["log"], "audit");
        assert_eq!(line["type"], "recovery.password_reset");
        assert_eq!(line["at"], "2023-11-14T22:13:20Z");
        let mut without = line.clone();
        without.as_object_mut().unwrap().remove("log");
        assert_eq!(without, exported);
        assert!(!line.to_string().contains('\n'));
    }
}
