#!/usr/bin/env bash
# Measures the launcher's one-shot start-up choice (-XX:TieredStopAtLevel=1) against the JVM's
# default tiered compilation, alternating the two in one run and printing the ratio (these
# machines are shared and noisy: compare ratios, not absolute times).
#   bin/bench-launcher.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-3}"
"$root/corral" --version >/dev/null 2>&1 # build first, outside the measurement
py_loop=$'while True:\n    try:\n        pass\n    except BaseException:\n        pass'
js_fib='function fib(n){return n<2?n:fib(n-1)+fib(n-2)} for (let i=0;i<10;i++) fib(27)'

ms() { # ms <java opts> <corral args...>
  local opts="$1"; shift
  local start end
  start=$(date +%s%N)
  CORRAL_JAVA_OPTS="$opts" "$root/corral" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

for case in python js; do
  c1=0; c2=0
  for ((i = 0; i < rounds; i++)); do
    if [ "$case" = python ]; then args=(run --language python --timeout 1 --code "$py_loop"); else args=(run --language javascript --code "$js_fib"); fi
    c1=$(( c1 + $(ms "" "${args[@]}") ))
    # later options win: this re-enables C2 for the comparison
    c2=$(( c2 + $(ms "-XX:TieredStopAtLevel=4" "${args[@]}") ))
  done
  awk -v a="$c1" -v b="$c2" -v n="$rounds" -v c="$case" \
    'BEGIN { printf "%s: C1-only %.0f ms, default tiers %.0f ms (mean of %d), ratio %.2f\n", c, a/n, b/n, n, a/b }'
done
