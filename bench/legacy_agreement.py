#!/usr/bin/env python3
"""Legacy encodings: does `earshot parse-feed` still read a feed once it is re-encoded? (issue 3)

Takes every well-formed UTF-8 feed fixture that bench/feedparser_agreement.py uses (feedparser
reads it without a bozo flag), writes it again in legacy encodings the way old servers serve them
(no BOM, the XML declaration naming the encoding): UTF-16LE/BE and UTF-32LE/BE without a BOM,
EBCDIC (IBM037, IBM500), DOS (IBM437, IBM850) and Mac (macintosh) code pages. A variant is made
only when every character of the feed exists in that encoding, as in a real legacy feed.

A variant agrees when every item has the same id, title, link, date and author (the fields the
issue names) as a reference. Three counts per encoding:
- earshot = earshot: earshot on the variant against earshot on the UTF-8 original (does the
  encoding change anything?);
- earshot = feedparser: earshot on the variant against feedparser on the original, over the
  feeds where the two already agree in UTF-8 (where they differ in UTF-8, mostly feedparser taking
  an entry's id as its link, see BENCHMARKS.md, no encoding can make them agree);
- feedparser: feedparser on the variant against feedparser on the original (the peer figure);
- earshot = fp (all): earshot on the variant against feedparser on the original, over every
  variant (issue 3's legacy criterion: the two agree on at least 85% of legacy-encoded feeds).

Usage: bench/out/venv/bin/python bench/legacy_agreement.py [--earshot PATH] [--corpus NAME=DIR [--sample N]]
(feedparser as in bench/feedparser_agreement.py; the variants go to bench/out/legacy/, or
bench/out/legacy/NAME/ for a corpus). With --corpus the sources are the feeds under DIR
(every one, or every Nth of them with --sample N) instead of the fixtures.
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import feedparser_agreement as fa  # noqa: E402

ENCODINGS = [  # (python codec, the name written in the XML declaration)
    ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"),
    ("cp037", "IBM037"), ("cp500", "IBM500"), ("cp437", "IBM437"), ("cp850", "IBM850"), ("mac_roman", "macintosh"),
]
FIELDS = ["id", "title", "link", "date", "author"]
DECLARATION = re.compile(r'^\s*<\?xml[^>]*\?>')


def variant(text, declared):
    """The document with an XML declaration that names `declared`."""
    body = DECLARATION.sub("", text, count=1).lstrip("\ufeff")
    return f'<?xml version="1.0" encoding="{declared}"?>' + ("\n" if not body.startswith("\n") else "") + body


def agrees(reference, items):
    if items is None or len(items) != len(reference):
        return False
    return all(a[f] == b[f] for a, b in zip(reference, items) for f in FIELDS)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--earshot", default=os.path.join(fa.ROOT, ".build-release", "release", "earshot"))
    parser.add_argument("--corpus", help="NAME=DIR: re-encode the feeds under DIR instead of the fixtures")
    parser.add_argument("--sample", type=int, default=1, help="with --corpus, take every Nth feed")
    args = parser.parse_args()
    out = os.path.join(fa.ROOT, "bench", "out", "legacy")
    sources_list = fa.feeds()
    if args.corpus:
        name, directory = args.corpus.split("=", 1)
        out = os.path.join(out, name)
        sources_list = fa.corpus_files(directory)[::max(args.sample, 1)]
    os.makedirs(out, exist_ok=True)
    # variants, earshot = earshot, base-agreeing variants, earshot = feedparser, feedparser = feedparser,
    # earshot on the variant = feedparser on the original (every variant)
    per_encoding = {codec: [0, 0, 0, 0, 0, 0] for codec, _ in ENCODINGS}
    misses = []
    sources = 0
    for path in sources_list:
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        head = text[:200]
        match = re.search(r'encoding=["\']([^"\']+)', head) if head.lstrip().startswith("<?xml") else None
        if match and match.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
            continue
        reference, bozo = fa.fp_items(path)
        if bozo or not reference:
            continue
        sources += 1
        original, _ = fa.es_items(args.earshot, path)
        base_agrees = agrees(reference, original)
        name = os.path.splitext(os.path.relpath(path, os.path.commonpath(sources_list)) if args.corpus else os.path.basename(path))[0].replace(os.sep, "_")
        for codec, declared in ENCODINGS:
            try:
                data = variant(text, declared).encode(codec)
            except UnicodeEncodeError:
                continue
            target = os.path.join(out, f"{name}.{codec}.xml")
            with open(target, "wb") as f:
                f.write(data)
            counts = per_encoding[codec]
            counts[0] += 1
            es, stderr = fa.es_items(args.earshot, target)
            if original is not None and es == original:
                counts[1] += 1
            else:
                misses.append(f"{os.path.relpath(target, fa.ROOT)}: earshot {'exit 1: ' + stderr if es is None else f'{len(es)} items'}")
            counts[5] += agrees(reference, es)
            if base_agrees:
                counts[2] += 1
                counts[3] += agrees(reference, es)
            fp, _ = fa.fp_items(target)
            counts[4] += agrees(reference, fp)
    def pct(a, b):
        return f"{a:>4}/{b:<4}({100 * a / max(b, 1):5.1f}%)"
    print(f"{sources} well-formed UTF-8 feeds re-encoded (id, title, link, date and author of every item compared)")
    print(f"{'encoding':12} {'earshot = earshot':>20} {'earshot = feedparser':>22} {'feedparser = feedparser':>24} {'earshot = fp (all)':>22}")
    total = [0, 0, 0, 0, 0, 0]
    for codec, counts in per_encoding.items():
        total = [t + c for t, c in zip(total, counts)]
        n, e, b, ef, p, ea = counts
        if n:
            print(f"{codec:12} {pct(e, n):>20} {pct(ef, b):>22} {pct(p, n):>24} {pct(ea, n):>22}")
    n, e, b, ef, p, ea = total
    print(f"{'all':12} {pct(e, n):>20} {pct(ef, b):>22} {pct(p, n):>24} {pct(ea, n):>22}")
    print("earshot = fp (all): earshot on every variant against feedparser on the original, whether or not they agree in UTF-8")
    for line in misses[:40]:
        print("  earshot differs: " + line)


if __name__ == "__main__":
    sys.exit(main())
