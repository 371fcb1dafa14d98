"""Draw the word sample in data/words/ from Debian's word lists.

Run by hand, from anywhere, with Debian's Python:

    /usr/bin/python3 data/words/make.py

It needs the packages wamerican, wfrench, wngerman, wspanish and
witalian (their lists in /usr/share/dict/); the book's code and tests
read only the files this script writes, never the lists themselves.

For each language, in this order:

1. Read the list (UTF-8, one entry a line) and normalize each entry to
   Unicode NFC.
2. Keep an entry only if it is one word of letters: an optional
   capital followed by one or more lower-case letters (regular
   expression ^[[:upper:]]?[[:lower:]]+$ in Unicode's sense, here
   str.isupper/str.islower on single characters). This drops
   acronyms (ABC), possessives (AA's), elisions (aujourd'hui),
   hyphenated and multi-word entries and anything with a digit.
3. Lower-case what is kept (German nouns are capitalized; lower-casing
   makes "Haus" the word "haus") and remove duplicates.
4. Keep words of at least MIN_LENGTH letters.

Then every word that survives in two or more languages' lists (such as
"animal", English, French and Spanish) is dropped from all of them, so
that each word in the sample has exactly one language; the README
records how many. Finally, for each language, PER_LANGUAGE words are
drawn without replacement with random.Random(SEED + index).sample from
the sorted list of its words (index 0 to 4 in the order of LISTS), and
written in the order drawn, one a line, UTF-8, LF line endings.
The draw order is random, so the first words of a file are as good a
sample as any.
"""

import hashlib
import platform
import random
import subprocess
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261207
PER_LANGUAGE = 1000
MIN_LENGTH = 2

# (file written here, Debian package, list in /usr/share/dict)
LISTS = [
    ("english.txt", "wamerican", "american-english"),
    ("french.txt", "wfrench", "french"),
    ("german.txt", "wngerman", "ngerman"),
    ("spanish.txt", "wspanish", "spanish"),
    ("italian.txt", "witalian", "italian"),
]


def is_word(entry):
    """An optional capital, then one or more lower-case letters."""
    body = entry[1:] if entry[:1].isupper() else entry
    return len(body) > 0 and all(ch.isalpha() and ch.islower()
                                 for ch in body)


def words_of(path):
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = unicodedata.normalize("NFC", line.strip())
        if is_word(entry):
            word = entry.lower()
            if len(word) >= MIN_LENGTH:
                out.add(word)
    return out


def package_version(pkg):
    return subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", pkg],
        check=True, capture_output=True, text=True).stdout


def main():
    per_list = {}
    for name, pkg, dict_name in LISTS:
        src = Path("/usr/share/dict") / dict_name
        per_list[name] = words_of(src)
        print(f"{name}: {pkg} {package_version(pkg)}, /usr/share/dict/"
              f"{dict_name} sha256 "
              f"{hashlib.sha256(src.read_bytes()).hexdigest()}, "
              f"{len(per_list[name])} words kept")
    seen = {}
    for words in per_list.values():
        for w in words:
            seen[w] = seen.get(w, 0) + 1
    shared = {w for w, c in seen.items() if c > 1}
    print(f"{len(shared)} words occur in two or more lists; dropped")
    for index, (name, _pkg, _dict) in enumerate(LISTS):
        pool = sorted(per_list[name] - shared)
        drawn = random.Random(SEED + index).sample(pool, PER_LANGUAGE)
        out = HERE / name
        out.write_text("".join(w + "\n" for w in drawn), encoding="utf-8")
        print(f"{name}: {len(pool)} candidates, {len(drawn)} drawn, sha256 "
              f"{hashlib.sha256(out.read_bytes()).hexdigest()}")
    print(f"Python {platform.python_version()}")


if __name__ == "__main__":
    main()
