"""The Windows installer, tested under wine: the setup.exe that installer/windows/build-on-wine.sh
built is installed silently for the user into a new wine prefix, and the installed Löften is
used from there alone: the command line (version, a database in the data folder, demo data, a
quarterly report read back with pdftotext, an exchange package from one file into another),
the window on the X display (screenshot, title, stays up), a report in its report viewer, the
Qt libraries every bundled binary links against, and the uninstaller, which keeps the data.

Run by installer/windows/test-on-wine.sh (which .ci/run calls after the test suite), which
builds the installer, starts Xvfb and passes LOFTEN_WINDOWS_SETUP (the setup.exe) and DISPLAY.
Without LOFTEN_WINDOWS_SETUP these tests are skipped: the test suite alone does not build it.

Wine 8.0 stands in for Windows here, with the workarounds in installer/windows/wine-env.sh
(pipes for the standard streams, WMI off, the stand-in icuuc.dll, mscms.dll and
bcryptprimitives.dll in the prefix's system32: never in the bundle, which this module checks).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.installer.linkage import WINDOWS_BINARY, qt_linkage

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
SETUP_VARIABLE = "LOFTEN_WINDOWS_SETUP"
WINE_ENV = ROOT / "installer" / "windows" / "wine-env.sh"
APP_ID = "{46B2BCC3-0A47-477C-B93A-FBC1F6AC334E}_is1"
SCREENSHOTS = ROOT / "screenshots" / "installer"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def windows_path(path: Path) -> str:
    """The path as the Windows program sees it: wine's drive Z: is the Linux root."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.splitlines()[-lines:])


@dataclass(frozen=True)
class Wine:
    """A wine prefix of its own, with the environment of installer/windows/wine-env.sh."""

    prefix: Path
    home: Path

    def env(self, **extra: str) -> dict[str, str]:
        return {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "DISPLAY": os.environ["DISPLAY"],
            "WINEPREFIX": str(self.prefix),
            "WINEARCH": "win64",
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=;wbemprox=d;mscms=n,b",
            **extra,
        }

    def run(
        self, program: Path | str, *args: str, timeout: float = 300, **extra: str
    ) -> subprocess.CompletedProcess[bytes]:
        # Pipes for all three standard streams (wine 8.0 breaks a Windows program's start-up
        # with a regular file as stdin or stdout).
        return subprocess.run(
            ["wine", str(program), *args],
            input=b"",
            capture_output=True,
            env=self.env(**extra),
            timeout=timeout,
            check=False,
        )

    def wait(self) -> None:
        """Until every Windows process in the prefix has ended (and its wineserver with them)."""
        subprocess.run(["wineserver", "-w"], env=self.env(), timeout=600, check=True)

    def keep_server(self) -> None:
        """A wineserver that stays between programs (one that ends a few seconds after the last
        program can kill (-9) a program that starts just then), and the prefix's system
        processes (services.exe, plugplay.exe, rpcss.exe, winedevice.exe, ...) started with it.

        The first Windows program after a server starts launches those system processes, and
        they inherit that program's standard streams and stay as long as the server does: were
        that program one of `run`'s, with pipes, its output would never reach its end and
        `run` would wait for good (the first `reg query` after the install hung so). So they
        start here, from a program whose streams lead nowhere."""
        quiet = {
            "stdin": subprocess.DEVNULL,
            "stdout": subprocess.DEVNULL,
            "stderr": subprocess.DEVNULL,
        }
        subprocess.run(["wineserver", "-p"], env=self.env(), timeout=120, check=True, **quiet)
        subprocess.run(
            ["wine", "cmd", "/c", "exit"], env=self.env(), timeout=300, check=True, **quiet
        )

    def stop_programs(self) -> None:
        """End every Windows program in the prefix, then keep a server again."""
        subprocess.run(["wineserver", "-k"], env=self.env(), timeout=120, check=False)
        self.wait()
        self.keep_server()

    def user_folder(self) -> Path:
        users = [p for p in (self.prefix / "drive_c" / "users").iterdir() if p.name != "Public"]
        assert len(users) == 1, users
        return users[0]

    def registry(self, key: str) -> str:
        found = self.run("reg", "query", key, timeout=120)
        # reg.exe writes to a pipe in the OEM code page (437 under wine here, 850 on a Swedish
        # Windows; ö is the same byte in both).
        return found.stdout.decode("cp437", "replace") if found.returncode == 0 else ""


