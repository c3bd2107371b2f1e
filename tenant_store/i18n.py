"""One gettext catalog for domain messages, services and PDFs: English msgids, German reference.

The UI language is global (`set_language`). A customer document has a language of its own, the
tenant's document language, whatever the clerk's UI shows: `using_language(lang)` switches
`_()`, `ngettext()` and the formats (`babel_locale()`) for the code running under it. It is a
context variable, so a document rendered in a worker thread switches only that thread.
"""

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

DOMAIN = "jack"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
SUPPORTED = ("de", "en")
# The babel locale of each language: its number, money and date formats.
BABEL_LOCALES = {"de": "de_DE", "en": "en_GB"}

_language = "en"
_translation: gettext.NullTranslations = gettext.NullTranslations()
# (language, catalog) of the innermost `using_language` of this context; None: the UI's.
_local: ContextVar[tuple[str, gettext.NullTranslations] | None] = ContextVar(
    "jack_language", default=None
)


def system_language() -> str:
    """Language from the environment the way gettext reads it, reduced to a supported one."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in SUPPORTED:
                return code
    return "en"


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def set_language(lang: str | None = None) -> str:
    """Switch the domain catalog to `lang` (default: the system's); returns the language used."""
    global _language, _translation
    lang = (lang or system_language()).lower()
    _language, _translation = lang, _catalog(lang)
    return lang


@contextmanager
def using_language(lang: str) -> Iterator[str]:
    """Translate and format into `lang` inside the block (this thread or task only)."""
    lang = lang.lower()
    token = _local.set((lang, _catalog(lang)))
    try:
        yield lang
    finally:
        _local.reset(token)


def current_language() -> str:
    """The language `_()` translates into here: a `using_language` block's, else the UI's."""
    local = _local.get()
    return local[0] if local else _language


def babel_locale(lang: str | None = None) -> str:
    """The babel locale of `lang` (default: the current language): 'de' -> 'de_DE'."""
    lang = (lang or current_language()).lower()
    return BABEL_LOCALES.get(lang, BABEL_LOCALES["en"])


def _current() -> gettext.NullTranslations:
    local = _local.get()
    return local[1] if local else _translation


def _(message: str) -> str:
    """Translate a domain message."""
    return _current().gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count."""
    return _current().ngettext(singular, plural, n)


set_language(os.environ.get("JACK_LANG"))
