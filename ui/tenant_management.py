"""File > Tenant management (R11): the tenants, switching by double-click, New... and Edit...

Everyone sees the list; only tenants the user is a member of can be switched to (R13), and only a
tenant administrator may create or edit tenants. Disabled actions say why.
"""

from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tenant_store import CENTRAL_OPTIONS, Installation, TenantInfo
from tenant_store.logical import INSTALLATION_FILE, label
from tenant_store.migrations import SCHEMA_VERSIONS
from tenant_store.users import rights_in, tenants_of

from .context import TenantContext
from .tenant_edit_dialog import TenantEditDialog
from .tenant_wizard import TenantWizard


@dataclass(frozen=True)
class TenantRow:
    """What the table shows of one tenant, and what the user may do with it."""

    nr: int
    name: str
    central: list[str]
    booking_range: tuple[int, int]
    versions: dict[str, int]
    size: int
    may_enter: bool
    is_admin: bool

    @property
    def behind(self) -> list[str]:
        return [db for db, v in self.versions.items() if v < SCHEMA_VERSIONS[db]]

    @property
    def ahead(self) -> list[str]:
        return [db for db, v in self.versions.items() if v > SCHEMA_VERSIONS[db]]


def size_on_disk(inst: Installation, info: TenantInfo) -> int:
    """Bytes of the files the tenant owns; central files are counted once, with tenant 0."""
    paths = info.database_paths(inst.root)
    files = [path for db, path in paths.items() if db not in info.central_dbs]
    if info.nr == 0:
        files.append(inst.root / INSTALLATION_FILE)
    return sum(path.stat().st_size for path in files if path.is_file())


def tenant_rows(
    inst: Installation, user: str, infos: list[TenantInfo] | None = None
) -> list[TenantRow]:
    """The table's rows for `infos` (default: every readable tenant)."""
    members = set(tenants_of(inst, user))
    return [
        TenantRow(
            nr=info.nr,
            name=info.name,
            central=[label(db) for db in CENTRAL_OPTIONS if info.central[db.value]],
            booking_range=info.booking_range,
            versions=inst.schema_versions(info),
            size=size_on_disk(inst, info),
            may_enter=info.nr in members,
            is_admin=info.nr in members and rights_in(inst, user, info.nr).tenant_admin,
        )
        for info in (inst.tenants() if infos is None else infos)
    ]


