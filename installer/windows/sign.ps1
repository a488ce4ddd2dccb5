# Signs files with the code-signing certificate given by the environment, or does nothing.
#   WINDOWS_CERTIFICATE           the .pfx file, base64 (a repository secret)
#   WINDOWS_CERTIFICATE_PASSWORD  its password (a repository secret)
#   WINDOWS_TIMESTAMP_URL         RFC 3161 timestamp server (default: DigiCert's)
# The password never reaches a command line or a log: the certificate is imported into the
# current user's store in-process, and signtool picks it by thumbprint.
# Usage: powershell -File installer\windows\sign.ps1 FILE...
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Files)
$ErrorActionPreference = 'Stop'
if (-not $env:WINDOWS_CERTIFICATE) {
  Write-Host "sign.ps1: no WINDOWS_CERTIFICATE in the environment, files left unsigned: $Files"
  exit 0
}
$timestamp = if ($env:WINDOWS_TIMESTAMP_URL) { $env:WINDOWS_TIMESTAMP_URL } else { 'http://timestamp.digicert.com' }
$tmp = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { $env:TEMP }
$pfx = Join-Path $tmp ("passerelle-" + [guid]::NewGuid() + ".pfx")
[IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERTIFICATE))
try {
  $password = ConvertTo-SecureString $env:WINDOWS_CERTIFICATE_PASSWORD -AsPlainText -Force
  $cert = Import-PfxCertificate -FilePath $pfx -CertStoreLocation Cert:\CurrentUser\My -Password $password
  $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
    Sort-Object FullName -Descending | Select-Object -First 1
  if (-not $signtool) { throw 'sign.ps1: signtool.exe not found (Windows SDK)' }
  foreach ($f in $Files) {
    & $signtool.FullName sign /sha1 $cert.Thumbprint /s My /fd SHA256 /tr $timestamp /td SHA256 /d Passerelle $f
    if ($LASTEXITCODE -ne 0) { throw "sign.ps1: signtool failed on $f" }
    & $signtool.FullName verify /pa $f
    if ($LASTEXITCODE -ne 0) { throw "sign.ps1: the signature of $f does not verify" }
  }
} finally {
  Remove-Item $pfx -Force -ErrorAction SilentlyContinue
}
