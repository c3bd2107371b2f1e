"""The Accounting menu of the main window and its dialogs (GoBD: locks, audit trail, exports)."""
