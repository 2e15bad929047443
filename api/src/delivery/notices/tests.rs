use super::*;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-07T10:30:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn every_notice_has_its_words_in_every_language() {
    for lang in Lang::ALL {
        for notice in Notice::ALL {
            let vars = notice.sample(lang, "Example", "https://sspr.example", now());
            for name in notice.variables() {
                assert!(vars.get(name).is_some(), "{notice:?} sample lacks {name}");
            }
            let w = wording(lang, notice, &vars, &[]);
            assert_eq!(
                w.subject.is_empty(),
                !notice.is_email(),
                "{notice:?} {lang:?}"
            );
            assert!(!w.body.is_empty(), "{notice:?} {lang:?}");
            // A message id left in the text means the catalogue lacks it.
            for id in [notice.id(), "notice-", "method-", "change-"] {
                assert!(!w.body.starts_with(id), "{notice:?} {lang:?}: {}", w.body);
            }
        }
    }
}

#[test]
fn an_adjusted_wording_replaces_the_catalogue_s_in_its_language_only() {
    let adjusted = vec![MessageWording {
        notice: Notice::CodeEmail,
        language: Lang::De,
        subject: Some("{{ org }}: Ihr Code {{ code }}".into()),
        body: None,
    }];
    let vars = Notice::CodeEmail.sample(Lang::De, "Beispiel", "https://x", now());
    let de = wording(Lang::De, Notice::CodeEmail, &vars, &adjusted);
    assert_eq!(de.subject, "Beispiel: Ihr Code 123456");
    assert!(de.body.contains("123456"));
    let fr = wording(Lang::Fr, Notice::CodeEmail, &vars, &adjusted);
    assert_ne!(fr.subject, de.subject);
}

#[test]
fn plurals_and_conditions_work_in_an_adjusted_wording() {
    let vars = Notice::RecoveryCodeUsed.sample(Lang::En, "X", "https://x", now());
    let out = render(
        "{% if left <= 3 %}Only {{ left }} left{% else %}Plenty{% endif %} of {{ total }}.",
        &vars,
    )
    .unwrap();
    assert_eq!(out, "Only 2 left of 10.");
}

#[test]
fn an_unknown_variable_or_a_syntax_error_names_its_line() {
    let e = check(
        Notice::PasswordReset,
        "Hello {{ name }},\n\nYour {{ pasword }} was reset.",
    )
    .unwrap_err();
    assert_eq!(e.line, Some(3));
    assert!(
        e.message.contains("`pasword`") && e.message.contains("`when`"),
        "{e:?}"
    );
    let e = check(Notice::PasswordReset, "Hello\n{% if name %}\nno end").unwrap_err();
    assert!(e.line.is_some(), "{e:?}");
    let e = check(Notice::CodeSms, "{{ code | nosuchfilter }}").unwrap_err();
    assert_eq!(e.line, Some(1), "{e:?}");
    assert!(
        check(
            Notice::CodeSms,
            "{{ code }} for {{ org }} ({{ minutes }} min)"
        )
        .is_ok()
    );
}

#[test]
fn the_sandbox_reads_no_file_and_stops_a_runaway_loop() {
    assert!(check(Notice::CodeSms, "{% include \"/etc/passwd\" %}").is_err());
    assert!(
        check(
            Notice::CodeSms,
            "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}"
        )
        .is_err()
    );
}

#[test]
fn a_change_is_said_in_the_language() {
    let added = Change::Added {
        kind: MethodKind::Passkey,
        detail: Some("\"Phone\"".into()),
    };
    assert_eq!(added.words(Lang::En), "passkey \"Phone\" added");
    assert_ne!(added.words(Lang::De), added.words(Lang::En));
    assert_eq!(
        Change::Removed(MethodKind::AuthenticatorApp).words(Lang::En),
        "authenticator app removed"
    );
}
