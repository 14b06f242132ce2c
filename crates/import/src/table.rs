//! The action table from the operations read: ids made unique, labels, alternatives ordered
//! narrowest first, and the JSON text, written the same way byte for byte for the same input.

use crate::error::DropReason;
use crate::text::{fallback_id, first_sentence, label, plain, valid_id};
use crate::{Operation, Reading};
use scope_selector_core::json::{push_string, push_strings};
use std::collections::{HashMap, HashSet};

/// A set of scopes: their interned numbers, ascending.
type Set = Vec<u32>;

/// Interns scope names into numbers.
#[derive(Default)]
struct Scopes {
    numbers: HashMap<String, u32>,
}

impl Scopes {
    fn set(&mut self, scopes: &[String]) -> Set {
        let mut set: Set = scopes
            .iter()
            .map(|scope| {
                let next = self.numbers.len() as u32;
                *self.numbers.entry(scope.clone()).or_insert(next)
            })
            .collect();
        set.sort_unstable();
        set.dedup();
        set
    }
}

/// Whether every scope of `part` is in `whole` (both ascending).
fn is_subset(part: &[u32], whole: &[u32]) -> bool {
    let mut whole = whole.iter();
    part.iter().all(|scope| whole.any(|candidate| candidate == scope))
}

/// `scopes` without repeats, first kept.
fn unique(scopes: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    scopes.iter().filter(|scope| seen.insert(scope.as_str())).cloned().collect()
}

