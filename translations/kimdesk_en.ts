<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name></name>
    <message>
        <source>&lt;p&gt;Dokumentation und Monitoring des Kommunalen Integrationsmanagements (KIM NRW).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Documentation and monitoring of the municipal integration management (KIM NRW).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Speicher: {path}</source>
        <translation>Store: {path}</translation>
    </message>
    <message>
        <source>Installation: {name}</source>
        <translation>Installation: {name}</translation>
    </message>
    <message>
        <source>Profil: {profile}</source>
        <translation>Profile: {profile}</translation>
    </message>
    <message>
        <source>Fingerabdruck dieses Geräts:</source>
        <translation>Fingerprint of this device:</translation>
    </message>
    <message>
        <source>Über KIMdesk</source>
        <translation>About KIMdesk</translation>
    </message>
    <message>
        <source>Identitätsdatei gespeichert: {path} (Fingerabdruck {fingerprint})</source>
        <translation>Identity file saved: {path} (fingerprint {fingerprint})</translation>
    </message>
    <message>
        <source>KIMdesk</source>
        <translation>KIMdesk</translation>
    </message>
    <message>
        <source>Ein unerwarteter Fehler ist aufgetreten. Gespeicherte Daten sind nicht betroffen.</source>
        <translation>An unexpected error occurred. Saved data is not affected.</translation>
    </message>
    <message>
        <source>&amp;Fälle</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <source>Name oder Fallzeichen tippen</source>
        <extracomment>The quick-entry letters of the kinds, the same in every language (the docs and the case managers&apos; habits name them); a label&apos;s first letter works too (&quot;o&quot; for One-off).</extracomment>
        <translation>Type a name or case reference</translation>
    </message>
    <message>
        <source>Thema tippen, Eingabe hakt an</source>
        <translation>Type a topic, Enter ticks it</translation>
    </message>
    <message>
        <source>Verweis tippen, Eingabe hakt an</source>
        <translation>Type a referral, Enter ticks it</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>ISO-Code, z. B. ar</source>
        <translation>ISO code, e.g. ar</translation>
    </message>
    <message>
        <source>Nur auf diesem Gerät, wird nie übertragen</source>
        <translation>Only on this device, never transferred</translation>
    </message>
    <message>
        <source>Speichern (Strg+Eingabe)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Neu (Strg+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <source>Dat&amp;um:</source>
        <translation>Da&amp;te:</translation>
    </message>
    <message>
        <source>weiblich</source>
        <translation>female</translation>
    </message>
    <message>
        <source>männlich</source>
        <translation>male</translation>
    </message>
    <message>
        <source>divers</source>
        <translation>diverse</translation>
    </message>
    <message>
        <source>keine Angabe</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>Mögliche Doppelung</source>
        <extracomment>What the case manager chose.</extracomment>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Warum</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Mögliche Doppelungen</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Erstgespräch</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Situationsanalyse</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Hilfeplanung</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Umsetzung</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <source>Begleitung</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>Auswertung</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Abgeschlossen</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Persönliche Daten – nur auf diesem Gerät, werden nie übertragen</source>
        <translation>Personal data – only on this device, never transferred</translation>
    </message>
    <message>
        <source>Vor&amp;name:</source>
        <translation>Gi&amp;ven name:</translation>
    </message>
    <message>
        <source>Famili&amp;enname:</source>
        <translation>Famil&amp;y name:</translation>
    </message>
    <message>
        <source>Geburtsdat&amp;um:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>E-Ma&amp;il:</source>
        <translation>E-ma&amp;il:</translation>
    </message>
    <message>
        <source>Ad&amp;resse:</source>
        <translation>Add&amp;ress:</translation>
    </message>
    <message>
        <source>A&amp;ktenzeichen:</source>
        <translation>File num&amp;bers:</translation>
    </message>
    <message>
        <source>Noti&amp;zen:</source>
        <translation>No&amp;tes:</translation>
    </message>
    <message>
        <source>ISO-Code, z. B. SY; XX staatenlos</source>
        <translation>ISO code, e.g. SY; XX stateless</translation>
    </message>
    <message>
        <source>Statistische Angaben – werden an die Kreisstelle übertragen</source>
        <translation>Statistical attributes – transferred to the district office</translation>
    </message>
    <message>
        <source>Geschlecht:</source>
        <translation>Gender:</translation>
    </message>
    <message>
        <source>Staatsangehörigkeit:</source>
        <translation>Nationality:</translation>
    </message>
    <message>
        <source>Aufenthalt:</source>
        <translation>Residence:</translation>
    </message>
    <message>
        <source>Einreise:</source>
        <translation>Arrival:</translation>
    </message>
    <message>
        <source>Minderjährige im Haushalt:</source>
        <translation>Minors in household:</translation>
    </message>
    <message>
        <source>Hauptsprache:</source>
        <translation>Main language:</translation>
    </message>
    <message>
        <source>Wohnort:</source>
        <translation>Home municipality:</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Wann der Fall wieder vorgelegt wird, z. B. +2w für in zwei Wochen; bleibt auf diesem Gerät.</source>
        <translation>When the case comes up again, e.g. +2w for in two weeks; stays on this device.</translation>
    </message>
    <message>
        <source>&amp;Kommune:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>&amp;Programm:</source>
        <translation>&amp;Programme:</translation>
    </message>
    <message>
        <source>Er&amp;öffnet am:</source>
        <translation>&amp;Opened on:</translation>
    </message>
    <message>
        <source>Pha&amp;se:</source>
        <translation>P&amp;hase:</translation>
    </message>
    <message>
        <source>&amp;Zugangsweg:</source>
        <translation>Access &amp;route:</translation>
    </message>
    <message>
        <source>Wiedervor&amp;lage am:</source>
        <translation>Fo&amp;llow-up on:</translation>
    </message>
    <message>
        <source>Notizen zum Fall:</source>
        <translation>Case notes:</translation>
    </message>
    <message>
        <source>Abgeschlossen am {day}: {reason}</source>
        <translation>Closed on {day}: {reason}</translation>
    </message>
    <message>
        <source>A&amp;rt:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>K&amp;lient:in / Fall:</source>
        <translation>C&amp;lient / case:</translation>
    </message>
    <message>
        <source>&amp;Themen:</source>
        <translation>&amp;Topics:</translation>
    </message>
    <message>
        <source>&amp;Verweise:</source>
        <translation>&amp;Referrals:</translation>
    </message>
    <message>
        <source>Im Einzelnen:</source>
        <translation>In detail:</translation>
    </message>
    <message>
        <source>Dau&amp;er:</source>
        <translation>D&amp;uration:</translation>
    </message>
    <message>
        <source>Sett&amp;ing:</source>
        <translation>Sett&amp;ing:</translation>
    </message>
    <message>
        <source>Sprachmittlu&amp;ng:</source>
        <translation>Language media&amp;tion:</translation>
    </message>
    <message>
        <source>Spra&amp;che:</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <source>N&amp;otizen:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>Neue Beratung</source>
        <translation>New consultation</translation>
    </message>
    <message>
        <source>Beratung vom {day} bearbeiten</source>
        <translation>Edit consultation of {day}</translation>
    </message>
    <message>
        <source>Der Verweis an {targets} ist von keiner Einwilligung der Klient:in gedeckt, die am Tag der Beratung gilt. Trotzdem speichern? Er steht dann in „Heute fällig“, bis die Einwilligung erfasst oder das Ergebnis eingetragen ist.</source>
        <translation>The referral to {targets} is not covered by any consent of the client in force on the day of the consultation. Save anyway? It then stays in “Due today” until the consent is recorded or the outcome entered.</translation>
    </message>
    <message>
        <source>Verweis ohne Einwilligung</source>
        <translation>Referral without consent</translation>
    </message>
    <message>
        <source>Beratung vom {day} unverändert: nichts gespeichert.</source>
        <translation>Consultation of {day} unchanged: nothing saved.</translation>
    </message>
    <message>
        <source>geändert</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>gespeichert</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>Beratung vom {day} {what}. Rückgängig: Alt+Rück</source>
        <translation>Consultation of {day} {what}. Undo: Alt+Backspace</translation>
    </message>
    <message>
        <source>Beratungen suchen</source>
        <translation>Search consultations</translation>
    </message>
    <message>
        <source>Suche in Namen, Aktenzeichen, Fallzeichen, Notizen (Strg+F)</source>
        <translation>Search names, file numbers, case references, notes (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter zurücksetzen</source>
        <translation>Reset filters</translation>
    </message>
    <message>
        <source>von</source>
        <translation>from</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>Eingabekontrolle</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Wer wann welchen Datensatz angelegt, geändert oder gelöscht hat – nur Kennungen, nie Inhalte. Die neuesten {n} Einträge:</source>
        <translation>Who created, changed or deleted which record when – ids only, never contents. The newest {n} entries:</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Als CSV &amp;speichern …</source>
        <translation>&amp;Save as CSV …</translation>
    </message>
    <message>
        <source>&amp;Löschprotokoll speichern …</source>
        <translation>Save &amp;deletion log …</translation>
    </message>
    <message>
        <source>Die persönlichen Daten aller Klient:innen löschen, deren Löschfrist abgelaufen ist (Heute fällig zeigt sie einzeln)? Ruhende offene Fälle werden dabei mit „kein Kontakt“ abgeschlossen. Die Beratungen bleiben für die Statistik erhalten.</source>
        <translation>Erase the personal data of every client whose erasure period has passed (Due today lists them one by one)? Dormant open cases are closed with “no contact”. The consultations stay for the statistics.</translation>
    </message>
    <message>
        <source>Löschfristen (Kreisprofil): {years} Jahre nach Fallabschluss, {one_off} Monate nach nur einmaliger Beratung, {inactive} Monate bei ruhenden offenen Fällen.</source>
        <translation>Erasure periods (county profile): {years} years after a case is closed, {one_off} months after one-off consultations only, {inactive} months for dormant open cases.</translation>
    </message>
    <message>
        <source>Personendaten nach &amp;Frist löschen …</source>
        <translation>Erase personal data after the &amp;retention period …</translation>
    </message>
    <message>
        <source>Eingabekontrolle speichern</source>
        <translation>Save audit trail</translation>
    </message>
    <message>
        <source>Löschprotokoll speichern</source>
        <translation>Save deletion log</translation>
    </message>
    <message>
        <source>Personendaten löschen</source>
        <translation>Erase personal data</translation>
    </message>
    <message numerus="yes">
        <source>%n Datensätze geleert.</source>
        <translation>
            <numerusform>%n record emptied.</numerusform>
            <numerusform>%n records emptied.</numerusform>
        </translation>
    </message>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>teilweise erreicht</source>
        <translation>partly reached</translation>
    </message>
    <message>
        <source>erreicht</source>
        <translation>reached</translation>
    </message>
    <message>
        <source>nicht erreicht</source>
        <translation>not reached</translation>
    </message>
    <message>
        <source>verworfen</source>
        <translation>dropped</translation>
    </message>
    <message>
        <source>Ziele</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bis</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Ziel (lokal)</source>
        <translation>Goal (local)</translation>
    </message>
    <message>
        <source>Ziel in eigenen Worten (bleibt auf diesem Gerät)</source>
        <translation>The goal in your own words (stays on this device)</translation>
    </message>
    <message>
        <source>Ziel speichern</source>
        <translation>Save goal</translation>
    </message>
    <message>
        <source>Ziel entfernen</source>
        <translation>Remove goal</translation>
    </message>
    <message>
        <source>Neues Ziel</source>
        <translation>New goal</translation>
    </message>
    <message>
        <source>Programm</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Filter {what}</source>
        <translation>Filter {what}</translation>
    </message>
    <message>
        <source>Datum</source>
        <extracomment>(sort key of the service, header) per column.
----------
The session taken into the entry row to be changed (None: the row adds one).
----------
Fixed values by (entity, field); &quot;*&quot; for any entity. The record fields as the forms label them, so that an error names the field.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Klient:in / Fall</source>
        <translation>Client / case</translation>
    </message>
    <message>
        <source>Themen</source>
        <extracomment>The catalogs a coordinator edits here, with their names in the interface.</extracomment>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Verweise</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Fall abschließen</source>
        <translation>Close case</translation>
    </message>
    <message>
        <source>Abgeschlossen &amp;am:</source>
        <translation>Closed &amp;on:</translation>
    </message>
    <message>
        <source>&amp;Grund:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Fall übergeben</source>
        <translation>Hand over case</translation>
    </message>
    <message numerus="yes">
        <source>Die Klient:in geht mit allen ihren Fällen (%n) an das gewählte Gerät: Personendaten, Fälle, Ziele und Notizen, verschlüsselt nur für dieses Gerät. Die Übergabe reist mit dem nächsten Bundle; die Fälle sind hier ab sofort schreibgeschützt. Sobald das Gerät sie übernommen hat, werden die Personendaten hier gelöscht; die Beratungen bleiben für die Statistik.</source>
        <translation>
            <numerusform>The client goes with their case (%n) to the chosen device: personal data, cases, goals and notes, encrypted for that device only. The handover travels with the next bundle; from now on the case is read-only here. Once the device has taken it, the personal data are erased here; the consultations stay for the statistics.</numerusform>
            <numerusform>The client goes with all of their cases (%n) to the chosen device: personal data, cases, goals and notes, encrypted for that device only. The handover travels with the next bundle; from now on the cases are read-only here. Once the device has taken them, the personal data are erased here; the consultations stay for the statistics.</numerusform>
        </translation>
    </message>
    <message>
        <source>An &amp;Gerät:</source>
        <translation>To &amp;device:</translation>
    </message>
    <message>
        <source>Übergeben</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>Fälle suchen</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <source>Suche nach Name, Aktenzeichen, Fallzeichen (Strg+F)</source>
        <translation>Search by name, file number, case reference (Ctrl+F)</translation>
    </message>
    <message>
        <source>auch abgeschlossene</source>
        <translation>include closed</translation>
    </message>
    <message>
        <source>Neuer Fall (Strg+N)</source>
        <translation>New case (Ctrl+N)</translation>
    </message>
    <message>
        <source>Dauer</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Speichern (Strg+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Fall abschließen …</source>
        <translation>Close case …</translation>
    </message>
    <message>
        <source>Personendaten löschen …</source>
        <translation>Erase personal data …</translation>
    </message>
    <message>
        <source>Löscht Namen, Kontaktdaten und Notizen dieser Person; die Beratungen bleiben für die Statistik.</source>
        <translation>Erases this person’s name, contact details and notes; the consultations stay for the statistics.</translation>
    </message>
    <message>
        <source>Auskunft …</source>
        <translation>Access report …</translation>
    </message>
    <message>
        <source>Alles, was über diese Person gespeichert ist, als PDF für sie oder als JSON (Art. 15 und 20 DSGVO).</source>
        <translation>Everything stored about this person, as a PDF for them or as JSON (Art. 15 and 20 GDPR).</translation>
    </message>
    <message>
        <source>Fallübersicht drucken …</source>
        <translation>Print case summary …</translation>
    </message>
    <message>
        <source>Eine Übersicht des Falls als PDF für die Papierakte oder ein Übergabegespräch, mit den Teilen, die Sie ankreuzen.</source>
        <translation>A summary of the case as a PDF for the paper file or a handover meeting, with the parts you tick.</translation>
    </message>
    <message>
        <source>Doppelte prüfen …</source>
        <translation>Check for duplicates …</translation>
    </message>
    <message>
        <source>Sucht Klient:innen, die dieselbe Person sein könnten, und führt sie auf Wunsch zusammen.</source>
        <translation>Looks for clients who could be the same person and merges them if you wish.</translation>
    </message>
    <message>
        <source>Auskunft speichern</source>
        <translation>Save access report</translation>
    </message>
    <message>
        <source>PDF für die Person (*.pdf);;JSON, maschinenlesbar (*.json)</source>
        <translation>PDF for the person (*.pdf);;JSON, machine-readable (*.json)</translation>
    </message>
    <message>
        <source>Auskunft gespeichert: {path}. Sie enthält Personendaten: nur der Person aushändigen.</source>
        <translation>Access report saved: {path}. It contains personal data: hand it to the person only.</translation>
    </message>
    <message>
        <source>Diese Person gibt es vielleicht schon. Den neuen Fall der gewählten Person zuordnen (Ihre Eingaben ergänzen deren leere Angaben) oder doch eine neue Klient:in anlegen?</source>
        <translation>This person may exist already. Give the new case to the chosen person (what you typed fills their empty fields), or create a new client after all?</translation>
    </message>
    <message>
        <source>Fall dieser Person &amp;zuordnen</source>
        <translation>&amp;Give the case to this person</translation>
    </message>
    <message>
        <source>&amp;Neue Klient:in anlegen</source>
        <translation>Create a &amp;new client</translation>
    </message>
    <message>
        <source>Nicht gespeichert.</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <source>Dieses Gerät kennt noch keine anderen Geräte des Kreises; sie kommen mit der nächsten Antwort der Kreisstelle.</source>
        <translation>This device knows no other devices of the county yet; they come with the district office&apos;s next reply.</translation>
    </message>
    <message>
        <source>Keine mögliche Doppelung gefunden.</source>
        <translation>No possible duplicate found.</translation>
    </message>
    <message>
        <source>Diese Klient:innen könnten dieselbe Person sein. Zusammenführen übernimmt Fälle und Beratungen der gewählten Person in diese; deren Angaben ergänzen leere Felder, Notizen, Aktenzeichen und Einwilligungen werden zusammengelegt.</source>
        <translation>These clients could be the same person. Merging moves the chosen person’s cases and consultations to this one; their entries fill empty fields, notes, file numbers and consents are joined.</translation>
    </message>
    <message>
        <source>Mit dieser Person &amp;zusammenführen …</source>
        <translation>&amp;Merge with this person …</translation>
    </message>
    <message>
        <source>Zusammenführen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Die gewählte Klient:in in diese zusammenführen? Das lässt sich nicht rückgängig machen.</source>
        <translation>Merge the chosen client into this one? This cannot be undone.</translation>
    </message>
    <message>
        <source>Zusammengeführt: {cases} Fälle und {visits} Beratungen übernommen.</source>
        <translation>Merged: {cases} cases and {visits} consultations moved.</translation>
    </message>
    <message>
        <source>Fallübersicht speichern</source>
        <translation>Save case summary</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Fallübersicht gespeichert: {path}. Sie enthält Sozialdaten: vertraulich behandeln.</source>
        <translation>Case summary saved: {path}. It holds social data: treat it as confidential.</translation>
    </message>
    <message numerus="yes">
        <source>Übergabe an {device} vorbereitet: %n Fälle. Sie reist mit dem nächsten Bundle.</source>
        <translation>
            <numerusform>Handover to {device} prepared: %n case. It travels with the next bundle.</numerusform>
            <numerusform>Handover to {device} prepared: %n cases. It travels with the next bundle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Beratungen in diesem Fall</source>
        <translation>Consultations in this case</translation>
    </message>
    <message>
        <source>Fall übergeben …</source>
        <translation>Hand over case …</translation>
    </message>
    <message>
        <source>Übergibt die Klient:in mit ihren Fällen an ein anderes Gerät des Kreises.</source>
        <translation>Hands the client with their cases over to another device of the county.</translation>
    </message>
    <message>
        <source>(ohne Namen)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Fall von {who}</source>
        <translation>Case of {who}</translation>
    </message>
    <message>
        <source>Dieser Fall wurde an {device} übergeben und ist hier schreibgeschützt.</source>
        <translation>This case was handed over to {device} and is read-only here.</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Der Fall wurde gespeichert.</source>
        <translation>The case was saved.</translation>
    </message>
    <message>
        <source>Name, Geburtsdatum, Kontaktdaten, Aktenzeichen und alle Notizen dieser Person und ihrer Fälle endgültig löschen? Die Beratungen und die statistischen Angaben bleiben erhalten.</source>
        <translation>Erase for good the name, date of birth, contact details, file numbers and all notes of this person and their cases? The consultations and the statistical attributes stay.</translation>
    </message>
    <message>
        <source>&amp;Beratungen</source>
        <translation>C&amp;onsultations</translation>
    </message>
    <message>
        <source>Diese Beratung gibt es nicht mehr.</source>
        <translation>This consultation no longer exists.</translation>
    </message>
    <message>
        <source>Beratung löschen</source>
        <translation>Delete consultation</translation>
    </message>
    <message>
        <source>Die Beratung vom {day} löschen? Die Löschung wird mit dem nächsten Bundle an die Kreisstelle übertragen.</source>
        <translation>Delete the consultation of {day}? The deletion is sent to the district office with the next bundle.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln Beratungen</source>
        <translation>
            <numerusform>%Ln consultation</numerusform>
            <numerusform>%Ln consultations</numerusform>
        </translation>
    </message>
    <message>
        <source>Die Beratung wurde gelöscht.</source>
        <translation>The consultation was deleted.</translation>
    </message>
    <message>
        <source>geplant</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>läuft</source>
        <translation>running</translation>
    </message>
    <message>
        <source>beendet</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>abgesagt</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>&amp;Gruppenangebote</source>
        <extracomment>Most group offers of the town halls are MuKi-S courses.</extracomment>
        <translation>&amp;Group offers</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Termine</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>ausgefallen</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Teilnahmen</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Neues Angebot (Strg+N)</source>
        <translation>New offer (Ctrl+N)</translation>
    </message>
    <message>
        <source>Angebot speichern (Strg+S)</source>
        <translation>Save offer (Ctrl+S)</translation>
    </message>
    <message>
        <source>Angebot löschen</source>
        <translation>Delete offer</translation>
    </message>
    <message>
        <source>Angebot</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>Geplante T&amp;ermine:</source>
        <translation>Planned s&amp;essions:</translation>
    </message>
    <message>
        <source>&amp;Veranstaltender Träger:</source>
        <translation>Pro&amp;vider:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>ausgefalle&amp;n</source>
        <translation>&amp;cancelled</translation>
    </message>
    <message>
        <source>Daue&amp;r:</source>
        <translation>Du&amp;ration:</translation>
    </message>
    <message>
        <source>Tei&amp;lnehmende:</source>
        <translation>Partic&amp;ipants:</translation>
    </message>
    <message>
        <source>Termin hin&amp;zufügen</source>
        <translation>&amp;Add session</translation>
    </message>
    <message>
        <source>Enter speichert den Termin. In der Tabelle: Enter bearbeitet, Entf löscht den gewählten Termin.</source>
        <translation>Enter saves the session. In the table: Enter edits, Del deletes the selected session.</translation>
    </message>
    <message>
        <source>Termin spei&amp;chern</source>
        <translation>&amp;Save session</translation>
    </message>
    <message>
        <source>Termin vom {day} wird bearbeitet. Esc bricht ab.</source>
        <translation>Editing the session of {day}. Esc cancels.</translation>
    </message>
    <message>
        <source>Termin löschen</source>
        <translation>Delete session</translation>
    </message>
    <message>
        <source>Term&amp;in am:</source>
        <translation>Session o&amp;n:</translation>
    </message>
    <message>
        <source>stattgefunden</source>
        <translation>held</translation>
    </message>
    <message>
        <source>Das Angebot wurde gespeichert.</source>
        <translation>The offer was saved.</translation>
    </message>
    <message>
        <source>Das Angebot „{title}“ mit allen Terminen löschen?</source>
        <translation>Delete the offer “{title}” with all its sessions?</translation>
    </message>
    <message>
        <source>Den Termin vom {day} löschen?</source>
        <translation>Delete the session of {day}?</translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>KIMdesk {version}</source>
        <translation>KIMdesk {version}</translation>
    </message>
    <message>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sperren</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Einstellungen …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Bisherige &amp;Liste übernehmen …</source>
        <translation>&amp;Take over the list kept so far …</translation>
    </message>
    <message>
        <source>Ein&amp;gabekontrolle …</source>
        <translation>&amp;Audit trail …</translation>
    </message>
    <message>
        <source>&amp;Identitätsdatei speichern …</source>
        <translation>Save &amp;identity file …</translation>
    </message>
    <message>
        <source>&amp;Ansicht</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Tastaturbelegung</source>
        <translation>&amp;Keyboard map</translation>
    </message>
    <message>
        <source>Ü&amp;ber KIMdesk</source>
        <translation>&amp;About KIMdesk</translation>
    </message>
    <message>
        <source>Kreisstelle</source>
        <translation>District office</translation>
    </message>
    <message>
        <source>Case Management</source>
        <translation>Case management</translation>
    </message>
    <message>
        <source>Fällig: {n}</source>
        <translation>Due: {n}</translation>
    </message>
    <message numerus="yes">
        <source>Bei %n Klient:innen ist die Löschfrist abgelaufen: bitte in „Heute fällig“ bestätigen (Entf).</source>
        <translation>
            <numerusform>The erasure period of %n client has passed: please confirm it in “Due today” (Del).</numerusform>
            <numerusform>The erasure period of %n clients has passed: please confirm them in “Due today” (Del).</numerusform>
        </translation>
    </message>
    <message>
        <source>Noch kein Bundle</source>
        <translation>No bundle yet</translation>
    </message>
    <message>
        <source>Noch kein Import</source>
        <translation>No import yet</translation>
    </message>
    <message>
        <source>Letzter Import: {day}</source>
        <translation>Last import: {day}</translation>
    </message>
    <message>
        <source>Letztes Bundle: Nr. {seq} vom {day}</source>
        <translation>Last bundle: no. {seq} of {day}</translation>
    </message>
    <message>
        <source>F1</source>
        <extracomment>(keys, where, what it does); the role it applies to (&quot;&quot; for both).</extracomment>
        <translation>F1</translation>
    </message>
    <message>
        <source>überall</source>
        <translation>everywhere</translation>
    </message>
    <message>
        <source>diese Hilfe</source>
        <translation>this help</translation>
    </message>
    <message>
        <source>Strg+1 … Strg+6</source>
        <translation>Ctrl+1 … Ctrl+6</translation>
    </message>
    <message>
        <source>Bildschirme wechseln</source>
        <translation>switch screens</translation>
    </message>
    <message>
        <source>Alt+Buchstabe</source>
        <translation>Alt+letter</translation>
    </message>
    <message>
        <source>das Feld oder den Knopf mit dem unterstrichenen Buchstaben ansteuern</source>
        <translation>go to the field or button with the underlined letter</translation>
    </message>
    <message>
        <source>Tab, Umschalt+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <source>Formulare</source>
        <translation>forms</translation>
    </message>
    <message>
        <source>nächstes, voriges Feld (auch aus Datumsfeldern heraus)</source>
        <translation>next, previous field (out of date fields too)</translation>
    </message>
    <message>
        <source>Alt+Rück, Strg+Z</source>
        <translation>Alt+Backspace, Ctrl+Z</translation>
    </message>
    <message>
        <source>überall (Strg+Z außerhalb von Textfeldern)</source>
        <translation>everywhere (Ctrl+Z outside text fields)</translation>
    </message>
    <message>
        <source>den letzten Schritt rückgängig machen, wie Datei → Rückgängig ihn nennt</source>
        <translation>undo the last step, as File → Undo names it</translation>
    </message>
    <message>
        <source>Strg+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>sperren</source>
        <translation>lock</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Strg+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Strg+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>beenden</source>
        <translation>quit</translation>
    </message>
    <message>
        <source>h, +1, -1, +2w</source>
        <translation>t, +1, -1, +2w</translation>
    </message>
    <message>
        <source>Datumsfelder</source>
        <translation>date fields</translation>
    </message>
    <message>
        <source>heute, morgen, gestern, in zwei Wochen; auch 171126 oder 17.11.26</source>
        <translation>today, tomorrow, yesterday, in two weeks; also 171126 or 17.11.26</translation>
    </message>
    <message>
        <source>↑ ↓, Alt+↓ oder F4</source>
        <translation>↑ ↓, Alt+↓ or F4</translation>
    </message>
    <message>
        <source>einen Tag vor oder zurück; Kalender öffnen (Pfeile, Eingabe, Esc)</source>
        <translation>a day forward or back; open the calendar (arrows, Enter, Esc)</translation>
    </message>
    <message>
        <source>e, c</source>
        <translation>e, c</translation>
    </message>
    <message>
        <source>Beratungen: Art</source>
        <translation>Consultations: kind</translation>
    </message>
    <message>
        <source>einmalige Beratung, Case Management; springt weiter</source>
        <translation>one-off consultation, case management; moves on</translation>
    </message>
    <message>
        <source>Buchstaben, Eingabe</source>
        <translation>letters, Enter</translation>
    </message>
    <message>
        <source>Beratungen: Themen, Verweise</source>
        <translation>Consultations: topics, referrals</translation>
    </message>
    <message>
        <source>das beste Passende anhaken (wo → Wohnen); Rück im leeren Feld hakt ab</source>
        <translation>tick the best match (ho → Housing); Backspace in the empty field unticks</translation>
    </message>
    <message>
        <source>Strg+Eingabe</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>speichern und die nächste Beratung beginnen</source>
        <translation>save and start the next consultation</translation>
    </message>
    <message>
        <source>Strg+N, Esc</source>
        <translation>Ctrl+N, Esc</translation>
    </message>
    <message>
        <source>leeres Formular</source>
        <translation>empty form</translation>
    </message>
    <message>
        <source>Strg+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Beratungen, Fälle</source>
        <translation>Consultations, Cases</translation>
    </message>
    <message>
        <source>suchen</source>
        <translation>search</translation>
    </message>
    <message>
        <source>Eingabe, Strg+E</source>
        <translation>Enter, Ctrl+E</translation>
    </message>
    <message>
        <source>Liste der Beratungen</source>
        <translation>list of consultations</translation>
    </message>
    <message>
        <source>die gewählte Beratung bearbeiten</source>
        <translation>edit the selected consultation</translation>
    </message>
    <message>
        <source>Entf</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>lists</translation>
    </message>
    <message>
        <source>löschen (nach einer Rückfrage)</source>
        <translation>delete (after a question)</translation>
    </message>
    <message>
        <source>Strg+N, Strg+S</source>
        <translation>Ctrl+N, Ctrl+S</translation>
    </message>
    <message>
        <source>Fälle, Gruppenangebote, Bedarfsmeldungen</source>
        <translation>Cases, Group offers, Structural needs</translation>
    </message>
    <message>
        <source>neu, speichern</source>
        <translation>new, save</translation>
    </message>
    <message>
        <source>Strg+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>bisherige Excel-Liste übernehmen</source>
        <translation>take over the previous Excel list</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Erste Schritte im Rathaus&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Beratung erfassen&lt;/b&gt; (Strg+1): Art mit &lt;i&gt;e&lt;/i&gt; oder &lt;i&gt;c&lt;/i&gt;, Klient:in oder Fall tippen, Themen und Verweise tippen und mit Eingabe anhaken, Strg+Eingabe speichert. Datum, Kommune und Programm sind schon ausgefüllt.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Fälle&lt;/b&gt; (Strg+2): Strg+N legt eine Person mit ihrem Fall an. Name, Geburtsdatum, Kontakt und Notizen bleiben auf diesem Gerät; nur die statistischen Angaben gehen an die Kreisstelle.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Gruppenangebote&lt;/b&gt; und &lt;b&gt;Bedarfsmeldungen&lt;/b&gt; (Strg+3, Strg+4) für MuKi-S-Kurse und strukturelle Bedarfe.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Übertragung&lt;/b&gt; (Strg+6): den USB-Stick wählen und das Bundle schreiben; es ist verschlüsselt und signiert. Den Stick zur Kreisstelle bringen.&lt;/li&gt;&lt;li&gt;Eine bisherige Excel-Liste übernimmt Datei → Bisherige Liste übernehmen (Strg+I).&lt;/li&gt;&lt;li&gt;Beim Verlassen des Platzes Strg+L: KIMdesk sperrt sich sonst nach der in den Einstellungen gewählten Zeit von selbst.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h3&gt;First steps in the town hall&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Record a consultation&lt;/b&gt; (Ctrl+1): the kind with &lt;i&gt;e&lt;/i&gt; or &lt;i&gt;c&lt;/i&gt;, type the client or case, type topics and referrals and tick them with Enter, Ctrl+Enter saves. Date, municipality and programme are already filled in.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cases&lt;/b&gt; (Ctrl+2): Ctrl+N creates a person with their case. Name, date of birth, contact and notes stay on this device; only the statistical details go to the district office.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Group offers&lt;/b&gt; and &lt;b&gt;Structural needs&lt;/b&gt; (Ctrl+3, Ctrl+4) for MuKi-S courses and structural needs.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Transfer&lt;/b&gt; (Ctrl+6): choose the USB stick and write the bundle; it is encrypted and signed. Take the stick to the district office.&lt;/li&gt;&lt;li&gt;File → Take over previous list (Ctrl+I) takes over a previous Excel list.&lt;/li&gt;&lt;li&gt;When you leave your desk, Ctrl+L: otherwise KIMdesk locks itself after the time chosen in the settings.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Erste Schritte in der Kreisstelle&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Geräte eintragen&lt;/b&gt; (Strg+2): die Identitätsdatei eines Rathaus-Geräts wählen und den Fingerabdruck mit dem vergleichen, den das Gerät selbst zeigt (Hilfe → Über KIMdesk auf dem Gerät).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Import&lt;/b&gt; (Strg+1): den USB-Stick wählen. KIMdesk prüft jedes Bundle zuerst und zeigt, was es ändern würde; erst „Importieren“ übernimmt es.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Konflikte&lt;/b&gt; (Strg+3): wo zwei Fassungen eines Datensatzes abweichen, beide nebeneinander ansehen und eine behalten.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Monitoring&lt;/b&gt; (Strg+4): die Zahlen des Kreises, je Kommune, Programm und Gerät; Excel, Diagramme und Foliensatz. „Zur Veröffentlichung“ hält kleine Zahlen geheim.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Bedarfsmeldungen&lt;/b&gt; (Strg+5): Status, Lösung und zuständige Stelle eintragen.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h3&gt;First steps at the district office&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Enrol devices&lt;/b&gt; (Ctrl+2): choose a town-hall device&apos;s identity file and compare the fingerprint with the one the device shows itself (Help → About KIMdesk on the device).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Import&lt;/b&gt; (Ctrl+1): choose the USB stick. KIMdesk checks every bundle first and shows what it would change; only “Import” takes it over.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Conflicts&lt;/b&gt; (Ctrl+3): where two versions of a record differ, look at both side by side and keep one.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Monitoring&lt;/b&gt; (Ctrl+4): the county&apos;s figures, per municipality, programme and device; Excel, charts and slide deck. “For publication” keeps small numbers secret.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Structural needs&lt;/b&gt; (Ctrl+5): enter status, solution and responsible body.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>KIMdesk – Hilfe</source>
        <translation>KIMdesk – Help</translation>
    </message>
    <message>
        <source>Hilfe</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Tasten</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Wo</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Tastaturbelegung</source>
        <translation>Keyboard map</translation>
    </message>
    <message>
        <source>Erste Schritte</source>
        <translation>First steps</translation>
    </message>
    <message>
        <source>&amp;Tastatur</source>
        <translation>&amp;Keyboard</translation>
    </message>
    <message>
        <source>&amp;Erste Schritte</source>
        <translation>&amp;First steps</translation>
    </message>
    <message>
        <source>nie</source>
        <translation>never</translation>
    </message>
    <message>
        <source>– keine –</source>
        <translation>– none –</translation>
    </message>
    <message>
        <source>&amp;Sperren nach:</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <source>S&amp;prache:</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <source>Übliches &amp;Rathaus:</source>
        <translation>Usual &amp;town hall:</translation>
    </message>
    <message>
        <source>Eine andere Sprache gilt nach dem nächsten Start.</source>
        <translation>Another language takes effect at the next start.</translation>
    </message>
    <message>
        <source>KIMdesk ist gesperrt</source>
        <translation>KIMdesk is locked</translation>
    </message>
    <message>
        <source>Die Daten sind verschlüsselt.</source>
        <translation>The data is encrypted.</translation>
    </message>
    <message>
        <source>&amp;Entsperren</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Speicher:</source>
        <translation>&amp;Store:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Speicher öffnen</source>
        <translation>Open store</translation>
    </message>
    <message numerus="yes">
        <source>Bitte %n Sekunden warten …</source>
        <translation>
            <numerusform>Please wait %n second …</numerusform>
            <numerusform>Please wait %n seconds …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Der nächste Versuch wartet %n Sekunden.</source>
        <translation>
            <numerusform>The next attempt waits %n second.</numerusform>
            <numerusform>The next attempt waits %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Der Speicher wird geöffnet …</source>
        <translation>Opening the store …</translation>
    </message>
    <message>
        <source>Anderen Speicher ö&amp;ffnen …</source>
        <translation>Open an&amp;other store …</translation>
    </message>
    <message>
        <source>Die Passphrase ist falsch.</source>
        <translation>The passphrase is wrong.</translation>
    </message>
    <message>
        <source>Tippen, Eingabe wählt</source>
        <translation>Type, Enter chooses</translation>
    </message>
    <message>
        <source>Gewählt: {names}</source>
        <translation>Chosen: {names}</translation>
    </message>
    <message>
        <source>Nichts gewählt</source>
        <translation>Nothing chosen</translation>
    </message>
    <message>
        <source>gemeldet</source>
        <translation>reported</translation>
    </message>
    <message>
        <source>in Bearbeitung</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>gelöst</source>
        <translation>solved</translation>
    </message>
    <message>
        <source>abgelehnt</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>ein Geburtsdatum</source>
        <extracomment>What the personal-data check found, as the warning names it.</extracomment>
        <translation>a date of birth</translation>
    </message>
    <message>
        <source>eine E-Mail-Adresse</source>
        <translation>an e-mail address</translation>
    </message>
    <message>
        <source>eine Telefonnummer</source>
        <translation>a phone number</translation>
    </message>
    <message>
        <source>ein Name</source>
        <translation>a name</translation>
    </message>
    <message>
        <source>eine Adresse</source>
        <translation>an address</translation>
    </message>
    <message>
        <source>Bedarfs&amp;meldungen</source>
        <translation>Structural &amp;needs</translation>
    </message>
    <message>
        <source>Gemeldet</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Herausforderung</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <source>Fälle</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Neue Meldung (Strg+N)</source>
        <translation>New report (Ctrl+N)</translation>
    </message>
    <message>
        <source>Bitte keine personenbezogenen Daten (Namen, Geburtsdaten, Adressen) in den Text: Er geht in die Berichte der Kreisstelle ein.</source>
        <translation>Please no personal data (names, dates of birth, addresses) in the text: it goes into the district office&apos;s reports.</translation>
    </message>
    <message>
        <source>Status (trägt die Kreisstelle ein)</source>
        <translation>Status (entered by the district office)</translation>
    </message>
    <message>
        <source>Gem&amp;eldet am:</source>
        <translation>Reported &amp;on:</translation>
    </message>
    <message>
        <source>Kommu&amp;ne:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>He&amp;rausforderung:</source>
        <translation>C&amp;hallenge:</translation>
    </message>
    <message>
        <source>Betroffene Fä&amp;lle:</source>
        <translation>&amp;Affected cases:</translation>
    </message>
    <message>
        <source>L&amp;ösung:</source>
        <translation>So&amp;lution:</translation>
    </message>
    <message>
        <source>Gemeldet von einem Gerät: Datum, Kommune, Thema, Herausforderung und Fälle ändert nur das Gerät.</source>
        <translation>Reported on a device: only the device changes date, municipality, topic, challenge and cases.</translation>
    </message>
    <message>
        <source>Status, Lösung und zuständige Stelle trägt die Kreisstelle ein; sie kommen mit ihrer Antwort.</source>
        <translation>The district office enters status, solution and responsible body; they arrive with its reply.</translation>
    </message>
    <message>
        <source>Der Text enthält anscheinend personenbezogene Daten:
{found}

Er geht in die Berichte der Kreisstelle ein. Trotzdem so speichern?</source>
        <translation>The text seems to contain personal data:
{found}

It goes into the district office&apos;s reports. Save it anyway?</translation>
    </message>
    <message>
        <source>Die Bedarfsmeldung vom {day} löschen?</source>
        <translation>Delete the structural need of {day}?</translation>
    </message>
    <message>
        <source>Bedarfsmeldung löschen</source>
        <translation>Delete structural need</translation>
    </message>
    <message>
        <source>Bedarfsmeldung</source>
        <translation>Structural need</translation>
    </message>
    <message>
        <source>&amp;Thema:</source>
        <translation>&amp;Topic:</translation>
    </message>
    <message>
        <source>&amp;Zuständige Stelle:</source>
        <translation>&amp;Responsible body:</translation>
    </message>
    <message>
        <source>Achtung, das sieht nach personenbezogenen Daten aus: {found}</source>
        <translation>Careful, this looks like personal data: {found}</translation>
    </message>
    <message>
        <source>Personenbezogene Daten?</source>
        <translation>Personal data?</translation>
    </message>
    <message>
        <source>Die Bedarfsmeldung wurde gespeichert.</source>
        <translation>The structural need was saved.</translation>
    </message>
    <message>
        <source>&amp;Statistik</source>
        <translation>&amp;Statistics</translation>
    </message>
    <message>
        <source>M&amp;onitoring</source>
        <translation>M&amp;onitoring</translation>
    </message>
    <message>
        <source>A&amp;nwenden</source>
        <translation>A&amp;pply</translation>
    </message>
    <message>
        <source>&amp;von</source>
        <translation>&amp;from</translation>
    </message>
    <message>
        <source>b&amp;is</source>
        <translation>t&amp;o</translation>
    </message>
    <message>
        <source>&amp;Kommune</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <source>&amp;Programm</source>
        <translation>P&amp;rogramme</translation>
    </message>
    <message>
        <source>Gerä&amp;t</source>
        <translation>De&amp;vice</translation>
    </message>
    <message>
        <source>&amp;Zur Veröffentlichung (kleine Zahlen geheim)</source>
        <translation>For p&amp;ublication (small numbers hidden)</translation>
    </message>
    <message>
        <source>Zahlen unter der Mindestfallzahl des Kreises und was sie verriete stehen als „•“; so auch in Excel-Datei, Diagrammen und Foliensatz.</source>
        <translation>Numbers below the county&apos;s minimum and whatever would reveal them are shown as “•”; so too in the Excel file, the charts and the slide deck.</translation>
    </message>
    <message>
        <source>&amp;Excel-Datei …</source>
        <translation>&amp;Excel file …</translation>
    </message>
    <message>
        <source>Diagramme als PNG/P&amp;DF …</source>
        <translation>Charts as PNG/P&amp;DF …</translation>
    </message>
    <message>
        <source>&amp;Foliensatz (PDF) …</source>
        <translation>Slide &amp;deck (PDF) …</translation>
    </message>
    <message>
        <source>Diagramme</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Die Zahlen werden berechnet …</source>
        <translation>Calculating the figures …</translation>
    </message>
    <message>
        <source>Einzelberatungen: {total} (einmalig {one}, Case Management {cm}) · Verweise: {referrals} · Themennennungen: {mentions}</source>
        <translation>Individual consultations: {total} (one-off {one}, case management {cm}) · Referrals: {referrals} · Topic mentions: {mentions}</translation>
    </message>
    <message>
        <source>Statistik als Excel-Datei</source>
        <translation>Statistics as an Excel file</translation>
    </message>
    <message>
        <source>Excel-Dateien (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Die Excel-Datei wird geschrieben …</source>
        <translation>Writing the Excel file …</translation>
    </message>
    <message>
        <source>Diagramme ersetzen</source>
        <translation>Replace charts</translation>
    </message>
    <message>
        <source>In diesem Ordner liegen schon Diagramme. Die früheren Diagramme von KIMdesk ersetzen?</source>
        <translation>This folder already holds charts. Replace the earlier charts from KIMdesk?</translation>
    </message>
    <message numerus="yes">
        <source>%n Dateien in {folder} gespeichert.</source>
        <translation>
            <numerusform>%n file saved in {folder}.</numerusform>
            <numerusform>%n files saved in {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Foliensatz speichern</source>
        <translation>Save slide deck</translation>
    </message>
    <message>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Der Foliensatz wird geschrieben …</source>
        <translation>Writing the slide deck …</translation>
    </message>
    <message>
        <source>Gespeichert: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Ordner für die Diagramme</source>
        <translation>Folder for the charts</translation>
    </message>
    <message>
        <source>Die Diagramme werden geschrieben …</source>
        <translation>Writing the charts …</translation>
    </message>
    <message>
        <source>Beratungen</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Klient:innen</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Gruppenangebote</source>
        <translation>Group offers</translation>
    </message>
    <message>
        <source>Gruppentermine</source>
        <translation>Group sessions</translation>
    </message>
    <message>
        <source>Bedarfsmeldungen</source>
        <translation>Structural needs</translation>
    </message>
    <message>
        <source>&amp;Übertragung</source>
        <translation>T&amp;ransfer</translation>
    </message>
    <message>
        <source>Ordner auf dem USB-Stick</source>
        <translation>Folder on the USB stick</translation>
    </message>
    <message>
        <source>Ordner &amp;wählen …</source>
        <translation>&amp;Choose folder …</translation>
    </message>
    <message>
        <source>&amp;Vollständiges Bundle (alle Daten, z. B. für ein neues Gerät der Kreisstelle)</source>
        <translation>F&amp;ull bundle (all data, e.g. for a new device of the district office)</translation>
    </message>
    <message>
        <source>Bundle auf USB-Stick sch&amp;reiben</source>
        <translation>&amp;Write bundle to USB stick</translation>
    </message>
    <message numerus="yes">
        <source>%Ln geänderte Datensätze warten auf das nächste Bundle ({parts}).</source>
        <translation>
            <numerusform>%Ln changed record waits for the next bundle ({parts}).</numerusform>
            <numerusform>%Ln changed records wait for the next bundle ({parts}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Geschrieben am</source>
        <translation>Written on</translation>
    </message>
    <message>
        <source>wird importiert</source>
        <translation>will be imported</translation>
    </message>
    <message>
        <source>schon importiert</source>
        <translation>already imported</translation>
    </message>
    <message>
        <source>importiert</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>neu</source>
        <translation>new</translation>
    </message>
    <message>
        <source>unverändert</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>veraltet</source>
        <translation>stale</translation>
    </message>
    <message>
        <source>gelöscht</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>&amp;Bundles wählen …</source>
        <translation>Choose &amp;bundles …</translation>
    </message>
    <message>
        <source>&amp;USB-Stick oder Ordner wählen …</source>
        <translation>Choose &amp;USB stick or folder …</translation>
    </message>
    <message>
        <source>Jetzt im&amp;portieren</source>
        <translation>Im&amp;port now</translation>
    </message>
    <message>
        <source>Zusammenfassung &amp;speichern …</source>
        <translation>&amp;Save summary …</translation>
    </message>
    <message>
        <source>Ant&amp;worten für alle Geräte schreiben …</source>
        <translation>&amp;Write replies for all devices …</translation>
    </message>
    <message>
        <source>Jedem Gerät mit Neuigkeiten eine Antwort auf den USB-Stick: welche seiner Bundles angekommen sind.</source>
        <translation>A reply on the USB stick for each device with news: which of its bundles have arrived.</translation>
    </message>
    <message>
        <source>Bundles von einem USB-Stick wählen: zuerst wird geprüft, dann importiert.</source>
        <translation>Choose bundles from a USB stick: they are checked first, then imported.</translation>
    </message>
    <message>
        <source>Datei</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Verweise im Einzelnen</source>
        <translation>Referrals in detail</translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Verweis</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>begleitet</source>
        <translation>accompanied</translation>
    </message>
    <message>
        <source>Empfänger (nur auf diesem Gerät)</source>
        <translation>Recipient (on this device only)</translation>
    </message>
    <message>
        <source>Pfeiltasten wählen, Leertaste hakt „begleitet“ an, F2 ändert das Ergebnis; Tab führt zum Empfänger.</source>
        <translation>Arrow keys choose, Space ticks “accompanied”, F2 changes the outcome; Tab leads to the recipient.</translation>
    </message>
    <message>
        <source>Empfänger für {target}</source>
        <translation>Recipient for {target}</translation>
    </message>
    <message>
        <source>z. B. Jobcenter Siegburg</source>
        <translation>e.g. Jobcenter Siegburg</translation>
    </message>
    <message>
        <source>Grund / Hinweise</source>
        <translation>Reason / notes</translation>
    </message>
    <message>
        <source>Gewählte Bundles</source>
        <translation>Chosen bundles</translation>
    </message>
    <message>
        <source>Importiert am</source>
        <translation>Imported on</translation>
    </message>
    <message>
        <source>Datensätze</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Bisherige Importe</source>
        <translation>Imports so far</translation>
    </message>
    <message>
        <source>Bundles wählen</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <source>KIMdesk-Bundles (*.kimb)</source>
        <translation>KIMdesk bundles (*.kimb)</translation>
    </message>
    <message>
        <source>Ordner mit Bundles</source>
        <translation>Folder with bundles</translation>
    </message>
    <message>
        <source>In diesem Ordner liegen keine Bundles (*.kimb).</source>
        <translation>This folder holds no bundles (*.kimb).</translation>
    </message>
    <message numerus="yes">
        <source>%n Bundles werden geprüft …</source>
        <translation>
            <numerusform>Checking %n bundle …</numerusform>
            <numerusform>Checking %n bundles …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Bundles werden importiert …</source>
        <translation>
            <numerusform>Importing %n bundle …</numerusform>
            <numerusform>Importing %n bundles …</numerusform>
        </translation>
    </message>
    <message>
        <source>Geprüft: {new} Bundles können importiert werden, {rejected} werden abgelehnt. Noch ist nichts geändert.</source>
        <translation>Checked: {new} bundles can be imported, {rejected} are rejected. Nothing has changed yet.</translation>
    </message>
    <message>
        <source>Importiert: {new} Bundles, abgelehnt: {rejected}.</source>
        <translation>Imported: {new} bundles, rejected: {rejected}.</translation>
    </message>
    <message>
        <source>Ordner für die Antworten (USB-Stick)</source>
        <translation>Folder for the replies (USB stick)</translation>
    </message>
    <message>
        <source>Die Antworten werden geschrieben …</source>
        <translation>Writing the replies …</translation>
    </message>
    <message>
        <source>Antwort {n} an {device}: angekommene Bundles {bundles}.</source>
        <translation>Reply {n} to {device}: bundles arrived {bundles}.</translation>
    </message>
    <message>
        <source> Entscheidungen: {n}.</source>
        <translation> Decisions: {n}.</translation>
    </message>
    <message>
        <source>Keine Antwort: {why}</source>
        <translation>No reply: {why}</translation>
    </message>
    <message>
        <source>Es ist kein Gerät eingetragen.</source>
        <translation>No device is enrolled.</translation>
    </message>
    <message>
        <source>Summe: {created} neu, {updated} geändert, {deleted} gelöscht, {conflicts} Konflikte, {rejected} abgelehnt</source>
        <translation>Total: {created} new, {updated} changed, {deleted} deleted, {conflicts} conflicts, {rejected} rejected</translation>
    </message>
    <message>
        <source>Zusammenfassung speichern</source>
        <translation>Save summary</translation>
    </message>
    <message>
        <source>CSV-Dateien (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Umfang</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Bei der Kreisstelle angekommen</source>
        <translation>Arrived at the district office</translation>
    </message>
    <message>
        <source>Fallübergaben</source>
        <translation>Case handovers</translation>
    </message>
    <message>
        <source>Richtung</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Antwort der Kreisstelle &amp;einlesen …</source>
        <translation>Read the district office&apos;s &amp;reply …</translation>
    </message>
    <message>
        <source>Seit dem letzten Bundle</source>
        <translation>Since the last bundle</translation>
    </message>
    <message>
        <source>Bundle für die Kreisstelle schreiben</source>
        <translation>Write a bundle for the district office</translation>
    </message>
    <message>
        <source>Ziel&amp;ordner:</source>
        <translation>Target f&amp;older:</translation>
    </message>
    <message>
        <source>Geschriebene Bundles</source>
        <translation>Bundles written</translation>
    </message>
    <message numerus="yes">
        <source>Dazu %n Fallübergaben oder Bestätigungen.</source>
        <translation>
            <numerusform>Plus %n case handover or confirmation.</numerusform>
            <numerusform>Plus %n case handovers or confirmations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keine geänderten Datensätze.</source>
        <translation>No changed records.</translation>
    </message>
    <message>
        <source>Keine Änderungen: alles ist schon in einem Bundle.</source>
        <translation>No changes: everything is in a bundle already.</translation>
    </message>
    <message numerus="yes">
        <source>(dazu %n gelöscht)</source>
        <translation>
            <numerusform>(and %n deleted)</numerusform>
            <numerusform>(and %n deleted)</numerusform>
        </translation>
    </message>
    <message>
        <source>vollständig</source>
        <translation>full</translation>
    </message>
    <message>
        <source>Verweisziele</source>
        <translation>Referral targets</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Zugangswege</source>
        <translation>Access routes</translation>
    </message>
    <message>
        <source>Abschlussgründe</source>
        <translation>Closing reasons</translation>
    </message>
    <message>
        <source>Gruppenformate</source>
        <translation>Group formats</translation>
    </message>
    <message>
        <source>Kommunen</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>Beratungsarten</source>
        <translation>Kinds of consultation</translation>
    </message>
    <message>
        <source>Aufenthaltsgruppen</source>
        <translation>Residence groups</translation>
    </message>
    <message>
        <source>Einreisezeiträume</source>
        <translation>Arrival periods</translation>
    </message>
    <message>
        <source>Neuer Code</source>
        <translation>New code</translation>
    </message>
    <message>
        <source>z. B. digital (ohne Leerzeichen)</source>
        <translation>e.g. digital (no spaces)</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>&amp;Bezeichnung:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>&amp;Englisch:</source>
        <translation>&amp;English:</translation>
    </message>
    <message>
        <source>Der Code besteht aus Kleinbuchstaben a–z, Ziffern und _, z. B. digital.</source>
        <translation>A code consists of lowercase letters a–z, digits and _, e.g. digital.</translation>
    </message>
    <message>
        <source>Den Code „{code}“ gibt es in diesem Katalog schon; ein Code wird nie ein zweites Mal vergeben.</source>
        <translation>The code “{code}” already exists in this catalogue; a code is never given out twice.</translation>
    </message>
    <message>
        <source>Bitte eine Bezeichnung eingeben.</source>
        <translation>Please enter a label.</translation>
    </message>
    <message>
        <source>Kreis&amp;profil</source>
        <translation>County &amp;profile</translation>
    </message>
    <message>
        <source> Jahre</source>
        <translation> years</translation>
    </message>
    <message>
        <source> Monate</source>
        <translation> months</translation>
    </message>
    <message>
        <source>&amp;Name des Kreises:</source>
        <translation>Na&amp;me of the county:</translation>
    </message>
    <message>
        <source>Aufbe&amp;wahrungsfrist:</source>
        <translation>&amp;Retention period:</translation>
    </message>
    <message>
        <source>Mindest&amp;fallzahl für Veröffentlichungen:</source>
        <translation>Minimum count for p&amp;ublication:</translation>
    </message>
    <message>
        <source>Wiedervor&amp;lage ohne Beratung nach:</source>
        <translation>Fo&amp;llow-up without a consultation after:</translation>
    </message>
    <message>
        <source>Löschfrist nach nur einmaliger &amp;Beratung:</source>
        <translation>Erasure after one-off consultations onl&amp;y:</translation>
    </message>
    <message>
        <source>Löschfrist für r&amp;uhende offene Fälle (ohne Aktivität):</source>
        <translation>Era&amp;sure of dormant open cases (no activity) after:</translation>
    </message>
    <message>
        <source>Ka&amp;talog:</source>
        <translation>Catalo&amp;gue:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Bezeichnung</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Englisch</source>
        <translation>English</translation>
    </message>
    <message>
        <source>seit Version</source>
        <translation>since version</translation>
    </message>
    <message>
        <source>Codes des Katalogs</source>
        <translation>Codes of the catalogue</translation>
    </message>
    <message>
        <source>Code hin&amp;zufügen …</source>
        <translation>Add cod&amp;e …</translation>
    </message>
    <message>
        <source>Stilll&amp;egen</source>
        <translation>Re&amp;tire</translation>
    </message>
    <message>
        <source>Als neue &amp;Version übernehmen</source>
        <translation>Apply as a ne&amp;w version</translation>
    </message>
    <message>
        <source>Änderungen verwe&amp;rfen</source>
        <translation>Disc&amp;ard changes</translation>
    </message>
    <message>
        <source>Änderungen</source>
        <translation>changes</translation>
    </message>
    <message>
        <source>Versionen des Kreisprofils</source>
        <translation>Versions of the county profile</translation>
    </message>
    <message>
        <source>Verlauf:</source>
        <translation>History:</translation>
    </message>
    <message>
        <source>Version {n} des Kreisprofils „{profile}“ ({county}). Die Geräte erhalten eine neue Version mit ihrer nächsten Antwort.</source>
        <translation>Version {n} of the county profile “{profile}” ({county}). Devices receive a new version with their next reply.</translation>
    </message>
    <message>
        <source>stillgelegt</source>
        <translation>retired</translation>
    </message>
    <message>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Noch nicht übernommen: „{code}“ kommt mit der neuen Version.</source>
        <translation>Not applied yet: “{code}” comes with the new version.</translation>
    </message>
    <message>
        <source>Bitte zuerst einen Code in der Liste wählen.</source>
        <translation>Please choose a code in the list first.</translation>
    </message>
    <message>
        <source>Noch nicht übernommen: „{code}“ wird mit der neuen Version stillgelegt.</source>
        <translation>Not applied yet: “{code}” is retired with the new version.</translation>
    </message>
    <message>
        <source>Das Profil ändert nichts; es wurde keine neue Version angelegt.</source>
        <translation>The profile changes nothing; no new version was made.</translation>
    </message>
    <message>
        <source>Version {n} übernommen: {what}</source>
        <translation>Version {n} applied: {what}</translation>
    </message>
    <message>
        <source>noch nicht bestätigt</source>
        <translation>not yet confirmed</translation>
    </message>
    <message>
        <source>übergeben an</source>
        <translation>handed over to</translation>
    </message>
    <message>
        <source>übernommen von</source>
        <translation>taken from</translation>
    </message>
    <message>
        <source>wartet auf das nächste Bundle</source>
        <translation>waiting for the next bundle</translation>
    </message>
    <message>
        <source>mit Bundle {n} unterwegs; wartet auf die Übernahme</source>
        <translation>on its way with bundle {n}; waiting to be taken</translation>
    </message>
    <message>
        <source>abgeschlossen: übernommen, Personendaten hier gelöscht</source>
        <translation>completed: taken, personal data erased here</translation>
    </message>
    <message>
        <source>übernommen; wird mit dem nächsten Bundle bestätigt</source>
        <translation>taken; confirmed with the next bundle</translation>
    </message>
    <message>
        <source>übernommen; bestätigt mit Bundle {n}</source>
        <translation>taken; confirmed with bundle {n}</translation>
    </message>
    <message>
        <source>Antworten der Kreisstelle einlesen</source>
        <translation>Read replies of the district office</translation>
    </message>
    <message>
        <source>Antworten der Kreisstelle (*.kimr)</source>
        <translation>Replies of the district office (*.kimr)</translation>
    </message>
    <message>
        <source>Die Antwort wird geprüft …</source>
        <translation>Checking the reply …</translation>
    </message>
    <message>
        <source>{file}: abgelehnt – {reason}</source>
        <translation>{file}: refused – {reason}</translation>
    </message>
    <message>
        <source>noch keins</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Antwort {n} eingelesen; bei der Kreisstelle angekommen: Bundles {bundles}.</source>
        <translation>Reply {n} read; arrived at the district office: bundles {bundles}.</translation>
    </message>
    <message>
        <source>Antwort {n} war schon eingelesen.</source>
        <translation>Reply {n} had been read already.</translation>
    </message>
    <message>
        <source> Entscheidungen der Kreisstelle übernommen: {n}.</source>
        <translation> Decisions of the district office taken: {n}.</translation>
    </message>
    <message>
        <source> Kreisprofil: Version {n} übernommen.</source>
        <translation> County profile: version {n} taken.</translation>
    </message>
    <message numerus="yes">
        <source> Fallübergabe von {device} übernommen: %n Fälle.</source>
        <translation>
            <numerusform> Case handover from {device} taken: %n case.</numerusform>
            <numerusform> Case handover from {device} taken: %n cases.</numerusform>
        </translation>
    </message>
    <message>
        <source> Übergabe an {device} abgeschlossen; die Personendaten sind hier gelöscht.</source>
        <translation> Handover to {device} completed; the personal data are erased here.</translation>
    </message>
    <message>
        <source>Ordner für das Bundle wählen</source>
        <translation>Choose the folder for the bundle</translation>
    </message>
    <message>
        <source>Bitte zuerst einen Ordner wählen (z. B. den USB-Stick).</source>
        <translation>Please choose a folder first (e.g. the USB stick).</translation>
    </message>
    <message>
        <source>Den Ordner {folder} gibt es nicht.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Das Bundle wird geschrieben …</source>
        <translation>Writing the bundle …</translation>
    </message>
    <message>
        <source>Bundle {seq} geschrieben: {path} ({records} Datensätze).
Bitte bringen Sie den USB-Stick zur Kreisstelle.</source>
        <translation>Bundle {seq} written: {path} ({records} records).
Please bring the USB stick to the district office.</translation>
    </message>
    <message>
        <source>schwach – bitte länger oder mit mehr verschiedenen Zeichen</source>
        <translation>weak – please make it longer or use more different characters</translation>
    </message>
    <message>
        <source>mittel</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>stark</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>Speicher anlegen</source>
        <translation>Create the store</translation>
    </message>
    <message>
        <source>Alle Daten liegen verschlüsselt in einer Datei auf diesem Gerät. Ohne die Passphrase kann niemand sie lesen – auch der Support nicht.</source>
        <translation>All data is kept encrypted in one file on this device. Without the passphrase nobody can read it – not even support.</translation>
    </message>
    <message>
        <source>Bisherige Liste übernehmen</source>
        <translation>Take over the list kept so far</translation>
    </message>
    <message>
        <source>Eine Excel- oder CSV-Liste mit den Spalten Datum, Kommune, Art, Programm, Fall, Themen, Verweise (Dauer, Setting, Sprachmittlung nach Wunsch). Ist eine Zeile fehlerhaft, wird nichts übernommen.</source>
        <translation>An Excel or CSV list with the columns Datum, Kommune, Art, Programm, Fall, Themen, Verweise (Dauer, Setting, Sprachmittlung if you like). If any row is wrong, nothing is taken over.</translation>
    </message>
    <message>
        <source>&amp;Durchsuchen …</source>
        <translation>&amp;Browse …</translation>
    </message>
    <message>
        <source>Fehlerhafte Zeilen &amp;überspringen (sie kommen in eine eigene Datei)</source>
        <translation>&amp;Skip wrong rows (they go into a file of their own)</translation>
    </message>
    <message>
        <source>Beratungen, die schon im Speicher stehen, &amp;trotzdem übernehmen (echte Wiederholungen)</source>
        <translation>Take over consultations already in the store any&amp;way (real repeats)</translation>
    </message>
    <message>
        <source>Ergebnis der Prüfung</source>
        <translation>Result of the check</translation>
    </message>
    <message>
        <source>Über&amp;nehmen</source>
        <translation>&amp;Take over</translation>
    </message>
    <message>
        <source>Listen (*.xlsx *.csv *.ods)</source>
        <translation>Lists (*.xlsx *.csv *.ods)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln Beratungen übernommen.</source>
        <translation>
            <numerusform>%Ln consultation taken over.</numerusform>
            <numerusform>%Ln consultations taken over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Fälle angelegt.</source>
        <translation>
            <numerusform>%Ln case created.</numerusform>
            <numerusform>%Ln cases created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Zeilen übersprungen; die Gründe stehen in {file}.</source>
        <translation>
            <numerusform>%Ln row skipped; the reason is in {file}.</numerusform>
            <numerusform>%Ln rows skipped; the reasons are in {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sind es echte Wiederholungen (zwei Beratungen eines Falls an einem Tag), das Kästchen „trotzdem übernehmen“ ankreuzen.</source>
        <translation>If they are real repeats (two consultations of one case on one day), tick the box “take over anyway”.</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Liste wählen</source>
        <translation>Choose the list</translation>
    </message>
    <message>
        <source>Bitte eine Datei wählen.</source>
        <translation>Please choose a file.</translation>
    </message>
    <message>
        <source>Die Liste wird geprüft und übernommen …</source>
        <translation>Checking and taking over the list …</translation>
    </message>
    <message>
        <source>Nicht übernommene Spalten: {names}</source>
        <translation>Columns not taken over: {names}</translation>
    </message>
    <message>
        <source>… und {n} weitere.</source>
        <translation>… and {n} more.</translation>
    </message>
    <message>
        <source>Speicher&amp;datei:</source>
        <translation>Store &amp;file:</translation>
    </message>
    <message>
        <source>Passphrase &amp;wiederholen:</source>
        <translation>&amp;Repeat passphrase:</translation>
    </message>
    <message>
        <source>Stärke:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Mindestens {n} Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.</source>
        <translation>At least {n} characters. A sentence of several words is easy to remember and hard to guess.</translation>
    </message>
    <message>
        <source>Speicherdatei wählen</source>
        <translation>Choose the store file</translation>
    </message>
    <message>
        <source>KIMdesk-Speicher (*.kdb)</source>
        <translation>KIMdesk stores (*.kdb)</translation>
    </message>
    <message>
        <source>Bitte eine Speicherdatei angeben.</source>
        <translation>Please give a store file.</translation>
    </message>
    <message>
        <source>Die Datei {path} gibt es schon; ein Speicher wird nie überschrieben.</source>
        <translation>The file {path} exists already; a store is never overwritten.</translation>
    </message>
    <message>
        <source>Die Passphrase muss mindestens {n} Zeichen lang sein.</source>
        <translation>The passphrase must be at least {n} characters long.</translation>
    </message>
    <message>
        <source>Die beiden Passphrasen sind verschieden.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Wer arbeitet mit diesem Gerät?</source>
        <translation>Who works with this device?</translation>
    </message>
    <message>
        <source>&amp;Case Management im Rathaus (Beratungen dokumentieren)</source>
        <translation>&amp;Case management in the town hall (document consultations)</translation>
    </message>
    <message>
        <source>K&amp;reisstelle / KIM-Koordination (Bundles zusammenführen)</source>
        <translation>District &amp;office / KIM coordination (merge bundles)</translation>
    </message>
    <message>
        <source>z. B. CM-07 Troisdorf</source>
        <translation>e.g. CM-07 Troisdorf</translation>
    </message>
    <message>
        <source>&amp;Name des Geräts:</source>
        <translation>Device &amp;name:</translation>
    </message>
    <message>
        <source>Pr&amp;ofil (Kreis):</source>
        <translation>Pro&amp;file (district):</translation>
    </message>
    <message>
        <source>Der Name erscheint bei der Kreisstelle in der Liste der Geräte. Bitte keinen Personennamen verwenden.</source>
        <translation>The name appears in the district office’s list of devices. Please do not use a person’s name.</translation>
    </message>
    <message>
        <source>Bitte einen Namen für das Gerät angeben (höchstens 200 Zeichen).</source>
        <translation>Please give a name for the device (at most 200 characters).</translation>
    </message>
    <message>
        <source>Betreute Kommunen</source>
        <translation>Municipalities served</translation>
    </message>
    <message>
        <source>Die erste angehakte Kommune ist das übliche Rathaus: neue Beratungen beginnen mit ihr. Mit Leertaste an- und abhaken.</source>
        <translation>The first ticked municipality is the usual town hall: new consultations start with it. Space ticks and unticks.</translation>
    </message>
    <message>
        <source>&amp;Kommunen:</source>
        <translation>&amp;Municipalities:</translation>
    </message>
    <message>
        <source>Identitätsdatei der Kreisstelle</source>
        <translation>Identity file of the district office</translation>
    </message>
    <message>
        <source>Die Kreisstelle gibt Ihnen ihre Identitätsdatei (…json) und nennt Ihnen am Telefon ihren Fingerabdruck. Bitte vergleichen.</source>
        <translation>The district office gives you its identity file (…json) and tells you its fingerprint by phone. Please compare.</translation>
    </message>
    <message>
        <source>&amp;Datei:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>&amp;Geräte</source>
        <translation>&amp;Devices</translation>
    </message>
    <message>
        <source>Gerät &amp;eintragen …</source>
        <translation>&amp;Enrol device …</translation>
    </message>
    <message>
        <source> Wochen</source>
        <translation> weeks</translation>
    </message>
    <message>
        <source>&amp;Warnen nach:</source>
        <translation>&amp;Warn after:</translation>
    </message>
    <message>
        <source>Gerät</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Hinweis: Die Identitätsdatei hat das alte Format 1; ihr Fingerabdruck deckt Rolle und Name nicht. Das Gerät speichert unter Datei → Identitätsdatei speichern eine neue.</source>
        <extracomment>An identity file of format 1: its fingerprint does not cover the device&apos;s role and name.</extracomment>
        <translation>Note: the identity file has the old format 1; its fingerprint does not cover role and name. The device saves a new one under File → Save identity file.</translation>
    </message>
    <message>
        <source>Fingerabdruck</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Eingetragen am</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <source>Letztes Bundle</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <source>vom</source>
        <translation>of</translation>
    </message>
    <message>
        <source>Lücken</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <source>Eingetragene Geräte</source>
        <translation>Enrolled devices</translation>
    </message>
    <message>
        <source>Nicht vertraut: {names}. Diese Einträge stehen in der Datenbank, tragen aber nicht die Signatur dieser Kreisstelle; ihre Bundles werden abgelehnt, bis das Gerät hier eingetragen wird.</source>
        <translation>Not trusted: {names}. These entries are in the database but do not carry this district office&apos;s signature; their bundles are rejected until the device is enrolled here.</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>noch kein Bundle</source>
        <translation>no bundle yet</translation>
    </message>
    <message>
        <source>seit {weeks} Wochen nichts gesendet</source>
        <translation>nothing sent for {weeks} weeks</translation>
    </message>
    <message>
        <source>Identitätsdatei des Geräts</source>
        <translation>Identity file of the device</translation>
    </message>
    <message>
        <source>Identitätsdateien (*.json)</source>
        <translation>Identity files (*.json)</translation>
    </message>
    <message>
        <source>Gerät eintragen</source>
        <translation>Enrol device</translation>
    </message>
    <message>
        <source>Gerät: {name}
Fingerabdruck: {fingerprint}

Stimmt der Fingerabdruck mit dem überein, den das Gerät anzeigt (Hilfe → Über KIMdesk)? Erst dann eintragen.</source>
        <translation>Device: {name}
Fingerprint: {fingerprint}

Does the fingerprint match the one the device shows (Help → About KIMdesk)? Enrol only then.</translation>
    </message>
    <message>
        <source>{name} ist eingetragen.</source>
        <translation>{name} is enrolled.</translation>
    </message>
    <message>
        <source>{name} war schon eingetragen.</source>
        <translation>{name} was enrolled already.</translation>
    </message>
    <message>
        <source>Die Datei ist keine lesbare Identitätsdatei.</source>
        <translation>The file is not a readable identity file.</translation>
    </message>
    <message>
        <source>Diese Identitätsdatei gehört nicht zu einer Kreisstelle.</source>
        <translation>This identity file does not belong to a district office.</translation>
    </message>
    <message>
        <source>Kreisstelle: {name}
Fingerabdruck: {fingerprint}</source>
        <translation>District office: {name}
Fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <source>Bitte die Identitätsdatei der Kreisstelle wählen.</source>
        <translation>Please choose the identity file of the district office.</translation>
    </message>
    <message>
        <source>Gerät einrichten</source>
        <translation>Set up the device</translation>
    </message>
    <message>
        <source>Der verschlüsselte Speicher wird angelegt …</source>
        <translation>Creating the encrypted store …</translation>
    </message>
    <message>
        <source>Der Speicher ist angelegt: {path}

Fingerabdruck dieses Geräts:</source>
        <translation>The store is created: {path}

Fingerprint of this device:</translation>
    </message>
    <message>
        <source>&amp;Identitätsdatei für die Case-Manager:innen speichern …</source>
        <translation>Save the &amp;identity file for the case managers …</translation>
    </message>
    <message>
        <source>&amp;Identitätsdatei für die Kreisstelle speichern …</source>
        <translation>Save the &amp;identity file for the district office …</translation>
    </message>
    <message>
        <source>Der Speicher konnte nicht angelegt werden: {reason}
Mit „Zurück“ lassen sich die Angaben ändern.</source>
        <translation>The store could not be created: {reason}
“Back” lets you change the entries.</translation>
    </message>
    <message>
        <source>Identitätsdatei speichern</source>
        <translation>Save identity file</translation>
    </message>
    <message>
        <source>KIMdesk einrichten</source>
        <translation>Set up KIMdesk</translation>
    </message>
    <message>
        <source>&amp;Weiter &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Zurück</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Fertig</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Identitätsdatei gespeichert: {path}</source>
        <translation>Identity file saved: {path}</translation>
    </message>
    <message>
        <source>Klient:in</source>
        <extracomment>Each entity: one of it, several of it (the registry&apos;s kinds, all of them).</extracomment>
        <translation>Client</translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>ohne Beratung</source>
        <translation>no consultation</translation>
    </message>
    <message>
        <source>Löschfrist</source>
        <translation>erasure due</translation>
    </message>
    <message>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Heute f&amp;ällig</source>
        <extracomment>Alt+Ä (Gruppenangebote gave the letter up: &quot;&amp;Veranstaltender Träger&quot;); also Ctrl+7.</extracomment>
        <translation>D&amp;ue today</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <extracomment>A case to open in Fälle (its id).</extracomment>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Fällige Wiedervorlagen</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <source>Eingabe oder Doppelklick öffnet den Fall. Eine abgelaufene Löschfrist bestätigen Sie mit Eingabe oder Entf: die Personendaten werden gelöscht, die Beratungen bleiben für die Statistik.</source>
        <translation>Enter or a double click opens the case. Confirm a passed erasure period with Enter or Del: the personal data are erased, the consultations stay for the statistics.</translation>
    </message>
    <message>
        <source>Diese Löschfrist läuft erst am {day} ab; dann kann sie bestätigt werden.</source>
        <translation>This erasure period only ends on {day}; it can be confirmed then.</translation>
    </message>
    <message>
        <source>{name} ({reference}): {reason}

Name, Geburtsdatum, Kontakte, Notizen und Einwilligungen werden endgültig gelöscht; die Beratungen bleiben für die Statistik erhalten.</source>
        <translation>{name} ({reference}): {reason}

Name, date of birth, contacts, notes and consents are erased for good; the consultations stay for the statistics.</translation>
    </message>
    <message>
        <source>Personendaten gelöscht ({reference}).</source>
        <translation>Personal data erased ({reference}).</translation>
    </message>
    <message>
        <source>Überfällig: {overdue} · Heute: {today} · Diese Woche: {week}</source>
        <translation>Overdue: {overdue} · Today: {today} · This week: {week}</translation>
    </message>
    <message>
        <source>Beratung</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Gruppenangebot</source>
        <translation>Group offer</translation>
    </message>
    <message>
        <source>Gruppentermin</source>
        <translation>Group session</translation>
    </message>
    <message>
        <source>gespeicherte</source>
        <translation>stored</translation>
    </message>
    <message>
        <source>eingetroffene</source>
        <translation>incoming</translation>
    </message>
    <message>
        <source>Dauer (min)</source>
        <translation>Duration (min)</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Sprachmittlung</source>
        <translation>Language mediation</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Zuletzt geändert von</source>
        <translation>Last changed by</translation>
    </message>
    <message>
        <source>Geändert am</source>
        <translation>Changed on</translation>
    </message>
    <message>
        <source>Gelöscht</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Lösung</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Zuständige Stelle</source>
        <translation>Responsible body</translation>
    </message>
    <message>
        <source>Termin am</source>
        <translation>Session on</translation>
    </message>
    <message>
        <source>ja</source>
        <extracomment>Fields whose values are catalog codes, by catalog.</extracomment>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source> (begleitet)</source>
        <translation> (accompanied)</translation>
    </message>
    <message>
        <source>&amp;Konflikte</source>
        <translation>&amp;Conflicts</translation>
    </message>
    <message>
        <source>Datensatz</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Altersgruppe</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>Bearbeitet ab Version</source>
        <translation>Edited from version</translation>
    </message>
    <message>
        <source>Erkannt am</source>
        <translation>Detected on</translation>
    </message>
    <message>
        <source>Abweichende Felder</source>
        <translation>Differing fields</translation>
    </message>
    <message>
        <source>Offene Konflikte</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>Keine offenen Konflikte.</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Gespeichert</source>
        <translation>Stored</translation>
    </message>
    <message>
        <source>Eingetroffen</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Die beiden Fassungen, Feld für Feld</source>
        <translation>Both versions, field by field</translation>
    </message>
    <message>
        <source>&amp;Gespeicherte Fassung behalten</source>
        <translation>Keep the &amp;stored version</translation>
    </message>
    <message>
        <source>&amp;Eingetroffene Fassung behalten</source>
        <translation>Keep the &amp;incoming version</translation>
    </message>
    <message numerus="yes">
        <source>%n offene Konflikte. Bitte einen wählen.</source>
        <translation>
            <numerusform>%n open conflict. Please choose it.</numerusform>
            <numerusform>%n open conflicts. Please choose one.</numerusform>
        </translation>
    </message>
    <message>
        <source>{entity} {record}: die {applied} Fassung ist angewendet; die andere ist hier aufbewahrt. Welche soll gelten?</source>
        <translation>{entity} {record}: the {applied} version is applied; the other one is kept here. Which one shall count?</translation>
    </message>
    <message>
        <source>Der Konflikt ist aufgelöst.</source>
        <translation>The conflict is settled.</translation>
    </message>
    <message>
        <source>Datei fehlt</source>
        <translation>file missing</translation>
    </message>
    <message>
        <source>keine gewöhnliche Datei</source>
        <translation>not a regular file</translation>
    </message>
    <message>
        <source>Datei nicht lesbar</source>
        <translation>file not readable</translation>
    </message>
    <message>
        <source>Datei zu groß</source>
        <translation>file too large</translation>
    </message>
    <message>
        <source>kein KIMdesk-Bundle</source>
        <translation>not a KIMdesk bundle</translation>
    </message>
    <message>
        <source>Datei abgeschnitten</source>
        <translation>file truncated</translation>
    </message>
    <message>
        <source>unbekanntes Bundle-Format</source>
        <translation>unknown bundle format</translation>
    </message>
    <message>
        <source>Kopf beschädigt</source>
        <translation>header damaged</translation>
    </message>
    <message>
        <source>Länge stimmt nicht</source>
        <translation>length does not match</translation>
    </message>
    <message>
        <source>Gerät nicht eingetragen</source>
        <translation>device not enrolled</translation>
    </message>
    <message>
        <source>kein Case-Management-Gerät</source>
        <translation>not a case management device</translation>
    </message>
    <message>
        <source>anderer Schlüssel als eingetragen</source>
        <translation>key differs from the enrolled one</translation>
    </message>
    <message>
        <source>Signatur ungültig</source>
        <translation>invalid signature</translation>
    </message>
    <message>
        <source>für eine andere Kreisstelle</source>
        <translation>for another district office</translation>
    </message>
    <message>
        <source>nicht entschlüsselbar</source>
        <translation>cannot be decrypted</translation>
    </message>
    <message>
        <source>Manifest beschädigt</source>
        <translation>manifest damaged</translation>
    </message>
    <message>
        <source>Manifest passt nicht zum Kopf</source>
        <translation>manifest does not match the header</translation>
    </message>
    <message>
        <source>Inhalt beschädigt</source>
        <translation>content damaged</translation>
    </message>
    <message>
        <source>Inhalt zu groß</source>
        <translation>content too large</translation>
    </message>
    <message>
        <source>Anzahl der Datensätze stimmt nicht</source>
        <translation>number of records does not match</translation>
    </message>
    <message>
        <source>Prüfsumme stimmt nicht</source>
        <translation>checksum does not match</translation>
    </message>
    <message>
        <source>Datensatz zu groß</source>
        <translation>record too large</translation>
    </message>
    <message>
        <source>Datensatz kein strenges JSON</source>
        <translation>record is not strict JSON</translation>
    </message>
    <message>
        <source>Datensatz ungültig</source>
        <translation>invalid record</translation>
    </message>
    <message>
        <source>Datensätze falsch sortiert</source>
        <translation>records out of order</translation>
    </message>
    <message>
        <source>von einer neueren KIMdesk-Version</source>
        <translation>from a newer KIMdesk version</translation>
    </message>
    <message>
        <source>Datensätze eines anderen Geräts</source>
        <translation>another installation&apos;s records</translation>
    </message>
    <message>
        <source>Zeit aus der Zukunft</source>
        <translation>time in the future</translation>
    </message>
    <message>
        <source>unbekannter Code</source>
        <translation>unknown code</translation>
    </message>
    <message>
        <source>zu viele Datensätze</source>
        <translation>too many records</translation>
    </message>
    <message>
        <source>zu viel Text</source>
        <translation>too much text</translation>
    </message>
    <message>
        <source>unzulässige Fallübergabe</source>
        <translation>invalid case handover</translation>
    </message>
    <message>
        <source>Bundle-Kennung mit anderem Inhalt</source>
        <translation>bundle id with other content</translation>
    </message>
    <message>
        <source>Kreisbericht schon eingelesen</source>
        <translation>county report already read</translation>
    </message>
    <message>
        <source>Kreisstelle für einen anderen Kreis</source>
        <translation>county office of another county</translation>
    </message>
    <message>
        <source>überschneidender Berichtszeitraum</source>
        <translation>overlapping reporting period</translation>
    </message>
    <message>
        <source>der Beratung vom {day}</source>
        <translation>the consultation of {day}</translation>
    </message>
    <message>
        <source>des Falls vom {day}</source>
        <translation>the case of {day}</translation>
    </message>
    <message>
        <source>der Angaben zur Person</source>
        <translation>the personal details</translation>
    </message>
    <message>
        <source>des Ziels „{topic}“</source>
        <translation>the goal “{topic}”</translation>
    </message>
    <message>
        <source>des Gruppenangebots „{title}“</source>
        <translation>the group offer “{title}”</translation>
    </message>
    <message>
        <source>des Gruppentermins vom {day}</source>
        <translation>the group session of {day}</translation>
    </message>
    <message>
        <source>der Bedarfsmeldung vom {day}</source>
        <translation>the structural need of {day}</translation>
    </message>
    <message>
        <source>des Datensatzes</source>
        <translation>the record</translation>
    </message>
    <message>
        <source>Anlegen</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Änderung</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Abschluss</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Wiederaufnahme</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>{action} {what}</source>
        <translation>{action} {what}</translation>
    </message>
    <message>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Rückgängig: {what}</source>
        <translation>Undo: {what}</translation>
    </message>
    <message>
        <source>Nimmt den letzten Schritt genau zurück (Alt+Rück).</source>
        <translation>Takes back the last step exactly (Alt+Backspace).</translation>
    </message>
    <message>
        <source>Es gibt nichts rückgängig zu machen.</source>
        <translation>There is nothing to undo.</translation>
    </message>
    <message>
        <source>Zurückgenommen: {what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <source> (Alt+Rück)</source>
        <translation> (Alt+Backspace)</translation>
    </message>
    <message>
        <source>wahrgenommen</source>
        <translation>taken up</translation>
    </message>
    <message>
        <source>nicht wahrgenommen</source>
        <translation>not taken up</translation>
    </message>
    <message>
        <source>Notizen</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Geschlecht</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Staatsangehörigkeit</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Aufenthalt</source>
        <translation>Residence status</translation>
    </message>
    <message>
        <source>Einreise</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>Minderjährige im Haushalt</source>
        <translation>Minors in the household</translation>
    </message>
    <message>
        <source>Hauptsprache</source>
        <translation>Main language</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Vorname</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Familienname</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Aktenzeichen</source>
        <translation>File numbers</translation>
    </message>
    <message>
        <source>Eröffnet am</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>Zugangsweg</source>
        <translation>Access route</translation>
    </message>
    <message>
        <source>Abgeschlossen am</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Einwilligung vom</source>
        <translation>Consent of</translation>
    </message>
    <message>
        <source>Wiedervorlage am</source>
        <translation>Follow-up on</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Geplante Termine</source>
        <translation>Planned sessions</translation>
    </message>
    <message>
        <source>Gemeldet am</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>Betroffene Fälle</source>
        <translation>Cases affected</translation>
    </message>
    <message>
        <source>{code} (nicht mehr angeboten)</source>
        <translation>{code} (no longer offered)</translation>
    </message>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>TT.MM.JJJJ oder leer</source>
        <translation>DD.MM.YYYY or empty</translation>
    </message>
    <message>
        <source>Datum: TT.MM.JJJJ, TT.MM.JJ, TTMMJJ, „heute“ (h), +1/-1 Tage, +2w Wochen, +3m Monate. Kalender: Alt+↓</source>
        <translation>Date: DD.MM.YYYY, DD.MM.YY, DDMMYY, “today” (h or t), +1/-1 days, +2w weeks, +3m months. Calendar: Alt+↓</translation>
    </message>
    <message>
        <source>Kalender öffnen (Alt+↓)</source>
        <translation>Open the calendar (Alt+↓)</translation>
    </message>
    <message>
        <source>Datum fehlt.</source>
        <translation>Date missing.</translation>
    </message>
    <message>
        <source>Kalender für {field}</source>
        <translation>Calendar for {field}</translation>
    </message>
    <message>
        <source>schriftlich</source>
        <extracomment>The forms a new consent is recorded in; a consent from before schema 13 has none.</extracomment>
        <translation>in writing</translation>
    </message>
    <message>
        <source>elektronisch</source>
        <translation>electronic</translation>
    </message>
    <message>
        <source>mündlich mit Vermerk</source>
        <translation>oral, with a file note</translation>
    </message>
    <message>
        <source>Form nicht erfasst</source>
        <translation>form not recorded</translation>
    </message>
    <message>
        <source>Name, Geburtsdatum, Anschrift</source>
        <extracomment>``consent.DATA`` for the screen.</extracomment>
        <translation>Name, date of birth, address</translation>
    </message>
    <message>
        <source>Telefon und E-Mail</source>
        <translation>Phone and e-mail</translation>
    </message>
    <message>
        <source>Aufenthaltsstatus und Dokumente</source>
        <translation>Residence status and documents</translation>
    </message>
    <message>
        <source>Beratungsverlauf und Ziele</source>
        <translation>Course of counselling and goals</translation>
    </message>
    <message>
        <source>Angaben zur Gesundheit</source>
        <translation>Health information</translation>
    </message>
    <message>
        <source>Sorgeberechtigte:r {name}</source>
        <translation>Guardian {name}</translation>
    </message>
    <message>
        <source>Klient:in selbst</source>
        <translation>the client</translation>
    </message>
    <message>
        <source>an: {targets}</source>
        <translation>to: {targets}</translation>
    </message>
    <message>
        <source>Daten: {data}</source>
        <translation>data: {data}</translation>
    </message>
    <message>
        <source>gültig bis {day}</source>
        <translation>valid until {day}</translation>
    </message>
    <message>
        <source>widerrufen am {day}</source>
        <translation>withdrawn on {day}</translation>
    </message>
    <message>
        <source>gilt</source>
        <translation>in force</translation>
    </message>
    <message>
        <source>gilt nicht</source>
        <translation>not in force</translation>
    </message>
    <message>
        <source>Einwilligung erfassen</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>die Klient:in selbst</source>
        <translation>the client</translation>
    </message>
    <message>
        <source>die/der Sorgeberechtigte</source>
        <translation>the guardian</translation>
    </message>
    <message>
        <source>Wohin verwiesen werden darf (Leertaste hakt an)</source>
        <translation>Where the client may be referred to (Space ticks)</translation>
    </message>
    <message>
        <source>Welche Daten weitergegeben werden dürfen (Leertaste hakt an)</source>
        <translation>Which data may be passed on (Space ticks)</translation>
    </message>
    <message>
        <source>Pflicht bei mündlicher Einwilligung</source>
        <translation>Required for an oral consent</translation>
    </message>
    <message>
        <source>Einwilligung &amp;am:</source>
        <translation>Consent &amp;on:</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Form:</translation>
    </message>
    <message>
        <source>Eingewilligt &amp;hat:</source>
        <translation>Given &amp;by:</translation>
    </message>
    <message>
        <source>&amp;Name der/des Sorgeberechtigten:</source>
        <translation>Guardian&apos;s &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Verweisziele:</source>
        <translation>Referral &amp;targets:</translation>
    </message>
    <message>
        <source>&amp;Daten:</source>
        <translation>D&amp;ata:</translation>
    </message>
    <message>
        <source>&amp;Gültig bis:</source>
        <translation>&amp;Valid until:</translation>
    </message>
    <message>
        <source>Ver&amp;merk:</source>
        <translation>No&amp;te:</translation>
    </message>
    <message>
        <source>Ohne Geburtsdatum prüft KIMdesk das Alter nicht: ab 15 Jahren willigt die Klient:in selbst ein (§ 36 SGB I).</source>
        <translation>Without a date of birth KIMdesk cannot check the age: from 15 the client consents themselves (§ 36 SGB I).</translation>
    </message>
    <message>
        <source>Die Klient:in ist {age} Jahre alt: sie willigt selbst ein (§ 36 SGB I).</source>
        <translation>The client is {age} years old and consents themselves (§ 36 SGB I).</translation>
    </message>
    <message>
        <source>Die Klient:in ist {age} Jahre alt: es willigt die/der Sorgeberechtigte ein (§ 36 SGB I).</source>
        <translation>The client is {age} years old: the guardian consents (§ 36 SGB I).</translation>
    </message>
    <message>
        <source>Einwilligung widerrufen</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Widerrufen &amp;am:</source>
        <translation>Withdrawn &amp;on:</translation>
    </message>
    <message>
        <source>Ab diesem Tag sind keine neuen Verweise mehr möglich, bis eine neue Einwilligung erfasst ist.</source>
        <translation>From this day no new referrals are possible until a new consent is recorded.</translation>
    </message>
    <message>
        <source>Einwilligungen – nur auf diesem Gerät; übertragen wird nur, ob eine vorliegt</source>
        <translation>Consents – on this device only; only whether one exists is transferred</translation>
    </message>
    <message>
        <source>Einwilligungen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Einwilligung erfassen …</source>
        <translation>Record consent …</translation>
    </message>
    <message>
        <source>Widerrufen …</source>
        <translation>Withdraw …</translation>
    </message>
    <message>
        <source>Keine Einwilligung erfasst.</source>
        <translation>No consent recorded.</translation>
    </message>
    <message>
        <source>Erfasst – wird mit der Klient:in gespeichert (Strg+S).</source>
        <translation>Recorded – saved with the client (Ctrl+S).</translation>
    </message>
    <message>
        <source>Widerruf erfasst – wird mit der Klient:in gespeichert (Strg+S).</source>
        <translation>Withdrawal recorded – saved with the client (Ctrl+S).</translation>
    </message>
    <message>
        <source>&amp;Personalien (Name, Geburtsdatum, statistische Angaben)</source>
        <extracomment>The parts as ticked in the dialog, with their mnemonics (the dialog&apos;s own letters).</extracomment>
        <translation>&amp;Personal details (name, date of birth, statistical attributes)</translation>
    </message>
    <message>
        <source>&amp;Kontaktdaten und Aktenzeichen</source>
        <translation>&amp;Contact details and file numbers</translation>
    </message>
    <message>
        <source>&amp;Ziele</source>
        <translation>&amp;Goals</translation>
    </message>
    <message>
        <source>&amp;Beratungen (Datum, Art, Themen)</source>
        <translation>C&amp;onsultations (date, kind, topics)</translation>
    </message>
    <message>
        <source>&amp;Weitervermittlungen mit Empfänger</source>
        <translation>&amp;Referrals with their recipients</translation>
    </message>
    <message>
        <source>&amp;Notizen</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>&amp;Einwilligungen</source>
        <translation>Con&amp;sents</translation>
    </message>
    <message>
        <source>Fallübersicht drucken</source>
        <translation>Print case summary</translation>
    </message>
    <message>
        <source>Was soll auf das Papier? Die Falldaten stehen immer darin; ohne Personalien nennt die Übersicht die Person nur mit ihrem Kürzel.</source>
        <translation>What goes on paper? The case data always do; without personal details the summary names the person by their short reference only.</translation>
    </message>
</context>
</TS>
