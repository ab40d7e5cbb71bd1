#!/usr/bin/env bash
# The marketnote benchmark suite. Generates its inputs deterministically, then measures whole
# processes (wall time and peak memory, median of several runs) and reports each result as a
# ratio against references measured in the same run. See BENCHMARKS.md.
#
#   Benchmarks/run.sh            # all benchmarks, 5 runs each
#   RUNS=3 Benchmarks/run.sh     # fewer runs
#   Benchmarks/run.sh backfill   # one group: backfill | daily | scaling
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-5}
# On tmpfs when there is one: the virtual disk's discards made repeated 20,000-file builds drift
# by a factor of two within one run, for marketnote and Hugo alike.
if [ -z "${BENCH_WORK:-}" ] && [ -d /dev/shm ]; then work=/dev/shm/marketnote-bench; else work=${BENCH_WORK:-/tmp/marketnote-bench}; fi
only=${1:-all}
results=$root/Benchmarks/results
mkdir -p "$results" "$work"

./scripts/ensure-system-deps hugo cmark-gfm time
# Both static, as scripts/build-sample builds marketnote: a build with the other flag compiles
# every module again.
swift build -c release --static-swift-stdlib --product marketnote >/dev/null
swift build -c release --static-swift-stdlib --product marketnote-sample >/dev/null
# SwiftPM does not plan this package again when the main package (its path dependency) gains or
# loses a source file: it builds the old file list, or fails with "missing inputs". Without the
# old build manifest it plans again (half a second when nothing changed).
(cd Benchmarks && rm -f .build/release.yaml && swift build -c release >/dev/null)
marketnote=$root/.build/release/marketnote
sample=$root/.build/release/marketnote-sample
tools=$root/Benchmarks/.build/release/BenchTools

# once NAME COMMAND…: runs the command once, appending wall seconds and peak RSS (KiB) to
# $work/NAME.tsv. BEFORE (if set) runs untimed first.
once() {
  local name=$1; shift
  if [ -n "${BEFORE:-}" ]; then eval "$BEFORE"; fi
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/$name.mem" "$@" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err"; exit 1; }
  end=$(date +%s.%N)
  printf '%s\t%s\n' "$(awk "BEGIN{print $end - $start}")" "$(tail -n1 "$work/$name.mem")" >> "$work/$name.tsv"
}

# median NAME: the median wall time and the largest peak memory of NAME's runs, as a report row.
median() {
  python3 - "$work/$1.tsv" "$1" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
wall = statistics.median(float(r[0]) for r in rows)
mem = max(int(r[1]) for r in rows) / 1024
print(f"{sys.argv[2]}\t{wall:.3f}\t{mem:.0f}")
PY
}

# measure NAME COMMAND…: a warm-up, then $runs timed runs.
measure() {
  local name=$1
  : > "$work/$name.tsv"
  once "$@"
  : > "$work/$name.tsv"
  for _ in $(seq 1 "$runs"); do once "$@"; done
  median "$name"
}

project=$work/project
prepare_project() {
  rm -rf "$project" && mkdir -p "$project"
  cp -r marketnote.yml templates content "$project/"
  "$sample" --output "$project/content/data" >/dev/null
}

report=$work/report.tsv
: > "$report"

