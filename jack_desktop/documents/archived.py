"""Issued invoices and credit notes, archived once as PDF; a reprint is the archived file.

GoBD and § 14b UStG: an invoice is kept for ten years as it was issued. When an invoice or
credit note is issued, its PDF is drawn inside the issuing transaction (the invoice row, its
number and its journal entry are written by then) and written to the issuing tenant's archive
(`tenant_store.archive`); the file name and the SHA-256 are stored with the invoice in the same
transaction. After the commit the file gets its final, read-only name; after a rollback it is
removed. A reprint reads those bytes back and checks them against the stored hash: it is never
drawn again, so a later change of the branding, the texts or the payments does not show.

`issuing(session)` is that transaction. Nested in a transaction of the caller (the demo runs
many services in one), the files are completed when the outermost `issuing` of the session
ends, at the next read (`original`), or by `settle(session)` once the caller has committed.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from tenant_store import TenantSession
from tenant_store.archive import Archive, ArchiveError, Stored, document_name
from tenant_store.i18n import _
from tenant_store.models.bookings import Invoice

from ..invoicing import invoice_label

# Per connection: documents written in transactions that may not have committed yet.
_pending: WeakKeyDictionary = WeakKeyDictionary()


def archive_of(session: TenantSession) -> Archive:
    """The archive of the session's tenant: the one that issues its invoices."""
    return Archive.of(session.installation, session.nr)


def file_name(invoice: Invoice) -> str:
    """The archive name of an invoice or credit note: '2026/Rechnung-M1-17.pdf'."""
    kind = "Gutschrift" if invoice.kind == "credit" else "Rechnung"
    return document_name(kind, invoice_label(invoice), invoice.issued_on.year)


@contextmanager
def issuing(session: TenantSession) -> Iterator[None]:
    """A write transaction in which documents are archived (`keep`): on commit they get their
    final names, on a rollback their files are removed."""
    outermost = not session.db.in_transaction()
    pending = _pending.setdefault(session.db, [])
    mark = len(pending)
    try:
        with session.transaction():
            yield
    except BaseException:
        for archive, stored in pending[mark:]:  # written in the block that was rolled back
            archive.discard(stored.name)
        del pending[mark:]
        raise
    if outermost:
        settle(session)


def keep(session: TenantSession, invoice: Invoice, data: bytes) -> Stored:
    """Archive `data` as the PDF of `invoice`, inside `issuing`; stores name and hash with it.

    Refused (ArchiveError) if the invoice is archived already or its file name is taken by
    other bytes: an archived document is never replaced.
    """
    if not session.db.in_transaction():
        raise RuntimeError("keep() belongs inside issuing(session)")
    current = Invoice.get_by_id(invoice.id)
    archive = archive_of(session)
    if current.archive_file:
        raise ArchiveError(
            current.archive_file,
            _("{path} is archived already; an archived document is never replaced.").format(
                path=archive.path(current.archive_file)
            ),
        )
    stored = archive.write_part(file_name(current), data)
    _pending.setdefault(session.db, []).append((archive, stored))
    Invoice.update(archive_file=stored.name, archive_sha256=stored.sha256).where(
        Invoice.id == invoice.id
    ).execute()
    invoice.archive_file, invoice.archive_sha256 = stored.name, stored.sha256
    return stored


def settle(session: TenantSession) -> None:
    """Complete or remove the files of documents whose transactions have ended.

    A file whose invoice was committed gets its final name; one whose transaction was rolled
    back is removed. Does nothing while the session is inside a transaction.
    """
    if session.db.in_transaction():
        return
    pending = _pending.pop(session.db, [])
    if not pending:
        return
    with session.bound():
        for archive, stored in pending:
            committed = (
                Invoice.select()
                .where(
                    (Invoice.archive_file == stored.name)
                    & (Invoice.archive_sha256 == stored.sha256)
                )
                .exists()
            )
            try:
                if committed:
                    archive.complete(stored)
                else:
                    archive.discard(stored.name)
            except OSError:  # committed all the same: the next read completes the rename
                continue


def is_archived(invoice: Invoice) -> bool:
    return bool(invoice.archive_file)


def original(session: TenantSession, invoice: Invoice) -> bytes:
    """The archived PDF of `invoice`, checked against its stored hash.

    Raises ArchiveError if the file is missing or altered (the message names it).
    """
    settle(session)
    stored = Stored(invoice.archive_file, invoice.archive_sha256)
    return archive_of(session).read(stored)
