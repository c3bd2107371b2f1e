"""Read-only sessions (cross-tenant reads) can never write, and take no write lock."""

import peewee
import pytest

from tenant_store import StoreError, TenantSpec, create_tenant
from tenant_store.models.basedata import Destination

from .snapshot import snapshot


def test_a_read_only_session_reads_but_refuses_every_write(inst):
    create_tenant(inst, TenantSpec(1, "Nord"))
    before = snapshot(inst.root)
    with inst.open_session(1, read_only=True) as session:
        with session.bound():
            assert Destination.select().count() > 0
            with pytest.raises(peewee.OperationalError, match="readonly"):
                Destination.update(name="x").execute()
        with pytest.raises(StoreError, match="open for reading only"):
            with session.transaction():
                pass
    assert snapshot(inst.root) == before


def test_a_read_only_session_does_not_block_a_writer(inst):
    create_tenant(inst, TenantSpec(1, "Nord"))
    with inst.open_session(1, read_only=True) as reader, reader.bound():
        names = Destination.select(Destination.name).limit(5)
        assert len(list(names)) == 5
        with inst.open_session(1) as writer, writer.transaction():
            Destination.update(active=False).where(Destination.code == "MALL").execute()
