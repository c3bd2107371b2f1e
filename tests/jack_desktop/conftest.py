"""Fixtures shared by the service tests."""

import pytest

from tenant_store import i18n


@pytest.fixture
def german():
    """Documents and messages in German (the reference language) for one test."""
    i18n.set_language("de")
    yield
    i18n.set_language("en")
