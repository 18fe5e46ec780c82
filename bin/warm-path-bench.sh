#!/usr/bin/env bash
# Runs io.corral.engine.WarmPathBenchmark (engine test sources) in a JVM started as ./corral starts
# it: Truffle on the module path, the Graal compiler on the upgrade module path (JIT on).
# Build first: mvn -o -q -pl engine test-compile. Arguments go to the benchmark, e.g.
#   bin/warm-path-bench.sh languages=PYTHON runs=3000 warmup=10000 pauseMs=0 warmTool=true  (warm tool instances)
#   bin/warm-path-bench.sh languages=PYTHON,JAVASCRIPT runs=200 pauseMs=500 warm=2
# JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=/tmp/w.jfr).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
cpfile="$root/engine/target/bench-classpath.txt"
if [ ! -f "$cpfile" ]; then
  (cd "$root" && mvn -B -o -q -pl engine dependency:build-classpath -Dmdep.outputFile="$cpfile" \
    -Dmdep.includeScope=test) >/dev/null
fi
modules=() app=()
IFS=: read -ra jars < "$cpfile" || true
for j in "${jars[@]}"; do
  case "$j" in
    */org/graalvm/compiler/*|*.pom) ;;
    */org/graalvm/*|*/org/bouncycastle/*) modules+=("$j") ;;
    */io/corral/corral-api/*) app+=("$root/api/target/classes") ;;
    *) app+=("$j") ;;
  esac
done
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
compiler="$(ls "$repo"/org/graalvm/compiler/compiler/25.0.0/compiler-25.0.0.jar)"
exec "$JAVA_HOME/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path="$compiler" \
  --module-path="$(IFS=:; echo "${modules[*]}")" --add-modules=ALL-MODULE-PATH \
  --enable-native-access=org.graalvm.truffle,ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xss16m \
  ${JAVA_OPTS:-} \
  -cp "${ENGINE_CLASSES:-$root/engine/target/test-classes:$root/engine/target/classes}:$(IFS=:; echo "${app[*]}")" \
  io.corral.engine.WarmPathBenchmark "$@"
