#!/usr/bin/env bash
# A build without the `demo` feature must not depend on the provider simulator: no product crate
# (the window, the command line, the core) may have plugboard-sim among its normal dependencies.
# The simulator lives among the product's crates (src-tauri/sim) because demo builds ship it; test
# tools (tests/, e.g. the benchmark driver) depend on it freely.
#
# The check proves it can see the simulator: with the demo feature each product crate must list it
# (otherwise a renamed crate or a failing `cargo tree` would let the check pass without looking);
# the front ends get it through the core's demo feature (src-tauri/core/src/demo.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
depends_on_sim() { # crate, extra cargo-tree arguments…
  local tree
  tree=$(cargo tree -p "$1" -e normal --prefix none --format '{p}' "${@:2}") || {
    echo "cargo tree failed for $1" >&2
    exit 2
  }
  grep -q '^plugboard-sim ' <<<"$tree"
}
for product in plugboard plugboard-cli plugboard-core; do
  if depends_on_sim "$product"; then
    echo "The simulator is a normal dependency of $product (it must only come with --features demo)" >&2
    exit 1
  fi
done
for product in plugboard plugboard-cli plugboard-core; do
  if ! depends_on_sim "$product" --features "$product/demo"; then
    echo "With --features demo, $product does not list plugboard-sim: this check cannot see it" >&2
    exit 1
  fi
done
echo "Release dependency check: no product crate depends on plugboard-sim without the demo feature."
