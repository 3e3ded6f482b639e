"""The Arkiv menu's actions that keep data safe, and the checks at start.

`SafetyActions` connects the window's database actions (Säkerhetskopiera nu, Återställ…,
Exportera/Importera ändringar…, Exportera ändringslogg…, Gallra nu). Slow work runs on the
helper thread; its jobs are connected to bound methods of this object only (ui.background).
Restoring a backup lets go of the open database first (through the `Startup` that opened it)
and opens it again afterwards, whether the restore worked or not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from loften_app.domain.records import Actor
from loften_app.ui.background import Background, Job
from loften_app.ui.kinds import RECORD_SECTIONS
from loften_app.ui.safety.preferences import (
    backup_policy,
    partners,
    remember_partner,
    retention_months,
)

if TYPE_CHECKING:
    from loften_app.storage.exchange import ImportPreview, Package
    from loften_app.storage.services import Services
    from loften_app.ui.main_window import MainWindow

#: How long a status bar message of a finished action stays (ms).
STATUS_MS = 15_000


class Reopening(Protocol):
    """What restoring needs from the startup: let go of the database, and open it again."""

    def detach(self, message: str) -> None: ...

    def reopen(self) -> bool: ...


@dataclass(frozen=True)
class Previewed:
    """A package from a paired partner, checked, with what importing it would do."""

    package: Package
    preview: ImportPreview
    changes: tuple[Any, ...]
    refused: tuple[Any, ...]


def _read_and_preview(services: Services, path: Path, trust: str | None = None) -> Any:
    """Runs on the helper thread: the `Previewed` package, or the `Signer` of a package from an
    installation that is not paired (the window asks the user, then calls again with `trust`)."""
    from loften_app.storage.exchange import preview_import
    from loften_app.storage.exchange.signing import UnknownSignerError
    from loften_app.storage.exchange.trust import (
        describe_changes,
        enforce_ownership,
        open_trusted,
    )

    try:
        trusted = open_trusted(services.database, path, trust=trust)
    except UnknownSignerError as unknown:
        return unknown.signer
    package, refused = enforce_ownership(services, trusted)
    preview = preview_import(services, package)
    return Previewed(package, preview, describe_changes(services, package, preview), refused)


def _startup_backup(path: Path, settings_policy: Any) -> Path | None:
    from loften_app.storage.backup import backup_if_due

    return backup_if_due(path, policy=settings_policy)


class SafetyActions(QObject):
    """The safety actions of one window; `attach` gives it the services of the open database."""

    def __init__(
        self,
        window: MainWindow,
        startup: Reopening,
        settings: QSettings,
        background: Background,
        *,
        photo_dir: Path,
        today: Any = dt.date.today,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._startup = startup
        self._settings = settings
        self._background = background
        self._photo_dir = photo_dir
        self._today = today
        self.services: Services | None = None
        self.actor: Actor | None = None
        self._package: Package | None = None
        self._package_name = ""
        self._package_path = Path()
        #: The list of paired installations while it is open (tests answer it).
        self.partners_dialog: QDialog | None = None
        self._restoring: Path | None = None
        #: The import's preview while it is open (tests answer it).
        self.preview_dialog: QDialog | None = None
        self.jobs: list[Job] = []
        actions = window.database_actions
        actions["backup"].triggered.connect(self.backup_now)
        actions["restore"].triggered.connect(self.restore)
        actions["export"].triggered.connect(self.export_changes)
        actions["import"].triggered.connect(self.import_changes)
        actions["partners"].triggered.connect(self.show_partners)
        actions["audit"].triggered.connect(self.export_audit)
        actions["retention"].triggered.connect(self.retention_now)

    def attach(self, services: Services, actor: Actor) -> None:
        self.services = services
        self.actor = actor
        self.window.set_database_actions_enabled(True)

    def detach(self) -> None:
        self.window.set_database_actions_enabled(False)
        self.services = None

    # --- helpers --------------------------------------------------------------------------------

    @property
    def database_path(self) -> Path:
        assert self.services is not None
        return self.services.database.path

    def _run(self, call: Any, succeeded: Any, failed: Any = None) -> Job:
        job = self._background.run(call)
        job.succeeded.connect(succeeded)
        job.failed.connect(failed or self._failed)
        job.done.connect(self._forget)
        self.jobs.append(job)
        return job

    def _forget(self) -> None:
        sender = self.sender()
        self.jobs = [job for job in self.jobs if job is not sender]

    def _status(self, text: str, timeout: int = STATUS_MS) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Det gick inte"), message)

    def _documents(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder) if folder else Path.home()

    # --- at start -------------------------------------------------------------------------------

    def run_startup_tasks(self) -> None:
        """A backup when the newest is more than a day old, then retention: on the helper
        thread; what they did or why they failed goes to the status bar."""
        from loften_app.storage.retention import run_retention

        assert self.services is not None
        self._run(
            partial(_startup_backup, self.database_path, backup_policy(self._settings)),
            self._startup_backup_done,
            self._startup_failed,
        )
        self._run(
            partial(
                run_retention,
                self.services.database,
                actor=self.actor,
                months=retention_months(self._settings),
            ),
            self._startup_retention_done,
            self._startup_failed,
        )

    def _startup_backup_done(self, path: Path | None) -> None:
        if path is not None:
            self._status(self.tr("Säkerhetskopia gjord vid start: %1").replace("%1", path.name))

    def _startup_retention_done(self, result: Any) -> None:
        if result.cases:
            self._status(
                self.tr("Gallring vid start: %1 narkotikaärenden gallrades.").replace(
                    "%1", str(result.cases)
                )
            )
            self.refresh_pages()

    def _startup_failed(self, message: str) -> None:
        self._status(message, 0)

    # --- backup and restore ---------------------------------------------------------------------

    def backup_now(self) -> Job | None:
        from loften_app.storage.backup import make_backup

        if self.services is None:
            return None
        self._status(self.tr("Säkerhetskopierar…"), 0)
        return self._run(
            partial(
                make_backup,
                self.database_path,
                "manual",
                policy=backup_policy(self._settings),
            ),
            self._backed_up,
            self._backup_failed,
        )

    def _backed_up(self, path: Path) -> None:
        self._status(self.tr("Säkerhetskopian är sparad: %1").replace("%1", str(path)))

    def _backup_failed(self, message: str) -> None:
        self._status("")
        self._failed(message)

    def restore(self) -> Job | None:
        """Choose a backup, confirm, and restore it (the current file is kept as a backup)."""
        from loften_app.storage.backup import list_backups, restore_backup
        from loften_app.ui.safety.backups import RestoreDialog

        if self.services is None:
            return None
        path = self.database_path
        dialog = RestoreDialog(list_backups(path), self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        file = dialog.chosen()
        dialog.deleteLater()
        if not accepted or file is None:
            return None
        answer = QMessageBox.question(
            self.window,
            self.tr("Återställ säkerhetskopia"),
            self.tr(
                "Databasen ersätts med innehållet i %1.\n\nDen nuvarande databasen sparas "
                "först som en säkerhetskopia, så du kan gå tillbaka till den. Osparade "
                "ändringar i öppna formulär frågar Löften om först.\n\nVill du återställa?"
            ).replace("%1", file.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        if not self.window.can_leave_all():
            return None
        actor = self.actor
        policy = backup_policy(self._settings)
        self._restoring = file
        self._startup.detach(self.tr("Återställer säkerhetskopian…"))
        return self._run(
            partial(restore_backup, path, file, actor=actor, policy=policy),
            self._restored,
            self._restore_failed,
        )

    def _restored(self, kept: Path | None) -> None:
        if not self._startup.reopen():
            return
        name = self._restoring.name if self._restoring is not None else ""
        text = self.tr("Databasen är återställd från %1.").replace("%1", name)
        if kept is not None:
            text += " " + self.tr("Databasen som den var före är sparad som %1.").replace(
                "%1", kept.name
            )
        self._status(text)
        QMessageBox.information(self.window, self.tr("Säkerhetskopian är återställd"), text)

    def _restore_failed(self, message: str) -> None:
        self._startup.reopen()
        QMessageBox.warning(self.window, self.tr("Kunde inte återställa"), message)

    # --- exchange -------------------------------------------------------------------------------

    def export_changes(self) -> Job | None:
        from loften_app.storage.exchange import SUFFIX, export_changes
        from loften_app.ui.safety.exchange import ExportDialog

        if self.services is None:
            return None
        today = self._today()
        dialog = ExportDialog(partners(self._settings), today, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        partner, since = dialog.partner(), dialog.since()
        dialog.deleteLater()
        if not accepted:
            return None
        suggested = self._documents() / f"loften-ändringar-{today.isoformat()}{SUFFIX}"
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Spara paketet"),
            str(suggested),
            self.tr("Löften-paket (*%1)").replace("%1", SUFFIX),
        )
        if not name:
            return None
        out = Path(name)
        if out.suffix != SUFFIX:
            out = out.with_name(out.name + SUFFIX)
        if partner:
            remember_partner(self._settings, partner)
        self._status(self.tr("Exporterar ändringarna…"), 0)
        return self._run(
            partial(
                export_changes,
                self.services,
                out,
                photo_dir=self._photo_dir,
                partner=partner,
                since=since,
                actor=self.actor,
            ),
            self._exported,
            self._exchange_failed,
        )

    def _exported(self, result: Any) -> None:
        text = (
            self.tr("%1 poster och %2 foton är exporterade till %3.")
            .replace("%1", str(result.records))
            .replace("%2", str(result.photos))
            .replace("%3", str(result.path))
        )
        if result.missing_photos:
            text += " " + self.tr("%1 foton saknades i fotomappen och kom inte med.").replace(
                "%1", str(len(result.missing_photos))
            )
        self._status(text)
        QMessageBox.information(self.window, self.tr("Ändringarna är exporterade"), text)

    def _exchange_failed(self, message: str) -> None:
        self._status("")
        QMessageBox.warning(self.window, self.tr("Paketet"), message)

    def import_changes(self) -> Job | None:
        """Choose a package; it is read, checked and previewed on the helper thread."""
        from loften_app.storage.exchange import SUFFIX

        if self.services is None:
            return None
        name, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Välj paket att importera"),
            str(self._documents()),
            self.tr("Löften-paket (*%1);;Alla filer (*)").replace("%1", SUFFIX),
        )
        if not name:
            return None
        path = Path(name)
        self._package_name = path.name
        self._package_path = path
        self._status(self.tr("Kontrollerar paketet…"), 0)
        return self._run(
            partial(_read_and_preview, self.services, path),
            self._previewed,
            self._import_refused,
        )

    def _ask_to_pair(self, signer: Any) -> None:
        """The first package of an unknown installation: show who it claims to be and the
        fingerprint to compare with the sender; pair and go on only if the user confirms."""
        from loften_app.ui.safety.partners import confirm_pairing

        self._status("")
        confirmed = confirm_pairing(self.window, signer)
        if not confirmed or self.services is None:
            self._status(self.tr("Installationen parades inte. Inget har importerats."))
            return
        self._status(self.tr("Kontrollerar paketet…"), 0)
        self._run(
            partial(_read_and_preview, self.services, self._package_path, trust=signer.fingerprint),
            self._previewed,
            self._import_refused,
        )

    def show_partners(self) -> None:
        from loften_app.ui.safety.partners import PartnersDialog

        if self.services is None:
            return
        dialog = PartnersDialog(self.services.database, self.window)
        self.partners_dialog = dialog
        dialog.exec()
        self.partners_dialog = None
        dialog.deleteLater()

    def _import_refused(self, message: str) -> None:
        self._status("")
        QMessageBox.warning(self.window, self.tr("Paketet kan inte importeras"), message)

    def _previewed(self, found: Any) -> None:
        from loften_app.ui.safety.exchange import ImportPreviewDialog

        self._status("")
        if self.services is None:
            return
        if not isinstance(found, Previewed):
            self._ask_to_pair(found)
            return
        self._package, preview = found.package, found.preview
        dialog = ImportPreviewDialog(
            preview,
            self._package_name,
            self._names(),
            self.window,
            changes=found.changes,
            refused=found.refused,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(self._apply_import)
        dialog.finished.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()

    def _preview_closed(self) -> None:
        dialog = self.preview_dialog
        self.preview_dialog = None
        self._package = None
        if dialog is not None:
            dialog.deleteLater()

    def _apply_import(self) -> None:
        from loften_app.storage.exchange import apply_import
        from loften_app.ui.safety.exchange import ImportPreviewDialog

        dialog = self.preview_dialog
        package = self._package
        if not isinstance(dialog, ImportPreviewDialog) or package is None:
            return
        if self.services is None or self.actor is None:
            return
        self._status(self.tr("Importerar…"), 0)
        self._run(
            partial(
                apply_import,
                self.services,
                package,
                actor=self.actor,
                photo_dir=self._photo_dir,
                resolutions=dialog.resolutions(),
            ),
            self._imported,
            self._import_refused,
        )

    def _imported(self, result: Any) -> None:
        self.refresh_pages()
        text = (
            self.tr(
                "Importen är klar: %1 nya, %2 uppdaterade, %3 sammanslagna fält för fält, "
                "%4 konflikter där värdena här behölls, %5 foton."
            )
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.merged))
            .replace("%4", str(result.kept_local))
            .replace("%5", str(result.photos))
        )
        if result.backup is not None:
            text += " " + self.tr("Säkerhetskopia före importen: %1").replace(
                "%1", result.backup.name
            )
        self._status(text)
        QMessageBox.information(self.window, self.tr("Ändringarna är importerade"), text)

    def _names(self) -> Any:
        from loften_app.ui.lists.names import RegisterNames

        assert self.services is not None
        return RegisterNames.from_services(
            places=self.services.places,
            shops=self.services.shops,
            promises=self.services.promises,
        )

    # --- audit trail and retention --------------------------------------------------------------

    def export_audit(self) -> Job | None:
        from loften_app.storage.audit import export_csv

        if self.services is None:
            return None
        path = self.database_path
        suggested = self._documents() / f"{path.stem}-logg.csv"
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Spara ändringsloggen"),
            str(suggested),
            self.tr("CSV-filer (*.csv)"),
        )
        if not name:
            return None
        self._status(self.tr("Exporterar ändringsloggen…"), 0)
        return self._run(
            partial(export_csv, self.services.database, Path(name)),
            self._audit_exported,
        )

    def _audit_exported(self, count: int) -> None:
        self._status(self.tr("Ändringsloggen är sparad (%1 rader).").replace("%1", str(count)))

    def retention_now(self) -> Job | None:
        from loften_app.storage.retention import run_retention

        if self.services is None:
            return None
        months = retention_months(self._settings)
        answer = QMessageBox.question(
            self.window,
            self.tr("Gallra nu"),
            self.tr(
                "Narkotikaärenden som avslutades för mer än %1 månader sedan förlorar sina "
                "anteckningar och exakta datum. Siffrorna för statistiken finns kvar. "
                "Gallringen kan inte ångras (utom genom att återställa en säkerhetskopia).\n\n"
                "Vill du gallra nu?"
            ).replace("%1", str(months)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self._run(
            partial(run_retention, self.services.database, actor=self.actor, months=months),
            self._retained,
        )

    def _retained(self, result: Any) -> None:
        text = (
            self.tr("Gallring: %1 narkotikaärenden avslutade före %2 gallrades.")
            .replace("%1", str(result.cases))
            .replace("%2", result.closed_before.isoformat())
        )
        self._status(text)
        if result.cases:
            self.refresh_pages()
        QMessageBox.information(self.window, self.tr("Gallra nu"), text)

    # --- refreshing -----------------------------------------------------------------------------

    def refresh_pages(self) -> None:
        """Show what an import or retention changed: every list reads again, the registers
        tell the lookups (pickers) and the overview, and the reports page its periods."""
        from loften_app.ui.overview import OverviewPage
        from loften_app.ui.registers.page import RegistersPage
        from loften_app.ui.reports import ReportsPage
        from loften_app.ui.section import RecordSection

        registers_refreshed = False
        for section in RECORD_SECTIONS:
            page = self.window.page(section.section)
            if isinstance(page, RecordSection):
                page.records.reload()
        registers = self.window.page("registers")
        if isinstance(registers, RegistersPage):
            if not registers.agreement_form.is_dirty():
                registers.reload_agreement()
            places = registers.sections.get("places")
            if places is not None:
                # "records of this register changed": the page invalidates the lookups (every
                # picker and list reads the registers again) and tells the overview.
                places.records_changed.emit()
                registers_refreshed = True
        overview = self.window.page("overview")
        if isinstance(overview, OverviewPage) and not registers_refreshed:
            overview.refresh()
        reports = self.window.page("reports")
        if isinstance(reports, ReportsPage):
            reports.refresh()
