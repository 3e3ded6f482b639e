"""Register: the agreement, its promises and targets, places, shops and indicators in tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleOption,
    QTabWidget,
    QWidget,
)

from loften_app.domain.periods import Period
from loften_app.storage.services import Services
from loften_app.ui.changes import Change
from loften_app.ui.forms.base import RecordForm
from loften_app.ui.lookups import Lookups
from loften_app.ui.registers.agreement import AgreementForm
from loften_app.ui.registers.indicator import IndicatorForm
from loften_app.ui.registers.indicator_values import IndicatorWithValues
from loften_app.ui.registers.places import PlaceForm, ShopForm
from loften_app.ui.registers.promise import PromiseForm
from loften_app.ui.registers.renew import RenewDialog
from loften_app.ui.registers.target import TargetForm
from loften_app.ui.section import RecordSection, build_section

#: Tabs whose "Ny från föregående" makes sense (a second target like the first); a copied
#: promise would take a number in use, a copied place or shop a name in use.
_COPYABLE = frozenset({"targets"})


class _TabBarStyle(QProxyStyle):
    """The application's style, but the labels of the tabs not shown are not moved down: moved,
    the dots of Ö in "Överenskommelse" are cut off at the top."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


class RegistersPage(QTabWidget):
    """The registers, one tab each. The agreement in force is edited in place; the others are
    lists with a form. Every change is told to the lookups' `ChangeHub`, so pickers and lists
    everywhere read the registers again; the page reads its lists again after a change of any
    register (a promise's title shows in the targets) and the agreement after an import.

    "Förnya överenskommelsen…" (the button in the tabs' corner, and the menu entry through
    `open_renewal`) makes the next agreement from the one in force.

    Signals:
        registers_changed(): an entry was saved, deleted or restored in any register (or the
            agreement was renewed).
    """

    registers_changed = Signal()

    def __init__(
        self,
        services: Services,
        lookups: Lookups,
        settings: QSettings,
        *,
        period: Period | None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__()
        translate = QCoreApplication.translate
        self.setObjectName("registers")
        self.setDocumentMode(True)
        self._tab_style = _TabBarStyle()
        self._tab_style.setParent(self)
        self.tabBar().setStyle(self._tab_style)
        self._services = services
        self._lookups = lookups
        self._today = today

        self.agreement_form = AgreementForm(services.agreements, today=today)
        self.agreement_form.close_button.hide()  # edited in place: there is nothing to close to
        self.agreement_form.saved.connect(lambda _stored: self._changed(Change.of(agreement=True)))
        self.agreement_form.closed.connect(self.reload_agreement)
        self.reload_agreement()

        forms: dict[str, RecordForm[Any]] = {
            "promises": PromiseForm(
                services.promises,
                agreements=services.agreements,
                targets=services.targets,
                today=today,
            ),
            "targets": TargetForm(services.targets, lookups, today=today),
            "places": PlaceForm(services.places, today=today),
            "shops": ShopForm(services.shops, lookups, today=today),
            "indicators": IndicatorForm(
                IndicatorWithValues(services.indicators, services.indicator_values),
                lookups,
                today=today,
            ),
        }
        self.sections: dict[str, RecordSection] = {}
        for key, form in forms.items():
            page = build_section(
                key,
                getattr(services, key),
                form,
                lookups=lookups,
                settings=settings,
                period=period,
                subject=Change.of(registers={key}),
                today=today,
            )
            page.new_from_previous_button.setVisible(key in _COPYABLE)
            page.records_changed.connect(self.registers_changed)
            self.sections[key] = page

        self.addTab(self.agreement_form, translate("RegistersPage", "Överenskommelse"))
        self.addTab(self.sections["promises"], translate("RegistersPage", "Löften"))
        self.addTab(self.sections["targets"], translate("RegistersPage", "Mål"))
        self.addTab(self.sections["places"], translate("RegistersPage", "Platser"))
        self.addTab(self.sections["shops"], translate("RegistersPage", "Butiker"))
        self.addTab(self.sections["indicators"], translate("RegistersPage", "Indikatorer"))
        self.renew_button = QPushButton(translate("RegistersPage", "Förnya överenskommelsen…"))
        self.renew_button.setObjectName("renew_agreement")
        self.renew_button.setToolTip(
            translate(
                "RegistersPage",
                "En ny överenskommelse för nästa period, med löftena och målen från den som gäller",
            )
        )
        self.renew_button.clicked.connect(self._renew_clicked)
        self.setCornerWidget(self.renew_button, Qt.Corner.TopRightCorner)
        self._current = 0
        self._switching = False
        self.currentChanged.connect(self._tab_changed)
        lookups.changes.changed.connect(self._on_changed)

    # --- the agreement --------------------------------------------------------------------------

    def reload_agreement(self) -> None:
        """Show the agreement in force as stored (a new one to fill in when there is none)."""
        current = self._services.agreements.current()
        if current is None:
            self.agreement_form.open_new(self.agreement_form.blank(self._today()))
        else:
            self.agreement_form.open_record(current)

    def renewal_dialog(self, day: dt.date | None = None) -> QDialog | None:
        """The renewal dialog for the agreement in force, for a period that covers `day` if
        given (None, with a message, when the file has no agreement or the current tab's
        changes must be kept first)."""
        if not self.can_leave():
            return None
        source = self._services.agreements.current(self._today())
        if source is None:
            QMessageBox.information(
                self,
                self.tr("Förnya överenskommelsen"),
                self.tr(
                    "Det finns ingen överenskommelse att förnya. Lägg upp den under "
                    "Överenskommelse först."
                ),
            )
            return None
        dialog = RenewDialog(self._services, self, source=source, today=self._today, covering=day)
        dialog.accepted.connect(self._renewed)
        return dialog

    def open_renewal(self, day: dt.date | None = None) -> bool:
        """Open "Förnya överenskommelsen" (for a period that covers `day`, if given); True when
        a new agreement was saved."""
        dialog = self.renewal_dialog(day)
        if dialog is None:
            return False
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _renew_clicked(self) -> None:
        self.open_renewal()

    def _renewed(self) -> None:
        self.reload_agreement()
        self._changed(Change.of(agreement=True))

    # --- changes --------------------------------------------------------------------------------

    def _changed(self, change: Change) -> None:
        self._lookups.changes.notify(change, self)
        self.registers_changed.emit()

    def _on_changed(self, change: Change, origin: object) -> None:
        if not change.names_changed:
            return
        # Names shown in the lists (a promise's title in the targets) may have changed.
        for page in self.sections.values():
            page.records.reload()
        outside = (change.agreement and origin is not self) or change.everything
        if outside and not self.agreement_form.is_dirty():
            self.reload_agreement()

    # --- leaving --------------------------------------------------------------------------------

    def can_leave(self) -> bool:
        """Ask the current tab's form before its unsaved changes are lost."""
        return self._leave(self.currentWidget())

    def _leave(self, page: QWidget | None) -> bool:
        if isinstance(page, RecordSection):
            had_changes = page.showing_form() and page.form.is_dirty()
            if not page.can_leave():
                return False
            if had_changes:
                page.show_list()  # saved, or thrown away: either way not left half-edited
            return True
        if page is self.agreement_form:
            had_changes = self.agreement_form.is_dirty()
            if not self.agreement_form.can_leave():
                return False
            if had_changes:
                self.reload_agreement()
        return True

    def _tab_changed(self, index: int) -> None:
        if self._switching or index == self._current:
            return
        if not self._leave(self.widget(self._current)):
            self._switching = True
            self.setCurrentIndex(self._current)
            self._switching = False
            return
        self._current = index
