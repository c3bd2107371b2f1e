"""Customers: create, read and search as you type, within what the acting user may see (R8, R12).

With central customers every tenant reads tenant 0's file; a customer is visible in a tenant if it
is shared with all, was created there, or is shared with that tenant. Outside that set it cannot be
found or opened, and nothing tells which other tenants share it.
"""

import gettext
import re
from dataclasses import dataclass
from datetime import date

import peewee

from tenant_store import TenantInfo, TenantSession, ValidationError
from tenant_store.audit import changes, record
from tenant_store.business_ids import check_iban
from tenant_store.i18n import _
from tenant_store.installation import now
from tenant_store.logical import Logical
from tenant_store.models.customers import (
    Customer,
    CustomerSearch,
    CustomerShare,
    search_body,
    sort_name,
)
from tenant_store.models.postal import PostalCode
from tenant_store.rights import Level
from tenant_store.search_folding import fold, prefix_query

EDITABLE = (
    "kind",
    "salutation",
    "title",
    "first_name",
    "last_name",
    "company",
    "street",
    "postcode",
    "city",
    "country",
    "email",
    "phone",
    "mobile",
    "birth_date",
    "iban",
    "notes",
)
SORTED_MATCHES = 2000
# What a hit list shows; the editor reads the whole customer with get_customer.
LISTED = (
    Customer.id,
    Customer.number,
    Customer.kind,
    Customer.first_name,
    Customer.last_name,
    Customer.company,
    Customer.postcode,
    Customer.city,
    Customer.email,
    Customer.phone,
    Customer.owner_tenant,
    Customer.sort_name,  # the page key: the next page starts behind the last row's
)
# The order of a list by name: the name shown (a company's, a person's "last first"), folded.
BY_NAME = (Customer.sort_name, Customer.number)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Created:
    customer: Customer
    likely_duplicates: list[Customer]


def _visible(session: TenantSession) -> peewee.Expression:
    """R12: the customers this tenant may see (also in tenant 0, which holds the central file)."""
    shared_here = CustomerShare.select(CustomerShare.customer).where(
        CustomerShare.tenant_nr == session.nr
    )
    return (
        (Customer.shared_with_all == True)  # noqa: E712
        | (Customer.owner_tenant == session.nr)
        | Customer.id.in_(shared_here)
    )


def clean(values: dict) -> dict:
    """Checked and normalised customer fields; ValidationError names the first bad one."""
    import pycountry  # on first use: the customer list must not wait for it

    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(sorted(unknown)[0], _("This is not a customer field."))
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if not (data.get("last_name") or data.get("company")):
        raise ValidationError("last_name", _("Enter a last name or a company name."))
    if data.get("email") and not EMAIL.match(data["email"]):
        raise ValidationError(
            "email", _("'{value}' is not an e-mail address.").format(value=data["email"])
        )
    if data.get("iban"):
        data["iban"] = check_iban("iban", data["iban"])
    country = (data.get("country") or "DE").upper()
    if pycountry.countries.get(alpha_2=country) is None:
        raise ValidationError(
            "country", _("'{value}' is not a country code such as DE or AT.").format(value=country)
        )
    data["country"] = country
    birth = data.get("birth_date")
    if birth is not None and (not isinstance(birth, date) or birth > date.today()):
        raise ValidationError("birth_date", _("The birth date must be a past date."))
    return data


def town_for_postcode(session: TenantSession, postcode: str, country: str = "DE") -> str | None:
    """The town of a postal code when it is unambiguous (R6: from the postal-code database)."""
    with session.bound():
        places = {
            p.place
            for p in PostalCode.select(PostalCode.place).where(
                PostalCode.country == country, PostalCode.code == postcode.strip()
            )
        }
    return places.pop() if len(places) == 1 else None


def create_customer(
    user: str, session: TenantSession, values: dict, shared_with: set[int] | None = None
) -> Created:
    """Create a customer (shared with all tenants, or with `shared_with` besides this one)."""
    session.rights(user).require("customers", Level.WRITE)
    data = clean(values)
    if not data.get("city") and data.get("postcode"):
        data["city"] = town_for_postcode(session, data["postcode"], data["country"]) or ""
    with session.transaction():
        duplicates = _likely_duplicates(session, data)
        number = (Customer.select(peewee.fn.MAX(Customer.number)).scalar() or 0) + 1
        stamp = now()
        customer = Customer.create(
            number=number,
            owner_tenant=session.nr,
            shared_with_all=shared_with is None,
            created_at=stamp,
            updated_at=stamp,
            sort_name=sort_name(data),
            **data,
        )
        for nr in sorted((shared_with or set()) - {session.nr}):
            CustomerShare.create(customer=customer, tenant_nr=nr)
        CustomerSearch.insert(rowid=customer.id, body=search_body(customer.__data__)).execute()
        _audit(user, session, customer.id, "create", None, {"number": number, **data})
    return Created(customer, duplicates)


