#!/usr/bin/env bash
# Brings the translation source up to date with the code, for developers after changing strings:
#   1. regenerates src/loften_app/ui/enum_labels.py: the texts lupdate cannot find in the code by
#      itself (the enum labels of loften_app.domain.enums, shown through `enum_text`, and texts
#      passed to module helpers such as `def _tr(text): return QCoreApplication.translate("x",
#      text)`), each marked with QT_TRANSLATE_NOOP so that lupdate does find them,
#   2. runs pyside6-lupdate over every .py under src/loften_app/ui into
#      resources/translations/loften_en.ts (existing translations are kept, vanished ones dropped).
# Then translate the new entries (type="unfinished") in the .ts, with Qt Linguist
# (.venv/bin/pyside6-linguist) or a text editor; tests/ui/test_translations.py fails until every
# entry is translated. scripts/setup.sh compiles the .ts to the .qm the application loads.
# Usage: scripts/update-translations.sh            update both files
#        scripts/update-translations.sh --print    print the generated module only (for the test)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf '[löften] %s\n' "$*" >&2; }

venv="$root/.venv"
if [ ! -x "$venv/bin/pyside6-lupdate" ]; then
  say "pyside6-lupdate saknas i .venv/. Kör scripts/setup.sh test först."
  exit 1
fi

ui="src/loften_app/ui"
generated="$ui/enum_labels.py"
ts="resources/translations/loften_en.ts"

# --- 1. The generated module -------------------------------------------------------------------
generate() {
  PYTHONPATH="$root/src${PYTHONPATH:+:$PYTHONPATH}" "$venv/bin/python" - "$ui" "$generated" <<'PY'
import ast
import json
import sys
from pathlib import Path

from loften_app.domain.enums import ALL_ENUMS, label
from loften_app.domain.kinds import KINDS

ui, generated = Path(sys.argv[1]), Path(sys.argv[2])


def literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def helper_context(node: ast.FunctionDef) -> str | None:
    """The context of a helper `def f(text): return QCoreApplication.translate("ctx", text)`."""
    body = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    params = node.args.args
    if len(body) != 1 or len(params) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "translate"
        and len(call.args) == 2
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
        and isinstance(call.args[1], ast.Name)
        and call.args[1].id == params[0].arg
    ):
        return None
    return call.args[0].value


enum_texts: list[str] = []
for enum in ALL_ENUMS:
    for member in enum:
        if label(member) not in enum_texts:
            enum_texts.append(label(member))

# The labels of the record kinds' fields (loften_app.domain.kinds.Field): the forms' captions,
# the lists' headers and the validation messages translate them in the context "FieldLabel".
field_texts: list[str] = []
for kind in KINDS:
    for field in kind.fields:
        if field.label not in field_texts:
            field_texts.append(field.label)

helper_texts: list[tuple[str, str, str]] = []  # (file, context, text)
for path in sorted(ui.rglob("*.py")):
    if path == generated:
        continue
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    helpers = {
        node.name: context
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and (context := helper_context(node)) is not None
    }
    if not helpers:
        continue
    calls = sorted(
        (n for n in ast.walk(tree) if isinstance(n, ast.Call)),
        key=lambda n: (n.lineno, n.col_offset),
    )
    for node in calls:
        if not isinstance(node.func, ast.Name):
            continue
        context = helpers.get(node.func.id)
        if context is None:
            continue
        if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            entry = (path.relative_to(ui).as_posix(), context, node.args[0].value)
            if entry not in helper_texts:
                helper_texts.append(entry)
        else:
            print(
                f"[löften] {path}:{node.lineno}: {node.func.id}() med en text som inte är en "
                "bokstavlig sträng kan inte översättas; skriv texten direkt i anropet.",
                file=sys.stderr,
            )

# Templates that the domain and the reports put together through `words.text("...")` (see
# loften_app.domain.targets.Words); the UI's Words translates them in the context "targets".
word_texts: list[str] = []
package = ui.parent
for path in sorted([*(package / "domain").rglob("*.py"), *(package / "reports").rglob("*.py")]):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    calls = sorted(
        (n for n in ast.walk(tree) if isinstance(n, ast.Call)),
        key=lambda n: (n.lineno, n.col_offset),
    )
    for node in calls:
        func = node.func
        if not (
            isinstance(func, ast.Attribute)
            and func.attr == "text"
            and isinstance(func.value, ast.Name)
            and func.value.id == "words"
        ):
            continue
        if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            if node.args[0].value not in word_texts:
                word_texts.append(node.args[0].value)
        else:
            print(
                f"[löften] {path}:{node.lineno}: words.text() med en text som inte är en "
                "bokstavlig sträng kan inte översättas; skriv texten direkt i anropet.",
                file=sys.stderr,
            )

