#!/usr/bin/env python3
"""waimai_10k through bench/accuracy/whole_reviews.py (kept for the commands quoted in BENCHMARKS.md
and lexicons/README.md): the same options, with --corpus waimai added.

Usage: bench/accuracy/waimai_reviews.py (--data waimai_10k.csv | --pages DIR) [--split dev|test]
       [--earshot BIN] [--lexicons DIR] [--no-peer] [--show-errors N]
"""
import sys

import whole_reviews  # in this folder

if __name__ == "__main__":
    sys.argv[1:1] = ["--corpus", "waimai"]
    whole_reviews.main()
