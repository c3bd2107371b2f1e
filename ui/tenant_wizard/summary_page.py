"""Wizard page 6: everything chosen, on one page, before the tenant is created."""

from html import escape

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWizard, QWizardPage

from jack_desktop.customers import country_names, iban_display
from tenant_store import CENTRAL_OPTIONS, LOGICAL_DBS
from tenant_store.logical import label

from .range_page import booking_number
from .widgets import swatch


def _names(dbs) -> list[str]:
    return [label(db) for db in LOGICAL_DBS if db in dbs]


def country_name(code: str) -> str:
    """The country's name in the UI's language ("Deutschland" in German), else the code."""
    if not code:
        return ""
    lang = QLocale().name().split("_")[0]
    return dict(country_names(lang)).get(code.upper(), code)


def lines(*parts: str) -> str:
    """The non-empty parts as HTML, one per line."""
    return "<br>".join(escape(part) for part in parts if part)


class SummaryPage(QWizardPage):
    """A read-only summary; its Create button runs the creation (a commit page: no way back)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(
            self.tr(
                "Check your choices. Go back to change them; Create builds the tenant, which "
                "takes a moment."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create tenant"))
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        caption = QLabel(self.tr("The new tenant:"), self)
        caption.setBuddy(self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.text, 1)

    def initializePage(self) -> None:
        self.text.setHtml(self.summary_html())

    def summary_html(self) -> str:
        """The choices as an HTML table: one row per subject, multi-line values as written."""
        rows = self._tenant_rows() + self._database_rows()
        none = escape(self.tr("none"))
        body = "".join(
            f"<tr><th align='left' valign='top'>{escape(k)}</th><td>{v or none}</td></tr>"
            for k, v in rows
        )
        return f"<table cellspacing='6'>{body}</table>"

    def _tenant_rows(self) -> list[tuple[str, str]]:
        """Who the tenant is: as on its letterhead and invoices."""
        spec = self.wizard().spec()
        b = spec.branding
        return [
            (self.tr("Number"), escape(str(spec.nr))),
            (self.tr("Name"), escape(spec.name)),
            (
                self.tr("Address"),
                lines(
                    b.get("street", ""),
                    " ".join(p for p in (b.get("postcode", ""), b.get("city", "")) if p),
                    country_name(b.get("country", "")),
                ),
            ),
            (self.tr("Contact"), lines(b.get("phone", ""), b.get("email", ""))),
            (self.tr("Tax number"), escape(b.get("tax_number", ""))),
            (self.tr("VAT ID"), escape(b.get("vat_id", ""))),
            (self.tr("Bank"), self._bank(b)),
            (self.tr("Colour"), self._colour(b["colour"])),
            (self.tr("Accent colour"), self._colour(b["accent_colour"])),
            (self.tr("Logo"), escape(str(spec.logo)) if spec.logo else ""),
        ]

    def _database_rows(self) -> list[tuple[str, str]]:
        """What the tenant shares, copies and numbers, and who works in it."""
        wizard = self.wizard()
        spec = wizard.spec()
        central = frozenset(spec.central)
        empty = [db for db in LOGICAL_DBS if db not in central and db not in frozenset(spec.copy)]
        first, last = spec.booking_range
        return [
            (self.tr("Central"), escape(", ".join(_names(central & set(CENTRAL_OPTIONS))))),
            (self.tr("Copied from tenant 0"), escape(", ".join(_names(spec.copy)))),
            (self.tr("Starting empty"), escape(", ".join(_names(empty)))),
            (
                self.tr("Booking numbers"),
                escape(f"{booking_number(first)} \u2013 {booking_number(last)}"),
            ),
            (self.tr("Members"), self._members(wizard.roles())),
        ]

    def _bank(self, b: dict[str, str]) -> str:
        # "IBAN" and "BIC" read the same in every language this program speaks.
        iban = iban_display(b.get("iban", ""))
        return lines(
            b.get("bank_name", ""),
            f"IBAN {iban}" if iban else "",
            f"BIC {b['bic']}" if b.get("bic") else "",
        )

    def _colour(self, colour: str) -> str:
        """A framed sample and the code: a colour name alone says little."""
        url = QUrl(f"swatch:{colour.lstrip('#')}")
        ratio = self.devicePixelRatioF()
        self.text.document().addResource(
            QTextDocument.ResourceType.ImageResource, url, swatch(colour, ratio=ratio)
        )
        return f"<img src='{url.toString()}' align='middle'> {escape(colour)}"

    def _members(self, roles: dict[str, str]) -> str:
        names = self.wizard().users_page.user_names
        return lines(
            *(
                self.tr("{name} ({login}): {role}").format(
                    name=names.get(login, login), login=login, role=role
                )
                for login, role in roles.items()
            )
        )

    def validatePage(self) -> bool:
        """Create the tenant; on an error the user stays here, told why, and nothing is left."""
        return self.wizard().create()
