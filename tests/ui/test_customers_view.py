"""Customer list and editor: search as you type, fetching on demand, town, IBAN, sharing (R12)."""

from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from jack_desktop.bookings import create_booking
from jack_desktop.customers import create_customer, get_customer, search_customers
from tenant_store import ValidationError
from tenant_store.models.customers import Customer, CustomerSearch, search_body, sort_name
from tenant_store.users import add_user, grant
from ui import customer_editor, customers_view
from ui.customer_editor import CustomerEditor
from ui.customers_view import CustomersView

VALID_IBAN = "DE89 3704 0044 0532 0130 00"


@pytest.fixture
def office(inst3):
    """anna: admin in tenants 0-2; vera: viewer in tenant 0."""
    add_user(inst3, "anna", "Anna Albers", "geheim123")
    add_user(inst3, "vera", "Vera Voss", "geheim123")
    for nr in (0, 1, 2):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "vera", 0, "viewer")
    return inst3


@pytest.fixture
def context(office, open_context):
    """make(nr, user) -> a TenantContext of `office`."""
    return lambda nr=0, user="anna": open_context(office, nr, user)


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    """Capture what would pop up: errors, information, questions (answered 'discard')."""
    shown = {"errors": [], "info": []}
    monkeypatch.setattr(customers_view, "show_error", lambda _p, exc: shown["errors"].append(exc))
    monkeypatch.setattr(customer_editor, "show_error", lambda _p, exc: shown["errors"].append(exc))
    monkeypatch.setattr(customer_editor, "inform", lambda _p, _t, text: shown["info"].append(text))
    monkeypatch.setattr(customer_editor, "ask_discard", lambda *_a: True)
    return shown


def add(ctx, **values):
    return create_customer(ctx.user, ctx.session, values).customer


def names(view: CustomersView) -> list[str]:
    model = view.model
    return [model.index(r, model.NAME).data() for r in range(model.rowCount())]


def editor_for(qtbot, ctx, customer_id=None) -> CustomerEditor:
    editor = CustomerEditor(ctx, customer_id)
    qtbot.addWidget(editor)
    show_active(qtbot, editor)
    return editor


def show_active(qtbot, widget) -> None:
    """Show a window and wait until it is active (keyboard focus and shortcuts work then)."""
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def type_text(widget, text: str) -> None:
    """Type like a user, umlauts too (QTest's keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def leave(qtbot, field) -> None:
    """The user tabs out of a field (editingFinished)."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Tab)


# -- the list ------------------------------------------------------------------------------------


def test_typing_in_the_search_shows_matching_rows(qtbot, context):
    ctx = context()
    add(ctx, first_name="Hans", last_name="Müller", city="Hamburg")
    add(ctx, first_name="Eva", last_name="Meier", city="Köln")
    add(ctx, first_name="Kurt", last_name="Schmidt", city="Bonn")
    view = CustomersView(ctx)
    qtbot.addWidget(view)
    assert names(view) == ["Meier, Eva", "Müller, Hans", "Schmidt, Kurt"]
    type_text(view.search, "mül")
    qtbot.waitUntil(lambda: names(view) == ["Müller, Hans"])
    assert view.model.index(0, view.model.TOWN).data() == "Hamburg"
    assert view.status.text() == "Customers: 1"
    view.search.clear()
    qtbot.keyClicks(view.search, "xyz")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert "No customer matches" in view.status.text()


def test_the_search_waits_until_typing_pauses(qtbot, context, monkeypatch):
    ctx = context()
    add(ctx, last_name="Müller")
    view = CustomersView(ctx)
    qtbot.addWidget(view)
    searched = []
    original = view.model.search
    monkeypatch.setattr(view.model, "search", lambda text: (searched.append(text), original(text)))
    type_text(view.search, "müller")
    qtbot.waitUntil(lambda: searched == ["müller"])


def _insert_customers(ctx, count: int, last_name: str = "") -> None:
    """`count` visible customers written straight into the file (fast, like an import)."""
    stamp = datetime(2026, 1, 1)
    with ctx.session.transaction():
        rows = [
            {
                "number": n,
                "first_name": f"Vorname{n:04d}",
                "last_name": last_name or f"Name{n:04d}",
                "owner_tenant": ctx.nr,
                "shared_with_all": True,
                "created_at": stamp,
                "updated_at": stamp,
            }
            for n in range(1, count + 1)
        ]
        for row in rows:
            row["sort_name"] = sort_name(row)  # as the service writes it
        Customer.insert_many(rows).execute()
        ids = [c.id for c in Customer.select(Customer.id).order_by(Customer.number)]
        CustomerSearch.insert_many(
            [{"rowid": i, "body": search_body(row)} for i, row in zip(ids, rows, strict=True)]
        ).execute()


