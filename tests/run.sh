#!/usr/bin/env bash
# Installs what the tests need and runs every test. The README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "tools"
# The calendar's cross-check compares with the Python `holidays` package (pinned).
if ! python3 -c 'import holidays' 2>/dev/null || \
   [ "$(python3 -c 'import holidays; print(holidays.__version__)')" != "$(sed -n 's/^holidays==//p' tests/requirements.txt)" ]; then
  python3 -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
fi
python3 -c 'import holidays; print("holidays", holidays.__version__)'
# The emitter tests render every corpus diagram with Graphviz, in DejaVu Sans (Cyrillic + Kazakh).
if ! command -v dot >/dev/null 2>&1 || [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  apt-get update -qq && apt-get install -y -qq graphviz fonts-dejavu-core
fi
# The interchange tests validate BPMN against the official XSDs with xmllint, and run SCXML and
# BPMN in the npm tools pinned in tests/interchange/package-lock.json.
if ! command -v xmllint >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq libxml2-utils
fi
if ! cmp -s tests/interchange/package-lock.json tests/interchange/node_modules/.reglam-lock; then
  npm ci --prefix tests/interchange --no-audit --no-fund --loglevel=error
  cp tests/interchange/package-lock.json tests/interchange/node_modules/.reglam-lock
fi

step "format"
cargo fmt --all -- --check

step "lint"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "fuzz targets"
# fuzz/ is its own workspace (own lock file); building its targets on stable keeps them in step
# with the crates, while running them (tests/fuzz.sh) needs nightly and libFuzzer.
cargo build --manifest-path fuzz/Cargo.toml --bins --quiet

step "tests"
# The importer's score floors read the seed acts beside the checkout, when they are there.
if [ -z "${REGLAM_SEEDS:-}" ] && [ -d ../shared/seeds ]; then
  REGLAM_SEEDS="$(cd ../shared/seeds && pwd)"
  export REGLAM_SEEDS
fi
# CI=true makes insta fail on a missing snapshot instead of writing one.
CI="${CI:-true}" cargo test --workspace --quiet 2>&1 | tee target/test-output.txt | grep -Ev '^\s*$' | tail -n 80
status=${PIPESTATUS[0]}
passed=$(grep -Eo '^test result: ok\. [0-9]+ passed' target/test-output.txt | awk '{s+=$4} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' target/test-output.txt | awk '{s+=$1} END {print s+0}')
echo "$passed passed, $failed failed"
exit "$status"
