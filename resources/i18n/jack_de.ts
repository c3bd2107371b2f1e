<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Back office for travel agencies with several business units (tenants).</source>
        <translation>Backoffice für Reisebüros mit mehreren Geschäftsbereichen (Mandanten).</translation>
    </message>
</context>
<context>
    <name>AccountingMenu</name>
    <message>
        <source>&amp;Accounting</source>
        <translation>Bu&amp;chhaltung</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>&amp;DATEV…</source>
        <translation>&amp;DATEV…</translation>
    </message>
    <message>
        <source>&amp;Tax auditor data (GoBD)…</source>
        <translation>Daten für die &amp;Betriebsprüfung (GoBD)…</translation>
    </message>
    <message>
        <source>&amp;Lock period…</source>
        <translation>Periode &amp;festschreiben…</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>&amp;Prüfpfad…</translation>
    </message>
    <message>
        <source>Tenant {nr} posts into the books of tenant 0 (central accounting): exports and Festschreibung of these books are done in tenant 0.</source>
        <translation>Mandant {nr} bucht in die Bücher von Mandant 0 (zentrale Buchhaltung): Exporte und Festschreibung dieser Bücher erfolgen in Mandant 0.</translation>
    </message>
    <message>
        <source>Accounting</source>
        <translation>Buchhaltung</translation>
    </message>
</context>
<context>
    <name>AccountingView</name>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Trial balance</source>
        <translation>&amp;Summen- und Saldenliste</translation>
    </message>
    <message>
        <source>Account &amp;ledger</source>
        <translation>&amp;Kontoblatt</translation>
    </message>
    <message>
        <source>&amp;Consolidation</source>
        <translation>K&amp;onsolidierung</translation>
    </message>
    <message>
        <source>&amp;New entry…</source>
        <translation>&amp;Neue Buchung…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Re&amp;verse entry…</source>
        <translation>Buchung sto&amp;rnieren…</translation>
    </message>
    <message>
        <source>Post the selected entry once more on the other side (Storno).</source>
        <translation>Bucht die gewählte Buchung noch einmal auf der Gegenseite (Storno).</translation>
    </message>
    <message>
        <source>You may read the accounting of tenant {nr} but not post.</source>
        <translation>Sie dürfen die Buchhaltung von Mandant {nr} einsehen, aber nicht buchen.</translation>
    </message>
    <message>
        <source>Consolidated j&amp;ournal</source>
        <translation>Konsolidiertes J&amp;ournal</translation>
    </message>
    <message>
        <source>Consolidated t&amp;rial balance</source>
        <translation>Konsolidierte Su&amp;mmen- und Saldenliste</translation>
    </message>
    <message>
        <source>Making the document…</source>
        <translation>Das Dokument wird erstellt…</translation>
    </message>
    <message>
        <source>Books locked up to {day}</source>
        <translation>Bücher festgeschrieben bis {day}</translation>
    </message>
    <message>
        <source>Books not locked</source>
        <translation>Bücher nicht festgeschrieben</translation>
    </message>
    <message>
        <source>The month up to {end} is locked automatically on {day}.</source>
        <translation>Der Monat bis {end} wird am {day} automatisch festgeschrieben.</translation>
    </message>
    <message>
        <source>Accounting of tenant 0.</source>
        <translation>Buchhaltung von Mandant 0.</translation>
    </message>
    <message>
        <source>Central accounting: postings are kept in tenant 0&apos;s journal.</source>
        <translation>Zentrale Buchhaltung: Die Buchungen werden im Journal von Mandant 0 geführt.</translation>
    </message>
    <message>
        <source>Own accounting of tenant {nr}.</source>
        <translation>Eigene Buchhaltung von Mandant {nr}.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Text / account</source>
        <translation>Text / Konto</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Haben</translation>
    </message>
    <message>
        <source>Cost centre</source>
        <translation>Kostenstelle</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Storno</translation>
    </message>
    <message>
        <source>Load &amp;older entries</source>
        <translation>Ältere Buchungen &amp;laden</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Acc&amp;ount:</source>
        <translation>Kon&amp;to:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Re&amp;calculate</source>
        <translation>Neu be&amp;rechnen</translation>
    </message>
    <message>
        <source>Balance (debit minus credit) per tenant whose accounting you may read.</source>
        <translation>Saldo (Soll minus Haben) je Mandant, dessen Buchhaltung Sie einsehen dürfen.</translation>
    </message>
    <message>
        <source>Entries: {n}</source>
        <translation>Buchungen: {n}</translation>
    </message>
    <message>
        <source>Reversal of entry {id}</source>
        <translation>Storno von Buchung {id}</translation>
    </message>
    <message>
        <source>reversed by entry {id}</source>
        <translation>storniert durch Buchung {id}</translation>
    </message>
    <message>
        <source>Choose the entry to reverse in the journal.</source>
        <translation>Wählen Sie im Journal die Buchung, die storniert werden soll.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Das Enddatum liegt vor dem Anfangsdatum.</translation>
    </message>
    <message>
        <source>Consolidating the tenants…</source>
        <translation>Mandanten werden konsolidiert…</translation>
    </message>
    <message>
        <source>Tenant {nr}: {name}</source>
        <translation>Mandant {nr}: {name}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Preparing the demo installation…</source>
        <translation>Die Demo-Installation wird vorbereitet …</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {error}

Details were written to {log}.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {error}

Die Einzelheiten stehen in {log}.</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>document no.</source>
        <translation>Belegnummer</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Buchungstext</translation>
    </message>
    <message>
        <source>reverses entry</source>
        <translation>storniert Buchung</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>locked up to</source>
        <translation>festgeschrieben bis</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>booking range</source>
        <translation>Vorgangsnummernkreis</translation>
    </message>
    <message>
        <source>invoice series</source>
        <translation>Rechnungskreis</translation>
    </message>
    <message>
        <source>shared with</source>
        <translation>geteilt mit</translation>
    </message>
    <message>
        <source>tenant of the master data</source>
        <translation>Mandant der Stammdaten</translation>
    </message>
    <message>
        <source>customer id or supplier</source>
        <translation>Kunden-ID oder Lieferant</translation>
    </message>
    <message>
        <source>Debitor (customer)</source>
        <translation>Debitor (Kunde)</translation>
    </message>
    <message>
        <source>Kreditor (supplier)</source>
        <translation>Kreditor (Lieferant)</translation>
    </message>
</context>
<context>
    <name>AuditTrailDialog</name>
    <message>
        <source>debit {amount}</source>
        <translation>Soll {amount}</translation>
    </message>
    <message>
        <source>credit {amount}</source>
        <translation>Haben {amount}</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Prüfpfad</translation>
    </message>
    <message>
        <source>Choose a record to see all its values.</source>
        <translation>Wählen Sie einen Eintrag, um alle seine Werte zu sehen.</translation>
    </message>
    <message>
        <source>all users</source>
        <translation>alle Benutzer</translation>
    </message>
    <message>
        <source>All objects</source>
        <translation>Alle Objekte</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Changed values</source>
        <translation>Geänderte Werte</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Be&amp;nutzer:</translation>
    </message>
    <message>
        <source>&amp;Object:</source>
        <translation>&amp;Objekt:</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Das Enddatum liegt vor dem Anfangsdatum.</translation>
    </message>
    <message>
        <source>Records: {n}</source>
        <translation>Einträge: {n}</translation>
    </message>
    <message>
        <source>only the newest are shown; narrow the filters.</source>
        <translation>nur die neuesten werden gezeigt; schränken Sie die Filter ein.</translation>
    </message>
    <message>
        <source>{time} – {user} – {kind} {id} {action} ({file})</source>
        <translation>{time} – {user} – {kind} {id} {action} ({file})</translation>
    </message>
</context>
<context>
    <name>AuditorExportDialog</name>
    <message>
        <source>Tax auditor data (GoBD)</source>
        <translation>Daten für die Betriebsprüfung (GoBD)</translation>
    </message>
    <message>
        <source>&amp;Fiscal year:</source>
        <translation>Wirtschafts&amp;jahr:</translation>
    </message>
    <message>
        <source>Output f&amp;older:</source>
        <translation>Ziel&amp;ordner:</translation>
    </message>
    <message>
        <source>The books of the fiscal year with their description (index.xml), in one ZIP file for the tax auditor (Datenträgerüberlassung).</source>
        <translation>Die Bücher des Wirtschaftsjahres mit ihrer Beschreibung (index.xml) in einer ZIP-Datei für die Betriebsprüfung (Datenträgerüberlassung).</translation>
    </message>
    <message>
        <source>Enter the output folder.</source>
        <translation>Geben Sie den Zielordner an.</translation>
    </message>
    <message>
        <source>Exporting the tax auditor data…</source>
        <translation>Daten für die Betriebsprüfung werden exportiert…</translation>
    </message>
    <message>
        <source>Fiscal year {span} written to:</source>
        <translation>Wirtschaftsjahr {span} gespeichert in:</translation>
    </message>
    <message>
        <source>{table}: {rows} rows</source>
        <translation>{table}: {rows} Zeilen</translation>
    </message>
