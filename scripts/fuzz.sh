#!/usr/bin/env bash
# Bounded fuzzing with cargo-fuzz (libFuzzer) on the nightly toolchain: each target runs for
# FUZZ_SECONDS (default 60). Prints libFuzzer's execution count per target; exits non-zero on a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${FUZZ_SECONDS:-60}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/table fuzz/corpus/link fuzz/corpus/json fuzz/corpus/import
cp tests/fixtures/*.json fuzz/corpus/table/
cp tests/fixtures/*.json fuzz/corpus/json/
cp tests/fixtures/specs/petstore.*.yaml fuzz/corpus/import/
printf 'ashby_list_jobs+ashby_get_offer&comma' > fuzz/corpus/link/seed
for target in table link json import; do
  echo "== fuzz $target for ${seconds}s"
  log="fuzz/fuzz-$target.log"
  status=0
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E '^(Done|stat::number_of_executed_units)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 30 "$log"
    echo "fuzz target $target failed (exit $status); crash inputs are in fuzz/artifacts/$target"
    exit 1
  fi
done
