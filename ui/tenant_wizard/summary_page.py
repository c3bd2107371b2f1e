"""Wizard page 6: everything chosen, on one page, before the tenant is created."""

from html import escape

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWizard, QWizardPage

from tenant_store import CENTRAL_OPTIONS, LOGICAL_DBS
from tenant_store.logical import label


def _names(dbs) -> list[str]:
    return [label(db) for db in LOGICAL_DBS if db in dbs]


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
        wizard = self.wizard()
        spec, roles = wizard.spec(), wizard.roles()
        branding = spec.branding
        none = self.tr("none")
        central = frozenset(spec.central)
        own = [db for db in LOGICAL_DBS if db not in central]
        empty = [db for db in own if db not in frozenset(spec.copy)]
        first, last = spec.booking_range
        locale = QLocale()
        address = " ".join(
            part
            for part in (
                branding.get("street", ""),
                branding.get("postcode", ""),
                branding.get("city", ""),
                branding.get("country", ""),
            )
            if part
        )
        rows = [
            (self.tr("Number"), str(spec.nr)),
            (self.tr("Name"), spec.name),
            (self.tr("Address"), address or none),
            (self.tr("Colours"), f"{branding['colour']}, {branding['accent_colour']}"),
            (self.tr("Logo"), str(spec.logo) if spec.logo else none),
            (self.tr("Central"), ", ".join(_names(central & set(CENTRAL_OPTIONS))) or none),
            (self.tr("Copied from tenant 0"), ", ".join(_names(spec.copy)) or none),
            (self.tr("Starting empty"), ", ".join(_names(empty)) or none),
            (self.tr("Booking numbers"), f"{locale.toString(first)} – {locale.toString(last)}"),
            (
                self.tr("Members"),
                ", ".join(f"{login} ({role})" for login, role in roles.items()) or none,
            ),
        ]
        body = "".join(
            f"<tr><th align='left' valign='top'>{escape(k)}</th><td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table cellspacing='6'>{body}</table>"

    def validatePage(self) -> bool:
        """Create the tenant; on an error the user stays here, told why, and nothing is left."""
        return self.wizard().create()
