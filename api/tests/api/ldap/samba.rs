//! A real Active Directory domain controller for the tests: Debian's Samba, provisioned for the
//! run (about 8 s) and started with only its LDAP server, over LDAPS with a certificate made
//! for the run. Its ports are fixed, so it runs in a network namespace of its own, joined to
//! this one by a veth pair: the service under test reaches it at the namespace's address like
//! any remote DC. One DC serves the whole test process (each test works in an OU of its own);
//! a watchdog stops it, and removes its namespace, when the test process ends. It needs root
//! (namespaces); without Samba or root the AD tests are skipped, except in CI.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use base64::Engine as _;

use super::{path, run};

pub const DOMAIN_DN: &str = "DC=sspr,DC=test";
pub const ADMINISTRATOR: &str = "CN=Administrator,CN=Users,DC=sspr,DC=test";
pub const ADMIN_PASSWORD: &str = "Domain-Admin-passw0rd";
/// The domain's lockout threshold in the tests.
pub const MAX_FAILURES: u32 = 3;
/// Every seeded person's first password (meets the domain's complexity rule).
pub const SEED_PASSWORD: &str = "Seeded-Directory-passw0rd";

pub struct Dc {
    pub address: String,
    pub dir: PathBuf,
}

static DC: OnceLock<Result<Option<Dc>, String>> = OnceLock::new();
static SPACES: AtomicU32 = AtomicU32::new(0);

/// The process's domain controller, started on first use; `None` when it cannot run here
/// (outside CI).
pub fn dc() -> Option<&'static Dc> {
    // A DC that failed to start fails every test at once, not each after its own wait.
    let started = DC.get_or_init(|| {
        std::panic::catch_unwind(Dc::start).map_err(|e| {
            e.downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default()
        })
    });
    match started {
        Ok(dc) => dc.as_ref(),
        Err(why) => panic!("the domain controller did not start: {why}"),
    }
}

fn skip(why: &str) -> Option<Dc> {
    if std::env::var_os("CI").is_some() {
        panic!("CI is set but the Active Directory tests cannot run: {why}");
    }
    eprintln!("skipping the Active Directory tests: {why}");
    None
}

