#!/usr/bin/env bash
# Makes the Developer ID certificate given by the environment available to jpackage's --mac-sign,
# or says that the build stays unsigned. Prints "signed" when the certificate is ready.
#   MAC_CERTIFICATE           the Developer ID Application .p12, base64 (a repository secret)
#   MAC_CERTIFICATE_PASSWORD  its password (a repository secret)
#   MAC_SIGNING_IDENTITY      the identity's user-name part, e.g. "Agence Exemple (AB12CD34EF)"
# The certificate goes to a temporary keychain with a random password, put first in the search
# list so that jpackage finds it. macOS's `security import` takes the .p12 password only as an
# argument: on the single-use CI runner nothing else runs to read it.
set -euo pipefail
if [[ -z "${MAC_CERTIFICATE:-}" || -z "${MAC_SIGNING_IDENTITY:-}" ]]; then
  echo "sign-setup: no MAC_CERTIFICATE / MAC_SIGNING_IDENTITY: the .app and .dmg stay unsigned" >&2
  exit 0
fi
keychain="${RUNNER_TEMP:-/tmp}/passerelle-signing.keychain-db"
keychain_password="$(openssl rand -hex 24)"
p12="$(mktemp)"
trap 'rm -f "$p12"' EXIT
printf '%s' "$MAC_CERTIFICATE" | base64 --decode >"$p12"
security create-keychain -p "$keychain_password" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$keychain_password" "$keychain"
security import "$p12" -k "$keychain" -f pkcs12 -P "$MAC_CERTIFICATE_PASSWORD" -T /usr/bin/codesign >/dev/null
security set-key-partition-list -S apple-tool:,apple: -k "$keychain_password" "$keychain" >/dev/null
security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
echo signed
