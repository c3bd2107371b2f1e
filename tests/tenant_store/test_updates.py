"""R10: sub-tenants are updated before tenant 0; newer files are refused; updates can be re-run."""

import sqlite3

import pytest

from tenant_store import SchemaBehind, SchemaTooNew, TenantSpec, UpdateOrderError, create_tenant
from tenant_store import migrations as migrations_module
from tenant_store.logical import INSTALLATION_SCHEMA, LOGICAL_DBS, Logical, file_name
from tenant_store.migrations import SCHEMA_VERSIONS, downgrade_file, schema_of, upgrade_file
from tenant_store.models.postal import PostalCode
from tenant_store.schema import create_database_file
from tenant_store.sqlite_files import read_user_version, single_file
from tenant_store.updates import BACKUP_DIR, migrate, plan

from .snapshot import snapshot


def _downgrade_to_v1(inst):
    for info in inst.tenants():
        for db in LOGICAL_DBS:
            if db in info.manifest.central:
                continue
            conn = single_file(schema_of(db), info.path / file_name(db))
            downgrade_file(conn, db, SCHEMA_VERSIONS[db], 1)
            conn.close()


# Own files of sub-tenants first (tenant 2 shares postal and accounting with tenant 0, tenant 3
# tickets), then tenant 0's; each tenant's files in the order of LOGICAL_DBS.
MIGRATED = ("basedata", "postal", "customers", "bookings", "tickets", "accounting")
CENTRAL = {1: (), 2: ("postal", "accounting"), 3: ("tickets",), 0: ()}
EXPECTED_ORDER = [(nr, db) for nr in (1, 2, 3, 0) for db in MIGRATED if db not in CENTRAL[nr]]


@pytest.fixture
def v1_inst(inst):
    """Tenant 0 and three sub-tenants (own postal in 1 and 3, central in 2), all at schema v1."""
    create_tenant(inst, TenantSpec(1, "Nord"))
    create_tenant(inst, TenantSpec(2, "Süd", central=["postal", "accounting"]))
    create_tenant(inst, TenantSpec(3, "West", central=["tickets"]))
    _downgrade_to_v1(inst)
    return inst


def test_the_fixture_really_is_v1(v1_inst):
    assert read_user_version(v1_inst.root / "postal.db") == 1
    columns = [
        r[1]
        for r in sqlite3.connect(v1_inst.root / "postal.db").execute(
            "PRAGMA table_info(postal_code)"
        )
    ]
    assert "state" not in columns


def test_plan_updates_sub_tenants_before_tenant_0(v1_inst):
    order = [(s.tenant_nr, s.db) for s in plan(v1_inst)]
    assert order == EXPECTED_ORDER


def test_migrate_runs_in_the_planned_order_and_keeps_data(v1_inst):
    postal_rows = (
        sqlite3.connect(v1_inst.root / "postal.db")
        .execute("SELECT count(*) FROM postal_code")
        .fetchone()[0]
    )
    seen = []
    done = migrate(v1_inst, progress=lambda step, i, n: seen.append((step.tenant_nr, step.db)))
    assert seen == EXPECTED_ORDER == [(s.tenant_nr, s.db) for s in done]
    assert plan(v1_inst) == []
    for nr in (0, 1, 2, 3):
        info = v1_inst.tenant(nr)
        assert v1_inst.schema_versions(info) == {
            db.value: SCHEMA_VERSIONS[db] for db in LOGICAL_DBS
        }
    with v1_inst.open_session(2) as session, session.bound():
        assert PostalCode.select().count() == postal_rows
        assert PostalCode.get(PostalCode.code == "80331").state == ""  # new column, default


def test_each_file_is_backed_up_before_it_changes(v1_inst):
    migrate(v1_inst)
    backups = list((v1_inst.root / BACKUP_DIR).rglob("*.db"))
    rel = sorted(str(p.relative_to(next((v1_inst.root / BACKUP_DIR).iterdir()))) for p in backups)
    assert rel == sorted(f"Mandant/{nr}/{db}.db" if nr else f"{db}.db" for nr, db in EXPECTED_ORDER)
    assert all(read_user_version(p) == 1 for p in backups)


def test_tenant_0_alone_is_refused_while_a_sub_tenant_is_behind(v1_inst):
    before = snapshot(v1_inst.root)
    with pytest.raises(UpdateOrderError, match="1, 2, 3"):
        migrate(v1_inst, tenant=0)
    assert snapshot(v1_inst.root) == before
    migrate(v1_inst, tenant=1)
    migrate(v1_inst, tenant=2)
    with pytest.raises(UpdateOrderError, match=r"\(3\)"):
        migrate(v1_inst, tenant=0)
    migrate(v1_inst, tenant=3)
    assert [s.tenant_nr for s in migrate(v1_inst, tenant=0)] == [0] * len(MIGRATED)


def test_a_behind_tenant_cannot_be_opened(v1_inst):
    with pytest.raises(SchemaBehind, match="migrate"):
        v1_inst.open_session(1)


