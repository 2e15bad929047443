//! A real OpenLDAP server for the tests: Debian's `slapd`, configured from LDIF (back-mdb, the
//! password policy overlay, TLS with a CA made for the run), seeded with people and groups,
//! started on a free port as a child process and stopped when dropped. It starts in about
//! 0.1 s. Without slapd installed the LDAP tests are skipped, except in CI, where they fail.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use super::{path, run};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const SUFFIX: &str = "dc=example,dc=org";
pub const SERVICE_DN: &str = "cn=sspr,ou=services,dc=example,dc=org";
pub const SERVICE_PASSWORD: &str = "service account secret";
pub const ADMINS_DN: &str = "cn=sspr-admins,ou=groups,dc=example,dc=org";
/// Every seeded person's first password.
pub const SEED_PASSWORD: &str = "seeded directory passphrase";
/// Wrong binds before ppolicy locks an account.
pub const MAX_FAILURES: u32 = 3;

/// A seeded person: login, display name, mail, mobile, groups (by cn).
pub struct Seed {
    pub uid: &'static str,
    pub name: &'static str,
    pub mail: &'static str,
    pub mobile: Option<&'static str>,
    pub groups: &'static [&'static str],
}

pub const PEOPLE: &[Seed] = &[
    Seed {
        uid: "dana",
        name: "Dana Admin",
        mail: "dana@example.org",
        mobile: None,
        groups: &["sspr-admins"],
    },
    Seed {
        uid: "lee",
        name: "Lee Person",
        mail: "lee@example.org",
        mobile: Some("+14155550301"),
        groups: &["staff"],
    },
    Seed {
        uid: "kim",
        name: "Kim Person",
        mail: "kim@example.org",
        mobile: Some("+14155550302"),
        groups: &["staff"],
    },
    Seed {
        uid: "max",
        name: "Max Contractor",
        mail: "max@example.org",
        mobile: Some("+14155550303"),
        groups: &["contractors"],
    },
    Seed {
        uid: "rae",
        name: "Rae Person",
        mail: "rae@example.org",
        mobile: Some("+14155550304"),
        groups: &["staff"],
    },
    // A login with DN metacharacters: found by the login, never confused with another entry.
    Seed {
        uid: "o'neil,+x",
        name: "Pat O'Neil",
        mail: "pat@example.org",
        mobile: Some("+14155550305"),
        groups: &["staff"],
    },
];

pub fn person_dn(uid: &str) -> String {
    format!("uid={},ou=people,{SUFFIX}", ldap3::dn_escape(uid))
}

pub struct Slapd {
    pub port: u16,
    pub dir: PathBuf,
    child: Option<Child>,
}

impl Slapd {
    /// A fresh server, or `None` (outside CI) when slapd is not installed.
    pub fn start() -> Option<Self> {
        if !Path::new("/usr/sbin/slapd").exists() || !Path::new("/usr/bin/ldapwhoami").exists() {
            if std::env::var_os("CI").is_some() {
                panic!(
                    "CI is set but slapd and ldap-utils are not installed (scripts/setup installs them)"
                );
            }
            eprintln!(
                "slapd is not installed: skipping the LDAP tests (apt-get install slapd ldap-utils)"
            );
            return None;
        }
        let dir =
            std::env::temp_dir().join(format!("sspr-slapd-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(dir.join("conf")).unwrap();
        std::fs::create_dir_all(dir.join("db")).unwrap();
        super::make_certificates(&dir, "DNS:localhost,IP:127.0.0.1");
        std::fs::write(dir.join("config.ldif"), config_ldif(&dir)).unwrap();
        std::fs::write(dir.join("data.ldif"), data_ldif()).unwrap();
        run(
            "slapadd",
            &[
                "-n0",
                "-F",
                &path(&dir.join("conf")),
                "-l",
                &path(&dir.join("config.ldif")),
            ],
        );
        run(
            "slapadd",
            &[
                "-n1",
                "-F",
                &path(&dir.join("conf")),
                "-l",
                &path(&dir.join("data.ldif")),
            ],
        );
        let mut server = Self {
            port: 0,
            dir,
            child: None,
        };
        server.launch();
        Some(server)
    }

    fn launch(&mut self) {
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            self.spawn(port);
            if self.wait_until_up() {
                return;
            }
            self.stop();
        }
        panic!("slapd did not start");
    }

    fn wait_until_up(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(_)) = child.try_wait()
            {
                return false;
            }
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// The server goes away (a directory outage); [`Self::resume`] brings it back on its port.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn resume(&mut self) {
        self.spawn(self.port);
        assert!(self.wait_until_up(), "slapd came back");
    }

