//! `sspr admin import-users FILE.csv`: people into the built-in directory, with their groups,
//! their contact details (kept on the person, offered as suggestions when they register, never
//! counted as verified methods) and, optionally, their password hashes from the system they
//! come from (PHC argon2, or bcrypt `$2b$…`, replaced by argon2id at the first sign-in). The
//! whole file is checked first: one bad row imports nothing. A username that exists already is
//! skipped, so the import can be run again.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;

use uuid::Uuid;

use super::bootstrap::console;
use super::groups::parse_name as group_name;
use super::users::{NewUser, UserFields};
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Ctx, RequestMeta};
use crate::error::{Error, FieldCode, FieldError};
use crate::store::{self, groups::GroupRow, ts, users::UserRow};

const REQUIRED: [&str; 3] = ["username", "display_name", "email"];
const OPTIONAL: [&str; 4] = ["mobile_phone", "groups", "is_admin", "password_hash"];
const MAX_ROWS: usize = 100_000;

/// What an import did.
pub struct Imported {
    pub created: usize,
    /// Usernames that existed already (left as they are).
    pub skipped: Vec<String>,
    pub groups_created: usize,
}

struct Person {
    row: UserRow,
    groups: Vec<(String, String)>,
}

/// The highest bcrypt cost accepted: one verification at cost 14 takes about a second here; a
/// higher one would let an imported hash tie up a hashing worker at every sign-in.
const BCRYPT_COST_MAX: u32 = 14;

/// A stored hash this service can verify: argon2 in PHC form, or bcrypt (cost at most 14).
fn known_hash(hash: &str) -> bool {
    let bcrypt = ["$2a$", "$2b$", "$2y$"].iter().any(|p| hash.starts_with(p))
        && hash.len() == 60
        && hash
            .get(4..6)
            .and_then(|c| c.parse::<u32>().ok())
            .is_some_and(|cost| (4..=BCRYPT_COST_MAX).contains(&cost));
    let argon2 =
        hash.starts_with("$argon2") && argon2::password_hash::PasswordHash::new(hash).is_ok();
    bcrypt || argon2
}

