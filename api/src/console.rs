//! The operator's console commands on the configured database (`sspr admin …`), besides the way
//! back in (`promote`, `reset-password`, `create-admin`, in `directory::bootstrap`): exporting
//! the audit log, and checking that the settings reach what they name.

use std::io::Write;

use chrono::{DateTime, Utc};

use crate::audit::{self, Entry, Event, EventKind, Search, SearchFields};
use crate::context::Ctx;
use crate::context::RequestMeta;
use crate::error::Error;

/// Audits a console command as done from the console.
async fn recorded(ctx: &Ctx, kind: EventKind, details: serde_json::Value) -> Result<(), Error> {
    let now = ctx.now();
    ctx.store
        .write(move |conn| {
            let event = Event::new(kind, crate::directory::bootstrap::console()).details(details);
            audit::record(conn, now, &RequestMeta::default(), event)
        })
        .await
}

/// How `export-audit` writes entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON object per line.
    Jsonl,
    /// RFC 4180 CSV with a header; `details` is a JSON text.
    Csv,
}

impl ExportFormat {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "jsonl" => Some(Self::Jsonl),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

const COLUMNS: [&str; 11] = [
    "id",
    "at",
    "type",
    "outcome",
    "actor_id",
    "actor_name",
    "target_id",
    "target_name",
    "ip",
    "user_agent",
    "details",
];

fn record(e: &Entry) -> [String; 11] {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        e.id.clone(),
        e.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        e.event_type.clone(),
        e.outcome.clone(),
        text(&e.actor_id),
        text(&e.actor_name),
        text(&e.target_id),
        text(&e.target_name),
        text(&e.ip),
        text(&e.user_agent),
        e.details.to_string(),
    ]
}

/// Writes the audit entries from `since` (and before `until`) to `out`, oldest first; how many.
pub async fn export_audit(
    ctx: &Ctx,
    since: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
    format: ExportFormat,
    out: &mut impl Write,
) -> Result<usize, Error> {
    // The API's pages, newest first, all of them; then oldest first.
    let mut entries = Vec::new();
    let mut cursor = None;
    loop {
        let search = Search::parse(SearchFields {
            event_type: None,
            user_id: None,
            since: Some(since),
            until,
            cursor: cursor.take(),
            limit: Some(200),
        })?;
        let page = audit::list(ctx, search).await?;
        entries.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    entries.reverse();
    let details = serde_json::json!({
        "since": since, "until": until, "format": format!("{format:?}").to_lowercase(),
        "entries": entries.len(),
    });
    recorded(ctx, EventKind::ConsoleAuditExported, details).await?;
    let io = |e: std::io::Error| Error::internal(format!("writing the export: {e}"));
    match format {
        ExportFormat::Jsonl => {
            for e in &entries {
                writeln!(out, "{}", e.json()).map_err(io)?;
            }
        }
        ExportFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            let csv_error = |e: csv::Error| Error::internal(format!("writing the export: {e}"));
            writer.write_record(COLUMNS).map_err(csv_error)?;
            for e in &entries {
                writer.write_record(record(e)).map_err(csv_error)?;
            }
            writer.flush().map_err(io)?;
        }
    }
    Ok(entries.len())
}

/// One thing `check-config` tried, and how it went.
pub struct Check {
    pub what: &'static str,
    pub outcome: Result<String, String>,
}

/// Tries what the settings name: the database, the directory, the SMTP server and the SMS
/// gateway (sending nothing). The settings themselves were checked when they were read.
pub async fn check_config(ctx: &Ctx) -> Vec<Check> {
    let database = if ctx.store.ping().await {
        Ok(format!(
            "the {} database answers",
            ctx.config.database.backend_name()
        ))
    } else {
        Err("the database does not answer".to_owned())
    };
    let directory = match ctx.directory.ping().await {
        Ok(()) => Ok("the directory answers".to_owned()),
        Err(e) => Err(format!("the directory does not answer: {e}")),
    };
    let checks = vec![
        Check {
            what: "settings",
            outcome: Ok("read and valid".to_owned()),
        },
        Check {
            what: "database",
            outcome: database,
        },
        Check {
            what: "directory",
            outcome: directory,
        },
        Check {
            what: "email",
            outcome: ctx.delivery.mailer.check().await,
        },
        Check {
            what: "text messages and calls",
            outcome: ctx.delivery.phone.check().await,
        },
    ];
    let summary: serde_json::Map<String, serde_json::Value> = checks
        .iter()
        .map(|c| (c.what.to_owned(), serde_json::json!(c.outcome.is_ok())))
        .collect();
    // With the database down there is nowhere to record it; the report says so anyway.
    if let Err(e) = recorded(ctx, EventKind::ConsoleConfigChecked, summary.into()).await {
        tracing::warn!(error = %e, "the configuration check could not be audited");
    }
    checks
}
