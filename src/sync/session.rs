//! One sync session as the command line and the app start it: the tenant's link read from the
//! local file, the connection opened (the password from the URL, `PGPASSWORD`, `.pgpass` or
//! the caller), the remote checked to hold the design's schema, the remote tenant found.

use std::collections::BTreeSet;

use postgres::Client;

use super::driver::{self, Direction, Report};
use crate::store::postgres::persona::ensure_tenant;
use crate::store::postgres::{RemoteError, RemoteUrl, connect, schema};
use crate::store::sync_state::Link;
use crate::store::{Store, StoreError};

fn local(e: StoreError) -> RemoteError {
    RemoteError::Local(e.to_string())
}

/// The remote URL of the store's tenant: `url` when given (the `--remote` flag or
/// `PERSONA_STUDIO_REMOTE`), else the one `remote set` stored.
pub fn remote_url(store: &mut Store, url: Option<&str>) -> Result<RemoteUrl, RemoteError> {
    if let Some(u) = url {
        return Ok(RemoteUrl::parse(u)?);
    }
    let link = store.with_sync_state(|st, s| st.link(s)).map_err(local)?;
    match link {
        Some(l) => Ok(RemoteUrl::parse(&l.url)?),
        None => Err(RemoteError::Data(format!(
            "tenant \"{}\" has no remote: run `persona-studio remote set URL` first (or pass \
             --remote URL)",
            store.tenant().key
        ))),
    }
}

/// Links the store's tenant to `url` (stored without a password) and, when given, to a
/// remote tenant id.
pub fn set_remote(
    store: &mut Store,
    url: &str,
    remote_tenant_id: Option<&str>,
) -> Result<RemoteUrl, RemoteError> {
    let parsed = RemoteUrl::parse(url)?;
    let link = Link {
        url: parsed.stored(),
        remote_tenant_id: remote_tenant_id.map(str::to_string),
    };
    store
        .with_sync_state(|st, s| st.set_link(s, &link))
        .map_err(local)?;
    Ok(parsed)
}

/// Connects, checks the remote has the design's schema, and finds (or makes) the remote
/// tenant, recording it in the link.
pub fn open(
    store: &mut Store,
    url: &RemoteUrl,
    password: Option<&str>,
) -> Result<(Client, String), RemoteError> {
    let password = password
        .map(str::to_string)
        .or_else(|| url.password_from_environment());
    let mut client = connect(url, password.as_deref())?;
    if !schema::is_prepared(&mut client)? {
        return Err(RemoteError::Data(format!(
            "{url} has no persona tables yet: run `persona-studio remote init` to prepare it"
        )));
    }
    let link = store.with_sync_state(|st, s| st.link(s)).map_err(local)?;
    let known = link.as_ref().and_then(|l| l.remote_tenant_id.clone());
    let tenant = store.tenant().clone();
    let remote_tenant = ensure_tenant(&mut client, &tenant.key, &tenant.name, known.as_deref())?;
    if known.as_deref() != Some(remote_tenant.as_str()) {
        let link = Link {
            url: url.stored(),
            remote_tenant_id: Some(remote_tenant.clone()),
        };
        store
            .with_sync_state(|st, s| st.set_link(s, &link))
            .map_err(local)?;
    }
    Ok((client, remote_tenant))
}

/// A whole push, pull or sync against the tenant's remote.
pub fn run(
    store: &mut Store,
    url: Option<&str>,
    password: Option<&str>,
    direction: Direction,
    only: Option<&BTreeSet<String>>,
    dry_run: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report, RemoteError> {
    let url = remote_url(store, url)?;
    let (mut client, tenant) = open(store, &url, password)?;
    driver::run(
        store,
        &mut client,
        &tenant,
        direction,
        only,
        dry_run,
        progress,
    )
}

/// Prepares the remote for the design's schema (idempotent).
pub fn init_remote(url: &RemoteUrl, password: Option<&str>) -> Result<schema::Init, RemoteError> {
    let password = password
        .map(str::to_string)
        .or_else(|| url.password_from_environment());
    let mut client = connect(url, password.as_deref())?;
    schema::init(&mut client)
}
