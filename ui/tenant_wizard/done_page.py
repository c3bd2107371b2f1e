"""Wizard page 7: the tenant exists; offer to switch to it (R11)."""

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWizardPage

from .widgets import ErrorLabel


class DonePage(QWizardPage):
    """What was created, any role that could not be granted, and "switch to it now"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Tenant created"))
        self.setSubTitle(self.tr("Finish closes the wizard."))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.problems = ErrorLabel(self)
        self.switch_now = QCheckBox(self)
        self.why_not = QLabel(self)
        self.why_not.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.problems)
        layout.addSpacing(12)
        layout.addWidget(self.switch_now)
        layout.addWidget(self.why_not)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        info = wizard.created_info
        self.message.setText(
            self.tr("Tenant {nr} \u201c{name}\u201d has been created in {path}.").format(
                nr=info.nr, name=info.name, path=info.path
            )
        )
        self.problems.show_message("\n".join(wizard.grant_problems))
        self.switch_now.setText(self.tr("&Switch to tenant {nr} now").format(nr=info.nr))
        may_enter = wizard.acting_user in wizard.granted
        self.switch_now.setEnabled(may_enter)
        self.switch_now.setChecked(may_enter)
        self.why_not.setText(
            ""
            if may_enter
            else self.tr(
                "You have no role in the new tenant, so you cannot switch to it; an "
                "administrator can grant you one."
            )
        )
        self.switch_now.setFocus()

    def wants_switch(self) -> bool:
        return self.switch_now.isEnabled() and self.switch_now.isChecked()
