//! Reports for the administrators' charts, counted from the audit log (resets, unlocks and
//! verifications by day and by method) and from the registrations themselves.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use crate::audit::EventKind;
use crate::context::Ctx;
use crate::error::{Error, FieldCode};
use crate::methods::parse_kind;
use crate::policy::MethodKind;
use crate::store::{self, ts};

/// The period a report covers: the last `days` days, 1–365.
#[derive(Clone, Copy, Debug)]
pub struct Period {
    pub days: u32,
}

impl Period {
    /// `days` checked (default 30).
    pub fn parse(days: Option<u32>) -> Result<Self, Error> {
        let days = days.unwrap_or(30);
        if !(1..=365).contains(&days) {
            return Err(Error::validation(
                "days",
                FieldCode::OutOfRange,
                "must be between 1 and 365",
            ));
        }
        Ok(Self { days })
    }
}

#[derive(Clone, Debug, Default)]
pub struct ResetDay {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub started: u64,
    pub password_resets: u64,
    pub unlocks: u64,
    pub failed_verifications: u64,
}

#[derive(Clone, Debug, Default)]
pub struct ResetMethod {
    pub kind: String,
    /// Successful verifications with this method.
    pub verified: u64,
    pub failed: u64,
    /// Completed resets that used this method.
    pub password_resets: u64,
    /// Completed unlocks that used this method.
    pub unlocks: u64,
}

#[derive(Clone, Debug)]
pub struct ResetReport {
    pub days: u32,
    /// Every day of the period, oldest first (days without activity have zeros).
    pub by_day: Vec<ResetDay>,
    pub by_method: Vec<ResetMethod>,
}

fn day_keys(today: NaiveDate, days: u32) -> Vec<String> {
    (0..days)
        .rev()
        .map(|d| {
            (today - Duration::days(i64::from(d)))
                .format("%Y-%m-%d")
                .to_string()
        })
        .collect()
}

pub async fn resets(ctx: &Ctx, period: Period) -> Result<ResetReport, Error> {
    let days = period.days;
    let now = ctx.now();
    let today = now.date_naive();
    let since = (today - Duration::days(i64::from(days) - 1))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let rows = ctx
        .store
        .read(move |conn| store::audit::with_prefix_since(conn, "recovery.", ts(since)))
        .await?;
    let mut by_day: BTreeMap<String, ResetDay> = day_keys(today, days)
        .into_iter()
        .map(|d| {
            (
                d.clone(),
                ResetDay {
                    date: d,
                    ..ResetDay::default()
                },
            )
        })
        .collect();
    let mut by_method: BTreeMap<String, ResetMethod> = MethodKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_owned(),
                ResetMethod {
                    kind: k.as_str().to_owned(),
                    ..ResetMethod::default()
                },
            )
        })
        .collect();
    for row in rows {
        let details: serde_json::Value = serde_json::from_str(&row.details).unwrap_or_default();
        let Some(day) = by_day.get_mut(&row.at.format("%Y-%m-%d").to_string()) else {
            continue;
        };
        // Decoy flows are not people resetting: leave them out of the charts.
        if !details["decoy"].is_null() {
            continue;
        }
        let kind_of = |d: &serde_json::Value| d["kind"].as_str().map(str::to_owned);
        let methods_of = |d: &serde_json::Value| -> Vec<String> {
            d["methods"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|k| k.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        match EventKind::of(&row.event_type) {
            Some(EventKind::RecoveryStarted) => day.started += 1,
            Some(EventKind::RecoveryPasswordReset) => {
                day.password_resets += 1;
                for k in methods_of(&details) {
                    if let Some(m) = by_method.get_mut(&k) {
                        m.password_resets += 1;
                    }
                }
            }
            Some(EventKind::RecoveryAccountUnlocked) => {
                day.unlocks += 1;
                for k in methods_of(&details) {
                    if let Some(m) = by_method.get_mut(&k) {
                        m.unlocks += 1;
                    }
                }
            }
            Some(EventKind::RecoveryVerifyFailed) => {
                day.failed_verifications += 1;
                if let Some(m) = kind_of(&details).and_then(|k| by_method.get_mut(&k)) {
                    m.failed += 1;
                }
            }
            Some(EventKind::RecoveryVerified) => {
                if let Some(m) = kind_of(&details).and_then(|k| by_method.get_mut(&k)) {
                    m.verified += 1;
                }
            }
            _ => {}
        }
    }
    Ok(ResetReport {
        days,
        by_day: by_day.into_values().collect(),
        by_method: by_method.into_values().collect(),
    })
}

#[derive(Clone, Debug)]
pub struct RegistrationMethod {
    pub kind: MethodKind,
    /// People with an active method of this kind.
    pub users: u64,
}

#[derive(Clone, Debug)]
pub struct RegistrationDay {
    pub date: String,
    /// Methods registered (verified) that day.
    pub registrations: u64,
}

#[derive(Clone, Debug)]
pub struct RegistrationReport {
    /// Enabled accounts.
    pub users_total: u64,
    /// Enabled accounts with at least one active method.
    pub users_registered: u64,
    pub by_method: Vec<RegistrationMethod>,
    pub by_day: Vec<RegistrationDay>,
}

pub async fn registration(ctx: &Ctx, period: Period) -> Result<RegistrationReport, Error> {
    let days = period.days;
    let now = ctx.now();
    let today = now.date_naive();
    let since = (today - Duration::days(i64::from(days) - 1))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let people = ctx
        .directory
        .search(&crate::directory::PeopleQuery::everyone())
        .await?
        .items;
    let (active, rows) = ctx
        .store
        .read(move |conn| {
            Ok((
                store::methods::all_active(conn)?,
                store::audit::with_prefix_since(
                    conn,
                    EventKind::MethodRegistered.as_str(),
                    ts(since),
                )?,
            ))
        })
        .await?;
    let enabled: HashSet<String> = people
        .into_iter()
        .filter(|p| !p.disabled)
        .map(|p| p.id)
        .collect();
    let mut per_kind: HashMap<MethodKind, HashSet<String>> = HashMap::new();
    let mut registered: HashSet<String> = HashSet::new();
    for (user, _, kind, _) in active {
        if !enabled.contains(&user) {
            continue;
        }
        if let Some(kind) = parse_kind(&kind) {
            per_kind.entry(kind).or_default().insert(user.clone());
            registered.insert(user);
        }
    }
    let mut by_day: BTreeMap<String, u64> =
        day_keys(today, days).into_iter().map(|d| (d, 0)).collect();
    for row in rows {
        if let Some(n) = by_day.get_mut(&row.at.format("%Y-%m-%d").to_string()) {
            *n += 1;
        }
    }
    Ok(RegistrationReport {
        users_total: enabled.len() as u64,
        users_registered: registered.len() as u64,
        by_method: MethodKind::ALL
            .iter()
            .map(|k| RegistrationMethod {
                kind: *k,
                users: per_kind.get(k).map_or(0, |s| s.len() as u64),
            })
            .collect(),
        by_day: by_day
            .into_iter()
            .map(|(date, registrations)| RegistrationDay {
                date,
                registrations,
            })
            .collect(),
    })
}
