"""The modules of the main window and the view class behind each (imported when first shown)."""

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from tenant_store.rights import Level

from .context import TenantContext


@dataclass(frozen=True)
class Module:
    key: str  # the rights module (tenant_store.rights.MODULES)
    label: str  # English source text, translated in the "Modules" context
    view: str  # "module:Class"; imported on first use so that start-up stays fast


MODULES: tuple[Module, ...] = (
    Module("bookings", QT_TRANSLATE_NOOP("Modules", "Bookings"), "ui.bookings_view:BookingsView"),
    Module(
        "customers", QT_TRANSLATE_NOOP("Modules", "Customers"), "ui.customers_view:CustomersView"
    ),
    Module("tickets", QT_TRANSLATE_NOOP("Modules", "Tickets"), "ui.tickets_view:TicketsView"),
    Module("notes", QT_TRANSLATE_NOOP("Modules", "Desktop notes"), "ui.notes_view:NotesView"),
    Module(
        "accounting",
        QT_TRANSLATE_NOOP("Modules", "Accounting"),
        "ui.accounting_view:AccountingView",
    ),
    Module(
        "controlling",
        QT_TRANSLATE_NOOP("Modules", "Controlling"),
        "ui.controlling_view:ControllingView",
    ),
    Module("basedata", QT_TRANSLATE_NOOP("Modules", "Base data"), "ui.basedata_view:BasedataView"),
)


def translate(text: str) -> str:
    """A module label in the user's language."""
    return QCoreApplication.translate("Modules", text)


def closed_reason(ctx: TenantContext, module: Module) -> str | None:
    """Why the user cannot open `module` in this tenant, or None if they can (R13, R15)."""
    if not ctx.rights.is_licensed(module.key):
        return QCoreApplication.translate(
            "Modules", "This module is not licensed for this installation."
        )
    if not ctx.rights.can(module.key, Level.READ):
        return QCoreApplication.translate(
            "Modules", "You have no access to this module in tenant {nr}."
        ).format(nr=ctx.nr)
    return None


def create_view(module: Module, ctx: TenantContext, parent: QWidget | None = None) -> QWidget:
    """The module's view for the current tenant."""
    module_name, class_name = module.view.split(":")
    view_class = getattr(importlib.import_module(module_name), class_name)
    return view_class(ctx, parent)
