#!/usr/bin/env bash
# Builds the Reflex Console packages with jlink + jpackage. Run by Maven (installers/pom.xml); see docs/installers.md.
#
#   build-console.sh VERSION APP_GUI_TARGET OUT_DIR TYPES...
#
# VERSION         the Maven version (0.1.0-SNAPSHOT); packages get its numeric part (0.1.0)
# APP_GUI_TARGET  app-gui/target: app-gui-VERSION.jar and lib/ (its runtime dependencies)
# OUT_DIR         where everything goes (installers/target/console)
# TYPES           any of: app-image deb rpm msi dmg ("all" = the ones this OS can build)
#
# A package type whose tools are missing is skipped with a message naming the tool; the others are still built.
# Set REFLEX_PACKAGE_STRICT=true to fail instead.
set -euo pipefail

version=$1
gui_target=$(cd "$2" && pwd)
mkdir -p "$3" && out=$(cd "$3" && pwd)
shift 3
types=("$@")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../lib/jars.sh"
jdk=${JAVA_HOME:?JAVA_HOME must point at a JDK 25}
strict=${REFLEX_PACKAGE_STRICT:-false}

app_version=${version%%-*}              # jpackage, dpkg and rpm want plain numbers: 0.1.0-SNAPSHOT -> 0.1.0
name="Reflex Console"
package_name=reflex-console
main_class='io.reflex.gui.ReflexConsoleApp$Main'
main_jar=app-gui-$version.jar
icon_png=$root/assets/icons/reflex-console.png
vendor="Reflex"
description="Desktop console for Reflex engines: browse and edit pipelines, services and configs, watch instances."
# JDK modules that jdeps cannot see (loaded by name or through ServiceLoader); each is small.
extra_modules=jdk.zipfs,jdk.crypto.cryptoki,java.net.http
javafx_modules=javafx.base,javafx.graphics,javafx.controls,javafx.swing
# JavaFX lives in the runtime image (named modules, natives in runtime/lib), the application on the class path.
java_options=(--enable-native-access=ALL-UNNAMED,javafx.graphics,javafx.base
  --sun-misc-unsafe-memory-access=allow -Xss2m)

t0=$(date +%s)
log() { printf '[console] %3ss %s\n' "$(( $(date +%s) - t0 ))" "$*"; }
skipped=()
built=()

[ -f "$gui_target/$main_jar" ] || { echo "[console] missing $gui_target/$main_jar: build app-gui first (mvn -pl installers -am package)" >&2; exit 1; }
[ -d "$gui_target/lib" ] || { echo "[console] missing $gui_target/lib (app-gui's copy-dependencies)" >&2; exit 1; }

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) os=unknown ;;
esac
if [ "${types[*]}" = all ]; then
  case $os in
    linux) types=(app-image deb rpm) ;;
    mac) types=(app-image dmg) ;;
    windows) types=(app-image msi) ;;
  esac
fi

mkdir -p "$out"
input=$out/input runtime=$out/runtime image_dir=$out/image
app_image="$image_dir/$name"
[ "$os" = mac ] && app_image="$image_dir/$name.app"

# jpackage options every type shares
icon=$icon_png
case $os in
  mac) [ -f "$root/assets/icons/reflex-console.icns" ] && icon=$root/assets/icons/reflex-console.icns ;;
  windows) [ -f "$root/assets/icons/reflex-console.ico" ] && icon=$root/assets/icons/reflex-console.ico ;;
esac
jpackage_common=(--name "$name" --app-version "$app_version" --vendor "$vendor" --description "$description"
  --copyright "Reflex" --icon "$icon")