if [ "$only" = all ] || [ "$only" = backfill ]; then
  prepare_project
  sessions=$(($(wc -l < "$project/content/data/SPY.csv") - 1))
  echo "backfill: $sessions sessions" >&2
  "$tools" export-markdown --project "$project" --output "$work/markdown"
  "$tools" export-markdown --project "$project" --output "$work/hugo/content/notes" --hugo
  mkdir -p "$work/hugo/layouts/_default"
  printf 'baseURL = "https://bench.example/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' > "$work/hugo/hugo.toml"
  # The same site with Hugo's default outputs (an RSS feed and a sitemap beside the pages, as
  # marketnote writes a feed and a sitemap), for comparison with the minimal reference.
  printf 'baseURL = "https://bench.example/"\ntitle = "bench"\n' > "$work/hugo/hugo-default.toml"
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n' > "$work/hugo/layouts/_default/baseof.html"
  printf '{{ define "main" }}<article>{{ .Content }}</article>{{ end }}\n' > "$work/hugo/layouts/_default/single.html"
  printf '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n' > "$work/hugo/layouts/_default/list.html"
  mkdir -p "$work/cmark-out"
  # The five are interleaved, round by round, so that drift in the machine hits them alike.
  # site-copy: the backfill's finished output copied by two `cp` processes (as marketnote writes
  # on two threads), no computation at all: what reading, creating and writing these 13,700 files
  # costs on this machine, a bound under any backfill that writes them.
  names=(backfill site-copy cmark-in-process cmark-gfm-command hugo hugo-default)
  for name in "${names[@]}"; do : > "$work/$name.tsv"; done
  for round in $(seq 0 "$runs"); do
    BEFORE="rm -rf $work/site $work/.site.*" once backfill "$marketnote" build --all --project "$project" --output "$work/site"
    BEFORE="rm -rf $work/site-copy" once site-copy bash -c 'cd "$1" && mkdir -p "$2/notes" && ls -A | grep -vx notes | xargs cp -r -t "$2" &&
      ls -d notes/* | xargs -P 2 -n 500 cp -r --parents -t "$2"' _ "$work/site" "$work/site-copy"
    BEFORE="" once cmark-in-process "$tools" render-markdown --input "$work/markdown"
    BEFORE="" once cmark-gfm-command bash -c "cd $work/markdown && ls | xargs -P 2 -n 100 sh -c 'for f; do cmark-gfm -e table -e tagfilter \"\$f\" > $work/cmark-out/\${f%.md}.html; done' _"
    BEFORE="rm -rf $work/hugo/public" once hugo hugo --quiet -s "$work/hugo" -d "$work/hugo/public"
    BEFORE="rm -rf $work/hugo/public-default" once hugo-default hugo --quiet -s "$work/hugo" --config hugo-default.toml -d "$work/hugo/public-default"
    if [ "$round" -eq 0 ]; then for name in "${names[@]}"; do : > "$work/$name.tsv"; done; fi  # round 0 warms up
  done
  for name in "${names[@]}"; do median "$name" >> "$report"; done
  echo "backfill: notes written $(ls "$work/site/notes" | grep -c '^[0-9]'), site $(du -sm "$work/site" | cut -f1) MiB" >&2
fi

if [ "$only" = all ] || [ "$only" = daily ]; then
  prepare_project
  rm -rf "$work/daily-base" "$work"/.daily-base.*
  "$marketnote" build --all --project "$project" --output "$work/daily-base" >/dev/null
  # Yesterday's daily run: what an editor's morning build starts from (the site, its spare and
  # the publication record beside it).
  "$marketnote" build --project "$project" --output "$work/daily-base" >/dev/null
  # The next session: one new row in every price file, dated the next weekday.
  python3 - "$project/content/data" <<'PY'
import csv, datetime, os, sys
folder = sys.argv[1]
for name in ("SPY.csv", "IWM.csv", "MAGS.csv"):
    path = os.path.join(folder, name)
    rows = list(csv.reader(open(path)))
    last = rows[-1]
    day = datetime.date.fromisoformat(last[0]) + datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    close = float(last[4]) * 1.004
    new = [day.isoformat(), last[4], f"{close * 1.003:.2f}", f"{float(last[4]) * 0.998:.2f}", f"{close:.2f}",
           f"{close:.2f}", last[6]]
    with open(path, "a", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(new)
PY
  BEFORE="rm -rf $work/daily $work/.daily.* && cp -al $work/daily-base $work/daily && cp -al $work/.daily-base.spare $work/.daily.spare && cp $work/.daily-base.publication $work/.daily.publication" measure daily "$marketnote" build --project "$project" --output "$work/daily" >> "$report"

  # The same morning on a long real history: the S&P 500 since 1950 and the NASDAQ Composite
  # since 1999 (Tests/Fixtures/real, through 2018-12-31: 17,362 notes, 36,393 files), the
  # shipped templates, then one new session, 2019-01-02.
  long=$work/long-project
  rm -rf "$long" "$work/long-base" "$work"/.long-base.* && mkdir -p "$long/content/data"
  cp Tests/Fixtures/real/SPX.csv Tests/Fixtures/real/IXIC.csv "$long/content/data/"
  cat > "$long/marketnote.yml" <<'YML'
title: The Tape
baseURL: https://tape.example.com/
series:
  - { symbol: SPX, name: S&P 500, shortName: the S&P 500, file: content/data/SPX.csv }
  - { symbol: IXIC, name: NASDAQ Composite, shortName: tech stocks, file: content/data/IXIC.csv }
comparisons:
  - { leader: IXIC, benchmark: SPX }
YML
  "$marketnote" build --all --project "$long" --output "$work/long-base" >/dev/null
  "$marketnote" build --project "$long" --output "$work/long-base" >/dev/null
  for name in SPX IXIC; do
    awk -F, -v OFS=, 'END { up = $5 * 1.004; print "2019-01-02", $5, sprintf("%.2f", up * 1.003), sprintf("%.2f", $5 * 0.998), sprintf("%.2f", up), sprintf("%.2f", up), $7 }' \
      "$long/content/data/$name.csv" >> "$long/content/data/$name.csv"
  done
  BEFORE="rm -rf $work/long && cp -al $work/long-base $work/long && cp -al $work/.long-base.spare $work/.long.spare && cp $work/.long-base.publication $work/.long.publication" measure daily-long "$marketnote" build --project "$long" --output "$work/long" >> "$report"
fi

if [ "$only" = all ] || [ "$only" = scaling ]; then
  for years in 26 52 104; do
    dir=$work/scale-$years
    rm -rf "$dir" && mkdir -p "$dir/data"
    "$sample" universe --symbols 3 --years "$years" --output "$dir/data" >/dev/null
    printf 'title: scale\nbaseURL: https://bench.example/\nseries:\n' > "$dir/marketnote.yml"
    for f in "$dir"/data/*.csv; do s=$(basename "$f" .csv); printf '  - { symbol: %s, file: data/%s.csv }\n' "$s" "$s" >> "$dir/marketnote.yml"; done
    printf 'comparisons:\n  - { leader: S0001, benchmark: S0002 }\n' >> "$dir/marketnote.yml"
  done
  # Interleaved round by round, like the backfill's references, and three times as many runs:
  # a run is a tenth of a second, and one slow moment moved the ratio by 0.3 when each length
  # ran all its rounds in a row.
  names=(analytics-26y analytics-52y analytics-104y)
  for name in "${names[@]}"; do : > "$work/$name.tsv"; done
  for round in $(seq 0 $((runs * 3))); do
    for years in 26 52 104; do BEFORE="" once "analytics-${years}y" "$tools" analytics --project "$work/scale-$years"; done
    if [ "$round" -eq 0 ]; then for name in "${names[@]}"; do : > "$work/$name.tsv"; done; fi  # round 0 warms up
  done
  for name in "${names[@]}"; do median "$name" >> "$report"; done
  dir=$work/universe
  rm -rf "$dir" && mkdir -p "$dir/data"
  "$sample" universe --symbols 500 --years 26 --output "$dir/data" >/dev/null
  printf 'title: universe\nbaseURL: https://bench.example/\nseries:\n' > "$dir/marketnote.yml"
  for f in "$dir"/data/*.csv; do s=$(basename "$f" .csv); printf '  - { symbol: %s, file: data/%s.csv }\n' "$s" "$s" >> "$dir/marketnote.yml"; done
  printf 'comparisons:\n  - { leader: S0001, benchmark: S0002 }\n' >> "$dir/marketnote.yml"
  BEFORE="" measure universe-500 "$marketnote" facts --json --project "$dir" >> "$report"
fi

python3 "$root/Benchmarks/report.py" "$report" "$runs" | tee "$results/latest.md"
