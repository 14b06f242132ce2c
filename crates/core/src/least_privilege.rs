//! Least privilege: the scopes to grant for a choice when actions have alternatives.
//!
//! Without alternatives the answer is the scope union of the chosen actions. With them, many sets
//! allow every chosen action; the one granted is, in this order of preference:
//!
//! 1. the set that lets the fewest actions of the whole table run ([`Table::actions_within`]);
//! 2. then the one with the fewest scopes;
//! 3. then the one whose chosen alternatives come earliest: the vector of each chosen action's
//!    alternative index, in table order, compared lexicographically.
//!
//! An action uses the earliest of its alternatives within the granted set (the least solution is
//! never better served by a later one: taking the earlier one never adds a scope), so the set
//! decides the alternatives, and [`LeastPrivilege::picks`] are those.
//!
//! The search first simplifies: scopes of actions with one alternative are always granted (with
//! the key's, in [`least_to_add`]); an action one of whose alternatives is already granted needs
//! nothing more; an alternative that needs a superset of what another alternative of the same
//! action still needs (or the same, later) is never better and is dropped, which can leave an
//! action with one alternative, granted in turn. When the product of the numbers of alternatives
//! left is at most [`EXACT_LIMIT`], every combination is searched (depth first, in table and
//! alternative order, cutting branches already worse than the best found): the answer is exact.
//! Beyond it a heuristic runs: each action in table order takes the alternative that adds the
//! fewest runnable actions, then scopes (an alternative already granted first); then, while it
//! helps (at most [`IMPROVEMENT_ROUNDS`] rounds), one action at a time tries its other
//! alternatives, the set shrinking to what the alternatives then in use need. It always allows
//! every chosen action, and [`LeastPrivilege::exact`] says it may not be least.

use crate::table::Table;
use crate::BitSet;

/// The most combinations of alternatives searched exhaustively (the product, over the chosen
/// actions left with more than one alternative after simplifying, of their numbers).
pub const EXACT_LIMIT: usize = 65_536;

/// The most rounds of one-action changes the heuristic makes after its greedy start.
pub const IMPROVEMENT_ROUNDS: usize = 8;

/// The scopes to grant for a choice, and the alternative each chosen action uses with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeastPrivilege {
    /// The scopes to grant (with [`least_to_add`], to add to the key: none of the key's).
    pub scopes: BitSet,
    /// Each chosen action (table order) with the index of the alternative it uses.
    pub picks: Vec<(u32, u32)>,
    /// Whether the set is proven least (every combination searched); `false` when the heuristic
    /// chose it.
    pub exact: bool,
}

/// How [`solve`] searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Exhaustive up to [`EXACT_LIMIT`] combinations, the heuristic beyond.
    Auto,
    /// Always exhaustive, whatever the number of combinations (for tests and tools that can wait).
    Exact,
    /// Always the heuristic (for tests that compare it with the exhaustive search).
    Heuristic,
}

/// The scopes to grant for the chosen actions (indices outside the table are ignored).
///
/// ```
/// use scope_selector_core::{least_privilege::least_privilege, Table};
/// let table = Table::from_json(r#"[
///     {"id": "send", "label": "Send", "scopes": ["mail:send"], "alternatives": [["mail:admin"]]},
///     {"id": "read", "label": "Read", "scopes": ["mail:read"], "alternatives": [["mail:admin"]]},
///     {"id": "purge", "label": "Purge", "scopes": ["mail:admin", "audit"]}
/// ]"#).unwrap().table;
/// let send = least_privilege(&table, &table.ids_to_set(["send"]).0);
/// assert_eq!(table.scope_names(&send.scopes).collect::<Vec<_>>(), ["mail:send"]);
/// // mail:admin alone allows both, and runs no more actions than mail:send with mail:read.
/// let both = least_privilege(&table, &table.ids_to_set(["send", "read"]).0);
/// assert_eq!(table.scope_names(&both.scopes).collect::<Vec<_>>(), ["mail:admin"]);
/// assert_eq!(both.picks, [(0, 1), (1, 1)]);
/// assert!(both.exact);
/// ```
pub fn least_privilege(table: &Table, chosen: &BitSet) -> LeastPrivilege {
    solve(table, chosen, &BitSet::new(table.scope_count()), Method::Auto)
}

