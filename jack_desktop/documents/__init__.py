"""PDF documents in each tenant's branding (R14), written with reportlab.

One module per document, each with `write_<document>(user, session, ..., out)` (into a binary
file, returns the page count) and `save_<document>(user, session, ...)` (into the tenant's own
`Dokumente` folder, returns the path; `files.open_in_viewer` shows it):

- `invoice`: invoice or credit note of a booking (DIN 5008 letter)
- `confirmation`: travel confirmation of a booking (DIN 5008 letter)
- `ticket_list`: tickets with totals per airline; in tenant 0 over the tenants with central tickets
- `journal`: the journal, per tenant or consolidated in tenant 0; streamed, for any length
- `trial_balance`: per tenant, or consolidated in tenant 0 with a column per tenant
- `controlling`: per tenant or consolidated, with a bar chart of the monthly revenue

Every function checks the user's right on the module the data belongs to (bookings, tickets,
accounting, controlling) before reading anything, and reads the branding of the session's
tenant only (`letterhead.Branding.of`). Every document is drawn in the tenant's document
language (base-data parameter `document.language`, German by default), not in the clerk's UI
language: `pages.in_document_language` switches the language around each document's drawing.
Shared parts: `layout` (font, styles, formats of the language drawn in), `letterhead`
(branding, DIN 5008 positions), `pages` (page templates), `texts` (the parameter texts in the
document language), `flowables` (carry-over, fast rows), `streaming` (pages leave memory as
they are finished), `files`.
"""
