"""Long work off the UI thread, with a progress dialog: the window never freezes.

The function runs in a QThread. SQLite connections belong to the thread that opened them, so a
task opens its own session (or installation) inside the function instead of using the caller's.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[str, int, int], None]


class _Worker(QObject):
    progressed = Signal(str, int, int)
    finished = Signal(object, object)  # result, exception

    def __init__(self, fn: Callable[[Progress], Any]):
        super().__init__()
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn(lambda text, step, steps: self.progressed.emit(text, step, steps))
        except Exception as exc:  # handed to the UI thread, which shows it
            self.finished.emit(None, exc)
        else:
            self.finished.emit(result, None)


class _Receiver(QObject):
    """Lives in the UI thread, so the worker's signals reach it queued, never from the worker."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop):
        super().__init__()
        self.dialog, self.loop = dialog, loop
        self.result: Any = None
        self.exc: Exception | None = None

    @Slot(str, int, int)
    def progressed(self, text: str, step: int, steps: int) -> None:
        self.dialog.setLabelText(text)
        self.dialog.setMaximum(steps)
        self.dialog.setValue(step)

    @Slot(object, object)
    def finished(self, result: Any, exc: Exception | None) -> None:
        self.result, self.exc = result, exc
        self.loop.quit()


def run_with_progress(parent: QWidget | None, title: str, fn: Callable[[Progress], Any]) -> Any:
    """Run `fn(progress)` in a worker thread while a modal progress dialog shows its steps.

    Returns fn's result; re-raises its exception in the caller's (UI) thread.
    """
    dialog = QProgressDialog(title, None, 0, 0, parent)
    dialog.setWindowTitle(title)
    # Wide enough for its title: window managers cut a title to the dialog's width.
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance(title) * 3 // 2 + 120)
    dialog.setMinimumDuration(300)
    # Starts the timer that shows the dialog after 300 ms: without a first value it would wait
    # for a progress report, and work that reports none would never show the dialog.
    dialog.setValue(0)
    dialog.setAutoClose(False)
    loop = QEventLoop()
    receiver = _Receiver(dialog, loop)
    thread = QThread()
    worker = _Worker(fn)
    worker.moveToThread(thread)
    worker.progressed.connect(receiver.progressed)
    worker.finished.connect(receiver.finished)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    if receiver.exc is not None:
        raise receiver.exc
    return receiver.result
