#!/bin/sh
# macOS: double-click this file in the Finder to open Passerelle (Terminal shows its messages).
# The first time, macOS may refuse a file downloaded from the Internet: Control-click it, then
# "Ouvrir" (Open). Needs Java 17 or later.
exec "$(dirname -- "$0")/passerelle" "$@"
