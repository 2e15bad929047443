//! What the directory fixtures share: running a setup command, and a CA with a server
//! certificate made for the run. Also compiled into `examples/slapd_fixture.rs`.

use std::path::Path;
use std::process::Command;

pub(crate) fn path(p: &Path) -> String {
    p.display().to_string()
}

pub(crate) fn run(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA (`ca.pem`) and a server certificate (`server.pem`, `server.key`) for `san`
/// (`DNS:…,IP:…`), valid for two days, made with openssl in `dir`.
pub(crate) fn make_certificates(dir: &Path, san: &str) {
    let p = |name: &str| path(&dir.join(name));
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    let (ca_key, ca_pem) = (p("ca.key"), p("ca.pem"));
    ca.extend([
        "-keyout",
        &ca_key,
        "-out",
        &ca_pem,
        "-days",
        "2",
        "-subj",
        "/CN=sspr test CA",
    ]);
    run("openssl", &ca);
    let mut req = vec!["req"];
    req.extend(ec);
    let (key, csr) = (p("server.key"), p("server.csr"));
    req.extend(["-keyout", &key, "-out", &csr, "-subj", "/CN=localhost"]);
    run("openssl", &req);
    std::fs::write(
        dir.join("ext"),
        format!("subjectAltName={san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n"),
    )
    .unwrap();
    let (pem, ext) = (p("server.pem"), p("ext"));
    run(
        "openssl",
        &[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            &ca_pem,
            "-CAkey",
            &ca_key,
            "-CAcreateserial",
            "-out",
            &pem,
            "-days",
            "2",
            "-extfile",
            &ext,
        ],
    );
    // Samba refuses a key that others may read.
    run("chmod", &["600", &key]);
}

/// The values of `attribute` in `ldapsearch -LLL -o ldif-wrap=no` output.
pub(crate) fn values(ldif: &[u8], attribute: &str) -> Vec<String> {
    let prefix = format!("{attribute}: ");
    String::from_utf8_lossy(ldif)
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix).map(str::to_owned))
        .collect()
}
