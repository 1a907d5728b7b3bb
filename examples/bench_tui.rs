//! Key-to-frame time of the terminal UI at 100,000 fictional records:
//! `cargo run --release --example bench_tui [-- COUNT]`.
//!
//! For every key of a few typed queries (and the Ctrl-U that clears each),
//! it measures two things:
//!
//! - key to frame: `App::update` plus drawing a 120×40 frame into a
//!   `TestBackend`. This is what the UI thread does per key; the search
//!   itself runs on the search thread, so typing never waits for it.
//! - key to results: the same plus the search run inline and its results
//!   drawn, i.e. how long until the screen shows the answer to the key.
//!
//! The goal is p95 ≤ 16 ms (one frame at 60 Hz) for both. The search
//! alone and the drawing alone are reported too, to tell the UI's share
//! from the search's. Nothing waits for a tick or a debounce: the real
//! loop wakes the moment the search thread sends its results. Like the
//! interface, a new query asks for the rows the list shows (36 here), not
//! bench_search's 50.

use std::time::{Duration, Instant};

use pamphlet::generate::generate;
use pamphlet::tui::input::TextEdit;
use pamphlet::tui::{demo_vault, Action, App, Config};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use time::macros::datetime;

const QUERIES: [&str; 6] = [
    "clinic portland",
    "avocat paris",
    "sao paulo",
    "spanish therapist",
    "bail fund",
    "clnic",
];
const ROUNDS: usize = 5;
const SIZE: (u16, u16) = (120, 40);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = match std::env::args().nth(1) {
        Some(text) => text.parse()?,
        None => 100_000,
    };
    let now = datetime!(2026-12-01 12:00 UTC);
    let temp = tempfile::tempdir()?;
    let dir = temp.path().join("vault");
    let started = Instant::now();
    let mut vault = demo_vault(&dir, now)?;
    vault.put_all(generate(7, count).collect())?;
    println!(
        "vault of {} records written in {:.1} s",
        vault.len(),
        started.elapsed().as_secs_f64()
    );
    let config = Config {
        vault_dir: dir,
        lock_after: Duration::from_secs(300),
        demo: true,
        color: true,
        places: pamphlet::tui::places::Places::from_env(),
        bundle_scrypt_log_n: None,
        lang: pamphlet::i18n::Lang::En,
    };
    let started = Instant::now();
    let mut app = App::unlocked(config, vault, now);
    println!(
        "index built in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    app.update(Action::Resize {
        width: SIZE.0,
        height: SIZE.1,
    });
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1))?;
    settle(&mut app);
    terminal.draw(|frame| pamphlet::tui::ui::render(&app, frame))?;

    let mut frame_times = Vec::new();
    let mut result_times = Vec::new();
    let mut search_times = Vec::new();
    let mut draw_times = Vec::new();
    for _ in 0..ROUNDS {
        for query in QUERIES {
            let keys = query
                .chars()
                .map(|c| Action::Text(TextEdit::Insert(c)))
                .chain([Action::Text(TextEdit::DeleteToStart)]);
            for key in keys {
                // What the UI thread does per key.
                let start = Instant::now();
                app.update(key);
                let request = app.take_search_request();
                let drawing = Instant::now();
                terminal.draw(|frame| pamphlet::tui::ui::render(&app, frame))?;
                let mut drawn = drawing.elapsed();
                frame_times.push(start.elapsed());
                // What the search thread does, then the frame with results.
                if let Some(request) = request {
                    let searching = Instant::now();
                    let outcome = request.run();
                    search_times.push(searching.elapsed());
                    app.found(outcome);
                    let drawing = Instant::now();
                    terminal.draw(|frame| pamphlet::tui::ui::render(&app, frame))?;
                    drawn += drawing.elapsed();
                }
                result_times.push(start.elapsed());
                draw_times.push(drawn);
            }
        }
    }
    report("key to frame (update + draw)", &mut frame_times);
    report("key to results (update + search + draw)", &mut result_times);
    report("  of which the search alone", &mut search_times);
    report("  of which drawing (both frames)", &mut draw_times);
    Ok(())
}

fn settle(app: &mut App) {
    while let Some(request) = app.take_search_request() {
        app.found(request.run());
    }
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let at = |p: f64| {
        let i = ((times.len() as f64 - 1.0) * p).round() as usize;
        times[i].as_secs_f64() * 1000.0
    };
    println!(
        "{what}: {} keys, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (goal p95 ≤ 16 ms)",
        times.len(),
        at(0.50),
        at(0.95),
        at(1.0)
    );
}
