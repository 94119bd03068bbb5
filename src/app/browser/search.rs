//! The search that never blocks typing: each change of the search text is a request to a
//! worker thread with its own read-only connection; a newer request interrupts the query
//! still running for an older one, and `App::tick` takes the newest result in.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::model::Summary;
use crate::store::{Filter, Interrupter, SearchHit, SortKey, Store};

/// How long the worker waits for the typing to pause before it searches.
const QUIET: Duration = Duration::from_millis(20);

/// Rows read with a search result: as many as the browser's window.
const FIRST_WINDOW: usize = super::WINDOW;

/// What to search: the browser's filter and order at one keystroke.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    /// Numbers the requests; only the newest one's result is taken in.
    pub seq: u64,
    pub filter: Filter,
    pub sort: SortKey,
    pub descending: bool,
    /// Rows on screen: where it matched is looked up for these.
    pub viewport: usize,
}

/// A finished search: every match's id in order, the first window and where the first screen
/// matched.
#[derive(Debug)]
pub struct Found {
    pub ids: Vec<String>,
    pub rows: Vec<Summary>,
    pub hits: HashMap<String, SearchHit>,
}

#[derive(Debug)]
pub struct SearchOutcome {
    pub seq: u64,
    pub result: Result<Found, String>,
}

/// Runs one search on `store`, as the worker does and as the browser does inline when the
/// store has no file to open a second connection to (an in-memory database).
/// One query finds the matches in order (their count is its length); the first window is then
/// read by id, as every later window is while scrolling.
pub fn run(store: &Store, req: &SearchRequest) -> crate::store::Result<Found> {
    let ids = store.matching_ids(&req.filter, req.sort, req.descending)?;
    let rows = store.summaries_by_ids(&ids[..ids.len().min(FIRST_WINDOW)])?;
    let hits = hits_for(store, &req.filter, &rows[..rows.len().min(req.viewport)])?;
    Ok(Found { ids, rows, hits })
}

/// Where the search text matched each of `rows` (none without search text).
pub fn hits_for(
    store: &Store,
    filter: &Filter,
    rows: &[Summary],
) -> crate::store::Result<HashMap<String, SearchHit>> {
    if filter.text.trim().is_empty() || rows.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    Ok(store
        .search_hits(&filter.text, &ids)?
        .into_iter()
        .map(|h| (h.persona_id.clone(), h))
        .collect())
}

/// The worker thread and the two channels to it.
pub struct Searcher {
    requests: Sender<SearchRequest>,
    outcomes: Receiver<SearchOutcome>,
    /// The newest request's number: the worker drops (and the interrupter stops) older ones.
    latest: Arc<AtomicU64>,
    /// Set by the worker once its connection is open.
    interrupter: Arc<Mutex<Option<Interrupter>>>,
    /// The tenant the worker searches in; a tenant switch needs a new worker.
    pub tenant: String,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("tenant", &self.tenant)
            .finish()
    }
}

