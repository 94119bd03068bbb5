//! `cargo bench --bench memory`: peak resident memory (VmHWM) of a process that opens the
//! 100,000-persona database, draws the first frame, scrolls through several windows, jumps to
//! the end, searches and opens the editor. Run in its own process, so generating the database
//! (done by a child process anyway) and the other benches do not count.

mod common;

use common::*;
use crossterm::event::KeyCode;
use persona_studio::app::App;

/// The target.
const LIMIT: u64 = 100 * 1024 * 1024;

fn main() {
    // `cargo bench` passes `--bench`; a filter that excludes "memory" skips this target.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(filter) = args.iter().find(|a| !a.starts_with('-'))
        && !"memory".contains(filter.as_str())
    {
        return;
    }
    let data = dataset();
    let before = peak_rss().unwrap_or(0);
    let mut t = terminal();
    let mut app = App::new(open(&data), SIZE);
    draw(&mut t, &app);
    let first_frame = peak_rss().unwrap_or(0);
    for _ in 0..600 {
        app.on_key(ch('j'));
        draw(&mut t, &app);
    }
    for key in [ch('G'), ch('g'), ch('/'), ch('x'), code(KeyCode::Esc)] {
        app.on_key(key);
        draw(&mut t, &app);
    }
    let browsing = peak_rss().unwrap_or(0);
    app.on_key(code(KeyCode::Enter));
    draw(&mut t, &app);
    for _ in 0..25 {
        app.on_key(code(KeyCode::Tab));
        draw(&mut t, &app);
    }
    let after = peak_rss().unwrap_or(0);
    let mb = |b: u64| b as f64 / (1024.0 * 1024.0);
    println!(
        "\n## Peak memory, {} personas\n\n\
         | point | VmHWM |\n|---|---:|\n\
         | process start | {:.1} MB |\n\
         | after open + first frame | {:.1} MB |\n\
         | after 600 scroll steps, G, g, a search | {:.1} MB |\n\
         | after opening the editor and every tab | {:.1} MB |\n\n\
         target < {:.0} MB: {}\n",
        persona_count(),
        mb(before),
        mb(first_frame),
        mb(browsing),
        mb(after),
        mb(LIMIT),
        if after < LIMIT { "met" } else { "NOT met" }
    );
    assert!(app.editor.is_some(), "the editor was opened");
}
