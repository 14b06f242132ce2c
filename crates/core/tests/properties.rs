//! Property tests of the core: guide-URL round trips, scope-union laws, search exactness, least
//! privilege against a brute force, and that no input (table JSON, link values, queries) makes
//! the core panic.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/xorshift.rs"]
mod xorshift;

use proptest::prelude::*;
use scope_selector_core::guide_url::{decode, encode_choice, encode_separator, ParamNames};
use scope_selector_core::json::{Kind, Value};
use scope_selector_core::least_privilege::{is_enough, least_privilege, least_to_add, solve, LeastPrivilege, Method};
use scope_selector_core::{find, highlight, sort, BitSet, Catalog, Separator, Table, TableNotice};
use xorshift::Xorshift;

type Entry = (String, String, Vec<String>);

fn entries() -> impl Strategy<Value = Vec<Entry>> {
    let scope = "[a-zA-Z]{1,6}(:[a-z]{1,5})?";
    prop::collection::vec(("[a-z_\"<>é]{1,10}", "[A-Za-z<>\"Éé ]{0,14}", prop::collection::vec(scope, 0..4)), 1..30)
}

fn catalog(entries: &[Entry]) -> Catalog {
    let json: Vec<serde_json::Value> = entries
        .iter()
        .map(|(id, label, scopes)| serde_json::json!({ "id": id, "label": label, "scopes": scopes }))
        .collect();
    let text = serde_json::Value::Array(json).to_string();
    Catalog::from_json(&text, str::to_lowercase).expect("generated tables are valid")
}

fn subset(table: &Table, picks: &[usize]) -> BitSet {
    let mut set = BitSet::new(table.len());
    for &pick in picks {
        set.insert(pick % table.len());
    }
    set
}

/// What a search should return, written independently: every word in some field.
/// The search's result found the slow way: every action holding every word, sorted by
/// [`reference_rank`] (a stable sort: table order within a rank).
fn reference_search(table: &Table, query: &str) -> Vec<u32> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut found: Vec<u32> = (0..table.len())
        .filter(|&index| {
            let mut fields = vec![table.label(index).to_lowercase(), table.id(index).to_lowercase()];
            fields.extend(
                table.action_scopes(index).iter().map(|&scope| table.scope_name(scope as usize).to_lowercase()),
            );
            words.iter().all(|word| fields.iter().any(|field| field.contains(word.as_str())))
        })
        .map(|index| index as u32)
        .collect();
    if !words.is_empty() {
        found.sort_by_key(|&index| reference_rank(table.label(index as usize), &words));
    }
    found
}

/// The rank of a label for a query's words: the exact label, a label prefix, a word start in the
/// label, the rest.
fn reference_rank(label: &str, words: &[String]) -> u8 {
    let label: String = label.to_lowercase().chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let phrase = words.join(" ");
    // Every occurrence, overlapping ones too.
    let word_start = |(at, _): (usize, char)| {
        label[at..].starts_with(&phrase)
            && label[..at]
                .chars()
                .next_back()
                .is_some_and(|before| before.is_ascii() && !before.is_ascii_alphanumeric())
    };
    if label == phrase {
        0
    } else if label.starts_with(&phrase) {
        1
    } else if label.char_indices().any(word_start) {
        2
    } else {
        3
    }
}

