<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name></name>
    <message>
        <source>&lt;p&gt;Dokumentation und Monitoring des Kommunalen Integrationsmanagements (KIM NRW).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speicher: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installation: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil: {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerabdruck dieses Geräts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Über KIMdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identitätsdatei gespeichert: {path} (Fingerabdruck {fingerprint})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIMdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ein unerwarteter Fehler ist aufgetreten. Gespeicherte Daten sind nicht betroffen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fälle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name oder Fallzeichen tippen</source>
        <extracomment>The quick-entry letters of the kinds, the same in every language (the docs and the case managers&apos; habits name them); a label&apos;s first letter works too (&quot;o&quot; for One-off).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thema tippen, Eingabe hakt an</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verweis tippen, Eingabe hakt an</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO-Code, z. B. ar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nur auf diesem Gerät, wird nie übertragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speichern (Strg+Eingabe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neu (Strg+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dat&amp;um:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weiblich</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>männlich</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>divers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keine Angabe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mögliche Doppelung</source>
        <extracomment>What the case manager chose.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mögliche Doppelungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erstgespräch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situationsanalyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hilfeplanung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Umsetzung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begleitung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auswertung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abgeschlossen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persönliche Daten – nur auf diesem Gerät, werden nie übertragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vor&amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Famili&amp;enname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geburtsdat&amp;um:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-Ma&amp;il:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ad&amp;resse:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ktenzeichen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noti&amp;zen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO-Code, z. B. SY; XX staatenlos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistische Angaben – werden an die Kreisstelle übertragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geschlecht:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staatsangehörigkeit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aufenthalt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einreise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minderjährige im Haushalt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hauptsprache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wohnort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wann der Fall wieder vorgelegt wird, z. B. +2w für in zwei Wochen; bleibt auf diesem Gerät.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kommune:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Programm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er&amp;öffnet am:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pha&amp;se:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zugangsweg:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiedervor&amp;lage am:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notizen zum Fall:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abgeschlossen am {day}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K&amp;lient:in / Fall:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Themen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verweise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Im Einzelnen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dau&amp;er:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sett&amp;ing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sprachmittlu&amp;ng:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spra&amp;che:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otizen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neue Beratung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratung vom {day} bearbeiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Verweis an {targets} ist von keiner Einwilligung der Klient:in gedeckt, die am Tag der Beratung gilt. Trotzdem speichern? Er steht dann in „Heute fällig“, bis die Einwilligung erfasst oder das Ergebnis eingetragen ist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verweis ohne Einwilligung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratung vom {day} unverändert: nichts gespeichert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>geändert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gespeichert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratung vom {day} {what}. Rückgängig: Alt+Rück</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratungen suchen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suche in Namen, Aktenzeichen, Fallzeichen, Notizen (Strg+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter zurücksetzen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>von</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eingabekontrolle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wer wann welchen Datensatz angelegt, geändert oder gelöscht hat – nur Kennungen, nie Inhalte. Die neuesten {n} Einträge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeitpunkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Als CSV &amp;speichern …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Löschprotokoll speichern …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die persönlichen Daten aller Klient:innen löschen, deren Löschfrist abgelaufen ist (Heute fällig zeigt sie einzeln)? Ruhende offene Fälle werden dabei mit „kein Kontakt“ abgeschlossen. Die Beratungen bleiben für die Statistik erhalten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löschfristen (Kreisprofil): {years} Jahre nach Fallabschluss, {one_off} Monate nach nur einmaliger Beratung, {inactive} Monate bei ruhenden offenen Fällen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personendaten nach &amp;Frist löschen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eingabekontrolle speichern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löschprotokoll speichern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personendaten löschen</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n Datensätze geleert.</source>
        <translation>
            <numerusform>%n Datensatz geleert.</numerusform>
            <numerusform>%n Datensätze geleert.</numerusform>
        </translation>
    </message>
    <message>
        <source>offen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teilweise erreicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>erreicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nicht erreicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verworfen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ziele</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ziel (lokal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ziel in eigenen Worten (bleibt auf diesem Gerät)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ziel speichern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ziel entfernen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neues Ziel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <extracomment>(sort key of the service, header) per column.
----------
The session taken into the entry row to be changed (None: the row adds one).
----------
Fixed values by (entity, field); &quot;*&quot; for any entity. The record fields as the forms label them, so that an error names the field.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klient:in / Fall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themen</source>
        <extracomment>The catalogs a coordinator edits here, with their names in the interface.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verweise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall abschließen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abgeschlossen &amp;am:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grund:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall übergeben</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Die Klient:in geht mit allen ihren Fällen (%n) an das gewählte Gerät: Personendaten, Fälle, Ziele und Notizen, verschlüsselt nur für dieses Gerät. Die Übergabe reist mit dem nächsten Bundle; die Fälle sind hier ab sofort schreibgeschützt. Sobald das Gerät sie übernommen hat, werden die Personendaten hier gelöscht; die Beratungen bleiben für die Statistik.</source>
        <translation>
            <numerusform>Die Klient:in geht mit ihrem Fall an das gewählte Gerät: Personendaten, Fall, Ziele und Notizen, verschlüsselt nur für dieses Gerät. Die Übergabe reist mit dem nächsten Bundle; der Fall ist hier ab sofort schreibgeschützt. Sobald das Gerät ihn übernommen hat, werden die Personendaten hier gelöscht; die Beratungen bleiben für die Statistik.</numerusform>
            <numerusform>Die Klient:in geht mit allen ihren Fällen (%n) an das gewählte Gerät: Personendaten, Fälle, Ziele und Notizen, verschlüsselt nur für dieses Gerät. Die Übergabe reist mit dem nächsten Bundle; die Fälle sind hier ab sofort schreibgeschützt. Sobald das Gerät sie übernommen hat, werden die Personendaten hier gelöscht; die Beratungen bleiben für die Statistik.</numerusform>
        </translation>
    </message>
    <message>
        <source>An &amp;Gerät:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Übergeben</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fälle suchen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suche nach Name, Aktenzeichen, Fallzeichen (Strg+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auch abgeschlossene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuer Fall (Strg+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dauer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speichern (Strg+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall abschließen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personendaten löschen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löscht Namen, Kontaktdaten und Notizen dieser Person; die Beratungen bleiben für die Statistik.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auskunft …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alles, was über diese Person gespeichert ist, als PDF für sie oder als JSON (Art. 15 und 20 DSGVO).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallübersicht drucken …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eine Übersicht des Falls als PDF für die Papierakte oder ein Übergabegespräch, mit den Teilen, die Sie ankreuzen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doppelte prüfen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sucht Klient:innen, die dieselbe Person sein könnten, und führt sie auf Wunsch zusammen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auskunft speichern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF für die Person (*.pdf);;JSON, maschinenlesbar (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auskunft gespeichert: {path}. Sie enthält Personendaten: nur der Person aushändigen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diese Person gibt es vielleicht schon. Den neuen Fall der gewählten Person zuordnen (Ihre Eingaben ergänzen deren leere Angaben) oder doch eine neue Klient:in anlegen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall dieser Person &amp;zuordnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Neue Klient:in anlegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nicht gespeichert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dieses Gerät kennt noch keine anderen Geräte des Kreises; sie kommen mit der nächsten Antwort der Kreisstelle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keine mögliche Doppelung gefunden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diese Klient:innen könnten dieselbe Person sein. Zusammenführen übernimmt Fälle und Beratungen der gewählten Person in diese; deren Angaben ergänzen leere Felder, Notizen, Aktenzeichen und Einwilligungen werden zusammengelegt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mit dieser Person &amp;zusammenführen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zusammenführen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die gewählte Klient:in in diese zusammenführen? Das lässt sich nicht rückgängig machen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zusammengeführt: {cases} Fälle und {visits} Beratungen übernommen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallübersicht speichern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallübersicht gespeichert: {path}. Sie enthält Sozialdaten: vertraulich behandeln.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Übergabe an {device} vorbereitet: %n Fälle. Sie reist mit dem nächsten Bundle.</source>
        <translation>
            <numerusform>Übergabe an {device} vorbereitet: %n Fall. Sie reist mit dem nächsten Bundle.</numerusform>
            <numerusform>Übergabe an {device} vorbereitet: %n Fälle. Sie reist mit dem nächsten Bundle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Beratungen in diesem Fall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall übergeben …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Übergibt die Klient:in mit ihren Fällen an ein anderes Gerät des Kreises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ohne Namen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abgeschlossen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall von {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dieser Fall wurde an {device} übergeben und ist hier schreibgeschützt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuer Fall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Fall wurde gespeichert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, Geburtsdatum, Kontaktdaten, Aktenzeichen und alle Notizen dieser Person und ihrer Fälle endgültig löschen? Die Beratungen und die statistischen Angaben bleiben erhalten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Beratungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diese Beratung gibt es nicht mehr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratung löschen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Beratung vom {day} löschen? Die Löschung wird mit dem nächsten Bundle an die Kreisstelle übertragen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln Beratungen</source>
        <translation>
            <numerusform>%Ln Beratung</numerusform>
            <numerusform>%Ln Beratungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Die Beratung wurde gelöscht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>geplant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>läuft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beendet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abgesagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gruppenangebote</source>
        <extracomment>Most group offers of the town halls are MuKi-S courses.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ausgefallen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teilnahmen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neues Angebot (Strg+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angebot speichern (Strg+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angebot löschen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angebot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geplante T&amp;ermine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Veranstaltender Träger:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teilnehmende</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ausgefalle&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daue&amp;r:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tei&amp;lnehmende:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termin hin&amp;zufügen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter speichert den Termin. In der Tabelle: Enter bearbeitet, Entf löscht den gewählten Termin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termin spei&amp;chern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termin vom {day} wird bearbeitet. Esc bricht ab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termin löschen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term&amp;in am:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stattgefunden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Das Angebot wurde gespeichert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Das Angebot „{title}“ mit allen Terminen löschen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den Termin vom {day} löschen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIMdesk {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Datei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sperren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Einstellungen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Beenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bisherige &amp;Liste übernehmen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ein&amp;gabekontrolle …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identitätsdatei speichern …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ansicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hilfe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tastaturbelegung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ü&amp;ber KIMdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kreisstelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fällig: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Bei %n Klient:innen ist die Löschfrist abgelaufen: bitte in „Heute fällig“ bestätigen (Entf).</source>
        <translation>
            <numerusform>Bei einer Klient:in ist die Löschfrist abgelaufen: bitte in „Heute fällig“ bestätigen (Entf).</numerusform>
            <numerusform>Bei %n Klient:innen ist die Löschfrist abgelaufen: bitte in „Heute fällig“ bestätigen (Entf).</numerusform>
        </translation>
    </message>
    <message>
        <source>Noch kein Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noch kein Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letzter Import: {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letztes Bundle: Nr. {seq} vom {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <extracomment>(keys, where, what it does); the role it applies to (&quot;&quot; for both).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>überall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diese Hilfe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strg+1 … Strg+6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bildschirme wechseln</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Buchstabe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>das Feld oder den Knopf mit dem unterstrichenen Buchstaben ansteuern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab, Umschalt+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formulare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nächstes, voriges Feld (auch aus Datumsfeldern heraus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Rück, Strg+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>überall (Strg+Z außerhalb von Textfeldern)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>den letzten Schritt rückgängig machen, wie Datei → Rückgängig ihn nennt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strg+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sperren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strg+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strg+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h, +1, -1, +2w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datumsfelder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heute, morgen, gestern, in zwei Wochen; auch 171126 oder 17.11.26</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ ↓, Alt+↓ oder F4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>einen Tag vor oder zurück; Kalender öffnen (Pfeile, Eingabe, Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e, c</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratungen: Art</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>einmalige Beratung, Case Management; springt weiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buchstaben, Eingabe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratungen: Themen, Verweise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>das beste Passende anhaken (wo → Wohnen); Rück im leeren Feld hakt ab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strg+Eingabe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speichern und die nächste Beratung beginnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strg+N, Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leeres Formular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strg+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratungen, Fälle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suchen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eingabe, Strg+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liste der Beratungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die gewählte Beratung bearbeiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>löschen (nach einer Rückfrage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strg+N, Strg+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fälle, Gruppenangebote, Bedarfsmeldungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neu, speichern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strg+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bisherige Excel-Liste übernehmen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Erste Schritte im Rathaus&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Beratung erfassen&lt;/b&gt; (Strg+1): Art mit &lt;i&gt;e&lt;/i&gt; oder &lt;i&gt;c&lt;/i&gt;, Klient:in oder Fall tippen, Themen und Verweise tippen und mit Eingabe anhaken, Strg+Eingabe speichert. Datum, Kommune und Programm sind schon ausgefüllt.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Fälle&lt;/b&gt; (Strg+2): Strg+N legt eine Person mit ihrem Fall an. Name, Geburtsdatum, Kontakt und Notizen bleiben auf diesem Gerät; nur die statistischen Angaben gehen an die Kreisstelle.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Gruppenangebote&lt;/b&gt; und &lt;b&gt;Bedarfsmeldungen&lt;/b&gt; (Strg+3, Strg+4) für MuKi-S-Kurse und strukturelle Bedarfe.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Übertragung&lt;/b&gt; (Strg+6): den USB-Stick wählen und das Bundle schreiben; es ist verschlüsselt und signiert. Den Stick zur Kreisstelle bringen.&lt;/li&gt;&lt;li&gt;Eine bisherige Excel-Liste übernimmt Datei → Bisherige Liste übernehmen (Strg+I).&lt;/li&gt;&lt;li&gt;Beim Verlassen des Platzes Strg+L: KIMdesk sperrt sich sonst nach der in den Einstellungen gewählten Zeit von selbst.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Erste Schritte in der Kreisstelle&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Geräte eintragen&lt;/b&gt; (Strg+2): die Identitätsdatei eines Rathaus-Geräts wählen und den Fingerabdruck mit dem vergleichen, den das Gerät selbst zeigt (Hilfe → Über KIMdesk auf dem Gerät).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Import&lt;/b&gt; (Strg+1): den USB-Stick wählen. KIMdesk prüft jedes Bundle zuerst und zeigt, was es ändern würde; erst „Importieren“ übernimmt es.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Konflikte&lt;/b&gt; (Strg+3): wo zwei Fassungen eines Datensatzes abweichen, beide nebeneinander ansehen und eine behalten.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Monitoring&lt;/b&gt; (Strg+4): die Zahlen des Kreises, je Kommune, Programm und Gerät; Excel, Diagramme und Foliensatz. „Zur Veröffentlichung“ hält kleine Zahlen geheim.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Bedarfsmeldungen&lt;/b&gt; (Strg+5): Status, Lösung und zuständige Stelle eintragen.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIMdesk – Hilfe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hilfe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tastaturbelegung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erste Schritte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tastatur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erste Schritte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– keine –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sperren nach:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;prache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Übliches &amp;Rathaus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eine andere Sprache gilt nach dem nächsten Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIMdesk ist gesperrt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Daten sind verschlüsselt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entsperren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speicher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speicher öffnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Bitte %n Sekunden warten …</source>
        <translation>
            <numerusform>Bitte %n Sekunde warten …</numerusform>
            <numerusform>Bitte %n Sekunden warten …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Der nächste Versuch wartet %n Sekunden.</source>
        <translation>
            <numerusform>Der nächste Versuch wartet %n Sekunde.</numerusform>
            <numerusform>Der nächste Versuch wartet %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Der Speicher wird geöffnet …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anderen Speicher ö&amp;ffnen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Passphrase ist falsch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tippen, Eingabe wählt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gewählt: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nichts gewählt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gemeldet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in Bearbeitung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gelöst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abgelehnt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ein Geburtsdatum</source>
        <extracomment>What the personal-data check found, as the warning names it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eine E-Mail-Adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eine Telefonnummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ein Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eine Adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bedarfs&amp;meldungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemeldet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herausforderung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fälle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neue Meldung (Strg+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte keine personenbezogenen Daten (Namen, Geburtsdaten, Adressen) in den Text: Er geht in die Berichte der Kreisstelle ein.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status (trägt die Kreisstelle ein)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem&amp;eldet am:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommu&amp;ne:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>He&amp;rausforderung:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Betroffene Fä&amp;lle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;ösung:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemeldet von einem Gerät: Datum, Kommune, Thema, Herausforderung und Fälle ändert nur das Gerät.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status, Lösung und zuständige Stelle trägt die Kreisstelle ein; sie kommen mit ihrer Antwort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Text enthält anscheinend personenbezogene Daten:
{found}

Er geht in die Berichte der Kreisstelle ein. Trotzdem so speichern?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Bedarfsmeldung vom {day} löschen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bedarfsmeldung löschen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bedarfsmeldung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Thema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zuständige Stelle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achtung, das sieht nach personenbezogenen Daten aus: {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personenbezogene Daten?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Bedarfsmeldung wurde gespeichert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Statistik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;onitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nwenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;von</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>b&amp;is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kommune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Programm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gerä&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zur Veröffentlichung (kleine Zahlen geheim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zahlen unter der Mindestfallzahl des Kreises und was sie verriete stehen als „•“; so auch in Excel-Datei, Diagrammen und Foliensatz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Excel-Datei …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagramme als PNG/P&amp;DF …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Foliensatz (PDF) …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagramme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Zahlen werden berechnet …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einzelberatungen: {total} (einmalig {one}, Case Management {cm}) · Verweise: {referrals} · Themennennungen: {mentions}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistik als Excel-Datei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel-Dateien (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Excel-Datei wird geschrieben …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagramme ersetzen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In diesem Ordner liegen schon Diagramme. Die früheren Diagramme von KIMdesk ersetzen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n Dateien in {folder} gespeichert.</source>
        <translation>
            <numerusform>%n Datei in {folder} gespeichert.</numerusform>
            <numerusform>%n Dateien in {folder} gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Foliensatz speichern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF-Dateien (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Foliensatz wird geschrieben …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gespeichert: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordner für die Diagramme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Diagramme werden geschrieben …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klient:innen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gruppenangebote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gruppentermine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bedarfsmeldungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Übertragung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordner auf dem USB-Stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordner &amp;wählen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vollständiges Bundle (alle Daten, z. B. für ein neues Gerät der Kreisstelle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle auf USB-Stick sch&amp;reiben</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln geänderte Datensätze warten auf das nächste Bundle ({parts}).</source>
        <translation>
            <numerusform>%Ln geänderter Datensatz wartet auf das nächste Bundle ({parts}).</numerusform>
            <numerusform>%Ln geänderte Datensätze warten auf das nächste Bundle ({parts}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geschrieben am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wird importiert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schon importiert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>importiert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unverändert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>veraltet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gelöscht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bundles wählen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;USB-Stick oder Ordner wählen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jetzt im&amp;portieren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zusammenfassung &amp;speichern …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ant&amp;worten für alle Geräte schreiben …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jedem Gerät mit Neuigkeiten eine Antwort auf den USB-Stick: welche seiner Bundles angekommen sind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles von einem USB-Stick wählen: zuerst wird geprüft, dann importiert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verweise im Einzelnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verweis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>begleitet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empfänger (nur auf diesem Gerät)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pfeiltasten wählen, Leertaste hakt „begleitet“ an, F2 ändert das Ergebnis; Tab führt zum Empfänger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empfänger für {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z. B. Jobcenter Siegburg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grund / Hinweise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gewählte Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importiert am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datensätze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bisherige Importe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles wählen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIMdesk-Bundles (*.kimb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordner mit Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In diesem Ordner liegen keine Bundles (*.kimb).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n Bundles werden geprüft …</source>
        <translation>
            <numerusform>%n Bundle wird geprüft …</numerusform>
            <numerusform>%n Bundles werden geprüft …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Bundles werden importiert …</source>
        <translation>
            <numerusform>%n Bundle wird importiert …</numerusform>
            <numerusform>%n Bundles werden importiert …</numerusform>
        </translation>
    </message>
    <message>
        <source>Geprüft: {new} Bundles können importiert werden, {rejected} werden abgelehnt. Noch ist nichts geändert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importiert: {new} Bundles, abgelehnt: {rejected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordner für die Antworten (USB-Stick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Antworten werden geschrieben …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antwort {n} an {device}: angekommene Bundles {bundles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Entscheidungen: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keine Antwort: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Es ist kein Gerät eingetragen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summe: {created} neu, {updated} geändert, {deleted} gelöscht, {conflicts} Konflikte, {rejected} abgelehnt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zusammenfassung speichern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV-Dateien (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Umfang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bei der Kreisstelle angekommen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallübergaben</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richtung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antwort der Kreisstelle &amp;einlesen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seit dem letzten Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle für die Kreisstelle schreiben</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ziel&amp;ordner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geschriebene Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Dazu %n Fallübergaben oder Bestätigungen.</source>
        <translation>
            <numerusform>Dazu %n Fallübergabe oder Bestätigung.</numerusform>
            <numerusform>Dazu %n Fallübergaben oder Bestätigungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keine geänderten Datensätze.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keine Änderungen: alles ist schon in einem Bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(dazu %n gelöscht)</source>
        <translation>
            <numerusform>(dazu %n gelöscht)</numerusform>
            <numerusform>(dazu %n gelöscht)</numerusform>
        </translation>
    </message>
    <message>
        <source>vollständig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verweisziele</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zugangswege</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abschlussgründe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gruppenformate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommunen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratungsarten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aufenthaltsgruppen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einreisezeiträume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuer Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z. B. digital (ohne Leerzeichen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bezeichnung:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Englisch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Code besteht aus Kleinbuchstaben a–z, Ziffern und _, z. B. digital.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den Code „{code}“ gibt es in diesem Katalog schon; ein Code wird nie ein zweites Mal vergeben.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte eine Bezeichnung eingeben.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kreis&amp;profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Jahre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Monate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name des Kreises:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aufbe&amp;wahrungsfrist:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mindest&amp;fallzahl für Veröffentlichungen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiedervor&amp;lage ohne Beratung nach:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löschfrist nach nur einmaliger &amp;Beratung:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löschfrist für r&amp;uhende offene Fälle (ohne Aktivität):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ka&amp;talog:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezeichnung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Englisch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seit Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes des Katalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code hin&amp;zufügen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stilll&amp;egen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Als neue &amp;Version übernehmen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Änderungen verwe&amp;rfen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Änderungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versionen des Kreisprofils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verlauf:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {n} des Kreisprofils „{profile}“ ({county}). Die Geräte erhalten eine neue Version mit ihrer nächsten Antwort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stillgelegt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aktiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noch nicht übernommen: „{code}“ kommt mit der neuen Version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte zuerst einen Code in der Liste wählen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noch nicht übernommen: „{code}“ wird mit der neuen Version stillgelegt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Das Profil ändert nichts; es wurde keine neue Version angelegt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {n} übernommen: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noch nicht bestätigt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>übergeben an</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>übernommen von</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wartet auf das nächste Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mit Bundle {n} unterwegs; wartet auf die Übernahme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abgeschlossen: übernommen, Personendaten hier gelöscht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>übernommen; wird mit dem nächsten Bundle bestätigt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>übernommen; bestätigt mit Bundle {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antworten der Kreisstelle einlesen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antworten der Kreisstelle (*.kimr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Antwort wird geprüft …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: abgelehnt – {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noch keins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antwort {n} eingelesen; bei der Kreisstelle angekommen: Bundles {bundles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antwort {n} war schon eingelesen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Entscheidungen der Kreisstelle übernommen: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Kreisprofil: Version {n} übernommen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> Fallübergabe von {device} übernommen: %n Fälle.</source>
        <translation>
            <numerusform> Fallübergabe von {device} übernommen: %n Fall.</numerusform>
            <numerusform> Fallübergabe von {device} übernommen: %n Fälle.</numerusform>
        </translation>
    </message>
    <message>
        <source> Übergabe an {device} abgeschlossen; die Personendaten sind hier gelöscht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordner für das Bundle wählen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte zuerst einen Ordner wählen (z. B. den USB-Stick).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den Ordner {folder} gibt es nicht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Das Bundle wird geschrieben …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle {seq} geschrieben: {path} ({records} Datensätze).
Bitte bringen Sie den USB-Stick zur Kreisstelle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schwach – bitte länger oder mit mehr verschiedenen Zeichen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mittel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speicher anlegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle Daten liegen verschlüsselt in einer Datei auf diesem Gerät. Ohne die Passphrase kann niemand sie lesen – auch der Support nicht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bisherige Liste übernehmen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eine Excel- oder CSV-Liste mit den Spalten Datum, Kommune, Art, Programm, Fall, Themen, Verweise (Dauer, Setting, Sprachmittlung nach Wunsch). Ist eine Zeile fehlerhaft, wird nichts übernommen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Durchsuchen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fehlerhafte Zeilen &amp;überspringen (sie kommen in eine eigene Datei)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratungen, die schon im Speicher stehen, &amp;trotzdem übernehmen (echte Wiederholungen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ergebnis der Prüfung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Über&amp;nehmen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen (*.xlsx *.csv *.ods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln Beratungen übernommen.</source>
        <translation>
            <numerusform>%Ln Beratung übernommen.</numerusform>
            <numerusform>%Ln Beratungen übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Fälle angelegt.</source>
        <translation>
            <numerusform>%Ln Fall angelegt.</numerusform>
            <numerusform>%Ln Fälle angelegt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Zeilen übersprungen; die Gründe stehen in {file}.</source>
        <translation>
            <numerusform>%Ln Zeile übersprungen; der Grund steht in {file}.</numerusform>
            <numerusform>%Ln Zeilen übersprungen; die Gründe stehen in {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sind es echte Wiederholungen (zwei Beratungen eines Falls an einem Tag), das Kästchen „trotzdem übernehmen“ ankreuzen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liste wählen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte eine Datei wählen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Liste wird geprüft und übernommen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nicht übernommene Spalten: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… und {n} weitere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speicher&amp;datei:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase &amp;wiederholen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stärke:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mindestens {n} Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speicherdatei wählen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIMdesk-Speicher (*.kdb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte eine Speicherdatei angeben.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Datei {path} gibt es schon; ein Speicher wird nie überschrieben.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Passphrase muss mindestens {n} Zeichen lang sein.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die beiden Passphrasen sind verschieden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wer arbeitet mit diesem Gerät?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case Management im Rathaus (Beratungen dokumentieren)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K&amp;reisstelle / KIM-Koordination (Bundles zusammenführen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z. B. CM-07 Troisdorf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name des Geräts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;ofil (Kreis):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Name erscheint bei der Kreisstelle in der Liste der Geräte. Bitte keinen Personennamen verwenden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte einen Namen für das Gerät angeben (höchstens 200 Zeichen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Betreute Kommunen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die erste angehakte Kommune ist das übliche Rathaus: neue Beratungen beginnen mit ihr. Mit Leertaste an- und abhaken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kommunen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identitätsdatei der Kreisstelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Kreisstelle gibt Ihnen ihre Identitätsdatei (…json) und nennt Ihnen am Telefon ihren Fingerabdruck. Bitte vergleichen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Datei:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Geräte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gerät &amp;eintragen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Wochen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warnen nach:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gerät</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hinweis: Die Identitätsdatei hat das alte Format 1; ihr Fingerabdruck deckt Rolle und Name nicht. Das Gerät speichert unter Datei → Identitätsdatei speichern eine neue.</source>
        <extracomment>An identity file of format 1: its fingerprint does not cover the device&apos;s role and name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerabdruck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eingetragen am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letztes Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lücken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eingetragene Geräte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nicht vertraut: {names}. Diese Einträge stehen in der Datenbank, tragen aber nicht die Signatur dieser Kreisstelle; ihre Bundles werden abgelehnt, bis das Gerät hier eingetragen wird.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noch kein Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seit {weeks} Wochen nichts gesendet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identitätsdatei des Geräts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identitätsdateien (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gerät eintragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gerät: {name}
Fingerabdruck: {fingerprint}

Stimmt der Fingerabdruck mit dem überein, den das Gerät anzeigt (Hilfe → Über KIMdesk)? Erst dann eintragen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ist eingetragen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} war schon eingetragen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Datei ist keine lesbare Identitätsdatei.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diese Identitätsdatei gehört nicht zu einer Kreisstelle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kreisstelle: {name}
Fingerabdruck: {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte die Identitätsdatei der Kreisstelle wählen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gerät einrichten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der verschlüsselte Speicher wird angelegt …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Speicher ist angelegt: {path}

Fingerabdruck dieses Geräts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identitätsdatei für die Case-Manager:innen speichern …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identitätsdatei für die Kreisstelle speichern …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Speicher konnte nicht angelegt werden: {reason}
Mit „Zurück“ lassen sich die Angaben ändern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identitätsdatei speichern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIMdesk einrichten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weiter &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Zurück</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fertig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identitätsdatei gespeichert: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klient:in</source>
        <extracomment>Each entity: one of it, several of it (the registry&apos;s kinds, all of them).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ziel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ohne Beratung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löschfrist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einwilligung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heute f&amp;ällig</source>
        <extracomment>Alt+Ä (Gruppenangebote gave the letter up: &quot;&amp;Veranstaltender Träger&quot;); also Ctrl+7.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fällig am</source>
        <extracomment>A case to open in Fälle (its id).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fällige Wiedervorlagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eingabe oder Doppelklick öffnet den Fall. Eine abgelaufene Löschfrist bestätigen Sie mit Eingabe oder Entf: die Personendaten werden gelöscht, die Beratungen bleiben für die Statistik.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diese Löschfrist läuft erst am {day} ab; dann kann sie bestätigt werden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({reference}): {reason}

Name, Geburtsdatum, Kontakte, Notizen und Einwilligungen werden endgültig gelöscht; die Beratungen bleiben für die Statistik erhalten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personendaten gelöscht ({reference}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Überfällig: {overdue} · Heute: {today} · Diese Woche: {week}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gruppenangebot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gruppentermin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gespeicherte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eingetroffene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dauer (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sprachmittlung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zuletzt geändert von</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geändert am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gelöscht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zuständige Stelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termin am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ja</source>
        <extracomment>Fields whose values are catalog codes, by catalog.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (begleitet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Konflikte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datensatz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Altersgruppe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearbeitet ab Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erkannt am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abweichende Felder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offene Konflikte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keine offenen Konflikte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gespeichert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eingetroffen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die beiden Fassungen, Feld für Feld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gespeicherte Fassung behalten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Eingetroffene Fassung behalten</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n offene Konflikte. Bitte einen wählen.</source>
        <translation>
            <numerusform>%n offener Konflikt. Bitte wählen.</numerusform>
            <numerusform>%n offene Konflikte. Bitte einen wählen.</numerusform>
        </translation>
    </message>
    <message>
        <source>{entity} {record}: die {applied} Fassung ist angewendet; die andere ist hier aufbewahrt. Welche soll gelten?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Konflikt ist aufgelöst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datei fehlt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keine gewöhnliche Datei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datei nicht lesbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datei zu groß</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kein KIMdesk-Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datei abgeschnitten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbekanntes Bundle-Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopf beschädigt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Länge stimmt nicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gerät nicht eingetragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kein Case-Management-Gerät</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anderer Schlüssel als eingetragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatur ungültig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>für eine andere Kreisstelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nicht entschlüsselbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest beschädigt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest passt nicht zum Kopf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inhalt beschädigt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inhalt zu groß</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anzahl der Datensätze stimmt nicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prüfsumme stimmt nicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datensatz zu groß</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datensatz kein strenges JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datensatz ungültig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datensätze falsch sortiert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>von einer neueren KIMdesk-Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datensätze eines anderen Geräts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeit aus der Zukunft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbekannter Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zu viele Datensätze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zu viel Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unzulässige Fallübergabe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle-Kennung mit anderem Inhalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kreisbericht schon eingelesen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kreisstelle für einen anderen Kreis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>überschneidender Berichtszeitraum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>der Beratung vom {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>des Falls vom {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>der Angaben zur Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>des Ziels „{topic}“</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>des Gruppenangebots „{title}“</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>des Gruppentermins vom {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>der Bedarfsmeldung vom {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>des Datensatzes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anlegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Änderung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abschluss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiederaufnahme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rückgängig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rückgängig: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nimmt den letzten Schritt genau zurück (Alt+Rück).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Es gibt nichts rückgängig zu machen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zurückgenommen: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (Alt+Rück)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wahrgenommen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nicht wahrgenommen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geschlecht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staatsangehörigkeit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aufenthalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einreise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minderjährige im Haushalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hauptsprache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vorname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Familienname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktenzeichen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eröffnet am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zugangsweg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abgeschlossen am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einwilligung vom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiedervorlage am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Träger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geplante Termine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemeldet am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Betroffene Fälle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} (nicht mehr angeboten)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TT.MM.JJJJ oder leer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum: TT.MM.JJJJ, TT.MM.JJ, TTMMJJ, „heute“ (h), +1/-1 Tage, +2w Wochen, +3m Monate. Kalender: Alt+↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalender öffnen (Alt+↓)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum fehlt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalender für {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schriftlich</source>
        <extracomment>The forms a new consent is recorded in; a consent from before schema 13 has none.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elektronisch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mündlich mit Vermerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form nicht erfasst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, Geburtsdatum, Anschrift</source>
        <extracomment>``consent.DATA`` for the screen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon und E-Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aufenthaltsstatus und Dokumente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beratungsverlauf und Ziele</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angaben zur Gesundheit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorgeberechtigte:r {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klient:in selbst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an: {targets}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daten: {data}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gültig bis {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>widerrufen am {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gilt nicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einwilligung erfassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die Klient:in selbst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die/der Sorgeberechtigte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wohin verwiesen werden darf (Leertaste hakt an)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welche Daten weitergegeben werden dürfen (Leertaste hakt an)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pflicht bei mündlicher Einwilligung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einwilligung &amp;am:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eingewilligt &amp;hat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name der/des Sorgeberechtigten:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verweisziele:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Daten:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gültig bis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ver&amp;merk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ohne Geburtsdatum prüft KIMdesk das Alter nicht: ab 15 Jahren willigt die Klient:in selbst ein (§ 36 SGB I).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Klient:in ist {age} Jahre alt: sie willigt selbst ein (§ 36 SGB I).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Klient:in ist {age} Jahre alt: es willigt die/der Sorgeberechtigte ein (§ 36 SGB I).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einwilligung widerrufen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widerrufen &amp;am:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ab diesem Tag sind keine neuen Verweise mehr möglich, bis eine neue Einwilligung erfasst ist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einwilligungen – nur auf diesem Gerät; übertragen wird nur, ob eine vorliegt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einwilligungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einwilligung erfassen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widerrufen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keine Einwilligung erfasst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erfasst – wird mit der Klient:in gespeichert (Strg+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widerruf erfasst – wird mit der Klient:in gespeichert (Strg+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Personalien (Name, Geburtsdatum, statistische Angaben)</source>
        <extracomment>The parts as ticked in the dialog, with their mnemonics (the dialog&apos;s own letters).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kontaktdaten und Aktenzeichen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ziele</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Beratungen (Datum, Art, Themen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weitervermittlungen mit Empfänger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Einwilligungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallübersicht drucken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was soll auf das Papier? Die Falldaten stehen immer darin; ohne Personalien nennt die Übersicht die Person nur mit ihrem Kürzel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
