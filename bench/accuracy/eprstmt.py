#!/usr/bin/env python3
"""earshot against cnsenti on FewCLUE's EPRSTMT e-commerce reviews, a test set only (issue 4).

Corpus: EPRSTMT, the sentiment task of FewCLUE (CLUEbenchmark/FewCLUE, folder datasets/eprstmt/):
Chinese product reviews from an e-commerce site (phones, earphones, chargers, power banks, screen
films, cases), each labelled Positive or Negative. JSON lines {"id", "sentence", "label"}. The
files used, each pinned to the commit it was read at (FILES below): dev_0, dev_3, dev_4,
dev_few_all, train_0, train_1, train_3 and train_4. The rows of test.json carry no label and
unlabeled.json has none either, so both are left out; dev_1, dev_2 and train_2 were not readable here (dev_few_all
holds dev_0..dev_4 one after the other, so dev_1's and dev_2's rows are in it; train_2's are not).
Nothing of it is committed. The files were not downloaded (no network to GitHub here): each was
read through a text interface and saved as read into bench/out/accuracy/eprstmt/ (line ends as the
interface returned them, LF; its character counts suggest CRLF in the repository, so the rows are
the same but a download is not byte-identical). bench/accuracy/fetch_eprstmt.sh downloads the
same files at the same commits where GitHub is reachable.

Rows repeat within and across files (the few-shot splits overlap, and dev_few_all is the union of
the dev files): each distinct sentence (whitespace runs folded to one space) is scored once, with
its label; a sentence seen with both labels is left out and counted.

This corpus is a test set only: no lexicon entry or rule was written from it, and its rows are not
read one by one (the script prints only aggregates; there is no --show-errors).

Accuracy per class (compound > 0 positive, < 0 negative, 0 wrong), their mean (balanced accuracy),
plain accuracy and the undecided share, as in whole_reviews.py; cnsenti as in chinese_reviews.py.

Usage: bench/accuracy/eprstmt.py --data DIR [--earshot BIN] [--lexicons DIR] [--no-peer]
       bench/accuracy/eprstmt.py --source   (prints OWNER/REPO COMMIT PATH, one line per file)
"""
import argparse
import json
import math
import os
import sys

REPO = "CLUEbenchmark/FewCLUE"
FOLDER = "datasets/eprstmt"
# File name -> the commit it was read at (the text interface held each file at one commit).
FILES = {
    "dev_0.json": "bdbd876e07d70358c92c8ee584b6b8d783ddae75",
    "dev_3.json": "fe98ec2efc72075718d3064584fa1fa29e70605c",
    "dev_4.json": "4849bfe65a4e60cefdb6358e33ee64468384faac",
    "dev_few_all.json": "4849bfe65a4e60cefdb6358e33ee64468384faac",
    "train_0.json": "26ade1aa1151068320c13611c33edc51622ac32d",
    "train_1.json": "bdbd876e07d70358c92c8ee584b6b8d783ddae75",
    "train_3.json": "26ade1aa1151068320c13611c33edc51622ac32d",
    "train_4.json": "fe98ec2efc72075718d3064584fa1fa29e70605c",
}
LABELS = {"Positive": 1, "Negative": -1}


def read_rows(folder):
    """(raw row count, {sentence: label} of the distinct sentences with one label, conflicts)."""
    raw = 0
    seen = {}
    for name in FILES:
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            sys.exit(f"eprstmt.py: {path} is missing (bench/accuracy/fetch_eprstmt.sh downloads it)")
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if row.get("label") not in LABELS:
                    sys.exit(f"{path}:{number}: label is not Positive or Negative: {row.get('label')!r}")
                raw += 1
                seen.setdefault(" ".join(row["sentence"].split()), set()).add(LABELS[row["label"]])
    rows = {text: labels.pop() for text, labels in seen.items() if len(labels) == 1}
    return raw, rows, len(seen) - len(rows)


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", help="folder holding the saved EPRSTMT files")
    source.add_argument("--source", action="store_true", help="print OWNER/REPO COMMIT PATH per file and stop")
    parser.add_argument("--earshot", default=os.path.join(root, ".build-release", "release", "earshot"))
    parser.add_argument("--lexicons", default=os.path.join(root, "lexicons"))
    parser.add_argument("--no-peer", action="store_true", help="leave cnsenti out")
    args = parser.parse_args()

    if args.source:
        for name, commit in FILES.items():
            print(REPO, commit, f"{FOLDER}/{name}")
        return
    # Imported here so that --source needs neither vaderSentiment nor cnsenti.
    from chinese_reviews import cnsenti_signs  # in this folder
    from vader_corpora import earshot_scores
    from whole_reviews import per_class_line

    raw, rows, conflicts = read_rows(args.data)
    texts = list(rows)
    truth = [rows[text] for text in texts]
    print(f"EPRSTMT ({len(FILES)} files): {raw} rows, {len(texts) + conflicts} distinct sentences, "
          f"{conflicts} with both labels left out; {len(texts)} reviews, "
          f"{truth.count(1)} positive / {truth.count(-1)} negative")
    print("| tool | reviews | positive right | negative right | balanced accuracy | accuracy | undecided |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    intervals = []
    for lang in ("zh", "auto"):
        signs = [(c > 0) - (c < 0) for c in earshot_scores(args.earshot, args.lexicons, texts, lang)]
        accuracy = per_class_line(f"earshot (--lang {lang})", signs, truth)
        half = 1.96 * math.sqrt(accuracy * (1 - accuracy) / len(truth))
        intervals.append(f"--lang {lang} {accuracy - half:.1%}–{accuracy + half:.1%}")
    if not args.no_peer:
        per_class_line("cnsenti (HowNet)", cnsenti_signs(texts), truth)
    print(f"earshot accuracy, 95% interval (normal approximation, n = {len(truth)}): {'; '.join(intervals)}")


if __name__ == "__main__":
    main()
