"""Screenshots for the README, taken from the real app on a fresh demo installation.

Run (from the repository):
    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python scripts/screenshots.py [de|en]
Writes docs/main-window-tenant-0.png, docs/main-window-tenant-1.png, docs/tenant-management.png
and docs/tenant-wizard.png.
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from jack_desktop.demo import build_demo
from tenant_store import Installation
from tenant_store.i18n import set_language
from ui.app import install_translators
from ui.main_window import MainWindow
from ui.tenant_management import TenantManagementDialog
from ui.tenant_wizard import TenantWizard

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _grab(widget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(DOCS / name))
    print(DOCS / name)


def main() -> None:
    app = QApplication(sys.argv)
    lang = sys.argv[1] if len(sys.argv) > 1 else "de"
    install_translators(app, set_language(lang))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "demo"
        build_demo(root)
        inst = Installation.open(root)
        window = MainWindow(inst, "admin", 0)
        window.resize(1280, 780)
        window.show()
        window.open_module("bookings")
        _grab(window, "main-window-tenant-0.png")
        window.switch_tenant(1)
        window.open_module("bookings")
        _grab(window, "main-window-tenant-1.png")
        management = TenantManagementDialog.for_context(window.ctx, window)
        management.show()
        _grab(management, "tenant-management.png")
        management.close()
        wizard = TenantWizard(inst, "admin", window)
        wizard.show()
        _grab(wizard, "tenant-wizard.png")
        wizard.close()
        window.close()
        inst.close()


if __name__ == "__main__":
    main()
