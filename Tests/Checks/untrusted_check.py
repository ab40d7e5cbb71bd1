"""Feeds XSS and path-traversal payloads into every untrusted field of a copy of the sample
project, builds it, and checks that no output can run script in a reader's browser or mail
client, and that nothing is written outside the output folder.

Usage: untrusted_check.py MARKETNOTE REPOSITORY_ROOT
"""
import email
import email.policy
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

PAYLOADS = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(2)>',
    "' onmouseover='alert(3)",
    'javascript:alert(4)',
    '[click](javascript:alert(5))',
    '![x](javascript:alert(6))',
    '<a href="javascript:alert(7)">x</a>',
    '</title><script>alert(8)</script>',
    ']]><script>alert(9)</script>',
    '<svg onload=alert(10)>',
    '<iframe src="data:text/html,<script>alert(11)</script>">',
    '{{title}}{{{content}}}',
    '\u2028- injected list\n# heading',
    '&lt;script&gt;alert(12)&lt;/script&gt;',
    '<style>body{display:none}</style>',
    'x\r\nBcc: victim@example.com',
    '../../../../tmp/escape',
]
PAYLOAD = " ".join(p.replace("\n", " ") for p in PAYLOADS)
MULTILINE = "\n\n".join(PAYLOADS)
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset"}


def yaml_string(text):
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar


def poison_project(project):
    config_path = os.path.join(project, "marketnote.yml")
    config = open(config_path).read()
    for key in ("title", "description", "author"):
        config = re.sub(rf"^{key}: .*$", lambda m, key=key: f"{key}: {yaml_string(PAYLOAD)}", config, count=1, flags=re.M)
    config = re.sub(r"^disclaimer: >-\n(  .*\n)+", lambda m: f"disclaimer: {yaml_string(PAYLOAD)}\n", config, flags=re.M)
    config = config.replace('subjectPrefix: "[Small-Cap Desk]"', f"subjectPrefix: {yaml_string(PAYLOAD)}")
    config = re.sub(r"^(    (?:name|shortName|label): ).*$", lambda m: m.group(1) + yaml_string(PAYLOAD), config, flags=re.M)
    config = re.sub(r"^(        label: ).*$", lambda m: m.group(1) + yaml_string(PAYLOAD), config, flags=re.M)
    config += f"\nsince:\n  - {{ date: 2025-04-08, label: {yaml_string(PAYLOAD)} }}\n"
    open(config_path, "w").write(config)
    quotes = os.path.join(project, "content", "quotes")
    for name in os.listdir(quotes):
        path = os.path.join(quotes, name)
        text = open(path).read()
        front, body = text.split("\n---\n", 1)
        front = re.sub(r"^by: .*$", lambda m: f"by: {yaml_string(PAYLOAD)}", front, flags=re.M)
        front = re.sub(r"^firm: .*$", lambda m: f"firm: {yaml_string(PAYLOAD)}", front, flags=re.M)
        front += "\nurl: " + yaml_string("https://example.com/\"><script>alert(13)</script>")
        open(path, "w").write(front + "\n---\n" + MULTILINE + "\n" + body)
    commentary = os.path.join(project, "content", "notes", "2026-01-15.md")
    open(commentary, "w").write(f"---\ntitle: {yaml_string(PAYLOAD)}\n---\n{MULTILINE}\n\n<script>alert(14)</script>\n\n"
                                "[relative](../../../etc/passwd) [js](javascript:alert(15))\n")


class ScriptFinder(html.parser.HTMLParser):
    """Collects every way an HTML document could run script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event-handler attribute {name} on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
                if cleaned.startswith(DANGEROUS_SCHEMES):
                    self.problems.append(f"{name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def html_problems(text):
    finder = ScriptFinder()
    finder.feed(text)
    finder.close()
    return finder.problems


def markdown_problems(text):
    """Raw HTML or a script link in Markdown; backslash-escaped text and front matter are data."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    problems = []
    if re.search(r"(?<!\\)<\s*(script|img|iframe|svg|a|style)\b", text, re.I):
        problems.append("raw HTML tag in Markdown")
    if re.search(r"(?<!\\)\]\(\s*<?\s*(javascript|vbscript|data):", text, re.I):
        problems.append("javascript: link in Markdown")
    return problems


