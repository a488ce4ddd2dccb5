#!/usr/bin/env bash
# The application class-data archive (AppCDS) of the Linux app-image and .deb (ADR 0199,
# installer/README.md). Two steps, because a JDK 17 archive is valid only for the absolute paths
# (and modification times) of the jars it was made from: the list of classes travels, the archive
# is made where the application lives.
#
#   app-cds.sh classlist OUT_DIR WORK_DIR JAVA MAIN_CLASS CLASS_PATH     (build, before jpackage)
#     A training run: a fresh installation made with the command line (init: the database, its
#     encryption, the migrations), then the window up to its first frame; the classes both loaded
#     go to OUT_DIR/passerelle.classlist, and this script is copied beside it (both land in the
#     app-image's lib/app, then in the .deb). Needs a display: $DISPLAY, else xvfb-run; without
#     either it says so and makes no list (never fails).
#
#   app-cds.sh archive APP_IMAGE                                         (build after jpackage;
#                                                                         .deb postinst)
#     Makes APP_IMAGE/lib/app/passerelle.jsa (-Xshare:dump) with the app-image's own runtime, the
#     class list and the exact class path of the launcher (lib/app/Passerelle.cfg), and checks it
#     maps (-Xshare:on). Without a class list, or if the dump fails, passerelle.jsa becomes a link
#     to the runtime's own archive (the JDK's classes, what the launcher used before): the
#     launcher's -XX:SharedArchiveFile always names a usable archive. JVM output goes to
#     $APP_CDS_LOG (default: nowhere).
set -euo pipefail

log="${APP_CDS_LOG:-/dev/null}"
say() { echo "app-cds: $*"; }

classlist() {
  local out="$1" work="$2" java="$3" main="$4" cp="$5"
  local list="$out/passerelle.classlist"
  mkdir -p "$out" "$work"
  rm -f "$list"
  cp "${BASH_SOURCE[0]}" "$out/app-cds.sh"
  if [[ "${APP_CDS_TRAIN:-true}" != true ]]; then
    say "no training run (installer.cds.train=false): the app-image uses the JDK's class-data archive only"
    return 0
  fi
  local display=()
  if [[ -z "${DISPLAY:-}" ]]; then
    if ! command -v xvfb-run >/dev/null 2>&1; then
      say "no display (DISPLAY unset) and no xvfb-run: no training run, so no class-data archive of"
      say "Passerelle's classes; the app-image and .deb start as before (the JDK's archive only)."
      return 0
    fi
    display=(xvfb-run -a -s '-screen 0 1366x768x24')
  fi
  local data="$work/training-data" run_log="$work/training.log"
  rm -rf "$data" "$work"/*.classlist
  # the password twice on standard input (init asks it to be confirmed), never in an argument
  if ! printf 'correct horse battery staple\ncorrect horse battery staple\n' |
    "$java" -XX:DumpLoadedClassList="$work/init.classlist" -Dfile.encoding=UTF-8 -cp "$cp" "$main" \
      --data-dir "$data" --user admin \
      --password-stdin init --office-name "Agence Entraînement" --office-kind FRANCE_TRAVAIL \
      --first-name Claire --last-name Martin >"$run_log" 2>&1; then
    say "WARNING: the training installation could not be made (see $run_log); no class list"
    return 0
  fi
  if ! timeout 300 "${display[@]}" "$java" -XX:DumpLoadedClassList="$work/window.classlist" \
    -Dfile.encoding=UTF-8 -Dpasserelle.exitWhenShown=true -cp "$cp" "$main" --data-dir "$data" \
    >>"$run_log" 2>&1 || ! grep -q '^shown-at ' "$run_log"; then
    say "WARNING: the training window did not reach its first frame (see $run_log); no class list"
    return 0
  fi
  rm -rf "$data"
  # one list: the window's classes, then those only init loaded (the database's: what the window
  # loads after the password); a class list names classes, once each, in any order
  awk '!seen[$0]++' "$work/window.classlist" "$work/init.classlist" >"$list"
  say "training run: $(grep -vc '^[#@]' "$list") classes (window to its first frame, init) → $list"
}

archive() {
  local image
  image="$(cd "$1" && pwd -P)" # the launcher knows its folder by its real, absolute path
  local app="$image/lib/app"
  local java="$image/lib/runtime/bin/java" jsa="$app/passerelle.jsa" list="$app/passerelle.classlist"
  local jdk_archive="../runtime/lib/server/classes.jsa"
  # the launcher's class path: the app.classpath lines of its configuration, in order, with $APPDIR
  # = lib/app (the launcher passes exactly this as -Djava.class.path; the archive records it)
  local cp="" line
  while IFS= read -r line; do
    [[ "$line" == app.classpath=* ]] || continue
    line="${line#app.classpath=}"
    cp+="${cp:+:}${line/\$APPDIR/"$app"}"
  done <"$app/Passerelle.cfg"
  rm -f "$jsa" "$jsa.tmp"
  if [[ -f "$list" ]]; then
    if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$jsa.tmp" \
      -cp "$cp" >>"$log" 2>&1 &&
      "$java" -Xshare:on -XX:SharedArchiveFile="$jsa.tmp" -cp "$cp" -version >>"$log" 2>&1; then
      mv "$jsa.tmp" "$jsa"
      say "class-data archive of Passerelle's classes made: $jsa ($(du -m "$jsa" | cut -f1) MB)"
      return 0
    fi
    rm -f "$jsa.tmp"
    say "WARNING: the class-data archive could not be made or mapped (JVM output: $log);"
  else
    say "no class list in $app (the build made no training run);"
  fi
  ln -s "$jdk_archive" "$jsa"
  say "passerelle.jsa links to the runtime's archive of the JDK's classes (start as before)"
}

case "${1:-}" in
  classlist) shift; classlist "$@" ;;
  archive) shift; archive "$@" ;;
  *) echo "usage: app-cds.sh classlist OUT_DIR WORK_DIR JAVA MAIN_CLASS CLASS_PATH | archive APP_IMAGE" >&2; exit 2 ;;
esac
