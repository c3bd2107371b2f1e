"""The cross-tenant search field (Ctrl+K): hits from every tenant the user may read, by tenant.

Searched as you type: a pause in typing starts the search in a background thread, and only the
answer to the newest text is shown (an older search still running is dropped when it ends).

The hits are listed in a box laid over the main window, a child widget rather than a popup
window: a Qt.Popup grabs mouse and keyboard (clicks on the window were swallowed, keys went
into the list and opened hits), and a window of its own is placed by the window manager, which
may push it past the window's edge. The box never takes the focus, so typing goes on in the
field; the field forwards Up/Down (move through the hits), Return (open the chosen hit) and
Escape (close). A click anywhere else closes it and reaches what was clicked; so does leaving
the field or the application.

Nothing that runs while the window starts refers to Qt's `Qt` namespace (see ui/main_window.py):
`QtCore.Qt` is looked up where it is used.
"""

import contextlib

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QPoint, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QListWidgetItem, QWidget

from tenant_store import StoreError

SEARCH_DELAY_MS = 250  # a pause this long starts the search; typing on restarts the wait
MIN_CHARS = 2  # fewer letters would match half of every tenant
POPUP_MIN_WIDTH = 480
POPUP_MAX_HEIGHT = 420


def _hit_role() -> int:
    """The item data role carrying a hit; looked up when used (see ui/main_window.py)."""
    return QtCore.Qt.ItemDataRole.UserRole


class _Relay(QObject):
    """Carries a finished search from the worker thread to the field (a queued signal)."""

    done = Signal(int, str, object, object)  # search number, text, hits, exception


