//! Entry point: parse arguments, open the store, run a command or the terminal app.

use std::process::ExitCode;

use clap::Parser;
use persona_studio::cli::{self, Cli, Command};
use persona_studio::model::escape::terminal_line;
use persona_studio::paths;
use persona_studio::store::Store;

fn main() -> ExitCode {
    let args = Cli::parse();
    let (db, is_default) = paths::resolve_db(args.db.clone());
    let user = paths::resolve_user(args.user.clone());
    let init = matches!(args.command, Some(Command::Init));
    // A bad tenant key is refused before any file is opened or created (issue 12, point 7).
    if let Some(key) = args.tenant.as_deref()
        && let Err(e) = persona_studio::store::check_tenant_key(key)
    {
        eprintln!("persona-studio: {}", terminal_line(&e.to_string()));
        return ExitCode::from(2);
    }
    // Reading commands never create, migrate or write the file (issue 12, point 5).
    let reads = matches!(
        args.command,
        Some(
            Command::List { .. }
                | Command::Show { .. }
                | Command::History { .. }
                | Command::Export { .. }
                | Command::Check
                | Command::Tenant {
                    action: cli::TenantAction::List { .. }
                }
                | Command::Diff { .. }
        )
    );
    let tenant = if init { None } else { args.tenant.as_deref() };
    let opened = if reads {
        Store::open_read(&db, tenant, &user)
    } else {
        Store::open(&db, tenant, &user)
    };
    let mut store = match opened {
        Ok(s) => s,
        Err(e) => {
            eprintln!("persona-studio: {}", terminal_line(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    if init && let Some(key) = args.tenant.as_deref() {
        let added = store
            .add_tenant(key, key)
            .and_then(|_| store.switch_tenant(key));
        if let Err(e) = added {
            eprintln!("persona-studio: {}", terminal_line(&e.to_string()));
            return ExitCode::from(2);
        }
    }
    // The app on a default database that holds no persona at all (a first run) starts with
    // the demo personas, so a new user sees real content. Commands never load them: `import`
    // and `export` get the database they asked for.
    let first_run =
        is_default && args.command.is_none() && store.is_empty_database().unwrap_or(false);
    if first_run && let Err(e) = persona_studio::demo::load_demo(&mut store) {
        eprintln!("persona-studio: could not load the demo personas: {e}");
    }
    match args.command {
        Some(command) => {
            let mut out = std::io::stdout().lock();
            let remote = args
                .remote
                .clone()
                .or_else(|| std::env::var("PERSONA_STUDIO_REMOTE").ok())
                .filter(|u| !u.trim().is_empty());
            let result = match command {
                Command::Team(cmd) => {
                    persona_studio::sync::command::run(&mut store, cmd, remote.as_deref(), &mut out)
                }
                other => cli::run(&mut store, other, &mut out),
            };
            match result {
                Ok(code) => ExitCode::from(code as u8),
                // `list | head`: the reader has what it wanted.
                Err(persona_studio::store::StoreError::Io(e))
                    if e.kind() == std::io::ErrorKind::BrokenPipe =>
                {
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("persona-studio: {}", terminal_line(&e.to_string()));
                    ExitCode::from(1)
                }
            }
        }
        None => {
            let size = crossterm::terminal::size().unwrap_or((80, 24));
            let mut app = persona_studio::app::App::new(store, size);
            let found = persona_studio::recovery::find(
                &persona_studio::recovery::dir(&paths::data_dir()),
                &app.store
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                &app.store.tenant().key,
            );
            app.offer_recovery(found);
            match persona_studio::term::run(&mut app) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("persona-studio: terminal error: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
