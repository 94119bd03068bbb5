//! A real PostgreSQL server for the team-library tests, never a mock.
//!
//! `PERSONA_STUDIO_TEST_PG` (a URL of a server where tests may create and drop databases) wins;
//! otherwise one throwaway cluster per test binary is started from the installed binaries
//! (`initdb` + `pg_ctl` in a temporary folder, a free port on 127.0.0.1, TLS on with a
//! self-signed certificate for 127.0.0.1). It runs as the `postgres` OS user when the tests
//! run as root, and a watcher stops it when the test process ends. Without either, the test
//! fails with the package to install: a silent skip would hide a missing server in CI.

// Each test binary uses a part of these helpers.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The server every test of this binary uses.
pub struct Server {
    /// `postgres://user@127.0.0.1:port` without a database; tests add `/dbname`.
    pub base: String,
    /// The CA (here: the self-signed server certificate) for sslmode=verify-full.
    pub root_cert: Option<PathBuf>,
    /// The process that stops the cluster when the tests' process has gone; it outlives us
    /// on purpose, so it is never waited for.
    _watcher: Option<std::process::Child>,
}

static SERVER: OnceLock<Server> = OnceLock::new();
static NEXT_DB: AtomicUsize = AtomicUsize::new(0);

pub fn server() -> &'static Server {
    SERVER.get_or_init(|| match std::env::var("PERSONA_STUDIO_TEST_PG") {
        Ok(url) if !url.trim().is_empty() => Server {
            base: url.trim().trim_end_matches('/').to_string(),
            root_cert: None,
            _watcher: None,
        },
        _ => start_cluster(),
    })
}

/// A new, empty database on the server, dropped when the returned guard goes.
pub struct Database {
    pub name: String,
    pub url: String,
}

impl Database {
    /// `postgres://...:port/name?sslmode=disable` plus `extra` query parameters.
    pub fn url_with(&self, params: &str) -> String {
        if params.is_empty() {
            self.url.clone()
        } else {
            format!("{}?{params}", self.url)
        }
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Ok(mut admin) = admin() {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn admin() -> Result<postgres::Client, postgres::Error> {
    let s = server();
    postgres::Client::connect(
        &format!("{}/postgres?sslmode=disable", strip_db(&s.base)),
        postgres::NoTls,
    )
}

/// A URL given with a database keeps its server part only.
fn strip_db(url: &str) -> String {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => url[..after_scheme + i].to_string(),
        None => url.split('?').next().unwrap_or(url).to_string(),
    }
}

pub fn database() -> Database {
    let n = NEXT_DB.fetch_add(1, Ordering::SeqCst);
    let name = format!("ps_test_{}_{}", std::process::id(), n);
    let mut admin =
        admin().unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL server: {e}"));
    // Two calls: one batch runs as one transaction, which DROP/CREATE DATABASE refuse.
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        admin
            .batch_execute(&sql)
            .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
    }
    Database {
        url: format!("{}/{name}", strip_db(&server().base)),
        name,
    }
}

fn find_bin(name: &str) -> Option<PathBuf> {
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output()
        && out.status.success()
    {
        let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join(name);
        if p.exists() {
            return Some(p);
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin").join(name))
        .filter(|p| p.exists())
        .collect();
    versions.sort();
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Runs `program args` as the cluster's owner: the `postgres` OS user when we are root
/// (PostgreSQL refuses to run as root), ourselves otherwise.
fn as_owner(program: &Path, args: &[&str]) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program).args(args);
        c
    } else {
        let mut c = Command::new(program);
        c.args(args);
        c
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

fn start_cluster() -> Server {
    let missing = "the team-library tests need a PostgreSQL server: install Debian's `postgresql` \
                   package (apt-get install -y postgresql), or set PERSONA_STUDIO_TEST_PG to the \
                   URL of a server where tests may create and drop databases";
    let initdb = find_bin("initdb").unwrap_or_else(|| panic!("{missing}"));
    let pg_ctl = find_bin("pg_ctl").unwrap_or_else(|| panic!("{missing}"));

    let dir = std::env::temp_dir().join(format!("persona-studio-pg-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cluster folder");
    let data = dir.join("data");
    if is_root() {
        let ok = Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "chown of {} to the postgres user failed; {missing}",
            dir.display()
        );
    }

    let out = as_owner(
        &initdb,
        &[
            "-D",
            &data.to_string_lossy(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        ],
    )
    .output()
    .unwrap_or_else(|e| panic!("initdb: {e}; {missing}"));
    assert!(
        out.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let root_cert = make_certificate(&dir);
    let port = free_port();
    let mut options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
        dir.display()
    );
    if root_cert.is_some() {
        options.push_str(&format!(
            " -c ssl=on -c ssl_cert_file={0}/server.crt -c ssl_key_file={0}/server.key",
            dir.display()
        ));
    }
    let log = dir.join("server.log");
    let out = as_owner(
        &pg_ctl,
        &[
            "-D",
            &data.to_string_lossy(),
            "-o",
            &options,
            "-l",
            &log.to_string_lossy(),
            "-w",
            "start",
        ],
    )
    .output()
    .unwrap_or_else(|e| panic!("pg_ctl start: {e}"));
    assert!(
        out.status.success(),
        "pg_ctl start failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(&log).unwrap_or_default()
    );

    // Stops the cluster when this test process is gone, whichever way it ends: statics are
    // never dropped, so a guard object could not do it.
    let watcher = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {stop}; rm -rf {dir}",
        pid = std::process::id(),
        stop = shell_line(&as_owner(
            &pg_ctl,
            &["-D", &data.to_string_lossy(), "-m", "immediate", "stop"]
        )),
        dir = dir.display()
    );
    let watcher = Command::new("sh")
        .args(["-c", &watcher])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("cluster watcher");

    Server {
        base: format!("postgres://postgres@127.0.0.1:{port}"),
        root_cert,
        _watcher: Some(watcher),
    }
}

fn shell_line(c: &Command) -> String {
    std::iter::once(c.get_program())
        .chain(c.get_args())
        .map(|a| format!("'{}'", a.to_string_lossy().replace('\'', "'\\''")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A self-signed CA and a server certificate it signed for 127.0.0.1 and localhost (openssl
/// CLI). rustls, like any careful client, refuses a CA certificate used as the server's own,
/// hence the two steps. None when openssl is missing; the TLS test then fails naming it.
fn make_certificate(dir: &Path) -> Option<PathBuf> {
    let run = |args: &[&str]| {
        Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    std::fs::write(
        dir.join("server.ext"),
        "basicConstraints=critical,CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n",
    )
    .ok()?;
    let ok = run(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=persona-studio test CA",
        "-keyout",
        "ca.key",
        "-out",
        "root.crt",
    ]) && run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]) && run(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "root.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "server.ext",
        "-out",
        "server.crt",
    ]);
    if !ok {
        return None;
    }
    if is_root() {
        let _ = Command::new("chown")
            .args(["postgres:postgres", "server.crt", "server.key"])
            .current_dir(dir)
            .status();
    }
    let _ = Command::new("chmod")
        .args(["600", "server.key"])
        .current_dir(dir)
        .status();
    Some(dir.join("root.crt"))
}
