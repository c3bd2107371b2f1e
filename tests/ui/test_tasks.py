"""Long work runs in a worker thread with its own SQLite connection; errors come back."""

import threading

import pytest

from tenant_store import Installation, TenantSpec, ValidationError, create_tenant
from ui.tasks import run_with_progress


def test_a_task_runs_off_the_ui_thread_and_returns_its_result(qtbot, inst):
    root = inst.root
    seen = {}

    def create(progress):
        seen["thread"] = threading.current_thread()
        with Installation.open(root) as own:  # SQLite connections stay in their thread
            create_tenant(own, TenantSpec(4, "Ost"), progress=progress)
        return "done"

    assert run_with_progress(None, "Creating", create) == "done"
    assert seen["thread"] is not threading.main_thread()
    assert 4 in inst.tenant_numbers()


def test_a_tasks_error_is_raised_in_the_caller(qtbot):
    def fail(progress):
        raise ValidationError("name", "Enter a name.")

    with pytest.raises(ValidationError, match="Enter a name"):
        run_with_progress(None, "Failing", fail)


def test_progress_reaches_the_dialog_in_the_ui_thread(qtbot, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    labels = []
    original = QProgressDialog.setLabelText

    def record(dialog, text):
        labels.append((text, threading.current_thread() is threading.main_thread()))
        original(dialog, text)

    monkeypatch.setattr(QProgressDialog, "setLabelText", record)
    run_with_progress(None, "Working", lambda progress: progress("step 1", 1, 2))
    assert ("step 1", True) in labels
