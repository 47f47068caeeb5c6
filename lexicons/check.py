#!/usr/bin/env python3
"""Validate earshot's lexicon files against the rules in lexicons/README.md.

Usage: python3 lexicons/check.py [--verbose] [LEXICON_DIR]

Prints one line per error (FILE:LINE: message), then a summary with the number of
entries in each file. Exit status 0 when there are no errors, 1 otherwise.
Warnings (cross-file overlaps worth a look) never change the exit status; --verbose
lists them one by one instead of only counting them.
"""
import os
import re
import sys

ASPECTS = {
    "service": {"support", "response", "refunds", "agents"},
    "experience": {"product", "price", "delivery", "app", "packaging"},
}
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")
ZH_TERM = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff0-9a-z]+$")

# kind: valence (term, valence[, note]), booster (term, weight[, before|after|both]),
# negator (term[, factor]), aspect (term, aspect, touchpoint), emoji (emoji, valence, name),
# normalise (variant, standard), list (term).
FILES = [
    ("en/valence.tsv", "valence", "en"),
    ("en/cx.tsv", "valence", "en"),
    ("en/negators.txt", "negator", "en"),
    ("en/boosters.tsv", "booster", "en"),
    ("en/contrast.txt", "list", "en"),
    ("en/aspects.tsv", "aspect", "en"),
    ("emoji.tsv", "emoji", None),
    ("zh/valence.tsv", "valence", "zh"),
    ("zh/negators.txt", "negator", "zh"),
    ("zh/boosters.tsv", "booster", "zh"),
    ("zh/contrast.txt", "list", "zh"),
    ("zh/aspects.tsv", "aspect", "zh"),
    ("zh/words.txt", "list", "zh-words"),
    ("ms/valence.tsv", "valence", "ms"),
    ("ms/negators.txt", "negator", "ms"),
    ("ms/boosters.tsv", "booster", "ms"),
    ("ms/contrast.txt", "list", "ms"),
    ("ms/aspects.tsv", "aspect", "ms"),
    ("ms/normalise.tsv", "normalise", "ms"),
]
FIELDS = {"valence": (2, 3), "booster": (2, 3), "negator": (1, 2), "aspect": (3,), "emoji": (3,),
          "normalise": (2,), "list": (1,)}
POSITIONS = {"before", "after", "both"}


