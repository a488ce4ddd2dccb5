#!/usr/bin/env bash
# Checks the portable zip built by `./mvnw -B -Pportable package`:
# - each platform's JavaFX jars are there (win, mac, mac-aarch64, linux: the same modules as the
#   build's own) and carry that platform's natives (PE x86-64 DLL, Mach-O x86_64 and arm64,
#   ELF x86-64), and no JavaFX jar sits in the common lib/;
# - every runtime library of the build is in lib/ (the zip follows the dependency tree);
# - the launchers: .bat in CRLF, the Unix ones executable;
# - unzipped under a folder with spaces and accents, in a process with no locale at all, the Linux
#   launcher answers --version, runs a command on such a data folder, and opens the window
#   under Xvfb (the app prints its time to the first screen and quits).
# Usage: installer/check-portable-zip.sh [ZIP]
set -euo pipefail
cd "$(dirname "$0")/.."
zip="$(realpath "${1:-$(ls target/passerelle-*-portable.zip | head -n 1)}")"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
top="passerelle-$version"
fail() { echo "check-portable-zip: $*" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
listing="$work/listing"
unzip -Z1 "$zip" >"$listing"

# JavaFX per platform, with its natives
fx_modules="$(ls target/lib | sed -n 's/^\(javafx-[a-z]*\)-.*-linux\.jar$/\1/p' | sort)"
[[ -n "$fx_modules" ]] || fail "no JavaFX jar in target/lib (run the build first)"
declare -A native=(
  [win]="glass.dll:PE32\\+ executable.*x86-64"
  [mac]="libglass.dylib:Mach-O 64-bit.*x86_64"
  [mac-aarch64]="libglass.dylib:Mach-O 64-bit.*arm64"
  [linux]="libglass.so:ELF 64-bit LSB shared object, x86-64"
)
for platform in win mac mac-aarch64 linux; do
  got="$(sed -n "s:^$top/lib/javafx/$platform/\(javafx-[a-z]*\)-.*-$platform\.jar$:\1:p" "$listing" | sort)"
  [[ "$got" == "$fx_modules" ]] || fail "lib/javafx/$platform has [$got], expected [$fx_modules]"
  file_name="${native[$platform]%%:*}"
  pattern="${native[$platform]#*:}"
  unzip -q -o "$zip" "$top/lib/javafx/$platform/javafx-graphics-*-$platform.jar" -d "$work/$platform"
  unzip -q -o "$work/$platform/$top/lib/javafx/$platform/"javafx-graphics-*.jar "$file_name" -d "$work/$platform/n"
  file -b "$work/$platform/n/$file_name" | grep -Eq "$pattern" \
    || fail "$platform: $file_name is '$(file -b "$work/$platform/n/$file_name")', expected /$pattern/"
done
! grep -q "^$top/lib/javafx-" "$listing" || fail "a JavaFX jar is in the common lib/"

# every runtime library of the build
for jar in target/lib/*.jar; do
  name="$(basename "$jar")"
  [[ "$name" == javafx-* ]] && continue
  grep -qx "$top/lib/$name" "$listing" || fail "lib/$name is missing from the zip"
done

# launchers
unzip -q -o "$zip" "$top/Passerelle.bat" -d "$work/bat"
[[ "$(grep -c $'\r$' "$work/bat/$top/Passerelle.bat")" == "$(wc -l <"$work/bat/$top/Passerelle.bat")" ]] \
  || fail "Passerelle.bat is not in CRLF"
for launcher in passerelle Passerelle.command; do
  zipinfo "$zip" "$top/$launcher" | grep -q '^-rwxr-xr-x' || fail "$launcher is not executable in the zip"
done

# run it as a Windows user's profile would name things, with no locale at all
home="$work/Hélène Dupont"
mkdir -p "$home/Téléchargements"
unzip -q "$zip" -d "$home/Téléchargements"
launcher="$home/Téléchargements/$top/passerelle"
data="$home/données Passerelle"
run() { env -i PATH="$PATH" HOME="$home" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} "$@"; }
[[ "$(run "$launcher" --version)" == "Passerelle $version" ]] || fail "--version did not print 'Passerelle $version'"
printf '%s\n' "le vieux port sous la pluie" | run "$launcher" --data-dir "$data" --user verifier --password-stdin \
  init --office-name "Agence d'Albi" --office-kind FRANCE_TRAVAIL >/dev/null \
  || fail "init on '$data' failed"
printf '%s\n' "le vieux port sous la pluie" | run "$launcher" --data-dir "$data" --user verifier --password-stdin \
  occupations search "maçon" | grep -q F1703 \
  || fail "'occupations search maçon' on '$data' did not list F1703"
shown="$(run DISPLAY= xvfb-run -a -s '-screen 0 1280x800x24' env PASSERELLE_JAVA_OPTS=-Dpasserelle.exitWhenShown=true \
  "$launcher" --data-dir "$data" 2>"$work/window.err" | grep '^shown-ms' || true)"
[[ -n "$shown" ]] || { cat "$work/window.err" >&2; fail "the window did not open from the portable launcher"; }
echo "check-portable-zip: OK ($(basename "$zip"): JavaFX natives for win, mac, mac-aarch64, linux; Linux launcher under '$home': --version, a command, the window ($shown))"