/// Counts, for a set of scopes, the operations it allows. Operations with the same alternatives
/// count together; each non-empty alternative is filed under its least common scope, so a query
/// looks only at the alternatives filed under its own scopes (which keeps a spec of many
/// alternatives sharing one scope from costing operations times alternatives).
struct Allowed<'a> {
    /// Distinct lists of alternatives, with how many operations have each.
    groups: Vec<(&'a [Set], usize)>,
    /// Operations with an empty alternative: every set allows them.
    always: usize,
    /// By scope: (group, alternative) pairs filed under it.
    by_scope: HashMap<u32, Vec<(usize, &'a [u32])>>,
    /// Per group, the query that last counted it (so a group counts once per query).
    counted: Vec<usize>,
    queries: usize,
}

impl<'a> Allowed<'a> {
    fn new(sets: &'a [Vec<Set>]) -> Allowed<'a> {
        let mut weights: HashMap<&[Set], usize> = HashMap::new();
        let mut groups: Vec<(&[Set], usize)> = Vec::new();
        for set in sets.iter().filter(|set| !set.is_empty()) {
            match weights.get(set.as_slice()) {
                Some(&at) => {
                    if let Some((_, weight)) = groups.get_mut(at) {
                        *weight += 1;
                    }
                }
                None => {
                    weights.insert(set.as_slice(), groups.len());
                    groups.push((set.as_slice(), 1));
                }
            }
        }
        let mut frequency: HashMap<u32, usize> = HashMap::new();
        for scope in groups.iter().flat_map(|(alternatives, _)| alternatives.iter().flatten()) {
            *frequency.entry(*scope).or_default() += 1;
        }
        let (mut always, mut by_scope) = (0, HashMap::<u32, Vec<(usize, &[u32])>>::new());
        for (at, (alternatives, weight)) in groups.iter().enumerate() {
            if alternatives.iter().any(|alternative| alternative.is_empty()) {
                always += weight;
                continue;
            }
            for alternative in alternatives.iter() {
                let rarest =
                    alternative.iter().min_by_key(|scope| (frequency.get(scope).copied().unwrap_or(0), **scope));
                if let Some(rarest) = rarest {
                    by_scope.entry(*rarest).or_default().push((at, alternative.as_slice()));
                }
            }
        }
        let counted = vec![0; groups.len()];
        Allowed { groups, always, by_scope, counted, queries: 0 }
    }

    /// How many subset tests counting `set` takes.
    fn cost(&self, set: &[u32]) -> usize {
        set.iter().map(|scope| self.by_scope.get(scope).map_or(0, Vec::len)).sum()
    }

    /// How many operations `set` allows.
    fn count(&mut self, set: &[u32]) -> usize {
        self.queries += 1;
        let mut count = self.always;
        for scope in set {
            for &(group, alternative) in self.by_scope.get(scope).map(Vec::as_slice).unwrap_or_default() {
                let Some(last) = self.counted.get_mut(group) else { continue };
                if *last != self.queries && is_subset(alternative, set) {
                    *last = self.queries;
                    count += self.groups.get(group).map_or(0, |(_, weight)| *weight);
                }
            }
        }
        count
    }
}

/// Every operation's alternatives with repeated scopes and repeated alternatives (the same set of
/// scopes, in any order) removed, then ordered narrowest first: by how many operations that have
/// alternatives (every one read, deprecated or not) the alternative's scopes allow, fewer first,
/// ties in document order. An operation is allowed by a set of scopes when one of its alternatives
/// is a subset of it. An alternative that is a superset of another is kept: it is how the document
/// says it, and the reader may already hold those scopes.
///
/// When counting would take more than `budget` subset tests (a hostile document), the
/// alternatives keep the document's order and this returns `false`.
fn order_alternatives(operations: &mut [Operation], budget: usize) -> bool {
    let mut interner = Scopes::default();
    let mut sets: Vec<Vec<Set>> = Vec::with_capacity(operations.len());
    for operation in operations.iter_mut() {
        let mut kept: Vec<(Vec<String>, Set)> = Vec::new();
        for alternative in &operation.alternatives {
            let alternative = unique(alternative);
            let set = interner.set(&alternative);
            if !kept.iter().any(|(_, seen)| seen == &set) {
                kept.push((alternative, set));
            }
        }
        operation.alternatives = kept.iter().map(|(alternative, _)| alternative.clone()).collect();
        sets.push(kept.into_iter().map(|(_, set)| set).collect());
    }
    let mut allowed = Allowed::new(&sets);
    let queries: HashSet<&[u32]> =
        sets.iter().filter(|set| set.len() > 1).flatten().map(|alternative| alternative.as_slice()).collect();
    let work = queries.iter().fold(0usize, |work, query| work.saturating_add(allowed.cost(query)));
    if work > budget {
        return false;
    }
    let mut known: HashMap<&[u32], usize> = HashMap::new();
    for (operation, set) in operations.iter_mut().zip(&sets) {
        if set.len() < 2 {
            continue;
        }
        let counts: Vec<usize> = set
            .iter()
            .map(|alternative| *known.entry(alternative.as_slice()).or_insert_with(|| allowed.count(alternative)))
            .collect();
        let mut order: Vec<usize> = (0..set.len()).collect();
        order.sort_by_key(|&at| (counts.get(at).copied().unwrap_or(0), at));
        let alternatives = std::mem::take(&mut operation.alternatives);
        operation.alternatives = order.iter().filter_map(|&at| alternatives.get(at).cloned()).collect();
    }
    true
}

/// The most subset tests ordering alternatives may take (about a second).
pub const MAX_ORDERING_WORK: usize = 100_000_000;

/// The table and the counts of operations kept and dropped.
pub struct Built {
    /// The table's JSON text.
    pub json: String,
    /// Operations in the table.
    pub kept: usize,
    /// Operations left out, by reason (only reasons that occurred, in [`DropReason`]'s order).
    pub dropped: Vec<(DropReason, usize)>,
    /// Whether the alternatives were ordered narrowest first (else they keep the document's order).
    pub ordered: bool,
}

/// Builds the table from a reading; `skip_deprecated` leaves deprecated operations out.
pub fn build(reading: &mut Reading, skip_deprecated: bool) -> Built {
    let ordered = order_alternatives(&mut reading.operations, MAX_ORDERING_WORK);
    let mut dropped: Vec<(DropReason, usize)> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut used_scopes: HashSet<&str> = HashSet::new();
    let mut json = String::from("{\n  \"actions\": [");
    let mut kept = 0;
    for operation in &reading.operations {
        let reason = operation.dropped.or(if skip_deprecated && operation.deprecated {
            Some(DropReason::Deprecated)
        } else {
            None
        });
        if let Some(reason) = reason {
            match dropped.iter_mut().find(|(seen, _)| *seen == reason) {
                Some((_, count)) => *count += 1,
                None => dropped.push((reason, 1)),
            }
            continue;
        }
        let Some((first, further)) = operation.alternatives.split_first() else { continue };
        let fallback = format!("{} {}", operation.method, operation.path);
        let base = match &operation.id {
            Some(id) => valid_id(id),
            None => fallback_id(&operation.method, &operation.path),
        };
        let id = unique_id(&base, &taken);
        taken.insert(id.clone());
        let mut text = label(operation.summary.as_deref(), operation.description.as_deref(), &fallback);
        if operation.deprecated {
            text.push_str(" (deprecated)");
        }
        json.push_str(if kept == 0 { "\n    {\"id\": " } else { ",\n    {\"id\": " });
        push_string(&mut json, &id);
        json.push_str(", \"label\": ");
        push_string(&mut json, &text);
        if let Some(group) = &operation.group {
            json.push_str(", \"group\": ");
            push_string(&mut json, group);
        }
        json.push_str(", \"scopes\": [");
        push_strings(&mut json, first.iter().map(String::as_str), ", ");
        json.push(']');
        if !further.is_empty() {
            json.push_str(", \"alternatives\": [");
            for (at, alternative) in further.iter().enumerate() {
                json.push_str(if at == 0 { "[" } else { ", [" });
                push_strings(&mut json, alternative.iter().map(String::as_str), ", ");
                json.push(']');
            }
            json.push(']');
        }
        json.push('}');
        used_scopes.extend(operation.alternatives.iter().flatten().map(String::as_str));
        kept += 1;
    }
    json.push_str("\n  ]");
    let mut labelled = HashSet::new();
    let mut labels = 0;
    for (scope, description) in &reading.scope_labels {
        let name = plain(description);
        let name = first_sentence(&name);
        if name.is_empty() || !used_scopes.contains(scope.as_str()) || !labelled.insert(scope.as_str()) {
            continue;
        }
        json.push_str(if labels == 0 { ",\n  \"scopeLabels\": {\n    " } else { ",\n    " });
        push_string(&mut json, scope);
        json.push_str(": ");
        push_string(&mut json, name);
        labels += 1;
    }
    if labels > 0 {
        json.push_str("\n  }");
    }
    json.push_str("\n}\n");
    dropped.sort();
    Built { json, kept, dropped, ordered }
}

/// The first of `base`, `base_2`, `base_3`, … not yet taken.
fn unique_id(base: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..).map(|n| format!("{base}_{n}")).find(|id| !taken.contains(id)).unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operation(alternatives: &[&[&str]]) -> Operation {
        Operation {
            id: None,
            method: "GET".into(),
            path: "/x".into(),
            summary: None,
            description: None,
            group: None,
            deprecated: false,
            alternatives: alternatives
                .iter()
                .map(|alternative| alternative.iter().map(|scope| scope.to_string()).collect())
                .collect(),
            dropped: None,
        }
    }

    #[test]
    fn alternatives_are_ordered_narrowest_first_and_deduplicated() {
        // "admin" allows all three operations, "read" two, "write" one.
        let mut operations = vec![
            operation(&[&["admin"], &["read"], &["read", "write"], &["write", "read"]]),
            operation(&[&["read"], &["admin"]]),
            operation(&[&["admin"], &["write"]]),
        ];
        assert!(order_alternatives(&mut operations, MAX_ORDERING_WORK));
        let names = |operation: &Operation| -> Vec<String> {
            operation.alternatives.iter().map(|alternative| alternative.join("+")).collect()
        };
        // read+write allows operations 0, 1 and 2 (via read, read, write): 3, like admin; ties keep order.
        assert_eq!(names(&operations[0]), ["read", "admin", "read+write"]);
        assert_eq!(names(&operations[1]), ["read", "admin"]);
        assert_eq!(names(&operations[2]), ["write", "admin"]);
    }

    #[test]
    fn past_the_budget_alternatives_keep_the_document_order() {
        let mut operations = vec![operation(&[&["b", "a"], &["a"], &["b", "a"]]), operation(&[&["a"]])];
        assert!(!order_alternatives(&mut operations, 0));
        let names: Vec<String> = operations[0].alternatives.iter().map(|alternative| alternative.join("+")).collect();
        assert_eq!(names, ["b+a", "a"], "deduplicated, not reordered");
    }

    #[test]
    fn ids_are_made_unique_in_document_order() {
        let taken: HashSet<String> = ["a".to_string(), "a_2".to_string()].into();
        assert_eq!(unique_id("a", &taken), "a_3");
        assert_eq!(unique_id("b", &taken), "b");
    }
}
