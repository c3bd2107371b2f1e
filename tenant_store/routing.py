"""The database every model is bound to: it routes to whichever session is active in this context.

Models are declared once, but several sessions (tenants) may be open at the same time, in several
threads. Binding models globally would leave them pointing at the last tenant; instead a session
activates its own connection for a `with` block, per thread and per context.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import peewee

from .errors import NoTenantSession
from .i18n import _

_active: ContextVar[peewee.Database | None] = ContextVar("jack_active_database", default=None)


class _Router(peewee.DatabaseProxy):
    @property
    def obj(self) -> peewee.Database:
        db = _active.get()
        if db is None:
            raise NoTenantSession(_("No tenant session is open: open a tenant first."))
        return db

    @obj.setter
    def obj(self, value) -> None:
        # Proxy.__init__ initialises with None; anything else would bind globally.
        if value is not None:
            raise TypeError("the router is never bound globally; use bound(db)")


ROUTER = _Router()


@contextmanager
def bound(db: peewee.Database) -> Iterator[peewee.Database]:
    """Route every model to `db` inside this block (this thread/context only)."""
    token = _active.set(db)
    try:
        yield db
    finally:
        _active.reset(token)


def active_database() -> peewee.Database | None:
    """The database models are routed to here, or None."""
    return _active.get()
