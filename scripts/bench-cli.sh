#!/usr/bin/env bash
# Measures the command line as a developer's shell feels it: wall time per run of `plugboard
# providers` (no keychain, no network) and `plugboard status --json` (one keychain probe, index read),
# averaged over N runs, and the peak memory of one `status`. Runs inside tests/session.sh, so it
# uses a private keychain and empty folders. Prints; asserts nothing (the machines are noisy).
# Usage: scripts/bench-cli.sh [N]   (make bench-cli)
set -euo pipefail
n="${1:-20}"
bin="${PLUGBOARD_BIN:-target/debug/plugboard}"
per_run() {
  local start end
  "$bin" "$@" >/dev/null
  start=$(date +%s%N)
  for _ in $(seq "$n"); do "$bin" "$@" >/dev/null; done
  end=$(date +%s%N)
  echo "plugboard $*: $(( (end - start) / n / 1000000 )) ms per run (mean of $n, $bin)"
}
per_run providers
per_run status --json
if [ -x /usr/bin/time ]; then
  rss=$(/usr/bin/time -f '%M' "$bin" status 2>&1 >/dev/null | tail -1)
  echo "plugboard status: peak RSS ${rss} KiB"
else
  echo "plugboard status: peak RSS not measured (no /usr/bin/time; apt install time)"
fi
