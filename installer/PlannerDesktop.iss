; Inno Setup script: an installer for the Windows build of 工作要点督办台 (Planner Desktop).
;
;   1. py -m pip install .[build]  and  pyinstaller build.spec   (makes dist\PlannerDesktop\)
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\PlannerDesktop.iss
;      (optionally /DAppVersion=1.2.3; .github/workflows/windows-build.yml passes the
;      version from pyproject.toml)   -> dist\installer\PlannerDesktop-<version>-setup.exe
;
; Installs for the current user only, without administrator rights (most office PCs do not
; give clerks those), into %LOCALAPPDATA%\Programs\PlannerDesktop, with a Start menu
; shortcut and (ticked by default) a desktop shortcut.
;
; The ledger is never touched: it lives in the user data folder
; (%LOCALAPPDATA%\PlannerDesktop\PlannerDesktop\, see planner_desktop/paths.py), which this
; installer neither creates nor lists, so the uninstaller, which removes only the files it
; installed, leaves it and its backups where they are. A data\ folder written beside the
; program in portable mode is likewise left in place. There is no [UninstallDelete] section
; on purpose: do not add one.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "工作要点督办台"
#define AppExe "PlannerDesktop.exe"
#define BuildDir "..\dist\PlannerDesktop"

[Setup]
; Keep AppId unchanged between versions, so a new version updates the installed one.
AppId={{6E0C6C2B-3F1D-4B8E-9A57-2B9F3C8D1E40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PlannerDesktop
DefaultDirName={autopf}\PlannerDesktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=PlannerDesktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The program may be open while an update is installed: ask to close it.
CloseApplications=yes

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder build; never a portable marker or data a test run left in it.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Excludes: "portable.txt,\data\*"; \
    Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; \
    Flags: nowait postinstall skipifsilent
