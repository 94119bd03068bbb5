//! The team library's address: a `postgres://` URL with libpq's `sslmode` values, and the
//! places a password may come from. A password is never stored in the SQLite file or printed:
//! `RemoteUrl::display` and `RemoteUrl::stored` drop it.

use std::fmt;
use std::path::{Path, PathBuf};

/// libpq's `sslmode`, the four values a team is likely to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    /// Plain TCP.
    Disable,
    /// TLS when the server offers it, plain otherwise (libpq's default). Not verified.
    Prefer,
    /// TLS or nothing; the certificate is checked only against `sslrootcert` when one is given
    /// (as libpq does).
    Require,
    /// TLS with the certificate chain checked (against `sslrootcert`, else the platform's CA
    /// store) and the host name matched.
    VerifyFull,
}

impl SslMode {
    pub fn parse(s: &str) -> Option<SslMode> {
        Some(match s {
            "disable" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// A parsed remote address.
#[derive(Clone, PartialEq, Eq)]
pub struct RemoteUrl {
    /// `postgres://user@host:port/db?other=params`, without password, `sslmode` and
    /// `sslrootcert` (which the client crate does not know in libpq's form).
    base: String,
    password: Option<String>,
    pub ssl_mode: SslMode,
    pub ssl_root_cert: Option<PathBuf>,
    pub user: Option<String>,
    pub host: String,
    pub port: u16,
    pub dbname: Option<String>,
}

/// Why an address cannot be used; says what is allowed.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("a remote URL starts with postgres:// or postgresql:// (got \"{0}\")")]
    Scheme(String),
    #[error("sslmode \"{0}\" is not supported; use disable, prefer, require or verify-full")]
    SslMode(String),
    #[error("the port in the remote URL must be a number from 1 to 65535 (got \"{0}\")")]
    Port(String),
    #[error("the remote URL has no host")]
    NoHost,
}

impl RemoteUrl {
    pub fn parse(url: &str) -> Result<RemoteUrl, UrlError> {
        let rest = url
            .strip_prefix("postgres://")
            .or_else(|| url.strip_prefix("postgresql://"))
            .ok_or_else(|| UrlError::Scheme(redact(url)))?;
        let (before_query, query) = match rest.split_once('?') {
            Some((a, q)) => (a, Some(q)),
            None => (rest, None),
        };
        let (authority, path) = match before_query.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (before_query, None),
        };
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let (user, password) = match userinfo {
            Some(u) => match u.split_once(':') {
                Some((name, pw)) => (Some(decode(name)), Some(decode(pw))),
                None => (Some(decode(u)), None),
            },
            None => (None, None),
        };
        let (host, port) = split_host_port(hostport)?;
        if host.is_empty() {
            return Err(UrlError::NoHost);
        }
        let dbname = path.filter(|p| !p.is_empty()).map(decode);

        let mut ssl_mode = SslMode::Prefer;
        let mut ssl_root_cert = None;
        let mut kept = Vec::new();
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "sslmode" => {
                    ssl_mode =
                        SslMode::parse(&decode(v)).ok_or_else(|| UrlError::SslMode(decode(v)))?
                }
                "sslrootcert" => ssl_root_cert = Some(PathBuf::from(decode(v))),
                "password" => {}
                _ => kept.push(pair.to_string()),
            }
        }

        let mut base = String::from("postgres://");
        if let Some(u) = &user {
            base.push_str(&encode(u));
            base.push('@');
        }
        base.push_str(hostport);
        base.push('/');
        if let Some(d) = &dbname {
            base.push_str(&encode(d));
        }
        if !kept.is_empty() {
            base.push('?');
            base.push_str(&kept.join("&"));
        }
        Ok(RemoteUrl {
            base,
            password,
            ssl_mode,
            ssl_root_cert,
            user,
            host,
            port,
            dbname,
        })
    }

    /// The password typed into the URL, if any. Used to connect, never stored or shown.
    pub fn url_password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    /// The URL the client crate parses: no password, no libpq-only TLS parameters.
    pub(crate) fn client_url(&self) -> &str {
        &self.base
    }

    /// What is kept in the local file and shown: the URL without its password.
    pub fn stored(&self) -> String {
        let mut s = self.base.clone();
        let mut extra = Vec::new();
        if self.ssl_mode != SslMode::Prefer {
            extra.push(format!("sslmode={}", self.ssl_mode.as_str()));
        }
        if let Some(p) = &self.ssl_root_cert {
            extra.push(format!("sslrootcert={}", encode(&p.to_string_lossy())));
        }
        if !extra.is_empty() {
            s.push(if s.contains('?') { '&' } else { '?' });
            s.push_str(&extra.join("&"));
        }
        s
    }

    /// The password to connect with, when none was typed into the URL: `PGPASSWORD`, then the
    /// password file (`PGPASSFILE`, else `~/.pgpass`), as libpq looks them up.
    pub fn password_from_environment(&self) -> Option<String> {
        if let Some(p) = &self.password {
            return Some(p.clone());
        }
        if let Ok(p) = std::env::var("PGPASSWORD")
            && !p.is_empty()
        {
            return Some(p);
        }
        let file = std::env::var_os("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass")))?;
        let text = std::fs::read_to_string(file).ok()?;
        let user = self
            .user
            .clone()
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_default();
        let db = self.dbname.clone().unwrap_or_else(|| user.clone());
        pgpass_lookup(&text, &self.host, self.port, &db, &user)
    }
}