def check_output(output):
    problems = []
    files = 0
    for folder, _, names in os.walk(output):
        for name in names:
            path = os.path.join(folder, name)
            files += 1
            data = open(path, "rb").read()
            if name.endswith(".html"):
                found = html_problems(data.decode())
            elif name.endswith(".xml"):
                root = ElementTree.fromstring(data)  # must stay well-formed
                found = []
                for element in root.iter():
                    # Atom text constructs are plain text unless type says html.
                    if element.get("type") in ("html", "xhtml"):
                        found += html_problems(element.text or "")
            elif name.endswith(".md"):
                found = markdown_problems(data.decode())
            elif name.endswith(".eml"):
                message = email.message_from_bytes(data, policy=email.policy.default)
                found = []
                if "victim@example.com" in str(message.get("Bcc", "")) or "\nBcc:" in data.decode(errors="replace").split("\r\n\r\n")[0]:
                    found.append("header injection")
                for part in message.walk():
                    if part.get_content_type() == "text/html":
                        found += html_problems(part.get_content())
            elif name.endswith(".json"):
                json.loads(data)
                found = []
            else:
                found = []
            problems += [f"{os.path.relpath(path, output)}: {problem}" for problem in found]
    return files, problems


def snapshot(folder):
    listing = set()
    for parent, dirs, names in os.walk(folder):
        for name in names + dirs:
            listing.add(os.path.relpath(os.path.join(parent, name), folder))
    return listing


def main():
    marketnote, repository = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="marketnote-untrusted-")
    try:
        project = os.path.join(work, "project")
        os.makedirs(project)
        for item in ("marketnote.yml", "content", "templates"):
            source = os.path.join(repository, item)
            (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(project, item))
        poison_project(project)
        output = os.path.join(work, "site", "output")
        os.makedirs(os.path.dirname(output))
        before = snapshot(work)
        build = subprocess.run([marketnote, "build", "--project", project, "--output", output,
                                "--from", "2025-12-15", "--to", "2026-01-15", "--email-all"], capture_output=True, text=True)
        if build.returncode != 0:
            print("untrusted: the poisoned project did not build:\n" + build.stderr)
            return 1
        after = snapshot(work)
        # Beside output/ a build keeps exactly its publication record and the spare (the previous
        # site); anything else outside output/ is a problem.
        folders = [os.path.join("site", "output"), os.path.join("site", ".output.spare")]
        outside = sorted(p for p in after - before
                         if not any(p == folder or p.startswith(folder + os.sep) for folder in folders)
                         and p != os.path.join("site", ".output.publication"))
        files, problems = check_output(output)
        text = "\n".join(open(os.path.join(folder, name), errors="replace").read()
                         for folder, _, names in os.walk(output) for name in names if name.endswith(".html"))
        if "alert(1)" not in text:
            problems.append("the payloads never reached the pages: the check proves nothing")
        for path in outside:
            problems.append(f"written outside output/: {path}")
        bad_symbol = subprocess.run([marketnote, "build", "--project", project, "--output", output], capture_output=True,
                                    text=True, env=dict(os.environ))
        config_path = os.path.join(project, "marketnote.yml")
        config = open(config_path).read().replace("symbol: MAGS", "symbol: \"../../../tmp/MAGS\"")
        open(config_path, "w").write(config)
        traversal = subprocess.run([marketnote, "build", "--project", project, "--output", output], capture_output=True, text=True)
        if traversal.returncode != 1:
            problems.append(f"a symbol with a path in it was accepted (exit {traversal.returncode})")
        for problem in problems:
            print("untrusted: " + problem)
        print(f"untrusted: {len(PAYLOADS)} payloads in every untrusted field; {files} output files checked, "
              f"{len(problems)} problems; path symbol rejected with exit {traversal.returncode}; rebuild exit {bad_symbol.returncode}")
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
