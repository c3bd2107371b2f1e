"""The domain message catalog: complete German translation, compiled files and template in
step with the source, and the store's errors really switching language."""

import io
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from tenant_store import ValidationError, i18n
from tenant_store.errors import PermissionDenied
from tenant_store.rights import Rights
from tenant_store.tenant_validation import parse_tenant_nr

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCALES = REPO_ROOT / "resources" / "locale"
POT = LOCALES / "jack.pot"
LANGS = ("de", "en")
# The same sources and keywords as `make translations` (pybabel extract -k _ -k N_ -k ngettext:1,2).
SOURCE_DIRS = ("tenant_store", "jack_desktop")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
FIX = "run `make translations`, translate the new entries in the German .po and commit the result"


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "jack.po"


def mo_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "jack.mo"


def load_po(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def msgids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def placeholders(text: str) -> set[tuple]:
    """The replacement fields of a str.format() text: (name, conversion, format spec)."""
    return {
        (name, conv, spec)
        for _, name, spec, conv in string.Formatter().parse(text)
        if name is not None
    }


def texts(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


@pytest.fixture
def language():
    """Switch the domain language inside a test; always back to English afterwards."""
    try:
        yield i18n.set_language
    finally:
        i18n.set_language("en")


# -- the German catalog ---------------------------------------------------------------------------


def test_german_catalog_is_complete_and_not_fuzzy():
    catalog = load_po(po_path("de"))
    assert len(msgids(catalog)) > 50, "the German catalog lost its messages"
    untranslated = [m.id for m in catalog if m.id and not all(s.strip() for s in strings(m))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"untranslated German messages: {untranslated}"
    assert not fuzzy, f"fuzzy German messages (check them, then drop '#, fuzzy'): {fuzzy}"
    assert not catalog.fuzzy, "the German catalog header is marked fuzzy"


def test_german_translations_keep_every_placeholder():
    wrong = {}
    for message in load_po(po_path("de")):
        if not message.id:
            continue
        expected = set().union(*(placeholders(t) for t in texts(message)))
        for translated in strings(message):
            if translated and placeholders(translated) != expected:
                wrong[texts(message)[0]] = translated
    assert not wrong, f"placeholders differ between msgid and msgstr: {wrong}"


def test_english_catalog_falls_back_to_msgids():
    catalog = load_po(po_path("en"))
    assert str(catalog.locale) == "en"
    assert catalog.charset.lower() == "utf-8"
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert not [m.id for m in catalog if m.id and any(strings(m))], (
        "the English catalog should leave msgstr empty (English falls back to the msgid)"
    )


# -- compiled files and template in step ----------------------------------------------------------


def _entries(catalog) -> dict:
    """msgid -> msgstr, with plural forms as tuples (the .mo reader gives lists)."""

    def key(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {key(m.id): key(m.string) for m in catalog if m.id}


@pytest.mark.parametrize("lang", LANGS)
def test_committed_mo_matches_po(lang):
    compiled = io.BytesIO()
    write_mo(compiled, load_po(po_path(lang)), use_fuzzy=True)
    compiled.seek(0)
    expected = read_mo(compiled)
    assert mo_path(lang).is_file(), f"{mo_path(lang)} is missing: {FIX}"
    with mo_path(lang).open("rb") as f:
        committed = read_mo(f)
    stale = f"{mo_path(lang)} is out of date with its .po: {FIX}"
    assert _entries(committed) == _entries(expected), stale
    assert committed.plural_forms == expected.plural_forms, stale
    assert committed.charset == expected.charset, stale


def extracted_msgids() -> set:
    ids = set()
    for folder in SOURCE_DIRS:
        for _file, _line, message, _comments, _context in extract_from_dir(
            REPO_ROOT / folder, keywords=KEYWORDS
        ):
            ids.add(message)
    return ids


@pytest.fixture(scope="module")
def source_msgids() -> set:
    ids = extracted_msgids()
    assert ids, "nothing extracted from the source: is the extraction still pointed at it?"
    return ids


@pytest.mark.parametrize(
    "catalog_path",
    [pytest.param(POT, id="jack.pot"), *(pytest.param(po_path(lang), id=lang) for lang in LANGS)],
)
def test_catalog_matches_the_source(catalog_path, source_msgids):
    catalog_ids = msgids(load_po(catalog_path))
    new = sorted(map(str, source_msgids - catalog_ids))
    gone = sorted(map(str, catalog_ids - source_msgids))
    assert not new and not gone, (
        f"{catalog_path.relative_to(REPO_ROOT)} is out of date with the source: {FIX}.\n"
        f"  new in the source: {new}\n  no longer in the source: {gone}"
    )


# -- the store's messages at run time ------------------------------------------------------------


def test_store_error_in_german_and_english(language):
    language("de")
    with pytest.raises(ValidationError) as german:
        parse_tenant_nr("abc")
    assert german.value.field == "number"
    assert (
        german.value.message
        == "'abc' ist keine ganze Zahl; verwenden Sie eine Zahl von 1 bis 9999."
    )

    language("en")
    with pytest.raises(ValidationError) as english:
        parse_tenant_nr("abc")
    assert english.value.message == "'abc' is not a whole number; use a number from 1 to 9999."


def test_composed_message_translates_its_parts(language):
    """Labels marked with N_ are translated where they are put into a sentence."""
    rights = Rights(tenant_nr=3, role="viewer", levels={})
    language("de")
    with pytest.raises(PermissionDenied) as german:
        rights.require("customers")
    assert (
        str(german.value)
        == "Sie haben in Mandant 3 keine Berechtigung zum Lesen im Bereich Kunden."
    )

    language("en")
    with pytest.raises(PermissionDenied) as english:
        rights.require("customers")
    assert str(english.value) == "You do not have read access to customers in tenant 3."


def test_unknown_language_falls_back_to_english(language):
    assert language("fr") == "fr"
    with pytest.raises(ValidationError, match="is not a whole number"):
        parse_tenant_nr("abc")


@pytest.mark.parametrize(
    ("lang_env", "expected"),
    [
        ("de_DE.UTF-8", "de"),
        ("de_AT", "de"),
        ("en_GB.UTF-8", "en"),
        ("C", "en"),
        ("", "en"),
    ],
)
def test_system_language_from_lang(monkeypatch, lang_env, expected):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang_env)
    assert i18n.system_language() == expected


def test_system_language_prefers_language_over_lang(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C")
    monkeypatch.setenv("LANGUAGE", "de_DE:en")
    assert i18n.system_language() == "de"


# -- a language of its own for a block: documents in the tenant's document language ----------


def test_using_language_translates_the_block_only_and_nests(language):
    language("en")
    message = "The end date is before the start date."
    assert i18n._(message) == message
    with i18n.using_language("de") as lang:
        assert lang == "de" and i18n.current_language() == "de"
        assert i18n._(message) == "Das Enddatum liegt vor dem Anfangsdatum."
        with i18n.using_language("en"):
            assert i18n._(message) == message and i18n.babel_locale() == "en_GB"
        assert i18n.babel_locale() == "de_DE"
    assert i18n.current_language() == "en" and i18n._(message) == message
    assert i18n.babel_locale() == "en_GB"


def test_using_language_is_undone_by_an_exception_and_leaves_the_ui_language(language):
    language("de")
    with pytest.raises(RuntimeError), i18n.using_language("en"):
        raise RuntimeError("drawing failed")
    assert i18n.current_language() == "de" and i18n.babel_locale() == "de_DE"


def test_using_language_in_a_worker_thread_leaves_other_threads_alone(language):
    """Documents are drawn in worker threads while the UI thread goes on in its language."""
    import threading

    language("en")
    inside, started, done = [], threading.Event(), threading.Event()

    def worker():
        with i18n.using_language("de"):
            started.set()
            done.wait(5)
            inside.append((i18n.current_language(), i18n._("Date")))

    thread = threading.Thread(target=worker)
    thread.start()
    assert started.wait(5)
    assert i18n.current_language() == "en" and i18n._("Date") == "Date"  # meanwhile, here
    done.set()
    thread.join(5)
    assert inside == [("de", "Datum")]


def test_babel_locale_of_each_language():
    assert i18n.babel_locale("de") == "de_DE"
    assert i18n.babel_locale("en") == "en_GB"
    assert i18n.babel_locale("fr") == "en_GB"  # untranslated messages are English


def test_money_follows_the_current_language(language):
    from jack_desktop.money import format_money

    language("en")
    assert format_money(123456) == "€1,234.56"
    with i18n.using_language("de"):
        assert format_money(123456) == "1.234,56\xa0€"
    assert format_money(123456, "de_DE") == "1.234,56\xa0€"  # an explicit locale wins
