"""The registry is the source of truth, and one damaged manifest stays local (issue 11).

A manifest (or a link in a tenant folder) that disagrees with the registry is refused with a
message naming the tenant, the database and the fix; it is never followed to another file. A
manifest that cannot be read hides only its own tenant.
"""

import json
import os

import pytest

from jack_desktop.cross_search import search_everywhere
from jack_desktop.customers import create_customer, sharing_choices
from tenant_store import TenantSpec, create_tenant
from tenant_store.errors import StoreError
from tenant_store.integrity import check
from tenant_store.users import add_user, grant
from tests.jack_desktop.test_admin_cli import run_cli


@pytest.fixture
def four(inst3):
    """inst3 plus tenant 3 with central customers; a customer only tenant 0's file holds."""
    create_tenant(inst3, TenantSpec(3, "West", central=["customers"]))
    for login, tenants in (("anna", (0, 1, 2, 3)), ("otto", (0, 1))):
        add_user(inst3, login, login.title(), "geheim123")
        for nr in tenants:
            grant(inst3, login, nr, "admin" if login == "anna" else "viewer")
    with inst3.open_session(0) as session:
        create_customer("anna", session, {"last_name": "Zentralkunde"})
    return inst3


def _copy_manifest(inst, source: int, target: int) -> None:
    """Copy `source`'s manifest over `target`'s, keeping `target`'s tenant number in it."""
    data = json.loads((inst.tenant_dir(source) / "manifest.json").read_text(encoding="utf-8"))
    data["tenant"] = target
    (inst.tenant_dir(target) / "manifest.json").write_text(json.dumps(data), encoding="utf-8")


def _refusal(inst, nr: int) -> str:
    with pytest.raises(StoreError) as refused:
        inst.open_session(nr).close()
    return str(refused.value)


def test_a_manifest_that_makes_own_customers_central_is_refused(four):
    _copy_manifest(four, 3, 2)

    message = _refusal(four, 2)

    assert "Tenant 2" in message and "customers" in message, message
    assert str(four.tenant_dir(2) / "manifest.json") in message and "check" in message, message
    # The path the store would use still follows the registry: tenant 2's own file.
    paths = four.as_registered(2).database_paths(four.root)
    assert paths["customers"] == (four.tenant_dir(2) / "customers.db").resolve()
    report = check(four)
    assert any("Tenant 2" in p and "customers" in p for p in report.problems), report.problems


def test_a_link_from_own_customers_to_tenant_0s_file_is_refused(four):
    own = four.tenant_dir(2) / "customers.db"
    own.unlink()
    os.symlink(four.root / "customers.db", own)

    message = _refusal(four, 2)

    assert "Tenant 2" in message and str(own) in message, message


def test_a_damaged_manifest_hides_only_its_own_tenant(four):
    manifest = four.tenant_dir(3) / "manifest.json"
    manifest.write_text("{ garbage", encoding="utf-8")

    assert [t.nr for t in four.tenants()] == [0, 1, 2]
    assert str(manifest) in four.damaged_tenants()[3]
    assert str(manifest) in _refusal(four, 3)
    with four.open_session(1) as session:
        assert [t.nr for t in sharing_choices(session)] == [0, 1]
    rc, out, _err = run_cli(four.root, "tenant", "list")
    assert rc == 1, out
    lines = {int(line.split()[0]): line for line in out.splitlines()}
    assert sorted(lines) == [0, 1, 2, 3] and str(manifest) in lines[3], out


def test_cross_search_still_works_while_a_manifest_is_damaged(four):
    (four.tenant_dir(3) / "manifest.json").write_text("{ garbage", encoding="utf-8")

    for user in ("otto", "anna"):  # otto is not in tenant 3, anna is
        hits = search_everywhere(user, four, "Zentralkunde")
        assert [h.title for h in hits if h.kind == "customer"], (user, hits)
        assert all(h.tenant_nr != 3 for h in hits), hits