@dataclass(frozen=True)
class Installed:
    wine: Wine
    work: Path

    @property
    def folder(self) -> Path:  # {localappdata}\Programs\Loften
        return self.wine.user_folder() / "AppData" / "Local" / "Programs" / "Loften"

    @property
    def data(self) -> Path:  # %LOCALAPPDATA%\Loften
        return self.wine.user_folder() / "AppData" / "Local" / "Loften"

    def loften(self, *args: str, timeout: float = 300, **extra: str) -> tuple[int, str]:
        """The installed loften.exe; its exit status and its output. Python writes to a pipe in
        the ANSI code page, cp1252 on a Swedish or English Windows and under wine here."""
        result = self.wine.run(self.folder / "loften.exe", *args, timeout=timeout, **extra)
        output = (result.stdout + result.stderr).decode("cp1252", "replace")
        return result.returncode, output


def setup_exe() -> Path:
    value = os.environ.get(SETUP_VARIABLE)
    if not value:
        pytest.skip(
            f"{SETUP_VARIABLE} is not set: installer/windows/test-on-wine.sh builds the Windows "
            "installer and runs these tests (.ci/run does, after the test suite)"
        )
    setup = Path(value)
    assert setup.is_file(), setup
    return setup


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    setup = setup_exe()
    base = tmp_path_factory.mktemp("windows")
    wine = Wine(prefix=base / "prefix", home=base / "home")
    wine.home.mkdir()
    made = subprocess.run(
        ["bash", "-c", f'source "{WINE_ENV}" && make_prefix "{wine.prefix}"'],
        env=wine.env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    work = base / "work"
    work.mkdir()
    log = work / "setup.log"
    # Silent and per user, as a user without administrator rights would run it.
    result = wine.run(
        setup,
        "/VERYSILENT",
        "/SUPPRESSMSGBOXES",
        "/NORESTART",
        "/CURRENTUSER",
        "/LANG=swedish",
        f"/LOG={windows_path(log)}",
        timeout=900,
    )
    wine.wait()
    setup_log = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    assert result.returncode == 0, tail(setup_log) + result.stdout.decode(errors="replace")
    wine.keep_server()
    try:
        yield Installed(wine=wine, work=work)
    finally:
        subprocess.run(["wineserver", "-k"], env=wine.env(), timeout=120, check=False)
        shutil.rmtree(base, ignore_errors=True)  # about 700 MB


@pytest.fixture(scope="module")
def filled_database(installed: Installed) -> Path:
    database = installed.work / "filipstad.db"
    status, output = installed.loften(
        "new", "--template", "filipstad-2017-2018", "--db", windows_path(database)
    )
    assert status == 0, output
    status, output = installed.loften("demo-data", "--year", "2018", "--db", windows_path(database))
    assert status == 0, output
    assert "Patrullpass" in output
    return database


def known_user(installed: Installed) -> None:
    # QSettings' INI file in %APPDATA%: the first start would ask who is working.
    config = installed.wine.user_folder() / "AppData" / "Roaming" / "Loften"
    config.mkdir(parents=True, exist_ok=True)
    (config / "Loften.ini").write_text(
        "[user]\nname=Anna\norganisation=municipality\n", encoding="utf-8"
    )


def test_the_installer_puts_the_program_in_the_users_programs_folder(installed: Installed) -> None:
    for program in ("loften.exe", "loftenw.exe", "unins000.exe"):
        assert (installed.folder / program).is_file(), program
    assert (installed.folder / "_internal" / "loften_app" / "resources").is_dir()
    menu = installed.wine.user_folder() / "AppData" / "Roaming" / "Microsoft" / "Windows"
    shortcuts = list((menu / "Start Menu" / "Programs").rglob("*.lnk"))
    assert [link.name for link in shortcuts] == ["Löften.lnk"], shortcuts
    # Registered for the user only (HKCU), to be removed under Apps in Settings.
    key = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"
    entry = installed.wine.registry(key)
    assert "DisplayName" in entry and "Löften" in entry, entry
    assert re.search(r"DisplayVersion\s+REG_SZ\s+" + re.escape(PROJECT["version"]), entry), entry


def test_the_installer_speaks_swedish_and_english(installed: Installed) -> None:
    # The install ran with /LANG=swedish, as the wizard of a Swedish Windows does: Inno Setup
    # records the language it ran in (an unknown /LANG would have fallen back to English, the
    # language wine reports).
    key = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"
    entry = installed.wine.registry(key)
    assert re.search(r"Inno Setup: Language\s+REG_SZ\s+swedish", entry), entry
    # Swedish first: the wizard's language where Windows is in neither language.
    iss = (ROOT / "installer" / "windows" / "loften.iss").read_text(encoding="utf-8-sig")
    languages = re.findall(r'^Name: "(\w+)"; MessagesFile', iss, re.MULTILINE)
    assert languages == ["swedish", "english"]


def test_the_bundle_carries_every_qt_library_its_binaries_link_against(
    installed: Installed,
) -> None:
    linkage = qt_linkage(installed.folder, WINDOWS_BINARY)
    assert linkage.missing == {}, linkage.missing
    # The report viewer's extensions were looked at, and need QtPdf (once dropped by the spec).
    internal = "_internal/PySide6/"
    assert "Qt6Pdf.dll" in linkage.links[internal + "QtPdf.pyd"]
    assert "Qt6PdfWidgets.dll" in linkage.links[internal + "QtPdfWidgets.pyd"]
    assert (installed.folder / "_internal" / "PySide6" / "Qt6Pdf.dll").is_file()
    # The stand-ins for wine live in the prefix only, never in what users get.
    names = {path.name.lower() for path in installed.folder.rglob("*.dll")}
    assert not names & {"icuuc.dll", "mscms.dll", "bcryptprimitives.dll"}


def test_the_version_comes_from_pyproject(installed: Installed) -> None:
    status, output = installed.loften("--version")
    assert status == 0, output
    assert output.strip().splitlines()[-1] == f"Löften {PROJECT['version']}"


def test_a_new_database_goes_to_the_data_folder(installed: Installed) -> None:
    status, output = installed.loften("new", "--template", "filipstad-2017-2018")
    assert status == 0, output
    assert (installed.data / "loften.db").is_file(), output


def test_the_installed_program_makes_a_quarterly_report(
    installed: Installed, filled_database: Path
) -> None:
    pdf = installed.work / "kvartal.pdf"
    status, output = installed.loften(
        "report",
        "quarterly",
        "--quarter",
        "2018-Q3",
        "--db",
        windows_path(filled_database),
        "--out",
        windows_path(pdf),
    )
    assert status == 0, output
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # The bundle carries the PDF font: å, ä and ö come back out.
    assert "Kvartalsrapport" in text and "Medborgarlöften Filipstad" in text, text[:500]
    assert "2018 kv 3" in text and "Patrullpass" in text, text[:1500]


def test_an_exchange_package_moves_the_records_into_another_file(
    installed: Installed, filled_database: Path
) -> None:
    package = installed.work / "till-kommunen.loften"
    status, output = installed.loften(
        "exchange", "export", "--db", windows_path(filled_database), "--out", windows_path(package)
    )
    assert status == 0 and package.is_file(), output
    other = installed.work / "kommunen.db"
    status, output = installed.loften(
        "new", "--template", "filipstad-2017-2018", "--db", windows_path(other)
    )
    assert status == 0, output
    command = ("exchange", "import", "--db", windows_path(other), windows_path(package), "--yes")
    # The first package of an unknown installation is refused until its fingerprint, read out
    # by the sender, is confirmed (no terminal here: with --trust).
    status, output = installed.loften(*command)
    found = re.search(r"--trust ([0-9A-F-]+)", output)
    assert status == 1 and found is not None, output
    status, output = installed.loften(*command, "--trust", found.group(1))
    assert status == 0 and "Importerat:" in output, output
    # The other file now tells the same figures as the one the records came from.
    figures = [
        installed.loften("status", "--db", windows_path(db), "--year", "2018")
        for db in (filled_database, other)
    ]
    assert figures[0][0] == 0 and figures[1][0] == 0, figures
    assert "Patrullpass" in figures[0][1] and figures[0][1] == figures[1][1]


def test_the_window_shows_and_stays_up(installed: Installed, filled_database: Path) -> None:
    known_user(installed)
    wal = filled_database.with_name(filled_database.name + "-wal")
    assert not wal.exists()  # the command line closed the database cleanly
    window = subprocess.Popen(
        ["wine", str(installed.folder / "loftenw.exe"), "--db", windows_path(filled_database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=installed.wine.env(),
    )
    try:
        # The window's title names the database; it opens the file after its first paint.
        deadline = time.monotonic() + 240
        titles = ""
        while time.monotonic() < deadline and window.poll() is None:
            titles = x_window_titles()
            if filled_database.name in titles and wal.exists():
                break
            time.sleep(1)
        assert filled_database.name in titles and "ften" in titles, titles
        assert wal.exists()
        time.sleep(5)  # the pages are built; the window must still be there
        assert window.poll() is None
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        screenshot = SCREENSHOTS / "windows-window.png"
        subprocess.run(
            ["import", "-window", "root", str(screenshot)],
            env={**os.environ, "DISPLAY": os.environ["DISPLAY"]},
            timeout=60,
            check=True,
        )
        print(f"screenshot of the window under wine: {screenshot}")
        image = QImage(str(screenshot))
        assert not image.isNull() and image.width() >= 800
        assert window.poll() is None
    finally:
        installed.wine.stop_programs()
        window.wait(timeout=60)


def x_window_titles() -> str:
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], capture_output=True, timeout=30, check=False
    ).stdout
    return tree.decode("utf-8", "replace")


def test_the_report_viewer_shows_a_report(installed: Installed, filled_database: Path) -> None:
    known_user(installed)
    screenshot = installed.work / "report-viewer.png"
    # A copy: the hook ends the process without closing the database.
    database = installed.work / "report-viewer.db"
    shutil.copyfile(filled_database, database)
    # installer/loften_entry.py: make the quarterly report on Rapporter as "Skapa rapport" does,
    # wait for the report viewer (QtPdf) to show it, save the window and exit. loften.exe, the
    # console build of the same program, so the test can read its line.
    status, output = installed.loften(
        "--db",
        windows_path(database),
        timeout=600,
        LOFTEN_EXIT_AFTER_REPORT="1",
        LOFTEN_HOOK_SCREENSHOT=windows_path(screenshot),
    )
    installed.wine.stop_programs()
    assert status == 0, tail(output)
    shown = [line for line in output.splitlines() if line.startswith("report-shown ")]
    assert shown, tail(output)
    _, pages, banner = shown[-1].split(maxsplit=2)
    assert int(pages) >= 2 and "Kvartalsrapport" in banner, shown
    image = QImage(str(screenshot))
    assert not image.isNull() and image.width() >= 800
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(screenshot, SCREENSHOTS / "windows-report-viewer.png")


def test_uninstall_removes_the_program_and_keeps_the_data(installed: Installed) -> None:
    database = installed.data / "loften.db"
    assert database.is_file()
    before = database.read_bytes()
    result = installed.wine.run(
        installed.folder / "unins000.exe", "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"
    )
    assert result.returncode == 0, result.stdout.decode(errors="replace")
    # The uninstaller finishes from a copy of itself in %TEMP%; it removes itself last.
    deadline = time.monotonic() + 300
    while (installed.folder / "unins000.exe").exists() and time.monotonic() < deadline:
        time.sleep(1)
    assert not (installed.folder / "unins000.exe").exists()
    assert not (installed.folder / "loften.exe").exists()
    assert not (installed.folder / "_internal").exists()
    key = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"
    assert "DisplayName" not in installed.wine.registry(key)
    assert database.read_bytes() == before
