@echo off
rem Passerelle, portable version, for Windows: needs Java 17 or later (JAVA_HOME or PATH).
rem Double-click: opens the window. In a console: Passerelle.bat --help (the command line).
rem PASSERELLE_JAVA_OPTS adds options to the JVM (e.g. -Xmx2g).
rem This file stays ASCII: cmd.exe reads it in the console's code page.
setlocal EnableExtensions
set "HERE=%~dp0"
set "JAVA=java.exe"
set "JAVAW=javaw.exe"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
  set "JAVAW=%JAVA_HOME%\bin\javaw.exe"
)

rem The first line of "java -version" that says version: openjdk version "17.0.2" ...
set "VERSIONS=%TEMP%\passerelle-java-version-%RANDOM%.txt"
"%JAVA%" -version > "%VERSIONS%" 2>&1
set "VERSION="
for /f "usebackq tokens=3" %%v in (`findstr /c:" version " "%VERSIONS%"`) do (
  if not defined VERSION set "VERSION=%%~v"
)
del "%VERSIONS%" >nul 2>&1
set "MAJOR="
if defined VERSION for /f "delims=.-+_ tokens=1,2" %%a in ("%VERSION%") do (
  set "MAJOR=%%a"
  if "%%a"=="1" set "MAJOR=%%b"
)
if not defined MAJOR goto nojava
if %MAJOR% LSS 17 goto nojava

set "CP=%HERE%passerelle.jar;%HERE%lib\*;%HERE%lib\javafx\win\*"
if "%~1"=="" (
  start "Passerelle" "%JAVAW%" %PASSERELLE_JAVA_OPTS% -Dfile.encoding=UTF-8 -cp "%CP%" fr.passerelle.Main
  exit /b 0
)
"%JAVA%" %PASSERELLE_JAVA_OPTS% -Dfile.encoding=UTF-8 -cp "%CP%" fr.passerelle.Main %*
exit /b %ERRORLEVEL%

:nojava
echo.
echo Passerelle a besoin de Java 17 ou plus recent (trouve : %VERSION%).
echo Installez-le, par exemple Eclipse Temurin 17 ou 21 (fichier .msi, "pour moi seulement"),
echo ou indiquez son dossier dans la variable JAVA_HOME. Sinon, prenez l'installateur
echo Passerelle-x.y.z.msi, qui contient deja Java.
echo.
echo Passerelle needs Java 17 or later (found: %VERSION%): install it, set JAVA_HOME,
echo or use the Passerelle .msi installer, which includes Java.
echo.
pause
exit /b 1
