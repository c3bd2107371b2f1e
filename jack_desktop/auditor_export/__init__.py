"""The tax auditor's data export (GoBD Datenüberlassung): see export.export_auditor_data."""
