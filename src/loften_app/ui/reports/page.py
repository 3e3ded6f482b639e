"""Rapporter: choose a report, make it in the background, look at it, open, save or print it.

The report is written by `reports.documents.write_report` on the application's one helper
thread (`ui.background.Background`) into a private temporary folder, then shown with QtPdf.
ReportLab and QtPdf are imported only when the first report is made and shown.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.errors import LoftenError
from loften_app.domain.periods import Period, parse_period, quarters_in
from loften_app.storage.services import Services
from loften_app.ui.agreement_picker import AgreementCombo, span_text
from loften_app.ui.background import Background, Job
from loften_app.ui.changes import Change, ChangeHub
from loften_app.ui.errors import error_message
from loften_app.ui.reports.choices import (
    FOLLOW_UP,
    QUARTERLY,
    Choice,
    default_quarter,
    quarter_text,
)
from loften_app.ui.reports.jobs import (
    ProgressRelay,
    ShownReport,
    copy_whole,
    make_report,
    os_reason,
    save_report_as,
)
from loften_app.ui.reports.printing import print_pdf, printing_problem
from loften_app.ui.settings import (
    REPORT_KIND,
    REPORT_PUBLIC,
    REPORT_QUARTER,
    REPORT_SAVE_FOLDER,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from loften_app.ui.reports.viewer import PdfViewer


_ERROR_STYLE = "color: #b00020;"
_PUBLIC_STYLE = (
    "QLabel#version_banner { background: #dff0d8; color: #1e4620; border: 1px solid #9cc79a;"
    " padding: 6px 10px; font-weight: bold; }"
)
_INTERNAL_STYLE = (
    "QLabel#version_banner { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a;"
    " padding: 6px 10px; font-weight: bold; }"
)


class ReportsPage(QWidget):
    """The Rapporter section: the choices on the left, the report shown on the right.

    Signals:
        report_shown(object): the `ShownReport` just made and put in the viewer.
        report_saved(object): the `Path` a report was saved to as HTML or Word.
        report_failed(str): the message shown when a report could not be made.
    """

    report_shown = Signal(object)
    report_saved = Signal(object)
    report_failed = Signal(str)

    def __init__(
        self,
        services: Services,
        settings: QSettings,
        *,
        background: Background,
        made_by: str,
        today: Callable[[], dt.date] = dt.date.today,
        report_dir: Path | None = None,
        changes: ChangeHub | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("reports")
        if changes is not None:
            changes.changed.connect(self._on_changed)
        self._services = services
        self._settings = settings
        self._background = background
        if background.parent() is None:
            background.setParent(self)  # nobody else holds it: it lives as long as the page
        self._made_by = made_by
        self._today = today
        self._report_dir = report_dir
        self._temporary: tempfile.TemporaryDirectory[str] | None = None
        self._made = 0
        # The written period of the chosen agreement, and the span it covers (with extension).
        self._agreement: Period | None = None
        self._covered: Period | None = None
        self._job: Job | None = None
        self._printer: QPrinter | None = None
        self.shown: ShownReport | None = None
        self.viewer: PdfViewer | None = None
        self.progress_relay = ProgressRelay(self)
        self.progress_relay.changed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._print_problem = printing_problem()

        self._build()
        self._restore()
        self.refresh()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        panel = QFrame()
        panel.setObjectName("report_choices")
        panel.setFixedWidth(300)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(panel)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(6)

        heading = QLabel(self.tr("Rapporter"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        column.addWidget(self._caption(self.tr("Överenskommelse")))
        self.agreement_combo = AgreementCombo()
        self.agreement_combo.setToolTip(
            self.tr("Överenskommelsen som rapporten gäller; den som gäller nu står först.")
        )
        column.addWidget(self.agreement_combo)
        self.agreement_label = QLabel()
        self.agreement_label.setObjectName("report_agreement")
        self.agreement_label.setWordWrap(True)
        column.addWidget(self.agreement_label)
        column.addSpacing(8)

        column.addWidget(self._caption(self.tr("Rapport")))
        self.kind_group = QButtonGroup(self)
        self.quarterly_radio = QRadioButton(self.tr("Kvartalsrapport"))
        self.quarterly_radio.setToolTip(
            self.tr("Kvartalet och året hittills mot målen, för styrgruppen.")
        )
        self.follow_up_radio = QRadioButton(self.tr("Uppföljning"))
        self.follow_up_radio.setToolTip(
            self.tr("Hela överenskommelsens period: mål mot resultat för varje löfte.")
        )
        for index, radio in enumerate((self.quarterly_radio, self.follow_up_radio)):
            self.kind_group.addButton(radio, index)
            column.addWidget(radio)

        column.addSpacing(6)
        column.addWidget(self._caption(self.tr("Kvartal")))
        self.quarter_combo = QComboBox()
        self.quarter_combo.setObjectName("quarter_combo")
        self.quarter_combo.setAccessibleName(self.tr("Kvartal"))
        column.addWidget(self.quarter_combo)
        self.period_label = QLabel()
        self.period_label.setObjectName("report_period")
        self.period_label.setWordWrap(True)
        column.addWidget(self.period_label)

        column.addSpacing(6)
        column.addWidget(self._caption(self.tr("Version")))
        self.version_group = QButtonGroup(self)
        self.internal_radio = QRadioButton(self.tr("Intern"))
        self.public_radio = QRadioButton(self.tr("Offentlig"))
        for index, radio in enumerate((self.internal_radio, self.public_radio)):
            self.version_group.addButton(radio, index)
            column.addWidget(radio)
        self.version_hint = QLabel()
        self.version_hint.setObjectName("version_hint")
        self.version_hint.setWordWrap(True)
        column.addWidget(self.version_hint)

        column.addSpacing(10)
        self.make_button = QPushButton(self.tr("Skapa rapport"))
        self.make_button.setObjectName("make_report")
        self.make_button.setToolTip(self.tr("Skapa rapporten (Ctrl+Enter)"))
        self.make_button.setDefault(True)
        column.addWidget(self.make_button)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("report_progress")
        self.progress_bar.setTextVisible(False)
        keep_place = self.progress_bar.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # the buttons below do not jump
        self.progress_bar.setSizePolicy(keep_place)
        self.progress_bar.hide()
        column.addWidget(self.progress_bar)
        self.message_label = QLabel()
        self.message_label.setObjectName("report_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.message_label)

        column.addSpacing(10)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        column.addWidget(line)
        self.open_button = QPushButton(self.tr("Öppna i PDF-läsare"))
        self.open_button.setToolTip(self.tr("Öppna rapporten i datorns program för PDF-filer"))
        self.save_button = QPushButton(self.tr("Spara som…"))
        self.save_button.setToolTip(self.tr("Spara en kopia av rapporten (Ctrl+S)"))
        self.print_button = QPushButton(self.tr("Skriv ut…"))
        self.print_button.setToolTip(self.tr("Skriv ut rapporten (Ctrl+P)"))
        # Saving as a web page or a Word document makes the report again in that format.
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("save_format")
        self.format_combo.setAccessibleName(self.tr("Spara i format"))
        self.format_combo.setToolTip(
            self.tr("PDF; webbsida (HTML) att publicera på webben; Word att redigera")
        )
        for text, value in (
            (self.tr("PDF"), "pdf"),
            (self.tr("Webbsida (HTML)"), "html"),
            (self.tr("Word (DOCX)"), "docx"),
        ):
            self.format_combo.addItem(text, value)
        column.addWidget(self.open_button)
        column.addWidget(self._caption(self.tr("Spara i format")))
        column.addWidget(self.format_combo)
        for button in (self.save_button, self.print_button):
            column.addWidget(button)
        self.print_note = QLabel(self._print_problem or "")
        self.print_note.setObjectName("print_note")
        self.print_note.setWordWrap(True)
        self.print_note.setVisible(self._print_problem is not None)
        self.print_button.setVisible(self._print_problem is None)
        column.addWidget(self.print_note)
        column.addStretch(1)

        self.version_banner = QLabel()
        self.version_banner.setObjectName("version_banner")
        self.version_banner.setWordWrap(True)
        self.version_banner.hide()
        self.placeholder = QLabel(self._placeholder_text())
        self.placeholder.setObjectName("report_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.version_banner)
        right.addWidget(self.stack, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # On a small screen (1366×768 at 150 %) the choices scroll instead of squeezing texts.
        choices = QScrollArea()
        choices.setObjectName("report_choices_scroll")
        choices.setWidget(panel)
        choices.setWidgetResizable(True)
        choices.setFrameShape(QFrame.Shape.NoFrame)
        choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        choices.setFixedWidth(panel.width() + choices.verticalScrollBar().sizeHint().width())
        panel.setMinimumHeight(panel.sizeHint().height())
        layout.addWidget(choices)
        layout.addLayout(right, 1)

        self.kind_group.idToggled.connect(self._on_choice_changed)
        self.version_group.idToggled.connect(self._on_choice_changed)
        self.quarter_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.agreement_combo.currentIndexChanged.connect(self._on_agreement_chosen)
        self.make_button.clicked.connect(self.make)
        self.open_button.clicked.connect(self.open_external)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_report)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.make)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)

    def _placeholder_text(self) -> str:
        return self.tr("Välj rapport, period och version och tryck på ”Skapa rapport”.")

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    # --- choices ------------------------------------------------------------------------------

    def _on_changed(self, change: Change, _origin: object) -> None:
        if (change.agreement or change.everything) and not self.busy():
            self.refresh()

    def refresh(self) -> None:
        """Read the agreements again (one may have been changed or renewed under Register)."""
        listing = self._services.agreements.listing(self._today())
        self.agreement_combo.fill(listing, keep=self.agreement_combo.chosen_id())
        self.agreement_combo.setEnabled(bool(listing))
        self._fill_quarters()

    def _on_agreement_chosen(self) -> None:
        self._fill_quarters()
        self._on_choice_changed()

    def _fill_quarters(self) -> None:
        """The quarters of the chosen agreement's covered span (its extension up to today)."""
        chosen = self.agreement_combo.chosen()
        period = (
            None
            if chosen is None
            else Period(chosen.agreement.data.period_start, chosen.agreement.data.period_end)
        )
        covered = None if chosen is None else chosen.covered
        self.agreement_label.setText(
            f"{chosen.agreement.data.title}\n{span_text(chosen)}"
            if chosen is not None
            else self.tr(
                "Databasen har ingen överenskommelse. Lägg in den under Register innan du "
                "skapar en rapport."
            )
        )
        self._agreement = period
        if covered != self._covered or self.quarter_combo.count() == 0:
            wanted = self.quarter_combo.currentData() or REPORT_QUARTER.read(self._settings)
            self._covered = covered
            self.quarter_combo.blockSignals(True)
            self.quarter_combo.clear()
            if covered is not None:
                for quarter in quarters_in(covered):
                    self.quarter_combo.addItem(quarter_text(quarter), quarter.key)
                index = self.quarter_combo.findData(wanted)
                if index < 0:
                    index = self.quarter_combo.findData(default_quarter(covered, self._today()).key)
                self.quarter_combo.setCurrentIndex(max(index, 0))
            self.quarter_combo.blockSignals(False)
        self._update_controls()

    def choice(self) -> Choice | None:
        """What the choices on the left ask for; None without an agreement."""
        if self._agreement is None:
            return None
        kind = QUARTERLY if self.quarterly_radio.isChecked() else FOLLOW_UP
        key = self.quarter_combo.currentData()
        quarter = parse_period(key) if kind == QUARTERLY and key else None
        return Choice(
            kind=kind,
            public=self.public_radio.isChecked(),
            quarter=quarter,
            agreement=self.agreement_combo.chosen_id(),
        )

    def _restore(self) -> None:
        kind = REPORT_KIND.read(self._settings)
        (self.follow_up_radio if kind == FOLLOW_UP else self.quarterly_radio).setChecked(True)
        public = REPORT_PUBLIC.read(self._settings)
        (self.public_radio if public else self.internal_radio).setChecked(True)

    def _on_choice_changed(self, *_args: Any) -> None:
        choice = self.choice()
        if choice is not None:
            REPORT_KIND.write(self._settings, choice.kind)
            REPORT_PUBLIC.write(self._settings, choice.public)
            if self.quarter_combo.currentData():
                REPORT_QUARTER.write(self._settings, str(self.quarter_combo.currentData() or ""))
        self._clear_if_stale()
        self._update_controls()

    def _matches_choices(self, shown: ShownReport) -> bool:
        """Whether `shown` is what the choices ask for now (same agreement, kind, version and
        quarter)."""
        return shown.agreement == self._agreement and shown.choice == self.choice()

    def _clear_if_stale(self) -> None:
        """Take a shown report away as soon as the choices no longer match it, so that the
        document, its banner and "Spara som…" never disagree with what is chosen."""
        if self.shown is None or self._matches_choices(self.shown):
            return
        self.shown = None
        self.version_banner.hide()
        self.placeholder.setText(self._placeholder_text())
        self.stack.setCurrentWidget(self.placeholder)
        self._show_message(self.tr("Valen har ändrats: skapa rapporten igen."))

    def _update_controls(self) -> None:
        busy = self._job is not None
        has_agreement = self._agreement is not None
        quarterly = self.quarterly_radio.isChecked()
        for widget in (
            self.quarterly_radio,
            self.follow_up_radio,
            self.internal_radio,
            self.public_radio,
        ):
            widget.setEnabled(not busy and has_agreement)
        self.agreement_combo.setEnabled(not busy and has_agreement)
        self.quarter_combo.setEnabled(not busy and has_agreement and quarterly)
        self.make_button.setEnabled(not busy and has_agreement)
        for button in (self.open_button, self.save_button, self.print_button):
            button.setEnabled(not busy and self.shown is not None)

        choice = self.choice()
        if self._agreement is None or choice is None:
            self.period_label.setText("")
        elif choice.quarter is not None:
            self.period_label.setText(self._period_text(choice.quarter))
        else:
            self.period_label.setText(
                self.tr("Hela överenskommelsen: %1").replace(
                    "%1", self._period_text(self._agreement)
                )
            )
        self.version_hint.setText(
            self.tr(
                "Utan fritext och ärendekoder; narkotikaärenden redovisas bara för hela "
                "perioden i uppföljningen, och antal under 5 visas inte. För webben och pressen."
            )
            if self.public_radio.isChecked()
            else self.tr("Med anteckningar och ärendekoder. Sprid den inte utanför styrgruppen.")
        )

    @staticmethod
    def _period_text(period: Period) -> str:
        return f"{period.start.isoformat()} – {period.end.isoformat()}"

    # --- making -------------------------------------------------------------------------------

    def busy(self) -> bool:
        return self._job is not None

    def set_made_by(self, name: str) -> None:
        """Who is named in the header of the next report (the settings changed)."""
        self._made_by = name

    def make(self) -> Job | None:
        """Make the chosen report in the background; the job, or None when nothing started."""
        choice = self.choice()
        if choice is None or self._agreement is None or self.busy():
            return None
        self._made += 1
        file_name = choice.file_name(self._agreement)
        out = self._folder() / str(self._made) / file_name
        call = partial(
            make_report,
            self._services,
            choice,
            out,
            file_name,
            agreement=self._agreement,
            made_by=self._made_by,
            today=self._today(),
            progress=self.progress_relay.report,
        )
        working = self.tr("Skapar %1…").replace("%1", choice.title(self._agreement))
        job = self._start(call, working)
        # Bound methods, not lambdas: a job must not hold the page (it is deleted later).
        job.succeeded.connect(self._on_made)
        job.failed.connect(self._on_make_failed)
        return job

    def _start(self, call: Callable[[], Any], working: str) -> Job:
        self._show_message(working)
        if self.shown is None:
            self.placeholder.setText(working)
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.progress_bar.show()
        job = self._background.run(call)
        self._job = job
        job.done.connect(self._on_done)
        self._update_controls()
        return job

    def _folder(self) -> Path:
        if self._report_dir is not None:
            return self._report_dir
        if self._temporary is None:
            # mkdtemp: a new folder readable by its owner only, removed when Löften ends.
            self._temporary = tempfile.TemporaryDirectory(prefix="loften-rapporter-")
        return Path(self._temporary.name)

    def _on_progress(self, done: int, total: int) -> None:
        if self._job is None or total <= 0:
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _on_made(self, shown: ShownReport) -> None:
        if not self._matches_choices(shown):
            # The choices changed while it was being made: it is not what they ask for.
            self._clear_if_stale()
            self._show_message(self.tr("Valen har ändrats: skapa rapporten igen."))
            return
        if self.viewer is None:
            from loften_app.ui.reports.viewer import PdfViewer  # noqa: PLC0415 -- QtPdf: first report

            self.viewer = PdfViewer()
            self.stack.addWidget(self.viewer)
        try:
            self.viewer.load(shown.path)
        except LoftenError as error:
            self._on_make_failed(error_message(error))
            return
        self.stack.setCurrentWidget(self.viewer)
        self.shown = shown
        agreement = self._agreement
        title = shown.choice.title(agreement) if agreement is not None else shown.file_name
        if shown.choice.public:
            self.version_banner.setStyleSheet(_PUBLIC_STYLE)
            self.version_banner.setText(
                self.tr("%1 – OFFENTLIG VERSION, för webben och pressen").replace("%1", title)
            )
        else:
            self.version_banner.setStyleSheet(_INTERNAL_STYLE)
            self.version_banner.setText(
                self.tr("%1 – INTERN VERSION, får inte publiceras").replace("%1", title)
            )
        self.version_banner.show()
        pages = self.viewer.page_count()
        self._show_message(
            self.tr("Rapporten är klar (%1 sidor).").replace("%1", str(pages))
            if pages != 1
            else self.tr("Rapporten är klar (1 sida).")
        )
        self.report_shown.emit(shown)

    def _on_make_failed(self, message: str) -> None:
        if self.shown is None:
            self.placeholder.setText(self._placeholder_text())
        self._show_message(self.tr("Rapporten kunde inte skapas.") + "\n" + message, error=True)
        self.report_failed.emit(message)

    def _on_done(self) -> None:
        self._job = None
        self._printer = None
        self.progress_bar.hide()
        self._update_controls()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(_ERROR_STYLE if error else "")
        self.message_label.setText(text)

    # --- the report shown ---------------------------------------------------------------------

    def open_external(self) -> bool:
        """Open the report shown in the system's PDF reader."""
        if self.shown is None or self.busy():
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.shown.path))):
            return True
        self._show_message(
            self.tr(
                "Det finns inget program för PDF-filer på datorn, eller det gick inte att "
                "starta. Använd ”Spara som…” och öppna filen själv."
            ),
            error=True,
        )
        return False

    def save_as(self) -> Path | None:
        """Ask where to save a copy of the report shown; the path saved to, or None. As HTML or
        Word (the format chosen) the report is made again into that path in the background:
        the path is returned at once and `report_saved` tells when it is written."""
        if self.shown is None or self.busy() or not self._matches_choices(self.shown):
            return None
        folder = REPORT_SAVE_FOLDER.read(self._settings)
        if not folder or not Path(folder).is_dir():
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
        suffix = "." + str(self.format_combo.currentData() or "pdf")
        filters = {
            ".pdf": self.tr("PDF-dokument (*.pdf)"),
            ".html": self.tr("Webbsida (*.html)"),
            ".docx": self.tr("Word-dokument (*.docx)"),
        }
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara rapporten"),
            str(Path(folder) / Path(self.shown.file_name).with_suffix(suffix).name),
            filters[suffix],
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        if suffix != ".pdf":
            self._save_in_format(target, suffix[1:])
            return target
        try:
            copy_whole(self.shown.path, target, private=not self.shown.choice.public)
        except OSError as error:
            self._show_message(
                self.tr("Rapporten kunde inte sparas som %1: %2.")
                .replace("%1", str(target))
                .replace("%2", os_reason(error)),
                error=True,
            )
            return None
        REPORT_SAVE_FOLDER.write(self._settings, str(target.parent))
        self._show_message(self.tr("Sparad som %1.").replace("%1", str(target)))
        return target

    def _save_in_format(self, target: Path, file_format: str) -> Job | None:
        """Make the report shown again as `file_format` into `target`, in the background."""
        if self.shown is None:
            return None
        call = partial(
            save_report_as,
            self._services,
            self.shown.choice,
            target,
            file_format,
            made_by=self._made_by,
            today=self._today(),
            progress=self.progress_relay.report,
        )
        job = self._start(call, self.tr("Sparar %1…").replace("%1", str(target)))
        job.succeeded.connect(self._on_saved)
        job.failed.connect(self._on_save_failed)
        return job

    def _on_saved(self, target: Path) -> None:
        REPORT_SAVE_FOLDER.write(self._settings, str(target.parent))
        self._show_message(self.tr("Sparad som %1.").replace("%1", str(target)))
        self.report_saved.emit(target)

    def _on_save_failed(self, message: str) -> None:
        self._show_message(self.tr("Rapporten kunde inte sparas.") + "\n" + message, error=True)
        self.report_failed.emit(message)

    def print_report(self) -> Job | None:
        """Ask for the printer and print the report shown in the background."""
        if self.shown is None or self.busy() or self.viewer is None:
            return None
        if self._print_problem is not None:
            self._show_message(self._print_problem, error=True)
            return None
        from PySide6.QtPrintSupport import (  # noqa: PLC0415 -- slow, and only when printing
            QAbstractPrintDialog,
            QPrintDialog,
            QPrinter,
        )

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        printer.setDocName(self.shown.file_name.removesuffix(".pdf"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Skriv ut rapporten"))
        dialog.setMinMax(1, max(self.viewer.page_count(), 1))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        self._printer = printer  # kept alive until the job is done
        call = partial(print_pdf, self.shown.path, printer, progress=self.progress_relay.report)
        job = self._start(call, self.tr("Skriver ut…"))
        job.succeeded.connect(self._on_printed)
        job.failed.connect(self._on_print_failed)
        return job

    def _on_printed(self, count: int) -> None:
        self._show_message(
            self.tr("%1 sidor har skickats till skrivaren.").replace("%1", str(count))
            if count != 1
            else self.tr("1 sida har skickats till skrivaren.")
        )

    def _on_print_failed(self, message: str) -> None:
        self._show_message(self.tr("Rapporten kunde inte skrivas ut.") + "\n" + message, error=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.busy():
            self.refresh()
