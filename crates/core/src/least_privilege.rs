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

#[cfg(feature = "alternatives")]
use crate::sort::sort_indices;
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
/// need only the set (the view, the exports, decoded links). Without the `alternatives` feature
/// it is the chosen actions' scope union, found directly, so the engine's wasm has no search.
///
/// ```
/// use scope_selector_core::{least_privilege::scopes_to_grant, Table};
/// let table = Table::from_json(r#"[{"id": "a", "label": "A", "scopes": ["x", "y"]}]"#).unwrap().table;
/// assert_eq!(scopes_to_grant(&table, &table.ids_to_set(["a"]).0).len(), 2);
/// ```
pub fn scopes_to_grant(table: &Table, chosen: &BitSet) -> BitSet {
    #[cfg(feature = "alternatives")]
    return least_privilege(table, chosen).scopes;
    #[cfg(not(feature = "alternatives"))]
    table.scope_union(chosen.iter())
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
#[cfg(feature = "alternatives")]
pub fn solve(table: &Table, chosen: &BitSet, key: &BitSet, method: Method) -> LeastPrivilege {
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
    let mut scopes = BitSet::new(table.scope_count());
    for scope in granted.iter().filter(|&scope| !key.contains(scope)) {
        scopes.insert(scope);
    }
    let picks = search.picks(&granted).into_iter().zip(&search.chosen).map(|(pick, &action)| (action, pick)).collect();
    LeastPrivilege { scopes, picks, exact }
}

/// [`least_to_add`] with the search chosen by `method`. Without the `alternatives` feature every
/// action has one alternative, its `scopes`: the set is the union of the chosen actions' scopes
/// (less the key's), exact, and the search is left out of the build (the engine's wasm).
#[cfg(not(feature = "alternatives"))]
pub fn solve(table: &Table, chosen: &BitSet, key: &BitSet, method: Method) -> LeastPrivilege {
    let _ = method;
    let mut scopes = table.scope_union(chosen.iter());
    key.iter().for_each(|scope| scopes.set(scope, false));
    let picks = chosen.iter().filter(|&action| action < table.len()).map(|action| (action as u32, 0)).collect();
    LeastPrivilege { scopes, picks, exact: true }
}

/// Scope ids as sorted lists, for the simplification.
#[cfg(feature = "alternatives")]
type Set = Vec<u32>;

/// Whether sorted `small` is within sorted `large`.
#[cfg(feature = "alternatives")]
fn within(small: &[u32], large: &[u32]) -> bool {
    small.iter().all(|scope| large.binary_search(scope).is_ok())
}

/// A mask over the free scopes: `words` words of bits.
#[cfg(feature = "alternatives")]
type Mask = [u64];

/// Whether every bit of `part` is in `whole` (inlined: the counting's innermost step, and the
/// release profile optimises for size).
#[cfg(feature = "alternatives")]
#[inline(always)]
fn mask_within(part: &Mask, whole: &Mask) -> bool {
    part.iter().zip(whole).all(|(part, whole)| part & !whole == 0)
}

/// A simplified choice: what is granted whatever happens, the actions still to decide with their
/// alternatives as masks over the scopes they could add ("free" scopes), and what it takes to
/// count the actions of the table a set lets run.
#[cfg(feature = "alternatives")]
struct Search<'t> {
    table: &'t Table,
    /// The chosen actions in the table, in table order.
    chosen: Vec<u32>,
    /// The key's scopes and the forced ones.
    base: BitSet,
    /// The free scopes' ids, ascending: bit `i` of a mask is scope `free[i]`.
    free: Vec<u32>,
    /// Words per mask.
    words: usize,
    /// For each undecided action (table order), its alternatives left, `words` words each.
    options: Vec<Vec<u64>>,
    /// Actions of the table `base` allows.
    fixed: usize,
    /// The actions `base` does not allow but some free scopes would.
    watchers: Watchers,
}

