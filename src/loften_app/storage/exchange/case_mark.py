"""This installation's own mark in drug case codes, set on the first import that needs one.

Two installations of the same organisation number their cases with the same letter (K-2026-001).
When a package shows such another installation, this one takes a mark of its own
(K3F-2026-001), so that the two never make the same code. Used by every import
(`importing.apply_import`, and so by `starting.start_from_package` too).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from loften_app.domain.enums import Organisation
from loften_app.storage.exchange.package import Package
from loften_app.storage.models import DrugCase, Meta
from loften_app.storage.services.activities import ORGANISATION_PREFIX

__all__ = ["mark_if_same_organisation"]


def mark_if_same_organisation(
    session: Session, package: Package, organisation: Organisation
) -> None:
    """Give this installation its own mark in case codes (K3F-2026-001) when the package shows
    another installation of the same organisation numbering cases with the same letter, so that
    the two never make the same code. Codes already made stay as they are."""
    letter = ORGANISATION_PREFIX[organisation]
    if session.scalar(select(Meta.value).where(Meta.key == "case_mark")) is not None:
        return
    cases = package.records.get("drug_case", [])
    foreign = [
        item
        for item in cases
        if item.meta.organisation is organisation
        and item.data.case_code.startswith(f"{letter}-")
        and session.get(DrugCase, item.meta.id) is None
    ]
    if not foreign:
        return
    own = session.scalar(select(Meta.value).where(Meta.key == "installation_id")) or ""
    mark = "".join(c for c in own.upper() if c.isalnum())[:2] or "2"
    session.add(Meta(key="case_mark", value=mark))
