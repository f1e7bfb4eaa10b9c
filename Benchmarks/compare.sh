#!/usr/bin/env bash
# Puts marquee-bench's figures next to general tools on the same generated corpus:
# `cat` of every file, `rg -l -i WORD`, and SQLite FTS5 (in memory, title + body, from
# python3). Prints ratios, marquee's time divided by the other tool's, because bare times
# only mean something on the machine that took them.
#
#   Benchmarks/compare.sh [ARTICLES]      default 10000
#   Benchmarks/compare.sh DIR             a corpus marquee-bench --keep left (kept)
#
# Builds marquee-bench in release mode, generates the corpus with --keep, and removes it
# at the end. Page cache warm for everyone: the corpus has just been written (or read).
# Also times marquee's first start with and without writing its cache, and its second
# start from the cache, against `cat` and against SQLite FTS5 opened from disk.
set -euo pipefail
cd "$(dirname "$0")"

size=${1:-10000}
given=""
if [ -d "$size" ]; then given=$(cd "$size" && pwd); fi
# The words timed with ripgrep: common, Zipf-middle, rare, the rarest, absent.
rg_words=(premiere zubo porfol shousbrousprioxfliond quixotry)

if ! command -v rg >/dev/null 2>&1; then
  echo "Installing ripgrep" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null
fi

swift build -c release >&2
(cd .. && swift build -c release --product marquee >&2)
work=$(mktemp -d)
corpus=""
cleanup() {
  rm -rf "$work"
  if [ -n "$corpus" ]; then rm -rf "$corpus"; fi
}
trap cleanup EXIT

if [ -n "$given" ]; then
  # The ratios are with a warm page cache: a kept corpus is read once first (one that
  # marquee-bench writes is warm already). Past the page cache's size, nothing is warm.
  find "$given" -type f -name '*.txt' -print0 | xargs -0 cat >/dev/null
  .build/release/marquee-bench --corpus "$given" --machine >"$work/marquee.tsv"
else
  .build/release/marquee-bench --articles "$size" --keep --machine >"$work/marquee.tsv"
  corpus=$(awk -F'\t' '$1 == "bench" && $3 == "corpus" { print $4 }' "$work/marquee.tsv")
fi
# The corpus measured; only a generated one (`corpus`) is removed at the end.
target=${given:-$corpus}
bench() { awk -F'\t' -v key="$1" '$1 == "bench" && $3 == key { print $4 }' "$work/marquee.tsv"; }
marquee_query() {  # median ms and hits of one marquee-bench query
  awk -F'\t' -v q="$1" '$1 == "query" && $5 == q { print $3 "\t" $4 }' "$work/marquee.tsv"
}

sum() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.9f\n", a + b }'; }