/// The actions of the table a set of free scopes may let run, grouped: actions whose
/// alternatives within reach have the same masks are one watcher, weighing as many actions.
/// Each mask is filed under its lowest bit, so counting what a set lets run only looks at the
/// masks filed under its own scopes.
#[cfg(feature = "alternatives")]
#[derive(Default)]
struct Watchers {
    /// The masks, `words` words each.
    masks: Vec<u64>,
    /// The watcher of each mask.
    owners: Vec<u32>,
    /// How many actions each watcher stands for.
    weights: Vec<usize>,
    /// `triggered[trigger_starts[b]..trigger_starts[b + 1]]` are the masks whose lowest bit is b.
    trigger_starts: Vec<u32>,
    triggered: Vec<u32>,
    /// For each free scope, the actions it alone would let run (their only alternative within
    /// reach needs it and nothing else free): most actions of a large table, counted without
    /// a mask.
    singles: Vec<usize>,
}

/// The actions `base` allows (counted), and the ones `base` with some of the `free` scopes
/// would allow (watched).
#[cfg(feature = "alternatives")]
fn watch(table: &Table, base: &BitSet, free: &[u32], words: usize) -> (usize, Watchers) {
    let mut bit_of = vec![u32::MAX; table.scope_count()];
    for (bit, &scope) in free.iter().enumerate() {
        if let Some(slot) = bit_of.get_mut(scope as usize) {
            *slot = bit as u32;
        }
    }
    // The lowest bit of a mask (none when it is empty).
    let lowest = |mask: &[u64]| {
        let at = mask.iter().position(|&word| word != 0)?;
        mask.get(at).map(|word| at * 64 + word.trailing_zeros() as usize)
    };
    // Each watched action's masks, back to back in `arena`, and where they are.
    let (mut fixed, mut arena, mut spans) = (0, Vec::<u64>::new(), Vec::<(usize, usize)>::new());
    let mut singles = vec![0usize; free.len()];
    'actions: for action in 0..table.len() {
        let start = arena.len();
        for set in table.alternatives(action) {
            let at = arena.len();
            arena.resize(at + words, 0);
            for &scope in set.iter().filter(|&&scope| !base.contains(scope as usize)) {
                match bit_of.get(scope as usize) {
                    Some(&bit) if bit != u32::MAX => arena[at + bit as usize / 64] |= 1 << (bit % 64),
                    // Out of reach: this alternative never applies.
                    _ => {
                        arena.truncate(at);
                        break;
                    }
                }
            }
            if arena.len() > at && arena[at..].iter().all(|&word| word == 0) {
                arena.truncate(start);
                fixed += 1;
                continue 'actions;
            }
        }
        let masks = arena.get(start..).unwrap_or_default();
        if masks.len() == words && masks.iter().map(|word| word.count_ones()).sum::<u32>() == 1 {
            // One free scope would let it run: counted by that scope, not watched.
            if let Some(single) = lowest(masks).and_then(|bit| singles.get_mut(bit)) {
                *single += 1;
            }
            arena.truncate(start);
        } else if !masks.is_empty() {
            spans.push((start, arena.len()));
        }
    }
    let masks_of = |at: u32| spans.get(at as usize).and_then(|&(start, end)| arena.get(start..end)).unwrap_or_default();
    let mut order: Vec<u32> = (0..spans.len() as u32).collect();
    sort_indices(&mut order, &mut |a, b| masks_of(a) < masks_of(b));
    let mut watchers = Watchers::default();
    let mut previous: Option<&[u64]> = None;
    for &at in &order {
        let group = masks_of(at);
        if previous == Some(group) {
            if let Some(weight) = watchers.weights.last_mut() {
                *weight += 1;
            }
            continue;
        }
        previous = Some(group);
        let owner = watchers.weights.len() as u32;
        watchers.weights.push(1);
        watchers.masks.extend_from_slice(group);
        watchers.owners.extend(std::iter::repeat_n(owner, group.len() / words));
    }
    // File each mask under its lowest bit (a counting sort; masks are never empty).
    let lowest = |mask: &[u64]| lowest(mask).unwrap_or(0);
    let mut starts = vec![0u32; free.len() + 1];
    for mask in watchers.masks.chunks(words) {
        starts[lowest(mask) + 1] += 1;
    }
    for bit in 1..starts.len() {
        starts[bit] += starts[bit - 1];
    }
    let mut next = starts.clone();
    watchers.triggered = vec![0; watchers.owners.len()];
    for (number, mask) in watchers.masks.chunks(words).enumerate() {
        let slot = &mut next[lowest(mask)];
        watchers.triggered[*slot as usize] = number as u32;
        *slot += 1;
    }
    watchers.trigger_starts = starts;
    watchers.singles = singles;
    (fixed, watchers)
}

