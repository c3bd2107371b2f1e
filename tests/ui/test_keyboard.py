"""Keyboard use in every dialog and view, in English and German: no two visible controls of a
window share an Alt+letter, a label's Alt+letter always leads somewhere, and Tab goes down each
form in the order its rows are shown."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QWidget,
    QWizard,
)

from jack_desktop.invoicing import invoice_booking
from tenant_store.i18n import set_language
from ui.basedata_view import EntryDialog
from ui.booking_editor import BookingEditor
from ui.customer_editor import CustomerEditor
from ui.first_admin_dialog import FirstAdminDialog
from ui.journal_entry_dialog import JournalEntryDialog
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.modules import MODULES
from ui.note_compose_dialog import NoteComposeDialog
from ui.payment_dialog import PaymentDialog
from ui.tenant_edit_dialog import TenantEditDialog
from ui.tenant_management import TenantManagementDialog
from ui.tenant_wizard import TenantWizard
from ui.ticket_dialog import TicketDialog
from ui.update_dialog import UpdateDialog

from ..jack_desktop.agency import booked, build_agency, new_customer

QM_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
MNEMONIC = re.compile(r"&(?!&)(\w)")


@pytest.fixture(params=["en", "de"])
def lang(request, qapp):
    """The UI in English (the source texts) and in German (ours and Qt's own, as the app)."""
    translators = []
    if request.param == "de":
        qt = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (("qtbase", qt), ("jack", str(QM_DIR))):
            translator = QTranslator()
            assert translator.load(QLocale("de"), name, "_", folder)
            QCoreApplication.installTranslator(translator)
            translators.append(translator)
    set_language(request.param)
    yield request.param
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    set_language("en")


@pytest.fixture
def office(inst3):
    build_agency(inst3)
    return inst3


def _letter(text: str) -> str | None:
    match = MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every control the user can reach with Alt+letter right now."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        texts = []
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            # The menus' Alt+letters are taken in every view the window shows: a view's
            # "&Filter" beside the menu's "&File" made Alt+F open the menu every other time.
            texts += [action.text() for action in widget.actions()]
        found += [(_letter(t), t) for t in texts if _letter(t)]
    return found


def _labels_without_buddy(window: QWidget) -> list[str]:
    return [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisibleTo(window) and _letter(label.text()) and label.buddy() is None
    ]


def _focus_chain(window: QWidget) -> list[QWidget]:
    chain, widget = [], window.nextInFocusChain()
    while widget is not window and widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _tab_order_problems(window: QWidget) -> list[str]:
    """Forms whose fields Tab does not visit top to bottom."""
    position = {w: i for i, w in enumerate(_focus_chain(window))}
    problems = []
    for form in window.findChildren(QFormLayout):
        fields = []
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item else None
            if isinstance(label, QLabel) and label.buddy() and label.isVisibleTo(window):
                fields.append((label.text(), label.buddy().focusProxy() or label.buddy()))
        order = [position.get(field, -1) for _text, field in fields]
        if order != sorted(order):
            problems.append(" -> ".join(text for text, _field in fields))
    return problems


def check(qtbot, window: QWidget, name: str) -> None:
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    seen: dict[str, str] = {}
    clashes = []
    for letter, text in _mnemonics(window):
        if letter in seen:
            clashes.append(f"Alt+{letter.upper()}: {seen[letter]!r} and {text!r}")
        seen.setdefault(letter, text)
    assert not clashes, f"{name}: " + "; ".join(clashes)
    assert not _labels_without_buddy(window), name
    assert not _tab_order_problems(window), name


def _ctx(office, open_context, nr=0):
    return open_context(office, nr, "anna")


DIALOGS = {
    "login": lambda office, ctx: LoginDialog(office, login="anna"),
    "first administrator": lambda office, ctx: FirstAdminDialog(office),
    "tenant management": lambda office, ctx: TenantManagementDialog(office, "anna", current_nr=0),
    "tenant edit": lambda office, ctx: TenantEditDialog(office, 1),
    "update": lambda office, ctx: UpdateDialog(office),
    "customer editor": lambda office, ctx: CustomerEditor(ctx, None),
    "new booking": lambda office, ctx: BookingEditor(ctx, None),
    "journal entry": lambda office, ctx: JournalEntryDialog(ctx),
    "note": lambda office, ctx: NoteComposeDialog(ctx),
    "ticket": lambda office, ctx: TicketDialog(ctx),
    "base data entry": lambda office, ctx: EntryDialog(ctx, "suppliers"),
}
MODULE_KEYS = [module.key for module in MODULES]


@pytest.mark.parametrize("name", DIALOGS)
def test_dialogs_have_distinct_mnemonics(qtbot, office, open_context, lang, name):
    check(qtbot, DIALOGS[name](office, _ctx(office, open_context)), f"{name} ({lang})")


@pytest.mark.parametrize("key", MODULE_KEYS)
def test_views_in_the_main_window_have_distinct_mnemonics(qtbot, office, lang, key):
    window = MainWindow(office, "anna", 0)
    window.open_module(key)
    check(qtbot, window, f"{key} in the main window ({lang})")
    window.close()


def test_menu_entries_have_distinct_mnemonics(qtbot, office, lang):
    window = MainWindow(office, "anna", 0)
    qtbot.addWidget(window)
    for menu_action in window.menuBar().actions():
        letters = [_letter(a.text()) for a in menu_action.menu().actions() if _letter(a.text())]
        assert len(letters) == len(set(letters)), f"{menu_action.text()} ({lang}): {letters}"
    window.close()


def test_an_invoiced_booking_and_its_payment_dialog(qtbot, office, open_context, lang):
    ctx = _ctx(office, open_context, 1)
    number = booked(ctx.session, customer_id=new_customer(ctx.session))
    invoice = invoice_booking("anna", ctx.session, number)
    check(qtbot, BookingEditor(ctx, number), f"invoiced booking ({lang})")
    check(qtbot, PaymentDialog(ctx, number, invoice.total_cents), f"payment ({lang})")


def test_every_wizard_page(qtbot, office, lang):
    wizard = TenantWizard(office, "anna")
    check(qtbot, wizard, f"wizard page 1 ({lang})")
    wizard.number_page.name.setText("Ost Reisen")
    while wizard.button(QWizard.WizardButton.NextButton).isVisible():
        page = wizard.currentId()
        if wizard.currentPage().isFinalPage() or page == wizard.pageIds()[-2]:
            break  # the summary page's Next creates the tenant
        wizard.next()
        assert wizard.currentId() != page, "the wizard did not move on"
        check(qtbot, wizard, f"wizard page {wizard.currentId()} ({lang})")
