"""The new-tenant wizard creates what was chosen and refuses bad input beside the field (R2, R5)."""

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSpinBox, QWizard

from tenant_store import Installation, Logical, TenantSpec, create_tenant
from tenant_store.installation import unused_colour
from tenant_store.tenant_edit import update_tenant
from tenant_store.users import add_user, grant, rights_in, tenants_of
from ui.tenant_management import TenantManagementDialog
from ui.tenant_wizard import TenantWizard
from ui.tenant_wizard import wizard as wizard_module
from ui.tenant_wizard.wizard import Page

from ..jack_desktop.agency import build_agency
from ..tenant_store.snapshot import snapshot
from .driving import on_modal, open_main_window, trigger_menu


@pytest.fixture
def users(inst):
    add_user(inst, "anna", "Anna Admin", "secret-123")
    grant(inst, "anna", 0, "admin")
    add_user(inst, "bert", "Bert Clerk", "secret-123")
    return inst


def make_wizard(qtbot, inst, user="anna") -> TenantWizard:
    wizard = TenantWizard(inst, user)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_enabled(wizard: TenantWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def click_next(qtbot, wizard: TenantWizard) -> None:
    button = wizard.button(
        QWizard.WizardButton.CommitButton
        if wizard.currentPage().isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    assert button.isEnabled(), "the page refused its input"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def written(first: int, last: int) -> str:
    """A range as the number boxes would write it, with an en dash."""
    box = QSpinBox()
    box.setGroupSeparatorShown(True)
    return f"{box.textFromValue(first)}\u2013{box.textFromValue(last)}"


def test_happy_path_creates_the_tenant_with_the_chosen_options(qtbot, users):
    inst = users
    wizard = make_wizard(qtbot, inst)
    page = wizard.number_page
    assert page.number.value() == 1  # the next free number is proposed
    assert not next_enabled(wizard)  # no name yet
    qtbot.keyClicks(page.name, "Ost Reisen")
    page.branding_form.edits["city"].setText("Leipzig")
    page.branding_form.colour.set_colour("#aa3300")
    click_next(qtbot, wizard)

    assert wizard.currentId() == Page.CENTRAL
    wizard.central_page.boxes[Logical.ACCOUNTING].setChecked(True)
    wizard.central_page.boxes[Logical.POSTAL].setChecked(True)
    click_next(qtbot, wizard)

    copy = wizard.copy_page.boxes
    assert not copy[Logical.ACCOUNTING].isEnabled() and not copy[Logical.POSTAL].isEnabled()
    assert copy[Logical.BASEDATA].isChecked()  # the default: base data is copied
    click_next(qtbot, wizard)

    assert wizard.range_page.booking_range() == (100_000, 199_999)  # proposed, and free
    click_next(qtbot, wizard)

    assert wizard.users_page.roles() == {"anna": "admin"}  # the creator administers it
    wizard.users_page.set_role("bert", "clerk")
    click_next(qtbot, wizard)

    assert "Ost Reisen" in wizard.summary_page.text.toPlainText()
    click_next(qtbot, wizard)  # Create tenant

    assert wizard.currentId() == Page.DONE
    assert wizard.created_nr == 1
    info = inst.tenant(1)
    assert info.name == "Ost Reisen"
    assert info.path.is_dir() and (info.path / "manifest.json").is_file()
    assert info.central == {
        "postal": True,
        "customers": False,
        "tickets": False,
        "notes": False,
        "accounting": True,
    }
    assert info.manifest.central == {Logical.ACCOUNTING, Logical.POSTAL}
    assert info.booking_range == (100_000, 199_999)
    assert info.branding["city"] == "Leipzig" and info.branding["colour"] == "#aa3300"
    assert rights_in(inst, "anna", 1).tenant_admin
    assert rights_in(inst, "bert", 1).role == "clerk"

    assert wizard.done_page.switch_now.isChecked()
    with qtbot.waitSignal(wizard.switch_requested) as signal:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert signal.args == [1]


def test_an_overlapping_range_keeps_next_disabled_and_creates_nothing(qtbot, inst3):
    add_user(inst3, "anna", "Anna Admin", "secret-123")
    grant(inst3, "anna", 0, "admin")
    before = snapshot(inst3.root)
    wizard = make_wizard(qtbot, inst3)
    assert wizard.number_page.number.value() == 3
    qtbot.keyClicks(wizard.number_page.name, "West Reisen")
    click_next(qtbot, wizard)
    wizard.central_page.boxes[Logical.ACCOUNTING].setChecked(True)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)

    page = wizard.range_page
    page.first.setValue(150_000)  # tenant 1 (central accounting) has 100000-199999
    page.last.setValue(249_999)
    assert not next_enabled(wizard)
    assert page.error.isVisible()
    assert f"overlaps tenant 1 ({written(100_000, 199_999)})" in page.error.text()
    assert "a free range is" in page.error.text()  # the store proposes one
    wizard.next()  # even a programmatic Next is refused
    assert wizard.currentId() == Page.RANGE
    assert snapshot(inst3.root) == before
    assert not (inst3.tenants_dir() / "3").exists()

    qtbot.mouseClick(page.propose, Qt.MouseButton.LeftButton)
    assert next_enabled(wizard) and not page.error.isVisible()


def test_proposed_range_avoids_a_taken_default(qtbot, users):
    inst = users
    # Tenant 5 sits in tenant 1's default range; both share booking numbers (central tickets).
    create_tenant(inst, TenantSpec(5, "Fünf", central=["tickets"], booking_range=(100000, 149999)))
    wizard = make_wizard(qtbot, inst)
    qtbot.keyClicks(wizard.number_page.name, "Eins")
    click_next(qtbot, wizard)
    wizard.central_page.boxes[Logical.TICKETS].setChecked(True)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.range_page.booking_range() == (150_000, 249_999)
    assert next_enabled(wizard)


def test_own_accounting_and_tickets_allow_any_range(qtbot, inst3):
    wizard = make_wizard(qtbot, inst3, user="nobody")
    qtbot.keyClicks(wizard.number_page.name, "West")
    for _ in range(3):
        click_next(qtbot, wizard)
    wizard.range_page.first.setValue(100_000)  # tenant 1's range, but nothing is shared
    assert next_enabled(wizard)


def test_a_taken_number_is_explained_beside_the_field(qtbot, inst3):
    wizard = make_wizard(qtbot, inst3)
    page = wizard.number_page
    qtbot.keyClicks(page.name, "Doppelt")
    page.number.setValue(2)
    assert not next_enabled(wizard)
    assert page.number_error.text() == "Tenant 2 exists already; the next free number is 3."
    page.number.setValue(3)
    assert next_enabled(wizard) and not page.number_error.isVisible()


def test_bad_name_country_and_logo_are_explained_beside_their_fields(qtbot, inst, tmp_path):
    wizard = make_wizard(qtbot, inst)
    page = wizard.number_page
    qtbot.keyClicks(page.name, "x")
    page.name.clear()
    assert not next_enabled(wizard)
    assert "name is empty" in page.name_error.text()
    qtbot.keyClicks(page.name, "Nord")
    assert next_enabled(wizard)

    form = page.branding_form
    form.edits["country"].setText("Germany")
    assert not next_enabled(wizard)
    assert "two-letter country code" in form.errors["country"].text()
    form.edits["country"].clear()
    qtbot.keyClicks(form.edits["country"], "de")  # typed lower case, taken upper case
    assert form.edits["country"].text() == "DE" and next_enabled(wizard)

    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    form.logo.set_path(tmp_path / "logo.gif")
    assert not next_enabled(wizard)
    assert "is not a PNG or JPEG file" in form.errors["logo"].text()


def test_a_logo_is_copied_into_the_tenant_folder(qtbot, users, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5f8b"))
    image.save(str(tmp_path / "brand.png"))
    wizard = make_wizard(qtbot, users)
    qtbot.keyClicks(wizard.number_page.name, "Mit Logo")
    wizard.number_page.branding_form.logo.set_path(tmp_path / "brand.png")
    while wizard.currentId() != Page.DONE:
        click_next(qtbot, wizard)
    info = users.tenant(1)
    assert info.branding["logo_file"] == "logo.png" and (info.path / "logo.png").is_file()


def test_without_a_role_the_creator_cannot_switch(qtbot, users):
    wizard = make_wizard(qtbot, users)
    qtbot.keyClicks(wizard.number_page.name, "Fremd")
    for _ in range(4):
        click_next(qtbot, wizard)
    wizard.users_page.set_role("anna", "")
    assert "Nobody gets an administrator role" in wizard.users_page.hint.text()
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.created_nr == 1 and tenants_of(users, "anna") == [0]
    done = wizard.done_page
    assert not done.switch_now.isEnabled() and "no role" in done.why_not.text()
    with qtbot.assertNotEmitted(wizard.switch_requested):
        wizard.button(QWizard.WizardButton.FinishButton).click()


def test_a_refused_creation_stays_on_the_summary_with_a_message(qtbot, users, monkeypatch):
    shown = []
    monkeypatch.setattr(wizard_module, "show_error", lambda parent, exc: shown.append(exc))
    wizard = make_wizard(qtbot, users)
    qtbot.keyClicks(wizard.number_page.name, "Zu spaet")  # keyClicks: ASCII only
    for _ in range(5):
        click_next(qtbot, wizard)
    assert wizard.currentId() == Page.SUMMARY
    create_tenant(users, TenantSpec(1, "Schneller"))  # another administrator was quicker
    before = snapshot(users.root)
    click_next(qtbot, wizard)
    assert wizard.currentId() == Page.SUMMARY and wizard.created_nr is None
    assert "Tenant 1 exists already" in shown[0].message
    assert snapshot(users.root) == before


def test_screenshots_of_every_page(qtbot, users, tmp_path):
    """Each page renders (and gives a picture to look at when the layout changes)."""
    wizard = make_wizard(qtbot, users)
    qtbot.keyClicks(wizard.number_page.name, "Bild")
    for page_id in Page:
        assert wizard.currentId() == page_id
        assert not wizard.grab().isNull()
        if page_id != Page.DONE:
            click_next(qtbot, wizard)


# -- through the main window, as an administrator of the demo-like agency ------------------------


@pytest.fixture
def agency(inst3):
    """Like the demo: tenants 1 (central accounting) and 2 (central tickets) share booking
    numbers with tenant 0, tenant 3 keeps everything of its own (300000-399999)."""
    build_agency(inst3)
    return inst3


@pytest.fixture
def german_locale():
    """Numbers and country names as in the German UI (the app sets the default locale)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def with_wizard(qtbot, inst, walk: Callable[[TenantWizard], None], user: str = "anna"):
    """File > Tenant management > New..., then `walk(wizard)`; returns the main window.

    A wizard the walk leaves open (e.g. after a failed assertion) is cancelled, so a failing
    test fails instead of waiting for a dialog nobody closes.
    """
    window = open_main_window(qtbot, inst, user, 0)

    def walk_then_close(wizard: TenantWizard) -> None:
        try:
            walk(wizard)
        finally:
            if wizard.isVisible():
                wizard.reject()

    def manage(dialog: TenantManagementDialog) -> None:
        try:
            on_modal(walk_then_close, TenantWizard)
            click(qtbot, dialog.new_button)
        finally:
            if dialog.isVisible():  # still open unless the user switched to the new tenant
                dialog.reject()

    walked = on_modal(manage, TenantManagementDialog)
    trigger_menu(window, "File", "Tenant management")
    assert walked, "tenant management did not open"
    return window


def click(qtbot, button) -> None:
    """Click a button of tenant management ("New...", "Edit..."), as the user does.

    By attribute, not by text (driving.click_button): after a wizard has closed, searching
    the dialog's children met already deleted widgets of that wizard.
    """
    assert button.isVisible() and button.isEnabled(), f"{button.text()} cannot be clicked"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press_return(qtbot, wizard: TenantWizard) -> None:
    """Return where the user's cursor is: a page with valid input goes on (the last closes)."""
    page = wizard.currentId()
    qtbot.keyClick(wizard.focusWidget() or wizard.currentPage(), Qt.Key.Key_Return)
    moved = wizard.currentId() != page or not wizard.isVisible()
    assert moved, f"Return did not leave page {Page(page).name}"


def retype(qtbot, widget, text: str) -> None:
    """Select what the field holds and type over it."""
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def to_range_page(qtbot, wizard: TenantWizard, central: Logical) -> None:
    qtbot.keyClicks(wizard.number_page.name, "Kreuzfahrten")
    press_return(qtbot, wizard)
    box = wizard.central_page.boxes[central]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().bottomLeft() + QPoint(8, -6))
    assert box.isChecked()
    press_return(qtbot, wizard)
    press_return(qtbot, wizard)
    assert wizard.currentId() == Page.RANGE


def last_range_in(text: str) -> tuple[int, int]:
    """The last FIRST-LAST a message names, read as a user reads it (whatever the grouping)."""
    ranges = re.findall(r"(\d[\d.,\u00a0]*)[-\u2013](\d[\d.,\u00a0]*)", text)
    assert ranges, f"no range in {text!r}"
    first, last = (int(re.sub(r"\D", "", number)) for number in ranges[-1])
    return first, last


def test_the_message_and_the_button_propose_the_same_free_range(qtbot, agency):
    seen = {}

    def walk(wizard: TenantWizard) -> None:
        to_range_page(qtbot, wizard, Logical.TICKETS)
        page = wizard.range_page
        assert page.booking_range() == (400_000, 499_999)  # tenant 4's place is free
        retype(qtbot, page.first, "250000")
        retype(qtbot, page.last, "300000")  # overlaps tenant 2 (central tickets)
        assert not next_enabled(wizard) and page.error.isVisible()
        assert "overlaps tenant 2" in page.error.text()
        seen["message"] = last_range_in(page.error.text())
        qtbot.mouseClick(page.propose, Qt.MouseButton.LeftButton)
        seen["boxes"] = last_range_in(f"{page.first.text()}-{page.last.text()}")
        assert next_enabled(wizard) and not page.error.isVisible()
        assert wizard.focusWidget() is page.propose
        press_return(qtbot, wizard)  # Next, not the focused button once more
        assert wizard.currentId() == Page.USERS

    with_wizard(qtbot, agency, walk)
    assert seen["message"] == seen["boxes"] == (400_000, 450_000)
    first, last = seen["boxes"]
    assert last < 300_000 or first > 399_999  # never inside tenant 3's range


def test_without_central_accounting_or_tickets_the_proposal_still_avoids_other_ranges(
    qtbot, agency
):
    create_tenant(agency, TenantSpec(9, "Eigen", booking_range="400000-449999"))  # own, too
    seen = []

    def walk(wizard: TenantWizard) -> None:
        to_range_page(qtbot, wizard, Logical.POSTAL)
        seen.append(wizard.range_page.booking_range())

    with_wizard(qtbot, agency, walk)
    assert seen == [(450_000, 549_999)]


def test_range_numbers_follow_the_ui_locale(qtbot, agency, german_locale):
    seen = {}

    def walk(wizard: TenantWizard) -> None:
        to_range_page(qtbot, wizard, Logical.ACCOUNTING)
        page = wizard.range_page
        seen["boxes"] = (page.first.text(), page.last.text())
        retype(qtbot, page.last, "100000")
        seen["message"] = page.error.text()

    with_wizard(qtbot, agency, walk)
    assert seen["boxes"] == ("400.000", "499.999")
    assert "400.000\u2013100.000" in seen["message"]  # reversed, in the boxes' own digits


def test_a_new_tenant_gets_a_colour_no_other_tenant_has(qtbot, agency):
    update_tenant(agency, 0, branding={"colour": "#e8a317"})  # the demo's colours
    update_tenant(agency, 1, branding={"colour": "#1F5F8B"})  # the old default, upper case
    taken = {t.branding["colour"].lower() for t in agency.tenants()}
    seen = []
    with_wizard(qtbot, agency, lambda w: seen.append(w.number_page.branding_form.colour.text()))
    assert seen and seen[0].lower() not in taken


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        channels = [
            v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
            for v in (c.redF(), c.greenF(), c.blueF())
        ]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def assert_swatch_framed(button) -> None:
    """The swatch shows its colour inside a frame that stands out from a white background."""
    image = button.icon().pixmap(button.iconSize()).toImage()
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert middle.name() == button.colour()
    for x, y in ((0, image.height() // 2), (image.width() // 2, 0)):
        edge = image.pixelColor(x, y)
        assert contrast(edge, QColor("#ffffff")) >= 3, f"no visible frame: {edge.name()}"


def test_colour_swatches_have_a_visible_frame_even_in_white(qtbot, agency):
    from ui.tenant_edit_dialog import TenantEditDialog

    window = open_main_window(qtbot, agency, "anna", 0)
    checked = []

    def look(form) -> None:
        assert form.accent.colour() == "#ffffff"  # the default accent colour
        for button in (form.colour, form.accent):
            assert_swatch_framed(button)
            checked.append(button)

    def in_wizard(wizard: TenantWizard) -> None:
        try:
            look(wizard.number_page.branding_form)
        finally:
            wizard.reject()

    def in_editor(editor: TenantEditDialog) -> None:
        try:
            look(editor.branding_form)
        finally:
            editor.reject()

    def manage(dialog: TenantManagementDialog) -> None:
        try:
            on_modal(in_wizard, TenantWizard)
            click(qtbot, dialog.new_button)
            on_modal(in_editor, TenantEditDialog)
            click(qtbot, dialog.edit_button)
        finally:
            dialog.reject()

    on_modal(manage, TenantManagementDialog)
    trigger_menu(window, "File", "Tenant management")
    assert len(checked) == 4


BRANDING = {
    "street": "Rheinufer 5",
    "postcode": "50667",
    "city": "Koeln",
    "phone": "0221 123456",
    "email": "kreuz@example.com",
    "bank_name": "Sparkasse KoelnBonn",
    "iban": "DE89370400440532013000",
    "bic": "COBADEFFXXX",
    "tax_number": "214/5730/2815",
    "vat_id": "DE136695976",
}


def fill_first_page(qtbot, wizard: TenantWizard) -> None:
    """Name and branding typed in, field by field, as a user does."""
    page = wizard.number_page
    qtbot.keyClicks(page.name, "Sonnenschein Kreuzfahrten")
    for key, value in BRANDING.items():
        qtbot.keyClicks(page.branding_form.edits[key], value)
    page.branding_form.edits["vat_id"].setFocus()  # Return from the last field typed in


def test_the_summary_shows_address_tax_and_bank_as_written(qtbot, agency, german_locale):
    seen = []

    def walk(wizard: TenantWizard) -> None:
        fill_first_page(qtbot, wizard)
        while wizard.currentId() != Page.SUMMARY:
            press_return(qtbot, wizard)
        seen.append(wizard.summary_page.text.toPlainText())

    with_wizard(qtbot, agency, walk)
    text = seen[0]
    assert "Rheinufer 5\n50667 Koeln\nDeutschland" in text  # an address, line by line
    for shown in ("214/5730/2815", "DE136695976", "Sparkasse KoelnBonn", "BIC COBADEFFXXX"):
        assert shown in text
    assert "IBAN DE89 3704 0044 0532 0130 00" in text  # in groups of four, as printed
    assert "400.000 \u2013 499.999" in text
    assert "Anna Albers (anna): admin" in text


def test_a_whole_wizard_with_the_keyboard_creates_the_tenant_on_disk(qtbot, agency):
    colour = unused_colour(agency)

    def walk(wizard: TenantWizard) -> None:
        fill_first_page(qtbot, wizard)
        press_return(qtbot, wizard)
        box = wizard.central_page.boxes[Logical.TICKETS]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
        press_return(qtbot, wizard)  # central -> copy
        press_return(qtbot, wizard)  # copy -> range
        press_return(qtbot, wizard)  # range -> users
        combo = wizard.users_page.combos["bernd"]
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # "no access" -> the first role
        press_return(qtbot, wizard)  # users -> summary
        press_return(qtbot, wizard)  # Create tenant
        assert wizard.currentId() == Page.DONE
        press_return(qtbot, wizard)  # Finish, switching to the new tenant
        assert not wizard.isVisible()

    window = with_wizard(qtbot, agency, walk)
    assert window.ctx.nr == 4  # switched to it
    window.close()
    with Installation.open(agency.root) as fresh:  # read back from disk
        info = fresh.tenant(4)
        assert info.name == "Sonnenschein Kreuzfahrten"
        assert {k: info.branding[k] for k in BRANDING} == BRANDING
        assert info.branding["country"] == "DE"  # tenant 0's, proposed
        assert info.branding["colour"] == colour and info.branding["accent_colour"] == "#ffffff"
        assert info.central["tickets"] and not info.central["accounting"]
        assert info.booking_range == (400_000, 499_999)
        assert info.path == agency.root / "Mandant" / "4"
        assert (info.path / "manifest.json").is_file() and (info.path / "basedata.db").is_file()
        assert rights_in(fresh, "anna", 4).tenant_admin
        assert rights_in(fresh, "bernd", 4).role is not None