/// A candidate's rank on the first two criteria: actions it lets run, then scopes.
#[cfg(feature = "alternatives")]
type Score = (usize, usize);

/// The best set found so far.
#[cfg(feature = "alternatives")]
struct Best {
    score: Score,
    mask: Vec<u64>,
    /// Its alternatives vector, computed when a tie needs it.
    picks: Option<Vec<u32>>,
}

#[cfg(feature = "alternatives")]
impl<'t> Search<'t> {
    fn new(table: &'t Table, chosen: &BitSet, key: &BitSet) -> Search<'t> {
        let mut base = BitSet::new(table.scope_count());
        key.iter().for_each(|scope| base.insert(scope));
        let chosen: Vec<u32> = chosen.iter().filter(|&action| action < table.len()).map(|a| a as u32).collect();
        // Actions with one alternative are granted it at once; the others wait.
        let mut pending: Vec<Vec<Set>> = Vec::new();
        for &action in &chosen {
            let action = action as usize;
            if table.alternative_count(action) == 1 {
                table.action_scopes(action).iter().for_each(|&scope| base.insert(scope as usize));
            } else {
                pending.push(table.alternatives(action).map(<[u32]>::to_vec).collect());
            }
        }
        // Simplify until nothing more is forced.
        loop {
            let mut forced = false;
            pending.retain_mut(|alternatives| {
                let rest: Vec<Set> = alternatives
                    .iter()
                    .map(|set| set.iter().copied().filter(|&scope| !base.contains(scope as usize)).collect())
                    .collect();
                if rest.iter().any(Vec::is_empty) {
                    return false;
                }
                let beaten = |j: usize| {
                    (0..rest.len())
                        .any(|k| k != j && within(&rest[k], &rest[j]) && (rest[k].len() < rest[j].len() || k < j))
                };
                let kept: Vec<Set> =
                    (0..rest.len()).filter(|&j| !beaten(j)).filter_map(|j| rest.get(j).cloned()).collect();
                if let [only] = kept.as_slice() {
                    only.iter().for_each(|&scope| base.insert(scope as usize));
                    forced = true;
                    return false;
                }
                *alternatives = kept;
                true
            });
            if !forced {
                break;
            }
        }
        // Ascending and once each, through a set (no sort: the wasm links the core's only one).
        let mut free = BitSet::new(table.scope_count());
        pending.iter().flatten().flatten().for_each(|&scope| free.insert(scope as usize));
        let free: Vec<u32> = free.iter().map(|scope| scope as u32).collect();
        let words = free.len().div_ceil(64).max(1);
        let mask_of = |set: &[u32]| {
            let mut mask = vec![0u64; words];
            for scope in set {
                if let Ok(bit) = free.binary_search(scope) {
                    mask[bit / 64] |= 1 << (bit % 64);
                }
            }
            mask
        };
        let options: Vec<Vec<u64>> =
            pending.iter().map(|alternatives| alternatives.iter().flat_map(|set| mask_of(set)).collect()).collect();
        // Nothing left to decide (always so without alternatives): the set is `base`, and what
        // it lets run need not be counted, which spares a scan of the table.
        let (fixed, watchers) =
            if options.is_empty() { (0, Watchers::default()) } else { watch(table, &base, &free, words) };
        Search { table, chosen, base, free, words, options, fixed, watchers }
    }

    /// Actions the set `base` + `mask` lets run, and its number of scopes.
    fn score(&self, mask: &Mask) -> Score {
        let watchers = &self.watchers;
        let mut counted = vec![false; watchers.weights.len()];
        let mut count = self.fixed;
        for (at, &word) in mask.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                let bit = at * 64 + rest.trailing_zeros() as usize;
                rest &= rest - 1;
                count += watchers.singles.get(bit).copied().unwrap_or(0);
                let (Some(&start), Some(&end)) =
                    (watchers.trigger_starts.get(bit), watchers.trigger_starts.get(bit + 1))
                else {
                    continue;
                };
                for &number in watchers.triggered.get(start as usize..end as usize).unwrap_or_default() {
                    let number = number as usize;
                    let owner = watchers.owners.get(number).map_or(0, |&owner| owner as usize);
                    let part = watchers.masks.get(number * self.words..(number + 1) * self.words).unwrap_or_default();
                    if counted.get(owner) == Some(&false) && mask_within(part, mask) {
                        counted[owner] = true;
                        count += watchers.weights.get(owner).copied().unwrap_or(0);
                    }
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
            if mask.get(bit / 64).is_some_and(|word| word & (1 << (bit % 64)) != 0) {
                granted.insert(scope as usize);
            }
        }
        granted
    }

    /// Each chosen action's earliest alternative within `granted` (the last one if none is, which
    /// a set the search returns never leaves).
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
        match best {
            Some(held) if score > held.score => false,
            Some(held) if score == held.score => {
                let picks = self.picks(&self.granted(mask));
                let held_picks = held.picks.get_or_insert_with(|| self.picks(&self.granted(&held.mask)));
                let better = picks < *held_picks;
                if better {
                    *best = Some(Best { score, mask: mask.to_vec(), picks: Some(picks) });
                }
                better
            }
            _ => {
                *best = Some(Best { score, mask: mask.to_vec(), picks: None });
                true
            }
        }
    }

