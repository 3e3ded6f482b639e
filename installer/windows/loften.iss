; Inno Setup 6 script for Löften on Windows: installs for the current user only, without
; administrator rights, into %LOCALAPPDATA%\Programs\Loften, with a start-menu entry. The wizard
; speaks Swedish, or English on an English Windows (the language dialog lets the user choose).
; Built by installer\build-windows.ps1 on Windows and by installer/windows/build-on-wine.sh
; under wine (which also tests it), both passing the version from pyproject.toml and where the
; PyInstaller bundle is:
;   iscc /DAppVersion=0.1.0 /DBundleDir=...\loften /DOutputDir=...\dist installer\windows\loften.iss
; Saved as UTF-8 with a byte-order mark, which is how Inno Setup knows the file is UTF-8.
;
; The user's data never lives in {app}: the databases and backups are in %LOCALAPPDATA%\Loften and
; the settings in %APPDATA%\Loften. The uninstaller removes only what this script installed, so
; uninstalling or upgrading keeps the data; there is deliberately no [UninstallDelete] section.

#ifndef AppVersion
  #error AppVersion is not defined: build with installer\build-windows.ps1
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\windows\dist\loften"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Löften"

[Setup]
; The same AppId in every version: this is how an upgrade finds the installed one.
AppId={{46B2BCC3-0A47-477C-B93A-FBC1F6AC334E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Löften
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
; {localappdata}\Programs is where Windows keeps per-user programs ({autopf} means the same for
; a per-user install on Windows, but wine 8.0 does not expand it).
DefaultDirName={localappdata}\Programs\Loften
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=loften-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\loften.ico
UninstallDisplayIcon={app}\loftenw.exe
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
; The first entry is the default. Inno Setup 6 ships Languages\Swedish.isl.
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's internal folder as a whole: nothing of the old version's
; Python, Qt or Löften stays behind, and no list of files has to be kept by hand.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; loftenw.exe is the window without a console; loften.exe is the command line.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\loftenw.exe"; Comment: "Registrera och följ upp medborgarlöften"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\loftenw.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\loftenw.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
