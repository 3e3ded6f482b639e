"""SQLite's functions that Löften's SQL uses, made on PostgreSQL: one home for the differences
between the two engines' SQL functions.

Löften's figure, list and export queries are written once, in the SQL that SQLite speaks
(`total()`, two-argument `max()`/`min()`, `substr()` of a stored date or time, `julianday()`,
`group_concat()`, `strftime()`). Rather than keep a second copy of every query for PostgreSQL,
a server database gets these functions with SQLite's meaning (migration 0001 creates them on
PostgreSQL only; on SQLite they are built in):

- `total(x)`: the sum as a float, 0.0 over no rows; a boolean counts as 0 or 1;
- `max(a, b)`, `min(a, b)`: the larger and smaller of two numbers (`greatest`/`least`);
- `substr(date|time, start[, length])`: of the value's ISO text ("2018-07-01", "21:30:00"), as
  SQLite stores them;
- `julianday(date)`: the Julian day number, so that a difference of two is in days;
- `group_concat(text, separator)`: `string_agg`;
- `strftime(format, date)`: for the `%Y`, `%m` and `%d` that Löften uses;
- `integer * boolean`: a boolean column as 0 or 1, as SQLite stores it.

The scalar functions are plain SQL that the planner inlines; `total` uses the built-in float
addition, so an aggregate over a million rows costs what `sum` does.
"""

from __future__ import annotations

FUNCTIONS: tuple[str, ...] = (
    # total(): float8 (integers and numerics cast implicitly) and boolean.
    "CREATE AGGREGATE total(double precision) "
    "(SFUNC = float8pl, STYPE = double precision, INITCOND = '0')",
    "CREATE FUNCTION loften_total_bool(double precision, boolean) RETURNS double precision "
    "LANGUAGE sql IMMUTABLE AS $$ SELECT $1 + coalesce($2::int, 0) $$",
    "CREATE AGGREGATE total(boolean) "
    "(SFUNC = loften_total_bool, STYPE = double precision, INITCOND = '0')",
    "CREATE FUNCTION max(double precision, double precision) RETURNS double precision "
    "LANGUAGE sql IMMUTABLE AS $$ SELECT greatest($1, $2) $$",
    "CREATE FUNCTION min(double precision, double precision) RETURNS double precision "
    "LANGUAGE sql IMMUTABLE AS $$ SELECT least($1, $2) $$",
    "CREATE FUNCTION substr(date, integer, integer) RETURNS text "
    "LANGUAGE sql IMMUTABLE AS $$ SELECT substr(to_char($1, 'YYYY-MM-DD'), $2, $3) $$",
    "CREATE FUNCTION substr(date, integer) RETURNS text "
    "LANGUAGE sql IMMUTABLE AS $$ SELECT substr(to_char($1, 'YYYY-MM-DD'), $2) $$",
    "CREATE FUNCTION substr(time without time zone, integer, integer) RETURNS text "
    "LANGUAGE sql IMMUTABLE AS $$ SELECT substr(to_char($1, 'HH24:MI:SS.US'), $2, $3) $$",
    "CREATE FUNCTION substr(time without time zone, integer) RETURNS text "
    "LANGUAGE sql IMMUTABLE AS $$ SELECT substr(to_char($1, 'HH24:MI:SS.US'), $2) $$",
    "CREATE FUNCTION julianday(date) RETURNS double precision "
    "LANGUAGE sql IMMUTABLE AS $$ SELECT ($1 - DATE '2000-01-01') + 2451544.5 $$",
    "CREATE FUNCTION loften_concat(text, text, text) RETURNS text LANGUAGE sql IMMUTABLE AS "
    "$$ SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || $3 || $2 END $$",
    "CREATE AGGREGATE group_concat(text, text) (SFUNC = loften_concat, STYPE = text)",
    "CREATE FUNCTION strftime(text, date) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT "
    "replace(replace(replace($1, '%Y', to_char($2, 'YYYY')), '%m', to_char($2, 'MM')), "
    "'%d', to_char($2, 'DD')) $$",
    "CREATE FUNCTION loften_int_times_bool(integer, boolean) RETURNS integer "
    "LANGUAGE sql IMMUTABLE AS $$ SELECT $1 * $2::int $$",
    "CREATE OPERATOR * (LEFTARG = integer, RIGHTARG = boolean, FUNCTION = loften_int_times_bool)",
)

DROP: tuple[str, ...] = (
    "DROP OPERATOR IF EXISTS * (integer, boolean)",
    "DROP FUNCTION IF EXISTS loften_int_times_bool(integer, boolean)",
    "DROP FUNCTION IF EXISTS strftime(text, date)",
    "DROP AGGREGATE IF EXISTS group_concat(text, text)",
    "DROP FUNCTION IF EXISTS loften_concat(text, text, text)",
    "DROP FUNCTION IF EXISTS julianday(date)",
    "DROP FUNCTION IF EXISTS substr(time without time zone, integer)",
    "DROP FUNCTION IF EXISTS substr(time without time zone, integer, integer)",
    "DROP FUNCTION IF EXISTS substr(date, integer)",
    "DROP FUNCTION IF EXISTS substr(date, integer, integer)",
    "DROP FUNCTION IF EXISTS min(double precision, double precision)",
    "DROP FUNCTION IF EXISTS max(double precision, double precision)",
    "DROP AGGREGATE IF EXISTS total(boolean)",
    "DROP FUNCTION IF EXISTS loften_total_bool(double precision, boolean)",
    "DROP AGGREGATE IF EXISTS total(double precision)",
)