proptest! {
    #[test]
    fn guide_url_round_trips(entries in entries(), picks in prop::collection::vec(any::<usize>(), 0..10), separator in 0..5usize) {
        let catalog = catalog(&entries);
        let table = &catalog.table;
        let chosen = subset(table, &picks);
        let separator = Separator::ALL[separator];
        let names = ParamNames::for_key("k");
        let actions: Vec<String> = encode_choice(table, &chosen, None).unwrap().0.into_iter().collect();
        let separators: Vec<String> = encode_separator(separator).into_iter().map(str::to_owned).collect();
        let decoded = decode(table, &names, [&actions, &[], &separators]);
        prop_assert_eq!(decoded.actions, chosen);
        prop_assert_eq!(decoded.separator, separator);
        prop_assert!(decoded.notices.is_empty());
    }

    #[test]
    fn a_table_written_as_json_reads_back_the_same(entries in entries()) {
        let table = catalog(&entries).table;
        let again = Table::from_json(&table.to_json()).expect("written tables read back").table;
        prop_assert_eq!(again.len(), table.len());
        for index in 0..table.len() {
            prop_assert_eq!((again.id(index), again.label(index)), (table.id(index), table.label(index)));
            let names = |table: &Table| table.action_scopes(index).iter().map(|&scope| table.scope_name(scope as usize).to_owned()).collect::<Vec<_>>();
            prop_assert_eq!(names(&again), names(&table));
        }
        prop_assert_eq!(again.to_json(), table.to_json());
    }

    #[test]
    fn union_laws_hold(entries in entries(), a in prop::collection::vec(any::<usize>(), 0..8), b in prop::collection::vec(any::<usize>(), 0..8)) {
        let catalog = catalog(&entries);
        let table = &catalog.table;
        let (a, b) = (subset(table, &a), subset(table, &b));
        let both: Vec<usize> = a.iter().chain(b.iter()).collect();
        let union_ab = table.scope_union(both.iter().copied());
        let (union_a, union_b) = (table.scope_union(a.iter()), table.scope_union(b.iter()));
        let joined: BitSet = {
            let mut set = union_a.clone();
            union_b.iter().for_each(|scope| set.insert(scope));
            set
        };
        prop_assert_eq!(&union_ab, &joined, "union distributes over choice union");
        prop_assert_eq!(table.scope_union(a.iter().chain(a.iter())), union_a.clone(), "idempotent");
        prop_assert!(table.scope_union(std::iter::empty()).is_empty());
        for action in a.iter() {
            for &scope in table.action_scopes(action) {
                prop_assert!(union_a.contains(scope as usize), "every needed scope is listed");
            }
        }
        for scope in union_a.iter() {
            prop_assert!(a.iter().any(|action| table.action_scopes(action).contains(&(scope as u32))), "no extra scope");
        }
        let names: Vec<&str> = table.scope_names(&union_a).collect();
        let mut deduped = names.clone();
        deduped.dedup();
        prop_assert_eq!(names.len(), deduped.len(), "no repeats");
    }

    #[test]
    fn scopes_are_interned_in_order_of_first_appearance(entries in entries()) {
        let catalog = catalog(&entries);
        let table = &catalog.table;
        // Reference: the kept actions' scope names, in table order, without repeats.
        let mut expected: Vec<String> = Vec::new();
        for index in 0..table.len() {
            let id = table.id(index);
            let (_, _, scopes) = entries.iter().find(|(entry_id, _, _)| entry_id == id).unwrap();
            let mut own: Vec<&str> = scopes.iter().map(|scope| scope.as_str()).collect();
            own.dedup();
            let mut named: Vec<&str> = table.action_scopes(index).iter().map(|&scope| table.scope_name(scope as usize)).collect();
            named.sort_unstable();
            own.sort_unstable();
            own.dedup();
            prop_assert_eq!(named, own, "each action keeps exactly its own scopes");
            for scope in scopes {
                if !expected.contains(scope) {
                    expected.push(scope.clone());
                }
            }
        }
        let interned: Vec<&str> = (0..table.scope_count()).map(|scope| table.scope_name(scope)).collect();
        prop_assert_eq!(interned, expected.iter().map(String::as_str).collect::<Vec<_>>());
        for (scope, name) in expected.iter().enumerate() {
            prop_assert_eq!(table.scope_id(name), Some(scope as u32));
        }
        prop_assert_eq!(table.scope_id("not:a-generated_scope!"), None);
    }

    #[test]
    fn search_is_exact_and_within_the_table(entries in entries(), query in "[a-zA-Z_:<é ]{0,8}") {
        let mut catalog = catalog(&entries);
        let found = catalog.index.search(&query).to_vec();
        let mut sorted = found.clone();
        sorted.sort_unstable();
        prop_assert!(sorted.windows(2).all(|pair| pair[0] < pair[1]), "no repeats");
        prop_assert!(found.iter().all(|&index| (index as usize) < catalog.table.len()), "filter ⊆ table");
        prop_assert_eq!(found, reference_search(&catalog.table, &query));
    }

    #[test]
    fn typing_and_deleting_agree_with_fresh_searches(entries in entries(), query in "[a-z: ]{1,8}", cut in 0..8usize) {
        let mut typed = catalog(&entries);
        for end in (1..=query.len()).chain((cut.min(query.len())..query.len()).rev()) {
            let prefix = &query[..end];
            let fresh = reference_search(&typed.table, prefix);
            prop_assert_eq!(typed.index.search(prefix).to_vec(), fresh, "query {:?}", prefix);
        }
    }

    /// Ids from a tiny alphabet, so most of them repeat.
    #[test]
    fn the_first_action_of_each_id_is_kept_and_found(ids in prop::collection::vec("[ab]{1,2}", 1..40)) {
        let entries: Vec<Entry> =
            ids.iter().enumerate().map(|(at, id)| (id.clone(), format!("label {at}"), vec!["s".to_owned()])).collect();
        let catalog = catalog(&entries);
        // Reference: the first index of every id, and a notice for every later one, in table order.
        let mut firsts: Vec<(usize, &str)> = Vec::new();
        let mut repeats = Vec::new();
        for (index, id) in ids.iter().enumerate() {
            match firsts.iter().find(|(_, known)| *known == id.as_str()) {
                Some(&(first, _)) => repeats.push(TableNotice::DuplicateId { index, first, id: id.clone() }),
                None => firsts.push((index, id)),
            }
        }
        prop_assert_eq!(catalog.table.len(), firsts.len());
        for (kept, (index, id)) in firsts.iter().enumerate() {
            prop_assert_eq!(catalog.table.index_of(id), Some(kept as u32));
            prop_assert_eq!(catalog.table.label(kept), format!("label {index}"));
        }
        prop_assert_eq!(catalog.table.index_of("c"), None);
        prop_assert_eq!(catalog.notices, repeats);
    }

    /// Long words typed over a two-letter alphabet: matches survive many keystrokes, so a match's
    /// kept bytes run out and are refilled, and words move to later occurrences in their line.
    #[test]
    fn typing_long_words_agrees_with_fresh_searches(
        labels in prop::collection::vec("[ab ]{0,40}", 1..30),
        query in "[ab]{1,20}( [ab]{1,12})?",
    ) {
        let entries: Vec<Entry> =
            labels.into_iter().enumerate().map(|(at, label)| (format!("id{at}"), label, vec!["s".to_owned()])).collect();
        let mut typed = catalog(&entries);
        for end in 1..=query.len() {
            let prefix = &query[..end];
            prop_assert_eq!(typed.index.search(prefix).to_vec(), reference_search(&typed.table, prefix), "query {:?}", prefix);
        }
    }

    #[test]
    fn link_values_never_panic_and_stay_in_the_table(entries in entries(), actions in prop::collection::vec(".{0,40}", 0..3), separators in prop::collection::vec(".{0,10}", 0..3)) {
        let catalog = catalog(&entries);
        let decoded = decode(&catalog.table, &ParamNames::for_key(""), [&actions, &actions, &separators]);
        prop_assert_eq!(decoded.actions.bound(), catalog.table.len());
        prop_assert!(decoded.actions.iter().all(|index| index < catalog.table.len()));
    }

    #[test]
    fn any_json_value_is_accepted_or_rejected_with_a_message(json in arbitrary_json()) {
        match Catalog::from_json(&json.to_string(), str::to_lowercase) {
            Ok(catalog) => {
                let table = &catalog.table;
                prop_assert!(!table.is_empty());
                let mut all = BitSet::new(table.len());
                (0..table.len()).for_each(|action| all.insert(action));
                let found = least_privilege(table, &all);
                prop_assert!(is_enough(table, &all, &found.scopes), "the set allows every action");
                prop_assert_eq!(Table::from_json(&table.to_json()).map(|again| again.table.to_json()).ok(), Some(table.to_json()));
            }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        "[a-z ]{0,6}".prop_map(Value::String),
        Just(Value::String("id".into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("id".to_owned()),
                        Just("label".to_owned()),
                        Just("scopes".to_owned()),
                        Just("alternatives".to_owned()),
                        "[a-z]{1,3}"
                    ],
                    inner
                ),
                0..4
            )
            .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

proptest! {
    /// The core's one sort agrees with the standard library's stable sort.
    #[test]
    fn index_sort_is_a_stable_sort(keys in prop::collection::vec(0u8..6, 0..200)) {
        let mut ours: Vec<u32> = (0..keys.len() as u32).collect();
        sort::sort_indices(&mut ours, &mut |a, b| keys[a as usize] < keys[b as usize]);
        let mut expected: Vec<u32> = (0..keys.len() as u32).collect();
        expected.sort_by_key(|&index| keys[index as usize]);
        prop_assert_eq!(ours, expected);
    }
}

proptest! {
    /// Substring search agrees with a naive scan (tiny alphabet, so matches and near misses abound).
    #[test]
    fn find_is_the_first_occurrence(text in "[ab\n]{0,80}", word in "[ab]{0,5}") {
        let expected = if word.is_empty() {
            Some(0)
        } else {
            text.as_bytes().windows(word.len()).position(|window| window == word.as_bytes())
        };
        prop_assert_eq!(find::find(text.as_bytes(), word.as_bytes()), expected);
    }
}

/// Our JSON value, as serde_json would have read the same text (numbers compared by value).
fn same_value(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as Their;
    match (ours, theirs) {
        (Value::Null, Their::Null) => true,
        (Value::Bool(a), Their::Bool(b)) => a == b,
        // serde_json parses floats without exact rounding: the last bit may differ.
        (Value::Number(a), Their::Number(b)) => match (a.parse::<f64>(), b.as_f64()) {
            (Ok(a), Some(b)) => a == b || (a - b).abs() <= 4.0 * f64::EPSILON * a.abs().max(b.abs()),
            _ => false,
        },
        (Value::String(a), Their::String(b)) => a == b,
        (Value::Array(a), Their::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_value(a, b)),
        // serde_json keeps the last of repeated keys, as `get` does.
        (Value::Object(_), Their::Object(b)) => {
            b.iter().all(|(key, value)| ours.get(key).is_some_and(|ours| same_value(ours, value)))
                && ours.as_object().is_some_and(|members| members.iter().all(|(key, _)| b.contains_key(key)))
        }
        _ => false,
    }
}

proptest! {
    /// The reader agrees with serde_json on documents serde_json writes, pretty or compact.
    #[test]
    fn json_reads_what_serde_json_writes(json in arbitrary_json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&json).unwrap() } else { json.to_string() };
        let ours = Value::parse(&text).unwrap();
        prop_assert!(same_value(&ours, &json), "{} read as {:?}", text, ours);
    }

    /// Broken documents (a character removed, doubled or replaced) are rejected exactly when
    /// serde_json rejects them, and accepted ones read the same.
    #[test]
    fn json_accepts_and_rejects_like_serde_json(json in arbitrary_json(), at in any::<prop::sample::Index>(), edit in 0..3u8, with in prop::sample::select(vec!['"', ',', ':', '[', ']', '{', '}', '\\', 'e', '-', '.', '0', ' ', 'n', '\u{1}'])) {
        let mut chars: Vec<char> = json.to_string().chars().collect();
        let at = at.index(chars.len());
        match edit {
            0 => { chars.remove(at); }
            1 => chars.insert(at, chars[at]),
            _ => chars[at] = with,
        }
        let text: String = chars.into_iter().collect();
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        let ours = Value::parse(&text);
        match (&ours, &theirs) {
            (Ok(ours), Ok(theirs)) => prop_assert!(same_value(ours, theirs), "{}", text),
            (Err(_), Err(_)) => {}
            // A number too large for a double: JSON.parse (and this reader, which keeps numbers as
            // text) accept it; serde_json refuses it.
            (Ok(_), Err(error)) if error.to_string().starts_with("number out of range") => {}
            _ => prop_assert!(false, "{}: ours {:?}, serde_json {:?}", text, ours, theirs),
        }
        // The table reader never panics, and rejects what is not JSON.
        let table = Table::from_json(&text);
        if theirs.is_err() {
            prop_assert!(table.is_err());
        }
    }
}

