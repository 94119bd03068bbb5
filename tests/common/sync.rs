//! Team-library fixtures that need no PostgreSQL: a conflict recorded in the local file the
//! way a sync records one, and a stand-in server that only ever asks for a password (enough
//! to prove the app's prompt: the client gives up before any SQL).

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

use persona_studio::app::App;
use persona_studio::model::Value;
use persona_studio::sync::driver::Local;
use persona_studio::sync::{session, snapshot};

/// Links the app's tenant to `url` and puts the persona `slug` in conflict: base as the file
/// holds it now; the name ("… (mine)" / "… (theirs)") and the tagline changed on both sides,
/// the title on theirs only (it merges).
pub fn local_conflict(app: &mut App, url: &str, slug: &str) {
    session::set_remote(&mut app.store, url, None).expect("link");
    let id = app.store.load_by_slug(slug).expect("persona").id.unwrap();
    let base = Local::load(&mut app.store, std::slice::from_ref(&id))
        .expect("sync view")
        .pop()
        .unwrap();
    let snap = snapshot::to_json(&base).to_string();
    app.store
        .with_sync_state(|st, s| st.set_base(s, &id, &snap, "remote-hash-at-base"))
        .expect("base");
    let mut mine = app.store.load(&id).unwrap();
    let name = mine.name().to_string();
    mine.set("name", Value::text(format!("{name} (mine)")));
    mine.set("tagline", Value::text(MY_TAGLINE));
    app.store.save(&mine).expect("local edit");
    let mut theirs = base.clone();
    theirs.set("name", Value::text(format!("{name} (theirs)")));
    theirs.set("tagline", Value::text(THEIR_TAGLINE));
    theirs.set("title", Value::text(THEIR_TITLE));
    let theirs = snapshot::to_json(&theirs).to_string();
    app.store
        .with_sync_state(|st, s| st.set_conflict(s, &id, Some(&theirs)))
        .expect("conflict");
    app.reload_browser();
}

pub const MY_TAGLINE: &str = "Turns trial data into answers a busy oncologist can use";
/// Long, with a wide script and a control character, to show wrapping and escaping.
pub const THEIR_TAGLINE: &str = "Bridges evidence and practice: 研究開発 teams, field medical \
    and clinicians meet on the data that matters, with\u{1b}[31m no jargon";
pub const THEIR_TITLE: &str = "Senior MSL, Oncology (team library)";

/// A URL of a stand-in server on 127.0.0.1 that answers every connection with "send your
/// password in clear" and refuses any password it is sent (SQLSTATE 28P01).
pub fn password_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("listen");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut c) = conn else { continue };
            std::thread::spawn(move || {
                let _ = c.set_read_timeout(Some(Duration::from_secs(20)));
                // The startup message: length (4 bytes, itself included), then the rest.
                let mut len = [0u8; 4];
                if c.read_exact(&mut len).is_err() {
                    return;
                }
                let mut rest = vec![0u8; (u32::from_be_bytes(len) as usize).saturating_sub(4)];
                if c.read_exact(&mut rest).is_err() {
                    return;
                }
                // AuthenticationCleartextPassword.
                let _ = c.write_all(&[b'R', 0, 0, 0, 8, 0, 0, 0, 3]);
                let mut tag = [0u8; 1];
                if c.read_exact(&mut tag).is_ok() && tag[0] == b'p' {
                    let mut body = Vec::new();
                    for (code, text) in [
                        (b'S', "FATAL"),
                        (b'C', "28P01"),
                        (b'M', "password authentication failed for user \"alice\""),
                    ] {
                        body.push(code);
                        body.extend_from_slice(text.as_bytes());
                        body.push(0);
                    }
                    body.push(0);
                    let mut msg = vec![b'E'];
                    msg.extend_from_slice(&((body.len() + 4) as u32).to_be_bytes());
                    msg.extend_from_slice(&body);
                    let _ = c.write_all(&msg);
                }
            });
        }
    });
    format!("postgres://alice@127.0.0.1:{port}/team?sslmode=disable")
}

/// Ticks the app as the terminal loop would until `done` holds (at most 20 s).
pub fn tick_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}: status {:?}, sync {:?}, running {}",
            app.status,
            app.sync.failure,
            app.sync.running()
        );
        let wait = app.tick_interval().unwrap_or(Duration::from_millis(20));
        std::thread::sleep(wait);
        app.tick();
    }
}