# Steps 1 to 4 make the app-image. REFLEX_CONSOLE_APP_IMAGE=DIR packages an app-image made earlier instead (the
# missing-tools test does, to make only the installers).
build_app_image() {
  # 1. Input: the console jar and its dependencies, without JavaFX (that goes into the runtime image).
  rm -rf "$input" && mkdir -p "$input"
  cp "$gui_target/$main_jar" "$input/"
  find "$gui_target/lib" -maxdepth 1 -name '*.jar' ! -name 'javafx-*' -exec cp {} "$input/" \;
  require_single_versions "$input" console
  repack_jars "$jdk" "$input"/sqlite-jdbc-*.jar
  fx_jars=$(find "$gui_target/lib" -maxdepth 1 -name "javafx-*-$os.jar" | sort | paste -sd:)
  fx_jars=${fx_jars:-$(find "$gui_target/lib" -maxdepth 1 -name "javafx-*-*.jar" | sort | paste -sd:)}
  [ -n "$fx_jars" ] || { echo "[console] no platform JavaFX jars (javafx-*-$os.jar) in $gui_target/lib" >&2; exit 1; }

  # 2. jdeps on the class path (JavaFX is added by name; its absence only hides edges jlink adds anyway).
  cp_jars=$(find "$input" -name '*.jar' ! -name "$main_jar" | sort | paste -sd:)
  jdk_modules=$("$jdk/bin/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps --recursive \
    --class-path "$cp_jars" "$input/$main_jar")
  modules=$jdk_modules,$extra_modules,$javafx_modules
  log "jdeps: $jdk_modules"

  # 3. jlink: only those modules, uncompressed (the packages compress better than jlink's zip).
  #    JavaFX's platform jars carry their .so files as resources; they are copied to
  #    runtime/lib, where JavaFX looks first, so nothing is unpacked into the user's home at start-up.
  rm -rf "$runtime"
  "$jdk/bin/jlink" --module-path "$fx_jars" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --output "$runtime"
  case $os in
    linux) lib_glob='*.so' ;;
    mac) lib_glob='*.dylib' ;;
    windows) lib_glob='*.dll' ;;
  esac
  native_dir=$runtime/lib
  [ "$os" = windows ] && native_dir=$runtime/bin
  for jar in ${fx_jars//:/ }; do
    natives=$("$jdk/bin/jar" tf "$jar" | grep -E "^[^/]+${lib_glob#\*}\$" || true)
    [ -z "$natives" ] || (cd "$native_dir" && "$jdk/bin/jar" xf "$jar" $natives)
  done
  log "runtime: $modules ($(du -sh "$runtime" | cut -f1))"

  # 4. app-image: the launcher, the runtime and the jars. Every installer is made from this one image.
  rm -rf "$image_dir" && mkdir -p "$image_dir"
  "$jdk/bin/jpackage" --type app-image "${jpackage_common[@]}" --dest "$image_dir" \
    --input "$input" --main-jar "$main_jar" --main-class "$main_class" --runtime-image "$runtime" \
    $(printf -- '--java-options %s ' "${java_options[@]}")
  built+=("app-image: $app_image ($(du -sh "$app_image" | cut -f1))")
  log "app-image: $app_image"
}
if [ -n "${REFLEX_CONSOLE_APP_IMAGE:-}" ]; then
  app_image=$REFLEX_CONSOLE_APP_IMAGE
  log "app-image: $app_image (given)"
else
  build_app_image
fi

# 5. Installers, each only if its tools are here.
missing_tools() { local t m=(); for t in "$@"; do command -v "$t" >/dev/null 2>&1 || m+=("$t"); done; echo "${m[*]}"; }
skip() {
  skipped+=("$1: $2")
  echo "[console] WARNING: not building the $1 package: $2" >&2
  [ "$strict" = true ] && exit 1
  return 0
}
package() {   # type, extra jpackage options...
  local type=$1; shift
  "$jdk/bin/jpackage" --type "$type" "${jpackage_common[@]}" --app-image "$app_image" --dest "$out" "$@"
  local file
  file=$(ls -t "$out"/*."$type" 2>/dev/null | head -n 1)
  built+=("$type: $file ($(du -h "$file" | cut -f1))")
  log "$type: $file"
}
linux_common=(--linux-package-name "$package_name" --linux-app-release 1 --linux-menu-group "Development;System;"
  --linux-app-category devel --install-dir /opt --resource-dir "$here/linux")

for type in "${types[@]}"; do
  case $type in
    app-image) ;;
    deb)
      m=$(missing_tools dpkg-deb fakeroot)
      if [ -n "$m" ]; then skip deb "missing $m (Debian/Ubuntu: apt-get install dpkg-dev fakeroot)"; continue; fi
      rm -f "$out"/*.deb
      package deb "${linux_common[@]}" --linux-deb-maintainer "reflex@example.invalid" \
        --linux-package-deps "libgtk-3-0, libgl1" --linux-shortcut ;;
    rpm)
      m=$(missing_tools rpm rpmbuild)
      if [ -n "$m" ]; then skip rpm "missing $m (Debian/Ubuntu: apt-get install rpm; Fedora: dnf install rpm-build)"; continue; fi
      rm -f "$out"/*.rpm
      package rpm "${linux_common[@]}" --linux-rpm-license-type "Proprietary" \
        --linux-package-deps "gtk3, mesa-libGL" --linux-shortcut ;;
    msi)
      [ "$os" = windows ] || { skip msi "needs Windows with the WiX Toolset (wix or candle/light) on PATH"; continue; }
      m=$(missing_tools wix); [ -z "$m" ] || m=$(missing_tools candle light)
      if [ -n "$m" ]; then skip msi "missing WiX Toolset ($m)"; continue; fi
      package msi --win-menu --win-menu-group "Reflex" --win-shortcut --win-dir-chooser \
        --win-upgrade-uuid 6f1d0c62-5b1e-4f0a-9a39-2c3f4b8e7d15 ;;
    dmg)
      [ "$os" = mac ] || { skip dmg "needs macOS (hdiutil)"; continue; }
      package dmg --mac-package-identifier io.reflex.console --mac-package-name "$name" ;;
    *) echo "[console] unknown package type $type" >&2; exit 2 ;;
  esac
done

log "built in $(( $(date +%s) - t0 )) s:"
for b in "${built[@]}"; do log "  $b"; done
for s in "${skipped[@]}"; do log "  SKIPPED $s"; done
