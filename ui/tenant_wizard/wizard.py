"""The new-tenant wizard (R2): one page per decision, creation with progress, then switch (R11).

Pages only collect and check input with the store's own validation, so the messages beside the
fields are the same ones the command line prints. The tenant is built by `create_tenant` in a
worker thread with its own connection; the wizard's connection stays in the UI thread.
"""

from enum import IntEnum
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from tenant_store import (
    Installation,
    Logical,
    StoreError,
    TenantInfo,
    TenantSpec,
    ValidationError,
    create_tenant,
)
from tenant_store.tenant_validation import check_spec
from tenant_store.users import grant

from ..errors import show_error
from ..tasks import Progress, run_with_progress
from .central_page import CentralPage
from .copy_page import CopyPage
from .done_page import DonePage
from .number_page import NumberPage
from .range_page import RangePage
from .summary_page import SummaryPage
from .users_page import UsersPage


class Page(IntEnum):
    NUMBER = 0
    CENTRAL = 1
    COPY = 2
    RANGE = 3
    USERS = 4
    SUMMARY = 5
    DONE = 6


def build_tenant(
    root: Path, spec: TenantSpec, roles: dict[str, str], by: str, progress: Progress
) -> tuple[int, list[str], list[str]]:
    """Create the tenant and grant the roles (runs in a worker thread, on its own connection).

    Returns the number, the logins granted and one line per role that could not be granted: the
    tenant exists by then, so a refused grant (e.g. no free seat) must not hide that.
    """
    with Installation.open(root) as own:
        info = create_tenant(own, spec, progress=progress, by=by)
        granted, problems = [], []
        for login, role in roles.items():
            try:
                grant(own, login, info.nr, role, by=by)
                granted.append(login)
            except StoreError as exc:
                text = exc.message if isinstance(exc, ValidationError) else str(exc)
                problems.append(f"{login}: {text}")
    return info.nr, granted, problems


class TenantWizard(QWizard):
    """New tenant. After Finish, `created_nr` is the new tenant's number (None if cancelled);
    `switch_requested(nr)` is emitted on Finish if the user chose to switch to it."""

    switch_requested = Signal(int)

    def __init__(self, inst: Installation, user: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.inst = inst
        self.acting_user = user
        self.created_nr: int | None = None
        self.created_info: TenantInfo | None = None
        self.granted: list[str] = []
        self.grant_problems: list[str] = []
        self.setWindowTitle(self.tr("New tenant"))
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.number_page = NumberPage(inst)
        self.central_page = CentralPage()
        self.copy_page = CopyPage()
        self.range_page = RangePage(inst)
        self.users_page = UsersPage(inst, user)
        self.summary_page = SummaryPage()
        self.done_page = DonePage()
        for page_id, page in zip(Page, self._pages(), strict=True):
            self.setPage(page_id, page)
        self.setStartId(Page.NUMBER)
        self.resize(900, 660)  # the branding form's two columns without cut-off hints

    def _pages(self) -> list:
        return [
            self.number_page,
            self.central_page,
            self.copy_page,
            self.range_page,
            self.users_page,
            self.summary_page,
            self.done_page,
        ]

    # -- the choices so far ---------------------------------------------------------------------

    def nr(self) -> int:
        return self.number_page.nr()

    def central(self) -> frozenset[Logical]:
        return self.central_page.central()

    def roles(self) -> dict[str, str]:
        return self.users_page.roles()

    def spec(self) -> TenantSpec:
        return TenantSpec(
            nr=self.nr(),
            name=self.number_page.tenant_name(),
            central=sorted(db.value for db in self.central()),
            copy=sorted(db.value for db in self.copy_page.copy()),
            booking_range=self.range_page.booking_range(),
            branding=self.number_page.branding(),
            logo=self.number_page.logo(),
        )

    # -- creation -------------------------------------------------------------------------------

    def create(self) -> bool:
        """Build the tenant with a progress dialog; False (and a message) if the store refused."""
        spec = self.spec()
        try:
            check_spec(self.inst, spec)  # a clear message at once, before the worker starts
            title = self.tr("Creating tenant {nr}").format(nr=spec.nr)
            task = partial(build_tenant, self.inst.root, spec, self.roles(), self.acting_user)
            nr, self.granted, self.grant_problems = run_with_progress(self, title, task)
        except Exception as exc:  # store refusals and I/O errors alike: a message, no traceback
            show_error(self, exc)
            return False
        self.created_nr = nr
        self.created_info = self.inst.tenant(nr)
        return True

    def accept(self) -> None:
        if self.created_nr is not None and self.done_page.wants_switch():
            self.switch_requested.emit(self.created_nr)
        super().accept()
