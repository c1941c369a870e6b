#!/usr/bin/env bash
# A build without the `demo` feature must not depend on the provider simulator: no product crate
# (the window, the command line, the core) may have plugboard-sim among its normal dependencies.
# Test tools (tests/, e.g. the benchmark driver) may.
set -euo pipefail
cd "$(dirname "$0")/.."
for product in plugboard plugboard-cli plugboard-core; do
  if cargo tree -p "$product" -e normal --prefix none --format '{p}' 2>/dev/null | grep -q '^plugboard-sim '; then
    echo "The simulator is a normal dependency of $product (it must only come with --features demo)" >&2
    exit 1
  fi
done
echo "Release dependency check: no product crate depends on plugboard-sim without the demo feature."
