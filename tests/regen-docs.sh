#!/usr/bin/env bash
# Regenerates the diagram the README shows. With --print, writes it to stdout instead (the test
# that keeps the committed file current uses that).
set -euo pipefail
cd "$(dirname "$0")/.."
reglam=${REGLAM:-target/debug/reglam}
[ -x "$reglam" ] || cargo build -q -p reglam-cli
svg() {
  "$reglam" emit dot regulations/atyrau-2015-293/01-oralman_status.reglam --root regulations --channel state_corp --lang ru | dot -Tsvg
}
if [ "${1:-}" = "--print" ]; then
  svg
else
  svg > docs/images/oralman-state-corporation.svg.tmp
  mv docs/images/oralman-state-corporation.svg.tmp docs/images/oralman-state-corporation.svg
  echo "wrote docs/images/oralman-state-corporation.svg"
fi
