#!/usr/bin/env bash
# make bench: install wrk if missing, then measure and write bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
exec .venv/bin/python -m bench.bench "$@"
