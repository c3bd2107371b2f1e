"""With which tenants a central customer is shared (R12): all, or a chosen subset."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tenant_store import TenantInfo

NR_ROLE = Qt.ItemDataRole.UserRole


class SharingBox(QGroupBox):
    """'All tenants' or a checklist of the tenants that read the central customers file.

    The own tenant is always ticked: the tenant that creates a customer always sees it.
    """

    changed = Signal()

    def __init__(self, tenants: list[TenantInfo], own_nr: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Shared with"))
        self.own_nr = own_nr
        self.all_tenants = QRadioButton(self.tr("&All tenants"))
        self.some_tenants = QRadioButton(self.tr("Only the &tenants ticked below:"))
        group = QButtonGroup(self)
        group.addButton(self.all_tenants)
        group.addButton(self.some_tenants)
        self.tenants = QListWidget()
        self.tenants.setObjectName("sharingTenants")
        for tenant in tenants:
            self._add_tenant(tenant)
        rows = max(2, min(len(tenants), 5))
        self.tenants.setMaximumHeight(self.tenants.sizeHintForRow(0) * rows + 6)
        self.note = QLabel(
            self.tr("Only the tenant that created this customer decides with whom it is shared.")
        )
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.all_tenants)
        layout.addWidget(self.some_tenants)
        layout.addWidget(self.tenants)
        layout.addWidget(self.note)
        self.all_tenants.setChecked(True)
        self.all_tenants.toggled.connect(self._mode_changed)
        self.tenants.itemChanged.connect(lambda _item: self.changed.emit())
        self._mode_changed()

    def _add_tenant(self, tenant: TenantInfo) -> None:
        item = QListWidgetItem(f"{tenant.nr}  {tenant.name}")
        item.setData(NR_ROLE, tenant.nr)
        item.setCheckState(Qt.CheckState.Checked)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        if tenant.nr == self.own_nr:
            item.setText(
                self.tr("{nr}  {name} (this tenant)").format(nr=tenant.nr, name=tenant.name)
            )
            flags = Qt.ItemFlag.NoItemFlags
        item.setFlags(flags)
        self.tenants.addItem(item)

    def _mode_changed(self) -> None:
        self.tenants.setEnabled(self.some_tenants.isChecked() and self.isEnabled())
        self.changed.emit()

    def set_shared_with(self, shared_with: set[int] | None) -> None:
        """Show a sharing: None for all tenants, else the tenant numbers."""
        self.all_tenants.setChecked(shared_with is None)
        self.some_tenants.setChecked(shared_with is not None)
        for row in range(self.tenants.count()):
            item = self.tenants.item(row)
            ticked = shared_with is None or item.data(NR_ROLE) in shared_with
            own = item.data(NR_ROLE) == self.own_nr
            item.setCheckState(Qt.CheckState.Checked if ticked or own else Qt.CheckState.Unchecked)
        self._mode_changed()

    def shared_with(self) -> set[int] | None:
        """None for all tenants, else the ticked tenant numbers (always with the own one)."""
        if self.all_tenants.isChecked():
            return None
        ticked = {
            self.tenants.item(row).data(NR_ROLE)
            for row in range(self.tenants.count())
            if self.tenants.item(row).checkState() == Qt.CheckState.Checked
        }
        return ticked | {self.own_nr}

    def set_decided_elsewhere(self) -> None:
        """The customer was created in another tenant: nothing here to show or change (R12)."""
        for widget in (self.all_tenants, self.some_tenants, self.tenants):
            widget.hide()
        self.note.show()

    def set_read_only(self, read_only: bool) -> None:
        """Show the sharing without letting it be changed."""
        self.all_tenants.setEnabled(not read_only)
        self.some_tenants.setEnabled(not read_only)
        self.tenants.setEnabled(not read_only and self.some_tenants.isChecked())
