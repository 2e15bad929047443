//! The file's sections and the names: a file and the same variables agree, every variable has
//! one place, misplaced and mistyped keys are told where they go, and the README lists exactly
//! the settings there are.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::tests::settings;
use super::*;

/// A temporary directory with one `sspr.toml`, removed when dropped.
struct TomlFile(PathBuf);

impl TomlFile {
    fn new(text: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("sspr-sections-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("sspr.toml"), text).unwrap();
        Self(dir)
    }
    fn path(&self) -> PathBuf {
        self.0.join("sspr.toml")
    }
    fn read(&self) -> Result<Settings, ConfigError> {
        Settings::from_toml_file(&self.path())
    }
    fn error(&self) -> String {
        self.read().unwrap_err().to_string()
    }
}

impl Drop for TomlFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn env(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
    let mut s = Settings::default();
    s.overlay_env(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    )?;
    Ok(s)
}

const KEY: &str = "k1:YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=";

#[test]
fn a_sectioned_file_gives_the_same_config_as_the_same_variables() {
    let file = TomlFile::new(&format!(
        r#"
[server]
bind = "0.0.0.0:7000"
metrics_bind = "off"
public_url = "https://reset.example.com/"
data_dir = "/var/lib/sspr"
cors_origins = ["https://portal.example.com", "https://intranet.example.com"]
trusted_proxies = "10.0.0.0/8, 192.0.2.1"
log_format = "json"
argon2_memory_kib = 32768
hash_queue = 8
http_workers = 3
bootstrap_admin_password = "a long bootstrap password"

[database]
url = "postgres://sspr@db/sspr"
pool_size = 20

[directory]
kind = "builtin"

[delivery]
smtp_url = "smtp://mail:25"
smtp_from = "reset@example.com"
sms_from = "+14155550100"
outbox_poll_ms = 500

[captcha]
kind = "turnstile"
difficulty = 5000
site_key = "site"
secret = "captcha-secret"

[limits]
code_ttl_seconds = 300
phone_countries = ["US", "CA"]
signin_lockout_threshold = 7

[keys]
jwt_keys = "{KEY}"
encryption_keys = "{KEY}"
"#
    ));
    let from_file = Config::from_settings(&file.read().unwrap()).unwrap();
    let from_env = Config::from_settings(
        &env(&[
            ("SSPR_BIND", "0.0.0.0:7000"),
            ("SSPR_METRICS_BIND", "off"),
            ("SSPR_PUBLIC_URL", "https://reset.example.com/"),
            ("SSPR_DATA_DIR", "/var/lib/sspr"),
            (
                "SSPR_CORS_ORIGINS",
                "https://portal.example.com,https://intranet.example.com",
            ),
            ("SSPR_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.1"),
            ("SSPR_LOG_FORMAT", "json"),
            ("SSPR_ARGON2_MEMORY_KIB", "32768"),
            ("SSPR_HASH_QUEUE", "8"),
            ("SSPR_HTTP_WORKERS", "3"),
            ("SSPR_BOOTSTRAP_ADMIN_PASSWORD", "a long bootstrap password"),
            ("SSPR_DATABASE_URL", "postgres://sspr@db/sspr"),
            ("SSPR_DATABASE_POOL_SIZE", "20"),
            ("SSPR_DIRECTORY", "builtin"),
            ("SSPR_SMTP_URL", "smtp://mail:25"),
            ("SSPR_SMTP_FROM", "reset@example.com"),
            ("SSPR_SMS_FROM", "+14155550100"),
            ("SSPR_OUTBOX_POLL_MS", "500"),
            ("SSPR_CAPTCHA", "turnstile"),
            ("SSPR_CAPTCHA_DIFFICULTY", "5000"),
            ("SSPR_CAPTCHA_SITE_KEY", "site"),
            ("SSPR_CAPTCHA_SECRET", "captcha-secret"),
            ("SSPR_CODE_TTL_SECONDS", "300"),
            ("SSPR_PHONE_COUNTRIES", "US,CA"),
            ("SSPR_SIGNIN_LOCKOUT_THRESHOLD", "7"),
            ("SSPR_JWT_KEYS", KEY),
            ("SSPR_ENCRYPTION_KEYS", KEY),
        ])
        .unwrap(),
    )
    .unwrap();
    // Debug redacts the secrets, so they are compared one by one.
    assert_eq!(format!("{from_file:?}"), format!("{from_env:?}"));
    let secrets = |c: &Config| {
        (
            c.bootstrap_admin_password.clone(),
            c.smtp_url.clone(),
            c.captcha_secret.clone(),
            c.jwt_keys[0].secret.clone(),
            c.encryption_keys[0].secret.clone(),
        )
    };
    assert_eq!(secrets(&from_file), secrets(&from_env));
    // And the file was read, not defaulted.
    assert_eq!(from_file.bind.port(), 7000);
    assert_eq!(from_file.metrics_bind, None);
    assert_eq!(from_file.public_url, "https://reset.example.com");
    assert_eq!(from_file.database_pool_size, 20);
    assert_eq!(
        from_file.database,
        DatabaseTarget::Postgres("postgres://sspr@db/sspr".into())
    );
    assert_eq!(from_file.captcha, CaptchaKind::Turnstile);
    assert_eq!(from_file.trusted_proxies.len(), 2);
    assert_eq!(
        from_file.codes.phone_countries,
        PhoneCountries::Only(vec!["US".into(), "CA".into()])
    );
    assert_eq!(from_file.lockout.threshold, 7);
    assert_eq!(from_file.http_workers, Some(3));
}

#[test]
fn a_variable_overrides_the_key_of_its_section_in_the_file() {
    let file = TomlFile::new("[database]\npool_size = 20\n[captcha]\ndifficulty = 5000\n");
    let mut s = file.read().unwrap();
    s.overlay_env([
        ("SSPR_DATABASE_POOL_SIZE".to_owned(), "30".to_owned()),
        // Empty counts as not set: the file's value stays.
        ("SSPR_CAPTCHA_DIFFICULTY".to_owned(), " ".to_owned()),
    ])
    .unwrap();
    let c = Config::from_settings(&s).unwrap();
    assert_eq!(c.database_pool_size, 30);
    assert_eq!(c.captcha_difficulty, 100_000, "an empty variable is unset");
}

#[test]
fn an_unknown_key_in_a_section_names_the_closest_key_of_any_section() {
    assert_eq!(
        TomlFile::new("[server]\nbnd = \"x\"\n").error(),
        "unknown setting `bnd` in [server] of the configuration file (did you mean bind?)"
    );
    assert_eq!(
        TomlFile::new("[server]\npool_sise = 3\n").error(),
        "unknown setting `pool_sise` in [server] of the configuration file (did you mean [database] pool_size?)"
    );
    assert_eq!(
        TomlFile::new("[limits]\nfavourite_colour = \"blue\"\n").error(),
        "unknown setting `favourite_colour` in [limits] of the configuration file"
    );
    assert_eq!(
        TomlFile::new("[sever]\nbind = \"x\"\n").error(),
        "unknown section [sever] in the configuration file (did you mean [server]?)"
    );
    // A `_file` key is there only for a secret.
    assert!(
        TomlFile::new("[server]\nbind_file = \"/x\"\n")
            .error()
            .contains("`bind_file` in [server]")
    );
}

#[test]
fn a_setting_at_the_top_of_the_file_is_told_its_section() {
    assert_eq!(
        TomlFile::new("bind = \"127.0.0.1:9000\"\n").error(),
        "`bind` belongs in [server], not at the top of the configuration file"
    );
    // As the flat files of earlier versions and the variables name it.
    assert_eq!(
        TomlFile::new("database_url = \"sqlite://x.db\"\n").error(),
        "`database_url` belongs in [database] (as `url`), not at the top of the configuration file"
    );
    assert_eq!(
        TomlFile::new("captcha = \"builtin\"\n").error(),
        "`captcha` belongs in [captcha] (as `kind`), not at the top of the configuration file"
    );
    assert!(
        TomlFile::new("kind = \"builtin\"\n")
            .error()
            .contains("[directory] or [captcha]")
    );
    assert_eq!(
        TomlFile::new("bnd = 1\n").error(),
        "unknown setting `bnd` in the configuration file (did you mean [server] bind?)"
    );
    assert!(
        TomlFile::new("server = \"x\"\n")
            .error()
            .contains("must be a section")
    );
}

#[test]
fn ldap_and_active_directory_need_their_server_and_take_flavour_defaults() {
    let directory = |pairs: &[(&str, &str)]| Config::from_settings(&env(pairs)?);
    assert_eq!(
        Config::from_settings(&Settings::default())
            .unwrap()
            .directory,
        DirectoryKind::Builtin
    );
    let err = directory(&[("SSPR_DIRECTORY", "not-a-directory")])
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "invalid setting SSPR_DIRECTORY: unknown directory `not-a-directory` (builtin, ldap or active_directory)"
    );
    let err = directory(&[("SSPR_DIRECTORY", "ldap")])
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("invalid setting SSPR_LDAP_URL:"), "{err}");
    let server = [
        ("SSPR_LDAP_URL", "ldap://ldap.example.org"),
        ("SSPR_LDAP_BIND_DN", "cn=sspr,dc=example,dc=org"),
        ("SSPR_LDAP_BIND_PASSWORD", "secret"),
        ("SSPR_LDAP_USER_BASE", "ou=people,dc=example,dc=org"),
    ];
    let with = |kind: &str| {
        let mut pairs = vec![("SSPR_DIRECTORY", kind)];
        pairs.extend_from_slice(&server);
        directory(&pairs).unwrap()
    };
    let ldap = with("ldap");
    assert_eq!(ldap.directory, DirectoryKind::Ldap);
    let settings = ldap.ldap.unwrap();
    assert_eq!(settings.username_attribute, "uid");
    assert_eq!(settings.user_filter, "(objectClass=inetOrgPerson)");
    assert!(settings.starttls && settings.encrypted());
    // Active Directory: never a password in the clear, even in development.
    let mut plain_ad = vec![
        ("SSPR_DIRECTORY", "active_directory"),
        ("SSPR_LDAP_STARTTLS", "false"),
    ];
    plain_ad.extend_from_slice(&server);
    let err = directory(&plain_ad).unwrap_err().to_string();
    assert!(
        err.starts_with("invalid setting SSPR_LDAP_STARTTLS:"),
        "{err}"
    );
    let ad = with("active_directory").ldap.unwrap();
    assert_eq!(ad.username_attribute, "sAMAccountName");
    assert_eq!(
        ad.group_base, "ou=people,dc=example,dc=org",
        "the user base by default"
    );
    // The TOML file's keys keep the variable's whole name.
    let file = TomlFile::new(
        "[directory]\nkind = \"ldap\"\nldap_url = \"ldaps://ldap.example.org\"\nldap_bind_dn = \"cn=s\"\nldap_bind_password = \"p\"\nldap_user_base = \"dc=x\"\nldap_username_attribute = \"mail\"\n",
    );
    let config = Config::from_settings(&file.read().unwrap()).unwrap();
    assert_eq!(config.ldap.unwrap().username_attribute, "mail");
    let mut plain = server.to_vec();
    plain.extend([
        ("SSPR_DIRECTORY", "ldap"),
        ("SSPR_LDAP_USER_FILTER", "objectClass=person"),
    ]);
    let err = directory(&plain).unwrap_err().to_string();
    assert!(
        err.starts_with("invalid setting SSPR_LDAP_USER_FILTER:"),
        "{err}"
    );
}

