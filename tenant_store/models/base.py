"""Base classes of the models of each logical database (one schema each)."""

import peewee

from ..logical import INSTALLATION_SCHEMA, Logical, schema_name
from ..routing import ROUTER


class StoreModel(peewee.Model):
    class Meta:
        database = ROUTER
        legacy_table_names = False


def logical_base(logical: Logical | str) -> type[StoreModel]:
    """A base model whose tables live in the schema of `logical`."""
    schema = schema_name(logical) if logical != INSTALLATION_SCHEMA else INSTALLATION_SCHEMA
    meta = type("Meta", (), {"schema": schema})
    return type(
        f"{str(logical).title()}Model", (StoreModel,), {"Meta": meta, "__module__": __name__}
    )


class LocalForeignKey(peewee.ForeignKeyField):
    """A foreign key inside one database file.

    SQLite resolves a REFERENCES clause in the child's own file and rejects a schema prefix, which
    peewee would add for models that live in an attached schema.
    """

    def foreign_key_constraint(self, explicit_name=False):
        clause = super().foreign_key_constraint(explicit_name)
        clause.nodes = [
            peewee.Entity(node._meta.table_name) if node is self.rel_model else node
            for node in clause.nodes
        ]
        return clause


class CentsField(peewee.IntegerField):
    """Money as integer cents on disk; the domain converts to Decimal."""