#[test]
fn json_kinds_and_escapes() {
    assert_eq!(Value::parse(r#""\ud83d\ude00 \u00e9 \ud800""#).unwrap(), Value::String("😀 é \u{fffd}".into()));
    assert_eq!(Value::parse("-0.5e+3").unwrap().kind(), Kind::Number);
    for broken in [
        "01",
        "1.",
        "-",
        "+1",
        ".5",
        "1e",
        "tru",
        "nul",
        "[1,]",
        "{\"a\":1,}",
        "\"\t\"",
        "\"\\x\"",
        "\"",
        "[",
        "{",
        "\u{feff}",
    ] {
        assert!(Value::parse(broken).is_err(), "{broken:?}");
    }
    assert_eq!(Value::parse("\u{feff}{}").unwrap().kind(), Kind::Object, "a byte-order mark is skipped");
}

/// The marked parts found the slow way, for ASCII text: every byte covered by an occurrence
/// (overlapping ones too) of a word in the lower-cased text, grouped into runs.
fn reference_parts(text: &str, words: &[String]) -> Vec<std::ops::Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let mut covered = vec![false; text.len()];
    for word in words.iter().filter(|word| !word.is_empty()) {
        for at in 0..lower.len() {
            if lower[at..].starts_with(word.as_str()) {
                covered[at..at + word.len()].iter_mut().for_each(|byte| *byte = true);
            }
        }
    }
    let mut parts: Vec<std::ops::Range<usize>> = Vec::new();
    for (at, _) in covered.iter().enumerate().filter(|(_, &covered)| covered) {
        match parts.last_mut() {
            Some(last) if last.end == at => last.end = at + 1,
            _ => parts.push(at..at + 1),
        }
    }
    parts
}

proptest! {
    #[test]
    fn marked_parts_are_every_occurrence_in_ascii_text(text in "[a-cA-C _:]{0,30}", words in prop::collection::vec("[a-c_]{1,3}", 0..3)) {
        let parts = highlight::matched_parts(&text, words.iter().map(String::as_str), str::to_lowercase);
        prop_assert_eq!(parts, reference_parts(&text, &words));
    }

    #[test]
    fn marked_parts_are_whole_characters_in_order(text in "\\PC{0,30}", words in prop::collection::vec("[a-zäöüßiİıς̇σ́]{1,3}", 0..3)) {
        let parts = highlight::matched_parts(&text, words.iter().map(String::as_str), str::to_lowercase);
        for part in &parts {
            prop_assert!(part.start < part.end && text.is_char_boundary(part.start) && text.is_char_boundary(part.end), "{part:?}");
        }
        prop_assert!(parts.windows(2).all(|pair| pair[0].end < pair[1].start), "in order, not touching: {parts:?}");
    }
}

// --- least privilege -----------------------------------------------------------------------------

/// A small table with alternatives: ≤ 8 actions over ≤ 6 scopes, ≤ 3 alternatives each, every
/// alternative a list of scope numbers (repeats and empty ones included, as authors write them).
fn small_table() -> impl Strategy<Value = Vec<Vec<Vec<usize>>>> {
    let alternative = prop::collection::vec(0..6usize, 0..4);
    prop::collection::vec(prop::collection::vec(alternative, 1..4), 1..9)
}

fn small_json(actions: &[Vec<Vec<usize>>]) -> String {
    let name = |set: &Vec<usize>| set.iter().map(|scope| format!("s{scope}")).collect::<Vec<_>>();
    let json: Vec<serde_json::Value> = actions
        .iter()
        .enumerate()
        .map(|(at, alternatives)| {
            let further: Vec<Vec<String>> = alternatives[1..].iter().map(name).collect();
            serde_json::json!({ "id": format!("a{at}"), "label": "A", "scopes": name(&alternatives[0]), "alternatives": further })
        })
        .collect();
    serde_json::Value::Array(json).to_string()
}

/// The rank of a key `granted` reached with the alternatives `picks`: actions it runs, scopes,
/// then the alternatives.
type Rank = (usize, usize, Vec<u32>);

/// The least scopes to add to `key` for `chosen`, the slow way: every combination of every
/// chosen action's alternatives, ranked by the three criteria. Returns the scopes added and the
/// picks.
fn brute_force(table: &Table, chosen: &BitSet, key: &BitSet) -> (Vec<usize>, Vec<(u32, u32)>) {
    let actions: Vec<usize> = chosen.iter().collect();
    let counts: Vec<usize> = actions.iter().map(|&action| table.alternative_count(action)).collect();
    let mut vector = vec![0usize; actions.len()];
    let mut best: Option<(Rank, BitSet)> = None;
    loop {
        let mut granted = key.clone();
        for (&action, &pick) in actions.iter().zip(&vector) {
            for &scope in table.alternatives(action).nth(pick).unwrap() {
                granted.insert(scope as usize);
            }
        }
        let rank = (table.actions_within(&granted).len(), granted.len(), vector.iter().map(|&p| p as u32).collect());
        if best.as_ref().is_none_or(|(held, _)| rank < *held) {
            best = Some((rank, granted));
        }
        // The next vector, last digit fastest.
        let Some(digit) = (0..vector.len()).rev().find(|&at| vector[at] + 1 < counts[at]) else { break };
        vector[digit] += 1;
        vector[digit + 1..].iter_mut().for_each(|pick| *pick = 0);
    }
    let ((_, _, picks), granted) = best.unwrap();
    let added = granted.iter().filter(|&scope| !key.contains(scope)).collect();
    (added, actions.iter().map(|&action| action as u32).zip(picks).collect())
}

fn rank_of(table: &Table, key: &BitSet, found: &LeastPrivilege) -> Rank {
    let mut granted = key.clone();
    found.scopes.iter().for_each(|scope| granted.insert(scope));
    (table.actions_within(&granted).len(), granted.len(), found.picks.iter().map(|&(_, pick)| pick).collect())
}

fn key_of(table: &Table, picks: &[usize]) -> BitSet {
    let mut key = BitSet::new(table.scope_count());
    picks.iter().for_each(|&pick| key.insert(pick % table.scope_count().max(1)));
    key
}

proptest! {
    #[test]
    fn the_exact_least_privilege_equals_the_brute_force(actions in small_table(), picks in prop::collection::vec(any::<usize>(), 0..8), key in prop::collection::vec(any::<usize>(), 0..3)) {
        let table = Table::from_json(&small_json(&actions)).unwrap().table;
        let chosen = subset(&table, &picks);
        for key in [BitSet::new(table.scope_count()), key_of(&table, &key)] {
            let (added, expected_picks) = brute_force(&table, &chosen, &key);
            for method in [Method::Auto, Method::Exact] {
                let found = solve(&table, &chosen, &key, method);
                prop_assert!(found.exact);
                prop_assert_eq!(found.scopes.iter().collect::<Vec<_>>(), added.clone(), "{:?}", method);
                prop_assert_eq!(&found.picks, &expected_picks, "{:?}", method);
            }
            if key.is_empty() {
                prop_assert_eq!(least_privilege(&table, &chosen), solve(&table, &chosen, &key, Method::Exact));
            }
            prop_assert_eq!(least_to_add(&table, &chosen, &key).scopes.is_empty(), is_enough(&table, &chosen, &key));
        }
    }

    #[test]
    fn the_heuristic_allows_the_choice_and_is_never_better(actions in small_table(), picks in prop::collection::vec(any::<usize>(), 0..8), key in prop::collection::vec(any::<usize>(), 0..3)) {
        let table = Table::from_json(&small_json(&actions)).unwrap().table;
        let chosen = subset(&table, &picks);
        let key = key_of(&table, &key);
        let heuristic = solve(&table, &chosen, &key, Method::Heuristic);
        let exact = solve(&table, &chosen, &key, Method::Exact);
        let mut granted = key.clone();
        heuristic.scopes.iter().for_each(|scope| granted.insert(scope));
        prop_assert!(is_enough(&table, &chosen, &granted), "the heuristic's set allows every chosen action");
        prop_assert!(!heuristic.scopes.iter().any(|scope| key.contains(scope)), "nothing the key has is added");
        prop_assert!(rank_of(&table, &key, &heuristic) >= rank_of(&table, &key, &exact));
    }

    #[test]
    fn without_alternatives_least_privilege_is_the_union(entries in entries(), picks in prop::collection::vec(any::<usize>(), 0..8)) {
        let table = catalog(&entries).table;
        let chosen = subset(&table, &picks);
        let found = least_privilege(&table, &chosen);
        prop_assert_eq!(found.scopes, table.scope_union(chosen.iter()));
        prop_assert!(found.exact && found.picks.iter().all(|&(_, pick)| pick == 0));
    }

    #[test]
    fn alternatives_round_trip_through_json(actions in small_table()) {
        let table = Table::from_json(&small_json(&actions)).unwrap().table;
        let again = Table::from_json(&table.to_json()).unwrap().table;
        prop_assert_eq!(again.to_json(), table.to_json());
        for action in 0..table.len() {
            let names = |table: &Table| table.alternatives(action).map(|set| set.iter().map(|&s| table.scope_name(s as usize).to_owned()).collect::<Vec<_>>()).collect::<Vec<_>>();
            prop_assert_eq!(names(&again), names(&table));
        }
    }
}

/// How often the heuristic finds the exact answer, on 5,000 small tables drawn from a fixed seed
/// (printed; run with `--nocapture`). It must always allow the choice and never beat the exact
/// search (checked by the property above); this measures how often it is least.
#[test]
fn the_heuristic_usually_finds_the_least_set() {
    let mut random = Xorshift(0x9E37_79B9_7F4A_7C15);
    let mut next = |bound: usize| random.below(bound);
    let (mut equal, mut runs, mut with_choices, mut equal_with_choices) = (0, 0, 0, 0);
    for _ in 0..5_000 {
        let actions: Vec<Vec<Vec<usize>>> = (0..1 + next(8))
            .map(|_| (0..1 + next(3)).map(|_| (0..next(4)).map(|_| next(6)).collect()).collect())
            .collect();
        let table = Table::from_json(&small_json(&actions)).unwrap().table;
        let picks: Vec<usize> = (0..next(8)).map(|_| next(64)).collect();
        let chosen = subset(&table, &picks);
        let none = BitSet::new(table.scope_count());
        let heuristic = solve(&table, &chosen, &none, Method::Heuristic);
        let exact = solve(&table, &chosen, &none, Method::Exact);
        assert!(rank_of(&table, &none, &heuristic) >= rank_of(&table, &none, &exact));
        let same = usize::from(heuristic.scopes == exact.scopes && heuristic.picks == exact.picks);
        runs += 1;
        equal += same;
        if chosen.iter().any(|action| table.alternative_count(action) > 1) {
            with_choices += 1;
            equal_with_choices += same;
        }
    }
    eprintln!(
        "heuristic equal to the exact search on {equal} of {runs} small tables \
         ({equal_with_choices} of the {with_choices} whose choice has an action with alternatives)"
    );
    assert!(equal * 100 >= runs * 95, "{equal} of {runs}");
}
