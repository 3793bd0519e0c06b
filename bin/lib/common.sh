# Shared by the bin/ scripts: find a JDK 25 and build what is missing on first use.
# shellcheck shell=bash

REFLEX_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Prints the home of a JDK 25 or newer: $JAVA_HOME if it qualifies, else one under /usr/lib/jvm.
reflex_find_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

reflex_use_jdk() {
  local jdk
  if ! jdk=$(reflex_find_jdk); then
    echo "reflex: no JDK 25 found. Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
}

# The modules whose sources MODULE is built from (itself and the Reflex modules it depends on).
reflex_module_sources() {
  case "$1" in
    reflex-client) echo reflex-client ;;
    reflex-engine) echo reflex-client reflex-engine ;;
    launcher-core) echo reflex-client launcher-core ;;
    reflex-tools) echo reflex-client reflex-engine launcher-core reflex-tools ;;
    app-gui) echo reflex-client reflex-engine launcher-core app-gui ;;
    *) echo "$1" ;;
  esac
}

# Builds MODULE (and what it depends on) when its jar is missing or older than any of those modules' sources.
reflex_ensure_built() {
  local module=$1 jar stale="" dir
  jar=$(ls "$REFLEX_HOME/$module"/target/"$module"-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1 || true)
  if [ -n "$jar" ]; then
    for dir in $(reflex_module_sources "$module"); do
      if [ -n "$(find "$REFLEX_HOME/$dir/src/main" "$REFLEX_HOME/$dir/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
        stale=yes
      fi
    done
    [ -n "$(find "$REFLEX_HOME/pom.xml" -newer "$jar" -print -quit)" ] && stale=yes
    [ -z "$stale" ] && return 0
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    echo "reflex: Maven (mvn) is needed to build $module on first use; install it (apt-get install maven)." >&2
    exit 1
  fi
  echo "reflex: building $module (first use or sources changed)..." >&2
  if ! (cd "$REFLEX_HOME" && mvn -B -ntp -DskipTests package -pl "$module" -am 2>&1 \
        | grep --line-buffered -E '^\[INFO\] (Building |BUILD)|ERROR' >&2; exit "${PIPESTATUS[0]}"); then
    echo "reflex: build of $module failed; run 'mvn package -pl $module -am' to see why." >&2
    exit 1
  fi
  # Maven leaves a jar whose content did not change untouched; mark it current so the next start skips the build.
  touch "$REFLEX_HOME/$module"/target/"$module"-*.jar
}

# Prints the class path of a built module: its jar plus target/lib/*.
reflex_classpath() {
  local module=$1 jar
  jar=$(ls "$REFLEX_HOME/$module"/target/"$module"-*.jar | grep -v -- '-tests.jar' | head -n 1)
  echo "$jar:$REFLEX_HOME/$module/target/lib/*"
}