</context>
<context>
    <name>BasedataView</name>
    <message>
        <source>Read only: your role in tenant {nr} lets you see the base data but not change it.</source>
        <translation>Nur Lesezugriff: Mit Ihrer Rolle in Mandant {nr} können Sie die Stammdaten einsehen, aber nicht ändern.</translation>
    </message>
    <message>
        <source>Import &amp;postal codes…</source>
        <translation>&amp;Postleitzahlen importieren…</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Importing postal codes needs write access to the base data.</source>
        <translation>Für den Import von Postleitzahlen benötigen Sie Schreibrechte für die Stammdaten.</translation>
    </message>
    <message>
        <source>Postal codes are central: an import changes the list of every tenant sharing it.</source>
        <translation>Die Postleitzahlen werden zentral geführt: Ein Import ändert die Liste aller Mandanten, die sie gemeinsam nutzen.</translation>
    </message>
    <message>
        <source>Add or update postal codes from a GeoNames file such as DE.txt.</source>
        <translation>Postleitzahlen aus einer GeoNames-Datei wie DE.txt hinzufügen oder aktualisieren.</translation>
    </message>
    <message>
        <source>Import postal codes</source>
        <translation>Postleitzahlen importieren</translation>
    </message>
    <message>
        <source>GeoNames postal codes (*.txt);;All files (*)</source>
        <translation>GeoNames-Postleitzahlen (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing postal codes…</source>
        <translation>Postleitzahlen werden importiert…</translation>
    </message>
    <message>
        <source>Nothing was imported from {path}.
{reason}</source>
        <translation>Aus {path} wurde nichts importiert.
{reason}</translation>
    </message>
    <message>
        <source>{lines} lines read: {added} postal codes added, {updated} updated.</source>
        <translation>{lines} Zeilen gelesen: {added} Postleitzahlen hinzugefügt, {updated} aktualisiert.</translation>
    </message>
</context>
<context>
    <name>BookingActions</name>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>&amp;Invoice</source>
        <translation>&amp;Abrechnen</translation>
    </message>
    <message>
        <source>Record &amp;payment…</source>
        <translation>Zahlung er&amp;fassen…</translation>
    </message>
    <message>
        <source>Cance&amp;l booking…</source>
        <translation>&amp;Vorgang stornieren…</translation>
    </message>
    <message>
        <source>Docu&amp;ments</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <source>Status: new (not saved yet)</source>
        <translation>Status: neu (noch nicht gespeichert)</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Invoice {number} of {date}: {amount}</source>
        <translation>Rechnung {number} vom {date}: {amount}</translation>
    </message>
    <message>
        <source>Credit note {number} of {date}: {amount}</source>
        <translation>Gutschrift {number} vom {date}: {amount}</translation>
    </message>
    <message>
        <source>open: {amount}</source>
        <translation>offen: {amount}</translation>
    </message>
    <message>
        <source>Only an offer can be booked.</source>
        <translation>Nur ein Angebot kann gebucht werden.</translation>
    </message>
    <message>
        <source>Only a booked booking can be invoiced.</source>
        <translation>Nur ein gebuchter Vorgang kann abgerechnet werden.</translation>
    </message>
    <message>
        <source>This booking is cancelled already.</source>
        <translation>Dieser Vorgang ist bereits storniert.</translation>
    </message>
    <message>
        <source>You may read bookings in tenant {nr} but not change them.</source>
        <translation>Sie dürfen Vorgänge in Mandant {nr} einsehen, aber nicht ändern.</translation>
    </message>
    <message>
        <source>Save the booking first.</source>
        <translation>Speichern Sie zuerst den Vorgang.</translation>
    </message>
    <message>
        <source>Only an invoiced booking can be paid.</source>
        <translation>Nur für einen abgerechneten Vorgang kann eine Zahlung erfasst werden.</translation>
    </message>
    <message>
        <source>Nothing is open on this booking.</source>
        <translation>Für diesen Vorgang ist kein Betrag mehr offen.</translation>
    </message>
    <message>
        <source>A travel confirmation is made once the booking is booked.</source>
        <translation>Eine Reisebestätigung gibt es, sobald der Vorgang gebucht ist.</translation>
    </message>
    <message>
        <source>Travel &amp;confirmation</source>
        <translation>&amp;Reisebestätigung</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Rechnung {number}</translation>
    </message>
    <message>
        <source>Credit note {number}</source>
        <translation>Gutschrift {number}</translation>
    </message>
    <message>
        <source>First correct the booking; as it is, it cannot be saved:</source>
        <translation>Bitte korrigieren Sie zuerst den Vorgang; so kann er nicht gespeichert werden:</translation>
    </message>
    <message>
        <source>Booking {number} is booked.</source>
        <translation>Vorgang {number} ist gebucht.</translation>
    </message>
    <message>
        <source>Invoice booking {number}?

This issues the next invoice number and posts the invoice to the books. It cannot be changed afterwards; only a cancellation with a credit note can undo it.</source>
        <translation>Vorgang {number} abrechnen?

Dabei wird die nächste Rechnungsnummer vergeben und die Rechnung in die Buchhaltung gebucht. Danach lässt sie sich nicht mehr ändern; rückgängig machen lässt sie sich nur durch eine Stornierung mit Gutschrift.</translation>
    </message>
    <message>
        <source>Invoice booking</source>
        <translation>Vorgang abrechnen</translation>
    </message>
    <message>
        <source>Invoice {invoice} issued for {amount}.</source>
        <translation>Rechnung {invoice} über {amount} wurde erstellt.</translation>
    </message>
    <message>
        <source>Payment of {amount} recorded.</source>
        <translation>Zahlung über {amount} wurde erfasst.</translation>
    </message>
    <message>
        <source>Making the travel confirmation…</source>
        <translation>Die Reisebestätigung wird erstellt…</translation>
    </message>
    <message>
        <source>Making invoice {number}…</source>
        <translation>Rechnung {number} wird erstellt…</translation>
    </message>
    <message>
        <source>Invoice {number}: a copy of the archived original of {date}, unchanged. {path}</source>
        <translation>Rechnung {number}: unveränderte Kopie des archivierten Originals vom {date}. {path}</translation>
    </message>
    <message>
        <source>Credit note {number}: a copy of the archived original of {date}, unchanged. {path}</source>
        <translation>Gutschrift {number}: unveränderte Kopie des archivierten Originals vom {date}. {path}</translation>
    </message>
    <message>
        <source>Cancel booking {number}? This cannot be undone.</source>
        <translation>Vorgang {number} stornieren? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>The invoice is reversed by a credit note.</source>
        <translation>Die Rechnung wird durch eine Gutschrift storniert.</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>Vorgang stornieren</translation>
    </message>
    <message>
        <source>Booking {number} is cancelled.</source>
        <translation>Vorgang {number} ist storniert.</translation>
    </message>
    <message>
        <source>Credit note {credit} issued.</source>
        <translation>Gutschrift {credit} wurde erstellt.</translation>
    </message>
</context>
<context>
    <name>BookingEditor</name>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>T&amp;ravel dates:</source>
        <translation>Reise&amp;zeitraum:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>Be&amp;merkung:</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Reiseziel:</translation>
    </message>
    <message>
        <source>Tra&amp;vel type:</source>
        <translation>R&amp;eiseart:</translation>
    </message>
    <message>
        <source>Cost ce&amp;ntre:</source>
        <translation>K&amp;ostenstelle:</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Adds a line (Insert key in the table)</source>
        <translation>Fügt eine Zeile hinzu (Taste Einfg in der Tabelle)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removes the selected lines (Delete key in the table)</source>
        <translation>Entfernt die markierten Zeilen (Taste Entf in der Tabelle)</translation>
    </message>
    <message>
        <source>Add traveller</source>
        <translation>Reiseteilnehmer hinzufügen</translation>
    </message>
    <message>
        <source>Travell&amp;ers</source>
        <translation>Re&amp;iseteilnehmer</translation>
    </message>
    <message>
        <source>Add service</source>
        <translation>Leistung hinzufügen</translation>
    </message>
    <message>
        <source>Servi&amp;ces</source>
        <translation>&amp;Leistungen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>Neuer Vorgang</translation>
    </message>
    <message>
        <source>Booking {number} ({status})</source>
        <translation>Vorgang {number} ({status})</translation>
    </message>
    <message>
        <source>You may read bookings in tenant {nr} but not change them.</source>
        <translation>Sie dürfen Vorgänge in Mandant {nr} einsehen, aber nicht ändern.</translation>
    </message>
    <message>
        <source>This booking is {status} and can no longer be changed; cancel it and create a new one.</source>
        <translation>Dieser Vorgang hat den Status „{status}“ und kann nicht mehr geändert werden; stornieren Sie ihn und legen Sie einen neuen an.</translation>
    </message>
    <message>
        <source>Choose the customer from the list of matches.</source>
        <translation>Wählen Sie den Kunden aus der Trefferliste.</translation>
    </message>
    <message>
        <source>Total: –</source>
        <translation>Gesamtpreis: –</translation>
    </message>
    <message>
        <source>Total: {price}   Cost: {cost}   Margin: {margin}</source>
        <translation>Gesamtpreis: {price}   Kosten: {cost}   Marge: {margin}</translation>
    </message>
    <message>
        <source>Booking {number} saved.</source>
        <translation>Vorgang {number} wurde gespeichert.</translation>
    </message>
    <message>
        <source>The changes cannot be saved, so nothing else was done:</source>
        <translation>Die Änderungen können nicht gespeichert werden, deshalb wurde nichts weiter ausgeführt:</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Discard the changes to this booking?</source>
        <translation>Änderungen an diesem Vorgang verwerfen?</translation>
    </message>
</context>
<context>
    <name>BookingTableModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Travel dates</source>
        <translation>Reisezeitraum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamtpreis</translation>
    </message>
</context>
<context>
    <name>BookingsView</name>
    <message>
        <source>&amp;New booking…</source>
        <translation>&amp;Neuer Vorgang…</translation>
    </message>
    <message>
        <source>You may read bookings in tenant {nr} but not change them.</source>
        <translation>Sie dürfen Vorgänge in Mandant {nr} einsehen, aber nicht ändern.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtern</translation>
    </message>
    <message>
        <source>Booking number, title, customer&apos;s last name or company</source>
        <translation>Vorgangsnummer, Titel, Nachname oder Firma des Kunden</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>Fi&amp;lter:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>No booking matches the filter.</source>
        <translation>Kein Vorgang entspricht dem Filter.</translation>
    </message>
    <message>
        <source>There are no bookings in tenant {nr} yet.</source>
        <translation>In Mandant {nr} gibt es noch keine Vorgänge.</translation>
    </message>
    <message>
        <source>Bookings: {count}</source>
        <translation>Vorgänge: {count}</translation>
    </message>
    <message>
        <source>Bookings shown: {count} – more are read as you scroll down.</source>
        <translation>Angezeigte Vorgänge: {count} – weitere werden beim Herunterscrollen geladen.</translation>
    </message>
</context>
<context>
    <name>BrandingForm</name>
    <message>
        <source>Tenant colour</source>
        <translation>Mandantenfarbe</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Akzentfarbe</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>S&amp;treet:</source>
        <translation>&amp;Straße:</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;PLZ:</translation>
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>DE</source>
        <translation>DE</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Tax (printed on invoices)</source>
        <translation>Steuer (steht auf Rechnungen)</translation>
    </message>
    <message>
        <source>Ta&amp;x number:</source>
        <translation>Steue&amp;rnummer:</translation>
    </message>
    <message>
        <source>&amp;VAT ID:</source>
        <translation>USt-I&amp;dNr.:</translation>
    </message>
    <message>
        <source>e.g. 21/815/08150</source>
        <translation>z. B. 21/815/08150</translation>
    </message>
    <message>
        <source>e.g. DE136695976</source>
        <translation>z. B. DE136695976</translation>
    </message>
    <message>
        <source>An invoice must show the tax number or the VAT ID (§ 14 UStG).</source>
        <translation>Eine Rechnung muss die Steuernummer oder die USt-IdNr. zeigen (§ 14 UStG).</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bankverbindung</translation>
    </message>
    <message>
        <source>Ban&amp;k:</source>
        <translation>Ban&amp;k:</translation>
    </message>
    <message>
        <source>&amp;IBAN:</source>
        <translation>&amp;IBAN:</translation>
    </message>
    <message>
        <source>BI&amp;C:</source>
        <translation>BI&amp;C:</translation>
    </message>
    <message>
        <source>Branding</source>
        <translation>Branding</translation>
    </message>
    <message>
        <source>Co&amp;lour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>&amp;Accent colour:</source>
        <translation>&amp;Akzentfarbe:</translation>
    </message>
    <message>
        <source>Lo&amp;go:</source>
        <translation>Lo&amp;go:</translation>
    </message>
</context>
<context>
    <name>CentralPage</name>
    <message>
        <source>Central databases</source>
        <translation>Zentrale Datenbanken</translation>
    </message>
    <message>
        <source>A central database is tenant 0&apos;s: the new tenant works in the same data instead of its own copy. Everything not ticked here belongs to the tenant alone.</source>
        <translation>Eine zentrale Datenbank gehört Mandant 0: Der neue Mandant arbeitet mit denselben Daten statt mit einer eigenen Kopie. Alles, was hier nicht angehakt ist, gehört allein dem neuen Mandanten.</translation>
    </message>
    <message>
        <source>One list of postal codes and towns for all tenants: an edit in one tenant is seen in all.</source>
        <translation>Eine gemeinsame Liste der Postleitzahlen und Orte für alle Mandanten: Eine Änderung in einem Mandanten ist in allen sichtbar.</translation>
    </message>
    <message>
        <source>Clerks of all tenants see the same customers and every change to them; each tenant still sees only its own bookings.</source>
        <translation>Die Sachbearbeiter aller Mandanten sehen dieselben Kunden und jede Änderung daran; jeder Mandant sieht aber weiterhin nur seine eigenen Vorgänge.</translation>
    </message>
    <message>
        <source>Ticket lists and reconciliation are done in tenant 0, where the bookings of all tenants are seen together; booking numbers must then not overlap.</source>
        <translation>Ticketliste und Abgleich werden in Mandant 0 geführt, wo die Vorgänge aller Mandanten gemeinsam sichtbar sind; die Vorgangsnummern dürfen sich dann nicht überschneiden.</translation>
    </message>
    <message>
        <source>Desktop notes and circulars can be sent to and received from the users of all tenants.</source>
        <translation>Notizen und Rundschreiben können mit den Benutzern aller Mandanten ausgetauscht werden.</translation>
    </message>
    <message>
        <source>Every posting goes into tenant 0&apos;s accounting with one chart of accounts, and tenant 0 sees the consolidation; booking numbers must then not overlap.</source>
        <translation>Jede Buchung fließt in die Buchhaltung von Mandant 0 mit einem gemeinsamen Kontenrahmen, und Mandant 0 sieht die Konsolidierung; die Vorgangsnummern dürfen sich dann nicht überschneiden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Decide carefully:&lt;/b&gt; these choices are fixed when the tenant is created. Accounting in particular cannot be changed later (central or own); changing your mind means creating another tenant.</source>
        <translation>&lt;b&gt;Entscheiden Sie sorgfältig:&lt;/b&gt; Diese Auswahl wird beim Anlegen des Mandanten festgelegt. Insbesondere die Buchhaltung (zentral oder eigen) lässt sich später nicht mehr ändern; wenn Sie sich anders entscheiden, müssen Sie einen weiteren Mandanten anlegen.</translation>
    </message>
</context>
<context>
    <name>ControllingView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>No firm bookings in this year.</source>
        <translation>In diesem Jahr gibt es keine verbindlichen Vorgänge.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Travel type</source>
        <translation>Reiseart</translation>
    </message>
    <message>
        <source>Cost centre</source>
        <translation>Kostenstelle</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Per &amp;month</source>
        <translation>Nach &amp;Monat</translation>
    </message>
    <message>
        <source>Per travel &amp;type</source>
        <translation>Nach &amp;Reiseart</translation>
    </message>
    <message>
        <source>Per &amp;cost centre</source>
        <translation>Nach &amp;Kostenstelle</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Jahr:</translation>
    </message>
    <message>
        <source>C&amp;onsolidated (all tenants)</source>
        <translation>K&amp;onsolidiert (alle Mandanten)</translation>
    </message>
    <message>
        <source>The figures of every tenant whose controlling you may read, side by side.</source>
        <translation>Die Zahlen aller Mandanten, deren Controlling Sie einsehen dürfen, nebeneinander.</translation>
    </message>
    <message>
        <source>Controlling &amp;report of the year shown</source>
        <translation>Controlling-&amp;Bericht des angezeigten Jahres</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>Marge %</translation>
    </message>
    <message>
        <source>Consolidating the tenants…</source>
        <translation>Mandanten werden konsolidiert…</translation>
    </message>
    <message>
        <source>Making the controlling report…</source>
        <translation>Der Controlling-Bericht wird erstellt…</translation>
    </message>
    <message>
        <source>Revenue {revenue} · margin {margin} ({percent}) · {n} bookings</source>
        <translation>Umsatz {revenue} · Marge {margin} ({percent}) · {n} Vorgänge</translation>
    </message>
    <message>
        <source>Per t&amp;enant</source>
        <translation>Nach Ma&amp;ndant</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Revenue per month and tenant, {year}</source>
        <translation>Umsatz je Monat und Mandant, {year}</translation>
    </message>
    <message>
        <source>Revenue per month, {year}</source>
        <translation>Umsatz je Monat, {year}</translation>
    </message>
</context>
<context>
    <name>CopyPage</name>
    <message>
        <source>Data to copy from tenant 0</source>
        <translation>Aus Mandant 0 zu kopierende Daten</translation>
    </message>
    <message>
        <source>Ticked databases start as a copy of tenant 0&apos;s; the others start empty. Base data is usually copied, customers and bookings usually not.</source>
        <translation>Angehakte Datenbanken beginnen als Kopie der Datenbanken von Mandant 0, die übrigen beginnen leer. Stammdaten werden üblicherweise kopiert, Kunden und Vorgänge üblicherweise nicht.</translation>
    </message>
    <message>
        <source>Destinations, travel types and parameters: usually copied, so the tenant can start working at once.</source>
        <translation>Reiseziele, Reisearten und Parameter: werden üblicherweise kopiert, damit der Mandant sofort arbeiten kann.</translation>
    </message>
    <message>
        <source>Postal codes and towns: copy to start with tenant 0&apos;s list.</source>
        <translation>Postleitzahlen und Orte: kopieren, um mit der Liste von Mandant 0 zu beginnen.</translation>
    </message>
    <message>
        <source>Customers: usually not copied; the tenant starts empty.</source>
        <translation>Kunden: werden üblicherweise nicht kopiert; der Mandant beginnt leer.</translation>
    </message>
    <message>
        <source>Bookings: usually not copied. Booking numbers start afresh in the tenant&apos;s own range either way.</source>
        <translation>Vorgänge: werden üblicherweise nicht kopiert. Die Vorgangsnummern beginnen in jedem Fall neu im eigenen Nummernkreis des Mandanten.</translation>
    </message>
    <message>
        <source>Tickets: usually not copied.</source>
        <translation>Tickets: werden üblicherweise nicht kopiert.</translation>
    </message>
    <message>
        <source>Desktop notes: usually not copied.</source>
        <translation>Notizen: werden üblicherweise nicht kopiert.</translation>
    </message>
    <message>
        <source>Accounting: the tenant gets tenant 0&apos;s chart of accounts either way, but never its postings.</source>
        <translation>Buchhaltung: Der Mandant erhält in jedem Fall den Kontenrahmen von Mandant 0, aber nie dessen Buchungen.</translation>
    </message>
    <message>
        <source>Central: the tenant uses tenant 0&apos;s data, nothing to copy.</source>
        <translation>Zentral: Der Mandant nutzt die Daten von Mandant 0; es gibt nichts zu kopieren.</translation>
    </message>
</context>
<context>
    <name>CustomerChooser</name>
    <message>
        <source>Type a name, town or customer number</source>
        <translation>Name, Ort oder Kundennummer eingeben</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Customer {number}</source>
        <translation>Kunde {number}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Privatperson</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Mr</source>
        <translation>Herr</translation>
    </message>
    <message>
        <source>Ms</source>
        <translation>Frau</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>Sal&amp;utation:</source>
        <translation>Anre&amp;de:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itel:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>Compan&amp;y:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <source>Birth &amp;date:</source>
        <translation>&amp;Geburtsdatum:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>St&amp;reet:</source>
        <translation>St&amp;raße:</translation>
    </message>
    <message>
        <source>&amp;Postcode, town:</source>
        <translation>&amp;PLZ, Ort:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Telef&amp;on:</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>&amp;Mobil:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>I&amp;BAN:</source>
        <translation>I&amp;BAN:</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>Noti&amp;zen</translation>
    </message>
    <message>
        <source>Bookings in tenant {nr}</source>
        <translation>Vorgänge in Mandant {nr}</translation>
    </message>
    <message>
        <source>New bookin&amp;g…</source>
        <translation>Ne&amp;uer Vorgang…</translation>
    </message>
    <message>
        <source>You may not make bookings in tenant {nr}.</source>
        <translation>Sie dürfen in Mandant {nr} keine Vorgänge anlegen.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>You have no access to bookings in tenant {nr}.</source>
        <translation>Sie haben keinen Zugriff auf die Vorgänge in Mandant {nr}.</translation>
    </message>
    <message>
        <source>No bookings for this customer in tenant {nr}.</source>
        <translation>Keine Vorgänge für diesen Kunden in Mandant {nr}.</translation>
    </message>
    <message>
        <source>You may read customers in tenant {nr} but not change them.</source>
        <translation>Sie dürfen Kunden in Mandant {nr} einsehen, aber nicht ändern.</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mögliche Dublette</translation>
    </message>
    <message>
        <source>Customer {number} is saved. These customers look the same; please check whether it is a duplicate:

{customers}</source>
        <translation>Kunde {number} wurde gespeichert. Die folgenden Kunden sehen gleich aus; bitte prüfen Sie, ob es sich um eine Dublette handelt:

{customers}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Discard the changes to this customer?</source>
        <translation>Änderungen an diesem Kunden verwerfen?</translation>
    </message>
</context>
<context>
    <name>CustomerModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>&amp;New customer…</source>
        <translation>&amp;Neuer Kunde…</translation>
    </message>
    <message>
        <source>You may read customers in tenant {nr} but not change them.</source>
        <translation>Sie dürfen Kunden in Mandant {nr} einsehen, aber nicht ändern.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Name, town, postcode, customer number, e-mail or phone</source>
        <translation>Name, Ort, PLZ, Kundennummer, E-Mail oder Telefon</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>No customer matches “{text}”.</source>
        <translation>Kein Kunde entspricht „{text}“.</translation>
    </message>
    <message>
        <source>There are no customers in tenant {nr} yet.</source>
        <translation>In Mandant {nr} gibt es noch keine Kunden.</translation>
    </message>
    <message>
        <source>Customers: {count}</source>
        <translation>Kunden: {count}</translation>
    </message>
    <message>
        <source>Customers shown: {count} – more are read as you scroll down.</source>
        <translation>Angezeigte Kunden: {count} – weitere werden beim Herunterscrollen geladen.</translation>
    </message>
</context>
<context>
    <name>DatevExportDialog</name>
    <message>
        <source>DATEV export</source>
        <translation>DATEV-Export</translation>
    </message>
    <message>
        <source>&amp;Lock the period first (Festschreibung)</source>
        <translation>Zeitraum vorher &amp;festschreiben</translation>
    </message>
    <message>
        <source>Locks the books up to the end date, so DATEV takes them as final.</source>
        <translation>Schreibt die Bücher bis zum Enddatum fest, sodass DATEV sie als endgültig übernimmt.</translation>
    </message>
    <message>
        <source>You may read the accounting of tenant {nr} but not lock it.</source>
        <translation>Sie dürfen die Buchhaltung von Mandant {nr} lesen, aber nicht festschreiben.</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <source>&amp;Period from:</source>
        <translation>&amp;Zeitraum vom:</translation>
    </message>
    <message>
        <source>Output &amp;folder:</source>
        <translation>Ziel&amp;ordner:</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Das Enddatum liegt vor dem Anfangsdatum.</translation>
    </message>
    <message>
        <source>Enter the output folder.</source>
        <translation>Geben Sie den Zielordner an.</translation>
    </message>
    <message>
        <source>Exporting to DATEV…</source>
        <translation>DATEV-Export läuft…</translation>
    </message>
    <message>
        <source>Lock the books of tenant {nr} up to {day} before the export? A lock cannot be lifted.</source>
        <translation>Die Bücher von Mandant {nr} vor dem Export bis zum {day} festschreiben? Eine Festschreibung kann nicht aufgehoben werden.</translation>
    </message>
    <message>
        <source>The period is locked: DATEV imports it as final (Festschreibung).</source>
        <translation>Der Zeitraum ist festgeschrieben: DATEV übernimmt ihn als endgültig (Festschreibung).</translation>
    </message>
    <message>
        <source>The period is not locked: DATEV imports it as changeable.</source>
        <translation>Der Zeitraum ist nicht festgeschrieben: DATEV übernimmt ihn als änderbar.</translation>
    </message>
    <message>
        <source>Postings exported: {rows} ({first} to {last}). Files written:</source>
        <translation>Exportierte Buchungen: {rows} ({first} bis {last}). Geschriebene Dateien:</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>The document was saved as {path}, but no PDF viewer could be opened ({error}).</source>
        <translation>Das Dokument wurde als {path} gespeichert, aber es konnte kein PDF-Viewer geöffnet werden ({error}).</translation>
    </message>
    <message>
        <source>{path} cannot be replaced: it is open in another program, probably the PDF viewer. Close it there and try again.</source>
        <translation>{path} kann nicht ersetzt werden: Die Datei ist in einem anderen Programm geöffnet, wahrscheinlich im PDF-Viewer. Schließen Sie sie dort und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The document could not be saved ({error}). Check that the disk is not full and that you may write to {folder}, then try again.</source>
        <translation>Das Dokument konnte nicht gespeichert werden ({error}). Prüfen Sie, ob die Festplatte voll ist und ob Sie in {folder} schreiben dürfen, und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>Dr&amp;ucken</translation>
    </message>
    <message>
        <source>Saves the document as PDF in the tenant&apos;s folder and opens it.</source>
        <translation>Speichert das Dokument als PDF im Ordner des Mandanten und öffnet es.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Tenant created</source>
        <translation>Mandant angelegt</translation>
    </message>
    <message>
        <source>Finish closes the wizard.</source>
        <translation>„Abschließen“ schließt den Assistenten.</translation>
    </message>
    <message>
        <source>Tenant {nr} “{name}” has been created in {path}.</source>
        <translation>Mandant {nr} „{name}“ wurde in {path} angelegt.</translation>
    </message>
    <message>
        <source>&amp;Switch to tenant {nr} now</source>
        <translation>&amp;Jetzt zu Mandant {nr} wechseln</translation>
    </message>
    <message>
        <source>You have no role in the new tenant, so you cannot switch to it; an administrator can grant you one.</source>
        <translation>Sie haben im neuen Mandanten keine Rolle und können daher nicht zu ihm wechseln; ein Administrator kann Ihnen eine Rolle zuweisen.</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Change entry {code}</source>
        <translation>Eintrag {code} ändern</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>The code cannot be changed later: bookings refer to it.</source>
        <translation>Das Kürzel kann später nicht geändert werden: Vorgänge verweisen darauf.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>An unexpected error occurred: {error}</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {error}</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>The export could not be written to {folder} ({error}). Check that the folder can be written and the disk is not full, then try again.</source>
        <translation>Der Export konnte nicht in {folder} geschrieben werden ({error}). Prüfen Sie, ob der Ordner beschreibbar und die Festplatte nicht voll ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Jack Desktop – First administrator</source>
        <translation>Jack Desktop – Erster Administrator</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>Administrator an&amp;legen</translation>
    </message>
    <message>
        <source>This installation has no users yet. Create the first administrator: they can log in, manage every tenant and add the other users.</source>
        <translation>Diese Installation hat noch keine Benutzer. Legen Sie den ersten Administrator an: Er kann sich anmelden, alle Mandanten verwalten und die weiteren Benutzer anlegen.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Anmeldename:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>2 to 32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>2 bis 32 Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;.</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation>Mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <source>Use 2 to 32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Verwenden Sie 2 bis 32 Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s full name.</source>
        <translation>Geben Sie den vollständigen Namen des Administrators ein.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {n} characters.</source>
        <translation>Das Passwort ist zu kurz: Verwenden Sie mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Zielordner auswählen</translation>
    </message>
</context>
<context>
    <name>JournalEntryDialog</name>
    <message>
        <source>New journal entry</source>
        <translation>Neue Buchung</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>optional, e.g. a receipt number</source>
        <translation>optional, z. B. eine Belegnummer</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>B&amp;eleg:</translation>
    </message>
    <message>
        <source>Posting &amp;text:</source>
        <translation>Buchungs&amp;text:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Haben</translation>
    </message>
    <message>
        <source>Cost centre</source>
        <translation>Kostenstelle</translation>
    </message>
    <message>
        <source>&amp;Lines:</source>
        <translation>Buchungs&amp;zeilen:</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>Zeile &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move line</source>
        <translation>Zeile ent&amp;fernen</translation>
    </message>
    <message>
        <source>not in the chart of accounts</source>
        <translation>nicht im Kontenrahmen</translation>
    </message>
    <message>
        <source>Line {n}: check the marked cells.</source>
        <translation>Zeile {n}: Prüfen Sie die markierten Zellen.</translation>
    </message>
    <message>
        <source>Line {n}: enter either a debit or a credit amount.</source>
        <translation>Zeile {n}: Geben Sie entweder einen Soll- oder einen Haben-Betrag ein.</translation>
    </message>
    <message>
        <source>Debit {debit} · Credit {credit}</source>
        <translation>Soll {debit} · Haben {credit}</translation>
    </message>
    <message>
        <source>Difference: {amount}</source>
        <translation>Differenz: {amount}</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Lock period</source>
        <translation>Periode festschreiben</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Festschreiben</translation>
    </message>
    <message>
        <source>Current lock:</source>
        <translation>Aktueller Stand:</translation>
    </message>
    <message>
        <source>Automatic lock:</source>
        <translation>Automatische Festschreibung:</translation>
    </message>
    <message>
        <source>Next automatic lock:</source>
        <translation>Nächste automatische Festschreibung:</translation>
    </message>
    <message>
        <source>Lock &amp;up to the end of:</source>
        <translation>Festschreiben &amp;bis zum Ende von:</translation>
    </message>
    <message>
        <source>Lock up to the end of:</source>
        <translation>Festschreiben bis zum Ende von:</translation>
    </message>
    <message>
        <source>The books are not locked yet.</source>
        <translation>Die Bücher sind noch nicht festgeschrieben.</translation>
    </message>
    <message>
        <source>Locked up to {day}</source>
        <translation>Festgeschrieben bis {day}</translation>
    </message>
    <message>
        <source>Each month is locked at the end of the following month.</source>
        <translation>Jeder Monat wird am letzten Tag des Folgemonats festgeschrieben.</translation>
    </message>
    <message>
        <source>Each month is locked on day {n} of the following month.</source>
        <translation>Jeder Monat wird am {n}. des Folgemonats festgeschrieben.</translation>
    </message>
    <message>
        <source>{month} is locked on {day}.</source>
        <translation>{month} wird am {day} festgeschrieben.</translation>
    </message>
    <message>
        <source>A lock cannot be lifted: nothing dated up to the chosen day can be posted or reversed afterwards. Post what is missing first; later corrections go into an open month.</source>
        <translation>Eine Festschreibung kann nicht aufgehoben werden: Was bis zum gewählten Tag datiert ist, kann danach weder gebucht noch storniert werden. Buchen Sie zuerst, was noch fehlt; spätere Korrekturen gehen in einen offenen Monat.</translation>
    </message>
    <message>
        <source>Every month that has ended is locked already.</source>
        <translation>Jeder abgelaufene Monat ist bereits festgeschrieben.</translation>
    </message>
    <message>
        <source>Lock the books of tenant {nr} up to {day}? This cannot be undone.</source>
        <translation>Die Bücher von Mandant {nr} bis zum {day} festschreiben? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Jack Desktop – Log in</source>
        <translation>Jack Desktop – Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>L&amp;ogin:</source>
        <translation>Anmelde&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>Anmeldename oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>You are not a member of any tenant yet; ask an administrator to grant you a role.</source>
        <translation>Sie sind noch keinem Mandanten zugeordnet; bitten Sie einen Administrator, Ihnen eine Rolle zuzuweisen.</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <source>PNG or JPEG, at most 2 MB</source>
        <translation>PNG oder JPEG, höchstens 2 MB</translation>
    </message>
    <message>
        <source>Bro&amp;wse...</source>
        <translation>Durc&amp;hsuchen...</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Logo auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Switch to another of your tenants</source>
        <translation>Zu einem anderen Ihrer Mandanten wechseln</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Tenant management…</source>
        <translation>&amp;Mandantenverwaltung…</translation>
    </message>
    <message>
        <source>&amp;Search all tenants</source>
        <translation>In allen Mandanten &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Log out…</source>
        <translation>&amp;Abmelden…</translation>
    </message>
    <message>
        <source>Log out and let another user log in, without quitting</source>
        <translation>Abmelden und einen anderen Benutzer anmelden lassen, ohne das Programm zu beenden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Jack Desktop</source>
        <translation>Ü&amp;ber Jack Desktop</translation>
    </message>
    <message>
        <source>{app} – Tenant {nr} {name} – {user}</source>
        <translation>{app} – Mandant {nr} {name} – {user}</translation>
    </message>
    <message>
        <source>You have no module in this tenant.</source>
        <translation>In diesem Mandanten steht Ihnen kein Modul zur Verfügung.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>You have unsaved changes in tenant {nr}. Discard them and switch?</source>
        <translation>Sie haben nicht gespeicherte Änderungen in Mandant {nr}. Änderungen verwerfen und wechseln?</translation>
    </message>
    <message>
        <source>The tickets of tenant {nr} are central: they are listed in tenant 0, where you may not read tickets.</source>
        <translation>Die Tickets von Mandant {nr} sind zentral: Sie werden in Mandant 0 geführt, wo Sie keine Tickets lesen dürfen.</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Bookings</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Desktop notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Accounting</source>
        <translation>Buchhaltung</translation>
    </message>
    <message>
        <source>Controlling</source>
        <translation>Controlling</translation>
    </message>
    <message>
        <source>Base data</source>
        <translation>Stammdaten</translation>
    </message>
    <message>
        <source>This module is not licensed for this installation.</source>
        <translation>Dieses Modul ist für diese Installation nicht lizenziert.</translation>
    </message>
    <message>
        <source>You have no access to this module in tenant {nr}.</source>
        <translation>Sie haben in Mandant {nr} keinen Zugriff auf dieses Modul.</translation>
    </message>
</context>
<context>
    <name>NoteComposeDialog</name>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>To: {name} ({login})</source>
        <translation>An: {name} ({login})</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Senden an</translation>
    </message>
    <message>
        <source>A &amp;user:</source>
        <translation>Einen Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>A t&amp;eam of this tenant:</source>
        <translation>Ein &amp;Team dieses Mandanten:</translation>
    </message>
    <message>
        <source>Everyone in this &amp;tenant ({nr})</source>
        <translation>Alle in diesem &amp;Mandanten ({nr})</translation>
    </message>
    <message>
        <source>Everyone in &amp;all tenants (circular)</source>
        <translation>Alle in a&amp;llen Mandanten (Rundschreiben)</translation>
    </message>
    <message>
        <source>{name} ({login}), tenant {nr}</source>
        <translation>{name} ({login}), Mandant {nr}</translation>
    </message>
    <message>
        <source>Desktop notes are not central in tenant {nr}: it keeps its own notes, so a circular reaches only this tenant.</source>
        <translation>Notizen werden in Mandant {nr} nicht zentral geführt: Der Mandant hat eigene Notizen, daher erreicht ein Rundschreiben nur diesen Mandanten.</translation>
    </message>
    <message>
        <source>No member of this tenant is in a team.</source>
        <translation>Kein Mitglied dieses Mandanten gehört einem Team an.</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>Re: </source>
        <translation>AW: </translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>&amp;New note…</source>
        <translation>&amp;Neue Notiz…</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Antworten…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>You may read desktop notes in tenant {nr} but not write them.</source>
        <translation>Sie dürfen Notizen in Mandant {nr} lesen, aber nicht schreiben.</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Posteingang</translation>
    </message>
    <message>
        <source>S&amp;ent</source>
        <translation>&amp;Gesendet</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Read by</source>
        <translation>Gelesen von</translation>
    </message>
    <message>
        <source>{name} (tenant {nr})</source>
        <translation>{name} (Mandant {nr})</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>your team</source>
        <translation>Ihr Team</translation>
    </message>
    <message>
        <source>this tenant</source>
        <translation>dieser Mandant</translation>
    </message>
    <message>
        <source>all tenants</source>
        <translation>alle Mandanten</translation>
    </message>
    <message>
        <source>Unread: {n}</source>
        <translation>Ungelesen: {n}</translation>
    </message>
    <message>
        <source>{read} of {all}</source>
        <translation>{read} von {all}</translation>
    </message>
    <message>
        <source>a user</source>
        <translation>ein Benutzer</translation>
    </message>
    <message>
        <source>a team</source>
        <translation>ein Team</translation>
    </message>
    <message>
        <source>Select a note to read it.</source>
        <translation>Wählen Sie eine Notiz aus, um sie zu lesen.</translation>
    </message>
    <message>
        <source>From {sender}, {when}</source>
        <translation>Von {sender}, {when}</translation>
    </message>
    <message>
        <source>Note sent.</source>
        <translation>Notiz gesendet.</translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation>Antwort gesendet.</translation>
    </message>
</context>
<context>
    <name>NumberPage</name>
    <message>
        <source>Number, name and branding</source>
        <translation>Nummer, Name und Branding</translation>
    </message>
    <message>
        <source>The number names the tenant&apos;s folder and never changes; name, address, colours and logo appear on screen and on documents and can be edited later.</source>
        <translation>Die Nummer bestimmt den Ordner des Mandanten und ändert sich nie; Name, Anschrift, Farben und Logo erscheinen auf dem Bildschirm und auf Dokumenten und können später geändert werden.</translation>
    </message>
    <message>
        <source>e.g. Reisebüro Nord GmbH</source>
        <translation>z. B. Reisebüro Nord GmbH</translation>
    </message>
    <message>
        <source>Tenant n&amp;umber:</source>
        <translation>Mandanten&amp;nummer:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment for booking {number}</source>
        <translation>Zahlung zu Vorgang {number}</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>&amp;Record payment</source>
        <translation>Zahlung &amp;erfassen</translation>
    </message>
    <message>
        <source>Open amount:</source>
        <translation>Offener Betrag:</translation>
    </message>
    <message>
        <source>&amp;Amount received:</source>
        <translation>Erhaltener &amp;Betrag:</translation>
    </message>
    <message>
        <source>Received &amp;on:</source>
        <translation>Eingegangen &amp;am:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Zahlungsart:</translation>
    </message>
    <message>
        <source>Enter the amount received.</source>
        <translation>Geben Sie den erhaltenen Betrag ein.</translation>
    </message>
    <message>
        <source>That is more than the open amount of {open}.</source>
        <translation>Das ist mehr als der offene Betrag von {open}.</translation>
    </message>
</context>
<context>
    <name>RangePage</name>
    <message>
        <source>Booking numbers</source>
        <translation>Vorgangsnummern</translation>
    </message>
    <message>
        <source>Bookings of the new tenant are numbered from this range. A free range has been proposed; you may change it.</source>
        <translation>Die Vorgänge des neuen Mandanten werden aus diesem Nummernkreis nummeriert. Ein freier Bereich wurde vorgeschlagen; Sie können ihn ändern.</translation>
    </message>
    <message>
        <source>&amp;Propose a free range</source>
        <translation>Freien Nummern&amp;bereich vorschlagen</translation>
    </message>
    <message>
        <source>&amp;First number:</source>
        <translation>&amp;Erste Nummer:</translation>
    </message>
    <message>
        <source>&amp;Last number:</source>
        <translation>&amp;Letzte Nummer:</translation>
    </message>
    <message>
        <source>Accounting or tickets are central, so this range must not overlap the ranges of tenant 0 and the other tenants that share them.</source>
        <translation>Buchhaltung oder Tickets werden zentral geführt; daher darf sich dieser Bereich nicht mit den Bereichen von Mandant 0 und der anderen Mandanten überschneiden, die sie gemeinsam nutzen.</translation>
    </message>
    <message>
        <source>Accounting and tickets are the tenant&apos;s own, so its booking numbers never meet other tenants&apos;; any range will do.</source>
        <translation>Buchhaltung und Tickets führt der Mandant selbst, daher treffen seine Vorgangsnummern nie auf die anderer Mandanten; jeder Bereich ist möglich.</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse entry {id}</source>
        <translation>Buchung {id} stornieren</translation>
    </message>
    <message>
        <source>Entry {id} stays in the journal as it is. A reversal posts the same lines on the other side and is linked to it.</source>
        <translation>Buchung {id} bleibt unverändert im Journal. Das Storno bucht dieselben Zeilen auf der Gegenseite und wird mit ihr verknüpft.</translation>
    </message>
    <message>
        <source>&amp;Date of the reversal:</source>
        <translation>&amp;Datum des Stornos:</translation>
    </message>
    <message>
        <source>&amp;Reverse</source>
        <translation>&amp;Stornieren</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search all tenants (Ctrl+K)</source>
        <translation>In allen Mandanten suchen (Strg+K)</translation>
    </message>
    <message>
        <source>Searching all tenants…</source>
        <translation>Suche in allen Mandanten…</translation>
    </message>
    <message>
        <source>No matches in your tenants.</source>
        <translation>Keine Treffer in Ihren Mandanten.</translation>
    </message>
    <message>
        <source>Tenant {nr} · {name}</source>
        <translation>Mandant {nr} · {name}</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
</context>
<context>
    <name>SharingBox</name>
    <message>
        <source>Shared with</source>
        <translation>Freigegeben für</translation>
    </message>
    <message>
        <source>&amp;All tenants</source>
        <translation>&amp;Alle Mandanten</translation>
    </message>
    <message>
        <source>Only the &amp;tenants ticked below:</source>
        <translation>Nur die unten angeha&amp;kten Mandanten:</translation>
    </message>
    <message>
        <source>Only the tenant that created this customer decides with whom it is shared.</source>
        <translation>Nur der Mandant, der diesen Kunden angelegt hat, entscheidet, für wen er freigegeben wird.</translation>
    </message>
    <message>
        <source>{nr}  {name} (this tenant)</source>
        <translation>{nr}  {name} (dieser Mandant)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check your choices. Go back to change them; Create builds the tenant, which takes a moment.</source>
        <translation>Prüfen Sie Ihre Angaben. Mit „Zurück“ können Sie sie ändern; „Mandant anlegen“ legt den Mandanten an, was einen Moment dauert.</translation>
    </message>
    <message>
        <source>&amp;Create tenant</source>
        <translation>Mandant &amp;anlegen</translation>
    </message>
    <message>
        <source>The new tenant:</source>
        <translation>Der neue Mandant:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Tax number</source>
        <translation>Steuernummer</translation>
    </message>
    <message>
        <source>VAT ID</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bankverbindung</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Akzentfarbe</translation>
    </message>
    <message>
        <source>{name} ({login}): {role}</source>
        <translation>{name} ({login}): {role}</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Central</source>
        <translation>Zentral</translation>
    </message>
    <message>
        <source>Copied from tenant 0</source>
        <translation>Aus Mandant 0 kopiert</translation>
    </message>
    <message>
        <source>Starting empty</source>
        <translation>Beginnt leer</translation>
    </message>
    <message>
        <source>Booking numbers</source>
        <translation>Vorgangsnummern</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
</context>
<context>
    <name>TenantBadge</name>
    <message>
        <source>Tenant {nr} · {name}</source>
        <translation>Mandant {nr} · {name}</translation>
    </message>
    <message>
        <source>You are working in tenant {nr}.</source>
        <translation>Sie arbeiten in Mandant {nr}.</translation>
    </message>
</context>
<context>
    <name>TenantContext</name>
    <message>
        <source>{title} – Tenant {nr} {name}</source>
        <translation>{title} – Mandant {nr} {name}</translation>
    </message>
</context>
<context>
    <name>TenantEditDialog</name>
    <message>
        <source>Edit tenant {nr} – {name}</source>
        <translation>Mandant {nr} bearbeiten – {name}</translation>
    </message>
    <message>
        <source>Propose a free &amp;range</source>
        <translation>Freien Nummern&amp;bereich vorschlagen</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Nummer:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Booking numbers</source>
        <translation>Vorgangsnummern</translation>
    </message>
    <message>
        <source>&amp;First number:</source>
        <translation>Erste N&amp;ummer:</translation>
    </message>
    <message>
        <source>Last n&amp;umber:</source>
        <translation>Letzte &amp;Nummer:</translation>
    </message>
    <message>
        <source>Central databases (fixed at creation)</source>
        <translation>Zentrale Datenbanken (beim Anlegen festgelegt)</translation>
    </message>
    <message>
        <source>for example M1-</source>
        <translation>zum Beispiel M1-</translation>
    </message>
    <message>
        <source>last day of the following month</source>
        <translation>zum letzten Tag des Folgemonats</translation>
    </message>
    <message>
        <source>day </source>
        <translation>zum </translation>
    </message>
    <message>
        <source> of the following month</source>
        <translation>. des Folgemonats</translation>
    </message>
    <message>
        <source>Tenant {nr} posts into the books of tenant 0 (central accounting): the DATEV numbers, the fiscal year and the automatic lock are tenant 0&apos;s. Change them there.</source>
        <translation>Mandant {nr} bucht in die Bücher von Mandant 0 (zentrale Buchhaltung): DATEV-Nummern, Wirtschaftsjahr und automatische Festschreibung sind die von Mandant 0. Ändern Sie sie dort.</translation>
    </message>
    <message>
        <source>Bookkeeping</source>
        <translation>Buchhaltung</translation>
    </message>
    <message>
        <source>I&amp;nvoice series:</source>
        <translation>Präfi&amp;x des Rechnungskreises:</translation>
    </message>
    <message>
        <source>&amp;DATEV adviser number:</source>
        <translation>DATE&amp;V-Beraternummer:</translation>
    </message>
    <message>
        <source>DATEV client num&amp;ber:</source>
        <translation>DATEV-Mandantennummer:</translation>
    </message>
    <message>
        <source>Fiscal year starts in:</source>
        <translation>&amp;Wirtschaftsjahr beginnt im:</translation>
    </message>
    <message>
        <source>Automatic lock on:</source>
        <translation>Automatische Festschreibung:</translation>
    </message>
    <message>
        <source>Keep the current logo ({file})</source>
        <translation>Aktuelles Logo beibehalten ({file})</translation>
    </message>
</context>
<context>
    <name>TenantManagementDialog</name>
    <message>
        <source>Tenant management</source>
        <translation>Mandantenverwaltung</translation>
    </message>
    <message>
        <source>&amp;Switch to</source>
        <translation>&amp;Wechseln</translation>
    </message>
    <message>
        <source>&amp;New...</source>
        <translation>&amp;Neu...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Bearbeiten...</translation>
    </message>
    <message>
        <source>&amp;Tenants:</source>
        <translation>&amp;Mandanten:</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Central databases</source>
        <translation>Zentrale Datenbanken</translation>
    </message>
    <message>
        <source>Booking numbers</source>
        <translation>Vorgangsnummern</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>Größe auf Datenträger</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>{db}: version {version} (this program: {current})</source>
        <translation>{db}: Version {version} (dieses Programm: {current})</translation>
    </message>
    <message>
        <source>newer than this program</source>
        <translation>neuer als dieses Programm</translation>
    </message>
    <message>
        <source>update needed ({dbs})</source>
        <translation>Update erforderlich ({dbs})</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>You are not a member of tenant {nr}, so you cannot switch to it.</source>
        <translation>Sie sind kein Mitglied von Mandant {nr} und können daher nicht zu ihm wechseln.</translation>
    </message>
    <message>
        <source>You are working in this tenant.</source>
        <translation>Sie arbeiten in diesem Mandanten.</translation>
    </message>
    <message>
        <source>Only a tenant administrator can create tenants.</source>
        <translation>Nur ein Mandantenadministrator kann Mandanten anlegen.</translation>
    </message>
    <message>
        <source>Only an administrator of tenant {nr} can edit it.</source>
        <translation>Nur ein Administrator von Mandant {nr} kann ihn bearbeiten.</translation>
    </message>
</context>
<context>
    <name>TenantWizard</name>
    <message>
        <source>New tenant</source>
        <translation>Neuer Mandant</translation>
    </message>
    <message>
        <source>Creating tenant {nr}</source>
        <translation>Mandant {nr} wird angelegt</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <source>New ticket</source>
        <translation>Neues Ticket</translation>
    </message>
    <message>
        <source>MUELLER/HANS MR</source>
        <translation>MUELLER/HANS MR</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Ticket &amp;number:</source>
        <translation>Ticket&amp;nummer:</translation>
    </message>
    <message>
        <source>&amp;Airline:</source>
        <translation>&amp;Airline:</translation>
    </message>
    <message>
        <source>&amp;Passenger:</source>
        <translation>&amp;Passagier:</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>Stre&amp;cke:</translation>
    </message>
    <message>
        <source>&amp;Fare:</source>
        <translation>&amp;Tarif:</translation>
    </message>
    <message>
        <source>Ta&amp;xes:</source>
        <translation>Ste&amp;uern:</translation>
    </message>
    <message>
        <source>&amp;Issued on:</source>
        <translation>Ausgestellt a&amp;m:</translation>
    </message>
    <message>
        <source>&amp;Booking number:</source>
        <translation>&amp;Vorgangsnummer:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Enter two letters or digits, e.g. LH.</source>
        <translation>Geben Sie zwei Buchstaben oder Ziffern ein, z. B. LH.</translation>
    </message>
</context>
<context>
    <name>TicketsView</name>
    <message>
        <source>&amp;New ticket…</source>
        <translation>&amp;Neues Ticket…</translation>
    </message>
    <message>
        <source>You may read tickets in tenant {nr} but not issue them.</source>
        <translation>Sie dürfen Tickets in Mandant {nr} einsehen, aber nicht ausstellen.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Tickets are central: the ticket list and reconciliation are done in tenant 0.</source>
        <translation>Tickets werden zentral geführt: Ticketliste und Abgleich befinden sich in Mandant 0.</translation>
    </message>
    <message>
        <source>&amp;Ticket list</source>
        <translation>&amp;Ticketliste</translation>
    </message>
    <message>
        <source>Re&amp;conciliation</source>
        <translation>Ab&amp;gleich</translation>
    </message>
    <message>
        <source>Ticket number, passenger, route, airline or booking number</source>
        <translation>Ticketnummer, Passagier, Strecke, Airline oder Vorgangsnummer</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>Fi&amp;lter:</translation>
    </message>
    <message>
        <source>&amp;Ticket list with totals per airline</source>
        <translation>&amp;Ticketliste mit Summen je Airline</translation>
    </message>
    <message>
        <source>Ticket number</source>
        <translation>Ticketnummer</translation>
    </message>
    <message>
        <source>Airline</source>
        <translation>Airline</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>Passagier</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>Fare</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Steuern</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ausgestellt am</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>&amp;Reconcile now</source>
        <translation>Abgleich &amp;starten</translation>
    </message>
    <message>
        <source>Compares tickets with the flight services of bookings.</source>
        <translation>Vergleicht die Tickets mit den Flugleistungen der Vorgänge.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Flight services</source>
        <translation>Flugleistungen</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Times issued</source>
        <translation>Anzahl Ausstellungen</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Passagiere</translation>
    </message>
    <message>
        <source>Tenants / bookings</source>
        <translation>Mandanten / Vorgänge</translation>
    </message>
    <message>
        <source>Tickets without a booking</source>
        <translation>Tickets ohne Vorgang</translation>
    </message>
    <message>
        <source>Bookings whose flights and tickets disagree</source>
        <translation>Vorgänge, bei denen Flüge und Tickets nicht übereinstimmen</translation>
    </message>
    <message>
        <source>Ticket numbers issued more than once</source>
        <translation>Mehrfach ausgestellte Ticketnummern</translation>
    </message>
    <message>
        <source>Showing the newest {n} tickets; narrow the filter to find older ones.</source>
        <translation>Es werden die neuesten {n} Tickets angezeigt; schränken Sie den Filter ein, um ältere zu finden.</translation>
    </message>
    <message>
        <source>Tickets: {n}</source>
        <translation>Tickets: {n}</translation>
    </message>
    <message>
        <source>Tenant {nr}</source>
        <translation>Mandant {nr}</translation>
    </message>
    <message>
        <source>Ticket {number} saved in the central ticket list of tenant 0.</source>
        <translation>Ticket {number} wurde in der zentralen Ticketliste von Mandant 0 gespeichert.</translation>
    </message>
    <message>
        <source>Ticket {number} saved.</source>
        <translation>Ticket {number} wurde gespeichert.</translation>
    </message>
    <message>
        <source>Making the ticket list…</source>
        <translation>Die Ticketliste wird erstellt…</translation>
    </message>
    <message>
        <source>Reconciling tickets…</source>
        <translation>Tickets werden abgeglichen…</translation>
    </message>
    <message>
        <source>Everything agrees: no findings.</source>
        <translation>Alles stimmt überein: keine Auffälligkeiten.</translation>
    </message>
    <message>
        <source>Findings to check: {n}</source>
        <translation>Zu prüfende Auffälligkeiten: {n}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ohne</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <source>Update needed</source>
        <translation>Update erforderlich</translation>
    </message>
    <message>
        <source>This installation&apos;s databases are older than this program and must be updated before anybody can work with them. Please ask an administrator to start Jack Desktop and run the update.</source>
        <translation>Die Datenbanken dieser Installation sind älter als dieses Programm und müssen aktualisiert werden, bevor jemand damit arbeiten kann. Bitten Sie einen Administrator, Jack Desktop zu starten und das Update auszuführen.</translation>
    </message>
    <message>
        <source>Update the installation</source>
        <translation>Installation aktualisieren</translation>
    </message>
    <message>
        <source>The databases below are older than this program. They are updated in the required order: the sub-tenants first, then tenant 0 with the central databases. Every file is backed up before it changes. Nobody should work with the installation meanwhile.</source>
        <translation>Die unten aufgeführten Datenbanken sind älter als dieses Programm. Sie werden in der erforderlichen Reihenfolge aktualisiert: zuerst die Untermandanten, dann Mandant 0 mit den zentralen Datenbanken. Jede Datei wird gesichert, bevor sie geändert wird. Während des Updates sollte niemand mit der Installation arbeiten.</translation>
    </message>
    <message>
        <source>&amp;Pending steps:</source>
        <translation>&amp;Ausstehende Schritte:</translation>
    </message>
    <message>
        <source>&amp;Run update</source>
        <translation>&amp;Update ausführen</translation>
    </message>
    <message>
        <source>Everything is up to date.</source>
        <translation>Alles ist auf dem neuesten Stand.</translation>
    </message>
    <message>
        <source>Updating the installation</source>
        <translation>Installation wird aktualisiert</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s) updated; everything is up to date.</source>
        <translation>
            <numerusform>Fertig: %n Datei aktualisiert; alles ist auf dem neuesten Stand.</numerusform>
            <numerusform>Fertig: %n Dateien aktualisiert; alles ist auf dem neuesten Stand.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users and roles</source>
        <translation>Benutzer und Rollen</translation>
    </message>
    <message>
        <source>Choose who may work in the new tenant and with which role. Each member takes one of the tenant&apos;s licensed seats; roles can be changed later.</source>
        <translation>Legen Sie fest, wer im neuen Mandanten arbeiten darf und mit welcher Rolle. Jedes Mitglied belegt einen der lizenzierten Arbeitsplätze des Mandanten; Rollen können später geändert werden.</translation>
    </message>
    <message>
        <source>{name} ({login}):</source>
        <translation>{name} ({login}):</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>kein Zugriff</translation>
    </message>
    <message>
        <source>Nobody gets an administrator role: the new tenant can then only be managed after granting one on the command line.</source>
        <translation>Niemand erhält eine Administratorrolle: Der neue Mandant kann dann erst verwaltet werden, wenn über die Kommandozeile eine Administratorrolle vergeben wurde.</translation>
    </message>
