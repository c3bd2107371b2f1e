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
        with pytest.raises(StoreError, match="open for reading only"), session.transaction():
            pass
    assert snapshot(inst.root) == before


def test_a_read_only_session_does_not_block_a_writer(inst):
    create_tenant(inst, TenantSpec(1, "Nord"))
    with inst.open_session(1, read_only=True) as reader, reader.bound():
        names = Destination.select(Destination.name).limit(5)
        assert len(list(names)) == 5
        with inst.open_session(1) as writer, writer.transaction():
            Destination.update(active=False).where(Destination.code == "MALL").execute()


# -- TenantReader: the lean read-only connection of cross-tenant searches -----------------------
# Imported here: this part was appended to the file, whose head others may be editing.

import sqlite3  # noqa: E402
from pathlib import Path  # noqa: E402

from tenant_store import Logical, SchemaBehind, SchemaTooNew  # noqa: E402
from tenant_store.migrations import SCHEMA_VERSIONS  # noqa: E402
from tenant_store.models.bookings import Booking  # noqa: E402
from tenant_store.models.customers import Customer  # noqa: E402
from tenant_store.readers import TenantReader  # noqa: E402


def _files(db) -> dict[str, Path]:
    """Schema name -> file of every database the connection has open."""
    rows = db.execute_sql("PRAGMA database_list").fetchall()
    return {name: Path(path) for _seq, name, path in rows if path}


def test_a_reader_opens_the_bookings_file_and_attaches_only_what_was_asked(inst):
    create_tenant(inst, TenantSpec(1, "Nord", central=["customers"]))
    info = inst.tenant(1)
    paths = info.database_paths(inst.root)
    with TenantReader(inst.root, info, [Logical.CUSTOMERS]) as reader:
        assert reader.schemas == ["main", "customers"]
        assert _files(reader.db) == {
            "main": paths[Logical.BOOKINGS],
            "customers": paths[Logical.CUSTOMERS],
        }
        # Central customers are tenant 0's file: the one path the manifest records.
        assert reader.paths[Logical.CUSTOMERS] == inst.root / "customers.db"
        with reader.bound():
            assert Booking.select().count() == 0
            assert Customer.select().count() == 0
    with TenantReader(inst.root, info) as reader:
        assert list(_files(reader.db)) == ["main"]


def test_a_reader_refuses_every_write_and_changes_nothing(inst):
    create_tenant(inst, TenantSpec(1, "Nord"))
    before = snapshot(inst.root)
    with TenantReader(inst.root, inst.tenant(1), ["customers", "tickets"]) as reader:
        # query_only, not mode=ro: SQLite itself may still roll back a crashed writer's
        # hot journal, but no statement may write.
        assert reader.db.execute_sql("PRAGMA query_only").fetchone() == (1,)
        for sql in (
            "UPDATE customers.customer SET last_name = 'x'",
            "INSERT INTO main.number_counter (name, next_value) VALUES ('x', 1)",
            "DELETE FROM tickets.ticket",
            "CREATE TABLE main.x (y)",
        ):
            with pytest.raises(peewee.OperationalError, match="readonly"):
                reader.db.execute_sql(sql)
        with reader.bound(), pytest.raises(peewee.OperationalError, match="readonly"):
            Customer.update(last_name="x").execute()
    assert snapshot(inst.root) == before


def test_a_reader_does_not_block_a_writer(inst):
    create_tenant(inst, TenantSpec(1, "Nord"))
    with TenantReader(inst.root, inst.tenant(1), ["customers"]) as reader:
        reader.db.execute_sql("SELECT count(*) FROM booking").fetchall()
        with inst.open_session(1) as writer, writer.transaction():
            Destination.update(active=False).where(Destination.code == "MALL").execute()


@pytest.mark.parametrize("offset, error", [(1, SchemaTooNew), (-1, SchemaBehind)])
def test_a_reader_refuses_a_file_of_another_schema_version(inst, offset, error):
    create_tenant(inst, TenantSpec(1, "Nord"))
    info = inst.tenant(1)
    customers = info.database_paths(inst.root)[Logical.CUSTOMERS]
    conn = sqlite3.connect(customers)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSIONS['customers'] + offset}")
    conn.close()
    with pytest.raises(error, match="customers.db"):
        TenantReader(inst.root, info, ["customers"])
    with TenantReader(inst.root, info) as reader:  # the bookings file alone is fine
        assert reader.schemas == ["main"]


def test_a_reader_names_a_missing_file(inst):
    create_tenant(inst, TenantSpec(1, "Nord"))
    info = inst.tenant(1)
    (info.path / "tickets.db").unlink()
    with pytest.raises(StoreError, match="tickets.db"):
        TenantReader(inst.root, info, ["tickets"])
    assert not (info.path / "tickets.db").exists()  # not created by opening it
