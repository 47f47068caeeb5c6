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
       bench/feedparser_agreement.py --corpus NAME=DIR [--corpus NAME=DIR ...] [--exit-check NAME=DIR ...]

With --corpus, every feed file under DIR (recursively: .xml, .rss, .atom, .rdf, .feed) is compared
instead of the fixtures, and per corpus it reports: feeds compared (those where either side has an
item; feeds where both have none are counted apart), feeds on which every item agrees on all five
fields the issue names (id, title, link, date, author), per-field item agreement, the feed title's
agreement, and writes each disagreement to bench/out/agreement_NAME.txt. With --exit-check, every
file under DIR is given to earshot with a 10 s timeout: a clean exit is 0, or 1 with one line on
stderr; anything else (a signal, another status, a hang) is listed.
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
    items, bozo, _ = fp_feed(path)
    return items, bozo


def fp_feed(path):
    """feedparser's items, bozo flag and feed title for the file at `path`."""
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
    return items, bool(parsed.get("bozo")), fp_text(parsed.get("feed", {}), "title")


def es_items(binary, path):
    items, stderr, _ = es_feed(binary, path)
    return items, stderr


def es_feed(binary, path):
    """earshot's items (None when it refused the file), stderr and feed title."""
    try:
        run = subprocess.run([binary, "parse-feed", path], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "timed out after 60 s", None
    if run.returncode != 0:
        return None, run.stderr.decode("utf-8", "replace").strip(), None
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
    return items, run.stderr.decode("utf-8", "replace").strip(), fold(document.get("title"))


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

FIVE = ["id", "title", "link", "date", "author"]
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".feed")


def corpus_files(directory):
    found = []
    for dirpath, _, names in os.walk(directory):
        for name in names:
            if name.lower().endswith(FEED_SUFFIXES):
                found.append(os.path.join(dirpath, name))
    return sorted(found)


def compare_corpus(name, directory, binary):
    """Compares the two parsers over every feed under `directory`; prints one summary line
    and writes the disagreements to bench/out/agreement_NAME.txt."""
    totals = {f: [0, 0] for f in FIVE}
    details = []
    with_items = all_agree = both_empty = refused = bozo_count = 0
    titles = [0, 0]
    for path in corpus_files(directory):
        rel = os.path.relpath(path, directory)
        fp, bozo, fp_title = fp_feed(path)
        bozo_count += bozo
        es, stderr, es_title = es_feed(binary, path)
        if es is None:
            refused += 1
            details.append(f"{rel}: earshot refused it: {stderr}")
            es = []
        else:
            titles[1] += 1
            if fp_title == es_title:
                titles[0] += 1
            else:
                details.append(f"{rel} feed title: feedparser={fp_title!r} earshot={es_title!r}")
        if not fp and not es:
            both_empty += 1
            continue
        with_items += 1
        count = max(len(fp), len(es))
        feed_agrees = True
        for i in range(count):
            a = fp[i] if i < len(fp) else None
            b = es[i] if i < len(es) else None
            for f in FIVE:
                same = a is not None and b is not None and a[f] == b[f]
                totals[f][0] += same
                totals[f][1] += 1
                if not same:
                    feed_agrees = False
                    details.append(f"{rel} item {i} {f}: feedparser={None if a is None else a[f]!r} earshot={None if b is None else b[f]!r}")
        all_agree += feed_agrees
    out = os.path.join(ROOT, "bench", "out", f"agreement_{name}.txt")
    with open(out, "w") as f:
        f.write("\n".join(details) + "\n")
    items = totals["id"][1]
    fields = " ".join(f"{100 * a / max(n, 1):5.1f}%" for a, n in totals.values())
    print(f"{name:22} {with_items:>6} {all_agree:>6} {100 * all_agree / max(with_items, 1):6.1f}% {items:>6} {fields} "
          f"{100 * titles[0] / max(titles[1], 1):6.1f}% {both_empty:>6} {refused:>5} {bozo_count:>5}")
    return len(details), out


def exit_check(name, directory, binary):
    """Runs earshot on every file under `directory` with a 10 s timeout; returns the counts and the bad cases."""
    counts = {"exit 0": 0, "exit 1 (one line)": 0}
    bad = []
    for dirpath, _, names in os.walk(directory):
        for file in sorted(names):
            path = os.path.join(dirpath, file)
            try:
                run = subprocess.run([binary, "parse-feed", path], capture_output=True, timeout=10)
            except subprocess.TimeoutExpired:
                bad.append(f"{path}: no exit within 10 s")
                continue
            lines = run.stderr.decode("utf-8", "replace").strip().splitlines()
            if run.returncode == 0:
                counts["exit 0"] += 1
            elif run.returncode == 1 and len(lines) == 1:
                counts["exit 1 (one line)"] += 1
            else:
                bad.append(f"{path}: exit {run.returncode}, stderr {lines[:3]!r}")
    print(f"{name:22} {sum(counts.values()) + len(bad):>6} files: " + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f", unclean {len(bad)}")
    for line in bad:
        print("  " + line)


def main_corpora(args):
    print(f"{'corpus':22} {'feeds':>6} {'agree':>6} {'%':>7} {'items':>6} " + " ".join(f"{f:>6}" for f in FIVE)
          + f" {'fTitle':>7} {'empty':>6} {'exit1':>5} {'bozo':>5}")
    for spec in args.corpus:
        name, directory = spec.split("=", 1)
        count, out = compare_corpus(name, directory, args.earshot)
    print("feeds: with an item on either side; agree: every item agrees on id, title, link, date and author;"
          " items: item pairs (one side's extra item counts as a disagreement on every field); fTitle: the feed's title;"
          " empty: no item on either side; exit1: earshot refused; bozo: feedparser's flag."
          " Disagreements in bench/out/agreement_NAME.txt.")
    for spec in args.exit_check or []:
        name, directory = spec.split("=", 1)
        exit_check(name, directory, args.earshot)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--earshot", default=os.path.join(ROOT, ".build-release", "release", "earshot"))
    parser.add_argument("--details", default=os.path.join(ROOT, "bench", "out", "agreement_details.txt"))
    parser.add_argument("--corpus", action="append", help="NAME=DIR: compare every feed under DIR")
    parser.add_argument("--exit-check", action="append", help="NAME=DIR: check that earshot exits cleanly on every file")
    args = parser.parse_args()
    if args.corpus or args.exit_check:
        args.corpus = args.corpus or []
        return main_corpora(args)
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
