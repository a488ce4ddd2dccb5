#!/usr/bin/env bash
# Checks the .deb built by `./mvnw -B -Pinstaller package` the way a new user meets it, as root on
# this machine: `apt-get install ./…deb` configures it (no half-configured package when the system
# has no menu directory), the menu entry speaks French and English, the installed launcher answers
# --version and loads Passerelle's classes from the class-data archive postinst made (ADR 0199), runs
# commands on a data folder whose path has spaces and accents, the window opens
# under Xvfb (screenshot: target/ci/deb-window.png), and removing then purging the package leaves
# the user's data folder alone.
# Usage: installer/check-deb.sh [FILE.deb]     (needs xvfb-run, xdotool, imagemagick)
set -euo pipefail
cd "$(dirname "$0")/.."
deb="${1:-$(ls target/dist/passerelle_*_amd64.deb | head -n 1)}"
out=target/ci
mkdir -p "$out"
: >"$out/deb-install.log"
fail() { echo "check-deb: $*" >&2; exit 1; }

install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$(realpath "$deb")" >>"$out/deb-install.log" 2>&1; }
# a fresh machine may have no package lists yet to resolve Depends (cups-bsd, …)
install || { apt-get update -qq >>"$out/deb-install.log" 2>&1 && install; } \
  || { tail -n 20 "$out/deb-install.log" >&2; fail "apt-get install $deb failed"; }
[[ "$(dpkg-query -W -f='${Status}' passerelle)" == "install ok installed" ]] \
  || fail "passerelle is not 'install ok installed' after apt-get install"
desktop=/usr/share/applications/passerelle.desktop
grep -q '^Comment\[fr\]=Réunions' "$desktop" && grep -q '^Comment=Meetings' "$desktop" \
  || fail "$desktop has no French and English comment"

expected="Passerelle $(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
[[ "$(passerelle --version)" == "$expected" ]] || fail "passerelle --version is not '$expected'"
# a JDK 17 archive holds the jars' absolute paths and times: the one of target/dist would not map
# in /opt/passerelle, postinst makes it there
jsa=/opt/passerelle/lib/app/passerelle.jsa
JAVA_TOOL_OPTIONS=-Xlog:class+load=info passerelle --version 2>/dev/null |
  grep -q '^\[.*\] fr\.passerelle\.Main source: shared objects file$' \
  || fail "the installed launcher does not load Passerelle's classes from $jsa ($(ls -l "$jsa" 2>&1))"

root="$(mktemp -d)"
data="$root/Hélène Dupont/données Passerelle"
printf '%s\n' "le vieux port sous la pluie" | passerelle --data-dir "$data" --user verifier --password-stdin \
  init --office-name "Agence d'Albi" --office-kind FRANCE_TRAVAIL >/dev/null
printf '%s\n' "le vieux port sous la pluie" | passerelle --data-dir "$data" --user verifier --password-stdin \
  occupations search maçon | grep -q F1703 \
  || fail "the installed launcher did not search occupations in '$data'"

# The window, from the launcher the menu entry runs; the log says when the first screen is laid out.
log="$data/logs/passerelle.log"
xvfb-run -a -s '-screen 0 1280x800x24' bash -c '
  "$1" --data-dir "$2" >"$3/deb-window.out" 2>&1 &
  app=$!
  for _ in $(seq 1 180); do
    grep -q "Screen laid out" "$4" 2>/dev/null && break
    kill -0 "$app" 2>/dev/null || break
    sleep 1
  done
  sleep 2   # the first frame is painted after the layout pulse
  import -window root "$3/deb-window.png"
  xdotool search --name "^Passerelle" >"$3/deb-window.ids" 2>/dev/null || true
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
' _ /opt/passerelle/bin/Passerelle "$data" "$out" "$log"
grep -q "Screen laid out" "$log" || { cat "$out/deb-window.out" >&2; fail "the window did not open (see $log)"; }
[[ -s "$out/deb-window.ids" ]] || fail "no X window named Passerelle"
colours="$(convert "$out/deb-window.png" -format '%k' info:)"
[[ "$colours" -gt 50 ]] || fail "the screenshot is nearly blank ($colours colours)"

DEBIAN_FRONTEND=noninteractive apt-get remove -y -q passerelle >>"$out/deb-install.log" 2>&1 \
  || fail "apt-get remove passerelle failed"
[[ -f "$data/passerelle.mv.db" ]] || fail "removing the package deleted the data folder"
[[ ! -e "$desktop" && ! -e /usr/bin/passerelle ]] || fail "the menu entry or the command outlived the package"
[[ ! -e "$jsa" && ! -L "$jsa" ]] || fail "the class-data archive $jsa outlived the package"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q passerelle >>"$out/deb-install.log" 2>&1 \
  || fail "apt-get purge passerelle failed"
[[ -f "$data/passerelle.mv.db" ]] || fail "purging the package deleted the data folder"
rm -rf "$root"
echo "check-deb: OK ($deb installed, window shown: $out/deb-window.png, removed and purged, data kept)"
