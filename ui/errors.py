"""Errors for people: a message box with the domain message, never a traceback."""

from PySide6.QtWidgets import QMessageBox, QWidget

from tenant_store import PermissionDenied, StoreError, ValidationError


def show_error(parent: QWidget | None, exc: Exception) -> None:
    """Tell the user what went wrong and what to do; unexpected errors say so plainly."""
    title = parent.tr("Jack Desktop") if parent else "Jack Desktop"
    if isinstance(exc, ValidationError):
        text = exc.message
    elif isinstance(exc, (PermissionDenied, StoreError)):
        text = str(exc)
    else:
        text = (
            parent.tr("An unexpected error occurred: {error}").format(error=exc)
            if parent
            else str(exc)
        )
    QMessageBox.warning(parent, title, text)
