"""Widgets shared by the wizard's pages and the tenant edit dialog.

The branding form lives here because creating and editing a tenant ask for the same fields with
the same checks; keeping one form means the two can never disagree about what is valid.
"""

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tenant_store import ValidationError
from tenant_store.installation import TENANT_COLOURS
from tenant_store.tenant_validation import check_branding, check_logo

DEFAULT_COLOUR = TENANT_COLOURS[0]  # a new tenant gets an unused one instead (unused_colour)
DEFAULT_ACCENT = "#ffffff"
ERROR_STYLE = "color: #b00020;"
# A mid grey with 4.5:1 contrast to white and to black: the frame shows on light and dark
# backgrounds alike, so a white or black swatch is still seen.
SWATCH_FRAME = "#767676"
SWATCH_SIZE = QSize(24, 16)


def swatch(colour: str, size: QSize = SWATCH_SIZE, ratio: float = 1.0) -> QPixmap:
    """A framed sample of `colour` (`ratio`: the screen's device pixel ratio)."""
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor(SWATCH_FRAME), 1))
    painter.setBrush(QColor(colour))
    # Half a pixel in: the 1-pixel pen then covers whole pixels, not two blurred halves.
    painter.drawRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1))
    painter.end()
    return pixmap


class ErrorLabel(QLabel):
    """Says why the field above it is not accepted; takes no space while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    """A field with its error label directly below it, for one row of a form."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class ColourButton(QPushButton):
    """Shows a colour and opens the colour dialog to change it."""

    colour_changed = Signal(str)

    def __init__(self, colour: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._title = title
        self._colour = colour
        # Space opens the colour dialog; Return stays the dialog's (Next, Save).
        self.setAutoDefault(False)
        self.clicked.connect(self._choose)
        self._paint()

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        self._colour = QColor(colour).name() if QColor(colour).isValid() else colour
        self._paint()
        self.colour_changed.emit(self._colour)

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, self._title)
        if chosen.isValid():  # invalid means the user cancelled
            self.set_colour(chosen.name())

    def _paint(self) -> None:
        self.setIconSize(SWATCH_SIZE)
        self.setIcon(swatch(self._colour, SWATCH_SIZE, self.devicePixelRatioF()))
        self.setText(self._colour)