/// The scopes to grant for the chosen actions: [`least_privilege`]'s set, for the callers that
/// need only the set (the view, the exports, decoded links).
///
/// ```
/// use scope_selector_core::{least_privilege::scopes_to_grant, Table};
/// let table = Table::from_json(r#"[{"id": "a", "label": "A", "scopes": ["x", "y"]}]"#).unwrap().table;
/// assert_eq!(scopes_to_grant(&table, &table.ids_to_set(["a"]).0).len(), 2);
/// ```
pub fn scopes_to_grant(table: &Table, chosen: &BitSet) -> BitSet {
    least_privilege(table, chosen).scopes
}

/// The scopes to add to a key so that it allows every chosen action, the key's own scopes costing
/// nothing: the least set (by the criteria of the module, applied to the key with them) that,
/// with the key, allows the choice. Empty when the key is enough ([`is_enough`]).
///
/// ```
/// use scope_selector_core::{least_privilege::least_to_add, Table};
/// let table = Table::from_json(r#"[
///     {"id": "send", "label": "Send", "scopes": ["mail:send"], "alternatives": [["mail:write"]]},
///     {"id": "draft", "label": "Draft", "scopes": ["mail:write", "drafts"]}
/// ]"#).unwrap().table;
/// let chosen = table.ids_to_set(["send", "draft"]).0;
/// let key = table.scope_union([1]); // mail:write and drafts
/// assert!(least_to_add(&table, &chosen, &key).scopes.is_empty(), "mail:write sends too");
/// ```
pub fn least_to_add(table: &Table, chosen: &BitSet, key: &BitSet) -> LeastPrivilege {
    solve(table, chosen, key, Method::Auto)
}

/// Whether a key with `key`'s scopes allows every chosen action.
///
/// ```
/// use scope_selector_core::{least_privilege::is_enough, Table};
/// let table = Table::from_json(r#"[{"id": "a", "label": "A", "scopes": ["x"], "alternatives": [["y"]]}]"#).unwrap().table;
/// let chosen = table.ids_to_set(["a"]).0;
/// let mut key = scope_selector_core::BitSet::new(table.scope_count());
/// assert!(!is_enough(&table, &chosen, &key));
/// key.insert(1);
/// assert!(is_enough(&table, &chosen, &key));
/// ```
pub fn is_enough(table: &Table, chosen: &BitSet, key: &BitSet) -> bool {
    chosen.iter().filter(|&action| action < table.len()).all(|action| table.allows(action, key))
}

/// [`least_to_add`] with the search chosen by `method` (an empty key gives [`least_privilege`]).
///
/// ```
/// use scope_selector_core::{least_privilege::{solve, Method}, BitSet, Table};
/// let table = Table::from_json(r#"[{"id": "a", "label": "A", "scopes": ["x"], "alternatives": [["y"]]}]"#).unwrap().table;
/// let chosen = table.ids_to_set(["a"]).0;
/// let none = BitSet::new(table.scope_count());
/// assert!(!solve(&table, &chosen, &none, Method::Heuristic).exact);
/// assert_eq!(solve(&table, &chosen, &none, Method::Exact).picks, [(0, 0)]);
/// ```
pub fn solve(table: &Table, chosen: &BitSet, key: &BitSet, method: Method) -> LeastPrivilege {
    search::solve(table, chosen, key, method)
}

/// The search itself, written for a small wasm: flat arrays, plain loops and indexing.
mod search {
    use super::{LeastPrivilege, Method, EXACT_LIMIT, IMPROVEMENT_ROUNDS};
    use crate::sort::sort_indices;
    use crate::table::Table;
    use crate::BitSet;

