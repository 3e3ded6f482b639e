"""The first start: who is working, and which agreement an empty database gets: a template, an
agreement of the user's own, or the registers of the other organisation from its package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loften_app.domain.enums import Organisation
from loften_app.domain.errors import LoftenError, ValidationIssue
from loften_app.domain.personnummer import identity_number_problem
from loften_app.domain.records import AgreementData
from loften_app.domain.validation import validate
from loften_app.storage.exchange import start_from_package as start
from loften_app.storage.exchange.signing import UnknownSignerError
from loften_app.ui.forms.fields import field_error_label
from loften_app.ui.i18n import enum_text
from loften_app.ui.lists.columns import fill
from loften_app.ui.safety.partners import confirm_pairing
from loften_app.ui.words import InterfaceWords

if TYPE_CHECKING:
    from loften_app.storage.services import Services


def start_from_package(
    services: Services,
    path: Path,
    *,
    photo_dir: Path | None,
    parent: QWidget | None = None,
) -> None:
    """Fill an empty file from the other organisation's package at `path`, so that both files
    hold the same agreement, promises and registers (the same ids): the storage layer's
    `start_from_package`, as `loften new --from-package` does it. The package's sender is
    paired first when the user confirms its fingerprint. `LoftenError` with a Swedish message
    when the package cannot be read, is not trusted, or holds no agreement."""
    try:
        start(services, path, photo_dir=photo_dir)
    except UnknownSignerError as unknown:
        if not confirm_pairing(parent, unknown.signer):
            raise LoftenError(
                QCoreApplication.translate(
                    "AgreementDialog", "Installationen parades inte. Inget har importerats."
                )
            ) from None
        start(services, path, photo_dir=photo_dir, trust=unknown.signer.fingerprint)


class UserDialog(QDialog):
    """Asks for the user's name and organisation; both are kept in the settings."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Välkommen till Löften"))
        intro = QLabel(
            self.tr(
                "Ange ditt namn och din organisation. De sparas med varje ändring du gör, "
                "så att det syns vem som har fört in vad."
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name)
        self.name_edit.setAccessibleName(self.tr("Ditt namn"))
        self.name_error = field_error_label()
        self.name_edit.textChanged.connect(lambda text: self.name_error.setVisible(False))
        self.organisation_error = field_error_label()
        self.organisation_combo = QComboBox()
        self.organisation_combo.setAccessibleName(self.tr("Organisation"))
        # Nothing chosen beforehand: a municipal coordinator must not become Polisen by Enter.
        self.organisation_combo.addItem(self.tr("– välj –"), None)
        for organisation in Organisation:
            self.organisation_combo.addItem(enum_text(organisation), organisation.value)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Namn:"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Organisation:"), self.organisation_combo)
        form.addRow("", self.organisation_error)
        self.organisation_combo.currentIndexChanged.connect(
            lambda _index: self.organisation_error.setVisible(False)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def name(self) -> str:
        return self.name_edit.text().strip()

    def organisation(self) -> Organisation:
        return Organisation(self.organisation_combo.currentData())

    def accept(self) -> None:
        if not self.name():
            self.name_error.setText(self.tr("Skriv ditt namn (eller din roll) för att fortsätta."))
            self.name_error.show()
            self.name_edit.setFocus()
            return
        problem = identity_number_problem(self.name(), words=InterfaceWords())
        if problem is not None:
            self.name_error.setText(problem)
            self.name_error.show()
            self.name_edit.setFocus()
            return
        if self.organisation_combo.currentData() is None:
            self.organisation_error.setText(self.tr("Välj din organisation."))
            self.organisation_error.show()
            self.organisation_combo.setFocus()
            return
        super().accept()


def server_address(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """The URL of a database on a PostgreSQL server; with `password` only for connecting (it is
    kept in memory, never in the settings)."""
    login = quote(user, safe="")
    if password:
        login += ":" + quote(password, safe="")
    return f"postgresql://{login}@{host}:{port}/{quote(database, safe='')}"


def without_password(url: str) -> str:
    """`url` without its password (what the settings keep, and what messages show)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    login, _, address = parts.netloc.rpartition("@")
    user = login.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{address}"))


class DatabaseDialog(QDialog):
    """The first start's choice of database: a local file on this computer, or a shared
    PostgreSQL server (host, port, database, user and a password that is not saved)."""

    def __init__(
        self,
        file_path: Path,
        parent: QWidget | None = None,
        *,
        server: str = "",
        error: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("database_dialog")
        self.setWindowTitle(self.tr("Var ska uppgifterna sparas?"))
        intro = QLabel(
            self.tr(
                "Arbetar du ensam eller skickar paket mellan organisationerna räcker en lokal "
                "fil på den här datorn. Arbetar flera samtidigt i samma uppgifter, välj den "
                "gemensamma server som er IT-avdelning har satt upp."
            )
        )
        intro.setWordWrap(True)
        self.choice = QButtonGroup(self)
        self.file_button = QRadioButton(self.tr("Lokal fil"))
        self.server_button = QRadioButton(self.tr("Gemensam server"))
        self.choice.addButton(self.file_button)
        self.choice.addButton(self.server_button)
        file_label = QLabel(str(file_path))
        file_label.setObjectName("file_path")
        file_label.setContentsMargins(24, 0, 0, 0)

        self.server_form = QWidget()
        form = QFormLayout(self.server_form)
        form.setContentsMargins(24, 0, 0, 0)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("t.ex. db.kommun.se"))
        self.port_edit = QSpinBox()
        self.port_edit.setRange(1, 65535)
        self.port_edit.setValue(5432)
        self.database_edit = QLineEdit("loften")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors: dict[str, QLabel] = {}
        for field, caption, widget in (
            ("host", self.tr("Server:"), self.host_edit),
            ("port", self.tr("Port:"), self.port_edit),
            ("database", self.tr("Databas:"), self.database_edit),
            ("user", self.tr("Användare:"), self.user_edit),
            ("password", self.tr("Lösenord:"), self.password_edit),
        ):
            widget.setAccessibleName(caption.rstrip(":"))
            form.addRow(caption, widget)
            self.errors[field] = field_error_label()
            form.addRow("", self.errors[field])
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.errors[field].hide)
        hint = QLabel(
            self.tr(
                "Lösenordet sparas inte: det används bara för den här anslutningen. Lämna det "
                "tomt om servern inte kräver något eller om det finns i din ~/.pgpass."
            )
        )
        hint.setWordWrap(True)
        hint.setContentsMargins(24, 0, 0, 0)
        self.hint = hint

        self.error_label = field_error_label()
        self.error_label.setObjectName("connection_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.error_label)
        layout.addWidget(self.file_button)
        layout.addWidget(file_label)
        layout.addWidget(self.server_button)
        layout.addWidget(self.server_form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.choice.buttonToggled.connect(lambda *_: self._sync())
        if server:
            self.fill_server(server)
            self.server_button.setChecked(True)
        else:
            self.file_button.setChecked(True)
        if error:
            self.error_label.setText(error)
            self.error_label.show()
        self._sync()
        self.setMinimumWidth(520)

    def fill_server(self, url: str) -> None:
        """Fill the server's fields from `url` (its password, if any, is not shown)."""
        parts = urlsplit(url)
        self.host_edit.setText(parts.hostname or "")
        if parts.port:
            self.port_edit.setValue(parts.port)
        self.database_edit.setText(unquote(parts.path.lstrip("/")))
        self.user_edit.setText(unquote(parts.username or ""))
        # Kept for a retry (in this dialog's memory only, never in the settings).
        self.password_edit.setText(unquote(parts.password or ""))

    def _sync(self) -> None:
        self.server_form.setEnabled(self.server_button.isChecked())
        self.hint.setEnabled(self.server_button.isChecked())

    def is_server(self) -> bool:
        return self.server_button.isChecked()

    def server_url(self) -> str:
        """The server's URL without the password: what the settings keep."""
        return server_address(
            self.host_edit.text().strip(),
            self.port_edit.value(),
            self.database_edit.text().strip(),
            self.user_edit.text().strip(),
        )

    def connect_url(self) -> str:
        """The URL to connect with: with the password typed, if any (kept in memory only)."""
        return server_address(
            self.host_edit.text().strip(),
            self.port_edit.value(),
            self.database_edit.text().strip(),
            self.user_edit.text().strip(),
            self.password_edit.text(),
        )

    def accept(self) -> None:
        if self.is_server():
            missing = {
                "host": (self.host_edit, self.tr("Skriv serverns namn eller adress.")),
                "database": (self.database_edit, self.tr("Skriv databasens namn.")),
                "user": (self.user_edit, self.tr("Skriv ditt användarnamn på servern.")),
            }
            first: QWidget | None = None
            for field, (edit, message) in missing.items():
                if not edit.text().strip():
                    self.errors[field].setText(message)
                    self.errors[field].show()
                    first = first or edit
            if first is not None:
                first.setFocus()
                return
        super().accept()


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class AgreementDialog(QDialog):
    """For an empty database: the built-in template, a new agreement of the user's own, or the
    package of the other organisation (police or municipality) that already keeps the
    agreement."""

    def __init__(self, templates: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ny överenskommelse"))
        intro = QLabel(
            self.tr(
                "Databasen är tom. Börja från en färdig mall med löftena ifyllda, lägg upp er "
                "egen överenskommelse (löftena lägger du sedan till under Register), eller börja "
                "från ett paket från den andra organisationen om den redan har lagt upp "
                "överenskommelsen: då delar ni samma överenskommelse och register."
            )
        )
        intro.setWordWrap(True)
        self.choice = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.template_buttons: list[tuple[QRadioButton, str]] = []
        for name, label in templates:
            button = QRadioButton(self.tr("Mallen %1").replace("%1", label))
            self.choice.addButton(button)
            self.template_buttons.append((button, name))
            layout.addWidget(button)
        self.own_button = QRadioButton(self.tr("En egen överenskommelse"))
        self.choice.addButton(self.own_button)
        layout.addWidget(self.own_button)

        self.own_form = QWidget()
        form = QFormLayout(self.own_form)
        self.municipality_edit = QLineEdit()
        self.police_area_edit = QLineEdit()
        self.title_edit = QLineEdit()
        today = QDate.currentDate()
        self.start_edit = QDateEdit(QDate(today.year(), 1, 1))
        self.end_edit = QDateEdit(QDate(today.year(), 12, 31))
        self.errors: dict[str, QLabel] = {}
        for field, caption, widget in (
            ("municipality", self.tr("Kommun:"), self.municipality_edit),
            ("police_area", self.tr("Lokalpolisområde:"), self.police_area_edit),
            ("title", self.tr("Rubrik:"), self.title_edit),
            ("period_start", self.tr("Gäller från:"), self.start_edit),
            ("period_end", self.tr("Gäller till:"), self.end_edit),
        ):
            widget.setAccessibleName(caption.rstrip(":"))
            if isinstance(widget, QDateEdit):
                widget.setDisplayFormat("yyyy-MM-dd")
                widget.setCalendarPopup(True)
            form.addRow(caption, widget)
            self.errors[field] = field_error_label()
            form.addRow("", self.errors[field])
        layout.addWidget(self.own_form)

        self.package_button = QRadioButton(
            self.tr("Börja från ett paket från den andra organisationen…")
        )
        self.choice.addButton(self.package_button)
        layout.addWidget(self.package_button)
        self.package_form = QWidget()
        row = QHBoxLayout(self.package_form)
        row.setContentsMargins(24, 0, 0, 0)
        self.package_edit = QLineEdit()
        self.package_edit.setAccessibleName(self.tr("Paket"))
        self.package_edit.setPlaceholderText(self.tr("En .loften-fil som ni har fått"))
        self.browse_button = QPushButton(self.tr("Välj fil…"))
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.package_edit, 1)
        row.addWidget(self.browse_button)
        layout.addWidget(self.package_form)
        self.package_error = field_error_label()
        self.package_error.setObjectName("package_error")
        layout.addWidget(self.package_error)
        self.package_edit.textChanged.connect(lambda _text: self.package_error.hide())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choice.buttonToggled.connect(lambda *_: self._sync())
        (self.template_buttons[0][0] if self.template_buttons else self.own_button).setChecked(True)
        self._sync()
        self.setMinimumWidth(480)

    def _sync(self) -> None:
        self.own_form.setEnabled(self.own_button.isChecked())
        self.package_form.setEnabled(self.package_button.isChecked())

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj paketet från den andra organisationen"),
            self.package_edit.text(),
            self.tr("Löften-paket (*.loften);;Alla filer (*)"),
        )
        if chosen:
            self.package_edit.setText(chosen)

    def package(self) -> Path | None:
        """The package chosen to start from, or None for a template or an own agreement."""
        if not self.package_button.isChecked():
            return None
        return Path(self.package_edit.text().strip())

    def show_package_error(self, message: str) -> None:
        self.package_button.setChecked(True)
        self.package_error.setText(message)
        self.package_error.show()

    def template(self) -> str | None:
        """The chosen template's name, or None for an agreement of the user's own or a
        package."""
        for button, name in self.template_buttons:
            if button.isChecked():
                return name
        return None

    def agreement(self) -> AgreementData:
        title = self.title_edit.text().strip()
        municipality = self.municipality_edit.text().strip()
        start = to_date(self.start_edit.date())
        end = to_date(self.end_edit.date())
        return AgreementData(
            municipality=municipality,
            police_area=self.police_area_edit.text().strip(),
            title=title
            or fill(
                self.tr("Medborgarlöften %1 %2–%3"), municipality, str(start.year), str(end.year)
            ).strip(),
            period_start=start,
            period_end=end,
        )

    def show_issues(self, issues: list[ValidationIssue]) -> None:
        for label in self.errors.values():
            label.hide()
        for issue in issues:
            target = self.errors.get(issue.field)
            if target is not None:
                target.setText(issue.message)
                target.show()

    def accept(self) -> None:
        package = self.package()
        if package is not None:
            if not self.package_edit.text().strip():
                self.show_package_error(self.tr("Välj paketet (.loften-filen) först."))
                return
            if not package.is_file():
                self.show_package_error(self.tr("Filen %1 finns inte.").replace("%1", str(package)))
                return
            super().accept()
            return
        if self.template() is None:
            issues = validate(self.agreement(), words=InterfaceWords())
            if issues:
                self.show_issues(issues)
                return
        super().accept()