    /// Every combination, depth first, cutting branches that already rank after the best.
    fn exhaustive(&self) -> Vec<u64> {
        let mut best = None;
        self.descend(0, &vec![0; self.words], &mut best);
        best.map(|best| best.mask).unwrap_or_else(|| vec![0; self.words])
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
        if options.chunks(self.words).any(|option| mask_within(option, mask)) {
            return self.descend(depth + 1, mask, best);
        }
        let mut next = vec![0; self.words];
        for option in options.chunks(self.words) {
            next.iter_mut().zip(mask.iter().zip(option)).for_each(|(next, (a, b))| *next = a | b);
            self.descend(depth + 1, &next, best);
        }
    }

    /// The set the alternatives `picks` (one per undecided action) need, each action then moved
    /// to its earliest alternative within it, until that changes nothing.
    fn settle(&self, picks: &mut [usize]) -> Vec<u64> {
        let mut mask = vec![0; self.words];
        loop {
            let mut union = vec![0; self.words];
            for (options, &pick) in self.options.iter().zip(picks.iter()) {
                if let Some(option) = options.chunks(self.words).nth(pick) {
                    union.iter_mut().zip(option).for_each(|(union, bits)| *union |= bits);
                }
            }
            if union == mask {
                return mask;
            }
            mask = union;
            for (options, pick) in self.options.iter().zip(picks.iter_mut()) {
                if let Some(earliest) = options.chunks(self.words).position(|option| mask_within(option, &mask)) {
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
            let candidates = options.chunks(self.words).enumerate().map(|(at, option)| {
                let with: Vec<u64> = mask.iter().zip(option).map(|(a, b)| a | b).collect();
                (self.score(&with), at, with)
            });
            let best = candidates.min_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
            if let Some((_, at, with)) = best {
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
                let count = self.options.get(action).map_or(0, |options| options.len() / self.words);
                for option in 0..count {
                    if picks.get(action) == Some(&option) {
                        continue;
                    }
                    let mut trial = picks.clone();
                    trial[action] = option;
                    let mask = self.settle(&mut trial);
                    // A set holding the best one lets as many actions run and has as many scopes
                    // or more (the same set: the same picks): not better, and not counted.
                    if best.as_ref().is_some_and(|best| mask_within(&best.mask, &mask)) {
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
        best.map(|best| best.mask).unwrap_or(start)
    }
}