    /// A set of free scopes: `words` words of bits, bit `i` standing for scope `free[i]`.
    type Mask = [u64];

    /// A candidate's rank on the first two criteria: actions it lets run, then scopes.
    type Score = (usize, usize);

    /// Whether every bit of `part` is in `whole`.
    fn within(part: &Mask, whole: &Mask) -> bool {
        part.iter().zip(whole).all(|(part, whole)| part & !whole == 0)
    }

    /// `a` with the bits of `b` added.
    fn or(a: &Mask, b: &Mask) -> Vec<u64> {
        a.iter().zip(b).map(|(a, b)| a | b).collect()
    }

    /// Whether sorted `small` is within sorted `large` (scope ids).
    fn ids_within(small: &[u32], large: &[u32]) -> bool {
        small.iter().all(|scope| large.binary_search(scope).is_ok())
    }

    pub(super) fn solve(table: &Table, chosen: &BitSet, key: &BitSet, method: Method) -> LeastPrivilege {
        let search = Search::new(table, chosen, key);
        let combinations =
            search.options.iter().fold(1usize, |product, options| product.saturating_mul(options.len() / search.words));
        let exact = match method {
            Method::Auto => combinations <= EXACT_LIMIT,
            Method::Exact => true,
            Method::Heuristic => false,
        };
        let mask = if exact { search.exhaustive() } else { search.heuristic() };
        let granted = search.granted(&mask);
        let mut scopes = granted.clone();
        key.iter().for_each(|scope| scopes.set(scope, false));
        let picks = search.chosen.iter().zip(search.picks(&granted)).map(|(&action, pick)| (action, pick)).collect();
        LeastPrivilege { scopes, picks, exact }
    }

