#!/usr/bin/env bash
# The build the bench compares against (bench/run.mjs measures it beside this one): version 0.2,
# the last commit of the widget's web-sys module, its extras' module and the helpers' module built
# for speed, checked out into target/bench-old/ (a detached git worktree) and built there by its
# own scripts/build.sh, with this checkout's npm packages (the same devDependencies) linked in.
# Skipped when target/bench-old/ already holds that commit's build; rebuilt when OLD_COMMIT changes.
set -euo pipefail
cd "$(dirname "$0")/.."

OLD_COMMIT=1f8e56cb906d5fbdd40214051c00fbd3c6bad2fb
dir=target/bench-old
stamp="$dir/.bench-built"

say() { printf '[bench old-build] %s\n' "$*"; }
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$OLD_COMMIT" ] && [ -f "$dir/www/dist/pkg/scope_selector_bg.wasm" ]; then
  say "$dir holds the build of $OLD_COMMIT"
  exit 0
fi

if [ -d "$dir/.git" ] || [ -f "$dir/.git" ]; then
  say "checking out $OLD_COMMIT in $dir"
  git -C "$dir" checkout --quiet --force --detach "$OLD_COMMIT"
else
  say "adding a worktree of $OLD_COMMIT at $dir"
  rm -rf "$dir"
  git worktree prune
  mkdir -p "$(dirname "$dir")"
  git worktree add --quiet --detach "$dir" "$OLD_COMMIT"
fi
rm -f "$stamp"
# The same devDependencies (esbuild, binaryen's wasm-opt, typescript) as this checkout: no npm ci.
ln -sfn "$(realpath node_modules)" "$dir/node_modules"
say "building (its own scripts/build.sh; a few minutes the first time)"
bash "$dir/scripts/build.sh"
echo "$OLD_COMMIT" > "$stamp"