class SearchField(QLineEdit):
    """Searches all readable tenants as you type; choosing a hit asks the window to open it."""

    open_requested = Signal(int, str, int)  # tenant number, kind, key

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("crossTenantSearch")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search all tenants (Ctrl+K)"))
        self.setMinimumWidth(320)
        self._results: QListWidget | None = None
        self.hits: list = []  # jack_desktop.cross_search.Hit, for the text in `hits_text`
        self.hits_text = ""
        self._search_nr = 0  # the newest search; answers to older ones are dropped
        self._answered = 0  # the newest search whose answer is shown (or no longer wanted)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.textChanged.connect(self._text_changed)
        self._relay = _Relay(self)
        self._relay.done.connect(self._search_done)
        self._pool_: QThreadPool | None = None

    @property
    def results(self) -> QListWidget:
        """The box listing the hits; made on the first search, not while the window starts."""
        if self._results is None:
            self._results = _results_box(self.window_)
            self._results.itemActivated.connect(self._chosen)
            # Connected only now: the signal carries a `Qt` enum, which PySide cannot convert
            # before the namespace exists (see ui/main_window.py), and it mattered for no box.
            QGuiApplication.instance().applicationStateChanged.connect(self._application_state)
        return self._results

    @property
    def _pool(self) -> QThreadPool:
        """One thread: a search waiting behind a running one is skipped if newer text came."""
        if self._pool_ is None:
            self._pool_ = QThreadPool(self)
            self._pool_.setMaxThreadCount(1)
        return self._pool_

    def popup_visible(self) -> bool:
        """True while the box of hits is open (shown whenever the window is)."""
        return self._results is not None and not self._results.isHidden()

    def focus_search(self) -> None:
        """Ctrl+K: jump to the field with its text selected."""
        self.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    # -- searching -----------------------------------------------------------------------------

    def _typed(self) -> str:
        """The text searched for: the field's, with runs of spaces as one."""
        return " ".join(self.text().split())

    def _text_changed(self, text: str) -> None:
        if len(text.strip()) < MIN_CHARS:
            self._timer.stop()
            self._search_nr += 1  # an answer still on its way is for text no longer there
            self._answered = self._search_nr
            self.hide_results()
            return
        self._timer.start()

    def run_search(self) -> None:
        """Search every readable tenant for the text now, off the UI thread.

        The hits are shown when they arrive, unless newer text was searched meanwhile.
        """
        self._timer.stop()
        text = self._typed()
        if len(text) < MIN_CHARS:
            return
        self._search_nr += 1
        number = self._search_nr
        inst, user = self.window_.installation, self.window_.user
        if not self.popup_visible():
            self.hits, self.hits_text = [], ""
            self._show_lines([self.tr("Searching all tenants…")])

        def search() -> None:
            if number != self._search_nr:
                return  # typed on while this waited for the thread: a newer one follows
            # Imported on first use: start-up only pays for what the first window shows.
            from jack_desktop.cross_search import search_everywhere

            hits, error = [], None
            try:
                hits = search_everywhere(user, inst, text)
            except Exception as exc:  # handed to the UI thread, which shows or raises it
                error = exc
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self._relay.done.emit(number, text, hits, error)

        self._pool.start(search)

    def _search_done(self, number: int, text: str, hits: list, error: Exception | None) -> None:
        if number != self._search_nr:
            return  # an answer to older text must not replace the newer one
        self._answered = number
        if isinstance(error, StoreError):
            self._show_lines([str(getattr(error, "message", error))])
            return
        if error is not None:
            raise error
        self.hits, self.hits_text = hits, text
        self._show_hits()

    def is_searching(self) -> bool:
        """True from a pause in typing (or Return) until the hits for the text are shown."""
        return self._timer.isActive() or self._answered != self._search_nr

    # -- the box of hits -----------------------------------------------------------------------

    def _show_hits(self) -> None:
        if not self.hits:
            self._show_lines([self.tr("No matches in your tenants.")])
            return
        self.results.clear()
        tenant = None
        for hit in self.hits:
            if hit.tenant_nr != tenant:
                tenant = hit.tenant_nr
                self._add_header(
                    self.tr("Tenant {nr} · {name}").format(nr=hit.tenant_nr, name=hit.tenant_name)
                )
            item = QListWidgetItem(f"    {self._kind_label(hit.kind)} · {hit.title}")
            item.setToolTip(hit.detail)
            item.setData(_hit_role(), hit)
            self.results.addItem(item)
        self._open_box()
        self._move(1)

    def _show_lines(self, lines: list[str]) -> None:
        """A box with only a note in it (searching, nothing found, why the search failed)."""
        self.results.clear()
        for line in lines:
            self._add_header(line)
        self._open_box()

    def _add_header(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.results.addItem(item)

    def _open_box(self) -> None:
        if not self.popup_visible():
            QApplication.instance().installEventFilter(self)
        self._place()
        self.results.show()
        self.results.raise_()

    def _place(self) -> None:
        """Below the field, inside the window: its right edge at the window's where needed."""
        box, window = self.results, self.window_
        below = self.mapTo(window, QPoint(0, self.height()))
        width = min(max(self.width(), POPUP_MIN_WIDTH), window.width())
        x = max(0, min(below.x(), window.width() - width))
        row = box.sizeHintForRow(0) if box.count() else 0
        wanted = (row if row > 0 else 24) * box.count() + 2 * box.frameWidth() + 4
        height = max(0, min(wanted, POPUP_MAX_HEIGHT, window.height() - below.y()))
        box.setGeometry(x, below.y(), width, height)

    def hide_results(self) -> None:
        """Close the box of hits (Escape, a click elsewhere, leaving the field)."""
        if self.popup_visible():
            QApplication.instance().removeEventFilter(self)
            self._results.hide()

    def hit_of(self, item: QListWidgetItem):
        """The hit (jack_desktop.cross_search.Hit) an entry of the box stands for, or None."""
        return item.data(_hit_role())

    def current_hit(self):
        """The hit Return would open, or None."""
        if not self.popup_visible() or self.results.currentItem() is None:
            return None
        return self.hit_of(self.results.currentItem())

    def _move(self, step: int) -> None:
        """Make the next (step 1) or previous (-1) hit the current one, skipping headers."""
        rows = [i for i in range(self.results.count()) if self.hit_of(self.results.item(i))]
        if not rows:
            return
        current = self.results.currentRow()
        if current in rows:
            index = max(0, min(len(rows) - 1, rows.index(current) + step))
        else:
            index = 0 if step > 0 else len(rows) - 1
        self.results.setCurrentRow(rows[index])
        self.results.scrollToItem(self.results.currentItem())

    def _kind_label(self, kind: str) -> str:
        return {
            "booking": self.tr("Booking"),
            "customer": self.tr("Customer"),
            "ticket": self.tr("Ticket"),
        }[kind]

    def _chosen(self, item: QListWidgetItem) -> None:
        hit = self.hit_of(item)
        if hit is None or not self.popup_visible():
            return
        self.hide_results()
        self.open_requested.emit(hit.tenant_nr, hit.kind, hit.key)

    # -- keyboard, mouse and focus -------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key in (QtCore.Qt.Key.Key_Down, QtCore.Qt.Key.Key_Up) and self.popup_visible():
            self._move(1 if key == QtCore.Qt.Key.Key_Down else -1)
        elif key == QtCore.Qt.Key.Key_Down and len(self.text().strip()) >= MIN_CHARS:
            self._reopen()
        elif key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            self._return_pressed()
        elif key == QtCore.Qt.Key.Key_Escape and self.popup_visible():
            self.hide_results()  # the text stays, to search on or go back to
        else:
            super().keyPressEvent(event)

    def _return_pressed(self) -> None:
        """Return opens the chosen hit; if the hits shown are for other text, it searches now."""
        if self.current_hit() is not None and self.hits_text == self._typed():
            self._chosen(self.results.currentItem())
        else:
            self.run_search()

    def _reopen(self) -> None:
        """Down in the field shows the hits again (after Escape), searching if they are old."""
        if self.hits_text == self._typed() and self.hits:
            self._show_hits()
        else:
            self.run_search()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # A context menu of the field is part of editing; anything else leaves the search. No
        # box, nothing to close: the window's start moves the focus, before `Qt` may be used.
        if self._results is not None and event.reason() != QtCore.Qt.FocusReason.PopupFocusReason:
            self.hide_results()
        super().focusOutEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Installed on the application only while the box is open: a press outside the box
        # and the field closes it and still reaches what was pressed.
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
            inside = (self._results, self)
            if not any(w is watched or w.isAncestorOf(watched) for w in inside):
                self.hide_results()
        elif kind == QEvent.Type.Resize and watched is self.window_:
            self._place()
        return False

    def _application_state(self, state) -> None:
        if state != QtCore.Qt.ApplicationState.ApplicationActive:
            self.hide_results()


def _results_box(window: QWidget) -> QListWidget:
    """The list of hits, laid over `window`; it never takes the focus from the field."""
    box = QListWidget(window)
    box.setObjectName("crossTenantResults")
    box.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
    box.verticalScrollBar().setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
    box.horizontalScrollBar().setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
    box.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
    box.hide()
    return box
