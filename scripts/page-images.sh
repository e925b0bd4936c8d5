#!/usr/bin/env bash
# Regenerates docs/img/<document>.png, the first page of each document shown in
# the README, from a fresh build of the example data. Needs poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node dist/cli.js build --format pdf --out "$out" > /dev/null
mkdir -p docs/img
for pdf in "$out"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" "docs/img/$name"
  echo "docs/img/$name.png"
done
