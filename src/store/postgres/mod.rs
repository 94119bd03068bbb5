//! The team library's PostgreSQL side: the address (`url`), the connection with TLS
//! (`connect`) and the design's own schema on the server (`schema`). The sync driver and the
//! store backend build on these; nothing here knows about the terminal.

pub mod connect;
pub mod persona;
pub mod schema;
pub mod url;

pub use connect::connect;
pub use url::{RemoteUrl, SslMode, UrlError};

/// What went wrong with the remote, in the user's terms; the client's error is kept as the
/// source.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    #[error(transparent)]
    Url(#[from] UrlError),
    #[error("the remote URL cannot be used: {0}")]
    BadUrl(String),
    #[error(
        "{0} asks for a password: put it in PGPASSWORD or ~/.pgpass (it is never stored by \
         Persona Studio), or type it when the app asks"
    )]
    PasswordRequired(String),
    #[error("cannot connect to {url}: {source}")]
    Connect {
        url: String,
        #[source]
        source: postgres::Error,
    },
    #[error("TLS: {0}")]
    Tls(String),
    #[error(
        "this database's persona tables do not have the design's shape, so Persona Studio will \
         not write to it:\n  {}",
        .0.join("\n  ")
    )]
    Shape(Vec<String>),
    #[error("{0}")]
    Data(String),
    #[error("the local file: {0}")]
    Local(String),
    #[error("the remote refused a write to {table}: {}", db_message(source))]
    Write {
        table: String,
        #[source]
        source: postgres::Error,
    },
    #[error("the remote refused: {}", db_message(.0))]
    Sql(#[from] postgres::Error),
}

/// The server's own message ("null value in column ... violates not-null constraint"), which
/// the client crate's Display reduces to "db error".
pub(crate) fn db_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(d) => format!("{} ({d})", db.message()),
            None => db.message().to_string(),
        },
        None => e.to_string(),
    }
}
