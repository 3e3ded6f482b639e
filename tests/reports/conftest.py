"""A demo database for the report tests: two years of demo data and the coordinator's comments.

Made once per module (filling it takes a few seconds) and only read by the tests that use it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from loften_app.domain.enums import Organisation
from loften_app.domain.records import Actor
from loften_app.storage.database import Database, open_database
from loften_app.storage.demo.common import DemoOptions
from loften_app.storage.demo.fill import fill_demo_data
from loften_app.storage.services import Services

ACTOR = Actor("Trygghetssamordnaren", Organisation.MUNICIPALITY)
PUBLIC_COMMENT = "Målet nåddes tack vare ett gott samarbete med fastighetsägarna."
INTERNAL_COMMENT = "Internt: budgeten för vandringarna räckte inte hela året."


@pytest.fixture(scope="module")
def demo_services(
    db_engine: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Services]:
    """The demo database, as an SQLite file or on the test PostgreSQL server (the tests run once
    per engine)."""
    target: Path | str = (
        tmp_path_factory.mktemp("demo") / "demo.db"
        if db_engine == "sqlite"
        else request.getfixturevalue("pg_module_url")
    )
    with open_database(target) as database:
        yield commented_demo(database, (2017, 2018))


def commented_demo(database: Database, years: tuple[int, ...]) -> Services:
    """The demo of `years` in `database`, with the coordinator's comments on the walks' promise,
    public and internal (free text a public report leaves out); its services."""
    for year in years:
        fill_demo_data(database, ACTOR, DemoOptions(year=year))
    services = Services.build(database, ACTOR)
    agreement = services.agreements.current()
    assert agreement is not None
    walks = services.promises.for_agreement(agreement.id)[1]
    services.promises.update(
        id=walks.id,
        expected_version=walks.version,
        data=dataclasses.replace(
            walks.data, follow_up_comment=PUBLIC_COMMENT, internal_comment=INTERNAL_COMMENT
        ),
    )
    return services


def pdf_text(path: Path) -> str:
    """The text of every page of a PDF, blanks and line breaks made single spaces."""
    reader = PdfReader(path)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
