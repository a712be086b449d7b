#!/usr/bin/env bash
# Benchmarks that compare Slideo with its peers side by side, in one run on this machine:
#   PDF extraction pages per second (Slideo's extractor vs pypdf) on the corpus PDFs, and
#   graph clustering time (Slideo's Leiden vs NetworkX's Louvain) on the same graphs.
# Usage: bench/run.sh [extraction|clustering|all]   (sizes: BENCH_EDGES="10000 100000 1000000")
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${SLIDEO_CORPUS:-$ROOT/../shared/corpus}
OUT=$ROOT/bench/results
PYTHON=/usr/bin/python3 # Debian's interpreter: its python3-pypdf and python3-networkx
ROUNDS=${BENCH_ROUNDS:-3}
EDGES=${BENCH_EDGES:-"10000 100000 1000000"}
what=${1:-all}

fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

peers() {
  if "$PYTHON" -c 'import pypdf, networkx' 2>/dev/null; then return; fi
  [ "$(id -u)" = 0 ] || fail "install the peers first: apt-get install -y python3-pypdf python3-networkx"
  apt-get install -y python3-pypdf python3-networkx >/dev/null || fail "could not install python3-pypdf and python3-networkx"
}

classpath() {
  "$ROOT/mvnw" -B -q -pl worker-service -am install -DskipTests >/dev/null
  "$ROOT/mvnw" -B -q -pl worker-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
  echo "$ROOT/worker-service/target/test-classes:$ROOT/worker-service/target/classes:$(cat "$OUT/classpath.txt")"
}

# The corpus PDFs that extract (the manifest says so), not the hostile ones.
corpus_pdfs() {
  awk -F'\t' 'NR > 1 && $2 == "application/pdf" && $10 == "EXTRACTED" { print $1 }' "$CORPUS/MANIFEST.tsv" |
    sed "s#^#$CORPUS/#"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

extraction() {
  local cp=$1
  mapfile -t pdfs < <(corpus_pdfs)
  echo "== PDF extraction, pages per second (${#pdfs[@]} corpus PDFs, $ROUNDS rounds each) =="
  # The JVM flags of a parser process (IsolatedExtractor), with room for the largest book.
  java -Xmx1g -XX:+UseParallelGC -Drounds="$ROUNDS" -cp "$cp" io.slideo.worker.bench.ExtractionBenchmark "${pdfs[@]}" >"$OUT/extraction-slideo.tsv"
  "$PYTHON" "$ROOT/bench/pypdf_extract.py" "$ROUNDS" "${pdfs[@]}" >"$OUT/extraction-pypdf.tsv"
  printf '| file | pages | Slideo pages/s | pypdf pages/s | ratio |\n|---|---:|---:|---:|---:|\n'
  paste "$OUT/extraction-slideo.tsv" "$OUT/extraction-pypdf.tsv" | while IFS=$'\t' read -r f p _ sj _ _ _ sp; do
    printf '| %s | %s | %s | %s | %s× |\n' "$f" "$p" "$sj" "$sp" "$(ratio "$sj" "$sp")"
  done
}

clustering() {
  local cp=$1
  echo "== Graph clustering, seconds (planted partition, communities of 50, 80 % of edges inside) =="
  # shellcheck disable=SC2086
  java -Xmx4g -XX:+UseParallelGC -cp "$cp" io.slideo.worker.bench.ClusteringBenchmark "$OUT/graphs" $EDGES >"$OUT/clustering-slideo.tsv"
  local files=()
  for e in $EDGES; do files+=("$OUT/graphs/graph-$e.edges"); done
  "$PYTHON" "$ROOT/bench/networkx_louvain.py" "${files[@]}" >"$OUT/clustering-networkx.tsv"
  printf '| edges | nodes | Slideo Leiden s | NetworkX Louvain s | speed-up | clusters (Slideo / NetworkX) | modularity (Slideo / NetworkX) |\n|---:|---:|---:|---:|---:|---|---|\n'
  paste "$OUT/clustering-slideo.tsv" "$OUT/clustering-networkx.tsv" | while IFS=$'\t' read -r e n sj cj qj _ _ sp cp2 qp; do
    printf '| %s | %s | %s | %s | %s× | %s / %s | %s / %s |\n' "$e" "$n" "$sj" "$sp" "$(ratio "$sp" "$sj")" "$cj" "$cp2" "$qj" "$qp"
  done
  rm -rf "$OUT/graphs"
}

mkdir -p "$OUT"
peers
cp=$(classpath)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1), $("$PYTHON" --version)"
case "$what" in
  extraction) extraction "$cp" ;;
  clustering) clustering "$cp" ;;
  all) extraction "$cp"; clustering "$cp" ;;
  *) fail "usage: bench/run.sh [extraction|clustering|all]" ;;
esac
