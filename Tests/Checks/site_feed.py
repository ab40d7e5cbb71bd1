"""Feed check over a built marketnote site: feed.xml and its archive documents (RFC 5005) parse
with feedparser without a bozo flag, and together hold exactly one entry per note.

Usage: python3 site_feed.py SITE_DIR BASE_URL

Starts at feed.xml, follows `prev-archive` links (mapped from BASE_URL into SITE_DIR) to the
oldest archive document, and compares the entry ids with the notes listed in
notes/index.json and found as notes/*/index.html. Exits 1 on any problem.
"""

import json
import os
import sys
import xml.etree.ElementTree as ElementTree

import feedparser

HISTORY = "{http://purl.org/syndication/history/1.0}"


def local_path(root, base_url, url):
    if not url.startswith(base_url):
        raise ValueError(f"feed link outside the site: {url}")
    return os.path.join(root, url[len(base_url):])


def link(feed, relation):
    return next((item["href"] for item in feed.feed.get("links", []) if item.get("rel") == relation), None)


def is_archive(path):
    return ElementTree.parse(path).getroot().find(HISTORY + "archive") is not None


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, base_url = sys.argv[1], sys.argv[2]
    problems = []
    entries = []
    documents = []
    path = os.path.join(root, "feed.xml")
    while path:
        if path in documents:
            problems.append(f"{path}: prev-archive links form a loop")
            break
        documents.append(path)
        feed = feedparser.parse(path)
        name = os.path.relpath(path, root)
        if feed.bozo:
            problems.append(f"{name}: bozo: {feed.bozo_exception}")
        if feed.version != "atom10":
            problems.append(f"{name}: not Atom 1.0 ({feed.version!r})")
        if len(documents) > 1 and not is_archive(path):
            problems.append(f"{name}: archive document without fh:archive")
        entries += [(entry.get("id"), name) for entry in feed.entries]
        previous = link(feed, "prev-archive")
        path = local_path(root, base_url, previous) if previous else None

    with open(os.path.join(root, "notes", "index.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)["notes"]
    expected = {base_url + note["path"] for note in manifest}
    on_disk = {base_url + "notes/" + name + "/" for name in os.listdir(os.path.join(root, "notes"))
               if os.path.isfile(os.path.join(root, "notes", name, "index.html"))}
    ids = [entry_id for entry_id, _ in entries]
    if expected != on_disk:
        problems.append(f"notes/index.json lists {len(expected)} notes, notes/ holds {len(on_disk)} note pages")
    duplicates = len(ids) - len(set(ids))
    if duplicates:
        problems.append(f"{duplicates} entries appear more than once")
    for missing in sorted(expected - set(ids))[:20]:
        problems.append(f"no feed entry for {missing}")
    for extra in sorted(set(ids) - expected)[:20]:
        problems.append(f"feed entry {extra} is not a note")
    for line in problems:
        print(line)
    subscription = sum(1 for _, name in entries if name == "feed.xml")
    print(f"feed: {len(ids)} entries in {len(documents)} documents ({subscription} in feed.xml) "
          f"for {len(expected)} notes, {len(problems)} problems")
    sys.exit(1 if problems or not ids else 0)


if __name__ == "__main__":
    main()
