#!/usr/bin/env bash
# Runs both AEB benches on a release build: the HTML extractor table, then the text
# cleaner table. Data comes from ../shared/data/aeb (override with PARALLAX_SHARED).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo run --release -q -p parallax-bench-aeb --bin aeb -- "$@"
echo
cargo run --release -q -p parallax-bench-aeb --bin aeb-text
