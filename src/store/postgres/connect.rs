//! Opening a connection to the team library: the synchronous `postgres` client, TLS through
//! rustls as `sslmode` asks.

use std::sync::Arc;
use std::time::Duration;

use postgres::config::SslMode as ClientSslMode;
use postgres::{Client, Config, NoTls};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::RemoteError;
use super::url::{RemoteUrl, SslMode};

/// How long a connection attempt may take before the user is told the server is unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Connects to `url` with `password` (from the URL, the environment, `.pgpass` or a prompt).
pub fn connect(url: &RemoteUrl, password: Option<&str>) -> Result<Client, RemoteError> {
    let mut config: Config = url
        .client_url()
        .parse()
        .map_err(|e: postgres::Error| RemoteError::BadUrl(e.to_string()))?;
    if let Some(pw) = password {
        config.password(pw);
    }
    config.connect_timeout(CONNECT_TIMEOUT);
    config.application_name("persona-studio");
    config.ssl_mode(match url.ssl_mode {
        SslMode::Disable => ClientSslMode::Disable,
        SslMode::Prefer => ClientSslMode::Prefer,
        SslMode::Require | SslMode::VerifyFull => ClientSslMode::Require,
    });
    let result = match url.ssl_mode {
        SslMode::Disable => config.connect(NoTls),
        _ => config.connect(MakeRustlsConnect::new(tls_config(url)?)),
    };
    result.map_err(|source| {
        if password.is_none() && is_auth_failure(&source) {
            RemoteError::PasswordRequired(url.to_string())
        } else {
            RemoteError::Connect {
                url: url.to_string(),
                source,
            }
        }
    })
}

fn is_auth_failure(e: &postgres::Error) -> bool {
    // 28P01 invalid_password, 28000 invalid_authorization_specification; a server that asks
    // for a password the client does not have fails before any SQLSTATE, with this text from
    // the client crate itself. That text is the error's source: its Display says only
    // "invalid configuration", so matching on `to_string()` never saw it.
    e.code().is_some_and(|c| c.code().starts_with("28"))
        || std::error::Error::source(e).is_some_and(|s| s.to_string().contains("password missing"))
}

fn tls_config(url: &RemoteUrl) -> Result<ClientConfig, RemoteError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| RemoteError::Tls(e.to_string()))?;
    let verify = url.ssl_mode == SslMode::VerifyFull || url.ssl_root_cert.is_some();
    let config = if verify {
        builder
            .with_root_certificates(root_store(url)?)
            .with_no_client_auth()
    } else {
        // sslmode=prefer/require without a root certificate: encrypted, not authenticated,
        // exactly libpq's meaning of these modes. verify-full is the mode that checks.
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Unverified(
                provider.signature_verification_algorithms,
            )))
            .with_no_client_auth()
    };
    Ok(config)
}

fn root_store(url: &RemoteUrl) -> Result<RootCertStore, RemoteError> {
    let mut roots = RootCertStore::empty();
    match &url.ssl_root_cert {
        Some(path) => {
            let certs = CertificateDer::pem_file_iter(path)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| {
                    RemoteError::Tls(format!("cannot read sslrootcert {}: {e}", path.display()))
                })?;
            if certs.is_empty() {
                return Err(RemoteError::Tls(format!(
                    "sslrootcert {} holds no PEM certificate",
                    path.display()
                )));
            }
            for c in certs {
                roots.add(c).map_err(|e| {
                    RemoteError::Tls(format!("sslrootcert {}: {e}", path.display()))
                })?;
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            for c in found.certs {
                // A platform store may hold certificates rustls cannot parse; skip those.
                let _ = roots.add(c);
            }
            if roots.is_empty() {
                return Err(RemoteError::Tls(
                    "sslmode=verify-full needs a CA certificate: none found in the platform's \
                     store; give one with sslrootcert=PATH in the URL"
                        .to_string(),
                ));
            }
        }
    }
    Ok(roots)
}

/// Accepts any certificate but still checks the handshake signatures, so the session is
/// encrypted to whoever holds the presented key.
#[derive(Debug)]
struct Unverified(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}