impl Dc {
    fn start() -> Option<Self> {
        if !Path::new("/usr/sbin/samba").exists() || !Path::new("/usr/bin/samba-tool").exists() {
            return skip("samba-ad-dc is not installed (scripts/setup installs it)");
        }
        let uid = Command::new("id").arg("-u").output().ok()?;
        if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
            return skip("a network namespace needs root");
        }
        let pid = std::process::id();
        let tag = pid % 100_000;
        let (ns, host_if, ns_if) = (
            format!("sspr-ad-{tag}"),
            format!("sah{tag}"),
            format!("san{tag}"),
        );
        let subnet = 16 + (pid % 200);
        let (host_ip, address) = (format!("10.231.{subnet}.1"), format!("10.231.{subnet}.2"));
        let dir = std::env::temp_dir().join(format!("sspr-samba-{pid}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        super::make_certificates(&dir, &format!("IP:{address},DNS:localhost"));

        // The namespace and its link first: provisioning names the interface.
        // What an earlier run of this pid left, if anything (usually nothing: quietly).
        for stale in [
            ["netns", "del", ns.as_str()],
            ["link", "del", host_if.as_str()],
        ] {
            let _ = Command::new("ip")
                .args(stale)
                .stderr(Stdio::null())
                .status();
        }
        run("ip", &["netns", "add", &ns]);
        run(
            "ip",
            &["netns", "exec", &ns, "ip", "link", "set", "lo", "up"],
        );
        run(
            "ip",
            &[
                "link", "add", &host_if, "type", "veth", "peer", "name", &ns_if,
            ],
        );
        run("ip", &["link", "set", &ns_if, "netns", &ns]);
        run(
            "ip",
            &["addr", "add", &format!("{host_ip}/30"), "dev", &host_if],
        );
        run("ip", &["link", "set", &host_if, "up"]);
        run(
            "ip",
            &[
                "netns",
                "exec",
                &ns,
                "ip",
                "addr",
                "add",
                &format!("{address}/30"),
                "dev",
                &ns_if,
            ],
        );
        run(
            "ip",
            &["netns", "exec", &ns, "ip", "link", "set", &ns_if, "up"],
        );

        let d = path(&dir);
        let options = [
            format!("interfaces=lo {ns_if}"),
            "bind interfaces only=yes".into(),
            "server services=ldap".into(),
            "tls enabled=yes".into(),
            format!("tls keyfile={d}/server.key"),
            format!("tls certfile={d}/server.pem"),
            format!("tls cafile={d}/ca.pem"),
            format!("log file={d}/samba.log"),
        ];
        let mut provision = vec![
            "domain".to_owned(),
            "provision".into(),
            "--realm=SSPR.TEST".into(),
            "--domain=SSPR".into(),
            "--server-role=dc".into(),
            "--dns-backend=NONE".into(),
            "--host-name=dc".into(),
            format!("--adminpass={ADMIN_PASSWORD}"),
            format!("--targetdir={d}/dc"),
        ];
        provision.extend(options.iter().map(|o| format!("--option={o}")));
        let provision: Vec<&str> = provision.iter().map(String::as_str).collect();
        run("samba-tool", &provision);
        let conf = format!("{d}/dc/etc/smb.conf");
        // Samba honours the previous password for an hour after a change (for NTLM clients to
        // catch up); the tests check at once that the old one no longer binds. Provisioning
        // does not write this option, so it is added after.
        let text = std::fs::read_to_string(&conf).unwrap();
        std::fs::write(
            &conf,
            text.replacen(
                "[global]\n",
                "[global]\n\told password allowed period = 0\n",
                1,
            ),
        )
        .unwrap();
        run(
            "samba-tool",
            &[
                "domain",
                "passwordsettings",
                "set",
                "-s",
                &conf,
                &format!("--account-lockout-threshold={MAX_FAILURES}"),
                "--account-lockout-duration=30",
                "--reset-account-lockout-after=30",
                "--min-pwd-age=0",
                "--history-length=3",
            ],
        );

        // The DC lives as long as this process: the watchdog stops it and cleans up after.
        let watchdog = format!(
            "ip netns exec {ns} samba --foreground --no-process-group -s {conf} >{d}/samba.out 2>&1 </dev/null & dc=$!; \
             while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; \
             kill $dc 2>/dev/null; sleep 1; kill -9 $dc 2>/dev/null; \
             ip netns pids {ns} | xargs -r kill -9; ip netns del {ns}; ip link del {host_if} 2>/dev/null; rm -rf {d}"
        );
        // `setsid --fork` returns at once, leaving the watchdog in a session of its own.
        let forked = Command::new("setsid")
            .args(["--fork", "sh", "-c", &watchdog])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("the DC's watchdog starts");
        assert!(forked.success());
        let dc = Self { address, dir };
        let deadline = Instant::now() + Duration::from_secs(60);
        while !dc.answers() {
            assert!(
                Instant::now() < deadline,
                "no answer on {} within 60 s: {}",
                dc.url(),
                std::fs::read_to_string(dc.dir.join("samba.out")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(250));
        }
        Some(dc)
    }

    fn answers(&self) -> bool {
        self.bind_dn(ADMINISTRATOR, ADMIN_PASSWORD)
    }

    pub fn url(&self) -> String {
        format!("ldaps://{}:636", self.address)
    }

    pub fn ca_file(&self) -> String {
        path(&self.dir.join("ca.pem"))
    }

    /// Whether `password` binds as `dn` in the DC itself (`ldapsearch` of the root DSE; Samba
    /// does not offer the Who am I? operation that `ldapwhoami` asks for after its bind).
    pub fn bind_dn(&self, dn: &str, password: &str) -> bool {
        Command::new("ldapsearch")
            .args([
                "-x",
                "-H",
                &self.url(),
                "-D",
                dn,
                "-w",
                password,
                "-b",
                "",
                "-s",
                "base",
                "1.1",
            ])
            .env("LDAPTLS_CACERT", self.ca_file())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Applies LDIF as the domain administrator.
    pub fn modify(&self, ldif: &str) {
        use std::io::Write as _;
        let mut child = Command::new("ldapmodify")
            .args([
                "-x",
                "-H",
                &self.url(),
                "-D",
                ADMINISTRATOR,
                "-w",
                ADMIN_PASSWORD,
            ])
            .env("LDAPTLS_CACERT", self.ca_file())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(ldif.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "ldapmodify: {}\n{ldif}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// One attribute of `dn` as the administrator reads it.
    pub fn attribute(&self, dn: &str, attribute: &str) -> Vec<String> {
        let out = Command::new("ldapsearch")
            .args([
                "-x",
                "-LLL",
                "-o",
                "ldif-wrap=no",
                "-H",
                &self.url(),
                "-D",
                ADMINISTRATOR,
                "-w",
                ADMIN_PASSWORD,
                "-b",
                dn,
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

    /// An OU of this test's own, with an administrators' group holding `admin` and the people
    /// named, all with [`SEED_PASSWORD`].
    pub fn space(&self, people: &[(&str, Option<&str>)]) -> Space {
        let n = SPACES.fetch_add(1, Ordering::SeqCst);
        let ou = format!("OU=t{n},{DOMAIN_DN}");
        let mut ldif = format!("dn: {ou}\nchangetype: add\nobjectClass: organizationalUnit\n\n");
        let admin = format!("adm{n}");
        let mut all: Vec<(String, Option<&str>)> = vec![(admin.clone(), None)];
        all.extend(people.iter().map(|(p, m)| (format!("{p}{n}"), *m)));
        for (login, mobile) in &all {
            let pwd = base64::engine::general_purpose::STANDARD.encode(unicode_pwd(SEED_PASSWORD));
            let mobile = mobile.map(|m| format!("mobile: {m}\n")).unwrap_or_default();
            ldif.push_str(&format!(
                "dn: CN={login},{ou}\nchangetype: add\nobjectClass: user\nsAMAccountName: {login}\ndisplayName: {login} Person\nmail: {login}@example.org\n{mobile}unicodePwd:: {pwd}\nuserAccountControl: 512\n\n"
            ));
        }
        ldif.push_str(&format!(
            "dn: CN=SSPR Admins,{ou}\nchangetype: add\nobjectClass: group\nsAMAccountName: sspr-admins-{n}\nmember: CN={admin},{ou}\n\n"
        ));
        self.modify(&ldif);
        Space { n, ou, admin }
    }
}

/// What a test's OU holds.
pub struct Space {
    pub n: u32,
    pub ou: String,
    /// The login of the OU's administrator.
    pub admin: String,
}

impl Space {
    /// `name`'s login in this OU.
    pub fn login(&self, name: &str) -> String {
        format!("{name}{}", self.n)
    }

    pub fn dn(&self, name: &str) -> String {
        format!("CN={},{}", self.login(name), self.ou)
    }

    /// The settings of a service on this OU of `dc`.
    pub fn settings(&self, dc: &Dc) -> Vec<(&'static str, String)> {
        vec![
            ("directory", "active_directory".into()),
            ("ldap_url", dc.url()),
            ("ldap_ca_file", dc.ca_file()),
            ("ldap_bind_dn", ADMINISTRATOR.into()),
            ("ldap_bind_password", ADMIN_PASSWORD.into()),
            ("ldap_user_base", self.ou.clone()),
            ("ldap_admin_group", format!("CN=SSPR Admins,{}", self.ou)),
            ("ldap_timeout_seconds", "5".into()),
        ]
    }
}

/// `"password"` in UTF-16LE, as AD takes it.
pub fn unicode_pwd(password: &str) -> Vec<u8> {
    format!("\"{password}\"")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}
