#!/usr/bin/env python3
"""The peer for the `earshot score` benchmark: VADER's Python package on the same lines,
printing compound<TAB>en per line as earshot does."""
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

analyzer = SentimentIntensityAnalyzer()
out = sys.stdout
for line in sys.stdin:
    out.write(f"{analyzer.polarity_scores(line.rstrip(chr(10)))['compound']:.4f}\ten\n")
