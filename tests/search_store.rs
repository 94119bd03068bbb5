//! Issue 13 at the store: migration 008 indexes the narrative fields of personas written
//! before it, the triggers keep them indexed, a query of symbols matches nothing, and the
//! pick-list counts are one tenant-scoped grouped query.

use persona_studio::model::{Persona, Value};
use persona_studio::store::db::MIGRATIONS;
use persona_studio::store::{Facet, Filter, Store};
use rusqlite::Connection;

fn matches(c: &Connection, q: &str) -> i64 {
    c.query_row(
        "SELECT count(*) FROM persona_search WHERE persona_search MATCH ?1",
        [q],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn migration_008_indexes_the_narratives_of_existing_personas() {
    let mut c = Connection::open_in_memory().unwrap();
    c.pragma_update(None, "foreign_keys", "ON").unwrap();
    // Every migration before 008 (007, the review trail, is older than it).
    let (before, after) = MIGRATIONS.split_at(7);
    assert_eq!(after[0].0, "008_search_narrative");
    for (name, sql) in before {
        let tx = c.transaction().unwrap();
        tx.execute_batch(sql)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        tx.commit().unwrap();
    }
    c.execute_batch(
        "INSERT INTO tenants (tenant_key, name) VALUES ('t', 'T');
         INSERT INTO personas (tenant_id, name, slug, background_story, notes)
             SELECT id, 'Old Persona', 'old', 'raised among narwhals', 'likes xylophones' FROM tenants;
         INSERT INTO persona_pain_points (persona_id, tenant_id, pain_point)
             SELECT id, tenant_id, 'duplicate data entry' FROM personas;",
    )
    .unwrap();
    assert_eq!(matches(&c, "narwhals"), 0, "not searched before 008");
    let tx = c.transaction().unwrap();
    tx.execute_batch(after[0].1).unwrap();
    tx.commit().unwrap();
    assert_eq!(matches(&c, "narwhals"), 1);
    assert_eq!(matches(&c, "xylophones"), 1);
    assert_eq!(matches(&c, "duplicate"), 1, "the lists are still indexed");
    assert_eq!(matches(&c, "Old"), 1, "the name is still indexed");
    // The triggers keep the narratives indexed: an update re-indexes, a delete removes.
    c.execute_batch("UPDATE personas SET a_day_in_the_life = 'meetings with quokkas'")
        .unwrap();
    assert_eq!(matches(&c, "quokkas"), 1);
    assert_eq!(matches(&c, "narwhals"), 1);
    c.execute_batch("UPDATE personas SET background_story = NULL")
        .unwrap();
    assert_eq!(matches(&c, "narwhals"), 0);
    // A list change re-indexes the narratives too (the whole row is written again).
    c.execute_batch("UPDATE persona_pain_points SET pain_point = 'slow approvals'")
        .unwrap();
    assert_eq!(matches(&c, "quokkas"), 1);
    c.execute_batch("DELETE FROM personas").unwrap();
    assert_eq!(matches(&c, "quokkas"), 0);
}

fn persona(name: &str, slug: &str, archetype: &str, story: &str) -> Persona {
    let mut p = Persona::new_draft();
    p.set("name", Value::Text(name.into()));
    p.set("slug", Value::Text(slug.into()));
    p.set("archetype", Value::Text(archetype.into()));
    p.set("background_story", Value::Text(story.into()));
    p
}

#[test]
fn symbols_match_nothing_and_narratives_match_in_the_store() {
    let mut s = Store::open_in_memory(None, "t").unwrap();
    s.save(&persona("Ann", "ann", "LEARNER", "grew up on a lighthouse"))
        .unwrap();
    let f = |text: &str| Filter {
        text: text.into(),
        ..Default::default()
    };
    assert_eq!(s.count(&f("")).unwrap(), 1);
    assert_eq!(s.count(&f("#!?")).unwrap(), 0, "symbols search nothing");
    assert_eq!(s.count(&f("🙂")).unwrap(), 0, "emoji search nothing");
    assert_eq!(s.count(&f("lighthou")).unwrap(), 1, "a narrative prefix");
    let rows = s
        .summaries(&f("lighthouse"), Default::default(), false, 0, 10)
        .unwrap();
    let hits = s.search_hits("lighthouse", &[rows[0].id.clone()]).unwrap();
    assert_eq!(hits[0].field, "Background story");
    assert!(
        hits[0].snippet.contains("\u{1}lighthouse\u{2}"),
        "{:?}",
        hits[0]
    );
}

#[test]
fn facet_counts_are_per_value_in_the_tenant_under_the_other_filters() {
    let mut s = Store::open_in_memory(None, "t").unwrap();
    s.save(&persona("Ann", "ann", "LEARNER", "")).unwrap();
    s.save(&persona("Bob", "bob", "LEARNER", "")).unwrap();
    s.save(&persona("Cy", "cy", "SKEPTIC", "")).unwrap();
    // A persona of another tenant in the same file is not counted.
    s.add_tenant("other", "Other").unwrap();
    s.switch_tenant("other").unwrap();
    s.save(&persona("Zed", "zed", "LEARNER", "")).unwrap();
    s.switch_tenant("default").unwrap();
    let counts = s
        .facet_counts(Facet::Archetype, &Filter::default())
        .unwrap();
    let n = |v: &str| {
        counts
            .iter()
            .find(|c| c.value.as_deref() == Some(v))
            .map(|c| c.count)
    };
    assert_eq!(n("LEARNER"), Some(2));
    assert_eq!(n("SKEPTIC"), Some(1));
    // The facet's own filter is ignored (a pick-list shows the alternatives); others apply.
    let f = Filter {
        archetype: Some("SKEPTIC".into()),
        text: "Ann".into(),
        ..Default::default()
    };
    let counts = s.facet_counts(Facet::Archetype, &f).unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!(counts[0].value.as_deref(), Some("LEARNER"));
    assert_eq!(counts[0].count, 1);
}

#[test]
fn a_long_narrative_keeps_saves_cheap() {
    // 100 KB of background story and 30 pain points: each list row written re-indexes the
    // persona, narrative included. Bounded loosely (a debug build on a shared machine).
    let mut s = Store::open_in_memory(None, "t").unwrap();
    let story = "cardiology registry data and outcomes ".repeat(2700);
    let mut p = persona("Long Story", "long-story", "LEARNER", &story);
    let spec = persona_studio::catalog::child_index("pain_points").unwrap();
    for i in 0..30 {
        let mut row = persona_studio::model::Row::new(&persona_studio::catalog::CHILD_SPECS[spec]);
        row.values[0] = Value::Text(format!("pain number {i}"));
        p.lists[spec].push(row);
    }
    let started = std::time::Instant::now();
    let saved = s.save(&p).unwrap();
    let first = started.elapsed();
    let mut again = saved.clone();
    again.set("title", Value::Text("Changed".into()));
    let started = std::time::Instant::now();
    s.save(&again).unwrap();
    let second = started.elapsed();
    eprintln!("save with 100 KB story and 30 rows: {first:?}; an edit: {second:?}");
    assert!(first.as_secs_f64() < 5.0, "{first:?}");
    assert!(second.as_secs_f64() < 1.0, "{second:?}");
    let f = Filter {
        text: "registry outcomes".into(),
        ..Default::default()
    };
    assert_eq!(s.count(&f).unwrap(), 1);
}
