#!/usr/bin/env bash
# make fuzz: runs each fuzz target (tests/fuzz) for FUZZ_SECONDS seconds (60 by default) and prints
# its executions and crashes. Seeds are in tests/fuzz/corpus/<target>/ (kept clean); what the fuzzer
# learns goes to target/fuzz-corpus/<target>/, crashes to tests/fuzz/artifacts/<target>/.
# FUZZ_TARGETS picks targets. Exits 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"callback token_response catalogue stored_files"}
jobs=${JOBS:-2}

cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked -j"$jobs"
# libFuzzer needs nightly's sanitizer flags; where no nightly toolchain is installed (none can be
# downloaded on some machines), stable with RUSTC_BOOTSTRAP does the same.
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
  toolchain=()
fi

failed=0
printf '%-16s %14s %10s %8s\n' target executions "exec/s" crashes
for t in $targets; do
  work="target/fuzz-corpus/$t"
  mkdir -p "$work" "tests/fuzz/artifacts/$t"
  before=$(find "tests/fuzz/artifacts/$t" -type f | wc -l)
  log=$(mktemp)
  status=0
  cargo "${toolchain[@]}" fuzz run --fuzz-dir tests/fuzz -j"$jobs" "$t" "$work" "tests/fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1 || status=$?
  # One process prints final stats; with -j (libFuzzer's fork mode) the last progress line counts.
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}' | tail -1 || true)
  [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tr -d '#' | tail -1 || true)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | awk '{print $2}' | tail -1 || true)
  [ -n "$rate" ] || rate=$(grep -o 'exec/s: *[0-9]*' "$log" | awk '{print $2}' | tail -1 || true)
  after=$(find "tests/fuzz/artifacts/$t" -type f | wc -l)
  crashes=$((after - before))
  printf '%-16s %14s %10s %8s\n' "$t" "${runs:-?}" "${rate:-?}" "$crashes"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    echo "--- $t failed (exit $status); the end of its log:" >&2
    tail -40 "$log" >&2
  fi
  rm -f "$log"
done
exit "$failed"