def test_the_model_fetches_more_rows_page_by_page_while_scrolling(qtbot, context):
    ctx = context()
    _insert_customers(ctx, 450)
    view = CustomersView(ctx)
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.show()
    assert view.model.rowCount() == 200
    assert view.model.canFetchMore()
    assert "more are read as you scroll" in view.status.text()
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 400)
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 450)
    assert not view.model.canFetchMore()
    shown = names(view)
    assert shown == sorted(shown) and len(set(shown)) == 450  # by name, none twice
    assert view.status.text() == "Customers: 450"


def test_search_results_are_fetched_in_pages_too(qtbot, context):
    ctx = context()
    _insert_customers(ctx, 450, last_name="Müller")
    view = CustomersView(ctx)
    qtbot.addWidget(view)
    view.search.setText("mueller")
    view.refresh()
    assert view.model.rowCount() == 200
    while view.model.canFetchMore():
        view.model.fetchMore()
    numbers = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert len(numbers) == len(set(numbers)) == 450


def test_a_viewer_sees_new_disabled_with_the_reason(qtbot, context):
    ctx = context(0, "vera")
    view = CustomersView(ctx)
    qtbot.addWidget(view)
    assert not view.new_button.isEnabled()
    assert "may read customers in tenant 0 but not change them" in view.new_button.toolTip()
    assert view.new_customer() is False


def test_return_on_a_row_opens_the_customer(qtbot, context, monkeypatch):
    ctx = context()
    hans = add(ctx, first_name="Hans", last_name="Müller")
    opened = []
    monkeypatch.setattr(CustomerEditor, "exec", lambda self: opened.append(self) or 0)
    view = CustomersView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    assert not view.open_button.isEnabled()
    view.table.setFocus()
    view.table.selectRow(0)
    assert view.open_button.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert [e.customer_id for e in opened] == [hans.id]
    assert opened[0].fields["last_name"].text() == "Müller"


def test_open_customer_refuses_an_unknown_customer_with_the_service_message(qtbot, context, quiet):
    view = CustomersView(context())
    qtbot.addWidget(view)
    assert view.open_customer(4711) is False
    assert quiet["errors"][0].message == "There is no customer 4711."


# -- the editor ----------------------------------------------------------------------------------


def test_the_postcode_fills_in_the_town(qtbot, context):
    editor = editor_for(qtbot, context())
    qtbot.keyClicks(editor.fields["last_name"], "Neumann")
    qtbot.keyClicks(editor.fields["postcode"], "20095")
    leave(qtbot, editor.fields["postcode"])
    assert editor.fields["city"].text() == "Hamburg"
    # A town typed by the user is never overwritten.
    editor.fields["city"].setText("Altona")
    editor.fields["postcode"].setText("80331")
    leave(qtbot, editor.fields["postcode"])
    assert editor.fields["city"].text() == "Altona"


def test_a_bad_iban_is_shown_beside_the_field_and_keeps_save_disabled(qtbot, context):
    editor = editor_for(qtbot, context())
    qtbot.keyClicks(editor.fields["last_name"], "Neumann")
    assert editor.save_button.isEnabled()
    qtbot.keyClicks(editor.fields["iban"], "DE00 1234 5678")
    message = editor.messages["iban"]
    assert message.isVisible() and "is not a valid IBAN" in message.text()
    assert not editor.save_button.isEnabled()
    assert "is not a valid IBAN" in editor.save_button.toolTip()
    editor.fields["iban"].clear()
    qtbot.keyClicks(editor.fields["iban"], VALID_IBAN)
    assert not message.isVisible()
    assert editor.save_button.isEnabled()


def test_save_stays_disabled_without_a_name_and_says_why_once_touched(qtbot, context):
    editor = editor_for(qtbot, context())
    assert not editor.save_button.isEnabled()
    assert not editor.messages["last_name"].isVisible()  # no scolding before typing anything
    qtbot.keyClicks(editor.fields["first_name"], "Hans")
    leave(qtbot, editor.fields["last_name"])
    assert editor.messages["last_name"].text() == "Enter a last name or a company name."


def test_saving_a_new_customer_writes_through_the_service(qtbot, context, quiet):
    ctx = context()
    editor = editor_for(qtbot, ctx)
    type_text(editor.fields["first_name"], "Jürgen")
    type_text(editor.fields["last_name"], "Weiß")
    qtbot.keyClicks(editor.fields["email"], "juergen@example.de")
    qtbot.keyClicks(editor.fields["iban"], VALID_IBAN)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == CustomerEditor.DialogCode.Accepted
    stored = get_customer("anna", ctx.session, editor.customer_id)
    assert (stored.last_name, stored.email) == ("Weiß", "juergen@example.de")
    assert stored.iban == "DE89370400440532013000"
    assert stored.shared_with_all
    assert quiet["info"] == []  # no likely duplicates


