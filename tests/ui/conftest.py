"""Fixtures shared by the UI tests."""

import pytest

from ui.context import TenantContext


@pytest.fixture
def open_context():
    """open_context(inst, nr, user) -> a TenantContext; its session is closed after the test."""
    sessions = []

    def make(inst, nr: int, user: str) -> TenantContext:
        session = inst.open_session(nr)
        sessions.append(session)
        return TenantContext(inst, user, session, session.rights(user))

    yield make
    for session in sessions:
        session.close()
