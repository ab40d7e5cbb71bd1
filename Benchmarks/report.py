"""Turns the benchmark medians into the results table, with the ratios the targets are stated in."""
import platform
import subprocess
import sys

rows = {}
for line in open(sys.argv[1]):
    name, wall, mem = line.rstrip("\n").split("\t")
    rows[name] = (float(wall), float(mem))
runs = sys.argv[2]


def value(name):
    return rows[name][0] if name in rows else None


def line(name, what, target=None, ratio=None):
    wall, mem = rows[name]
    ratio_text = "" if ratio is None else f"{ratio:.2f}"
    return f"| {what} | {wall:.3f} s | {mem:.0f} MiB | {ratio_text} | {target or ''} |"


cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print(f"Machine: {platform.machine()}, {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores; median of {runs} runs after a warm-up.\n")
print("| benchmark | wall (median) | peak memory | ratio | target |")
print("| --- | ---: | ---: | ---: | --- |")
if "backfill" in rows:
    backfill = value("backfill")
    print(line("backfill", "marketnote build --all (6,500+ notes, every output)"))
    print(line("cmark-in-process", "reference: libcmark-gfm in-process, 2 threads (floor)", "backfill within 2.5x", backfill / value("cmark-in-process")))
    if "site-copy" in rows:
        print(line("site-copy", "bound: the backfill's output copied by cp, 2 processes (copy / floor)", "", value("site-copy") / value("cmark-in-process")))
    print(line("cmark-gfm-command", "reference: cmark-gfm command per note, 2 processes", "", backfill / value("cmark-gfm-command")))
    print(line("hugo", "reference: Hugo, same Markdown, minimal layout", "Hugo at least 6x slower", value("hugo") / backfill))
    if "hugo-default" in rows:
        print(line("hugo-default", "reference: Hugo as above, with its default RSS feed and sitemap", "", value("hugo-default") / backfill))
if "daily" in rows:
    print(line("daily", "daily run: one new session, cold process", "at most 0.150 s"))
if "daily-long" in rows:
    print(line("daily-long", "daily run on the S&P 500 since 1950 (17,362 notes): one new session", "at most 0.150 s"))
for years in ("26", "52", "104"):
    name = f"analytics-{years}y"
    if name in rows:
        base = value("analytics-26y")
        print(line(name, f"analytics, {years} years x 3 series, facts of every session", "2x history at most 2.2x" if years != "26" else "", value(name) / base))
if "universe-500" in rows:
    print(line("universe-500", "500 symbols x 26 years: load and compute (marketnote facts)", "at most 3 s"))
print("\nRatios: backfill / floor, output copy / floor, backfill / cmark-gfm command, Hugo / backfill, analytics / 26-year analytics.")
