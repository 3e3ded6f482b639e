#!/bin/sh
# Installs Löften for you alone, without root, from this unpacked folder:
#   the program   -> ~/.local/opt/loften/      (replaced as a whole on every install)
#   the command   -> ~/.local/bin/loften        (a link to the program)
#   the menu item -> ~/.local/share/applications/loften.desktop
#   the icon      -> ~/.local/share/icons/hicolor/*/apps/loften.{png,svg}
# Your data (~/.local/share/Loften/) and settings (~/.config/Loften/) are never touched, neither
# by an upgrade nor by "./install.sh --uninstall".
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
program="$HOME/.local/opt/loften"
bin="$HOME/.local/bin"
apps="$data/applications"
icons="$data/icons/hicolor"

refresh_menus() {
  # Desktops that cache menus and icons pick the change up sooner; neither tool is required.
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$program"
  [ -L "$bin/loften" ] && rm -f "$bin/loften"
  rm -f "$apps/loften.desktop"
  rm -f "$icons"/*/apps/loften.png "$icons/scalable/apps/loften.svg"
  refresh_menus
  echo "Löften är avinstallerat. Dina data i $data/Loften finns kvar."
  exit 0
fi

if [ ! -x "$here/loften/loften" ]; then
  echo "Hittar inte programmet i $here/loften. Packa upp hela arkivet och försök igen." >&2
  exit 1
fi

# A copy beside the old program first, then swap: an interrupted install leaves the old one.
mkdir -p "$(dirname "$program")"
rm -rf "$program.new"
cp -R "$here/loften" "$program.new"
rm -rf "$program"
mv "$program.new" "$program"

mkdir -p "$bin"
ln -sfn "$program/loften" "$bin/loften"

for size_dir in "$here"/icons/hicolor/*/; do
  size="$(basename "$size_dir")"
  mkdir -p "$icons/$size/apps"
  cp "$size_dir"apps/* "$icons/$size/apps/"
done

mkdir -p "$apps"
sed "s|^Exec=.*|Exec=\"$program/loften\"|" "$here/loften.desktop" >"$apps/loften.desktop"
chmod 644 "$apps/loften.desktop"
refresh_menus

echo "Löften $(cat "$here/VERSION") är installerat i $program."
echo "Starta det från programmenyn, eller med kommandot: loften"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "(Lägg till $bin i PATH för att kunna skriva bara 'loften' i terminalen.)" ;;
esac
