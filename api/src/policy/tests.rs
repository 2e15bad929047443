use super::*;

fn fields(p: &Policy) -> Vec<String> {
    match p.validate(&HashSet::new()) {
        Ok(()) => vec![],
        Err(errors) => errors
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.code))
            .collect(),
    }
}

#[test]
fn the_default_policy_is_valid() {
    assert_eq!(fields(&Policy::default()), Vec::<String>::new());
}

#[test]
fn selected_scope_needs_existing_groups() {
    let mut p = Policy {
        scope: Scope::Selected,
        ..Policy::default()
    };
    assert_eq!(fields(&p), ["group_ids:required"]);
    let g = Uuid::new_v4();
    p.group_ids = vec![g, g];
    assert_eq!(
        fields(&p),
        ["group_ids[0]:unknown_group", "group_ids[1]:duplicate"]
    );
    assert!(p.validate(&HashSet::from([g])).unwrap_err().len() == 1);
}

#[test]
fn methods_required_cannot_exceed_methods_enabled() {
    let p = Policy {
        methods_required: 2,
        methods_enabled: vec![MethodKind::Email],
        ..Policy::default()
    };
    assert_eq!(fields(&p), ["methods_required:exceeds_enabled"]);
    let p = Policy {
        methods_required: 3,
        ..Policy::default()
    };
    assert_eq!(fields(&p), ["methods_required:out_of_range"]);
    let p = Policy {
        methods_enabled: vec![],
        ..Policy::default()
    };
    assert_eq!(fields(&p), ["methods_enabled:required"]);
}

#[test]
fn security_question_counts_and_texts_are_bounded() {
    let mut p = Policy::default();
    p.security_questions.register_count = 3;
    p.security_questions.reset_count = 4;
    assert_eq!(
        fields(&p),
        ["security_questions.reset_count:exceeds_registered"]
    );
    p.security_questions.reset_count = 3;
    p.security_questions.custom_questions = vec![
        "ab".into(),
        "What was your first car?".into(),
        "what was your first car?".into(),
    ];
    assert_eq!(
        fields(&p),
        [
            "security_questions.custom_questions[0]:length",
            "security_questions.custom_questions[2]:duplicate"
        ]
    );
    p.security_questions.custom_questions =
        (0..21).map(|i| format!("Question number {i}?")).collect();
    assert_eq!(fields(&p), ["security_questions.custom_questions:too_many"]);
}

#[test]
fn password_rules_are_bounded() {
    let mut p = Policy::default();
    p.password.min_length = 7;
    p.password.max_length = 300;
    p.password.min_strength = 5;
    p.password.history = 25;
    assert_eq!(
        fields(&p),
        [
            "password.min_length:out_of_range",
            "password.max_length:out_of_range",
            "password.min_strength:out_of_range",
            "password.history:out_of_range"
        ]
    );
    p.password = PasswordPolicy {
        min_length: 100,
        max_length: 80,
        ..Policy::default().password
    };
    assert_eq!(fields(&p), ["password.max_length:below_minimum"]);
}

#[test]
fn helpdesk_links_must_be_web_urls_and_addresses() {
    let mut p = Policy::default();
    p.customization.helpdesk_url = Some("javascript:alert(1)".into());
    p.customization.helpdesk_email = Some("not an address".into());
    assert_eq!(
        fields(&p),
        [
            "customization.helpdesk_url:invalid_url",
            "customization.helpdesk_email:invalid_email"
        ]
    );
    p.customization.helpdesk_url = Some("https://help.example.com/sspr".into());
    p.customization.helpdesk_email = Some("help@example.com".into());
    assert!(fields(&p).is_empty());
}

#[test]
fn unknown_fields_are_refused_when_parsing() {
    let mut doc = serde_json::to_value(Policy::default()).unwrap();
    doc["surprise"] = serde_json::json!(1);
    assert!(serde_json::from_value::<Policy>(doc).is_err());
}
