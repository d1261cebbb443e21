#!/usr/bin/env bash
# Runs the fuzz targets for a set time, seeded with the corpus regulations.
# Usage: bash tests/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]   (default: 300 s; every target)
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Crashes are saved
# under fuzz/artifacts/TARGET/; each one found becomes a test in
# crates/reglam-cli/tests/cli/ (a module beside the other CLI tests).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECS=${1:-300}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(parse pipeline run loader)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
for t in "${TARGETS[@]}"; do
  seeds=corpus/$t
  mkdir -p "$seeds"
  # The bundled regulations and the language examples as seeds (copied, never changed).
  find ../regulations -name '*.reglam' -exec cp {} "$seeds"/ \;
  echo "== $t: ${SECS}s"
  cargo +nightly fuzz run "$t" "$seeds" -- -max_total_time="$SECS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 2>&1 | tail -n 25
done
