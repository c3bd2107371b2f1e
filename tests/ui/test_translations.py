"""The Qt strings of ui/: complete German translation, in step with the sources, and loaded."""

import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "jack_de.ts"
QM = TS.with_suffix(".qm")
FIX = "run `make translations`, translate the new entries in jack_de.ts and commit the result"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text or "") if name is not None}


def test_every_ui_string_has_a_german_translation_with_the_same_placeholders():
    for (context, source), message in _messages(TS).items():
        translation = message.find("translation")
        assert translation.get("type") != "unfinished", f"{context}: {source!r}: {FIX}"
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        for text in forms:
            assert text, f"{context}: {source!r} has an empty translation"
            assert _fields(text) == _fields(source), f"{context}: {source!r} -> {text!r}"


def test_the_translation_file_is_in_step_with_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    new = set(_messages(fresh)) - set(_messages(TS))
    gone = set(_messages(TS)) - set(_messages(fresh))
    assert not new and not gone, f"{FIX}.\n  new: {sorted(new)[:10]}\n  gone: {sorted(gone)[:10]}"


def test_the_german_translation_is_loaded(qapp):
    translator = QTranslator()
    assert translator.load(QLocale("de"), "jack", "_", str(QM.parent))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Modules", "Bookings") == "Vorgänge"
    finally:
        QCoreApplication.removeTranslator(translator)
