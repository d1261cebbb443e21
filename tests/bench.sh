#!/usr/bin/env bash
# One-command benchmark of `reglam check` (and `reglam build` when it exists) on generated
# regulations. Usage: bash tests/bench.sh [RUNS]   (RUNS: repetitions per figure, default 3)
# Figures are medians of RUNS runs; see docs/performance.md for what they mean.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
WORK=${BENCH_DIR:-$(mktemp -d -t reglam-bench.XXXXXX)}
trap 'rm -rf "$WORK"' EXIT
cargo build --release -q -p reglam-cli -p reglam-gen
REGLAM=$PWD/target/release/reglam
GEN=$PWD/target/release/reglam-gen

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run_timed CMD...: prints "seconds peak_kb" of one run (GNU time; exit code 1 = findings is fine).
run_timed() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>&1 || true
  tail -1 "$WORK/time"
}

# measure LABEL CMD...: medians of RUNS runs; sets SEC and KB.
measure() {
  local label=$1; shift
  : >"$WORK/runs"
  for _ in $(seq "$RUNS"); do run_timed "$@" >>"$WORK/runs"; done
  SEC=$(cut -d' ' -f1 "$WORK/runs" | median)
  KB=$(cut -d' ' -f2 "$WORK/runs" | median)
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GB RAM; runs per figure: $RUNS (medians)"
printf '%-28s %8s %11s %9s %8s %9s %8s %10s %8s\n' case files bytes steps "check_s" "peak_MB" "MB/s" "steps/s" "cat_s"

corpus_row() { # corpus_row COUNT
  local n=$1 dir=$WORK/c$1
  local stats; stats=$("$GEN" corpus --count "$n" --seed 1 --out "$dir")
  local bytes steps; bytes=$(awk '{print $4}' <<<"$stats"); steps=$(awk '{print $6}' <<<"$stats")
  # The floor: reading the same bytes, file by file, to /dev/null.
  measure cat sh -c "find '$dir' -name '*.reglam' -print0 | xargs -0 cat >/dev/null"
  local cat_s=$SEC
  measure check "$REGLAM" check "$dir"
  printf '%-28s %8d %11d %9d %8.2f %9.0f %8.1f %10.0f %8.2f\n' "check corpus $n" "$n" "$bytes" "$steps" \
    "$SEC" "$(echo "$KB/1024" | bc -l)" "$(echo "$bytes/1048576/$SEC" | bc -l)" "$(echo "$steps/$SEC" | bc -l)" "$cat_s"
  echo "$n $SEC" >>"$WORK/growth"
  if [ "${BENCH_BUILD:-yes}" != no ] && "$REGLAM" --help 2>/dev/null | grep -q '^  build'; then
    measure build "$REGLAM" build "$dir" --out "$WORK/out$n" --no-svg
    printf '%-28s %8d %11d %9d %8.2f %9.0f %8.1f %10.0f %8s\n' "build corpus $n (no SVG)" "$n" "$bytes" "$steps" \
      "$SEC" "$(echo "$KB/1024" | bc -l)" "$(echo "$bytes/1048576/$SEC" | bc -l)" "$(echo "$steps/$SEC" | bc -l)" "-"
    rm -rf "$WORK/out$n"
  fi
  rm -rf "$dir"
}

single_row() { # single_row LABEL GEN-ARGS...
  local label=$1; shift
  local f=$WORK/single.reglam
  "$GEN" "$@" --out "$f"
  local bytes steps; bytes=$(stat -c %s "$f"); steps=$(grep -cE '^\s*(step|check|wait) ' "$f")
  measure "$label" "$REGLAM" check "$f"
  SEC=$(awk -v s="$SEC" 'BEGIN {print (s < 0.005 ? 0.005 : s)}')  # GNU time has 10 ms resolution
  printf '%-28s %8d %11d %9d %8.3f %9.0f %8.1f %10.0f %8s\n' "$label" 1 "$bytes" "$steps" \
    "$SEC" "$(echo "$KB/1024" | bc -l)" "$(echo "$bytes/1048576/$SEC" | bc -l)" "$(echo "$steps/$SEC" | bc -l)" "-"
}

: >"$WORK/growth"
for n in ${BENCH_SIZES-1000 10000}; do corpus_row "$n"; done
# 100,000 regulations: memory is bounded (check works part by part); they need ~1.2 GB of disk
# and a few minutes, so they run when the disk has room (BENCH_100K=yes|no overrides).
avail_disk_kb=$(df -Pk "$WORK" | awk 'NR==2 {print $4}')
if [ "${BENCH_100K:-auto}" = yes ] || { [ "${BENCH_100K:-auto}" = auto ] && [ "$avail_disk_kb" -gt 3000000 ]; }; then
  BENCH_BUILD=no corpus_row 100000
else
  echo "check corpus 100000: skipped (needs ~1.2 GB of disk, $((avail_disk_kb / 1048576)) GB free; BENCH_100K=yes forces it)"
fi
single_row "one regulation, 1k steps" huge --steps 1000
single_row "one regulation, 10k steps" huge --steps 10000
single_row "40 nested conditions" nested --conditions 40

# The calendar-true audit of the bundled corpus, every working minute of each year.
for year in 2025 2026; do
  measure audit "$REGLAM" audit regulations --year "$year"
  printf '%-28s %8s %11s %9s %8.2f %9.0f\n' "audit corpus $year" "-" "-" "-" "$SEC" "$(echo "$KB/1024" | bc -l)"
done

echo
echo "growth of check time with the number of regulations (ratio to the previous size; 10.0 = linear):"
awk 'NR>1 {printf "  %d -> %d: %.2f s -> %.2f s, x%.1f\n", pn, $1, ps, $2, $2/ps} {pn=$1; ps=$2}' "$WORK/growth"
