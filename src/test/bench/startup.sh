#!/usr/bin/env bash
# Start-up benchmark: process start → first shown screen (median of N runs), for a bare JavaFX
# window, Passerelle from the jar, and, if built, Passerelle from the jpackage app-image with the
# runtime's class-data archive only (the JDK's classes, as before ADR 0199) and with its own
# (Passerelle's classes too, installer/app-cds.sh). The variants are interleaved: each round
# launches every variant once, so a change of the machine's load spreads over all of them.
# Run under Xvfb after `./mvnw -B package -DskipTests` (and test-compile for the bare window):
#   xvfb-run -a -s '-screen 0 1366x768x24' src/test/bench/startup.sh [RUNS] [DATA_DIR]
# DATA_DIR must hold an installation with an office (it opens on the sign-in screen, not the setup
# dialog); default: a fresh one set up by `init`.
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

labels=() commands=()
variant() { # label, command... (the command is stored as one quoted string)
  labels+=("$1"); shift
  commands+=("$(printf '%q ' "$@")")
}
variant "bare JavaFX window" java -cp "$cp" fr.passerelle.bench.BareWindow
variant "Passerelle (java -jar)" java -Dpasserelle.exitWhenShown=true -jar target/passerelle.jar --data-dir "$data"
image=target/dist/Passerelle
if [[ -x $image/bin/Passerelle ]]; then
  # _JAVA_OPTIONS come after the launcher's own options: this one points it back at the runtime's
  # archive of the JDK's classes
  variant "app-image, JDK's CDS only" env JAVA_TOOL_OPTIONS=-Dpasserelle.exitWhenShown=true \
    _JAVA_OPTIONS=-XX:SharedArchiveFile="$(realpath $image/lib/runtime/lib/server/classes.jsa)" \
    $image/bin/Passerelle --data-dir "$data"
  if [[ -f $image/lib/app/passerelle.jsa && ! -L $image/lib/app/passerelle.jsa ]]; then
    variant "app-image, app's CDS archive" env JAVA_TOOL_OPTIONS=-Dpasserelle.exitWhenShown=true \
      $image/bin/Passerelle --data-dir "$data"
  fi
fi

# launch → first frame, timed from this script's clock (the JVM's own start instant, shown-ms, is
# read from /proc and can be off by hundreds of ms in a virtual machine); and the CPU time of the
# whole process (user + system, launch to exit, by /usr/bin/time if present), which a loaded
# machine inflates less than the wall clock
timer=()
cpu_file="$(mktemp)"
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -f '%U %S' -o "$cpu_file")
declare -a shown walls own cpus
for _ in $(seq "$runs"); do
  for v in "${!labels[@]}"; do
    echo "- -" >"$cpu_file"
    t0=$(date +%s%3N)
    out="$(eval "timeout 180 ${timer[*]@Q} ${commands[$v]}" 2>/dev/null | grep '^shown-' || true)"
    t1=$(date +%s%3N)
    at="$(sed -n 's/^shown-at //p' <<<"$out")"
    shown[$v]+="$(( ${at:-$t0} - t0 )) "
    own[$v]+="$(sed -n 's/^shown-ms //p' <<<"$out") "
    walls[$v]+="$(( t1 - t0 )) "
    cpus[$v]+="$(awk '$1 != "-" {printf "%d", ($1 + $2) * 1000} $1 == "-" {print "-"}' "$cpu_file") "
  done
done
rm -f "$cpu_file"
med() { tr ' ' '\n' <<<"$1" | grep '[0-9]' | median; }
for v in "${!labels[@]}"; do
  printf '%-30s launch→shown median %5s ms (runs: %s)  exit %5s ms  CPU %5s ms (runs: %s)  [JVM clock %5s]\n' \
    "${labels[$v]}" "$(med "${shown[$v]}")" "${shown[$v]% }" "$(med "${walls[$v]}")" \
    "$(med "${cpus[$v]}")" "${cpus[$v]% }" "$(med "${own[$v]}")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
