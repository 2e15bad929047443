//! The settings one by one: defaults, bad values, secrets in files, production's refusals.

use std::net::SocketAddr;
use std::path::PathBuf;

use super::*;

pub(super) fn settings(pairs: &[(&str, &str)]) -> Settings {
    let mut s = Settings::default();
    for (k, v) in pairs {
        s.set(k, *v);
    }
    s
}

#[test]
fn no_settings_at_all_gives_the_documented_defaults() {
    let c = Config::from_settings(&Settings::default()).unwrap();
    assert_eq!(c.env, Environment::Development);
    assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
    assert_eq!(
        c.metrics_bind,
        Some(SocketAddr::from(([127, 0, 0, 1], 9464)))
    );
    assert_eq!(c.public_url, "http://127.0.0.1:8080");
    assert_eq!(
        c.database,
        DatabaseTarget::Sqlite(PathBuf::from("./data/sspr.db"))
    );
    assert_eq!(
        c.argon2,
        Argon2Settings {
            memory_kib: 19_456,
            iterations: 2,
            parallelism: 1
        }
    );
    assert_eq!(c.body_limit_bytes, 16 * 1024);
    assert_eq!(c.captcha, CaptchaKind::Builtin);
    assert!(c.cors_origins.is_empty());
}

#[test]
fn environment_variables_override_the_file() {
    let mut s = settings(&[("bind", "127.0.0.1:9000")]);
    s.overlay_env([
        ("SSPR_BIND".to_owned(), "0.0.0.0:7000".to_owned()),
        ("OTHER".to_owned(), "x".to_owned()),
        (
            "SSPR_TEST_DATABASE_URL".to_owned(),
            "postgres://x".to_owned(),
        ),
    ])
    .unwrap();
    assert_eq!(
        Config::from_settings(&s).unwrap().bind.to_string(),
        "0.0.0.0:7000"
    );
}

