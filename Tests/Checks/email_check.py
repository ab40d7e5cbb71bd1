"""Checks the email editions that `marketnote build` writes, and `marketnote send`.

Run by email.sh from the repository root (the sample project) with the marketnote binary as argument.
Prints one line per problem and exits 1 if there is any; prints a summary otherwise.
"""

import email
import email.policy
import html.parser
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from aiosmtpd.controller import Controller
from markdown_it import MarkdownIt

MARKETNOTE = sys.argv[1]
PROBLEMS = []
ABSOLUTE = re.compile(r"^(https?|mailto):", re.IGNORECASE)


def problem(message):
    PROBLEMS.append(message)
    print(f"email: {message}")


def run(*arguments):
    return subprocess.run([MARKETNOTE, *arguments], capture_output=True, text=True)


def build(output, *arguments):
    result = run("build", "--output", str(output), *arguments)
    if result.returncode != 0:
        problem(f"build {' '.join(arguments)} failed ({result.returncode}): {result.stderr.strip()}")
    return sorted((output / "email").glob("*.eml"))


def front_matter_and_body(markdown):
    if not markdown.startswith("---\n"):
        return "", markdown
    end = markdown.index("\n---\n", 4)
    return markdown[4:end], markdown[end + 5:].lstrip("\n")


class LinkCollector(html.parser.HTMLParser):
    """Every tag name and every href/src value of an HTML document."""

    def __init__(self):
        super().__init__()
        self.tags, self.urls = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.urls += [value or "" for name, value in attrs if name in ("href", "src", "background", "action")]


def check_message(path):
    """The .eml parses into text/plain and text/html parts that equal the .md body and the .html."""
    raw = path.read_bytes()
    name = path.name
    if re.search(rb"(?<!\r)\n", raw):
        problem(f"{name}: a line ends in a bare LF")
    longest = max(len(line) for line in raw.split(b"\r\n"))
    if longest > 78:
        problem(f"{name}: a line is {longest} characters long (RFC 5322 asks for 78 at most)")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if message.defects:
        problem(f"{name}: parser defects {message.defects}")
    parts = list(message.iter_parts())
    types = [part.get_content_type() for part in parts]
    if message.get_content_type() != "multipart/alternative" or types != ["text/plain", "text/html"]:
        problem(f"{name}: {message.get_content_type()} with parts {types}, expected text/plain and text/html")
        return
    for header in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "List-Unsubscribe"):
        if message[header] is None:
            problem(f"{name}: no {header} header")
    # RFC 2369: each URL in angle brackets, separated by commas; the sample names a mail address.
    unsubscribe = re.findall(r"<([^>]*)>", str(message["List-Unsubscribe"] or ""))
    if not unsubscribe or not all(url.startswith(("mailto:", "https:", "http:")) for url in unsubscribe):
        problem(f"{name}: List-Unsubscribe {message['List-Unsubscribe']!r} holds no usable URL")
    date = path.stem
    if message["Date"] is not None and message["Date"].datetime.date().isoformat() != date:
        problem(f"{name}: Date {message['Date']} is not the note's date")
    if message["Message-ID"] is not None and not message["Message-ID"].startswith(f"<{date}."):
        problem(f"{name}: Message-ID {message['Message-ID']} does not name the date")
    markdown = path.with_suffix(".md").read_text(encoding="utf-8")
    front, body = front_matter_and_body(markdown)
    subject = re.search(r'^subject: "(.*)"$', front, re.MULTILINE)
    if subject and str(message["Subject"]) != subject.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8"):
        problem(f"{name}: Subject {message['Subject']!r} is not the front matter's {subject.group(1)!r}")
    text = parts[0].get_content().replace("\r\n", "\n")
    if text != body:
        problem(f"{name}: the text/plain part is not the body of {path.with_suffix('.md').name}")
    page = parts[1].get_content().replace("\r\n", "\n")
    if page != path.with_suffix(".html").read_text(encoding="utf-8"):
        problem(f"{name}: the text/html part is not {path.with_suffix('.html').name}")


