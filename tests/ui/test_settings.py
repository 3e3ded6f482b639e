"""The typed settings: each key reads back as its type, within its bounds, or its default."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from loften_app.ui import settings as keys


def test_each_kind_of_setting_reads_back_what_was_written(settings: QSettings) -> None:
    keys.REPORT_PUBLIC.write(settings, True)
    keys.RETENTION_MONTHS.write(settings, 48)
    keys.USER_NAME.write(settings, "Anna")
    keys.PARTNERS.write(settings, [f"Partner {n}" for n in range(25)])
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert keys.REPORT_PUBLIC.read(again) is True
    assert keys.RETENTION_MONTHS.read(again) == 48
    assert keys.USER_NAME.read(again) == "Anna"
    assert keys.PARTNERS.read(again) == [f"Partner {n}" for n in range(20)]


def test_a_hand_edited_value_gives_the_default_or_the_nearest_bound(settings: QSettings) -> None:
    assert keys.LANGUAGE.read(settings) == "sv"
    assert keys.WINDOW_MAXIMISED.read(settings) is False
    settings.setValue(keys.RETENTION_MONTHS.key, "nonsens")
    settings.setValue(keys.KEEP_BACKUPS.key, "1000")
    settings.setValue(keys.REPORT_PUBLIC.key, "kanske")
    assert keys.RETENTION_MONTHS.read(settings) == 36
    assert keys.KEEP_BACKUPS.read(settings) == 100
    assert keys.REPORT_PUBLIC.read(settings) is False
