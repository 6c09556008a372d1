#!/usr/bin/env bash
# The bank app's offline evaluation (docs/bank-app.md): on the built-in bank (it needs no shared data; $1 is
# ignored), the hybrid recommender must beat popularity on a time split by the margin the docs promise.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
FINREC_PROGRESS=none ./finrec evaluate --db "$tmp/bank.db" --k 5 --min-lift 1.6
