"""Folding text for search, done once when a row is written and again for each query.

German spellings meet in one form: "Müller", "Mueller", "MULLER" -> "muller"; "Weiß", "Weiss" ->
"weiss"; "Özdemir" -> "ozdemir"; accents are dropped ("José" -> "jose").
"""

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """The search form of `text`: lower case, umlauts and digraphs unified, no accents."""
    text = (text or "").lower().translate(_UMLAUTS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    return " ".join(_NOT_WORD.sub(" ", text).split())


def prefix_query(text: str) -> str | None:
    """An FTS5 query matching rows that contain every word of `text` as a prefix."""
    words = fold(text).split()
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)
