//! Eight local files syncing random edits with one remote at the same time. Afterwards every
//! edit is on the remote, superseded by a later edit of the same field, or was reported as a
//! conflict to the member who made it; no edit is lost; the remote is still the design.

use crate::pg;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Barrier};

use persona_studio::catalog::{CHILD_SPECS, child_index};
use persona_studio::demo::load_demo;
use persona_studio::model::{Row, Value};
use persona_studio::store::postgres::{RemoteUrl, schema};
use persona_studio::store::{Filter, SortKey, Store};
use persona_studio::sync::driver::{Direction, Outcome};
use persona_studio::sync::merge::Side;
use persona_studio::sync::{command, session};

const MEMBERS: usize = 8;
const ROUNDS: usize = 3;

/// What one member did: goal rows added (never conflicting), tagline values written, and the
/// personas it was told are in conflict.
#[derive(Default)]
struct Log {
    goals: Vec<(String, String)>,
    taglines: Vec<(String, String)>,
    conflicted: BTreeSet<String>,
}

fn rng(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

#[test]
fn eight_members_editing_at_once_lose_nothing() {
    let db = pg::database();
    let url = db.url_with("sslmode=disable");
    session::init_remote(&RemoteUrl::parse(&url).unwrap(), None).unwrap();
    let dir = tempfile::tempdir().unwrap();

    // The first member publishes the demo library; the others start from it.
    let mut first = Store::open(&dir.path().join("m0.db"), None, "m0").unwrap();
    load_demo(&mut first).unwrap();
    session::set_remote(&mut first, &url, None).unwrap();
    session::run(
        &mut first,
        None,
        None,
        Direction::Push,
        None,
        false,
        &mut |_, _| {},
    )
    .unwrap();
    drop(first);
    let ids: Vec<String> = {
        let s = Store::open(&dir.path().join("m0.db"), None, "m0").unwrap();
        s.summaries(&Filter::default(), SortKey::Name, false, 0, 100)
            .unwrap()
            .into_iter()
            .map(|p| p.id)
            .collect()
    };

    let barrier = Arc::new(Barrier::new(MEMBERS));
    let handles: Vec<_> = (0..MEMBERS)
        .map(|m| {
            let path = dir.path().join(format!("m{m}.db"));
            let url = url.clone();
            let ids = ids.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let user = format!("m{m}");
                let mut s = Store::open(&path, None, &user).unwrap();
                session::set_remote(&mut s, &url, None).unwrap();
                session::run(
                    &mut s,
                    None,
                    None,
                    Direction::Pull,
                    None,
                    false,
                    &mut |_, _| {},
                )
                .unwrap();
                barrier.wait();
                let mut log = Log::default();
                let mut seed = 0x9e37_79b9_7f4a_7c15 ^ (m as u64 + 1);
                let goals = child_index("goals").unwrap();
                for round in 0..ROUNDS {
                    // Two personas per round: a goal row added to one, a tagline on another
                    // (some members pick the same persona: the conflicts this test is for).
                    let gid = &ids[rng(&mut seed) as usize % ids.len()];
                    let mut p = s.load(gid).unwrap();
                    let mut row = Row::new(&CHILD_SPECS[goals]);
                    let text = format!("goal of {user} in round {round}");
                    let col = CHILD_SPECS[goals].field_index("goal_text").unwrap();
                    row.values[col] = Value::text(&text);
                    p.lists[goals].push(row);
                    s.save(&p).unwrap();
                    log.goals.push((gid.clone(), text));

                    let tid = &ids[rng(&mut seed) as usize % 4];
                    let mut p = s.load(tid).unwrap();
                    let tagline = format!("tagline of {user} in round {round}");
                    p.set("tagline", Value::text(&tagline));
                    s.save(&p).unwrap();
                    log.taglines.push((tid.clone(), tagline));

                    let r = session::run(
                        &mut s,
                        None,
                        None,
                        Direction::Both,
                        None,
                        false,
                        &mut |_, _| {},
                    )
                    .unwrap();
                    for (id, _, o) in &r.personas {
                        assert!(!matches!(o, Outcome::Failed(_)), "{user}: {o:?}");
                        if matches!(o, Outcome::Conflicts(_)) {
                            log.conflicted.insert(id.clone());
                        }
                    }
                }
                drop(s);
                (path, user, log)
            })
        })
        .collect();
    // Stores stay on their threads (a connection is not Send); reopened here by path.
    let mut members: Vec<(Store, Log)> = handles
        .into_iter()
        .map(|h| {
            let (path, user, log) = h.join().unwrap();
            (Store::open(&path, None, &user).unwrap(), log)
        })
        .collect();

    // Each member in turn settles its conflicts with its own version and syncs; two passes,
    // so the last settlement reaches everyone.
    for _ in 0..2 {
        for (s, log) in &mut members {
            let r =
                session::run(s, None, None, Direction::Both, None, false, &mut |_, _| {}).unwrap();
            for (id, _, o) in &r.personas {
                if matches!(o, Outcome::Conflicts(_)) {
                    log.conflicted.insert(id.clone());
                    assert!(command::resolve_persona(s, id, Side::Mine).unwrap());
                }
            }
            session::run(s, None, None, Direction::Both, None, false, &mut |_, _| {}).unwrap();
        }
    }

    let url_parsed = RemoteUrl::parse(&url).unwrap();
    let mut c = persona_studio::store::postgres::connect(&url_parsed, None).unwrap();
    assert!(
        schema::differences(&mut c).unwrap().is_empty(),
        "the remote is still the design"
    );
    let remote_goals: BTreeSet<(String, String)> = c
        .query("SELECT persona_id::text, goal_text FROM persona_goals", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let remote_tagline: BTreeMap<String, String> = c
        .query("SELECT id::text, coalesce(tagline, '') FROM personas", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let all_taglines: BTreeSet<&String> = members
        .iter()
        .flat_map(|(_, l)| l.taglines.iter().map(|t| &t.1))
        .collect();

    let mut lost = Vec::new();
    for (_, log) in &members {
        for (pid, text) in &log.goals {
            if !remote_goals.contains(&(pid.clone(), text.clone())) && !log.conflicted.contains(pid)
            {
                lost.push(format!("goal \"{text}\""));
            }
        }
        // A member's last tagline for a persona is on the remote, superseded by another
        // member's tagline (which the remote then holds), or was reported as a conflict.
        let mut last: BTreeMap<&String, &String> = BTreeMap::new();
        for (pid, t) in &log.taglines {
            last.insert(pid, t);
        }
        for (pid, t) in last {
            let on_remote = remote_tagline.get(pid.as_str());
            let superseded = on_remote.is_some_and(|r| all_taglines.contains(r));
            if on_remote != Some(t) && !superseded && !log.conflicted.contains(pid) {
                lost.push(format!("tagline \"{t}\" (remote has {on_remote:?})"));
            }
        }
    }
    assert!(lost.is_empty(), "lost edits: {lost:#?}");
    let total_goals: usize = members.iter().map(|(_, l)| l.goals.len()).sum();
    assert_eq!(total_goals, MEMBERS * ROUNDS);
}
