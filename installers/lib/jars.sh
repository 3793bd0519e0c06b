# Shared by build-console.sh and build-image.sh: the checks and trimming every packaged class path gets.
# shellcheck shell=bash

# Stops the build when DIR holds two versions of one artifact: copy-dependencies never deletes, so after a
# dependency's version changed target/lib holds the old jar too, and which one a class path sees is luck.
require_single_versions() {   # DIR LABEL
  local dupes
  dupes=$(find "$1" -maxdepth 1 -name '*.jar' -printf '%f\n' | sed -E 's/-[0-9][^-]*(-[A-Za-z0-9._]+)*\.jar$//' | sort | uniq -d)
  if [ -n "$dupes" ]; then
    echo "[$2] $1 holds more than one version of: $(echo $dupes); run mvn clean (stale jars)" >&2
    exit 1
  fi
}

# Rewrites jars with RepackJars.java: JDK [--store] JAR... sqlite-jdbc among them keeps only this platform's natives
# (it carries them for every OS and CPU, about 12 MB); --store writes the entries uncompressed.
repack_jars() {
  local jdk=$1 native=
  shift
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) native=Linux/x86_64/ ;;
    Linux-aarch64) native=Linux/aarch64/ ;;
    Darwin-arm64) native=Mac/aarch64/ ;;
    Darwin-x86_64) native=Mac/x86_64/ ;;
    MINGW* | MSYS* | CYGWIN*) native=Windows/x86_64/ ;;
  esac
  "$jdk/bin/java" "$(dirname "${BASH_SOURCE[0]}")/RepackJars.java" ${native:+--keep-natives org/sqlite/native/ "$native"} "$@"
}
