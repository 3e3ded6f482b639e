"""Realistic, fictitious demo data for one year of an agreement (`loften demo-data`).

`fill_demo_data` writes a year of patrols with shop visits, volunteer deployments, safety walks
with observations and actions, drug cases, other activities and quarterly indicator values for
the promises of the current agreement (applying a built-in template first if the file has none),
in one write transaction: either everything is written or nothing is.

The data is deterministic: the same options give byte-identical tables. Every value (UUIDs
included, the template's too) comes from `random.Random` streams seeded from the options, and
the bookkeeping times are derived from the year and the records' own dates; the clock is never
read. Nothing names a person: records are attributed to roles ("kommunpolis (demo)"), and no
text holds a personnummer. `scale` multiplies the volume for performance tests: each unit adds
about 234 activity records (805 rows with their children), so scale 4300 gives a million records
(3.4 million rows) in about a minute and a half.

The modules: `fill` (the transaction), `writing` and `registers` (what it writes into), one
generator module per kind of record of the first kinds (`patrols`, `walks`, `cases`, `other`)
drawing from a `year.DemoYear`, and `content` (the Swedish texts, from `resources/demo/*.json`).
Which kinds get records, and how, is declared with each kind (`storage.kinds.StorageKind.demo`,
a `year.DemoRecords`): a new kind declares its generator there and needs no edit here.

Import `fill_demo_data` from `fill` and `DemoOptions` from `common`: this package imports
nothing itself, so that `storage.kinds` can import the generators without a circle.
"""