class LogoPicker(QWidget):
    """A logo file: path field, Browse... button and a small preview."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("PNG or JPEG, at most 2 MB"))
        self.path_edit.setClearButtonEnabled(True)
        self.browse = QPushButton(self.tr("Bro&wse..."), self)
        self.browse.setAutoDefault(False)  # Return stays the dialog's (Next, Save)
        self.preview = QLabel(self)
        self.preview.setFixedSize(48, 48)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.path_edit, 1)
        layout.addWidget(self.browse)
        layout.addWidget(self.preview)
        self.preview.hide()
        self.setFocusProxy(self.path_edit)
        self.browse.clicked.connect(self._browse)
        self.path_edit.textChanged.connect(self._on_text)

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def set_path(self, path: Path | str | None) -> None:
        self.path_edit.setText(str(path) if path else "")

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.set_path(name)

    def _on_text(self) -> None:
        pixmap = QPixmap(self.path_edit.text().strip())
        self.preview.setVisible(not pixmap.isNull())  # no empty box taking the path's room
        if pixmap.isNull():
            self.preview.clear()
        else:
            self.preview.setPixmap(
                pixmap.scaled(
                    48,
                    48,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.changed.emit()


class BrandingForm(QWidget):
    """Address, contact, bank details, colours and logo of a tenant (R14), checked by the store.

    `problem()` runs the store's checks and puts the message beside the field it names.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.colour = ColourButton(DEFAULT_COLOUR, self.tr("Tenant colour"), self)
        self.accent = ColourButton(DEFAULT_ACCENT, self.tr("Accent colour"), self)
        self.logo = LogoPicker(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._address_group())
        left.addWidget(self._contact_group())
        right.addWidget(self._branding_group())
        right.addWidget(self._bank_group())
        right.addWidget(self._tax_group())
        left.addStretch(1)
        right.addStretch(1)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        for edit in self.edits.values():
            edit.textChanged.connect(self.changed)
        self.edits["country"].textEdited.connect(self._upper_country)
        self.colour.colour_changed.connect(self.changed)
        self.accent.colour_changed.connect(self.changed)
        self.logo.changed.connect(self.changed)

    # -- layout ---------------------------------------------------------------------------------

    def _row(self, form: QFormLayout, key: str, text: str, field: QWidget | None = None) -> None:
        if field is None:
            field = QLineEdit(self)
            self.edits[key] = field
        error = ErrorLabel(self)
        self.errors[key] = error
        label = QLabel(text, self)
        label.setBuddy(field)
        form.addRow(label, with_error(field, error))

    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title, self)
        return group, QFormLayout(group)

    def _address_group(self) -> QGroupBox:
        group, form = self._group(self.tr("Address"))
        self._row(form, "street", self.tr("S&treet:"))
        self._row(form, "postcode", self.tr("&Postcode:"))
        self._row(form, "city", self.tr("Cit&y:"))
        self._row(form, "country", self.tr("C&ountry:"))
        self.edits["country"].setMaxLength(2)
        self.edits["country"].setPlaceholderText(self.tr("DE"))
        return group

    def _contact_group(self) -> QGroupBox:
        group, form = self._group(self.tr("Contact"))
        self._row(form, "phone", self.tr("P&hone:"))
        self._row(form, "email", self.tr("&E-mail:"))
        return group

    def _tax_group(self) -> QGroupBox:
        group, form = self._group(self.tr("Tax (printed on invoices)"))
        self._row(form, "tax_number", self.tr("Ta&x number:"))
        self._row(form, "vat_id", self.tr("&VAT ID:"))
        self.edits["tax_number"].setPlaceholderText(self.tr("e.g. 21/815/08150"))
        self.edits["vat_id"].setPlaceholderText(self.tr("e.g. DE136695976"))
        tip = self.tr("An invoice must show the tax number or the VAT ID (§ 14 UStG).")
        self.edits["tax_number"].setToolTip(tip)
        self.edits["vat_id"].setToolTip(tip)
        return group

    def _bank_group(self) -> QGroupBox:
        group, form = self._group(self.tr("Bank"))
        self._row(form, "bank_name", self.tr("Ban&k:"))
        self._row(form, "iban", self.tr("&IBAN:"))
        self._row(form, "bic", self.tr("BI&C:"))
        return group

    def _branding_group(self) -> QGroupBox:
        group, form = self._group(self.tr("Branding"))
        self._row(form, "colour", self.tr("Co&lour:"), self.colour)
        self._row(form, "accent_colour", self.tr("&Accent colour:"), self.accent)
        self._row(form, "logo", self.tr("Lo&go:"), self.logo)
        return group

    def focus_chain(self) -> list[QWidget]:
        """The fields in reading order, for the owner's tab order."""
        e = self.edits
        return [
            e["street"],
            e["postcode"],
            e["city"],
            e["country"],
            e["phone"],
            e["email"],
            self.colour,
            self.accent,
            self.logo.path_edit,
            self.logo.browse,
            e["bank_name"],
            e["iban"],
            e["bic"],
            e["tax_number"],
            e["vat_id"],
        ]

    # -- values ---------------------------------------------------------------------------------

    def _upper_country(self, text: str) -> None:
        """Country codes are upper case; typing "de" should simply work."""
        if text != text.upper():
            edit = self.edits["country"]
            pos = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(pos)

    def branding(self) -> dict[str, str]:
        values = {key: edit.text() for key, edit in self.edits.items()}
        values["colour"] = self.colour.colour()
        values["accent_colour"] = self.accent.colour()
        return values

    def set_branding(self, branding: dict[str, str]) -> None:
        for key, edit in self.edits.items():
            edit.setText(branding.get(key) or "")
        self.colour.set_colour(branding.get("colour") or DEFAULT_COLOUR)
        self.accent.set_colour(branding.get("accent_colour") or DEFAULT_ACCENT)

    def problem(self) -> ValidationError | None:
        """The store's objection to the current values (shown beside its field), or None."""
        try:
            check_branding(self.branding())
            check_logo(self.logo.path())
        except ValidationError as exc:
            self.show_problem(exc)
            return exc
        self.show_problem(None)
        return None

    def show_problem(self, exc: ValidationError | None) -> None:
        for key, label in self.errors.items():
            label.show_message(exc.message if exc is not None and exc.field == key else "")

    def owns(self, field: str) -> bool:
        return field in self.errors