#[test]
fn every_variable_maps_onto_one_key_by_the_rule() {
    let place = |variable: &str| {
        let name = variable.strip_prefix("SSPR_").unwrap().to_ascii_lowercase();
        names::by_name(&name).map(|s| format!("[{}] {}", s.section, s.key))
    };
    assert_eq!(place("SSPR_BIND").as_deref(), Some("[server] bind"));
    assert_eq!(
        place("SSPR_DATABASE_URL").as_deref(),
        Some("[database] url")
    );
    assert_eq!(
        place("SSPR_DATABASE_POOL_SIZE").as_deref(),
        Some("[database] pool_size")
    );
    assert_eq!(place("SSPR_DIRECTORY").as_deref(), Some("[directory] kind"));
    assert_eq!(place("SSPR_CAPTCHA").as_deref(), Some("[captcha] kind"));
    assert_eq!(
        place("SSPR_CAPTCHA_VERIFY_URL").as_deref(),
        Some("[captcha] verify_url")
    );
    assert_eq!(
        place("SSPR_SMTP_URL").as_deref(),
        Some("[delivery] smtp_url")
    );
    assert_eq!(place("SSPR_JWT_KEYS").as_deref(), Some("[keys] jwt_keys"));
    assert_eq!(
        place("SSPR_SIGNIN_LOCKOUT_THRESHOLD").as_deref(),
        Some("[limits] signin_lockout_threshold")
    );
    assert_eq!(
        place("SSPR_LDAP_URL").as_deref(),
        Some("[directory] ldap_url")
    );
    // One place per variable, one variable per place, and a prefixed section's variables all
    // carry its name.
    let all = names::all();
    let variables: BTreeSet<_> = all.iter().map(|s| s.name.as_str()).collect();
    let places: BTreeSet<_> = all.iter().map(|s| (s.section, s.key)).collect();
    assert_eq!(variables.len(), all.len());
    assert_eq!(places.len(), all.len());
    for s in all {
        if ["database", "captcha"].contains(&s.section) {
            assert!(s.name.starts_with(s.section), "{s:?}");
        }
    }
}

