"""The main window's Accounting menu: exports, Festschreibung and the audit trail (issue #12).

The menu stays for the window's lifetime; `follow(ctx)` fits it to each tenant the window
switches to: an entry the user's rights do not allow is disabled and says why, and in a tenant
whose books are kept in tenant 0 (central accounting, R4) the exports and the lock say that
they are done there. The dialogs are imported when chosen, so start-up does not load them.
"""

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox, QWidget

from tenant_store import PermissionDenied
from tenant_store.rights import Level

from ..context import TenantContext


class AccountingMenu(QMenu):
    """Accounting > Export > DATEV… / Tax auditor data (GoBD)…, Lock period…, Audit trail…"""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.main_window = window
        self.setTitle(self.tr("&Accounting"))
        self.setToolTipsVisible(True)  # a disabled entry says why
        self.export_menu = self.addMenu(self.tr("&Export"))
        self.export_menu.setToolTipsVisible(True)
        self.datev_action = self._entry(self.export_menu, self.tr("&DATEV…"), self.export_datev)
        self.auditor_action = self._entry(
            self.export_menu, self.tr("&Tax auditor data (GoBD)…"), self.export_auditor_data
        )
        self.lock_action = self._entry(self, self.tr("&Lock period…"), self.lock_period)
        self.audit_action = self._entry(self, self.tr("Audit &trail…"), self.show_audit_trail)

    def _entry(self, menu: QMenu, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    @property
    def ctx(self) -> TenantContext:
        return self.main_window.ctx

    # -- following the tenant --------------------------------------------------------------------

    def follow(self, ctx: TenantContext) -> None:
        """Enable the entries the user may use in `ctx`'s tenant; the others say why not."""
        central = self._central_reason(ctx)
        for action, level, elsewhere in (
            (self.datev_action, Level.READ, central),
            (self.auditor_action, Level.READ, central),
            (self.lock_action, Level.WRITE, central),
            (self.audit_action, Level.READ, None),
        ):
            refused = _refusal(ctx, level)
            action.setEnabled(refused is None)
            # Where the books are tenant 0's the entry stays enabled: choosing it says so.
            reason = refused or elsewhere or ""
            action.setToolTip(reason)
            action.setStatusTip(reason)
        self.export_menu.setEnabled(
            self.datev_action.isEnabled() or self.auditor_action.isEnabled()
        )
        self.export_menu.menuAction().setToolTip(self.datev_action.toolTip())

    def _central_reason(self, ctx: TenantContext) -> str | None:
        if ctx.tenant.books_owner == ctx.nr:
            return None
        return self.tr(
            "Tenant {nr} posts into the books of tenant 0 (central accounting): exports and "
            "Festschreibung of these books are done in tenant 0."
        ).format(nr=ctx.nr)

    def _books_elsewhere(self) -> bool:
        """Tell the user that this is done in tenant 0, if it is; True then."""
        reason = self._central_reason(self.ctx)
        if reason:
            QMessageBox.information(self.main_window, self.tr("Accounting"), reason)
        return reason is not None

    # -- the entries ------------------------------------------------------------------------------

    def export_datev(self) -> None:
        """Export > DATEV…: the Buchungsstapel and master data of a period."""
        if self._books_elsewhere():
            return
        from .datev_export_dialog import DatevExportDialog

        _run(DatevExportDialog(self.ctx, self.main_window))
        self._lock_may_have_changed()

    def export_auditor_data(self) -> None:
        """Export > Tax auditor data (GoBD)…: a fiscal year for the tax auditor (Z3)."""
        if self._books_elsewhere():
            return
        from .auditor_export_dialog import AuditorExportDialog

        _run(AuditorExportDialog(self.ctx, self.main_window))

    def lock_period(self) -> None:
        """Lock period…: Festschreibung up to the end of a month."""
        if self._books_elsewhere():
            return
        from .lock_dialog import LockDialog

        if _run(LockDialog(self.ctx, self.main_window)):
            self._lock_may_have_changed()

    def show_audit_trail(self) -> None:
        """Audit trail…: who changed what, when."""
        from .audit_trail_dialog import AuditTrailDialog

        _run(AuditTrailDialog(self.ctx, self.main_window))

    def _lock_may_have_changed(self) -> None:
        """The accounting view, if open, shows the new lock in its top row."""
        view: QWidget | None = getattr(self.main_window, "views", {}).get("accounting")
        if view is not None and hasattr(view, "show_lock_state"):
            view.show_lock_state()


def _run(dialog: QDialog) -> int:
    """Show a dialog modally and free it afterwards (it is the window's child)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def _refusal(ctx: TenantContext, level: Level) -> str | None:
    """The store's own words for a missing right, or None if the user has it."""
    try:
        ctx.rights.require("accounting", level)
    except PermissionDenied as exc:
        return str(exc)
    return None