#[test]
fn an_unknown_variable_or_key_stops_the_start_and_names_the_closest() {
    let env = |name: &str| {
        Settings::default()
            .overlay_env([(name.to_owned(), "x".to_owned())])
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        env("SSPR_SMTP_UR"),
        "unknown environment variable SSPR_SMTP_UR (did you mean SSPR_SMTP_URL?)"
    );
    // SSPR_DIRECTORY was this test's example of a name with nothing close; it is a setting now.
    assert_eq!(
        env("SSPR_FAVOURITE_COLOUR"),
        "unknown environment variable SSPR_FAVOURITE_COLOUR"
    );
    let dir = std::env::temp_dir().join(format!("sspr-config-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sspr.toml");
    std::fs::write(&path, "[server]\nbnd = \"127.0.0.1:9000\"\n").unwrap();
    let err = Settings::from_toml_file(&path).unwrap_err().to_string();
    assert_eq!(
        err,
        "unknown setting `bnd` in [server] of the configuration file (did you mean bind?)"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn secrets_can_be_read_from_files() {
    let dir = std::env::temp_dir().join(format!("sspr-secret-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let token = dir.join("sms");
    std::fs::write(&token, "s3cret-token\n").unwrap();
    let mut s = Settings::default();
    s.overlay_env([(
        "SSPR_SMS_AUTH_TOKEN_FILE".to_owned(),
        token.display().to_string(),
    )])
    .unwrap();
    s.read_secret_files().unwrap();
    let c = Config::from_settings(&s).unwrap();
    assert_eq!(c.sms_auth_token.unwrap().expose(), "s3cret-token");

    // Both ways at once, a file that is not there, a file for what is no secret.
    let mut both = settings(&[("sms_auth_token", "inline")]);
    both.set("sms_auth_token_file", token.display().to_string());
    let err = both.read_secret_files().unwrap_err().to_string();
    assert!(err.contains("SSPR_SMS_AUTH_TOKEN_FILE"), "{err}");
    let mut missing = settings(&[("jwt_keys_file", "/nonexistent/keys")]);
    let err = missing.read_secret_files().unwrap_err().to_string();
    assert!(
        err.contains("SSPR_JWT_KEYS_FILE") && err.contains("/nonexistent/keys"),
        "{err}"
    );
    let err = Settings::default()
        .overlay_env([("SSPR_BIND_FILE".to_owned(), "/x".to_owned())])
        .unwrap_err()
        .to_string();
    assert!(err.contains("SSPR_BIND_FILE"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_value_names_the_setting() {
    let err = Config::from_settings(&settings(&[("bind", "nowhere")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("SSPR_BIND"), "{err}");
    let err = Config::from_settings(&settings(&[("database_url", "mysql://x")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("SSPR_DATABASE_URL"), "{err}");
    let err = Config::from_settings(&settings(&[("trusted_proxies", "10.0.0.0/8, bogus")]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("SSPR_TRUSTED_PROXIES") && err.contains("bogus"),
        "{err}"
    );
    let err = Config::from_settings(&settings(&[("cors_origins", "*")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("SSPR_CORS_ORIGINS"), "{err}");
}

#[test]
fn jwt_keys_need_ids_and_enough_bytes() {
    let key = "a".repeat(44); // 33 bytes of base64
    let keys = parse_named_keys(&format!("k1:{key}, k2:{key}")).unwrap();
    assert_eq!(
        keys.iter().map(|k| k.kid.as_str()).collect::<Vec<_>>(),
        ["k1", "k2"]
    );
    assert!(
        parse_named_keys("k1:c2hvcnQ=")
            .unwrap_err()
            .contains("at least 32")
    );
    assert!(parse_named_keys(&key).is_err());
    assert!(
        parse_named_keys(&format!("k1:{key},k1:{key}"))
            .unwrap_err()
            .contains("twice")
    );
}

#[test]
fn production_refuses_unsafe_settings() {
    let err = Config::from_settings(&settings(&[("env", "production")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("https"), "{err}");
    let key = "a".repeat(44);
    let base = [
        ("env", "production"),
        ("public_url", "https://reset.example.com"),
        ("smtp_url", "smtp://mail:25"),
        ("smtp_from", "reset@example.com"),
    ];
    let err = Config::from_settings(&settings(&base))
        .unwrap_err()
        .to_string();
    assert!(err.contains("SSPR_JWT_KEYS"), "{err}");
    let keys = format!("k1:{key}");
    let mut ok = base.to_vec();
    ok.push(("jwt_keys", &keys));
    assert!(
        Config::from_settings(&settings(&ok))
            .unwrap_err()
            .to_string()
            .contains("SSPR_ENCRYPTION_KEYS")
    );
    ok.push(("encryption_keys", &keys));
    assert!(Config::from_settings(&settings(&ok)).is_ok());
    // Passwords to a directory in the clear: never in production.
    let mut ldap = ok.clone();
    ldap.extend([
        ("directory", "ldap"),
        ("ldap_url", "ldap://ldap.example.org"),
        ("ldap_bind_dn", "cn=sspr"),
        ("ldap_bind_password", "secret"),
        ("ldap_user_base", "dc=example,dc=org"),
    ]);
    assert!(Config::from_settings(&settings(&ldap)).is_ok(), "StartTLS");
    ldap.push(("ldap_starttls", "false"));
    assert!(
        Config::from_settings(&settings(&ldap))
            .unwrap_err()
            .to_string()
            .contains("SSPR_LDAP_STARTTLS")
    );
    ok.push(("argon2_memory_kib", "1024"));
    assert!(
        Config::from_settings(&settings(&ok))
            .unwrap_err()
            .to_string()
            .contains("argon2")
    );
}

#[test]
fn texts_and_calls_default_to_the_sender_numbers_country() {
    let countries = |pairs: &[(&str, &str)]| {
        Config::from_settings(&settings(pairs)).map(|c| c.codes.phone_countries)
    };
    assert_eq!(countries(&[]).unwrap(), PhoneCountries::Any);
    let us = countries(&[("sms_from", "+14155550100")]).unwrap();
    assert_eq!(us, PhoneCountries::Only(vec!["US".into()]));
    assert!(us.allows("+14155552671"));
    assert!(!us.allows("+14165550100"), "Canada shares +1");
    assert!(!us.allows("+442079460958"));
    let listed = countries(&[
        ("sms_from", "+14155550100"),
        ("phone_countries", " ca, GB "),
    ]);
    assert_eq!(
        listed.unwrap(),
        PhoneCountries::Only(vec!["CA".into(), "GB".into()])
    );
    assert_eq!(
        countries(&[("sms_from", "ExampleCo"), ("phone_countries", "*")]).unwrap(),
        PhoneCountries::Any
    );
    for bad in [
        &[("sms_from", "ExampleCo")][..],
        &[("phone_countries", "XX")],
        &[("phone_countries", ",")],
    ] {
        let err = countries(bad).unwrap_err().to_string();
        assert!(err.contains("PHONE_COUNTRIES"), "{err}");
    }
}

#[test]
fn metrics_have_their_own_listener_that_can_be_turned_off() {
    let bind =
        |v: &str| Config::from_settings(&settings(&[("metrics_bind", v)])).map(|c| c.metrics_bind);
    assert_eq!(
        bind("0.0.0.0:9464").unwrap(),
        Some(SocketAddr::from(([0, 0, 0, 0], 9464)))
    );
    assert_eq!(bind("off").unwrap(), None);
    assert_eq!(bind("").unwrap(), None);
    let mut s = Settings::default();
    s.overlay_env([("SSPR_METRICS_BIND".to_owned(), String::new())])
        .unwrap();
    assert_eq!(Config::from_settings(&s).unwrap().metrics_bind, None);
    assert!(
        bind("nowhere")
            .unwrap_err()
            .to_string()
            .contains("SSPR_METRICS_BIND")
    );
    assert!(
        bind("127.0.0.1:8080")
            .unwrap_err()
            .to_string()
            .contains("SSPR_METRICS_BIND")
    );
}

#[test]
fn the_public_origin_is_written_as_browsers_write_it() {
    for (url, origin) in [
        (
            "https://Reset.Example.com/sspr",
            "https://reset.example.com",
        ),
        ("https://reset.example.com:443", "https://reset.example.com"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://[::1]:80/x?y", "http://[::1]"),
    ] {
        assert_eq!(origin_of(url).as_deref(), Some(origin), "{url}");
    }
    assert_eq!(origin_of("https:///path"), None);
    assert!(Config::from_settings(&settings(&[("public_url", "https://user@host")])).is_err());
}

#[test]
fn toml_files_reject_unknown_settings() {
    let dir = std::env::temp_dir().join(format!("sspr-config-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sspr.toml");
    std::fs::write(
        &path,
        "[server]\nbind = \"127.0.0.1:9999\"\ncors_origins = [\"https://a.example\"]\n",
    )
    .unwrap();
    let c = Config::from_settings(&Settings::from_toml_file(&path).unwrap()).unwrap();
    assert_eq!(c.bind.port(), 9999);
    assert_eq!(c.cors_origins, ["https://a.example"]);
    std::fs::write(&path, "[server]\nbnid = \"x\"\n").unwrap();
    assert!(
        Settings::from_toml_file(&path)
            .unwrap_err()
            .to_string()
            .contains("bnid")
    );
}
