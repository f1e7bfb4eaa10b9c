#!/usr/bin/env bash
# Builds the libFuzzer target and fuzzes decoding + parsing + clean-up + wrapping +
# indexing for a given time, seeded with ../shared/corpora when it is there.
#
#   Fuzz/run.sh [SECONDS]     default 60
#
# First replays every saved finding in Fuzz/regressions/ (each must now pass), then
# fuzzes. The working corpus grows in Fuzz/corpus/ (not committed); a new finding is
# written to Fuzz/findings/ and the script exits non-zero. Prints libFuzzer's final
# "Done N runs" line, the exec count.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}

swift build -c release --sanitize=fuzzer --product marquee-fuzz >&2
fuzzer=.build/release/marquee-fuzz
mkdir -p corpus findings
# Let libFuzzer, not Swift's backtracer, handle a crash and save the input.
export SWIFT_BACKTRACE=enable=no

if compgen -G "regressions/*" >/dev/null; then
  echo "… replaying $(ls regressions | wc -l) saved findings" >&2
  "$fuzzer" regressions/* >&2
fi

seeds=()
if [ -d ../../shared/corpora ]; then
  seeds=(../../shared/corpora)
else
  echo "… ../shared/corpora is absent: fuzzing from Resources/articles only" >&2
  seeds=(../Resources/articles)
fi
echo "… fuzzing for $seconds s" >&2
log=findings/last-run.log
status=0
"$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=findings/ -print_final_stats=1 corpus "${seeds[@]}" >"$log" 2>&1 ||
  status=$?
grep -E "^Done|^stat::number_of_executed_units|ERROR|SUMMARY|Test unit written|fuzz check failed" "$log" || true
if [ "$status" -ne 0 ] || compgen -G "findings/crash-*" >/dev/null ||
  compgen -G "findings/timeout-*" >/dev/null || compgen -G "findings/oom-*" >/dev/null; then
  echo "fuzzing found a problem: see Fuzz/findings/ and $log" >&2
  exit 1
fi
