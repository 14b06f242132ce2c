//! The action table from the operations read: ids made unique, labels, alternatives ordered
//! narrowest first, and the JSON text, written the same way byte for byte for the same input.

use crate::error::DropReason;
use crate::text::{fallback_id, first_sentence, label, plain, valid_id};
use crate::{Operation, Reading};
use scope_selector_core::json::{push_string, push_strings};
use std::collections::{HashMap, HashSet};

/// A set of scopes as bits of their interned positions.
type Bits = Vec<u64>;

/// Interns scope names into bit positions.
#[derive(Default)]
struct Scopes {
    positions: HashMap<String, usize>,
}

impl Scopes {
    fn bits(&mut self, scopes: &[String]) -> Bits {
        let mut bits = Bits::new();
        for scope in scopes {
            let next = self.positions.len();
            let position = *self.positions.entry(scope.clone()).or_insert(next);
            if bits.len() <= position / 64 {
                bits.resize(position / 64 + 1, 0);
            }
            if let Some(word) = bits.get_mut(position / 64) {
                *word |= 1 << (position % 64);
            }
        }
        // Trailing zero words would make equal sets compare unequal.
        while bits.last() == Some(&0) {
            bits.pop();
        }
        bits
    }
}

/// Whether every scope of `part` is in `whole`.
fn is_subset(part: &Bits, whole: &Bits) -> bool {
    part.iter().enumerate().all(|(at, word)| word & !whole.get(at).copied().unwrap_or(0) == 0)
}

/// `scopes` without repeats, first kept.
fn unique(scopes: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    scopes.iter().filter(|scope| seen.insert(scope.as_str())).cloned().collect()
}

/// Every operation's alternatives with repeated scopes and repeated alternatives (the same set of
/// scopes, in any order) removed, then ordered narrowest first: by how many operations that have
/// alternatives (every one read, deprecated or not) the alternative's scopes allow, fewer first,
/// ties in document order. An operation is allowed by a set of scopes when one of its alternatives
/// is a subset of it. An alternative that is a superset of another is kept: it is how the document
/// says it, and the reader may already hold those scopes.
fn order_alternatives(operations: &mut [Operation]) {
    let mut interner = Scopes::default();
    let mut sets: Vec<Vec<Bits>> = Vec::with_capacity(operations.len());
    for operation in operations.iter_mut() {
        let mut kept: Vec<(Vec<String>, Bits)> = Vec::new();
        for alternative in &operation.alternatives {
            let alternative = unique(alternative);
            let bits = interner.bits(&alternative);
            if !kept.iter().any(|(_, seen)| seen == &bits) {
                kept.push((alternative, bits));
            }
        }
        operation.alternatives = kept.iter().map(|(alternative, _)| alternative.clone()).collect();
        sets.push(kept.into_iter().map(|(_, bits)| bits).collect());
    }
    // Operations with the same alternatives count together.
    let mut weights: HashMap<&[Bits], usize> = HashMap::new();
    for set in sets.iter().filter(|set| !set.is_empty()) {
        *weights.entry(set.as_slice()).or_default() += 1;
    }
    let mut allowed: HashMap<&Bits, usize> = HashMap::new();
    let mut orders: Vec<Option<Vec<usize>>> = Vec::with_capacity(sets.len());
    for set in &sets {
        if set.len() < 2 {
            orders.push(None);
            continue;
        }
        let mut counts = Vec::with_capacity(set.len());
        for bits in set {
            let count = *allowed.entry(bits).or_insert_with(|| {
                weights
                    .iter()
                    .filter(|(alternatives, _)| alternatives.iter().any(|alternative| is_subset(alternative, bits)))
                    .map(|(_, weight)| weight)
                    .sum()
            });
            counts.push(count);
        }
        let mut order: Vec<usize> = (0..set.len()).collect();
        order.sort_by_key(|&at| (counts.get(at).copied().unwrap_or(0), at));
        orders.push(Some(order));
    }
    for (operation, order) in operations.iter_mut().zip(orders) {
        if let Some(order) = order {
            let alternatives = std::mem::take(&mut operation.alternatives);
            operation.alternatives = order.iter().filter_map(|&at| alternatives.get(at).cloned()).collect();
        }
    }
}

/// The table and the counts of operations kept and dropped.
pub struct Built {
    /// The table's JSON text.
    pub json: String,
    /// Operations in the table.
    pub kept: usize,
    /// Operations left out, by reason (only reasons that occurred, in [`DropReason`]'s order).
    pub dropped: Vec<(DropReason, usize)>,
}

/// Builds the table from a reading; `skip_deprecated` leaves deprecated operations out.
pub fn build(reading: &mut Reading, skip_deprecated: bool) -> Built {
    order_alternatives(&mut reading.operations);
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
    Built { json, kept, dropped }
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
        order_alternatives(&mut operations);
        let names = |operation: &Operation| -> Vec<String> {
            operation.alternatives.iter().map(|alternative| alternative.join("+")).collect()
        };
        // read+write allows operations 0, 1 and 2 (via read, read, write): 3, like admin; ties keep order.
        assert_eq!(names(&operations[0]), ["read", "admin", "read+write"]);
        assert_eq!(names(&operations[1]), ["read", "admin"]);
        assert_eq!(names(&operations[2]), ["write", "admin"]);
    }

    #[test]
    fn ids_are_made_unique_in_document_order() {
        let taken: HashSet<String> = ["a".to_string(), "a_2".to_string()].into();
        assert_eq!(unique_id("a", &taken), "a_3");
        assert_eq!(unique_id("b", &taken), "b");
    }
}
