#!/usr/bin/env bash
# Fuzzes one of marketnote's loaders with libFuzzer (Swift's -sanitize=fuzzer, with
# AddressSanitizer) for a number of seconds:
#
#   Fuzz/run.sh price|observation|frontmatter|config [SECONDS=120] [more libFuzzer flags]
#
# Seeds come from the sample project; the corpus grows in Fuzz/.build/corpus/TARGET and is kept
# between runs. A crash, a hang or a broken loader promise stops the run and leaves the input in
# fuzz-artifacts/ at the repository root: turn it into a regression test in
# Tests/ReliabilityTests/FuzzRegressionTests.swift, then fix the loader.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?usage: Fuzz/run.sh price|observation|frontmatter|config [SECONDS] [libFuzzer flags]}"
seconds="${2:-120}"
shift $(( $# < 2 ? $# : 2 ))
case "$target" in
  price)       product=FuzzPriceFile;       dict=csv ;;
  observation) product=FuzzObservationFile; dict=csv ;;
  frontmatter) product=FuzzFrontMatter;     dict=yaml ;;
  config)      product=FuzzConfig;          dict=yaml ;;
  *) echo "unknown target '$target': use price, observation, frontmatter or config" >&2; exit 2 ;;
esac

# With --sanitize alone, SwiftPM 6.3 builds gave the C code (libyaml) coverage counters but not the
# Swift code, and libFuzzer fuzzed blind ("no interesting inputs were found"); the combined flag
# passed to the Swift compiler instruments the Swift code too.
swift build -c release --product "$product" --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address >&2

corpus=".build/corpus/$target"
mkdir -p "$corpus" ../fuzz-artifacts
data=../content/data
case "$target" in
  price)
    for file in "$data"/*.csv; do head -n 25 "$file" > "$corpus/seed-$(basename "$file")"; done
    printf 'Date,Open,High,Low,Close,Volume\r\n2024-01-02,1,2,0.5,1.5,10\r\n' > "$corpus/seed-stooq.csv"
    printf '<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\nAAPL.US,D,20240102,000000,10,11,9,10.5,100,0\n' > "$corpus/seed-stooq-bulk.csv"
    printf 'symbol,date,open,high,low,close\nA,2024-01-02,1,1,1,1\nB,2024-01-02,2,2,2,2\n' > "$corpus/seed-long.csv" ;;
  observation)
    for file in "$data"/gdp-nowcast.csv "$data"/guidance.csv; do head -n 25 "$file" > "$corpus/seed-$(basename "$file")"; done
    printf 'observation_date,GDPC1\n2024-01-01,100\n2024-04-01,.\n2024-07-01,101.5\n' > "$corpus/seed-fred.csv"
    printf 'year,quarter,small,large\n2024,1,10,12\n2024,2,11,12\n' > "$corpus/seed-year-quarter.csv" ;;
  frontmatter)
    cp ../content/quotes/*.md ../content/notes/*.md "$corpus"/ ;;
  config)
    cp ../marketnote.yml "$corpus"/seed-marketnote.yml ;;
esac

binary="$(swift build -c release --show-bin-path)/$product"
"$binary" "$corpus" -dict="Dictionaries/$dict.dict" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="../fuzz-artifacts/$target-" "$@"
