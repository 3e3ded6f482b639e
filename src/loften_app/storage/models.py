"""SQLAlchemy 2 models: the schema of a Löften database.

Every top-level record carries `RecordColumns`: a UUID that stays the same on every machine, a
version counter for optimistic concurrency, the organisation and user that created and last
changed it, and a soft-delete time. Child rows (shop visits, observations, actions, photos, place
links) belong to their parent, are replaced with it and have UUIDs of their own.
Times are stored in UTC.
"""

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Dialect,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from loften_app.domain.enums import (
    Accepted,
    ActionOwner,
    ActionStatus,
    AgeGroup,
    CaseStatus,
    Comparison,
    DetectionMethod,
    DrugCaseKind,
    LegalOutcome,
    LightCondition,
    Measure,
    NeighbourhoodMeeting,
    NotificationKind,
    ObservationCategory,
    Organisation,
    PatrolMode,
    Priority,
    PromiseType,
    Responsible,
    SupportOffered,
    TargetPeriod,
    VolunteerTask,
    WalkStatus,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UUID_LENGTH = 36

# The partial indexes below give only SQLite's `where`: the migrations create them on a server
# (with `postgresql_where`), and autogenerate runs against SQLite. A `postgresql_*` keyword here
# would make SQLAlchemy import its PostgreSQL dialect (asyncpg's adapter included) into every
# command, about 35 ms.


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware datetime stored as naive UTC text, returned aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


def enum_column(enum: type[StrEnum], name: str) -> Enum:
    """A VARCHAR with a CHECK constraint holding the enum's values (not its member names)."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=max(len(m.value) for m in enum),
        values_callable=lambda e: [m.value for m in e],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Base]) -> Table:
    """The Core table of a model, typed as such (for INSERT/UPDATE statements)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def uuid_pk() -> Mapped[str]:
    return mapped_column(String(UUID_LENGTH), primary_key=True)


def parent_fk(target: str, *, index: bool = True) -> Mapped[str]:
    return mapped_column(
        String(UUID_LENGTH), ForeignKey(target, ondelete="CASCADE"), nullable=False, index=index
    )


def reference(target: str, *, nullable: bool = True, index: bool = True) -> Mapped[Any]:
    return mapped_column(
        String(UUID_LENGTH), ForeignKey(target, ondelete="RESTRICT"), nullable=nullable, index=index
    )


#: `Index.info` key: the one engine (dialect name) that has this index (`server_only`).
ONLY_ON = "loften_only_on"


def server_only(name: str, *columns: str) -> Index:
    """An index that PostgreSQL has and an SQLite file has not (migration 0007).

    The register columns of a patrol's child rows (`patrol_place.place_id`,
    `shop_visit.shop_id`) are read by no query of the application on a file: the lists find a
    place's patrols through the link's primary key (patrol, place), nothing looks up a shop's
    visits, and registers are never deleted (only marked deleted), so no foreign key check
    needs them either. Each save of a patrol wrote 7 of its 27 pages for the two (a place or a
    shop gets a new entry in the middle of its index, at the end of its run). A server keeps
    them: its planner can start a list filtered by a place from the place's links."""
    index = Index(name, *columns, info={ONLY_ON: "postgresql"})
    return index.ddl_if(dialect="postgresql")


def on_engine(dialect: str) -> Any:
    """Alembic's `include_object` for comparing the models with a database of this engine:
    an index that only another engine has (`server_only`) is left out."""

    def include(obj: object, _name: str, kind: str, reflected: bool, _compare_to: object) -> bool:
        if kind != "index" or reflected:
            return True
        only = getattr(obj, "info", {}).get(ONLY_ON)
        return only is None or only == dialect

    return include


class RecordColumns:
    """Columns that every top-level record has."""

    id: Mapped[str] = uuid_pk()
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    organisation: Mapped[Organisation] = mapped_column(
        enum_column(Organisation, "organisation"), nullable=False
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_by: Mapped[str] = mapped_column(String(200), nullable=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Record(RecordColumns, Base):
    """Abstract base of every top-level record table."""

    __abstract__ = True


# --- Registers ----------------------------------------------------------------------------------


class Agreement(Record):
    __tablename__ = "agreement"

    municipality: Mapped[str] = mapped_column(String(200))
    police_area: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    valid_until_replaced: Mapped[bool] = mapped_column(Boolean, default=True)
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date)
    publication: Mapped[str] = mapped_column(Text, default="")
    background: Mapped[str] = mapped_column(Text, default="")
    aims: Mapped[str] = mapped_column(Text, default="")


class Promise(Record):
    __tablename__ = "promise"
    __table_args__ = (
        Index(
            "uq_promise_number_active",
            "agreement_id",
            "number",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    agreement_id: Mapped[str] = reference("agreement.id", nullable=False)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    short_title: Mapped[str] = mapped_column(String(200))
    responsible: Mapped[Responsible] = mapped_column(enum_column(Responsible, "responsible"))
    type: Mapped[PromiseType] = mapped_column(enum_column(PromiseType, "promise_type"))
    responsibility_note: Mapped[str] = mapped_column(Text, default="")
    follow_up_comment: Mapped[str] = mapped_column(Text, default="")
    internal_comment: Mapped[str] = mapped_column(Text, default="")
    #: The promise of an earlier agreement that this one continues (its lineage), if any.
    continues_id: Mapped[str | None] = reference("promise.id")
    #: The time planned for this promise, in hours per year (Brå: planned against spent).
    planned_hours: Mapped[float | None] = mapped_column(Float)


class Target(Record):
    __tablename__ = "target"

    promise_id: Mapped[str] = reference("promise.id", nullable=False)
    measure: Mapped[Measure] = mapped_column(enum_column(Measure, "measure"))
    comparison: Mapped[Comparison] = mapped_column(enum_column(Comparison, "comparison"))
    value: Mapped[float] = mapped_column(Float)
    period: Mapped[TargetPeriod] = mapped_column(enum_column(TargetPeriod, "target_period"))
    parameter: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")


class Place(Record):
    __tablename__ = "place"

    name: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str] = mapped_column(Text, default="")


class Shop(Record):
    __tablename__ = "shop"

    name: Mapped[str] = mapped_column(String(200), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(200), default="")
    place_id: Mapped[str | None] = reference("place.id")


class Indicator(Record):
    __tablename__ = "indicator"

    name: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(50), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    promise_id: Mapped[str | None] = reference("promise.id")
    lower_is_better: Mapped[bool] = mapped_column(Boolean, default=True)


class IndicatorValue(Record):
    __tablename__ = "indicator_value"
    __table_args__ = (
        Index(
            "uq_indicator_value_period_active",
            "indicator_id",
            "period_key",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    indicator_id: Mapped[str] = reference("indicator.id", nullable=False)
    period_key: Mapped[str] = mapped_column(String(30))
    value: Mapped[float] = mapped_column(Float)
    source_note: Mapped[str] = mapped_column(Text, default="")


# --- Activities ---------------------------------------------------------------------------------


class Patrol(Record):
    __tablename__ = "patrol"
    __table_args__ = (Index("ix_patrol_deleted_date", "deleted_at", "date"),)

    promise_id: Mapped[str] = reference("promise.id", nullable=False)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    mode: Mapped[PatrolMode] = mapped_column(enum_column(PatrolMode, "patrol_mode"))
    officers: Mapped[int] = mapped_column(Integer)
    disturbances: Mapped[int] = mapped_column(Integer, default=0)
    visible_drug_use: Mapped[int] = mapped_column(Integer, default=0)
    hours_spent: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")

    places: Mapped[list["PatrolPlace"]] = relationship(
        order_by="PatrolPlace.position", cascade="all, delete-orphan", passive_deletes=True
    )
    shop_visits: Mapped[list["ShopVisit"]] = relationship(
        order_by="ShopVisit.position", cascade="all, delete-orphan", passive_deletes=True
    )


class PatrolPlace(Base):
    __tablename__ = "patrol_place"
    __table_args__ = (server_only("ix_patrol_place_place_id", "place_id"),)

    patrol_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("patrol.id", ondelete="CASCADE"), primary_key=True
    )
    place_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("place.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class ShopVisit(Base):
    __tablename__ = "shop_visit"
    __table_args__ = (server_only("ix_shop_visit_shop_id", "shop_id"),)

    id: Mapped[str] = uuid_pk()
    patrol_id: Mapped[str] = parent_fk("patrol.id")
    shop_id: Mapped[str] = reference("shop.id", nullable=False, index=False)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class SafetyWalk(Record):
    __tablename__ = "safety_walk"
    __table_args__ = (Index("ix_safety_walk_deleted_date", "deleted_at", "date"),)

    promise_id: Mapped[str] = reference("promise.id", nullable=False)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[WalkStatus] = mapped_column(enum_column(WalkStatus, "walk_status"))
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    light: Mapped[LightCondition | None] = mapped_column(enum_column(LightCondition, "light"))
    place_id: Mapped[str | None] = reference("place.id")
    route: Mapped[str] = mapped_column(Text, default="")
    participants_municipality: Mapped[int] = mapped_column(Integer, default=0)
    participants_police: Mapped[int] = mapped_column(Integer, default=0)
    participants_property_owners: Mapped[int] = mapped_column(Integer, default=0)
    participants_business: Mapped[int] = mapped_column(Integer, default=0)
    participants_associations: Mapped[int] = mapped_column(Integer, default=0)
    participants_residents: Mapped[int] = mapped_column(Integer, default=0)
    participants_politicians: Mapped[int] = mapped_column(Integer, default=0)
    participants_others: Mapped[int] = mapped_column(Integer, default=0)
    preparatory_meeting_on: Mapped[dt.date | None] = mapped_column(Date)
    protocol_published_on: Mapped[dt.date | None] = mapped_column(Date)
    cancellation_reason: Mapped[str] = mapped_column(Text, default="")
    hours_spent: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")

    observations: Mapped[list["Observation"]] = relationship(
        order_by="Observation.position", cascade="all, delete-orphan", passive_deletes=True
    )


class Observation(Base):
    __tablename__ = "observation"

    id: Mapped[str] = uuid_pk()
    walk_id: Mapped[str] = parent_fk("safety_walk.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    place_id: Mapped[str | None] = reference("place.id")
    category: Mapped[ObservationCategory] = mapped_column(
        enum_column(ObservationCategory, "observation_category")
    )
    description: Mapped[str] = mapped_column(Text)

    photos: Mapped[list["ObservationPhoto"]] = relationship(
        order_by="ObservationPhoto.position", cascade="all, delete-orphan", passive_deletes=True
    )
    action: Mapped["WalkAction | None"] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, uselist=False
    )


class ObservationPhoto(Base):
    __tablename__ = "observation_photo"

    id: Mapped[str] = uuid_pk()
    observation_id: Mapped[str] = parent_fk("observation.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(String(300))


class WalkAction(Base):
    __tablename__ = "walk_action"
    __table_args__ = (
        CheckConstraint(
            "status != 'rejected' OR length(rejection_reason) > 0", name="rejection_reason"
        ),
    )

    id: Mapped[str] = uuid_pk()
    observation_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH),
        ForeignKey("observation.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    )
    what: Mapped[str] = mapped_column(Text)
    owner: Mapped[ActionOwner] = mapped_column(enum_column(ActionOwner, "action_owner"))
    owner_detail: Mapped[str] = mapped_column(String(300), default="")
    priority: Mapped[Priority] = mapped_column(enum_column(Priority, "priority"))
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus, "action_status"), index=True
    )
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)


class VolunteerDeployment(Record):
    __tablename__ = "volunteer_deployment"
    __table_args__ = (Index("ix_volunteer_deployment_deleted_date", "deleted_at", "date"),)

    promise_id: Mapped[str] = reference("promise.id", nullable=False)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    task: Mapped[VolunteerTask] = mapped_column(enum_column(VolunteerTask, "volunteer_task"))
    volunteers: Mapped[int] = mapped_column(Integer)
    volunteer_hours_override: Mapped[float | None] = mapped_column(Float)
    with_municipality: Mapped[bool] = mapped_column(Boolean, default=False)
    with_business: Mapped[bool] = mapped_column(Boolean, default=False)
    observations_passed: Mapped[int] = mapped_column(Integer, default=0)
    hours_spent: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")

    places: Mapped[list["DeploymentPlace"]] = relationship(
        order_by="DeploymentPlace.position", cascade="all, delete-orphan", passive_deletes=True
    )


class DeploymentPlace(Base):
    __tablename__ = "deployment_place"

    deployment_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH),
        ForeignKey("volunteer_deployment.id", ondelete="CASCADE"),
        primary_key=True,
    )
    place_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH),
        ForeignKey("place.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class DrugCase(Record):
    __tablename__ = "drug_case"
    __table_args__ = (Index("ix_drug_case_deleted_detected", "deleted_at", "detected_on"),)

    promise_id: Mapped[str] = reference("promise.id", nullable=False)
    case_code: Mapped[str] = mapped_column(String(30), unique=True)
    # Police part (fylls i av Polisen); the coded fields stay empty until Polisen fills them in
    detected_on: Mapped[dt.date] = mapped_column(Date, index=True)
    place_id: Mapped[str | None] = reference("place.id")
    age_group: Mapped[AgeGroup | None] = mapped_column(enum_column(AgeGroup, "age_group"))
    kind: Mapped[DrugCaseKind | None] = mapped_column(enum_column(DrugCaseKind, "drug_case_kind"))
    detection_method: Mapped[DetectionMethod | None] = mapped_column(
        enum_column(DetectionMethod, "detection_method")
    )
    legal_outcome: Mapped[LegalOutcome | None] = mapped_column(
        enum_column(LegalOutcome, "legal_outcome")
    )
    municipality_notified_on: Mapped[dt.date | None] = mapped_column(Date)
    notification_kind: Mapped[NotificationKind | None] = mapped_column(
        enum_column(NotificationKind, "notification_kind")
    )
    police_notes: Mapped[str] = mapped_column(Text, default="")
    # Municipal part (fylls i av Kommunen); `status` stays empty until Kommunen fills it in
    first_contact_on: Mapped[dt.date | None] = mapped_column(Date)
    support_offered: Mapped[SupportOffered | None] = mapped_column(
        enum_column(SupportOffered, "support_offered")
    )
    accepted: Mapped[Accepted | None] = mapped_column(enum_column(Accepted, "accepted"))
    status: Mapped[CaseStatus | None] = mapped_column(enum_column(CaseStatus, "case_status"))
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    municipal_notes: Mapped[str] = mapped_column(Text, default="")
    hours_spent: Mapped[float | None] = mapped_column(Float)


class OtherActivity(Record):
    __tablename__ = "other_activity"
    __table_args__ = (Index("ix_other_activity_deleted_date", "deleted_at", "date"),)

    promise_id: Mapped[str] = reference("promise.id", nullable=False)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    what: Mapped[str] = mapped_column(Text)
    place_id: Mapped[str | None] = reference("place.id")
    count: Mapped[int | None] = mapped_column(Integer)
    hours_spent: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")


class NeighbourhoodWatch(Record):
    """A grannsamverkan meeting or information evening (schema version 4)."""

    __tablename__ = "neighbourhood_watch"
    __table_args__ = (Index("ix_neighbourhood_watch_deleted_date", "deleted_at", "date"),)

    promise_id: Mapped[str] = reference("promise.id", nullable=False)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    meeting: Mapped[NeighbourhoodMeeting] = mapped_column(
        enum_column(NeighbourhoodMeeting, "neighbourhood_meeting")
    )
    households_reached: Mapped[int] = mapped_column(Integer, default=0)
    new_groups: Mapped[int] = mapped_column(Integer, default=0)
    participants: Mapped[int] = mapped_column(Integer, default=0)
    with_police: Mapped[bool] = mapped_column(Boolean, default=False)
    with_municipality: Mapped[bool] = mapped_column(Boolean, default=False)
    with_landlord: Mapped[bool] = mapped_column(Boolean, default=False)
    with_association: Mapped[bool] = mapped_column(Boolean, default=False)
    hours_spent: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")

    places: Mapped[list["NeighbourhoodWatchPlace"]] = relationship(
        order_by="NeighbourhoodWatchPlace.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class NeighbourhoodWatchPlace(Base):
    __tablename__ = "neighbourhood_watch_place"

    meeting_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH),
        ForeignKey("neighbourhood_watch.id", ondelete="CASCADE"),
        primary_key=True,
    )
    place_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH),
        ForeignKey("place.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


# --- Bookkeeping (schema version 2): installation, audit trail, exchange log --------------------


class Meta(Base):
    """Facts about this database file, such as `installation_id` (a UUID made with the file)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class AuditEntry(Base):
    """One line of the audit trail. Rows are only ever inserted: SQLite triggers abort an
    UPDATE or DELETE (the one exception, redacting a drug case's values at retention, is
    described in storage/audit.py)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_record", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: ISO 8601 in UTC ("2018-06-01T12:00:00.000000+00:00").
    at: Mapped[str] = mapped_column(Text, nullable=False)
    actor: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    #: add, update, delete, undelete, restore, import, retention, backup_restore
    action: Mapped[str] = mapped_column(Text, nullable=False)
    record_type: Mapped[str | None] = mapped_column(Text)
    record_id: Mapped[str | None] = mapped_column(Text)
    #: JSON {field: [old, new]}
    changes: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class ExchangeLog(Base):
    """One package exported to or imported from a partner; `until` is the latest `updated_at`
    the package holds (the high-water mark for the next export)."""

    __tablename__ = "exchange_log"
    __table_args__ = (UniqueConstraint("package_id", "direction"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner: Mapped[str] = mapped_column(Text, nullable=False)
    #: 'export' or 'import'
    direction: Mapped[str] = mapped_column(Text, nullable=False)
    package_id: Mapped[str] = mapped_column(Text, nullable=False)
    at: Mapped[str] = mapped_column(Text, nullable=False)
    until: Mapped[str | None] = mapped_column(Text)
    records: Mapped[int] = mapped_column(Integer, nullable=False)


class FigureTotal(Base):
    """A stored total: one additive figure of one promise's records dated in one month (see
    storage/totals.py, which keeps it with every write)."""

    __tablename__ = "figure_total"

    promise_id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    #: "YYYY-MM"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    #: A figure's name: "patrol_hours", "age:under_18", "contact_days:3", "sum:new_groups", ...
    measure: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[float] = mapped_column(Float, nullable=False)


#: A change to a stored total written by one transaction on a PostgreSQL server, not yet folded
#: into `figure_total` (storage/totals.py): writers only add rows here, so two people saving
#: records of the same promise and month never update the same row. No key: rows are added
#: and, when folded, deleted.
figure_total_change = Table(
    "figure_total_change",
    Base.metadata,
    Column("promise_id", String(UUID_LENGTH), nullable=False),
    Column("month", String(7), nullable=False),
    Column("measure", String(100), nullable=False),
    Column("value", Float, nullable=False),
)