</context>
<context>
    <name>_EntriesPage</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>De&amp;aktivieren</translation>
    </message>
    <message>
        <source>Show &amp;inactive entries</source>
        <translation>&amp;Inaktive Einträge anzeigen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Wieder aktivieren</translation>
    </message>
</context>
<context>
    <name>_Labels</name>
    <message>
        <source>Destinations</source>
        <translation>Reiseziele</translation>
    </message>
    <message>
        <source>Travel types</source>
        <translation>Reisearten</translation>
    </message>
    <message>
        <source>Cost centres</source>
        <translation>Kostenstellen</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Leistungsträger</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kürzel:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>&amp;VAT scheme:</source>
        <translation>Be&amp;steuerung:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Margin scheme (§ 25 UStG)</source>
        <translation>Margenbesteuerung (§ 25 UStG)</translation>
    </message>
    <message>
        <source>Agency (commission)</source>
        <translation>Vermittlung (Provision)</translation>
    </message>
    <message>
        <source>Standard VAT</source>
        <translation>Regelbesteuerung</translation>
    </message>
    <message>
        <source>Tour operator</source>
        <translation>Reiseveranstalter</translation>
    </message>
    <message>
        <source>Airline</source>
        <translation>Airline</translation>
    </message>
    <message>
        <source>Rail</source>
        <translation>Bahn</translation>
    </message>
    <message>
        <source>Cruise line</source>
        <translation>Reederei</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Versicherung</translation>
    </message>
    <message>
        <source>Car rental</source>
        <translation>Mietwagen</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Hotel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Standard VAT rate (%):</source>
        <translation>Regulärer MwSt.-Satz (%):</translation>
    </message>
    <message>
        <source>Reduced VAT rate (%):</source>
        <translation>Ermäßigter MwSt.-Satz (%):</translation>
    </message>
    <message>
        <source>Payment terms (days):</source>
        <translation>Zahlungsziel (Tage):</translation>
    </message>
    <message>
        <source>Deposit (% of the price):</source>
        <translation>Anzahlung (% des Reisepreises):</translation>
    </message>
    <message>
        <source>Balance due (days before departure):</source>
        <translation>Restzahlung fällig (Tage vor Abreise):</translation>
    </message>
    <message>
        <source>Invoice header:</source>
        <translation>Rechnungskopftext:</translation>
    </message>
    <message>
        <source>Invoice footer:</source>
        <translation>Rechnungsfußtext:</translation>
    </message>
    <message>
        <source>VAT note, margin scheme:</source>
        <translation>MwSt.-Hinweis Margenbesteuerung:</translation>
    </message>
    <message>
        <source>VAT note, agency business:</source>
        <translation>MwSt.-Hinweis Vermittlungsgeschäft:</translation>
    </message>
    <message>
        <source>Booking confirmation text:</source>
        <translation>Text der Buchungsbestätigung:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <source>Document language (de or en):</source>
        <translation>Dokumentsprache (de oder en):</translation>
    </message>
</context>
<context>
    <name>_ParametersPage</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Saved: {saved}. Not saved: {refused}.</source>
        <translation>Gespeichert: {saved}. Nicht gespeichert: {refused}.</translation>
    </message>
    <message>
        <source>Saved: {saved}.</source>
        <translation>Gespeichert: {saved}.</translation>
    </message>
</context>
</TS>