def outside_media_queries(css):
    """The CSS text left once comments and @media blocks (with their nested braces) are removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    rest, index = [], 0
    while index < len(css):
        match = re.compile(r"@media[^{]*\{").search(css, index)
        if not match:
            rest.append(css[index:])
            break
        rest.append(css[index:match.start()])
        depth, index = 1, match.end()
        while index < len(css) and depth:
            depth += {"{": 1, "}": -1}.get(css[index], 0)
            index += 1
    return "".join(rest)


def check_kept_styles(path, html):
    """The one stylesheet an email keeps: <style data-embed> in the head, holding @media rules only
    (everything else is inlined, since many clients drop stylesheets)."""
    head = html.split("</head>", 1)[0]
    for attributes, css in re.findall(r"<style([^>]*)>(.*?)</style>", html, flags=re.DOTALL):
        if "data-embed" not in attributes.split():
            problem(f"{path.name}: <style> in an email")
        elif f"<style{attributes}>{css}</style>" not in head:
            problem(f"{path.name}: <style data-embed> outside the head")
        elif outside_media_queries(css).strip():
            problem(f"{path.name}: <style data-embed> holds rules outside @media: {outside_media_queries(css).strip()[:60]!r}")


def check_html(path):
    """Absolute links only; no script, SVG or image; a stylesheet only for @media rules; a
    600-pixel presentation table."""
    collector = LinkCollector()
    html = path.read_text(encoding="utf-8")
    collector.feed(html)
    for url in collector.urls:
        if not ABSOLUTE.match(url):
            problem(f"{path.name}: relative or unsafe URL {url!r}")
    for tag, attributes in collector.tags:
        if tag in ("script", "svg", "img", "link", "iframe", "object", "embed"):
            problem(f"{path.name}: <{tag}> in an email")
    check_kept_styles(path, html)
    layout = [a for tag, a in collector.tags if tag == "table" and a.get("role") == "presentation" and a.get("width") == "600"]
    if not layout:
        problem(f"{path.name}: no 600-pixel role=presentation table")
    inside_body = False
    for tag, attributes in collector.tags:
        inside_body = inside_body or tag == "body"
        if inside_body and tag in ("p", "h1", "h2", "td", "th", "table", "blockquote", "a") and "style" not in attributes:
            problem(f"{path.name}: <{tag}> without an inline style")
            break


def check_markdown(path, parser):
    """Front matter with subject and preheader; absolute links, no image, no raw HTML, per a CommonMark parser."""
    front, body = front_matter_and_body(path.read_text(encoding="utf-8"))
    for key in ("subject", "preheader"):
        if not re.search(rf"^{key}: ", front, re.MULTILINE):
            problem(f"{path.name}: no {key} in the front matter")

    def walk(tokens):
        for token in tokens:
            if token.type in ("html_block", "html_inline"):
                problem(f"{path.name}: raw HTML {token.content.strip()!r}")
            if token.type == "image":
                problem(f"{path.name}: image {token.attrs.get('src')!r}")
            if token.type == "link_open" and not ABSOLUTE.match(token.attrs.get("href", "")):
                problem(f"{path.name}: relative link {token.attrs.get('href')!r}")
            walk(token.children or [])

    walk(parser.parse(body))


class Recorder:
    """An aiosmtpd handler that keeps each envelope; `reject` makes it refuse every recipient."""

    def __init__(self, reject=None):
        self.envelopes, self.reject = [], reject

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject:
            return self.reject
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def send(output, date, port, *recipients):
    arguments = ["--to", recipients[0]] if len(recipients) == 1 else [a for r in recipients for a in ("--to", r)]
    return run("send", "--output", str(output), "--date", date, "--smtp", f"127.0.0.1:{port}",
               "--from", "desk@smallcapdesk.example.com", *arguments)


def send_through(recorder, output, date, *recipients):
    """`send` to an aiosmtpd server on a free loopback port that hands what it gets to `recorder`."""
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        return send(output, date, port, *recipients)
    finally:
        controller.stop()


def check_send(output, eml):
    """Delivery to aiosmtpd equals the file; a refusal, a second send to a reader, a closed port and a
    missing note fail with status 1."""
    date = eml.stem
    recorder = Recorder()
    result = send_through(recorder, output, date, "reader@example.com", "Second Reader <second@example.com>")
    if result.returncode != 0:
        problem(f"send failed ({result.returncode}): {result.stderr.strip()}")
        return 0
    if len(recorder.envelopes) != 1:
        problem(f"the server received {len(recorder.envelopes)} messages, expected 1")
        return 0
    envelope = recorder.envelopes[0]
    if envelope.mail_from != "desk@smallcapdesk.example.com" or envelope.rcpt_tos != ["reader@example.com", "second@example.com"]:
        problem(f"envelope {envelope.mail_from} -> {envelope.rcpt_tos}")
    sent = eml.read_bytes()
    if envelope.original_content != sent:
        problem(f"the received message ({len(envelope.original_content)} bytes) differs from {eml.name} ({len(sent)} bytes)")

    refusing = Recorder(reject="550 5.1.1 No such user")
    refused = send_through(refusing, output, date, "nobody@example.com")
    if refused.returncode != 1 or "550" not in refused.stderr or refusing.envelopes:
        problem(f"a 550 reply to RCPT gave status {refused.returncode}: {refused.stderr.strip()!r}")
    # The send log: the edition went to reader@ above, so a second send to it is refused unsent.
    twice = Recorder()
    again = send_through(twice, output, date, "reader@example.com")
    if again.returncode != 1 or "reader@example.com before" not in again.stderr or twice.envelopes:
        problem(f"a second send to the same reader gave status {again.returncode}: {again.stderr.strip()!r}")
    closed = send(output, date, free_port(), "third@example.com")
    if closed.returncode != 1 or "refused" not in closed.stderr:
        problem(f"a closed port gave status {closed.returncode}: {closed.stderr.strip()!r}")
    missing = send(output, "1999-01-04", free_port(), "reader@example.com")
    if missing.returncode != 1 or "marketnote build --date 1999-01-04" not in missing.stderr:
        problem(f"a note that was not built gave status {missing.returncode}: {missing.stderr.strip()!r}")
    return len(sent)


def hostile_project(work):
    """A copy of the sample whose commentary and quote hold relative links, an image and raw HTML,
    with a non-ASCII subject prefix and sender name."""
    project = work / "hostile"
    for item in ("marketnote.yml", "content", "templates"):
        source = Path(item)
        target = project / item
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    config = project / "marketnote.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('subjectPrefix: "[Small-Cap Desk]"', 'subjectPrefix: "[Small-Cap Desk — Zürich]"')
    text = text.replace("from: The Small-Cap Desk <", "from: Small-Cap Désk, Zürich <")
    config.write_text(text, encoding="utf-8")
    with (project / "content/notes/2026-01-15.md").open("a", encoding="utf-8") as note:
        note.write("\nAs we [noted yesterday](notes/2026-01-14/), see ![the chart](../../assets/charts/iwm.svg), "
                   "<b>raw</b>, [the charts](#charts) and [this](javascript:alert(1)).\n\n<div>block HTML</div>\n")
    with (project / "content/quotes/2026-01-14-reyes.md").open("a", encoding="utf-8") as quote:
        quote.write(" Read [our note](/research/leadership/).\n")
    return project


def check_hostile(work, parser):
    """Relative links in commentary and quotes become absolute; the encoded subject reads back."""
    project = hostile_project(work)
    output = work / "hostile-site"
    result = run("build", "--project", str(project), "--output", str(output))
    if result.returncode != 0:
        problem(f"build of the altered sample failed ({result.returncode}): {result.stderr.strip()}")
        return []
    messages = sorted((output / "email").glob("*.eml"))
    for eml in messages:
        check_message(eml)
        check_html(eml.with_suffix(".html"))
        check_markdown(eml.with_suffix(".md"), parser)
        markdown = eml.with_suffix(".md").read_text(encoding="utf-8")
        for url in ("https://smallcapdesk.example.com/notes/2026-01-14/", "https://smallcapdesk.example.com/research/leadership/",
                    "https://smallcapdesk.example.com/assets/charts/iwm.svg", "https://smallcapdesk.example.com/notes/2026-01-15/#charts"):
            if f"({url})" not in markdown:
                problem(f"{eml.stem}.md: {url} is missing; a relative link was dropped instead of made absolute")
        message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        if "Zürich]" not in str(message["Subject"]) or message["From"].addresses[0].display_name != "Small-Cap Désk, Zürich":
            problem(f"{eml.name}: non-ASCII headers read back as {message['Subject']!r} and {message['From']!r}")
    return messages


def main():
    work = Path(tempfile.mkdtemp(prefix="marketnote-email-"))
    try:
        check_all(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_all(work):
    latest = build(work / "latest")
    backfill = build(work / "range", "--from", "2025-12-01", "--to", "2026-01-15", "--email-all")
    serial = build(work / "serial", "--from", "2025-12-01", "--to", "2026-01-15", "--email-all", "--jobs", "1")
    if len(backfill) < 20:
        problem(f"the backfill wrote {len(backfill)} messages, expected one per session")
    for parallel in (work / "range" / "email").iterdir():
        if parallel.read_bytes() != (work / "serial" / "email" / parallel.name).read_bytes():
            problem(f"{parallel.name} differs between a parallel and a serial build")
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    for eml in latest + backfill:
        check_message(eml)
        check_html(eml.with_suffix(".html"))
        check_markdown(eml.with_suffix(".md"), parser)
    messages = latest + backfill + check_hostile(work, parser)
    delivered = check_send(work / "latest", latest[0]) if latest else 0
    if PROBLEMS:
        print(f"email: {len(PROBLEMS)} problem(s)")
        sys.exit(1)
    print(f"email: {len(messages)} .eml parsed into text/plain + text/html ({len(serial)} rebuilt serially, identical); "
          f"{len(messages)} .html and .md without a relative URL; send delivered {delivered} bytes, identical to the .eml")


if __name__ == "__main__":
    main()