def test_likely_duplicates_are_listed_after_saving(qtbot, context, quiet):
    ctx = context()
    first = add(ctx, first_name="Hans", last_name="Müller", postcode="20095", city="Hamburg")
    editor = editor_for(qtbot, ctx)
    qtbot.keyClicks(editor.fields["first_name"], "Hans")
    qtbot.keyClicks(editor.fields["last_name"], "Mueller")
    editor.fields["postcode"].setText("20095")
    assert editor.save()
    assert len(quiet["info"]) == 1
    assert f"{first.number}  Müller, Hans, 20095 Hamburg" in quiet["info"][0]
    assert len(search_customers("anna", ctx.session, "mueller")) == 2


def test_a_refusal_of_the_service_is_shown_beside_its_field(qtbot, context, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise ValidationError("email", "This address bounced last time.")

    monkeypatch.setattr(customer_editor, "create_customer", refuse)
    editor = editor_for(qtbot, context())
    qtbot.keyClicks(editor.fields["last_name"], "Neumann")
    assert not editor.save()
    assert editor.messages["email"].text() == "This address bounced last time."
    assert editor.isVisible()
    qtbot.keyClicks(editor.fields["email"], "x")  # editing the field clears the message
    leave(qtbot, editor.fields["email"])
    assert editor.messages["email"].text() != "This address bounced last time."


def test_sharing_offers_the_tenants_of_the_central_file_and_stores_a_subset(qtbot, context):
    ctx0 = context(0)
    editor = editor_for(qtbot, ctx0)
    listed = [editor.sharing.tenants.item(r).text() for r in range(editor.sharing.tenants.count())]
    assert listed == ["0  Hauptmandant (this tenant)", "1  Reisebüro Nord"]  # not 2: own file
    assert editor.sharing.all_tenants.isChecked()
    qtbot.keyClicks(editor.fields["last_name"], "Geheim")
    editor.sharing.some_tenants.setChecked(True)
    editor.sharing.tenants.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert editor.save()
    ctx1 = context(1)
    assert search_customers("anna", ctx1.session, "geheim") == []  # R12
    again = editor_for(qtbot, ctx0, editor.customer_id)
    assert again.sharing.shared_with() == {0}


def test_sharing_is_changed_only_in_the_creating_tenant(qtbot, context):
    ctx0, ctx1 = context(0), context(1)
    customer = add(ctx0, last_name="Zentral")
    editor = editor_for(qtbot, ctx1, customer.id)
    assert not editor.sharing.all_tenants.isVisible()
    assert editor.sharing.note.isVisible()
    assert "Only the tenant that created this customer" in editor.sharing.note.text()


def test_a_tenant_with_its_own_customers_has_no_sharing(qtbot, context):
    editor = editor_for(qtbot, context(2))
    assert editor.sharing is None


def test_the_history_shows_only_this_tenants_bookings(qtbot, context):
    ctx0, ctx1 = context(0), context(1)
    customer = add(ctx0, first_name="Hans", last_name="Müller")
    create_booking("anna", ctx0.session, {"customer_id": customer.id, "title": "Mallorca"})
    create_booking("anna", ctx1.session, {"customer_id": customer.id, "title": "Kreta"})
    editor = editor_for(qtbot, ctx1, customer.id)
    model = editor.history_model
    assert [model.index(r, model.TITLE).data() for r in range(model.rowCount())] == ["Kreta"]


def test_a_viewer_reads_the_customer_but_cannot_save(qtbot, context):
    customer = add(context(0), last_name="Müller")
    editor = editor_for(qtbot, context(0, "vera"), customer.id)
    assert editor.fields["last_name"].isReadOnly()
    assert not editor.save_button.isEnabled()
    assert "may read customers" in editor.save_button.toolTip()
    assert not editor.fields["country"].isEnabled()


def test_the_country_list_shows_german_names(qtbot, context):
    editor = editor_for(qtbot, context())
    country = editor.fields["country"]
    assert country.currentData() == "DE" and country.currentText() == "Deutschland"
    assert country.findText("Österreich") >= 0


def test_closing_with_changes_asks_first(qtbot, context, monkeypatch):
    asked = []
    monkeypatch.setattr(customer_editor, "ask_discard", lambda *a: asked.append(a) or False)
    editor = editor_for(qtbot, context())
    editor.reject()  # nothing typed: closes without asking
    assert asked == [] and not editor.isVisible()
    editor = editor_for(qtbot, context())
    qtbot.keyClicks(editor.fields["last_name"], "Neumann")
    editor.reject()
    assert len(asked) == 1 and editor.isVisible()
    monkeypatch.setattr(customer_editor, "ask_discard", lambda *a: True)
    QApplication.processEvents()