impl fmt::Display for RemoteUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.stored())
    }
}

impl fmt::Debug for RemoteUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Debug output ends up in logs and panics: never the password.
        write!(f, "RemoteUrl({})", self.stored())
    }
}

fn split_host_port(hostport: &str) -> Result<(String, u16), UrlError> {
    // [::1]:5432, host:5432, host
    if let Some(rest) = hostport.strip_prefix('[') {
        let (h, after) = rest.split_once(']').ok_or(UrlError::NoHost)?;
        let port = match after.strip_prefix(':') {
            Some(p) => parse_port(p)?,
            None => 5432,
        };
        return Ok((h.to_string(), port));
    }
    match hostport.rsplit_once(':') {
        Some((h, p)) => Ok((decode(h), parse_port(p)?)),
        None => Ok((decode(hostport), 5432)),
    }
}

fn parse_port(p: &str) -> Result<u16, UrlError> {
    match p.parse::<u16>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(UrlError::Port(p.to_string())),
    }
}

/// A URL with any `user:password@` reduced to `user@`, for error messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &url[s + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{}{}", &url[..s + 3], user, &url[at..])
        }
        _ => url.to_string(),
    }
}

/// Percent-decoding of one URL component.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // Byte-wise, so a `%` before a multi-byte character cannot split it.
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The first line of a `.pgpass` text that matches: `host:port:database:user:password`, `*`
/// matching anything, `\:` and `\\` escaped.
pub fn pgpass_lookup(text: &str, host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_pgpass(line);
        if fields.len() != 5 {
            continue;
        }
        let matches = |pattern: &str, value: &str| pattern == "*" || pattern == value;
        let host_ok = matches(&fields[0], host)
            || (fields[0] == "localhost" && (host == "127.0.0.1" || host == "::1"));
        if host_ok
            && matches(&fields[1], &port)
            && matches(&fields[2], db)
            && matches(&fields[3], user)
        {
            return Some(fields[4].clone());
        }
    }
    None
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(f)) = (chars.next(), fields.last_mut()) {
                    f.push(n);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            _ => {
                if let Some(f) = fields.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_is_used_but_never_stored_or_shown() {
        let u =
            RemoteUrl::parse("postgres://alice:s3cr%3At@db.example:6543/team?sslmode=verify-full")
                .unwrap();
        assert_eq!(u.url_password(), Some("s3cr:t"));
        assert_eq!(u.user.as_deref(), Some("alice"));
        assert_eq!((u.host.as_str(), u.port), ("db.example", 6543));
        assert_eq!(u.ssl_mode, SslMode::VerifyFull);
        let shown = u.to_string();
        assert!(!shown.contains("s3cr"), "{shown}");
        assert_eq!(
            shown,
            "postgres://alice@db.example:6543/team?sslmode=verify-full"
        );
        assert!(!format!("{u:?}").contains("s3cr"));
        assert!(!u.client_url().contains("s3cr") && !u.client_url().contains("sslmode"));
    }

    #[test]
    fn libpq_ssl_modes_are_accepted_and_others_named() {
        for m in ["disable", "prefer", "require", "verify-full"] {
            let u = RemoteUrl::parse(&format!("postgres://h/d?sslmode={m}")).unwrap();
            assert_eq!(u.ssl_mode.as_str(), m);
        }
        assert_eq!(
            RemoteUrl::parse("postgres://h/d").unwrap().ssl_mode,
            SslMode::Prefer
        );
        let err = RemoteUrl::parse("postgres://h/d?sslmode=allow").unwrap_err();
        assert!(err.to_string().contains("verify-full"), "{err}");
    }

    #[test]
    fn bad_urls_say_what_is_allowed_without_echoing_a_password() {
        let err = RemoteUrl::parse("mysql://bob:hunter2@h/d").unwrap_err();
        assert!(err.to_string().contains("postgres://"));
        assert!(!err.to_string().contains("hunter2"), "{err}");
        assert!(matches!(
            RemoteUrl::parse("postgres://h:0/d"),
            Err(UrlError::Port(_))
        ));
        assert!(matches!(
            RemoteUrl::parse("postgres://h:x/d"),
            Err(UrlError::Port(_))
        ));
    }

    #[test]
    fn pgpass_lines_match_with_wildcards_and_escapes() {
        let text =
            "# comment\nother:5432:*:*:nope\nlocalhost:5432:team:alice:pa\\:ss\n*:*:*:*:any\n";
        assert_eq!(
            pgpass_lookup(text, "127.0.0.1", 5432, "team", "alice").as_deref(),
            Some("pa:ss")
        );
        assert_eq!(
            pgpass_lookup(text, "db", 1, "x", "y").as_deref(),
            Some("any")
        );
        assert_eq!(pgpass_lookup("h:1:d:u:p\n", "h", 2, "d", "u"), None);
    }
}