def _audit(user, session, customer_id: int, action: str, old, new) -> None:
    record(
        Logical.CUSTOMERS,
        user=user,
        tenant_nr=session.nr,
        kind="customer",
        object_id=customer_id,
        action=action,
        old=old,
        new=new,
    )


def _likely_duplicates(session: TenantSession, data: dict) -> list[Customer]:
    """Visible customers with the same name and the same postal code or birth date."""
    name = fold(
        f"{data.get('first_name', '')} {data.get('last_name', '')} {data.get('company', '')}"
    )
    same_key = Customer.postcode == data.get("postcode", "")
    if data.get("birth_date"):
        same_key |= Customer.birth_date == data["birth_date"]
    candidates = Customer.select().where(_visible(session) & same_key).limit(200)
    return [c for c in candidates if fold(f"{c.first_name} {c.last_name} {c.company}") == name]


def get_customer(user: str, session: TenantSession, customer_id: int) -> Customer:
    """One visible customer; an invisible one is reported exactly like a missing one."""
    session.rights(user).require("customers", Level.READ)
    return visible_customer(session, customer_id)


def visible_customer(session: TenantSession, customer_id: int) -> Customer:
    """A customer this tenant may see (R12), for services that reference one; no rights check."""
    with session.bound():
        customer = Customer.get_or_none((Customer.id == customer_id) & _visible(session))
    if customer is None:
        raise ValidationError("customer", _("There is no customer {id}.").format(id=customer_id))
    return customer


def search_customers(user: str, session: TenantSession, text: str, limit: int = 50) -> list[tuple]:
    """Customers (LISTED fields) matching every word of `text` as a prefix, folded.

    Up to SORTED_MATCHES matches come sorted by name (BY_NAME). A broader query (a few letters
    typed into a million customers) gives the first matches in customer-number order instead:
    sorting tens of thousands of rows by name would make every keystroke wait, and typing on
    narrows it.
    """
    session.rights(user).require("customers", Level.READ)
    query = prefix_query(text)
    if query is None:
        return []
    with session.bound():
        matches = CustomerSearch.select(CustomerSearch.rowid).where(
            CustomerSearch.body.match(query)
        )
        if matches.limit(SORTED_MATCHES + 1).count() > SORTED_MATCHES:
            return list(
                Customer.select(*LISTED)
                .join(CustomerSearch, on=(CustomerSearch.rowid == Customer.id))
                .where(CustomerSearch.body.match(query) & _visible(session))
                .order_by(CustomerSearch.rowid)
                .limit(limit)
                .namedtuples()
            )
        return list(
            Customer.select(*LISTED)
            .where(Customer.id.in_(matches) & _visible(session))
            .order_by(*BY_NAME)
            .limit(limit)
            .namedtuples()
        )


def update_customer(user: str, session: TenantSession, customer_id: int, values: dict) -> Customer:
    """Change fields of a visible customer; the search index follows in the same transaction."""
    session.rights(user).require("customers", Level.WRITE)
    customer = visible_customer(session, customer_id)
    current = {f: getattr(customer, f) for f in EDITABLE}
    data = clean({**current, **values})
    with session.transaction():
        Customer.update(updated_at=now(), sort_name=sort_name(data), **data).where(
            Customer.id == customer_id
        ).execute()
        body = search_body({**current, **data, "number": customer.number})
        CustomerSearch.update(body=body).where(CustomerSearch.rowid == customer_id).execute()
        old, new = changes(current, data)
        if new:
            _audit(user, session, customer_id, "update", old, new)
        return Customer.get_by_id(customer_id)


def set_sharing(
    user: str, session: TenantSession, customer_id: int, shared_with: set[int] | None
) -> None:
    """Share with all tenants (None) or a subset; only the tenant that created it decides."""
    session.rights(user).require("customers", Level.WRITE)
    customer = visible_customer(session, customer_id)
    if customer.owner_tenant != session.nr:
        raise ValidationError(
            "sharing",
            _("Sharing of this customer can only be changed in the tenant that created it."),
        )
    with session.transaction():
        before = sorted(
            s.tenant_nr for s in CustomerShare.select().where(CustomerShare.customer == customer_id)
        )
        CustomerShare.delete().where(CustomerShare.customer == customer_id).execute()
        for nr in sorted((shared_with or set()) - {session.nr}):
            CustomerShare.create(customer=customer_id, tenant_nr=nr)
        _audit(
            user,
            session,
            customer_id,
            "update",
            {"shared_with": None if customer.shared_with_all else before},
            {"shared_with": None if shared_with is None else sorted(shared_with - {session.nr})},
        )
        Customer.update(shared_with_all=shared_with is None, updated_at=now()).where(
            Customer.id == customer_id
        ).execute()


