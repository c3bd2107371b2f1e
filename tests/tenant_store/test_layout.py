"""R1, R2, R6: tenant folders mirror tenant 0; a central database is tenant 0's one file."""

import os

import pytest

from tenant_store import Logical, NoTenantSession, TenantSpec, create_tenant
from tenant_store.integrity import check
from tenant_store.logical import LOGICAL_DBS, MANIFEST_FILE, file_name
from tenant_store.models.basedata import Destination
from tenant_store.models.bookings import Booking
from tenant_store.models.customers import Customer
from tenant_store.models.postal import PostalCode
from tenant_store.routing import active_database


def _entries(folder):
    return {
        p.name
        for p in folder.iterdir()
        if p.name in {file_name(db) for db in LOGICAL_DBS} or p.name == MANIFEST_FILE
    }


def test_every_tenant_folder_has_the_structure_of_tenant_0(inst3):
    expected = _entries(inst3.root)
    assert expected == {file_name(db) for db in LOGICAL_DBS} | {MANIFEST_FILE}
    for nr in (1, 2):
        folder = inst3.root / "Mandant" / str(nr)
        assert _entries(folder) == expected


def test_central_databases_resolve_to_tenant_0s_one_file(inst3):
    for info in inst3.tenants():
        paths = info.database_paths(inst3.root)
        for db in LOGICAL_DBS:
            if db in info.manifest.central:
                assert paths[db] == inst3.root / file_name(db)
                assert os.path.samefile(info.path / file_name(db), paths[db])  # the symlink
            else:
                assert paths[db].parent == info.path
                assert not (info.path / file_name(db)).is_symlink()


def test_a_row_written_through_tenant_1_into_a_central_database_is_read_everywhere(inst3):
    with inst3.open_session(1) as s1, s1.transaction():
        PostalCode.create(country="DE", code="99998", place="Zentraldorf", state="BY")
    for nr in (0, 2):
        with inst3.open_session(nr) as session, session.bound():
            assert PostalCode.get(PostalCode.code == "99998").place == "Zentraldorf"


def test_own_databases_stay_in_their_tenant(inst3):
    with inst3.open_session(2) as s2, s2.transaction():  # customers are own in tenant 2
        Customer.create(
            number=1,
            last_name="Özdemir",
            owner_tenant=2,
            created_at="2026-11-23 10:00:00",
            updated_at="2026-11-23 10:00:00",
        )
    for nr in (0, 1):
        with inst3.open_session(nr) as session, session.bound():
            assert not Customer.select().where(Customer.last_name == "Özdemir").exists()


def test_copied_base_data_is_a_copy_not_a_share(inst3):
    with inst3.open_session(0) as s0, s0.bound():
        assert Destination.select().count() > 50  # shipped base data
    with inst3.open_session(1) as s1, s1.transaction():
        Destination.create(code="ONLY1", name="Nur in Mandant 1", country="DE")
    with inst3.open_session(0) as s0, s0.bound():
        assert not Destination.select().where(Destination.code == "ONLY1").exists()


def test_without_symlinks_creation_and_sessions_work_the_same(inst, monkeypatch):
    def no_symlinks(*args, **kwargs):
        raise OSError(1314, "A required privilege is not held by the client")

    monkeypatch.setattr(os, "symlink", no_symlinks)
    create_tenant(inst, TenantSpec(4, "Ohne Links", central=["postal", "customers", "accounting"]))
    folder = inst.root / "Mandant" / "4"
    assert not (folder / "postal.db").exists()
    info = inst.tenant(4)
    assert info.database_paths(inst.root)[Logical.POSTAL] == inst.root / "postal.db"
    with inst.open_session(4) as s4, s4.transaction():
        PostalCode.create(country="DE", code="99997", place="Ohnelink")
    with inst.open_session(0) as s0, s0.bound():
        assert PostalCode.select().where(PostalCode.code == "99997").exists()
    assert check(inst).ok


def test_switching_leaves_nothing_bound_to_the_old_tenant(inst3):
    s1 = inst3.open_session(1)
    with s1.transaction():
        Booking.create(
            number=100000,
            customer_id=1,
            created_at="2026-11-23 10:00:00",
            updated_at="2026-11-23 10:00:00",
        )
    s1.close()
    assert active_database() is None
    with pytest.raises(NoTenantSession):
        Booking.select().count()
    with inst3.open_session(2) as s2, s2.bound():
        assert Booking.select().count() == 0


def test_two_sessions_at_once_each_see_their_own_tenant(inst3):
    with inst3.open_session(1) as s1, s1.transaction():
        Booking.create(
            number=100001,
            customer_id=1,
            created_at="2026-11-23 10:00:00",
            updated_at="2026-11-23 10:00:00",
        )
    with inst3.open_session(1) as s1, inst3.open_session(2) as s2, s2.bound():
        with s1.bound():
            assert [b.number for b in Booking.select()] == [100001]
        assert Booking.select().count() == 0


def test_sessions_use_a_rollback_journal_and_foreign_keys(inst3):
    with inst3.open_session(1) as s1:
        for schema in s1.db.schemas:
            mode = s1.db.execute_sql(f'PRAGMA "{schema}".journal_mode').fetchone()[0]
            assert mode == "delete", schema
        assert s1.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s1.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 10_000


def test_a_failed_transaction_over_own_and_central_files_leaves_both_untouched(inst3):
    from tenant_store.models.accounting import JournalEntry

    with pytest.raises(RuntimeError), inst3.open_session(1) as s1, s1.transaction():
        Booking.create(
            number=100002,
            customer_id=1,
            created_at="2026-11-23 10:00:00",
            updated_at="2026-11-23 10:00:00",
        )
        JournalEntry.create(tenant_nr=1, entry_date="2026-11-23", created_at="2026-11-23 10:00:00")
        raise RuntimeError("crash in the middle")
    with inst3.open_session(1) as s1, s1.bound():
        assert Booking.select().count() == 0
        assert JournalEntry.select().count() == 0
