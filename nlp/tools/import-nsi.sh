#!/usr/bin/env bash
# Regenerates nlp/src/main/resources/io/finrec/nlp/categorize/merchants-nsi.txt (and merchants-nsi.LICENSE.md beside
# it) from OpenStreetMap's name-suggestion-index (npm package `name-suggestion-index`, BSD 3-Clause).
# Dev-time only: fetches the package with `npm pack` into a temporary directory, then runs the importer
# (io.finrec.nlp.categorize.knowledge.NsiImport, nlp test scope: it reuses the directory parser, the cue lexicon, the
# places gazetteer and the MiniLM vocabulary of the nlp module). Nothing downloads at run time.
# Usage: nlp/tools/import-nsi.sh [VERSION]        (default: the version the committed file was generated from)
set -euo pipefail
cd "$(dirname "$0")/../.."
res=nlp/src/main/resources/io/finrec/nlp/categorize
version="${1:-$(sed -n 's/^# GENERATED FILE, do not edit: nlp\/tools\/import-nsi.sh \([^ ]*\) rewrites it\./\1/p' "$res/merchants-nsi.txt")}"
version="${version:-8.0.20260918}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "name-suggestion-index@$version" >/dev/null && tar xzf name-suggestion-index-*.tgz)
mvn -q -B -pl nlp -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
cp="nlp/target/test-classes:nlp/target/classes:$(cat nlp/target/test-classpath.txt)"
java -cp "$cp" io.finrec.nlp.categorize.knowledge.NsiImport "$tmp/package" "$res/merchants-nsi.txt"
