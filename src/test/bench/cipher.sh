#!/usr/bin/env bash
# The cipher's cost (issue 14, docs/benchmarks.md): the same measures on a clear folder and on an
# encrypted copy of it, interleaved (clear, encrypted, clear, encrypted...) so that the machine's
# load hits both. The encrypted folder's password is read from $PASSERELLE_BENCH_PASSWORD (never a
# process argument; the CLI gets it on standard input). After `./mvnw -B test-compile`:
#   CP="target/test-classes:target/classes:$(cat cp.txt)" PASSERELLE_BENCH_PASSWORD=... \
#     src/test/bench/cipher.sh CLEAR_DIR ENCRYPTED_DIR [ROUNDS] [SYNC_N] [SYNC_ROUNDS]
# Measures per round: open to the first answer from the index (SearchStartBenchmark), the dashboard
# figures (`stats --json`, a whole process with its sign-in), matching (OffersBench), search as you
# type (CandidateBenchmark search), the same keystrokes answered by the index alone (CandidateBenchmark
# find); in the first SYNC_ROUNDS rounds, a full sync import of SYNC_N
# synthetic candidates into a clear and into an encrypted installation (SyncBenchmark).
set -uo pipefail
: "${CP:?set CP to the test classpath}" "${PASSERELLE_BENCH_PASSWORD:?set it}"
clear="$1" enc="$2" rounds="${3:-3}" syncn="${4:-100000}" syncrounds="${5:-2}"
java=(java -Xmx512m -Dpasserelle.keepClearDatabase=true -cp "$CP")
timed=(/usr/bin/time -f 'process: wall %e s, user %U s, sys %S s, max RSS %M KB')
log() { echo "== $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) | $*"; }
label() { [[ "$1" == "$enc" ]] && echo encrypted || echo clear; }
for r in $(seq "$rounds"); do
  for d in "$clear" "$enc"; do
    log "round $r start $(label "$d")"
    "${timed[@]}" "${java[@]}" fr.passerelle.search.SearchStartBenchmark "$d" 2>&1
  done
  for d in "$clear" "$enc"; do
    log "round $r stats $(label "$d")"
    printf '%s\n' "$PASSERELLE_BENCH_PASSWORD" |
      "${timed[@]}" "${java[@]}" fr.passerelle.Main --data-dir "$d" --user admin --password-stdin \
        stats --json 2>&1 >/dev/null | grep -Ev '^\s*$|^(Dec|INFO)' | tail -3
  done
  for d in "$clear" "$enc"; do
    log "round $r search $(label "$d")"
    "${timed[@]}" "${java[@]}" fr.passerelle.candidates.CandidateBenchmark search "$d" 2 2>&1
  done
  for d in "$clear" "$enc"; do
    log "round $r index alone $(label "$d")"
    "${timed[@]}" "${java[@]}" fr.passerelle.candidates.CandidateBenchmark find "$d" 2 2>&1
  done
  for d in "$clear" "$enc"; do
    log "round $r matching $(label "$d")"
    "${timed[@]}" "${java[@]}" fr.passerelle.offers.bench.OffersBench "$d" 2>&1
  done
  if (( r <= syncrounds )); then
    for c in false true; do
      log "round $r sync import of $syncn, cipher $c"
      "${timed[@]}" "${java[@]}" -Dbench.cipher=$c fr.passerelle.sync.SyncBenchmark \
        "${TMPDIR:-/tmp}/cipher-bench-sync" "$syncn" 2>&1 | grep -v '^\s*$'
    done
  fi
done
log end
