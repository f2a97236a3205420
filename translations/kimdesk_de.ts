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
        <source>Über KIMdesk</source>
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
        <source>Angehakte Verweise wurden begleitet.</source>
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
        <source>Rückgängig (Alt+Rück)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nimmt die letzte Speicherung zurück.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dat&amp;um:</source>
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
        <source>{target}: begleitet</source>
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
        <source>Die letzte Speicherung wurde zurückgenommen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suche in Namen, Fallzeichen, Notizen (Strg+F)</source>
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
        <source>Art</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thema</source>
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
        <extracomment>(sort key of the service, header) per column.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klient:in / Fall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verweise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dauer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Beratungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} Beratungen</source>
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
    <message>
        <source>Die Beratung wurde gelöscht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gruppenangebote</source>
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
        <source>&amp;Ansicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hilfe</source>
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
        <source>Noch kein Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letztes Bundle: Nr. {seq} vom {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Be&amp;darfsmeldungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einstellungen</source>
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
        <source>S&amp;tatistik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ü&amp;bertragung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;KIMdesk ist gesperrt&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entsperren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte {seconds} Sekunden warten …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Speicher wird geöffnet …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Passphrase ist falsch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der nächste Versuch wartet {seconds} Sekunden.</source>
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
</context>
</TS>
