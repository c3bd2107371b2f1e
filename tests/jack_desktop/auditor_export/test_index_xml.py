"""index.xml against the shipped DTD of the Beschreibungsstandard, and the table definitions."""

from datetime import date

from lxml import etree

from jack_desktop.auditor_export.export import DTD_PATH
from jack_desktop.auditor_export.index_xml import DTD_NAME, Supplier, index_xml
from jack_desktop.auditor_export.tables import NUMERIC, TABLES

from .reading import dtd_for_libxml2

SUPPLIER = Supplier("Müller & Söhne <Reisen>", "Hauptstraße 1, 50667 Köln", "Test")
PERIOD = {"date_from": date(2026, 4, 1), "date_to": date(2027, 3, 31)}


def _parse(text: str) -> etree._Element:
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    return etree.fromstring(text.encode("utf-8"), parser)


def _dtd() -> etree.DTD:
    return dtd_for_libxml2(DTD_PATH.read_bytes())


def _index() -> str:
    return index_xml(TABLES, supplier=SUPPLIER, media="Datenträger 1", **PERIOD)


def test_the_shipped_dtd_is_the_2004_version_of_the_standard():
    text = DTD_PATH.read_text(encoding="utf-8")
    assert DTD_PATH.name == DTD_NAME == "gdpdu-01-09-2004.dtd"
    assert "1.5 (September-01-2004)" in text
    assert "<!ELEMENT ForeignKey (Name+, References, Alias*)>" in text
    assert (
        "<!ELEMENT VariableColumn (Name, Description?, (Numeric | (AlphaNumeric, MaxLength?) "
        "| Date), Map*)>" in text
    )


def test_the_index_is_valid_by_the_dtd_and_names_it():
    root = _parse(_index())
    assert _dtd().validate(root), _dtd().error_log
    assert root.getroottree().docinfo.system_url == DTD_NAME
    assert root.findtext("DataSupplier/Name") == SUPPLIER.name  # escaped and read back


def test_a_description_the_dtd_does_not_allow_is_found_invalid():
    broken = _index().replace("  <Version>1.0</Version>\n", "")
    assert not _dtd().validate(_parse(broken))
    misplaced = _index().replace("<ANSI/>", "<UTF8/><ANSI/>", 1)
    assert not _dtd().validate(_parse(misplaced))


def test_each_table_is_described_with_its_url_period_delimiters_and_first_line():
    root = _parse(_index())
    described = root.findall("Media/Table")
    assert [t.findtext("URL") for t in described] == [t.url for t in TABLES]
    for element, table in zip(described, TABLES, strict=True):
        layout = element.find("VariableLength")
        assert layout.findtext("RecordDelimiter") == "\r\n"
        assert layout.findtext("ColumnDelimiter") == ";"
        assert element.findtext("Range/From") == "2"
        names = [c.findtext("Name") for c in layout if c.tag.startswith("Variable")]
        assert names == [c.name for c in table.all_columns]
        if table.of_period:
            assert element.findtext("Validity/Range/From") == "01.04.2026"
            assert element.findtext("Validity/Range/To") == "31.03.2027"
        else:
            assert element.find("Validity") is None


def test_amounts_carry_accuracy_2_and_limited_texts_their_max_length():
    root = _parse(_index())
    lines = next(t for t in root.iter("Table") if t.findtext("Name") == "journal_lines")
    layout = lines.find("VariableLength")
    columns = {c.findtext("Name"): c for c in layout if c.tag.startswith("Variable")}
    assert columns["debit"].findtext("Numeric/Accuracy") == "2"
    assert columns["account"].find("AlphaNumeric") is not None
    assert columns["account"].findtext("MaxLength") == "8"


def test_every_foreign_key_names_the_primary_key_of_its_table_by_name_and_type():
    by_name = {t.name: t for t in TABLES}
    assert len(by_name) == len(TABLES)
    for table in TABLES:
        own = {c.name: c for c in table.all_columns}
        for key in table.foreign_keys:
            target = by_name[key.references]
            assert [c.name for c in target.primary_key] == list(key.columns), (table, key)
            for mine, theirs in zip(key.columns, target.primary_key, strict=True):
                assert own[mine].type == theirs.type, (table.name, mine)
        assert len(own) == len(table.all_columns), f"{table.name}: a column name repeats"
    numeric_keys = [c for t in TABLES for c in t.primary_key if c.type == NUMERIC]
    assert all(c.accuracy == 0 for c in numeric_keys)