def test_a_file_newer_than_the_program_is_refused_on_open(inst):
    create_tenant(inst, TenantSpec(1, "Nord"))
    path = inst.tenant_dir(1) / "basedata.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSIONS['basedata'] + 1}")
    with pytest.raises(SchemaTooNew, match="newer"):
        inst.open_session(1)
    with pytest.raises(SchemaTooNew):
        plan(inst)


def test_a_failed_step_leaves_the_file_at_the_old_version_and_can_be_rerun(v1_inst, monkeypatch):
    real = migrations_module.MIGRATIONS[0]

    def broken(db, schema):
        real.upgrade(db, schema)
        raise OSError("disk full")

    monkeypatch.setattr(
        migrations_module,
        "MIGRATIONS",
        (
            migrations_module.Migration(
                real.db, real.to_version, real.description, broken, real.downgrade
            ),
        ),
    )
    with pytest.raises(OSError, match="disk full"):
        migrate(v1_inst)
    assert read_user_version(v1_inst.tenant_dir(1) / "postal.db") == 1
    columns = [
        r[1]
        for r in sqlite3.connect(v1_inst.tenant_dir(1) / "postal.db").execute(
            "PRAGMA table_info(postal_code)"
        )
    ]
    assert "state" not in columns
    monkeypatch.undo()
    assert len(migrate(v1_inst)) == len(EXPECTED_ORDER)


def test_rerunning_a_step_someone_else_finished_is_harmless(inst, tmp_path):
    conn = create_database_file("postal", tmp_path / "p.db")
    downgrade_file(conn, "postal", 2, 1)
    upgrade_file(conn, "postal", 1, 2)
    upgrade_file(conn, "postal", 1, 2)  # a second admin with a stale plan
    assert conn.user_version("postal") == 2
    conn.close()


@pytest.mark.parametrize("db", [*LOGICAL_DBS, INSTALLATION_SCHEMA])
def test_v1_plus_every_migration_equals_the_current_models(tmp_path, db):
    def columns(path, schema):
        conn = single_file(schema, path)
        tables = [
            r[0]
            for r in conn.execute_sql(
                f"SELECT name FROM \"{schema}\".sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        info = {
            t: [r[1:] for r in conn.execute_sql(f'PRAGMA "{schema}".table_info("{t}")')]
            for t in tables
        }
        info["indexes"] = conn.execute_sql(
            f'SELECT name, tbl_name, sql FROM "{schema}".sqlite_master '
            "WHERE type IN ('index', 'trigger') ORDER BY name"
        ).fetchall()
        conn.close()
        return info

    schema = schema_of(db)
    create_database_file(db, tmp_path / "current.db").close()
    old = create_database_file(db, tmp_path / "migrated.db")
    downgrade_file(old, db, SCHEMA_VERSIONS[db], 1)
    upgrade_file(old, db, 1, SCHEMA_VERSIONS[db])
    old.close()
    assert columns(tmp_path / "migrated.db", schema) == columns(tmp_path / "current.db", schema)


def test_the_update_fills_the_new_sort_and_search_columns_of_existing_rows(inst, monkeypatch):
    """Customers v4 and tickets v2 compute their new column for the rows already there."""
    monkeypatch.setattr(migrations_module, "_BATCH", 1)  # batch after batch, none skipped
    from tenant_store.models.customers import Customer
    from tenant_store.models.tickets import Ticket

    for db, version in ((Logical.CUSTOMERS, 3), (Logical.TICKETS, 1)):
        conn = single_file(schema_of(db), inst.root / file_name(db))
        downgrade_file(conn, db, SCHEMA_VERSIONS[db], version)
        conn.close()
    stamp = "2026-01-01 00:00:00"
    with sqlite3.connect(inst.root / "customers.db") as conn:
        conn.executemany(
            "INSERT INTO customer (number, kind, salutation, title, first_name, last_name, "
            "company, street, postcode, city, country, email, phone, mobile, iban, notes, "
            "owner_tenant, shared_with_all, created_at, updated_at) "
            "VALUES (?, ?, '', '', ?, ?, ?, '', '', '', 'DE', '', '', '', '', '', 0, 1, ?, ?)",
            [
                (1, "company", "Hans", "Abel", "Zeppelin Reisen AG", stamp, stamp),
                (2, "person", "Eva", "Müller", "Bosch", stamp, stamp),
            ],
        )
    with sqlite3.connect(inst.root / "tickets.db") as conn:
        conn.execute(
            "INSERT INTO ticket (number, airline, passenger, route, fare_cents, tax_cents, "
            "issued_on, tenant_nr) VALUES ('2201111111111', 'LH', 'MUELLER/HANS MR', "
            "'FRA-JFK', 100, 0, '2026-01-01', 0)"
        )
    migrate(inst)
    with inst.open_session(0) as session, session.bound():
        assert [c.sort_name for c in Customer.select().order_by(Customer.number)] == [
            "zeppelin reisen ag",
            "muller eva",
        ]
        assert Ticket.get().passenger_folded == "muller hans mr"
