"""Initialising a data folder: tenant 0 with every database and the shipped base data."""

import pytest

from tenant_store import Installation, NotAnInstallation
from tenant_store.installation_init import INIT_MARKER
from tenant_store.logical import LOGICAL_DBS, file_name
from tenant_store.migrations import SCHEMA_VERSIONS
from tenant_store.models.accounting import Account
from tenant_store.models.basedata import Destination, Parameter, TravelType
from tenant_store.models.postal import PostalCode

from .snapshot import snapshot


def test_init_creates_tenant_0_with_every_database_at_the_current_schema(tmp_path):
    inst, created = Installation.init(tmp_path / "data")
    assert created
    assert [t.nr for t in inst.tenants()] == [0]
    assert inst.schema_versions(inst.tenant(0)) == {
        db.value: SCHEMA_VERSIONS[db] for db in LOGICAL_DBS
    }
    for db in LOGICAL_DBS:
        assert (inst.root / file_name(db)).is_file()
    with inst.open_session(0) as session, session.bound():
        assert Destination.get(Destination.code == "MALL").country == "ES"
        assert TravelType.select().count() >= 10
        assert Parameter.get_by_id("vat.standard_percent").value == "19"
        assert Account.get(Account.number == "1800").kind == "asset"
        munich = PostalCode.get(PostalCode.code == "80331")
        assert munich.place == "München" and munich.state
    inst.close()


def test_init_of_an_installation_changes_nothing(tmp_path):
    Installation.init(tmp_path / "data")[0].close()
    before = snapshot(tmp_path / "data")
    inst, created = Installation.init(tmp_path / "data")
    inst.close()
    assert not created
    assert snapshot(tmp_path / "data") == before


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("Sehr geehrte Damen und Herren")
    with pytest.raises(NotAnInstallation, match="not empty"):
        Installation.init(folder)
    assert [p.name for p in folder.iterdir()] == ["letter.txt"]


def test_open_refuses_a_folder_that_is_not_an_installation(tmp_path):
    with pytest.raises(NotAnInstallation, match="init"):
        Installation.open(tmp_path)


def test_an_interrupted_init_is_redone(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / INIT_MARKER).write_text("init in progress\n")
    (folder / "basedata.db").write_bytes(b"half written")
    inst, created = Installation.init(folder)
    assert created and not (folder / INIT_MARKER).exists()
    with inst.open_session(0) as session, session.bound():
        assert Destination.select().count() > 0
    inst.close()


def test_sharing_tenants_come_from_the_registry(inst3):
    """The sub-tenants keeping a database in tenant 0, without reading their folders."""
    from tenant_store import Logical

    assert inst3.sharing_tenants(Logical.TICKETS) == [2]
    assert inst3.sharing_tenants(Logical.ACCOUNTING) == [1]
    assert inst3.sharing_tenants(Logical.POSTAL) == [1, 2]
    assert inst3.sharing_tenants(Logical.NOTES) == []
