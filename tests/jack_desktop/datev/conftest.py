"""The test agency with DATEV numbers entered: tenant 1 posts into tenant 0's books, tenant 3
keeps its own."""

import pytest

from tenant_store.tenant_edit import update_tenant

from ..agency import build_agency
from .books import ADVISER, CLIENT


@pytest.fixture
def agency(inst3):
    build_agency(inst3)
    for nr, client in ((0, CLIENT), (3, CLIENT + 3)):
        update_tenant(inst3, nr, books={"datev_adviser": ADVISER, "datev_client": client})
    return inst3
