"""Fixtures that build real installations in tmp_path."""

import pytest

from tenant_store import Installation, TenantSpec, create_tenant


@pytest.fixture
def inst(tmp_path):
    """A fresh installation with tenant 0 only."""
    installation, _ = Installation.init(tmp_path / "inst")
    yield installation
    installation.close()


@pytest.fixture
def inst3(inst):
    """Tenant 0, 1 (central postal, customers, accounting) and 2 (central postal, tickets)."""
    create_tenant(
        inst, TenantSpec(1, "Reisebüro Nord", central=["postal", "customers", "accounting"])
    )
    create_tenant(inst, TenantSpec(2, "Süd Reisen GmbH", central=["postal", "tickets"]))
    return inst
