"""One gettext catalog for domain messages, services and PDFs: English msgids, German reference."""

import gettext
import os
from pathlib import Path

DOMAIN = "jack"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
SUPPORTED = ("de", "en")

_translation: gettext.NullTranslations = gettext.NullTranslations()


def system_language() -> str:
    """Language from the environment the way gettext reads it, reduced to a supported one."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in SUPPORTED:
                return code
    return "en"


def set_language(lang: str | None = None) -> str:
    """Switch the domain catalog to `lang` (default: the system's); returns the language used."""
    global _translation
    lang = (lang or system_language()).lower()
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    return lang


def _(message: str) -> str:
    """Translate a domain message."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count."""
    return _translation.ngettext(singular, plural, n)


set_language(os.environ.get("JACK_LANG"))
