; Inno Setup script: KIMdesk for Windows (per-user installation, no admin rights needed).
; Build on a Windows machine, see packaging/windows/README.md.

#define AppName "KIMdesk"
#define AppVersion "0.1.0"

[Setup]
AppId={{6B7F1C3E-2D4A-4E2B-9C8D-5A1B2C3D4E5F}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=KIMdesk
DefaultDirName={localappdata}\Programs\KIMdesk
DefaultGroupName=KIMdesk
PrivilegesRequired=lowest
OutputBaseFilename=KIMdesk-{#AppVersion}-Setup
OutputDir=..\..\dist
SetupIconFile=kimdesk.ico
UninstallDisplayIcon={app}\kimdesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Files]
Source: "..\..\dist\kimdesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\KIMdesk"; Filename: "{app}\kimdesk.exe"
Name: "{userdesktop}\KIMdesk"; Filename: "{app}\kimdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Verknüpfung auf dem Desktop anlegen"; Flags: unchecked

[Run]
Filename: "{app}\kimdesk.exe"; Description: "KIMdesk jetzt starten"; Flags: nowait postinstall skipifsilent

; The store (kimdesk.kdb) lives in the user's data folder and stays on uninstall:
; the encrypted consultations must never disappear with the program.
