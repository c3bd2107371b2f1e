"""The plain main window shows the tenant it works in (R11)."""

from tenant_store import Installation, TenantSpec, create_tenant
from ui.main_window import MainWindow


def test_title_and_badge_name_the_current_tenant(qtbot, tmp_path):
    inst, _ = Installation.init(tmp_path / "inst")
    create_tenant(inst, TenantSpec(3, "Reisewelt Süd", branding={"colour": "#aa3300"}))
    window = MainWindow(inst, inst.tenant(0))
    qtbot.addWidget(window)
    assert window.windowTitle() == "Jack Desktop – Mandant 0 Hauptmandant"
    window.show_tenant(inst.tenant(3))
    assert window.windowTitle() == "Jack Desktop – Mandant 3 Reisewelt Süd"
    assert "Reisewelt Süd" in window.badge.text() and "3" in window.badge.text()
    assert "#aa3300" in window.badge.styleSheet()
    assert window.tenants.rowCount() == 2
    inst.close()


def test_first_start_creates_a_ready_installation(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from ui import app as app_module

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    assert app_module.run(data_dir=str(tmp_path / "new"), lang="en") == 0
    assert Installation.is_installation(tmp_path / "new")
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            assert widget.windowTitle().startswith("Jack Desktop – Mandant 0")
            widget.close()
