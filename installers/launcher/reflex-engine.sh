#!/bin/sh
# Reflex Engine from the self-contained runtime image (see docs/engine.md). POSIX sh, like bin/launch beside it.
# It execs the image's JVM, so a supervisor's SIGTERM reaches the engine, which stops cleanly.
# @CLASSPATH@ is filled in at build time.
here=$(cd "$(dirname "$0")/.." && pwd)
log_config=
[ "${REFLEX_LOG_FORMAT:-text}" = json ] && log_config=-Dlogback.configurationFile=logback-json.xml
exec "$here/runtime/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC \
  -Xss512k $log_config \
  ${REFLEX_ENGINE_JAVA_OPTS:-} -cp "@CLASSPATH@" io.reflex.engine.EngineMain "$@"
