//! A sync run off the drawing path: a thread with its own connection to the local file (WAL
//! lets the app keep reading and writing beside it) and to the remote, reporting through a
//! channel that `App::tick` drains. The key loop never waits for the network.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::JoinHandle;

use crate::store::Store;
use crate::store::postgres::RemoteError;
use crate::sync::driver::{Direction, Report};
use crate::sync::session;

/// What the job reports.
#[derive(Debug)]
pub enum Message {
    /// Personas done of total.
    Progress(usize, usize),
    Finished(Result<Report, Failure>),
}

/// Why a run ended without a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server asks for a password nothing gave: the app prompts for one.
    PasswordRequired,
    /// The connection failed (with a typed password, perhaps a wrong one).
    Connect(String),
    Other(String),
}

/// Where and as whom the job opens the local file.
#[derive(Clone, Debug)]
pub struct Target {
    pub path: PathBuf,
    pub tenant: String,
    pub user: String,
}

pub struct Job {
    rx: Receiver<Message>,
    /// Kept so the thread is not detached silently; joined once it has reported.
    handle: Option<JoinHandle<()>>,
    /// Whether this run used a password typed in the app (a failed connection forgets it).
    pub typed_password: bool,
}

impl Job {
    /// Starts a pull, merge and push of `target`'s tenant with its linked remote.
    pub fn start(target: Target, password: Option<String>) -> std::io::Result<Job> {
        let (tx, rx) = channel();
        let typed_password = password.is_some();
        let handle = std::thread::Builder::new()
            .name("persona-studio sync".into())
            .spawn(move || {
                let progress_tx = tx.clone();
                let result = run(&target, password.as_deref(), &mut |done, total| {
                    // The app may have quit meanwhile: a closed channel is no error here.
                    let _ = progress_tx.send(Message::Progress(done, total));
                });
                let _ = tx.send(Message::Finished(result));
            })?;
        Ok(Job {
            rx,
            handle: Some(handle),
            typed_password,
        })
    }

    /// Every message that has arrived, without waiting; a thread that ended without a word
    /// (a panic) reports as a failure.
    pub fn poll(&mut self) -> Vec<Message> {
        let mut out = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(m) => out.push(m),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if !out.iter().any(|m| matches!(m, Message::Finished(_))) {
                        out.push(Message::Finished(Err(Failure::Other(
                            "the sync stopped unexpectedly; nothing after its last step was \
                             written"
                                .into(),
                        ))));
                    }
                    break;
                }
            }
        }
        if out.iter().any(|m| matches!(m, Message::Finished(_)))
            && let Some(h) = self.handle.take()
        {
            let _ = h.join();
        }
        out
    }
}

fn run(
    target: &Target,
    password: Option<&str>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report, Failure> {
    let mut store = Store::open(&target.path, Some(&target.tenant), &target.user)
        .map_err(|e| Failure::Other(e.to_string()))?;
    session::run(
        &mut store,
        None,
        password,
        Direction::Both,
        None,
        false,
        progress,
    )
    .map_err(|e| match e {
        RemoteError::PasswordRequired(_) => Failure::PasswordRequired,
        RemoteError::Connect { url, source } => Failure::Connect(format!(
            "cannot connect to {url}: {}",
            crate::store::postgres::db_message(&source)
        )),
        e => Failure::Other(e.to_string()),
    })
}