class TenantManagementDialog(QDialog):
    """The tenant list. Signals: `switch_requested(nr)` on double-click, Return or Switch to
    (the dialog then closes); `tenant_created(nr)` and `tenant_changed(nr)` after New/Edit."""

    switch_requested = Signal(int)
    tenant_created = Signal(int)
    tenant_changed = Signal(int)

    COLUMNS = 6

    def __init__(
        self,
        inst: Installation,
        user: str,
        parent: QWidget | None = None,
        current_nr: int | None = None,
    ):
        super().__init__(parent)
        self.inst = inst
        self.user = user
        self.current_nr = current_nr
        # Creating needs administrator rights where the user works now (the main window's
        # context); without a current tenant, in tenant 0, which holds the registry.
        self.can_create = rights_in(inst, user, current_nr or 0).tenant_admin
        self.rows: list[TenantRow] = []
        self.setWindowTitle(self.tr("Tenant management"))
        self.table = self._make_table()
        self.reason = QLabel(self)
        # Tenants whose files cannot be read are not in the table; this line says which and why.
        self.damaged = QLabel(self)
        self.damaged.setObjectName("damagedTenants")
        self.damaged.setWordWrap(True)
        self.damaged.setStyleSheet("color: #b00020;")
        self.reason.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.switch_button = self._button(self.tr("&Switch to"), self._switch_selected)
        self.new_button = self._button(self.tr("&New..."), self.new_tenant)
        self.edit_button = self._button(self.tr("&Edit..."), self.edit_selected)
        self.switch_button.setDefault(True)  # Return in the table switches (R11)
        self.buttons.rejected.connect(self.reject)
        self._add_new_shortcut()
        caption = QLabel(self.tr("&Tenants:"), self)
        caption.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.damaged)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._switch_row(row))
        QWidget.setTabOrder(self.table, self.switch_button)
        self.resize(900, 420)
        self.refresh()
        self.table.setFocus()

    @classmethod
    def for_context(cls, ctx: TenantContext, parent: QWidget | None = None):
        return cls(ctx.inst, ctx.user, parent, current_nr=ctx.nr)

    # -- building -------------------------------------------------------------------------------

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, self.COLUMNS, self)
        table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Name"),
                self.tr("Central databases"),
                self.tr("Booking numbers"),
                self.tr("Schema"),
                self.tr("Size on disk"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def _button(self, text: str, slot) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def _add_new_shortcut(self) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence.StandardKey.New)
        action.triggered.connect(lambda: self.new_button.isEnabled() and self.new_tenant())
        self.addAction(action)

    # -- filling --------------------------------------------------------------------------------

    def refresh(self, select_nr: int | None = None) -> None:
        """Re-read the tenants, keeping (or moving to) the selection."""
        if select_nr is None:
            select_nr = self.selected_nr() if self.rows else self.current_nr
        infos, problems = self.inst.tenants_and_damage()  # the manifests read once
        self.rows = tenant_rows(self.inst, self.user, infos)
        self.damaged.setText("\n".join(problems.values()))
        self.damaged.setVisible(bool(problems))
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            self._fill_row(index, row)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        target = next((i for i, r in enumerate(self.rows) if r.nr == select_nr), 0)
        self.table.selectRow(target)
        self._update_buttons()

    def _fill_row(self, index: int, row: TenantRow) -> None:
        locale = QLocale()
        first, last = row.booking_range
        schema_text, schema_tip = self._schema_texts(row)
        texts = [
            (str(row.nr), ""),
            (row.name, ""),
            (", ".join(row.central) or self.tr("none"), ""),
            (f"{locale.toString(first)} \u2013 {locale.toString(last)}", ""),
            (schema_text, schema_tip),
            (locale.formattedDataSize(row.size), ""),
        ]
        for column, (text, tip) in enumerate(texts):
            item = QTableWidgetItem(text)
            if column in (0, 3, 5):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._mark(item, row, tip)
            self.table.setItem(index, column, item)

    def _schema_texts(self, row: TenantRow) -> tuple[str, str]:
        detail = "\n".join(
            self.tr("{db}: version {version} (this program: {current})").format(
                db=label(db), version=v, current=SCHEMA_VERSIONS[db]
            )
            for db, v in row.versions.items()
        )
        if row.ahead:
            return self.tr("newer than this program"), detail
        if row.behind:
            dbs = ", ".join(label(db) for db in row.behind)
            return self.tr("update needed ({dbs})").format(dbs=dbs), detail
        return self.tr("up to date"), detail

    def _mark(self, item: QTableWidgetItem, row: TenantRow, tip: str) -> None:
        """Grey out tenants the user cannot enter, bold the current one; tooltips say why."""
        if not row.may_enter:
            grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            item.setForeground(grey)
            tip = self.tr(
                "You are not a member of tenant {nr}, so you cannot switch to it."
            ).format(nr=row.nr)
        elif row.nr == self.current_nr:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            tip = tip or self.tr("You are working in this tenant.")
        if tip:
            item.setToolTip(tip)

    # -- actions --------------------------------------------------------------------------------

    def selected_row(self) -> TenantRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.rows[indexes[0].row()] if indexes else None

    def selected_nr(self) -> int | None:
        row = self.selected_row()
        return row.nr if row else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        may_enter = bool(row and row.may_enter)
        may_edit = bool(row and row.is_admin)
        self.switch_button.setEnabled(may_enter)
        self.new_button.setEnabled(self.can_create)
        self.edit_button.setEnabled(may_edit)
        not_member = (
            self.tr("You are not a member of tenant {nr}, so you cannot switch to it.").format(
                nr=row.nr
            )
            if row and not may_enter
            else ""
        )
        no_create = (
            "" if self.can_create else self.tr("Only a tenant administrator can create tenants.")
        )
        no_edit = (
            self.tr("Only an administrator of tenant {nr} can edit it.").format(nr=row.nr)
            if row and not may_edit
            else ""
        )
        self.switch_button.setToolTip(not_member)
        self.new_button.setToolTip(no_create)
        self.edit_button.setToolTip(no_edit)
        self.reason.setText(" ".join(text for text in (not_member, no_create, no_edit) if text))

    def _switch_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._switch_row(self.rows.index(row))

    def _switch_row(self, index: int) -> None:
        row = self.rows[index]
        if not row.may_enter:
            return  # greyed out; the tooltip and the line below the table say why
        if row.nr != self.current_nr:
            self.switch_requested.emit(row.nr)
        self.accept()

    def new_tenant(self) -> None:
        wizard = TenantWizard(self.inst, self.user, self)
        wizard.switch_requested.connect(self.switch_requested)
        wizard.exec()
        if wizard.created_nr is None:
            return
        self.tenant_created.emit(wizard.created_nr)
        if wizard.done_page.wants_switch():
            self.accept()  # the main window switches; the list has served its purpose
        else:
            self.refresh(select_nr=wizard.created_nr)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.is_admin:
            return
        dialog = TenantEditDialog(self.inst, row.nr, self, user=self.user)
        dialog.tenant_changed.connect(self.tenant_changed)
        if dialog.exec():
            self.refresh(select_nr=row.nr)
