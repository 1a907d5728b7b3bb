#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time and says how many inputs it
# tried and whether it found a crash.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60, all four)
#
# cargo-fuzz needs nightly compiler flags; on a stable toolchain this sets
# RUSTC_BOOTSTRAP=1 to allow them (install cargo-fuzz with
# `cargo install cargo-fuzz`). New inputs go to fuzz/corpus/TARGET (not
# committed); the seeds in fuzz/seeds/TARGET are only read. A crash leaves
# its input in fuzz/artifacts/TARGET: fix it, then keep the input under
# tests/data/fuzz/TARGET/, where `cargo test --test fuzz` replays it.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(bundle sealed json query)
fi

export RUSTC_BOOTSTRAP=1
cargo fuzz build -O

mkdir -p logs
failed=0
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  log="logs/$target.log"
  if cargo fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      >"$log" 2>&1; then
    outcome="no crash"
  else
    outcome="CRASH: see $log and artifacts/$target/"
    failed=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  echo "$target: ${runs:-?} executions in ${seconds}s, $outcome"
done
exit "$failed"