# Error templates: every `error_text("code", "template", ...)` outside the UI, and the nouns the
# services name their records with (a parameter of their errors); the UI's `error_message`
# translates them in the context "errors" (see loften_app.domain.errors).
error_texts: list[str] = []
for path in sorted(p for p in package.rglob("*.py") if ui not in p.parents):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    nodes = sorted(ast.walk(tree), key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)))
    for node in nodes:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "error_text":
            if len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                if node.args[1].value not in error_texts:
                    error_texts.append(node.args[1].value)
            elif path.name != "errors.py":
                print(
                    f"[löften] {path}:{node.lineno}: error_text() med en mall som inte är en "
                    "bokstavlig sträng kan inte översättas; skriv mallen direkt i anropet.",
                    file=sys.stderr,
                )
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == "noun"
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            and node.value.value.capitalize() not in error_texts
        ):
            error_texts.append(node.value.value.capitalize())

lines = [
    "# ruff: noqa: E501  (generated; long Swedish sentences stay on one line each)",
    '"""Texts that lupdate cannot find in the code by itself, marked here so that it finds them.',
    "",
    "GENERATED by scripts/update-translations.sh: do not edit, run the script again. Never",
    "imported at run time; lupdate reads it like any other source file. It holds the Swedish",
    "labels of `loften_app.domain.enums` (shown through `i18n.enum_text`, context \"enums\"), the",
    "labels of the record kinds' fields (`loften_app.domain.kinds`, context \"FieldLabel\") and",
    "the texts passed to module helpers that wrap `QCoreApplication.translate` with a fixed",
    "context (lupdate sees only the helper's call, not the context inside it).",
    '"""',
    "",
    "from PySide6.QtCore import QT_TRANSLATE_NOOP",
    "",
    "# --- Enum labels (loften_app.domain.enums) ---------------------------------------------------",
    "",
]
lines += [f'QT_TRANSLATE_NOOP("enums", {literal(text)})' for text in enum_texts]
lines += ["", "# --- Field labels (loften_app.domain.kinds, Kind.fields) ---------------------------------------", ""]
lines += [f'QT_TRANSLATE_NOOP("FieldLabel", {literal(text)})' for text in field_texts]
if word_texts:
    lines += ["", "# --- Templates of loften_app.domain and .reports (words.text, see domain.targets.Words) ---", ""]
    lines += [f'QT_TRANSLATE_NOOP("targets", {literal(text)})' for text in word_texts]
if error_texts:
    lines += ["", "# --- Error templates outside the UI (error_text, see domain.errors; and record nouns) ------", ""]
    lines += [f'QT_TRANSLATE_NOOP("errors", {literal(text)})' for text in error_texts]
last_file = None
if helper_texts:
    lines += ["", "# --- Texts passed to translate helpers ------------------------------------------------------"]
for file, context, text in helper_texts:
    if file != last_file:
        lines += ["", f"# {file}"]
        last_file = file
    lines.append(f"QT_TRANSLATE_NOOP({literal(context)}, {literal(text)})")
print("\n".join(lines))
PY
}

if [ "${1:-}" = "--print" ]; then
  generate
  exit 0
fi

say "Skapar $generated"
generate >"$generated.new"
mv "$generated.new" "$generated"
# Long lines wrapped the way the format check expects (ruff comes with "scripts/setup.sh test").
if [ -x "$venv/bin/ruff" ]; then
  "$venv/bin/ruff" format --quiet "$generated"
fi

# --- 2. The translation source -----------------------------------------------------------------
say "Uppdaterar $ts"
mkdir -p "$(dirname "$ts")"
sources="$(mktemp)"
trap 'rm -f "$sources"' EXIT
find "$ui" -name '*.py' | LC_ALL=C sort >"$sources"
"$venv/bin/pyside6-lupdate" -silent -locations none -source-language sv_SE -target-language en_GB -no-obsolete \
  "@$sources" -ts "$ts"

unfinished="$(grep -c 'type="unfinished"' "$ts" || true)"
if [ "$unfinished" -gt 0 ]; then
  say "$unfinished texter att översätta i $ts (markerade type=\"unfinished\")."
else
  say "Alla texter i $ts är översatta."
fi
