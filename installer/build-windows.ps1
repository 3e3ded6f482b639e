# Builds Löften for Windows: the PyInstaller bundle (installer\loften.spec), then the per-user
# installer with Inno Setup (installer\windows\loften.iss). Needs Windows with Python 3.11-3.13
# (the "py" launcher) and Inno Setup 6.4 or newer (it ships Languages\Swedish.isl). On Linux,
# installer/windows/build-on-wine.sh builds the same spec and .iss under wine. From the checkout:
#     powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# Result: dist\loften-<version>-setup.exe. Every build starts from a clean work folder.
param(
    [string]$Python = "py",  # the interpreter that creates the build environment
    [string]$Iscc = ""       # ISCC.exe; found on PATH or in the usual places when empty
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked {
    # Runs a program with the remaining arguments as they are, and stops the build when it fails
    # (native programs do not throw). No param block: "-m" and the like stay plain arguments.
    $program, $rest = $args
    & $program @rest
    if ($LASTEXITCODE -ne 0) { throw "$program failed with exit code $LASTEXITCODE" }
}

# 1. A virtual environment of its own with Löften, its dependencies and PyInstaller (dev extra).
$Venv = Join-Path $Root ".venv"
if (-not (Test-Path "$Venv\Scripts\python.exe")) { Invoke-Checked $Python -m venv $Venv }
$Py = "$Venv\Scripts\python.exe"
Invoke-Checked $Py -m pip install --quiet --upgrade pip
Invoke-Checked $Py -m pip install --quiet -e ".[dev]"

# 2. The compiled translations (git keeps only the .ts sources).
foreach ($ts in Get-ChildItem "resources\translations\*.ts") {
    Invoke-Checked "$Venv\Scripts\pyside6-lrelease.exe" -silent $ts.FullName -qm ($ts.FullName -replace '\.ts$', '.qm')
}

# 3. The version, from pyproject.toml (the spec checks that the installed package agrees).
$Version = (& $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "Could not read the version from pyproject.toml" }

# 4. The one-folder bundle: build\windows\dist\loften\ (loften.exe, loftenw.exe, _internal\).
$Work = Join-Path $Root "build\windows"
if (Test-Path $Work) { Remove-Item -Recurse -Force $Work }
Invoke-Checked $Py -m PyInstaller --noconfirm --clean --distpath "$Work\dist" --workpath "$Work\work" installer\loften.spec
Invoke-Checked "$Work\dist\loften\loften.exe" --version

# 5. The installer: dist\loften-<version>-setup.exe.
if (-not $Iscc) {
    $Iscc = @(
        (Get-Command "iscc.exe" -ErrorAction SilentlyContinue).Source,
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $Iscc) { throw "ISCC.exe (Inno Setup 6) not found: install it or pass -Iscc PATH" }
}
if (-not (Test-Path (Join-Path (Split-Path -Parent $Iscc) "Languages\Swedish.isl"))) {
    throw "Inno Setup at $Iscc has no Languages\Swedish.isl: install Inno Setup 6.4 or newer"
}
Invoke-Checked $Iscc "/DAppVersion=$Version" "/DBundleDir=$Work\dist\loften" "/DOutputDir=$Root\dist" installer\windows\loften.iss
Write-Host "Done: $Root\dist\loften-$Version-setup.exe"
