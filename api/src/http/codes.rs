//! Which problem codes each operation answers: those any operation may answer, those of its
//! kind of authentication, and its own ([`OPERATIONS`]). Published per operation as the
//! `x-problem-codes` extension (every code) and in its description (its own); the integration
//! tests hold the lists to the truth: a problem that an operation answers and its list does not
//! name fails the test that provoked it (`api/tests/api/codes.rs`).

use utoipa::openapi::OpenApi;

use crate::error::ErrorCode::{self, *};

/// Any operation: a body or query that cannot be read or is not valid, or a service that is
/// busy or broken.
const ANY: &[ErrorCode] = &[
    MalformedJson,
    UnreadableBody,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
    InvalidQuery,
    NotFound,
    MethodNotAllowed,
    Overloaded,
    StorageUnavailable,
    InternalError,
];

/// Every operation of a signed-in person.
const SESSION: &[ErrorCode] = &[Unauthenticated, PasswordChangeRequired, CrossSiteRequest];

/// Every administration operation, besides [`SESSION`] (the last two: with an API key).
const ADMIN: &[ErrorCode] = &[Forbidden, AddressNotAllowed, InsufficientScope];

/// Every step of a reset or unlock with its flow token.
const FLOW: &[ErrorCode] = &[Unauthenticated, FlowExpired, FlowLocked, FlowFinished];

/// Each operation's own codes, by operation id.
pub const OPERATIONS: &[(&str, &[ErrorCode])] = &[
    ("check_password", &[Throttled]),
    (
        "sign_in",
        &[
            InvalidCredentials,
            AccountDisabled,
            AccountLocked,
            Throttled,
            DirectoryUnavailable,
        ],
    ),
    (
        "change_password",
        &[Throttled, DirectoryUnavailable, PasswordRejectedByDirectory],
    ),
    (
        "add_method",
        &[
            MethodNotEnabled,
            NotAllowedForAdministrators,
            PasskeysUnavailable,
            StepUpRequired,
            CountryNotAllowed,
            DeliveryFailed,
            Throttled,
        ],
    ),
    (
        "verify_method",
        &[
            AlreadyActive,
            NoCodePending,
            InvalidCode,
            CodeExpired,
            TooManyAttempts,
            TotpInvalid,
            TotpReplayed,
            PasskeyRejected,
            PasskeyNotRequested,
            PasskeysUnavailable,
        ],
    ),
    (
        "resend_method_code",
        &[
            AlreadyActive,
            NoCodeMethod,
            CountryNotAllowed,
            DeliveryFailed,
            Throttled,
        ],
    ),
    ("remove_method", &[StepUpRequired]),
    ("confirm_methods", &[NoMethods]),
    (
        "set_security_answers",
        &[
            MethodNotEnabled,
            NotAllowedForAdministrators,
            StepUpRequired,
        ],
    ),
    (
        "step_up_challenge",
        &[
            NoMethods,
            PasskeysUnavailable,
            CountryNotAllowed,
            DeliveryFailed,
            Throttled,
        ],
    ),
    (
        "step_up",
        &[
            NoCodePending,
            InvalidCode,
            CodeExpired,
            TooManyAttempts,
            TotpInvalid,
            TotpReplayed,
            RecoveryCodeInvalid,
            PasskeyRejected,
            PasskeyNotRequested,
            Throttled,
        ],
    ),
    ("start_recovery", &[NotEligible, UnlockDisabled, Throttled]),
    (
        "send_recovery_challenge",
        &[
            MethodAlreadyPassed,
            MethodUnavailable,
            CountryNotAllowed,
            Throttled,
        ],
    ),
    (
        "verify_recovery_method",
        &[
            MethodAlreadyPassed,
            MethodUnavailable,
            FlowChanged,
            NoCodePending,
            InvalidCode,
            CodeExpired,
            TooManyAttempts,
            TotpInvalid,
            TotpReplayed,
            QuestionsNotAsked,
            WrongAnswers,
            RecoveryCodeInvalid,
            PasskeyRejected,
            PasskeyNotRequested,
            Throttled,
        ],
    ),
    (
        "reset_password",
        &[
            WrongPurpose,
            VerificationIncomplete,
            FlowEnded,
            DirectoryUnavailable,
            PasswordRejectedByDirectory,
        ],
    ),
    (
        "unlock_account",
        &[
            WrongPurpose,
            VerificationIncomplete,
            FlowEnded,
            DirectoryUnavailable,
        ],
    ),
    ("put_policy", &[InvalidIfMatch, VersionConflict]),
    ("create_user", &[UsernameTaken, DirectoryReadOnly]),
    (
        "update_user",
        &[
            UsernameTaken,
            CannotModifySelf,
            LastAdmin,
            DirectoryReadOnly,
        ],
    ),
    (
        "delete_user",
        &[CannotModifySelf, LastAdmin, DirectoryReadOnly],
    ),
    ("create_group", &[GroupNameTaken, DirectoryReadOnly]),
    ("update_group", &[GroupNameTaken, DirectoryReadOnly]),
    ("delete_group", &[GroupInUse, DirectoryReadOnly]),
    ("set_group_members", &[DirectoryReadOnly]),
];

/// Every code `operation` answers, in the order of [`ErrorCode::ALL`].
fn codes_of(
    id: &str,
    secured_by: &[String],
    admin: bool,
) -> (Vec<ErrorCode>, &'static [ErrorCode]) {
    let own = OPERATIONS
        .iter()
        .find(|(op, _)| *op == id)
        .map_or(&[][..], |(_, codes)| *codes);
    let session = secured_by
        .iter()
        .any(|s| s == "bearer" || s == "session_cookie");
    let flow = secured_by.iter().any(|s| s == "flow_token");
    let all: Vec<ErrorCode> = ErrorCode::ALL
        .iter()
        .copied()
        .filter(|c| {
            ANY.contains(c)
                || (session && SESSION.contains(c))
                || (admin && ADMIN.contains(c))
                || (flow && FLOW.contains(c))
                || own.contains(c)
        })
        .collect();
    (all, own)
}

/// Writes each operation's codes into the document.
pub fn publish(api: &mut OpenApi) {
    for item in api.paths.paths.values_mut() {
        for operation in [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
        {
            let id = operation.operation_id.clone().unwrap_or_default();
            let secured_by: Vec<String> = operation
                .security
                .iter()
                .flatten()
                .filter_map(|s| serde_json::to_value(s).ok())
                .filter_map(|v| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()))
                .flatten()
                .collect();
            let admin = operation.tags.iter().flatten().any(|t| t == "admin");
            let (all, own) = codes_of(&id, &secured_by, admin);
            let listed: Vec<&str> = all.iter().map(|c| c.as_str()).collect();
            operation
                .extensions
                .get_or_insert_with(Default::default)
                .insert("x-problem-codes".to_owned(), serde_json::json!(listed));
            if !own.is_empty() {
                let words: Vec<String> = own.iter().map(|c| format!("`{}`", c.as_str())).collect();
                let line = format!(
                    "Problem codes of this operation: {} (and those every operation answers; \
                     all are in `x-problem-codes`).",
                    words.join(", ")
                );
                operation.description = Some(match operation.description.take() {
                    Some(d) if !d.is_empty() => format!("{d}\n\n{line}"),
                    _ => line,
                });
            }
        }
    }
}
