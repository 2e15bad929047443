//! Setting a new password on an account, whoever sets it (the person, an administrator, or a
//! reset flow): the policy's rules, no reuse of recent passwords, then the new hash with the old
//! one kept in the history.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::{Error, FieldCode, FieldError};
use crate::password::Password;
use crate::password::rules::{self, Person};
use crate::policy::PasswordPolicy;
use crate::store::{self, DbConn, ts, users::UserRow};

/// Checks `raw` against every rule for `user` and returns its new hash. All failures are
/// reported together (422); nothing is changed.
pub async fn vet(
    ctx: &Ctx,
    policy: &PasswordPolicy,
    user: &UserRow,
    raw: &str,
    field: &str,
) -> Result<String, Error> {
    let password = Password::parse(raw, field)?;
    let mut errors: Vec<FieldError> = rules::check(
        policy,
        &password,
        &Person {
            username: &user.username,
            display_name: &user.display_name,
            email: &user.email,
        },
        field,
    );
    if policy.history > 0 {
        let mut previous: Vec<String> = user.password_hash.iter().cloned().collect();
        let (id, n) = (user.id.clone(), i64::from(policy.history) - 1);
        if n > 0 {
            previous.extend(
                ctx.store
                    .read(move |conn| store::users::password_history(conn, &id, n))
                    .await?,
            );
        }
        for hash in previous {
            if ctx.hasher.verify(&password, Some(&hash)).await?.matches {
                errors.push(FieldError::new(
                    field,
                    FieldCode::Reused,
                    format!(
                        "choose a password you have not used for your last {} passwords",
                        policy.history
                    ),
                ));
                break;
            }
        }
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    ctx.hasher.hash(&password).await
}

/// Puts `hash` on the account (inside the caller's transaction): the old hash goes to the
/// history, lockout is cleared, and every open reset flow of the person ends.
pub fn install(
    conn: &mut DbConn,
    row: &mut UserRow,
    hash: String,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if let Some(old) = row.password_hash.take() {
        store::users::remember_password(conn, &Uuid::now_v7().to_string(), &row.id, &old, ts(now))?;
    }
    row.password_hash = Some(hash);
    row.password_changed_at = Some(ts(now));
    row.failed_sign_ins = 0;
    row.lockouts = 0;
    row.locked_until = None;
    row.updated_at = ts(now);
    store::flows::supersede_for_user(conn, &row.id, None)?;
    Ok(())
}
