//! Native benchmarks of the core at the browser benchmark's sizes (run `node bench/generate.mjs`
//! first; `npm run bench` does): reading and validating a table (beside serde_json's parse of the
//! same text), building the search index, search per keystroke while
//! typing, and scope unions. Prints medians and 95th percentiles. First, on generated tables
//! that need no data files, least privilege with alternatives (its heuristic, and the exhaustive
//! search at its bound).

#[path = "../tests/common/xorshift.rs"]
mod xorshift;

use scope_selector_core::least_privilege::{least_privilege, EXACT_LIMIT};
use scope_selector_core::search::SearchIndex;
use scope_selector_core::{BitSet, Catalog, Table};
use std::time::{Duration, Instant};
use xorshift::Xorshift;

const SIZES: [usize; 3] = [137, 10_000, 100_000];
const QUERIES: [&str; 6] = ["candidate", "update job", "offer write", "list interview", "webhook", "nimbus cand read"];

fn quantile(samples: &mut [Duration], q: f64) -> Duration {
    samples.sort_unstable();
    samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)]
}

fn micros(duration: Duration) -> String {
    format!("{:.1} µs", duration.as_secs_f64() * 1e6)
}

/// A table of `size` actions over 200 modules (read, write and admin scopes each), where the
/// first `chosen` actions have `alternatives` alternatives drawn from other modules, and the
/// choice of those actions.
fn alternatives_table(size: usize, chosen: usize, alternatives: usize) -> (Table, BitSet) {
    let mut random = Xorshift(0x2545_F491_4F6C_DD1D);
    let mut next = |bound: usize| random.below(bound);
    let mut scope = |kind: &str| format!("\"m{}:{kind}\"", next(200));
    let mut actions = Vec::with_capacity(size);
    for at in 0..size {
        let own = match at % 3 {
            0 => format!("[{}]", scope("read")),
            1 => format!("[{},{}]", scope("read"), scope("write")),
            _ => format!("[{}]", scope("admin")),
        };
        let further = if at < chosen && alternatives > 1 {
            let sets: Vec<String> = (1..alternatives)
                .map(|k| match k % 3 {
                    0 => format!("[{}]", scope("admin")),
                    1 => format!("[{}]", scope("write")),
                    _ => format!("[{},{}]", scope("read"), scope("write")),
                })
                .collect();
            format!(",\"alternatives\":[{}]", sets.join(","))
        } else {
            String::new()
        };
        actions.push(format!("{{\"id\":\"a{at}\",\"label\":\"Action {at}\",\"scopes\":{own}{further}}}"));
    }
    let table = Table::from_json(&format!("[{}]", actions.join(","))).expect("generated table is valid").table;
    let mut set = BitSet::new(table.len());
    (0..chosen).for_each(|action| set.insert(action));
    (table, set)
}

/// A table of `size` actions whose first 16 each need `p{i}:read` or `p{i}:write` (no
/// alternative dominates another, none is implied: 65,536 combinations, the exhaustive search's
/// bound), the others one of those scopes each, and the choice of the 16.
fn bound_table(size: usize) -> (Table, BitSet) {
    let actions: Vec<String> = (0..size)
        .map(|at| {
            let module = at % 16;
            let needs = if at < 16 {
                format!("\"scopes\":[\"p{module}:read\"],\"alternatives\":[[\"p{module}:write\"]]")
            } else {
                format!("\"scopes\":[\"p{module}:{}\"]", if at % 7 < 3 { "read" } else { "write" })
            };
            format!("{{\"id\":\"a{at}\",\"label\":\"Action {at}\",{needs}}}")
        })
        .collect();
    let table = Table::from_json(&format!("[{}]", actions.join(","))).expect("generated table is valid").table;
    let mut set = BitSet::new(table.len());
    (0..16).for_each(|action| set.insert(action));
    (table, set)
}

/// Times least privilege on a generated table: median and 95th percentile of 50 runs.
fn time_least_privilege(what: &str, size: usize, chosen: usize, alternatives: usize) {
    let (table, set) =
        if alternatives == 0 { bound_table(size) } else { alternatives_table(size, chosen, alternatives) };
    let mut exact = false;
    let mut runs: Vec<Duration> = (0..50)
        .map(|_| {
            let start = Instant::now();
            let found = std::hint::black_box(least_privilege(&table, &set));
            let elapsed = start.elapsed();
            exact = found.exact;
            elapsed
        })
        .collect();
    println!(
        "| {what} | {size} | {chosen} × {} | {} | {} ({}) |",
        if alternatives == 0 { 2 } else { alternatives },
        if exact { "exact" } else { "heuristic" },
        micros(quantile(&mut runs, 0.5)),
        micros(quantile(&mut runs, 0.95)),
    );
}

fn main() {
    println!("| least privilege | actions | chosen × alternatives | search | median (p95) |");
    println!("| --- | ---: | ---: | --- | ---: |");
    time_least_privilege("the issue's target", 10_000, 50, 5);
    time_least_privilege("the issue's target, large table", 100_000, 50, 5);
    // 16 actions with 2 alternatives drawn at random (the simplification may leave fewer
    // combinations), then exactly 65,536 combinations, the most searched exhaustively.
    assert_eq!(EXACT_LIMIT, 1 << 16);
    time_least_privilege("16 × 2 at random", 10_000, 16, 2);
    time_least_privilege("16 × 2 at random", 100_000, 16, 2);
    time_least_privilege("65,536 combinations", 10_000, 16, 0);
    time_least_privilege("65,536 combinations", 100_000, 16, 0);
    // Without alternatives the set is the union, found without scanning the table.
    time_least_privilege("no alternatives", 100_000, 14_286, 1);
    println!();

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