# Median wall time in seconds of running "$@" three times.
median3() {
  local times=()
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null || true  # rg exits 1 when nothing matches
    end=$(date +%s.%N)
    times+=("$(awk -v a="$end" -v b="$start" 'BEGIN { printf "%.6f\n", a - b }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 2p
}

cat_all() { find "$target" -type f -name '*.txt' -print0 | xargs -0 cat; }
echo "… timing cat, rg and FTS5 on $target" >&2
cat_s=$(median3 cat_all)
declare -A rg_s rg_hits
for word in "${rg_words[@]}"; do
  rg_s[$word]=$(median3 rg -l -i "$word" "$target")
  rg_hits[$word]=$( (rg -l -i "$word" "$target" || true) | wc -l)
done
python3 fts5.py "$target" >"$work/fts5.tsv"
echo "… timing marquee's first and second start" >&2
python3 second-start.py ../.build/release/marquee "$target" >"$work/start.tsv"
start() { awk -F'\t' -v key="$1" '$1 == "start" && $2 == key { print $3 }' "$work/start.tsv"; }
disk() { awk -F'\t' -v key="$1" '$1 == "disk" && $2 == key { print $3 }' "$work/fts5.tsv"; }
echo "… timing the reader's first frame" >&2
IFS=$'\t' read -r _ first_ms first_max_ms < <(python3 first-frame.py ../.build/release/marquee "$target" 5)
fts() { awk -F'\t' -v key="$1" '$1 == "build" && $2 == key { print $3 }' "$work/fts5.tsv"; }

# "12.3× slower" or "45× faster": marquee's figure against the other tool's.
ratio() {
  python3 -c '
import sys
m, o = float(sys.argv[1]), float(sys.argv[2])
r = m / o if o > 0 else float("inf")
def fmt(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}"
print(f"{fmt(r)}× slower" if r >= 1 else f"{fmt(1 / r)}× faster")' "$1" "$2"
}

load=$(bench load_s)
index=$(bench index_s)
megabytes=$(awk -v b="$(bench bytes)" 'BEGIN { printf "%.0f", b / 1e6 }')
echo "compare.sh: $(bench files) articles, $megabytes MB, $(nproc) cores;" \
  "ratios are marquee ÷ the other tool (warm page cache)"
echo
echo "| marquee | against | ratio |"
echo "|---|---|---:|"
echo "| load + parse | \`cat\` of every file | $(ratio "$load" "$cat_s") |"
echo "| load + parse | python3 reading every file | $(ratio "$load" "$(fts read_s)") |"
echo "| index build | FTS5 build (insert title + body) | $(ratio "$index" "$(fts insert_s)") |"
echo "| load + parse + index | python3 read + FTS5 build |" \
  "$(ratio "$(sum "$load" "$index")" "$(sum "$(fts read_s)" "$(fts insert_s)")") |"
memory=$(ratio "$(bench peak_rss_bytes)" "$(fts peak_rss_bytes)" | sed 's/slower/more/; s/faster/less/')
echo "| peak RSS | python3 + FTS5 peak RSS | $memory |"
echo "| load + parse + index | \`cat\` of every file | $(ratio "$(sum "$load" "$index")" "$cat_s") |"
text_bytes=$(bench bytes)
times_text() { awk -v a="$1" -v b="$text_bytes" 'BEGIN { printf "%.2f× the text", a / b }'; }
echo
echo "First and second start (\`marquee search premiere --limit 10\`, whole process, median of 3):"
echo
echo "| marquee | against | ratio |"
echo "|---|---|---:|"
echo "| first start, writing the cache | first start with \`--no-cache\` | $(ratio "$(start write_s)" "$(start nocache_s)") |"
echo "| first start, writing the cache | \`cat\` of every file | $(ratio "$(start write_s)" "$cat_s") |"
echo "| first start's peak RSS, writing the cache / with \`--no-cache\` | the text | $(times_text "$(start write_rss_bytes)") / $(times_text "$(start nocache_rss_bytes)") |"
echo "| **second start** (from the cache) | \`cat\` of every file | $(ratio "$(start second_s)" "$cat_s") |"
echo "| second start's peak RSS | the text | $(times_text "$(start second_rss_bytes)") |"
echo "| second start | FTS5 from disk: open + first query (\`premiere\`), python3 | $(ratio "$(start second_s)" "$(disk first_query_s)") |"
memory=$(ratio "$(start second_rss_bytes)" "$(disk first_query_rss_bytes)" | sed 's/slower/more/; s/faster/less/')
echo "| second start's peak RSS | FTS5 from disk's | $memory |"
echo
echo "Reader's first frame (first-frame.py, 5 runs): median $first_ms ms, slowest $first_max_ms ms;"
echo "key → frame p99: browsing $(bench browse_key_p99_ms) ms, typing a search $(bench search_key_p99_ms) ms (its hits follow in $(bench search_answer_p99_ms) ms, off the key's path)."
echo "  the slowest key at its fastest round: browsing $(bench browse_key_fastest_max_ms) ms, typing $(bench search_key_fastest_max_ms) ms; a fixed 1 ms of work timed as often: p50 $(bench jitter_p50_ms) ms, p99 $(bench jitter_p99_ms) ms (the machine's own spread)."
echo
echo "| query | marquee hits | vs \`rg -l -i\` (files) | vs FTS5 (hits) |"
echo "|---|---:|---:|---:|"
while IFS=$'\t' read -r kind query fts_ms fts_hits; do
  [ "$kind" = query ] || continue
  IFS=$'\t' read -r m_ms m_hits < <(marquee_query "$query")
  rg_cell="—"
  if [ -n "${rg_s[$query]:-}" ]; then
    rg_ms=$(awk -v s="${rg_s[$query]}" 'BEGIN { printf "%.6f\n", s * 1000 }')
    rg_cell="$(ratio "$m_ms" "$rg_ms") (${rg_hits[$query]})"
  fi
  echo "| \`$query\` | $m_hits | $rg_cell | $(ratio "$m_ms" "$fts_ms") ($fts_hits) |"
done <"$work/fts5.tsv"
