# Sourced by ./corral and ./run-tests: sets JAVA_HOME to a JDK 21+ (25 preferred), or exits 1
# saying where it looked. The default `java` on many machines is older than GraalVM 25 needs.

corral_java_major() {
  # prints the feature version of the JDK at $1 (e.g. 25), or nothing
  local release="$1/release"
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
  fi
}

corral_find_jdk() {
  local candidates=() c major
  [ -n "${CORRAL_JAVA_HOME:-}" ] && candidates+=("$CORRAL_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25* /opt/java/openjdk* \
           /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* /usr/lib/jvm/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(corral_java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA_HOME="$c"
      export JAVA_HOME
      # Maven runs on this JDK too; JDK 24+ warns at every use of sun.misc.Unsafe (which Maven's
      # libraries make). Set here rather than in .mvn/jvm.config, which older JDKs refuse.
      if [ "$major" -ge 24 ]; then
        export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
      fi
      return 0
    fi
  done
  echo "corral: no JDK 21 or newer found (looked at \$CORRAL_JAVA_HOME, \$JAVA_HOME, /usr/lib/jvm/*, the java on PATH)." >&2
  echo "corral: install a JDK 25 (e.g. Temurin) and set JAVA_HOME to it." >&2
  return 1
}
