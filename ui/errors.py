"""Errors for people: a message box with the domain message, never a traceback."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tenant_store import StoreError, ValidationError


def show_error(parent: QWidget | None, exc: Exception) -> None:
    """Tell the user what went wrong and what to do; unexpected errors say so plainly."""
    if isinstance(exc, ValidationError):
        text = exc.message
    elif isinstance(exc, StoreError):
        text = str(exc)
    else:
        text = QCoreApplication.translate("Errors", "An unexpected error occurred: {error}").format(
            error=exc
        )
    QMessageBox.warning(parent, "Jack Desktop", text)
