"""Link check over a built marketnote site: every internal link must reach a file of the site.

Usage: python3 site_links.py SITE_DIR BASE_URL

Reads every .html page (href and src of a, link, img, script, source), the Atom feed documents
(link href) and the sitemap (loc). A relative link is resolved from its page and must name a file,
not a folder, so the site also works opened from disk; an absolute link below BASE_URL is mapped
into SITE_DIR (there a folder means its index.html, as a web server serves it). A `#fragment` must
name an id of the target page. Links to other hosts are counted, not fetched.
Prints one line per broken link and a summary; exits 1 if any link is broken.
"""

import os
import sys
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class PageScan(HTMLParser):
    """The links and the ids of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        name = LINK_ATTRIBUTES.get(tag)
        if name and attributes.get(name) is not None:
            self.links.append(attributes[name])


class Site:
    def __init__(self, root, base_url):
        self.root = os.path.realpath(root)
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.ids = {}
        self.broken = []
        self.checked = 0
        self.external = 0

    def page_ids(self, path):
        if path not in self.ids:
            scan = PageScan()
            with open(path, encoding="utf-8") as handle:
                scan.feed(handle.read())
            self.ids[path] = scan.ids
        return self.ids[path]

    def check(self, source, link, relative_allowed=True):
        """Checks one link found in the file `source`."""
        self.checked += 1
        location, fragment = urldefrag(link)
        parts = urlsplit(location)
        if parts.scheme in ("mailto", "tel", "data", "javascript"):
            return
        if link.startswith(self.base_url):
            target = os.path.join(self.root, unquote(location[len(self.base_url):]))
            if location.endswith("/") or location == self.base_url[:-1]:
                target = os.path.join(target, "index.html")
        elif parts.scheme or parts.netloc:
            self.external += 1
            return
        elif not relative_allowed:
            return self.fail(source, link, "not an absolute URL")
        elif location.startswith("/"):
            return self.fail(source, link, "root-relative: breaks from disk and below a sub-path")
        elif location == "":
            target = source
        else:
            target = os.path.join(os.path.dirname(source), unquote(parts.path))
            if location.endswith("/") or os.path.isdir(target):
                return self.fail(source, link, "names a folder: from disk it opens a listing, not the page")
        target = os.path.realpath(target)
        if not (target == self.root or target.startswith(self.root + os.sep)):
            return self.fail(source, link, "leaves the site")
        if not os.path.isfile(target):
            return self.fail(source, link, "no such file")
        if fragment and target.endswith(".html") and fragment not in self.page_ids(target):
            return self.fail(source, link, f"no id '{fragment}' in the page")

    def fail(self, source, link, reason):
        self.broken.append(f"{os.path.relpath(source, self.root)}: broken link {link} ({reason})")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    site = Site(sys.argv[1], sys.argv[2])
    pages = xml_files = 0
    for directory, _, names in sorted(os.walk(site.root)):
        for name in sorted(names):
            path = os.path.join(directory, name)
            if name.endswith(".html"):
                pages += 1
                scan = PageScan()
                with open(path, encoding="utf-8") as handle:
                    scan.feed(handle.read())
                site.ids[path] = scan.ids
                for link in scan.links:
                    site.check(path, link)
            elif name.endswith(".xml"):
                xml_files += 1
                tree = ElementTree.parse(path)
                links = [element.get("href") for element in tree.iter(ATOM + "link")]
                links += [element.text.strip() for element in tree.iter(SITEMAP + "loc")]
                for link in links:
                    site.check(path, link, relative_allowed=False)
    for line in site.broken:
        print(line)
    print(f"links: {site.checked} checked in {pages} pages and {xml_files} XML files, "
          f"{site.external} to other hosts, {len(site.broken)} broken")
    sys.exit(1 if site.broken or pages == 0 else 0)


if __name__ == "__main__":
    main()
