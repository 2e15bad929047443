//! Checking a new password for a person, whoever sets it (the person, an administrator, or a
//! reset flow): the policy's rules and, unless the directory refuses reuse itself, none of the
//! person's recent passwords. Setting it is the directory's ([`super::Directory::set_password`]).

use crate::context::Ctx;
use crate::error::{Error, FieldCode, FieldError};
use crate::password::Password;
use crate::password::rules;
use crate::policy::PasswordPolicy;

use super::Person;

/// Checks `raw` against every rule for `person` and returns it parsed. All failures are
/// reported together (422); nothing is changed.
pub async fn vet(
    ctx: &Ctx,
    policy: &PasswordPolicy,
    person: &Person,
    raw: &str,
    field: &str,
) -> Result<Password, Error> {
    let password = Password::parse(raw, field)?;
    let mut errors: Vec<FieldError> = rules::check(
        policy,
        &password,
        &rules::Person {
            username: &person.username,
            display_name: &person.display_name,
            email: &person.email,
        },
        field,
    );
    if policy.history > 0 && !ctx.directory.capabilities().enforces_history {
        let previous = ctx
            .directory
            .recent_password_hashes(&person.id, policy.history)
            .await?;
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
    Ok(password)
}