#[test]
fn the_secrets_are_the_settings_of_type_secret_and_each_may_come_from_a_file() {
    let secrets: BTreeSet<String> = names::all()
        .iter()
        .filter(|s| s.kind == names::Kind::Secret)
        .map(names::Setting::variable)
        .collect();
    let expected: BTreeSet<String> = [
        "SSPR_DATABASE_URL",
        "SSPR_JWT_KEYS",
        "SSPR_ENCRYPTION_KEYS",
        "SSPR_BOOTSTRAP_ADMIN_PASSWORD",
        "SSPR_SMTP_URL",
        "SSPR_SMS_AUTH_TOKEN",
        "SSPR_CAPTCHA_SECRET",
        "SSPR_LDAP_BIND_PASSWORD",
    ]
    .map(str::to_owned)
    .into();
    assert_eq!(secrets, expected);

    let dir = TomlFile::new("");
    let keys = dir.0.join("jwt");
    std::fs::write(&keys, format!("{KEY}\n")).unwrap();
    let file = TomlFile::new(&format!("[keys]\njwt_keys_file = {:?}\n", keys.display()));
    let mut s = file.read().unwrap();
    s.read_secret_files().unwrap();
    let c = Config::from_settings(&s).unwrap();
    assert_eq!(c.jwt_keys[0].kid, "k1");
    // Settings built in code may name the file too; it is read when they are typed.
    let c = Config::from_settings(&settings(&[("jwt_keys_file", &keys.display().to_string())]))
        .unwrap();
    assert_eq!(c.jwt_keys[0].kid, "k1");
}

