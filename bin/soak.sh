#!/usr/bin/env bash
# Soak: sequential executions of a trivial program (a new source text each) through one engine
# with a warm pool of 2, printing the heap after GC and the thread count at the start, middle and
# end, and after the engine closed. Outside the test suite; results in docs/performance.md.
#   bin/soak.sh [LANGUAGE...] [--executions N] [--isolation in-process|process]
#   (default: javascript python, 2000 each, each language in its default isolation)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
executions=2000
isolation=()
languages=()
while [ $# -gt 0 ]; do
  case "$1" in
    --executions) executions="$2"; shift 2 ;;
    --isolation) isolation=("$2"); shift 2 ;;
    -*) echo "soak: unknown option '$1'; allowed: LANGUAGE..., --executions N, --isolation in-process|process" >&2; exit 2 ;;
    *) languages+=("$1"); shift ;;
  esac
done
[ "${#languages[@]}" -gt 0 ] || languages=(javascript python)
for lang in "${languages[@]}"; do
  # one JVM per language, so one language's heap does not show in another's numbers
  CORRAL_BENCH_MAIN=io.corral.benchmarks.Soak "$root/benchmarks/run" "$lang" "$executions" "${isolation[@]}"
done
