//! Previewing the wording of a message in the administration.

use serde::Serialize;
use utoipa::ToSchema;

/// A message as it would be sent, filled with sample values.
#[derive(Serialize, ToSchema)]
pub struct MessagePreview {
    /// The variables the message's wording may use (`{{ name }}`); no other is accepted.
    pub variables: Vec<String>,
    /// The email's subject (absent for a text message or a call).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The email's text part, the text message, or what the call says.
    pub text: String,
    /// The email's HTML part (every character of the wording and the values escaped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

impl MessagePreview {
    pub fn of(
        notice: crate::delivery::notices::Notice,
        p: crate::delivery::templates::Preview,
    ) -> Self {
        Self {
            variables: notice.variables().iter().map(|v| (*v).to_owned()).collect(),
            subject: p.subject,
            text: p.text,
            html: p.html,
        }
    }
}