fn parse(reader: impl Read, now: chrono::NaiveDateTime) -> Result<Vec<Person>, Error> {
    let mut csv = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(reader);
    let header_error = |message: String| {
        Error::Validation(vec![FieldError::new("line 1", FieldCode::Invalid, message)])
    };
    let headers: Vec<String> = csv
        .headers()
        .map_err(|e| header_error(format!("not CSV: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    if let Some(unknown) = headers
        .iter()
        .find(|h| !REQUIRED.contains(&h.as_str()) && !OPTIONAL.contains(&h.as_str()))
    {
        return Err(header_error(format!(
            "unknown column `{unknown}`; the columns are {} (required) and {}",
            REQUIRED.join(", "),
            OPTIONAL.join(", ")
        )));
    }
    if let Some(missing) = REQUIRED.iter().find(|r| !headers.iter().any(|h| h == *r)) {
        return Err(header_error(format!("the column `{missing}` is required")));
    }
    let mut errors = Vec::new();
    let mut people = Vec::new();
    for (i, record) in csv.records().enumerate() {
        let line = i + 2;
        if i >= MAX_ROWS {
            errors.push(FieldError::new(
                format!("line {line}"),
                FieldCode::TooMany,
                format!("at most {MAX_ROWS} people per file"),
            ));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(FieldError::new(
                    format!("line {line}"),
                    FieldCode::Invalid,
                    e.to_string(),
                ));
                continue;
            }
        };
        let field: HashMap<&str, &str> = headers
            .iter()
            .map(String::as_str)
            .zip(record.iter())
            .collect();
        let get = |name: &str| field.get(name).copied().unwrap_or("");
        let mut at = |column: &str, code: FieldCode, message: String| {
            errors.push(FieldError::new(
                format!("line {line}.{column}"),
                code,
                message,
            ));
        };
        let is_admin = match get("is_admin").to_ascii_lowercase().as_str() {
            "" | "false" | "no" | "0" => false,
            "true" | "yes" | "1" => true,
            _ => {
                at("is_admin", FieldCode::Invalid, "true or false".into());
                false
            }
        };
        let hash = Some(get("password_hash")).filter(|h| !h.is_empty());
        if let Some(h) = hash
            && !known_hash(h)
        {
            at(
                "password_hash",
                FieldCode::Invalid,
                "an argon2 hash in PHC form ($argon2id$…) or a bcrypt hash ($2b$…)".into(),
            );
        }
        let mut groups = Vec::new();
        for name in get("groups")
            .split(';')
            .map(str::trim)
            .filter(|g| !g.is_empty())
        {
            match group_name(name) {
                Ok(pair) => groups.push(pair),
                Err(e) => at(
                    "groups",
                    FieldCode::Invalid,
                    format!("`{name}`: {}", e.message),
                ),
            }
        }
        let fields = UserFields {
            username: get("username"),
            display_name: get("display_name"),
            email: get("email"),
            mobile_phone: Some(get("mobile_phone")).filter(|p| !p.is_empty()),
        };
        match NewUser::parse(fields, None, is_admin, false) {
            Ok(user) => people.push(Person {
                row: UserRow {
                    id: Uuid::new_v4().to_string(),
                    username: user.username.as_str().to_owned(),
                    username_key: user.username.key().to_owned(),
                    display_name: user.display_name.as_str().to_owned(),
                    email: user.email.as_str().to_owned(),
                    mobile_phone: user.mobile_phone.map(|p| p.as_str().to_owned()),
                    is_admin: i32::from(is_admin),
                    disabled: 0,
                    password_hash: hash.map(str::to_owned),
                    failed_sign_ins: 0,
                    lockouts: 0,
                    locked_until: None,
                    password_changed_at: hash.map(|_| now),
                    created_at: now,
                    updated_at: now,
                },
                groups,
            }),
            Err(Error::Validation(fields)) => {
                for f in fields {
                    at(&f.field, f.code, f.message);
                }
            }
            Err(other) => return Err(other),
        }
    }
    let mut seen = HashMap::new();
    for p in &people {
        if let Some(first) = seen.insert(p.row.username_key.clone(), p.row.username.clone()) {
            errors.push(FieldError::new(
                "username",
                FieldCode::Duplicate,
                format!("`{first}` is in the file twice"),
            ));
        }
    }
    if errors.is_empty() {
        Ok(people)
    } else {
        Err(Error::Validation(errors))
    }
}

/// Imports the CSV from `reader` into the built-in directory, in one transaction.
pub async fn import_users(ctx: &Ctx, reader: impl Read) -> Result<Imported, Error> {
    if ctx.directory.admin().is_none() {
        return Err(Error::bad_request(
            crate::error::ErrorCode::DirectoryReadOnly,
            "the directory's people are managed with its own tools (LDAP, Active Directory)",
        ));
    }
    let now = ctx.now();
    let people = parse(reader, ts(now))?;
    ctx.store
        .write(move |conn| {
            let mut groups: BTreeMap<String, String> = store::groups::list(conn)?
                .into_iter()
                .map(|(g, _)| (g.name_key, g.id))
                .collect();
            let mut members: BTreeMap<String, Vec<String>> = BTreeMap::new();
            let (mut created, mut skipped, mut groups_created) = (0, Vec::new(), 0);
            for person in &people {
                if store::users::find_by_key(conn, &person.row.username_key)?.is_some() {
                    skipped.push(person.row.username.clone());
                    continue;
                }
                super::builtin::insert_person(conn, &person.row, false)?;
                created += 1;
                for (name, key) in &person.groups {
                    let id = match groups.get(key) {
                        Some(id) => id.clone(),
                        None => {
                            let row = GroupRow {
                                id: Uuid::new_v4().to_string(),
                                name: name.clone(),
                                name_key: key.clone(),
                                description: Some("Created by an import".to_owned()),
                                created_at: ts(now),
                                updated_at: ts(now),
                            };
                            store::groups::insert(conn, &row)?;
                            groups_created += 1;
                            groups.insert(key.clone(), row.id.clone());
                            row.id
                        }
                    };
                    members.entry(id).or_default().push(person.row.id.clone());
                }
                let event = Event::new(EventKind::UserCreated, console())
                    .target(Party::named(&person.row.id, &person.row.username))
                    .details(serde_json::json!({
                        "is_admin": person.row.is_admin != 0,
                        "password_hash": person.row.password_hash.is_some(),
                        "from": "console import",
                    }));
                audit::record(conn, now, &RequestMeta::default(), event)?;
            }
            for (group_id, new) in members {
                let mut ids = store::groups::members(conn, &group_id)?
                    .into_iter()
                    .map(|u| u.id)
                    .collect::<Vec<_>>();
                ids.extend(new);
                store::groups::set_members(conn, &group_id, &ids)?;
            }
            let event = Event::new(EventKind::ConsoleUsersImported, console()).details(
                serde_json::json!({ "created": created, "skipped": skipped.len(), "groups_created": groups_created }),
            );
            audit::record(conn, now, &RequestMeta::default(), event)?;
            Ok(Imported {
                created,
                skipped,
                groups_created,
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> chrono::NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000, 0)
            .unwrap()
            .naive_utc()
    }

    #[test]
    fn every_bad_row_is_named_by_line_and_column_and_nothing_passes() {
        let csv = "username,display_name,email,groups,is_admin,password_hash\n\
                   ann,Ann,ann@example.com,Staff;Pilot,no,\n\
                   bob,Bob,not-an-address,,maybe,$md5$abc\n\
                   ann,Ann again,ann2@example.com,,,\n";
        let Err(Error::Validation(errors)) = parse(csv.as_bytes(), now()) else {
            panic!("refused");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"line 3.is_admin"), "{fields:?}");
        assert!(fields.contains(&"line 3.password_hash"), "{fields:?}");
        assert!(fields.contains(&"line 3.email"), "{fields:?}");
        assert!(
            errors.iter().any(|e| e.code == FieldCode::Duplicate),
            "{fields:?}"
        );
    }

    #[test]
    fn columns_are_checked_and_hashes_kept_as_they_are() {
        assert!(parse("username,email\nann,a@b.c\n".as_bytes(), now()).is_err());
        assert!(parse("username,display_name,email,shoe_size\n".as_bytes(), now()).is_err());
        let bcrypt = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
        let csv = format!(
            "username,display_name,email,mobile_phone,password_hash\nann,Ann,ann@example.com,+14155550100,{bcrypt}\n"
        );
        let people = parse(csv.as_bytes(), now()).unwrap();
        assert_eq!(people[0].row.password_hash.as_deref(), Some(bcrypt));
        assert_eq!(people[0].row.mobile_phone.as_deref(), Some("+14155550100"));
    }
}
