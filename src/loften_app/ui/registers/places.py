"""Platser and Butiker: the place and shop registers that the activity forms choose from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from loften_app.domain.records import PlaceData, ShopData
from loften_app.storage.services import RecordFilter, RecordService
from loften_app.ui.forms.fields import PlaceChoice, form_layout
from loften_app.ui.lookups import REGISTER_LIMIT, Lookups
from loften_app.ui.registers.common import RegisterForm, offer_choice, text_box


class PlaceForm(RegisterForm[PlaceData]):
    """A place (Centrum, Stora torget, Resecentrum, …) where activities happen."""

    def __init__(
        self,
        service: RecordService[PlaceData, Any],
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(
            service, title=QCoreApplication.translate("PlaceForm", "Plats"), today=today
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("t.ex. Stora torget"))
        self.add_row(form, "name", self.tr("Namn:"), self.name, self.name.textChanged)
        self.description = text_box(3, self.tr("Var platsen ligger eller vad den omfattar"))
        self.add_row(
            form,
            "description",
            self.tr("Beskrivning:"),
            self.description,
            self.description.textChanged,
        )

    def load(self, data: PlaceData) -> None:
        self.name.setText(data.name)
        self.description.setPlainText(data.description)

    def collect(self) -> PlaceData:
        return PlaceData(name=self.name.text().strip(), description=self.description.toPlainText())

    def blank(self, today: dt.date) -> PlaceData:
        return PlaceData(name="")


class ShopForm(RegisterForm[ShopData]):
    """A shop that patrols visit: name, address, kind and the place it lies in."""

    def __init__(
        self,
        service: RecordService[ShopData, Any],
        lookups: Lookups,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._lookups = lookups
        super().__init__(
            service, title=QCoreApplication.translate("ShopForm", "Butik"), today=today
        )

    def build(self) -> None:
        form = form_layout(self.body)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("t.ex. Livsmedelsbutiken vid torget"))
        self.add_row(form, "name", self.tr("Namn:"), self.name, self.name.textChanged)
        self.address = QLineEdit()
        self.add_row(form, "address", self.tr("Adress:"), self.address, self.address.textChanged)
        self.kind = QLineEdit()
        self.kind.setPlaceholderText(self.tr("t.ex. livsmedel, kiosk, restaurang"))
        self.kinds = QStringListModel(self)
        completer = QCompleter(self.kinds, self.kind)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.kind.setCompleter(completer)
        self.add_row(form, "kind", self.tr("Typ:"), self.kind, self.kind.textChanged)
        self.place = PlaceChoice(self._lookups.add_place)
        self.add_row(form, "place_id", self.tr("Plats (valfritt):"), self.place, self.place.changed)

    def refresh_choices(self) -> None:
        self.place.set_choices(self._lookups.places())
        shops = self.service.list_page(
            filter=RecordFilter(), sort="kind", descending=False, limit=REGISTER_LIMIT
        ).items
        kinds = sorted({s.data.kind for s in shops if s.data.kind.strip()}, key=str.casefold)
        self.kinds.setStringList(kinds)

    def load(self, data: ShopData) -> None:
        offer_choice(self.place.combo, data.place_id, self._lookups.place_name(data.place_id))
        self.name.setText(data.name)
        self.address.setText(data.address)
        self.kind.setText(data.kind)
        self.place.set_value(data.place_id)

    def collect(self) -> ShopData:
        return ShopData(
            name=self.name.text().strip(),
            address=self.address.text().strip(),
            kind=self.kind.text().strip(),
            place_id=self.place.value(),
        )

    def blank(self, today: dt.date) -> ShopData:
        return ShopData(name="")
