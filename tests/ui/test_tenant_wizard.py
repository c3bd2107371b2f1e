"""The new-tenant wizard creates what was chosen and refuses bad input beside the field (R2, R5)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tenant_store import Logical, TenantSpec, create_tenant
from tenant_store.users import add_user, grant, rights_in, tenants_of
from ui.tenant_wizard import TenantWizard
from ui.tenant_wizard import wizard as wizard_module
from ui.tenant_wizard.wizard import Page

from ..tenant_store.snapshot import snapshot


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
    assert "overlaps tenant 1 (100000-199999)" in page.error.text()
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
