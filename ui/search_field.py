"""The cross-tenant search field (Ctrl+K): hits from every tenant the user may read, by tenant."""

from PySide6 import QtCore
from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from tenant_store import StoreError

from .errors import show_error


def _hit_role() -> int:
    """The item data role carrying a hit; looked up when used (see ui/main_window.py)."""
    return QtCore.Qt.ItemDataRole.UserRole


class SearchField(QLineEdit):
    """Enter searches all readable tenants; choosing a hit asks the window to open it."""

    open_requested = Signal(int, str, int)  # tenant number, kind, key

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("crossTenantSearch")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search all tenants (Ctrl+K)"))
        self.setMinimumWidth(320)
        self.returnPressed.connect(self.run_search)
        self._results: QListWidget | None = None
        self.hits: list = []  # jack_desktop.cross_search.Hit

    @property
    def results(self) -> QListWidget:
        """The popup listing the hits; made on the first search, not while the window starts."""
        if self._results is None:
            self._results = QListWidget()
            self._results.setObjectName("crossTenantResults")
            self._results.setWindowFlags(QtCore.Qt.WindowType.Popup)
            self._results.itemActivated.connect(self._chosen)
        return self._results

    def focus_search(self) -> None:
        """Ctrl+K: jump to the field with its text selected."""
        self.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def run_search(self) -> None:
        """Search every readable tenant off the UI thread and show the hits."""
        text = self.text().strip()
        if not text:
            return
        # Imported on first use: start-up only pays for what the first window shows.
        from jack_desktop.cross_search import search_everywhere

        from .tasks import run_with_progress

        inst, user = self.window_.installation, self.window_.user
        try:
            self.hits = run_with_progress(
                self.window_,
                self.tr("Searching all tenants…"),
                lambda progress: search_everywhere(user, inst, text),
            )
        except StoreError as exc:
            show_error(self.window_, exc)
            return
        self._show_hits()

    def _show_hits(self) -> None:
        self.results.clear()
        if not self.hits:
            self._add_header(self.tr("No matches in your tenants."))
        tenant = None
        for hit in self.hits:
            if hit.tenant_nr != tenant:
                tenant = hit.tenant_nr
                self._add_header(
                    self.tr("Mandant {nr} · {name}").format(nr=hit.tenant_nr, name=hit.tenant_name)
                )
            item = QListWidgetItem(f"    {self._kind_label(hit.kind)} · {hit.title}")
            item.setToolTip(hit.detail)
            item.setData(_hit_role(), hit)
            self.results.addItem(item)
        self.results.setFixedWidth(max(self.width(), 480))
        self.results.setFixedHeight(min(420, 24 * (self.results.count() + 1)))
        self.results.move(self.mapToGlobal(QPoint(0, self.height())))
        self.results.show()
        self.results.setFocus()
        first = next(
            (i for i in range(self.results.count()) if self.hit_of(self.results.item(i))), None
        )
        if first is not None:
            self.results.setCurrentRow(first)

    def hit_of(self, item: QListWidgetItem):
        """The hit (jack_desktop.cross_search.Hit) an entry of the popup stands for, or None."""
        return item.data(_hit_role())

    def _add_header(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.results.addItem(item)

    def _kind_label(self, kind: str) -> str:
        return {
            "booking": self.tr("Booking"),
            "customer": self.tr("Customer"),
            "ticket": self.tr("Ticket"),
        }[kind]

    def _chosen(self, item: QListWidgetItem) -> None:
        hit = self.hit_of(item)
        if hit is None:
            return
        self.results.hide()
        self.open_requested.emit(hit.tenant_nr, hit.kind, hit.key)
