//! Every kind of audit event, declared once with what it records: the code names a variant
//! (a kind not in the list does not compile), the row keeps its text, and the API document
//! publishes the list with its meanings.

macro_rules! event_kinds {
    ($($variant:ident = $text:literal: $meaning:literal,)*) => {
        /// What an audit row records.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
        pub enum EventKind {
            $(#[serde(rename = $text)] #[doc = $meaning] $variant,)*
        }

        // Written out: the derive does not read a rename passed through this macro.
        impl utoipa::PartialSchema for EventKind {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),*]))
                    .into()
            }
        }

        impl utoipa::ToSchema for EventKind {}

        impl EventKind {
            /// Every kind, in the order of the document.
            pub const ALL: &[EventKind] = &[$(EventKind::$variant,)*];

            /// As the row keeps it (`area.what`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(EventKind::$variant => $text,)*
                }
            }

            /// What the event records, as the API document says.
            pub const fn meaning(self) -> &'static str {
                match self {
                    $(EventKind::$variant => $meaning,)*
                }
            }

            /// The kind a row names (rows are only ever written from this list).
            pub fn of(stored: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.as_str() == stored)
            }
        }
    };
}

event_kinds! {
    SignInSucceeded = "sign_in.succeeded": "Someone signed in.",
    SignInFailed = "sign_in.failed": "A sign-in was refused (wrong password, unknown, disabled or locked account).",
    SignInLockedOut = "sign_in.locked_out": "Repeated wrong passwords locked the account.",
    SignOut = "sign_out": "Someone signed out.",
    PasswordChanged = "password.changed": "Someone changed their own password, knowing the current one.",
    UserCreated = "user.created": "An administrator created a person.",
    UserUpdated = "user.updated": "An administrator changed a person (name, contacts, role, state or password).",
    UserDeleted = "user.deleted": "An administrator deleted a person.",
    UserUnlocked = "user.unlocked": "An administrator ended a person's lockout.",
    GroupCreated = "group.created": "An administrator created a group.",
    GroupUpdated = "group.updated": "An administrator renamed or described a group.",
    GroupDeleted = "group.deleted": "An administrator deleted a group.",
    GroupMembersChanged = "group.members_changed": "An administrator changed a group's members.",
    PolicyUpdated = "policy.updated": "An administrator saved a new version of the policy.",
    ApiKeyCreated = "api_key.created": "An administrator created an API key (its secret was shown once).",
    ApiKeyRevoked = "api_key.revoked": "An administrator revoked an API key.",
    ApiKeyUsed = "api_key.used": "A request was made with an API key (method, path, scope).",
    ApiKeyRefused = "api_key.refused": "An API key was refused: revoked, expired, from an address it may not use, or without the scope.",
    ConsoleAuditExported = "console.audit_exported": "The operator exported the audit log at the console (`sspr admin export-audit`).",
    ConsoleUsersImported = "console.users_imported": "The operator imported people from a CSV file at the console (`sspr admin import-users`).",
    ConsoleConfigChecked = "console.config_checked": "The operator checked the settings at the console (`sspr admin check-config`).",
    WebhookCreated = "webhook.created": "An administrator registered a webhook endpoint (its secret was shown once).",
    WebhookDeleted = "webhook.deleted": "An administrator removed a webhook endpoint.",
    WebhookRedelivered = "webhook.redelivered": "An administrator asked for a webhook delivery to be sent again.",
    AdminBootstrapped = "admin.bootstrapped": "The first administrator was created at start-up, or the console brought one back.",
    MethodAdded = "method.added": "A person added a method, waiting for its code.",
    MethodCodeResent = "method.code_resent": "A new code was sent for a method being added.",
    MethodRegistered = "method.registered": "A method was verified and counts now.",
    MethodVerificationFailed = "method.verification_failed": "A wrong code for a method being added.",
    MethodRemoved = "method.removed": "A person removed a method.",
    RegistrationCompleted = "registration.completed": "A person now has the methods the policy requires (a method that became active made it so).",
    MethodsConfirmed = "method.confirmed": "A person confirmed their methods are still theirs.",
    UserReregistrationRequired = "user.reregistration_required": "An administrator removed a person's methods: they register again.",
    RecoveryStarted = "recovery.started": "A reset or unlock began (for a real person or a decoy).",
    RecoveryChallengeSent = "recovery.challenge_sent": "A code was sent, or questions asked, in a reset or unlock.",
    RecoveryVerified = "recovery.verified": "A method was proven in a reset or unlock.",
    RecoveryVerifyFailed = "recovery.verify_failed": "A wrong code or answer in a reset or unlock.",
    RecoveryLocked = "recovery.locked": "Too many failures locked a reset or unlock.",
    RecoveryPasswordReset = "recovery.password_reset": "A person reset their password by themselves.",
    RecoveryAccountUnlocked = "recovery.account_unlocked": "A person unlocked their account by themselves.",
    RecoveryEnded = "recovery.ended": "A verified flow ended at finish because the account changed since it began.",
    RecoveryDirectoryFailed = "recovery.directory_failed": "The directory refused or could not take the change at finish; the flow stays open.",
    StepUpChallenged = "step_up.challenged": "A code was sent to confirm it is the person before a change of security info.",
    StepUpSucceeded = "step_up.succeeded": "A person confirmed it is them: security info may change for a while.",
    StepUpFailed = "step_up.failed": "A wrong code when confirming it is the person.",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_area_dot_what_is_unique_and_reads_back() {
        let mut seen = std::collections::HashSet::new();
        for kind in EventKind::ALL {
            let text = kind.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(
                text.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
                "{text}"
            );
            assert_eq!(EventKind::of(text), Some(*kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::json!(text));
            assert!(!kind.meaning().is_empty());
        }
        assert_eq!(EventKind::of("sign_in.maybe"), None);
    }
}