# --- for the desktop client: paging, sharing choices, checks as you type ----------------------


def list_customers(
    user: str,
    session: TenantSession,
    text: str = "",
    offset: int = 0,
    limit: int = 200,
    *,
    after: tuple | None = None,
) -> list[tuple]:
    """A page of the visible customers (LISTED fields) matching `text`; empty text lists all.

    Pages come in the order of `search_customers`: by name (BY_NAME: a company by its company
    name), or by customer id (number) where more than SORTED_MATCHES customers match the text
    (sorting tens of thousands of matches would make every keystroke wait). An empty text
    lists everyone by name: the index on the name is read in order, nothing is sorted. `after`
    is the last row of the previous page: the next page starts behind it, as fast deep in a
    million customers as on the first page (an `offset` makes SQLite read and skip every row
    before it).
    """
    session.rights(user).require("customers", Level.READ)
    query = prefix_query(text)
    with session.bound():
        if query is not None and _broad(query):
            # The search index drives: its rows come in customer-id order, nothing to sort.
            select = (
                Customer.select(*LISTED)
                .join(CustomerSearch, on=(CustomerSearch.rowid == Customer.id))
                .where(CustomerSearch.body.match(query) & _visible(session))
            )
            keys: tuple = (CustomerSearch.rowid,)
        else:
            select = Customer.select(*LISTED).where(_visible(session))
            if query is not None:
                matches = CustomerSearch.select(CustomerSearch.rowid).where(
                    CustomerSearch.body.match(query)
                )
                select = select.where(Customer.id.in_(matches))
            keys = BY_NAME
        if after is not None:
            start = tuple(getattr(after, "id" if k.name == "rowid" else k.name) for k in keys)
            select = select.where(peewee.Tuple(*keys) > start)
        return list(select.order_by(*keys).limit(limit).offset(offset).namedtuples())


def _broad(query: str) -> bool:
    """More than SORTED_MATCHES customers match the (FTS) `query`: too many to sort by name."""
    matches = CustomerSearch.select(CustomerSearch.rowid).where(CustomerSearch.body.match(query))
    return matches.limit(SORTED_MATCHES + 1).count() > SORTED_MATCHES


def sharing_choices(session: TenantSession) -> list[TenantInfo]:
    """The tenants that read this tenant's customers file, tenant 0 first (R8, R12).

    Only these can be chosen to share a customer with; a tenant with its own customers file
    gets just itself (there is nothing to share).
    """
    tenants = session.installation.tenants()
    if session.nr != 0 and not session.tenant.central["customers"]:
        return [t for t in tenants if t.nr == session.nr]
    return [t for t in tenants if t.nr == 0 or t.central["customers"]]


def sharing_of(user: str, session: TenantSession, customer_id: int) -> set[int] | None:
    """With whom a customer is shared: None for all tenants, else the chosen tenant numbers.

    Only the creating tenant may ask (R12: a tenant it is shared with must not learn with whom
    else); the owner itself is always part of the set.
    """
    session.rights(user).require("customers", Level.READ)
    customer = visible_customer(session, customer_id)
    if customer.owner_tenant != session.nr:
        raise ValidationError(
            "sharing",
            _("Sharing of this customer can only be changed in the tenant that created it."),
        )
    if customer.shared_with_all:
        return None
    with session.bound():
        shares = CustomerShare.select(CustomerShare.tenant_nr).where(
            CustomerShare.customer == customer_id
        )
        return {session.nr} | {share.tenant_nr for share in shares}


def country_names(lang: str = "de") -> list[tuple[str, str]]:
    """(ISO code, name) of every country in `lang`, sorted by name as people look for it."""
    import pycountry

    names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
    pairs = [(c.alpha_2, names.gettext(c.name)) for c in pycountry.countries]
    return sorted(pairs, key=lambda pair: fold(pair[1]))


def iban_display(text: str) -> str:
    """An IBAN in groups of four as printed ('DE89 3704 ...'); anything else unchanged."""
    import schwifty

    try:
        return schwifty.IBAN(text).formatted if text.strip() else text
    except ValueError:
        return text