#[test]
fn settings_built_in_code_refuse_an_unknown_name_and_hide_their_values() {
    let err = Config::from_settings(&settings(&[("bnd", "127.0.0.1:1")]))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "unknown environment variable SSPR_BND (did you mean SSPR_BIND?)"
    );
    let shown = format!(
        "{:?}",
        settings(&[("smtp_url", "smtp://user:hunter2@mail")])
    );
    assert!(
        shown.contains("smtp_url") && !shown.contains("hunter2"),
        "{shown}"
    );
}

/// The variables of README.md's settings tables, each with the section heading it is under.
fn readme_variables() -> Vec<(String, String)> {
    let readme = include_str!("../../../README.md");
    let part = readme
        .split("\n## Configure it\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("README.md has a Configure it section");
    let mut section = String::new();
    let mut found = Vec::new();
    for line in part.lines() {
        if let Some(heading) = line
            .strip_prefix("### `[")
            .and_then(|h| h.strip_suffix("]`"))
        {
            section = heading.to_owned();
        }
        if line.starts_with("| `SSPR_") {
            let first_cell = line.split('|').nth(1).unwrap_or_default();
            for variable in first_cell.split('`').filter(|t| t.starts_with("SSPR_")) {
                found.push((variable.to_owned(), section.clone()));
            }
        }
    }
    found
}

#[test]
fn the_readme_lists_every_setting_under_its_section_and_nothing_else() {
    let documented = readme_variables();
    assert!(documented.len() > 40, "{documented:?}");
    for (variable, section) in &documented {
        let name = variable.trim_start_matches("SSPR_").to_ascii_lowercase();
        let setting = names::by_name(&name)
            .unwrap_or_else(|| panic!("README.md lists {variable}, which is no setting"));
        assert_eq!(
            &setting.section, section,
            "README.md lists {variable} under [{section}]"
        );
    }
    let documented: BTreeSet<String> = documented.into_iter().map(|(v, _)| v).collect();
    for setting in names::all() {
        assert!(
            documented.contains(&setting.variable()),
            "README.md's tables do not list {}",
            setting.variable()
        );
    }
}
