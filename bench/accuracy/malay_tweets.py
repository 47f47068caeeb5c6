#!/usr/bin/env python3
"""earshot against VADER on hand-labelled Malay tweets (issue 4).

Corpus: mesolitica/malaysian-dataset, sentiment/supervised-twitter/ (CC BY 4.0): tweets from
Malaysia "manually annotated by Husein Zolkepli using label studio" as Positive, Negative or
Neutral, one label per tweet (label-studio project 12, snapshot of 2022-02-07; tab-separated
despite the .csv name). Nothing of it is committed: `bench/accuracy/fetch_malay.sh` downloads it
into bench/out/accuracy/malay/. The tweets are social chatter, not reviews: Malaysian Malay with
dialect and chat spelling, English mixed in, and a fair share of Indonesian.

Rows are split in two halves by their row number in the file: `--split dev` (even rows) is where
errors may be looked at while writing the lexicon; `--split test` (odd rows, the default) is what
BENCHMARKS.md quotes, never looked at line by line. Rows without a label are left out, and so is a
second annotation of a tweet id already seen (the file has one).

Reported per tool: 3-class macro-F1 over Positive / Neutral / Negative (a tool's class is VADER's
usual compound cut, >= 0.05 positive, <= -0.05 negative), and binary accuracy on the Positive and
Negative lines (right when the compound's sign matches; 0 counts as wrong), the share of those
lines a tool leaves undecided (compound 0) and the accuracy where it decides. VADER, the peer in
the same harness, knows no Malay; it reads the English words mixed into the tweets.

Usage: bench/accuracy/malay_tweets.py --data FILE [--earshot BIN] [--split dev|test] [--no-peer]
(vaderSentiment is needed for the peer column: pip install vaderSentiment)
"""
import argparse
import csv
import html
import os
import random
import sys

from vader_corpora import binary_cells, earshot_scores, engine_class, macro_f1  # shared, in this folder

LABELS = {"Positive": "pos", "Neutral": "neu", "Negative": "neg"}


def read_rows(path, split):
    parity = 0 if split == "dev" else 1
    seen = set()
    texts, truth = [], []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t")):
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            label = LABELS.get(row["sentiment"])
            if number % 2 != parity or label is None:
                continue
            # Tweets come HTML-escaped (&amp;); one line per text for `earshot score`.
            texts.append(" ".join(html.unescape(row["text"]).split()))
            truth.append(label)
    return texts, truth


def summary(name, compounds, truth):
    f1 = macro_f1(truth, [engine_class(c) for c in compounds])
    polar = [(c, t) for c, t in zip(compounds, truth) if t != "neu"]
    signs = [(c > 0) - (c < 0) for c, _ in polar]
    print(f"| {name} | {len(compounds):,} | {f1:.3f} | {binary_cells(signs, [1 if t == 'pos' else -1 for _, t in polar])} |")


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="the project-12-*.csv file")
    parser.add_argument("--earshot", default=os.path.join(root, ".build-release", "release", "earshot"))
    parser.add_argument("--lexicons", default=os.path.join(root, "lexicons"))
    parser.add_argument("--split", choices=["dev", "test"], default="test")
    parser.add_argument("--show-errors", type=int, default=0, help="print this many earshot errors (dev split only)")
    parser.add_argument("--no-peer", action="store_true", help="leave VADER out")
    args = parser.parse_args()

    texts, truth = read_rows(args.data, args.split)
    counts = {label: truth.count(label) for label in ("pos", "neu", "neg")}
    print(f"{args.split} half: {len(texts)} tweets, {counts['pos']} positive / {counts['neu']} neutral / "
          f"{counts['neg']} negative")
    print()
    print("| tool | tweets | macro-F1 | binary accuracy | undecided | accuracy where decided |")
    print("| --- | --- | --- | --- | --- | --- |")
    for lang in ("ms", "auto"):
        compounds = earshot_scores(args.earshot, args.lexicons, texts, lang)
        summary(f"earshot (--lang {lang})", compounds, truth)
        if args.show_errors and lang == "ms":
            if args.split != "dev":
                sys.exit("--show-errors looks at the dev split only")
            wrong = [(t, c, text) for t, c, text in zip(truth, compounds, texts) if engine_class(c) != t]
            for t, c, text in random.Random(1).sample(wrong, min(args.show_errors, len(wrong))):
                print(f"  {t} {c:+.3f} {text[:140]}", file=sys.stderr)
    if not args.no_peer:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        vader = SentimentIntensityAnalyzer()
        summary("VADER", [vader.polarity_scores(text)["compound"] for text in texts], truth)


if __name__ == "__main__":
    main()
