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
  java -jar target/passerelle.jar --data-dir "$data" init --office-name "Agence Bench" \
    --office-kind FRANCE_TRAVAIL >/dev/null
fi
cp="target/test-classes:target/passerelle.jar:target/lib/*"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # label, command...
  local label="$1"; shift
  local shown=() walls=()
  for _ in $(seq "$runs"); do
    local t0 t1 out
    t0=$(date +%s%N)
    out="$(timeout 180 "$@" 2>/dev/null | grep '^shown-ms' || true)"
    t1=$(date +%s%N)
    shown+=("${out#shown-ms }")
    walls+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%-34s shown-ms median %6s  (runs: %s)   wall incl. exit median %6s ms\n' "$label" \
    "$(printf '%s\n' "${shown[@]}" | median)" "${shown[*]}" "$(printf '%s\n' "${walls[@]}" | median)"
}

measure "bare JavaFX window" java -cp "$cp" fr.passerelle.bench.BareWindow
measure "Passerelle (java -jar)" java -Dpasserelle.exitWhenShown=true -jar target/passerelle.jar --data-dir "$data"
if [[ -x target/dist/Passerelle/bin/Passerelle ]]; then
  measure "Passerelle (app-image, CDS)" env JAVA_TOOL_OPTIONS=-Dpasserelle.exitWhenShown=true \
    target/dist/Passerelle/bin/Passerelle --data-dir "$data"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