    /// A simplified choice: what is granted whatever happens, the actions still to decide with
    /// their alternatives as masks over the scopes they could add ("free" scopes), and what it
    /// takes to count the actions of the table a set lets run.
    struct Search<'t> {
        table: &'t Table,
        /// The chosen actions in the table, in table order.
        chosen: Vec<u32>,
        /// The key's scopes and the forced ones.
        base: BitSet,
        /// The free scopes' ids, ascending.
        free: Vec<u32>,
        /// Words per mask.
        words: usize,
        /// For each undecided action (table order), its alternatives left, `words` words each.
        options: Vec<Vec<u64>>,
        /// Actions of the table `base` allows.
        fixed: usize,
        /// For each free scope, the actions it alone would let run (their only alternative within
        /// reach needs it and nothing else free): most actions of a large table, counted without
        /// a mask.
        singles: Vec<usize>,
        /// The other actions that some free scopes would let run, grouped: actions whose
        /// alternatives within reach have the same masks are one group, weighing as many actions.
        /// `masks` holds every group's masks, `words` words each, and `owners` the group of each.
        masks: Vec<u64>,
        owners: Vec<u32>,
        weights: Vec<usize>,
        /// The masks filed under their lowest bit: `filed[starts[b]..starts[b + 1]]` are those
        /// whose lowest bit is `b`, so a set only looks at the masks filed under its own scopes.
        starts: Vec<usize>,
        filed: Vec<u32>,
    }

    /// The best set found so far.
    struct Best {
        score: Score,
        mask: Vec<u64>,
        /// Its alternatives vector, computed when a tie needs it.
        picks: Option<Vec<u32>>,
    }

    /// The lowest bit of a mask (0 when it is empty).
    fn lowest(mask: &Mask) -> usize {
        let at = mask.iter().position(|&word| word != 0).unwrap_or(0);
        at * 64 + mask.get(at).map_or(0, |word| word.trailing_zeros() as usize)
    }

    impl<'t> Search<'t> {
        fn new(table: &'t Table, chosen: &BitSet, key: &BitSet) -> Search<'t> {
            let mut base = BitSet::new(table.scope_count());
            key.iter().for_each(|scope| base.insert(scope));
            let chosen: Vec<u32> = chosen.iter().filter(|&action| action < table.len()).map(|a| a as u32).collect();
            // Actions with one alternative are granted it at once; the others wait.
            let mut pending: Vec<Vec<Vec<u32>>> = Vec::new();
            for &action in &chosen {
                let action = action as usize;
                if table.alternative_count(action) == 1 {
                    table.action_scopes(action).iter().for_each(|&scope| base.insert(scope as usize));
                } else {
                    pending.push(table.alternatives(action).map(<[u32]>::to_vec).collect());
                }
            }
            // Simplify until nothing more is forced: each alternative loses the scopes granted;
            // one that needs a superset of another (or the same, later) is dropped; an action
            // left with one is granted it (an empty one: the action is already allowed).
            loop {
                let mut forced = false;
                pending.retain_mut(|alternatives| {
                    for set in alternatives.iter_mut() {
                        set.retain(|&scope| !base.contains(scope as usize));
                    }
                    let rest = std::mem::take(alternatives);
                    for (j, set) in rest.iter().enumerate() {
                        let beaten = rest
                            .iter()
                            .enumerate()
                            .any(|(k, other)| k != j && ids_within(other, set) && (other.len() < set.len() || k < j));
                        if !beaten {
                            alternatives.push(set.clone());
                        }
                    }
                    if alternatives.len() > 1 {
                        return true;
                    }
                    alternatives.iter().flatten().for_each(|&scope| base.insert(scope as usize));
                    forced = true;
                    false
                });
                if !forced {
                    break;
                }
            }
            // Ascending and once each, through a set; each free scope's bit.
            let mut in_reach = BitSet::new(table.scope_count());
            pending.iter().flatten().flatten().for_each(|&scope| in_reach.insert(scope as usize));
            let mut bit_of = vec![u32::MAX; table.scope_count()];
            let mut free = Vec::new();
            for scope in in_reach.iter() {
                bit_of[scope] = free.len() as u32;
                free.push(scope as u32);
            }
            let words = free.len().div_ceil(64).max(1);
            let options = pending
                .iter()
                .map(|alternatives| {
                    let mut masks = vec![0u64; alternatives.len() * words];
                    for (at, set) in alternatives.iter().enumerate() {
                        for &scope in set {
                            let bit = bit_of[scope as usize] as usize;
                            masks[at * words + bit / 64] |= 1 << (bit % 64);
                        }
                    }
                    masks
                })
                .collect();
            let mut search = Search {
                table,
                chosen,
                base,
                free,
                words,
                options,
                fixed: 0,
                singles: Vec::new(),
                masks: Vec::new(),
                owners: Vec::new(),
                weights: Vec::new(),
                starts: Vec::new(),
                filed: Vec::new(),
            };
            // Nothing left to decide (always so without alternatives): the set is `base`, and
            // what it lets run need not be counted, which spares a scan of the table.
            if !search.options.is_empty() {
                search.watch(&bit_of);
            }
            search
        }

        /// Counts the actions `base` allows, and groups the ones some free scopes would allow.
        fn watch(&mut self, bit_of: &[u32]) {
            let (table, words) = (self.table, self.words);
            self.singles = vec![0; self.free.len()];
            // Each watched action's masks, back to back in `arena`, and where they are.
            let (mut arena, mut spans) = (Vec::<u64>::new(), Vec::<(usize, usize)>::new());
            'actions: for action in 0..table.len() {
                let start = arena.len();
                'alternatives: for set in table.alternatives(action) {
                    let at = arena.len();
                    arena.resize(at + words, 0);
                    for &scope in set {
                        if self.base.contains(scope as usize) {
                            continue;
                        }
                        let bit = bit_of[scope as usize] as usize;
                        if bit == u32::MAX as usize {
                            // Out of reach: this alternative never applies.
                            arena.truncate(at);
                            continue 'alternatives;
                        }
                        arena[at + bit / 64] |= 1 << (bit % 64);
                    }
                    if arena[at..].iter().all(|&word| word == 0) {
                        arena.truncate(start);
                        self.fixed += 1;
                        continue 'actions;
                    }
                }
                let masks = &arena[start..];
                if masks.len() == words && masks.iter().map(|word| word.count_ones()).sum::<u32>() == 1 {
                    self.singles[lowest(masks)] += 1;
                    arena.truncate(start);
                } else if !masks.is_empty() {
                    spans.push((start, arena.len()));
                }
            }
            // Actions with the same masks are grouped: sorted by their masks, then counted.
            let masks_of = |at: u32| {
                let (start, end) = spans[at as usize];
                &arena[start..end]
            };
            let mut order: Vec<u32> = (0..spans.len() as u32).collect();
            sort_indices(&mut order, &mut |a, b| masks_of(a) < masks_of(b));
            let mut previous: &[u64] = &[];
            for &at in &order {
                let group = masks_of(at);
                if group == previous {
                    if let Some(weight) = self.weights.last_mut() {
                        *weight += 1;
                    }
                    continue;
                }
                previous = group;
                let owner = self.weights.len() as u32;
                self.weights.push(1);
                self.masks.extend_from_slice(group);
                self.owners.extend(std::iter::repeat_n(owner, group.len() / words));
            }
            // File each mask under its lowest bit (a counting sort).
            let mut starts = vec![0; self.free.len() + 1];
            for mask in self.masks.chunks(words) {
                starts[lowest(mask) + 1] += 1;
            }
            for bit in 1..starts.len() {
                starts[bit] += starts[bit - 1];
            }
            let mut next = starts.clone();
            self.filed = vec![0; self.owners.len()];
            for (number, mask) in self.masks.chunks(words).enumerate() {
                let slot = &mut next[lowest(mask)];
                self.filed[*slot] = number as u32;
                *slot += 1;
            }
            self.starts = starts;
        }

        /// Actions the set `base` + `mask` lets run, and its number of scopes.
        fn score(&self, mask: &Mask) -> Score {
            let words = self.words;
            let mut counted = vec![false; self.weights.len()];
            let mut count = self.fixed;
            for bit in 0..self.free.len() {
                if mask[bit / 64] & (1 << (bit % 64)) == 0 {
                    continue;
                }
                count += self.singles[bit];
                for &number in &self.filed[self.starts[bit]..self.starts[bit + 1]] {
                    let number = number as usize;
                    let owner = self.owners[number] as usize;
                    if !counted[owner] && within(&self.masks[number * words..(number + 1) * words], mask) {
                        counted[owner] = true;
                        count += self.weights[owner];
                    }
                }
            }
            let size = self.base.len() + mask.iter().map(|word| word.count_ones() as usize).sum::<usize>();
            (count, size)
        }

        /// The scopes of `base` + `mask`.
        fn granted(&self, mask: &Mask) -> BitSet {
            let mut granted = self.base.clone();
            for (bit, &scope) in self.free.iter().enumerate() {
                if mask[bit / 64] & (1 << (bit % 64)) != 0 {
                    granted.insert(scope as usize);
                }
            }
            granted
        }

        /// Each chosen action's earliest alternative within `granted` (the last one if none is,
        /// which a set the search returns never leaves).
        fn picks(&self, granted: &BitSet) -> Vec<u32> {
            self.chosen
                .iter()
                .map(|&action| {
                    let action = action as usize;
                    let last = self.table.alternative_count(action).saturating_sub(1);
                    self.table.alternative_within(action, granted).unwrap_or(last) as u32
                })
                .collect()
        }

        /// Keeps `mask` as the best if it ranks before it; whether it did.
        fn offer(&self, mask: &Mask, score: Score, best: &mut Option<Best>) -> bool {
            let better = match best {
                Some(held) if score != held.score => score < held.score,
                Some(held) => {
                    let held_picks = held.picks.get_or_insert_with(|| self.picks(&self.granted(&held.mask)));
                    self.picks(&self.granted(mask)) < *held_picks
                }
                None => true,
            };
            if better {
                *best = Some(Best { score, mask: mask.to_vec(), picks: None });
            }
            better
        }

        /// Every combination, depth first, cutting branches that already rank after the best.
        fn exhaustive(&self) -> Vec<u64> {
            let mut best = None;
            self.descend(0, &vec![0; self.words], &mut best);
            best.map_or_else(|| vec![0; self.words], |best| best.mask)
        }

        fn descend(&self, depth: usize, mask: &Mask, best: &mut Option<Best>) {
            let score = self.score(mask);
            if best.as_ref().is_some_and(|best| score > best.score) {
                return;
            }
            let Some(options) = self.options.get(depth) else {
                self.offer(mask, score, best);
                return;
            };
            // An action the set already allows takes nothing more: any other alternative only adds.
            if options.chunks(self.words).any(|option| within(option, mask)) {
                return self.descend(depth + 1, mask, best);
            }
            for option in options.chunks(self.words) {
                self.descend(depth + 1, &or(mask, option), best);
            }
        }

        /// The set the alternatives `picks` (one per undecided action) need, each action then
        /// moved to its earliest alternative within it, until that changes nothing.
        fn settle(&self, picks: &mut [usize]) -> Vec<u64> {
            let mut mask = vec![0; self.words];
            loop {
                let mut union = vec![0; self.words];
                for (options, &pick) in self.options.iter().zip(picks.iter()) {
                    union = or(&union, &options[pick * self.words..(pick + 1) * self.words]);
                }
                if union == mask {
                    return mask;
                }
                mask = union;
                for (options, pick) in self.options.iter().zip(picks.iter_mut()) {
                    if let Some(earliest) = options.chunks(self.words).position(|option| within(option, &mask)) {
                        *pick = earliest;
                    }
                }
            }
        }

        /// The greedy start and its improvement by one-action changes.
        fn heuristic(&self) -> Vec<u64> {
            let mut mask = vec![0; self.words];
            let mut picks = Vec::with_capacity(self.options.len());
            for options in &self.options {
                // The alternative that adds the fewest runnable actions, then scopes (the earliest of equals).
                let mut chosen: Option<(Score, usize, Vec<u64>)> = None;
                for (at, option) in options.chunks(self.words).enumerate() {
                    let with = or(&mask, option);
                    let score = self.score(&with);
                    if chosen.as_ref().is_none_or(|(best, _, _)| score < *best) {
                        chosen = Some((score, at, with));
                    }
                }
                if let Some((_, at, with)) = chosen {
                    picks.push(at);
                    mask = with;
                }
            }
            let start = self.settle(&mut picks);
            let mut best = None;
            self.offer(&start, self.score(&start), &mut best);
            for _ in 0..IMPROVEMENT_ROUNDS {
                let mut improved = false;
                for action in 0..picks.len() {
                    for option in 0..self.options[action].len() / self.words {
                        if picks[action] == option {
                            continue;
                        }
                        let mut trial = picks.clone();
                        trial[action] = option;
                        let mask = self.settle(&mut trial);
                        // A set holding the best one lets as many actions run and has as many
                        // scopes or more (the same set: the same picks): not better, not counted.
                        if best.as_ref().is_some_and(|best| within(&best.mask, &mask)) {
                            continue;
                        }
                        if self.offer(&mask, self.score(&mask), &mut best) {
                            picks = trial;
                            improved = true;
                        }
                    }
                }
                if !improved {
                    break;
                }
            }
            best.map_or(start, |best| best.mask)
        }
    }
}
