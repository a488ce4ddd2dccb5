#!/usr/bin/env bash
# Start-up benchmark: process start → first shown screen (median of N runs), for a bare JavaFX
# window, Passerelle from the jar, and Passerelle from the jpackage app-image if built.
# Run under Xvfb after `./mvnw -B package -DskipTests` (and test-compile for the bare window):
#   xvfb-run -a -s '-screen 0 1600x1000x24' src/test/bench/startup.sh [RUNS] [DATA_DIR]
# DATA_DIR must hold an installation with an office (it opens on the shell, not the setup dialog);
# default: a fresh one set up by `init`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs="${1:-5}"
data="${2:-}"
if [[ -z "$data" ]]; then
  data="$(mktemp -d)/data"
  printf 'correct horse battery staple\ncorrect horse battery staple\n' |
    java -jar target/passerelle.jar --data-dir "$data" --user admin --password-stdin init \
      --office-name "Agence Bench" --office-kind FRANCE_TRAVAIL --first-name Claire \
      --last-name Martin >/dev/null
fi
cp="target/test-classes:target/passerelle.jar:target/lib/*"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # label, command...
  # launch → first frame, timed from this script's clock (the JVM's own start instant, shown-ms, is
  # read from /proc and can be off by hundreds of ms in a virtual machine)
  local label="$1"; shift
  local shown=() walls=() own=()
  for _ in $(seq "$runs"); do
    local t0 t1 out at
    t0=$(date +%s%3N)
    out="$(timeout 180 "$@" 2>/dev/null | grep '^shown-' || true)"
    t1=$(date +%s%3N)
    at="$(sed -n 's/^shown-at //p' <<<"$out")"
    shown+=($(( ${at:-$t0} - t0 )))
    own+=("$(sed -n 's/^shown-ms //p' <<<"$out")")
    walls+=($(( t1 - t0 )))
  done
  printf '%-30s launch→shown median %5s ms (runs: %s)  exit %5s ms  [JVM clock %5s]\n' "$label" \
    "$(printf '%s\n' "${shown[@]}" | median)" "${shown[*]}" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${own[@]}" | median)"
}

measure "bare JavaFX window" java -cp "$cp" fr.passerelle.bench.BareWindow
measure "Passerelle (java -jar)" java -Dpasserelle.exitWhenShown=true -jar target/passerelle.jar --data-dir "$data"
if [[ -x target/dist/Passerelle/bin/Passerelle ]]; then
  measure "Passerelle (app-image, CDS)" env JAVA_TOOL_OPTIONS=-Dpasserelle.exitWhenShown=true \
    target/dist/Passerelle/bin/Passerelle --data-dir "$data"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
