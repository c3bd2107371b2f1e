"""Layering rules: ui -> jack_desktop -> tenant_store, and Qt only in ui/ and main.py.

Keeping Qt out of the lower layers lets them run headless (admin CLI, migrations,
tests without a display) and keeps the dependency arrows one-way.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

QT = ("PySide6", "shiboken6")
# Modules each layer must not import; "main" is the Qt entry point, above every layer.
FORBIDDEN = {
    "tenant_store": (*QT, "ui", "main", "jack_desktop"),
    "jack_desktop": (*QT, "ui", "main"),
}
FORBIDDEN_DEFAULT = (*QT, "ui", "main")  # any other top-level package but ui
REQUIRED_PACKAGES = ("tenant_store", "jack_desktop")
DYNAMIC_IMPORTERS = {"import_module", "__import__"}


def imported_modules(tree: ast.AST):
    """Yield (lineno, module) for every absolute import, static or by string literal."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            # Relative imports cannot leave their own top-level package.
            if node.level == 0 and node.module:
                yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if (
                name in DYNAMIC_IMPORTERS
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                yield node.lineno, first.value


def violations(source: str, filename: str, forbidden: tuple[str, ...]) -> list[str]:
    tree = ast.parse(source, filename=filename)
    return [
        f"{filename}:{lineno}: imports {module}"
        for lineno, module in sorted(imported_modules(tree))
        if any(module == bad or module.startswith(bad + ".") for bad in forbidden)
    ]


def non_ui_packages() -> list[str]:
    found = {p.name for p in ROOT.iterdir() if (p / "__init__.py").is_file()}
    return sorted((found | set(REQUIRED_PACKAGES)) - {"ui", "tests"})


@pytest.mark.parametrize("package", non_ui_packages())
def test_package_respects_layers(package):
    pkg_dir = ROOT / package
    assert pkg_dir.is_dir(), f"{package}/ is missing: the layer check would pass vacuously"
    forbidden = FORBIDDEN.get(package, FORBIDDEN_DEFAULT)
    found = []
    for path in sorted(pkg_dir.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        found += violations(path.read_text(encoding="utf-8"), rel, forbidden)
    assert not found, f"{package} may not import {', '.join(forbidden)}:\n" + "\n".join(found)


def test_scanner_detects_violations():
    source = "\n".join(
        [
            "import json",  # 1
            "import PySide6.QtCore",  # 2
            "from PySide6 import QtWidgets",  # 3
            "import importlib",  # 4
            "mod = importlib.import_module('PySide6.QtGui')",  # 5
            "from jack_desktop.services import booking",  # 6
            "from . import models",  # 7
            "import PySide6x",  # 8: a different module that merely shares the prefix
            "def f():",  # 9
            "    from ui.main_window import MainWindow",  # 10: nested imports count too
            "    return __import__('shiboken6')",  # 11
        ]
    )
    assert violations(source, "tenant_store/x.py", FORBIDDEN["tenant_store"]) == [
        "tenant_store/x.py:2: imports PySide6.QtCore",
        "tenant_store/x.py:3: imports PySide6",
        "tenant_store/x.py:5: imports PySide6.QtGui",
        "tenant_store/x.py:6: imports jack_desktop.services",
        "tenant_store/x.py:10: imports ui.main_window",
        "tenant_store/x.py:11: imports shiboken6",
    ]
    # One layer up, importing tenant_store is the allowed direction.
    assert violations("from tenant_store import schema", "x.py", FORBIDDEN["jack_desktop"]) == []
