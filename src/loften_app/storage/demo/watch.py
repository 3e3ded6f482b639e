"""Grannsamverkan: the meetings and information evenings of the demo year."""

from __future__ import annotations

from collections.abc import Iterator

from loften_app.domain.enums import NeighbourhoodMeeting
from loften_app.domain.kinds.neighbourhood_watch import NeighbourhoodWatchData
from loften_app.storage.demo.common import MUNICIPALITY, Pair, half_hours, meta, time_on
from loften_app.storage.demo.year import DemoRecords, DemoYear


def neighbourhood_watch(year: DemoYear, promise_id: str) -> Iterator[Pair]:
    """Grannsamverkan: a meeting or information evening a month or so, with the households it
    reached and now and then a new group."""
    rng = year.options.rng("neighbourhood_watch")
    notes = year.content.texts("neighbourhood_watch_notes") or ("",)
    for _ in range(year.total(rng, 8, 12)):
        day = year.weekday(rng)
        evening = rng.random() < 0.4
        place = (
            year.place_like(rng, rng.choice(("centrum", "torg")))
            or rng.choice(year.registers.places)[0]
        )
        data = NeighbourhoodWatchData(
            promise_id=promise_id,
            date=day,
            meeting=(
                NeighbourhoodMeeting.INFORMATION_EVENING
                if evening
                else NeighbourhoodMeeting.MEETING
            ),
            place_ids=(place,),
            households_reached=rng.randint(8, 60),
            new_groups=1 if rng.random() < 0.3 else 0,
            participants=rng.randint(6, 40),
            with_police=True,
            with_municipality=rng.random() < 0.7,
            with_landlord=rng.random() < 0.4,
            with_association=rng.random() < 0.3,
            hours_spent=half_hours(rng.uniform(2, 5)),
            notes=rng.choice(notes),
        )
        yield meta(rng, MUNICIPALITY, time_on(rng, day, 16)), data


NEIGHBOURHOOD_WATCH_DEMO = DemoRecords(
    "Grannsamverkansträffar", "municipality", neighbourhood_watch
)
