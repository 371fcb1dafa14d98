"""Helpers shared by the reference scripts in this folder.

Each script in scripts/reference/ writes one JSON fixture under
tests/fixtures/<chapter>/ and used to carry its own copy of the same
boilerplate; this module holds the one copy:

- ROOT, the repository's root;
- versions(), the "versions" block recorded in every fixture;
- as_list(), an array flattened into a list of Python floats;
- load_csv() and sha256_file(), a data file read together with the
  SHA-256 of its bytes (and, for load_csv, its header line);
- write_json(), the fixture written as indented JSON plus a newline.

It is not run by itself. The scripts import it by name, which works
because Python puts a script's own folder first on sys.path when it is
run as `/usr/bin/python3 scripts/reference/<name>.py` (statistics.py,
which has to take that folder off the path, puts it back to import this
module). A change here can change every fixture: rerun all the
scripts and check that `git status --short tests/fixtures` stays empty.
"""

import hashlib
import json
import platform
from pathlib import Path
from typing import NamedTuple, Optional

import numpy as np
import scipy

ROOT = Path(__file__).resolve().parents[2]


def versions(*modules):
    """Python's, NumPy's and SciPy's versions, then those of `modules`.

    The modules' versions follow in the order given, each under the
    module's name (sklearn, statsmodels, sympy, mpmath)."""
    out = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
    }
    for module in modules:
        out[module.__name__] = module.__version__
    return out


def as_list(a, dtype=None):
    """The entries of `a`, flattened in C order, as Python floats.

    dtype=None keeps the array's own type until each entry is converted;
    probability.py passes dtype=float (converting the array first), as
    its own helper always did."""
    return [float(v) for v in np.asarray(a, dtype=dtype).ravel()]


def sha256_file(path):
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Csv(NamedTuple):
    table: np.ndarray  # np.loadtxt of the rows below the header
    sha256: str  # SHA-256 of the file's bytes, in hex
    header: Optional[list]  # the first line's names; None if no header


def load_csv(path, delimiter=",", header=True):
    """A data file as np.loadtxt reads it, its SHA-256 and its header.

    With header=True the first line (ASCII) holds the column names and is
    skipped; with header=False every line is data. delimiter=None splits
    on whitespace, as np.loadtxt and str.split do."""
    raw = path.read_bytes()
    names = None
    if header:
        names = raw.decode("ascii").splitlines()[0].split(delimiter)
    table = np.loadtxt(path, delimiter=delimiter, skiprows=1 if header else 0)
    return Csv(table, hashlib.sha256(raw).hexdigest(), names)


def write_json(path, data, *, indent):
    """Write `data` to `path` as JSON with the given indent and a final
    newline, creating the folder, and say so on stdout.

    The indent is the script's own choice (1 or 2): the fixtures differ
    there and must stay byte-identical."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=indent) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")
