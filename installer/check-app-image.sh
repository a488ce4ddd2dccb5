#!/usr/bin/env bash
# Checks the jpackage app-image built by `./mvnw -B -Pinstaller package`: its launcher answers
# --version with "Passerelle <pom version>", loads Passerelle's own classes from the class-data
# archive made by the build (ADR 0199; the build needs a display or xvfb-run), and a command runs
# on a fresh data folder.
# Usage: installer/check-app-image.sh [APP_IMAGE_DIR]   (default: target/dist/Passerelle)
set -euo pipefail
cd "$(dirname "$0")/.."
image="${1:-target/dist/Passerelle}"
launcher="$image/bin/Passerelle"
if [[ ! -x "$launcher" ]]; then
  echo "check-app-image: no launcher at $launcher (build it with ./mvnw -B -Pinstaller package -DskipTests)" >&2
  exit 1
fi
expected="Passerelle $(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
actual="$("$launcher" --version)"
if [[ "$actual" != "$expected" ]]; then
  echo "check-app-image: '$launcher --version' printed '$actual', expected '$expected'" >&2
  exit 1
fi
# The class-data archive: the JVM logs each class's source; Passerelle's main class must come from
# the archive ("shared objects file"), not from passerelle.jar.
loads="$(JAVA_TOOL_OPTIONS=-Xlog:class+load=info "$launcher" --version 2>/dev/null)"
if ! grep -q '^\[.*\] fr\.passerelle\.Main source: shared objects file$' <<<"$loads"; then
  echo "check-app-image: Passerelle's classes are not loaded from the class-data archive" \
    "$image/lib/app/passerelle.jsa (was the build run without a display? see installer/README.md)" >&2
  exit 1
fi
shared="$(grep -c 'source: shared objects file' <<<"$loads")"
CHECK_PASSPHRASE="le vieux port sous la pluie"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
# every command runs as an account: init creates the office and its first administrator (the
# passphrase on standard input, never an argument)
printf '%s\n' "$CHECK_PASSPHRASE" | "$launcher" --data-dir "$data" --user verifier --password-stdin \
  init --office-name "Agence d'Albi" --office-kind FRANCE_TRAVAIL >/dev/null
if ! printf '%s\n' "$CHECK_PASSPHRASE" | "$launcher" --data-dir "$data" --user verifier --password-stdin \
  occupations search macon | grep -q "F1703"; then
  echo "check-app-image: 'occupations search macon' did not list F1703 (runtime or resources missing?)" >&2
  exit 1
fi
echo "check-app-image: OK ($actual, $shared of $(grep -c ' source: ' <<<"$loads") classes of --version" \
  "from the class-data archive, bundled runtime migrates and searches)"
