"""DATEV EXTF files (Buchungsstapel, Debitoren/Kreditoren, Kontenbeschriftungen) for the tax
adviser: written from the journal, checked by our own validator before they are saved, and read
back for the round trip. The service is `export.export_datev`."""
