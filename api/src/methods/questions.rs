//! Security questions: a built-in catalogue plus the policy's own questions; answers
//! normalised (NFKC, case-folded, whitespace collapsed) and argon2id-hashed. Never for
//! administrators: answers are guessable and often public.

use sha2::{Digest as _, Sha256};
use unicode_normalization::UnicodeNormalization as _;

use super::{Channel, Destination, DestinationInput, MethodType, Proof, unexpected};
use crate::error::Error;
use crate::policy::{MethodKind, Policy};

pub struct SecurityQuestions;

impl MethodType for SecurityQuestions {
    fn proof(&self) -> Proof {
        Proof::Answers
    }
    fn for_administrators(&self, _: &Policy) -> bool {
        false
    }
    fn kind(&self) -> MethodKind {
        MethodKind::SecurityQuestions
    }
    fn channel(&self) -> Option<Channel> {
        None
    }
    fn parse_destination(&self, input: &DestinationInput) -> Result<Option<Destination>, Error> {
        unexpected(input, &[])?;
        Ok(None)
    }
    fn mask(&self, _: Option<&str>) -> String {
        "Security questions".to_owned()
    }
    fn describe(&self) -> &'static str {
        "security questions"
    }
}

/// An answer given to a question, as typed.
#[derive(Clone, Debug)]
pub struct GivenAnswer {
    pub question_id: String,
    pub answer: String,
}

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Question {
    pub question_id: String,
    pub text: String,
}

const BUILT_IN: [&str; 12] = [
    "In what city were you born?",
    "What was the name of your first pet?",
    "What was the make and model of your first car?",
    "What is the name of the street you grew up on?",
    "What was the name of your elementary school?",
    "What is your oldest cousin's first name?",
    "In what city did your parents meet?",
    "What was your childhood nickname?",
    "What was the name of your first employer?",
    "What is the middle name of your oldest sibling?",
    "What was the first concert you attended?",
    "In what city or town was your first job?",
];

/// Every question a person may pick under `policy`. Custom questions get an id derived from
/// their text, so editing one question does not re-label the answers given to the others.
pub fn catalogue(policy: &Policy) -> Vec<Question> {
    let mut out: Vec<Question> = BUILT_IN
        .iter()
        .enumerate()
        .map(|(i, text)| Question {
            question_id: format!("builtin-{:02}", i + 1),
            text: (*text).to_owned(),
        })
        .collect();
    for text in &policy.security_questions.custom_questions {
        let digest = Sha256::digest(text.trim().as_bytes());
        let id: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
        out.push(Question {
            question_id: format!("custom-{id}"),
            text: text.trim().to_owned(),
        });
    }
    out
}

/// The one rule for answers: NFKC, lower case, runs of white space as one space, trimmed.
pub fn normalise_answer(raw: &str) -> String {
    let folded: String = raw.nfkc().collect::<String>().to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_compare_regardless_of_case_spacing_and_width() {
        assert_eq!(normalise_answer("  San   Francisco "), "san francisco");
        assert_eq!(normalise_answer("ＳＡＮ\tfrancisco"), "san francisco");
    }

    #[test]
    fn custom_question_ids_are_stable_and_the_catalogue_has_at_least_ten_built_in() {
        let mut p = Policy::default();
        p.security_questions.custom_questions =
            vec!["Favourite tea?".into(), "Best teacher?".into()];
        let a = catalogue(&p);
        p.security_questions.custom_questions = vec!["Best teacher?".into()];
        let b = catalogue(&p);
        assert!(a.len() >= 12 && a.len() == b.len() + 1);
        assert_eq!(a.last().unwrap().question_id, b.last().unwrap().question_id);
    }
}