class Checker:
    def __init__(self, root):
        self.root = root
        self.errors = []
        self.warnings = []
        self.terms = {}  # relative path -> {term: first line number}
        self.rows = {}   # relative path -> [fields]

    def error(self, path, line, message):
        self.errors.append(f"{path}:{line}: {message}")

    def warn(self, message):
        self.warnings.append(message)

    def read(self, rel):
        path = os.path.join(self.root, rel)
        if not os.path.isfile(path):
            self.error(rel, 0, "file is missing")
            return None
        data = open(path, "rb").read()
        if data.startswith(b"\xef\xbb\xbf"):
            self.error(rel, 1, "starts with a byte-order mark")
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            self.error(rel, data[: e.start].count(b"\n") + 1, f"not UTF-8: {e.reason}")
            return None
        if text and not text.endswith("\n"):
            self.error(rel, text.count("\n") + 1, "last line has no newline")
        return text.split("\n")

    def check_term(self, rel, n, term, lang):
        if term != term.strip() or "  " in term:
            self.error(rel, n, f"term {term!r}: words must be separated by exactly one space")
        if lang in ("en", "ms") and term != term.lower():
            self.error(rel, n, f"term {term!r} is not lower-case")
        if lang == "zh-words" and not CJK.match(term):
            self.error(rel, n, f"word {term!r} holds characters other than Chinese characters")
        if lang == "zh" and not ZH_TERM.match(term):
            self.error(rel, n, f"term {term!r} holds a space or characters other than Chinese, a-z, 0-9")

    def check_number(self, rel, n, text, low, high, what):
        if not NUMBER.match(text):
            self.error(rel, n, f"{what} {text!r} is not a plain decimal number")
            return None
        value = float(text)
        if not low <= value <= high:
            self.error(rel, n, f"{what} {value} is outside [{low}, {high}]")
        return value

    def check_file(self, rel, kind, lang):
        lines = self.read(rel)
        if lines is None:
            return
        if lines and lines[-1] == "":
            lines = lines[:-1]
        seen = {}
        rows = []
        for n, line in enumerate(lines, 1):
            if "\r" in line:
                self.error(rel, n, "carriage return (CRLF line ending)")
                line = line.replace("\r", "")
            if line.strip() == "" or line.startswith("#"):
                if line.strip() == "" and line != "":
                    self.error(rel, n, "blank line holds whitespace")
                continue
            if line.endswith("\t"):
                self.error(rel, n, "trailing tab")
            fields = line.split("\t")
            if len(fields) not in FIELDS[kind]:
                want = " or ".join(str(c) for c in FIELDS[kind])
                self.error(rel, n, f"{len(fields)} fields, expected {want}")
                continue
            if any(f == "" for f in fields):
                self.error(rel, n, "empty field (two tabs in a row?)")
                continue
            if any(f != f.strip() for f in fields):
                self.error(rel, n, "field with leading or trailing whitespace")
            term = fields[0]
            if kind != "emoji":
                self.check_term(rel, n, term, lang)
            if kind in ("valence", "emoji"):
                self.check_number(rel, n, fields[1], -4, 4, "valence")
            if kind == "booster":
                self.check_number(rel, n, fields[1], -1, 1, "weight")
                if len(fields) == 3 and fields[2] not in POSITIONS:
                    self.error(rel, n, f"position {fields[2]!r} is not before, after or both")
            if kind == "negator" and len(fields) == 2:
                value = self.check_number(rel, n, fields[1], -1, 0, "negation factor")
                if value == 0:
                    self.error(rel, n, "negation factor 0 would erase the word; use a value below 0")
            if kind == "aspect":
                aspect, touchpoint = fields[1], fields[2]
                if touchpoint not in ASPECTS:
                    self.error(rel, n, f"touchpoint {touchpoint!r} is not service or experience")
                elif aspect not in ASPECTS[touchpoint]:
                    allowed = ", ".join(sorted(ASPECTS[touchpoint]))
                    self.error(rel, n, f"aspect {aspect!r} is not one of the {touchpoint} aspects ({allowed})")
            if kind == "emoji":
                if any(c.isascii() and c.isalnum() for c in term):
                    self.error(rel, n, f"emoji field {term!r} holds ASCII letters or digits")
            if kind == "normalise":
                if " " in term:
                    self.error(rel, n, f"variant {term!r} must be a single token")
                if fields[1] == term:
                    self.error(rel, n, f"variant {term!r} maps to itself")
                if fields[1] != fields[1].lower():
                    self.error(rel, n, f"standard form {fields[1]!r} is not lower-case")
            if term in seen:
                self.error(rel, n, f"duplicate term {term!r} (first on line {seen[term]})")
            else:
                seen[term] = n
            rows.append(fields)
        if not seen:
            self.error(rel, 0, "no entries")
        self.terms[rel] = seen
        self.rows[rel] = rows

    def cross_checks(self):
        t = lambda rel: self.terms.get(rel, {})
        # Malay lexicon terms must be written in normalised form, or they never match.
        variants = set(t("ms/normalise.tsv"))
        for rel in ("ms/valence.tsv", "ms/aspects.tsv", "ms/contrast.txt", "ms/boosters.tsv"):
            for term, n in t(rel).items():
                for token in term.split(" "):
                    if token in variants:
                        self.error(rel, n, f"term {term!r} contains {token!r}, which normalise.tsv rewrites")
        # A normalised form should not itself be rewritten again.
        for fields in self.rows.get("ms/normalise.tsv", []):
            for token in fields[1].split(" "):
                if token in variants:
                    self.error("ms/normalise.tsv", t("ms/normalise.tsv")[fields[0]],
                               f"standard form {fields[1]!r} contains {token!r}, itself a variant")
        # Overlaps worth a look (not errors).
        for lang in ("en", "zh", "ms"):
            val = set(t(f"{lang}/valence.tsv"))
            if lang == "en":
                val |= set(t("en/cx.tsv"))
            for other in ("negators.txt", "boosters.tsv", "contrast.txt"):
                for term in sorted(val & set(t(f"{lang}/{other}"))):
                    self.warn(f"{lang}: {term!r} is in valence and in {other}")
        # zh: a segmentation word that contains a sentiment term hides it from the scorer.
        zh_terms = set()
        for rel in ("zh/valence.tsv", "zh/negators.txt", "zh/boosters.tsv", "zh/contrast.txt"):
            zh_terms |= set(t(rel))
        for word in t("zh/words.txt"):
            if word in zh_terms:
                continue
            inside = sorted(x for x in zh_terms if x in word)
            if inside:
                self.warn(f"zh: words.txt entry {word!r} contains {'/'.join(inside)} (neutral on purpose?)")

    def run(self):
        for rel, kind, lang in FILES:
            self.check_file(rel, kind, lang)
        self.cross_checks()


def main(argv):
    verbose = "--verbose" in argv
    args = [a for a in argv if a != "--verbose"]
    root = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    checker = Checker(root)
    checker.run()
    for e in checker.errors:
        print(e)
    if verbose:
        for w in checker.warnings:
            print("warning:", w)
    print()
    for rel, _, _ in FILES:
        print(f"{len(checker.terms.get(rel, {})):6d}  {rel}")
    print(f"{len(checker.errors)} errors, {len(checker.warnings)} warnings"
          + ("" if verbose else " (--verbose lists them)"))
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
