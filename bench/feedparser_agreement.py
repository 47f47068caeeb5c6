#!/usr/bin/env python3
"""How often `earshot parse-feed` agrees with Python's feedparser (issue 3).

Runs both over every feed fixture (RSS, RDF, Atom; JSON Feed and review pages are left out, since feedparser
reads neither) in
Tests/EarshotIngestTests/Fixtures (with its encodings/ and hostile/ folders) and the demo feeds/,
pairs items by position, and compares per item: id, title, link, date (published, else updated,
to the second, UTC), author (a name; `email (Name)` counts as Name) and the summary as plain text
(tags, scripts and styles dropped, entities decoded, then all white space removed, since
the two place breaks between blocks differently; feedparser's summary falls back to the
content, so earshot's summary does too here). An item that one side
has and the other does not counts as a disagreement on every field.

Usage: bench/feedparser_agreement.py [--earshot PATH] [--details FILE]
Needs feedparser: python3 -m venv bench/out/venv && bench/out/venv/bin/pip install feedparser,
then run it with bench/out/venv/bin/python.
"""
import argparse
import calendar
import glob
import html
import json
import os
import re
import subprocess
import sys

import feedparser

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
FIELDS = ["id", "title", "link", "date", "author", "summary"]


def plain(text):
    if text is None:
        return None
    text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", text)
    text = re.sub(r"(?s)<[^>]*>", " ", text)
    text = html.unescape(text)
    text = " ".join(text.split())
    return text or None


def squeeze(text):
    """Plain text with all white space removed: where one side puts a break between blocks and
    the other a space or nothing, the words still agree."""
    text = plain(text)
    return "".join(text.split()) if text else None


def fp_text(entry, key):
    """feedparser's value for `key`, read as HTML unless feedparser says it is plain text."""
    value = entry.get(key)
    detail = entry.get(key + "_detail") or {}
    if value is not None and detail.get("type") == "text/plain":
        return fold(value)
    return plain(value)


def fold(text):
    if text is None:
        return None
    text = " ".join(str(text).split())
    return text or None


def fp_author(entry):
    detail = entry.get("author_detail") or {}
    name = detail.get("name") or entry.get("author")
    if name is None and detail.get("email"):
        name = detail.get("email")
    if name:
        match = re.match(r"^\S+@\S+\s*\((.+)\)$", name.strip())
        if match:
            name = match.group(1)
    return fold(plain(name))


def fp_date(entry):
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return calendar.timegm(value)
    return None


def es_date(item):
    for key in ("published", "updated"):
        value = item.get(key)
        if value:
            from datetime import datetime
            return calendar.timegm(datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").timetuple())
    return None


def fp_items(path):
    parsed = feedparser.parse(path)
    items = []
    for entry in parsed.entries:
        items.append({
            "id": fold(entry.get("id")),
            "title": fp_text(entry, "title"),
            "link": fold(entry.get("link")),
            "date": fp_date(entry),
            "author": fp_author(entry),
            "summary": squeeze(entry.get("summary")),
        })
    return items, bool(parsed.get("bozo"))


def es_items(binary, path):
    run = subprocess.run([binary, "parse-feed", path], capture_output=True, timeout=60)
    if run.returncode != 0:
        return None, run.stderr.decode("utf-8", "replace").strip()
    document = json.loads(run.stdout)
    items = []
    for item in document.get("items", []):
        items.append({
            "id": fold(item.get("id")),
            "title": fold(item.get("title")),
            "link": fold(item.get("link")),
            "date": es_date(item),
            "author": fold(item.get("author")),
            # feedparser's summary falls back to the content when an entry has no summary.
            "summary": squeeze(item.get("summary") or item.get("content")),
        })
    return items, run.stderr.decode("utf-8", "replace").strip()


def feeds():
    fixtures = os.path.join(ROOT, "Tests", "EarshotIngestTests", "Fixtures")
    found = []
    # JSON Feed is left out: feedparser (6.x) does not read it.
    for pattern in ("*.xml", "*.rss", "*.atom", "*/*.xml", "*/*.rss", "*/*.atom"):
        found += glob.glob(os.path.join(fixtures, pattern))
    for pattern in ("*.rss", "*.atom", "*.xml"):
        found += glob.glob(os.path.join(ROOT, "feeds", pattern))
    return sorted(p for p in set(found) if not p.endswith(".expected.json") and os.path.basename(p) != "EXPECTED.json"
                  and not p.endswith("earshot.yaml"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--earshot", default=os.path.join(ROOT, ".build-release", "release", "earshot"))
    parser.add_argument("--details", default=os.path.join(ROOT, "bench", "out", "agreement_details.txt"))
    args = parser.parse_args()
    totals = {f: [0, 0] for f in FIELDS}
    per_feed = []
    details = []
    feed_all_agree = 0
    feeds_compared = 0
    for path in feeds():
        rel = os.path.relpath(path, ROOT)
        fp, bozo = fp_items(path)
        es, stderr = es_items(args.earshot, path)
        if es is None:
            per_feed.append((rel, len(fp), "exit 1", {}))
            details.append(f"{rel}: earshot refused it: {stderr}")
            if fp:
                for f in FIELDS:
                    totals[f][1] += len(fp)
            continue
        feeds_compared += 1
        agree = {f: 0 for f in FIELDS}
        count = max(len(fp), len(es))
        for i in range(count):
            a = fp[i] if i < len(fp) else None
            b = es[i] if i < len(es) else None
            for f in FIELDS:
                same = a is not None and b is not None and a[f] == b[f]
                agree[f] += same
                if not same:
                    details.append(f"{rel} item {i} {f}: feedparser={None if a is None else a[f]!r} earshot={None if b is None else b[f]!r}")
        for f in FIELDS:
            totals[f][0] += agree[f]
            totals[f][1] += count
        if all(agree[f] == count for f in FIELDS):
            feed_all_agree += 1
        per_feed.append((rel, len(fp), len(es), {f: (agree[f], count) for f in FIELDS}))

    print(f"{'feed':62} {'fp':>4} {'es':>4} " + " ".join(f"{f:>8}" for f in FIELDS))
    for rel, nfp, nes, agree in per_feed:
        cells = " ".join(f"{agree[f][0]:>3}/{agree[f][1]:<4}" if f in agree else f"{'-':>8}" for f in FIELDS)
        print(f"{rel[-62:]:62} {nfp:>4} {str(nes):>4} {cells}")
    print()
    print("field agreement over all items: " + ", ".join(
        f"{f} {100 * a / n:.1f}% ({a}/{n})" for f, (a, n) in totals.items() if n))
    all_fields = sum(a for a, _ in totals.values()), sum(n for _, n in totals.values())
    print(f"all fields: {100 * all_fields[0] / max(all_fields[1], 1):.1f}%; feeds where every item agrees on every field: "
          f"{feed_all_agree}/{len(per_feed)} ({feeds_compared} parsed by earshot)")
    os.makedirs(os.path.dirname(args.details), exist_ok=True)
    with open(args.details, "w") as out:
        out.write("\n".join(details) + "\n")
    print(f"{len(details)} disagreements written to {os.path.relpath(args.details, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