    /// slapd on `port`, in the foreground, from this server's configuration.
    fn spawn(&mut self, port: u16) {
        let child = Command::new("/usr/sbin/slapd")
            .args([
                "-d",
                "0",
                "-h",
                &format!("ldap://127.0.0.1:{port}/"),
                "-F",
                &path(&self.dir.join("conf")),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("slapd starts");
        self.port = port;
        self.child = Some(child);
    }

    pub fn url(&self) -> String {
        format!("ldap://127.0.0.1:{}", self.port)
    }

    pub fn ca_file(&self) -> String {
        path(&self.dir.join("ca.pem"))
    }

    /// The settings of a service on this directory.
    pub fn settings(&self) -> Vec<(&'static str, String)> {
        vec![
            ("directory", "ldap".into()),
            ("ldap_url", self.url()),
            ("ldap_ca_file", self.ca_file()),
            ("ldap_bind_dn", SERVICE_DN.into()),
            ("ldap_bind_password", SERVICE_PASSWORD.into()),
            ("ldap_user_base", format!("ou=people,{SUFFIX}")),
            ("ldap_group_base", format!("ou=groups,{SUFFIX}")),
            ("ldap_admin_group", ADMINS_DN.into()),
            ("ldap_timeout_seconds", "3".into()),
        ]
    }

    /// Whether `password` binds as `uid` in the directory itself, asked with `ldapwhoami`
    /// over StartTLS.
    pub fn binds(&self, uid: &str, password: &str) -> bool {
        Command::new("ldapwhoami")
            .args([
                "-x",
                "-ZZ",
                "-H",
                &self.url(),
                "-D",
                &person_dn(uid),
                "-w",
                password,
            ])
            .env("LDAPTLS_CACERT", self.ca_file())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .success()
    }

    /// An attribute of `uid`'s entry as the service account reads it (operational ones too).
    pub fn attribute(&self, uid: &str, attribute: &str) -> Vec<String> {
        let out = Command::new("ldapsearch")
            .args([
                "-x",
                "-ZZ",
                "-LLL",
                "-o",
                "ldif-wrap=no",
                "-H",
                &self.url(),
                "-D",
                SERVICE_DN,
                "-w",
                SERVICE_PASSWORD,
                "-b",
                &person_dn(uid),
                "-s",
                "base",
                "(objectClass=*)",
                attribute,
            ])
            .env("LDAPTLS_CACERT", self.ca_file())
            .output()
            .unwrap();
        super::values(&out.stdout, attribute)
    }

    /// The `entryUUID` of the group `cn` (what a policy's scope names).
    pub fn group_uuid(&self, cn: &str) -> String {
        let out = Command::new("ldapsearch")
            .args([
                "-x",
                "-ZZ",
                "-LLL",
                "-H",
                &self.url(),
                "-D",
                SERVICE_DN,
                "-w",
                SERVICE_PASSWORD,
                "-b",
                &format!("cn={cn},ou=groups,{SUFFIX}"),
                "-s",
                "base",
                "(objectClass=*)",
                "entryUUID",
            ])
            .env("LDAPTLS_CACERT", self.ca_file())
            .output()
            .unwrap();
        super::values(&out.stdout, "entryUUID")
            .into_iter()
            .next()
            .expect("the group's entryUUID")
    }
}

impl Drop for Slapd {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn config_ldif(dir: &Path) -> String {
    let d = path(dir);
    format!(
        "dn: cn=config
objectClass: olcGlobal
cn: config
olcTLSCACertificateFile: {d}/ca.pem
olcTLSCertificateFile: {d}/server.pem
olcTLSCertificateKeyFile: {d}/server.key

dn: cn=module{{0}},cn=config
objectClass: olcModuleList
cn: module{{0}}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb
olcModuleLoad: ppolicy

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif

dn: olcDatabase={{-1}}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {{-1}}frontend

dn: olcDatabase={{0}}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {{0}}config
olcRootDN: cn=admin,cn=config

dn: olcDatabase={{1}}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {{1}}mdb
olcSuffix: {SUFFIX}
olcRootDN: cn=admin,{SUFFIX}
olcDbDirectory: {d}/db
olcDbMaxSize: 16777216
olcDbIndex: objectClass eq
olcDbIndex: uid eq
olcDbIndex: entryUUID eq
olcDbIndex: member eq
olcAccess: to attrs=userPassword by self write by dn.exact=\"{SERVICE_DN}\" write by anonymous auth by * none
olcAccess: to * by dn.exact=\"{SERVICE_DN}\" write by self read by * none

dn: olcOverlay={{0}}ppolicy,olcDatabase={{1}}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcPPolicyConfig
olcOverlay: {{0}}ppolicy
olcPPolicyDefault: cn=default,ou=policies,{SUFFIX}
"
    )
}

fn data_ldif() -> String {
    let mut ldif = format!(
        "dn: {SUFFIX}
objectClass: dcObject
objectClass: organization
o: Example
dc: example

dn: ou=people,{SUFFIX}
objectClass: organizationalUnit
ou: people

dn: ou=groups,{SUFFIX}
objectClass: organizationalUnit
ou: groups

dn: ou=services,{SUFFIX}
objectClass: organizationalUnit
ou: services

dn: ou=policies,{SUFFIX}
objectClass: organizationalUnit
ou: policies

dn: cn=default,ou=policies,{SUFFIX}
objectClass: pwdPolicy
objectClass: device
cn: default
pwdAttribute: userPassword
pwdMaxFailure: {MAX_FAILURES}
pwdLockout: TRUE
pwdLockoutDuration: 0
pwdInHistory: 5
pwdMustChange: TRUE
pwdAllowUserChange: TRUE

dn: {SERVICE_DN}
objectClass: person
cn: sspr
sn: sspr
userPassword: {SERVICE_PASSWORD}

"
    );
    for p in PEOPLE {
        let (sn, mobile) = (
            p.name.rsplit(' ').next().unwrap(),
            p.mobile
                .map(|m| format!("mobile: {m}\n"))
                .unwrap_or_default(),
        );
        ldif.push_str(&format!(
            "dn: {}\nobjectClass: inetOrgPerson\nuid: {}\ncn: {}\nsn: {sn}\ndisplayName: {}\nmail: {}\n{mobile}telephoneNumber: +14155559999\nuserPassword: {SEED_PASSWORD}\n\n",
            person_dn(p.uid), p.uid, p.name, p.name, p.mail
        ));
    }
    for group in ["sspr-admins", "staff", "contractors"] {
        let members: String = PEOPLE
            .iter()
            .filter(|p| p.groups.contains(&group))
            .map(|p| format!("member: {}\n", person_dn(p.uid)))
            .collect();
        ldif.push_str(&format!(
            "dn: cn={group},ou=groups,{SUFFIX}\nobjectClass: groupOfNames\ncn: {group}\n{members}\n"
        ));
    }
    ldif
}
