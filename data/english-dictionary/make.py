"""Writes words.txt: the lower-case entries of Debian's american-english.

Run as /usr/bin/python3 data/english-dictionary/make.py on a machine
with the wamerican package installed. Keeps an entry only if it is two
or more letters a-z, all lower case (no capital: no names, acronyms or
possessives), and writes the kept entries sorted, one a line, LF
endings. Prints the count and the SHA-256 of the list and of the output.
"""
import hashlib
from pathlib import Path

SRC = Path("/usr/share/dict/american-english")
OUT = Path(__file__).resolve().parent / "words.txt"

raw = SRC.read_bytes()
kept = sorted({w for w in raw.decode("utf-8").split("\n")
               if len(w) >= 2 and w.isascii() and w.isalpha()
               and w.islower()})
OUT.write_text("".join(w + "\n" for w in kept), encoding="utf-8")
print(len(kept), "words")
print("source", hashlib.sha256(raw).hexdigest())
print("words.txt", hashlib.sha256(OUT.read_bytes()).hexdigest())
