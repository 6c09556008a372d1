#!/usr/bin/env bash
# Recsys quality gate: LightFM's MovieLens 100k protocol (ua split, ratings >= 4, 30 components, lr 0.05, AdaGrad,
# 30 epochs, no regularisation, train positives excluded) through the CLI, one deterministic thread, seed 42.
# Fails when P@10 or AUC of any configuration drops below the floors promised in docs/recsys.md.
# Usage: .ci/evals/recsys.sh <shared data dir containing ml-100k/>
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${1:?usage: recsys.sh <data dir>}/ml-100k"
if [ ! -f "$data/ua.base" ]; then echo "recsys eval: $data/ua.base not found" >&2; exit 1; fi
fail=0
check() { # name, P@10 floor, AUC floor, extra args...
  local name="$1" pfloor="$2" afloor="$3"; shift 3
  local json
  json="$(./finrec recsys eval --movielens "$data" --split ua --min-rating 4 --components 30 --epochs 30 --lr 0.05 \
          --schedule adagrad --threads 1 --seed 42 --quiet "$@")"
  python3 - "$name" "$pfloor" "$afloor" "$json" <<'PY' || fail=1
import json, sys
name, pf, af, raw = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
j = json.loads(raw)
ok = j["precision"] >= pf and j["auc"] >= af
print(f"recsys eval {name:14s} P@10={j['precision']:.4f} (floor {pf}) AUC={j['auc']:.4f} (floor {af}) "
      f"MRR={j['mrr']:.4f} epoch median={j['secondsPerEpochMedian']:.4f}s {'ok' if ok else 'BELOW FLOOR'}")
sys.exit(0 if ok else 1)
PY
}
check warp        0.130 0.925 --loss warp
check bpr         0.095 0.850 --loss bpr
check warp-kos    0.120 0.895 --loss warp-kos
check warp+genres 0.130 0.925 --loss warp --item-features genres
if [ "$fail" != 0 ]; then echo "recsys eval: FAILED" >&2; exit 1; fi
echo "recsys eval: passed"
