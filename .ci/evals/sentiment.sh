#!/usr/bin/env bash
# Sentiment quality gates (docs/sentiment.md), run by .ci/run with the shared data directory as $1:
#  1. VADER: every sentence of $1/vader/vader_sample.jsonl matches the original Python vaderSentiment 3.3.2
#     (compound within 1e-4, neg/neu/pos within 1e-3);
#  2. the shipped learned finance models on $1/sentiment/test.csv: accuracy and macro-F1 at least the floors below
#     (set a little under the measured figures to absorb noise; see the docs): the fine-tuned transformer
#     (--engine learned) and the fast TF-IDF model (--engine learned-fast).
set -euo pipefail
data="${1:?usage: sentiment.sh <shared data dir>}"
cd "$(dirname "$0")/../.."
MIN_ACCURACY=0.86
MIN_MACRO_F1=0.82
FAST_MIN_ACCURACY=0.80
FAST_MIN_MACRO_F1=0.73
echo "-- VADER exactness on $data/vader/vader_sample.jsonl"
./finrec sentiment check-vader --golden "$data/vader/vader_sample.jsonl" | tail -n 5
echo "-- fine-tuned transformer sentiment on $data/sentiment/test.csv (floors: accuracy $MIN_ACCURACY, macro-F1 $MIN_MACRO_F1)"
./finrec sentiment eval --engine learned --test "$data/sentiment/test.csv" --min-accuracy "$MIN_ACCURACY" --min-macro-f1 "$MIN_MACRO_F1"
echo "-- fast TF-IDF finance sentiment on $data/sentiment/test.csv (floors: accuracy $FAST_MIN_ACCURACY, macro-F1 $FAST_MIN_MACRO_F1)"
./finrec sentiment eval --engine learned-fast --test "$data/sentiment/test.csv" --min-accuracy "$FAST_MIN_ACCURACY" --min-macro-f1 "$FAST_MIN_MACRO_F1"