impl Searcher {
    /// A worker on its own read-only connection to the file at `path`, in `tenant`. The file
    /// is opened by the worker, so this returns at once.
    pub fn spawn(path: PathBuf, tenant: String, user: String) -> Searcher {
        let (requests, inbox) = channel::<SearchRequest>();
        let (outbox, outcomes) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let interrupter = Arc::new(Mutex::new(None));
        let worker = Worker {
            latest: latest.clone(),
            interrupter: interrupter.clone(),
        };
        let key = tenant.clone();
        // Without a thread the inbox is dropped with the closure: `submit` then returns false
        // and the browser searches inline.
        let _ = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || worker.run(&path, &key, &user, inbox, outbox));
        Searcher {
            requests,
            outcomes,
            latest,
            interrupter,
            tenant,
        }
    }

    /// Hands a request to the worker, stopping the query of any older one. Returns false when
    /// the worker is gone (the caller then searches inline).
    pub fn submit(&self, req: SearchRequest) -> bool {
        self.latest.store(req.seq, Ordering::SeqCst);
        if let Ok(guard) = self.interrupter.lock()
            && let Some(i) = guard.as_ref()
        {
            i.interrupt();
        }
        self.requests.send(req).is_ok()
    }

    /// Stops the running search, if any: its result is no longer wanted.
    pub fn cancel(&self) {
        self.latest.store(0, Ordering::SeqCst);
        if let Ok(guard) = self.interrupter.lock()
            && let Some(i) = guard.as_ref()
        {
            i.interrupt();
        }
    }

    /// The newest finished outcome, if any, without waiting; Err when the worker is gone (its
    /// thread ended), so nothing will come.
    pub fn try_take(&self) -> Result<Option<SearchOutcome>, WorkerGone> {
        let mut last = None;
        loop {
            match self.outcomes.try_recv() {
                Ok(o) => last = Some(o),
                Err(TryRecvError::Empty) => return Ok(last),
                Err(TryRecvError::Disconnected) => return last.map(Some).ok_or(WorkerGone),
            }
        }
    }

    /// Waits up to `timeout` for the outcome of request `seq` (older ones are skipped).
    pub fn wait(&self, seq: u64, timeout: Duration) -> Option<SearchOutcome> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.outcomes.recv_timeout(left) {
                Ok(o) if o.seq == seq => return Some(o),
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

/// The worker's thread has ended.
#[derive(Debug, PartialEq, Eq)]
pub struct WorkerGone;

impl Drop for Searcher {
    /// The worker ends when its inbox closes; a query still running is stopped first.
    fn drop(&mut self) {
        self.cancel();
    }
}

struct Worker {
    latest: Arc<AtomicU64>,
    interrupter: Arc<Mutex<Option<Interrupter>>>,
}

impl Worker {
    fn run(
        self,
        path: &std::path::Path,
        tenant: &str,
        user: &str,
        inbox: Receiver<SearchRequest>,
        outbox: Sender<SearchOutcome>,
    ) {
        let store = Store::open_read(path, Some(tenant), user);
        if let Ok(s) = &store
            && let Ok(mut slot) = self.interrupter.lock()
        {
            *slot = s.interrupter();
        }
        while let Ok(mut req) = inbox.recv() {
            // A short pause before the query takes a core: the keystroke's frame is drawn
            // first (the machine may have only two), and a key typed meanwhile replaces this
            // request, so fast typing runs one query, after the last key.
            loop {
                match inbox.recv_timeout(QUIET) {
                    Ok(newer) => req = newer,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            let result = loop {
                if self.latest.load(Ordering::SeqCst) != req.seq {
                    break None;
                }
                let store = match &store {
                    Ok(s) => s,
                    Err(e) => break Some(Err(e.to_string())),
                };
                match run(store, &req) {
                    // Stopped for a newer request, or by a stop meant for an older one that
                    // came late: the loop's check tells which.
                    Err(e) if e.is_interrupted() => continue,
                    other => break Some(other.map_err(|e| e.to_string())),
                }
            };
            if let Some(result) = result
                && outbox
                    .send(SearchOutcome {
                        seq: req.seq,
                        result,
                    })
                    .is_err()
            {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(seq: u64) -> SearchRequest {
        SearchRequest {
            seq,
            filter: Filter {
                text: "anything".into(),
                ..Default::default()
            },
            sort: SortKey::Name,
            descending: false,
            viewport: 10,
        }
    }

    #[test]
    fn a_worker_that_cannot_open_the_file_answers_with_the_reason() {
        let dir = std::env::temp_dir().join("persona-studio-no-such-dir-for-search");
        let s = Searcher::spawn(dir.join("missing.db"), "default".into(), "u".into());
        assert!(s.submit(request(1)));
        let o = s.wait(1, Duration::from_secs(10)).expect("an answer");
        assert_eq!(o.seq, 1);
        let e = o.result.expect_err("no database there");
        assert!(e.contains("missing.db"), "{e}");
    }

    #[test]
    fn a_worker_whose_thread_ended_is_reported_gone() {
        let (requests, _inbox) = channel();
        let (outbox, outcomes) = channel::<SearchOutcome>();
        let s = Searcher {
            requests,
            outcomes,
            latest: Arc::new(AtomicU64::new(0)),
            interrupter: Arc::new(Mutex::new(None)),
            tenant: "default".into(),
        };
        assert!(matches!(s.try_take(), Ok(None)), "running, nothing yet");
        drop(outbox);
        assert!(matches!(s.try_take(), Err(WorkerGone)));
    }
}
