#!/usr/bin/env python3
"""earshot against VADER on the four human-rated corpora of VADER's 2014 paper (issue 4).

The corpora ship inside vaderSentiment's source package (additional_resources/
hutto_ICWSM_2014.tar.gz, MIT licence): 4,200 tweets, 3,708 product-review snippets (Amazon),
10,605 movie-review snippets and 5,190 New York Times editorial snippets, each with the mean of
about 20 human ratings on -4..+4. Nothing of them is committed: `bench/accuracy.sh` downloads the
package into bench/out/accuracy/.

Both engines score the same lines in one run (earshot through `earshot score --format tsv`,
VADER through its Python package). Reported per corpus and engine:
- Pearson r between the compound score and the human mean;
- 3-class macro-F1, where the human class is positive above +0.5, negative below -0.5,
  neutral between (the same cut, 1/16 of the scale, on both sides), and an engine's class is
  VADER's usual compound cut (>= 0.05 positive, <= -0.05 negative).

Usage: bench/accuracy/vader_corpora.py --data DIR [--earshot BIN] [--lang auto|en]
"""
import argparse
import math
import os
import subprocess
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

CORPORA = [
    ("tweets", "tweets_GroundTruth.txt"),
    ("product reviews (Amazon)", "amazonReviewSnippets_GroundTruth.txt"),
    ("movie reviews", "movieReviewSnippets_GroundTruth.txt"),
    ("NYT editorials", "nytEditorialSnippets_GroundTruth.txt"),
]


def read_corpus(path):
    ratings, texts = [], []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            parts = line.rstrip("\n").split("\t", 2)
            if len(parts) < 3:
                continue
            try:
                rating = float(parts[1])
            except ValueError:
                sys.exit(f"{path}:{number}: rating is not a number: {parts[1]!r}")
            # One line per text for `earshot score`: fold any stray breaks.
            ratings.append(rating)
            texts.append(" ".join(parts[2].split()))
    return ratings, texts


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def human_class(rating):
    return "pos" if rating > 0.5 else "neg" if rating < -0.5 else "neu"


def engine_class(compound):
    return "pos" if compound >= 0.05 else "neg" if compound <= -0.05 else "neu"


def macro_f1(truth, predicted):
    scores = []
    for label in ("pos", "neu", "neg"):
        tp = sum(1 for t, p in zip(truth, predicted) if t == label and p == label)
        fp = sum(1 for t, p in zip(truth, predicted) if t != label and p == label)
        fn = sum(1 for t, p in zip(truth, predicted) if t == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / 3


def binary_cells(signs, truth):
    """Binary accuracy cells for texts labelled +1 or -1 and a tool's signs (0: undecided, counted
    wrong): accuracy, undecided share and accuracy where decided, formatted as table cells."""
    right = sum(1 for s, t in zip(signs, truth) if s == t)
    undecided = sum(1 for s in signs if s == 0)
    decided = len(signs) - undecided
    return f"{right / len(signs):.1%} | {undecided / len(signs):.1%} | {right / decided if decided else 0:.1%}"


def earshot_scores(binary, lexicons, texts, lang):
    payload = ("\n".join(texts) + "\n").encode("utf-8")
    result = subprocess.run([binary, "score", "--lexicons", lexicons, "--lang", lang, "--format", "tsv"],
                            input=payload, capture_output=True, check=True)
    lines = result.stdout.decode("utf-8").splitlines()
    if len(lines) != len(texts):
        sys.exit(f"earshot score wrote {len(lines)} lines for {len(texts)} texts")
    return [float(line.split("\t", 1)[0]) for line in lines]


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder holding the *_GroundTruth.txt files")
    parser.add_argument("--earshot", default=os.path.join(root, ".build-release", "release", "earshot"))
    parser.add_argument("--lexicons", default=os.path.join(root, "lexicons"))
    parser.add_argument("--lang", default="auto", choices=["auto", "en"])
    args = parser.parse_args()

    vader = SentimentIntensityAnalyzer()
    print(f"| corpus | texts | VADER r | earshot r | VADER macro-F1 | earshot macro-F1 |")
    print(f"| --- | --- | --- | --- | --- | --- |")
    for name, file_name in CORPORA:
        ratings, texts = read_corpus(os.path.join(args.data, file_name))
        ours = earshot_scores(args.earshot, args.lexicons, texts, args.lang)
        theirs = [vader.polarity_scores(text)["compound"] for text in texts]
        truth = [human_class(r) for r in ratings]
        print(f"| {name} | {len(texts):,} | {pearson(theirs, ratings):.4f} | {pearson(ours, ratings):.4f} "
              f"| {macro_f1(truth, [engine_class(c) for c in theirs]):.4f} "
              f"| {macro_f1(truth, [engine_class(c) for c in ours]):.4f} |", flush=True)


if __name__ == "__main__":
    main()
