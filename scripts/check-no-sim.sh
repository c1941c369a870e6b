#!/usr/bin/env bash
# A build without the `demo` feature must not depend on the provider simulator: no product crate
# may appear among plugboard-sim's normal (non-dev) dependents.
set -euo pipefail
cd "$(dirname "$0")/.."
dependents=$(cargo tree --workspace -e normal -i plugboard-sim --prefix none --format '{p}' 2>/dev/null \
  | awk '{print $1}' | sort -u | grep -v '^plugboard-sim$' || true)
if [ -n "$dependents" ]; then
  echo "The simulator is a normal dependency of: $dependents (it must only come with --features demo)" >&2
  exit 1
fi
echo "Release dependency check: no product crate depends on plugboard-sim without the demo feature."
