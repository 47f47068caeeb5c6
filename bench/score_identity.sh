#!/usr/bin/env bash
# Byte-identity check for `earshot score` speed work: every output format and --explain, on the
# bench texts and on varied lines made from the labelled sets, compared with `cmp`.
# Usage: bench/score_identity.sh save BIN DIR      (reference outputs of BIN, e.g. a build of HEAD)
#        bench/score_identity.sh compare BIN DIR   (BIN's outputs against DIR; exit 1 on a difference)
# SCORE_IDENTITY_LEXICONS=DIR reads the lexicons from a frozen copy instead of lexicons/, so that
# lexicon edits made meanwhile do not show up as differences.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=$1 bin=$2 ref=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make_texts.py 300000 "$work/t300.txt"
python3 bench/make_texts.py 100000 "$work/t100.txt"
# Every sentence of the labelled and holdout sets, as written and in eleven variants
# (capitals, emoji, skin tone, curly apostrophes, no-break spaces, tabs, CR, punctuation,
# emoticons, a Chinese contrast).
python3 - "$work/varied.txt" <<'PY'
import glob, sys
lines = []
for f in sorted(glob.glob('Tests/EarshotAnalysisTests/Fixtures/*.tsv')):
    for l in open(f, encoding='utf-8'):
        l = l.rstrip('\n')
        if not l or l.startswith('#'):
            continue
        lines.append(max(l.split('\t'), key=len))
out = []
for t in lines:
    out += [t, t.upper(), t + ' 😡', t + ' 👍🏽', t.replace("'", "’"), t.replace(' ', '\u00a0', 2),
            t.replace(' ', '\t', 1), t + '\r', t.lower() + '!!! ??', '😍' + t + ' :) </3', t + '，但是 ' + t, t.title()]
open(sys.argv[1], 'w', encoding='utf-8').write('\n'.join(out) + '\n')
PY
out="$work/out"
mkdir -p "$out"
L="--lexicons ${SCORE_IDENTITY_LEXICONS:-lexicons}"
"$bin" score $L --jobs 2 < "$work/t300.txt" > "$out/t300_tsv"
"$bin" score $L --jobs 2 --format jsonl < "$work/t300.txt" > "$out/t300_jsonl"
"$bin" score $L --jobs 2 --explain < "$work/t300.txt" > "$out/t300_tsv_x"
"$bin" score $L --jobs 2 --format jsonl --explain < "$work/t300.txt" > "$out/t300_jsonl_x"
for l in en zh ms; do "$bin" score $L --jobs 2 --lang $l --format jsonl --explain < "$work/t100.txt" > "$out/t100_$l"; done
for l in auto en zh ms; do for f in tsv jsonl; do
  "$bin" score $L --jobs 1 --lang $l --format $f --explain < "$work/varied.txt" > "$out/v_${l}_${f}_x"
  "$bin" score $L --jobs 3 --lang $l --format $f < "$work/varied.txt" > "$out/v_${l}_${f}"
done; done
if [ "$mode" = save ]; then
  mkdir -p "$ref"
  cp "$out"/* "$ref"/
  echo "saved $(ls "$out" | wc -l) outputs in $ref"
  exit 0
fi
same=0 differ=0
for f in "$ref"/*; do
  if cmp -s "$f" "$out/$(basename "$f")"; then same=$((same + 1)); else differ=$((differ + 1)); echo "DIFF $(basename "$f"): $(cmp "$f" "$out/$(basename "$f")" 2>&1 | head -1)"; fi
done
echo "identical=$same differ=$differ"
[ "$differ" -eq 0 ]
