"""Errors carry a code and parameters; the window shows them in the user's language, the command
line in Swedish."""

from __future__ import annotations

import dataclasses

from loften_app.domain.records import PlaceData
from loften_app.storage.errors import DatabaseLockedError, StaleRecordError
from loften_app.storage.exchange.errors import refused
from loften_app.storage.services import Services
from loften_app.ui.errors import error_message
from loften_app.ui.i18n import Translations


def test_a_lock_error_is_english_for_an_english_user_and_swedish_on_the_command_line(
    english: Translations,
) -> None:
    error = DatabaseLockedError()
    assert error.code == "database.locked"
    assert error.message.startswith("Databasen används just nu")
    assert error_message(error).startswith("The database is being used right now")


def test_a_refused_package_translates_its_reason_too(english: Translations) -> None:
    from loften_app.domain.errors import error_text

    error = refused(error_text("package.paketet_ar_krypterat", "paketet är krypterat."))
    assert error.message == (
        "Paketet kan inte importeras: paketet är krypterat. Databasen har inte ändrats."
    )
    assert error_message(error) == (
        "The package cannot be imported: the package is encrypted. "
        "The database has not been changed."
    )


def test_a_conflict_names_who_changed_the_record_in_english(
    english: Translations, ui_services: Services
) -> None:
    stored = ui_services.places.add(data=PlaceData(name="Parken"))
    ui_services.places.update(
        id=stored.id, expected_version=1, data=dataclasses.replace(stored.data, name="Parken 2")
    )
    try:
        ui_services.places.update(
            id=stored.id, expected_version=1, data=dataclasses.replace(stored.data, name="Ny")
        )
    except StaleRecordError as error:
        assert error.code == "record.stale"
        assert "Platsen har ändrats av" in error.message
        assert error_message(error).startswith("The place has been changed by ")
    else:
        raise AssertionError("no conflict")


def test_the_swedish_window_shows_the_swedish_text() -> None:
    error = DatabaseLockedError()
    assert error_message(error) == error.message
