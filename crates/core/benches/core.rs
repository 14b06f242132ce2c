//! Native benchmarks of the core at the browser benchmark's sizes (run `node bench/generate.mjs`
//! first; `npm run bench` does): reading and validating a table (beside serde_json's parse of the
//! same text), building the search index, search per keystroke while
//! typing, and scope unions. Prints medians and 95th percentiles.

use scope_selector_core::search::SearchIndex;
use scope_selector_core::{Catalog, Table};
use std::time::{Duration, Instant};

const SIZES: [usize; 3] = [137, 10_000, 100_000];
const QUERIES: [&str; 6] = ["candidate", "update job", "offer write", "list interview", "webhook", "nimbus cand read"];

fn quantile(samples: &mut [Duration], q: f64) -> Duration {
    samples.sort_unstable();
    samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)]
}

fn micros(duration: Duration) -> String {
    format!("{:.1} µs", duration.as_secs_f64() * 1e6)
}

fn main() {
    println!("| actions | read + validate (ours) | serde_json::Value parse (reference) | search index | search / keystroke median (p95) | union of every 7th action |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for size in SIZES {
        let path = format!("{}/../../bench/data/actions-{size}.json", env!("CARGO_MANIFEST_DIR"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path} is missing: run `node bench/generate.mjs` first");
            std::process::exit(1);
        };
        let start = Instant::now();
        let loaded = Table::from_json(&text).expect("generated table is valid");
        let read = start.elapsed();
        let start = Instant::now();
        std::hint::black_box(serde_json::from_str::<serde_json::Value>(&text).expect("generated table parses"));
        let reference = start.elapsed();
        let start = Instant::now();
        let index = SearchIndex::new(&loaded.table, str::to_lowercase);
        let build = start.elapsed();
        let mut catalog = Catalog { table: loaded.table, index, notices: loaded.notices };

        let mut keystrokes = Vec::new();
        for _ in 0..5 {
            for query in QUERIES {
                for end in 1..=query.len() {
                    let start = Instant::now();
                    std::hint::black_box(catalog.index.search(&query[..end]).len());
                    keystrokes.push(start.elapsed());
                }
            }
        }
        let chosen: Vec<u32> = (0..size as u32).step_by(7).collect();
        let mut unions: Vec<Duration> = (0..20)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(catalog.scopes(&chosen).map(|scopes| scopes.len()).unwrap_or(0));
                start.elapsed()
            })
            .collect();
        println!(
            "| {size} | {} | {} | {} | {} ({}) | {} |",
            micros(read),
            micros(reference),
            micros(build),
            micros(quantile(&mut keystrokes, 0.5)),
            micros(quantile(&mut keystrokes, 0.95)),
            micros(quantile(&mut unions, 0.5)),
        );
    }
}
