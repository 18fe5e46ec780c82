#!/usr/bin/env bash
# Measures the launcher's start-up choices against their alternatives, alternating the two in one run
# and printing medians and ratios (these machines are shared and noisy: compare ratios, not times).
#   bin/bench-launcher.sh [rounds] [startup|tiers] ["case ..."]
# startup (the default): one-shot commands with the fast start-up (the linked runtime with the Graal
#   compiler on the module path, and the AOT cache) against CORRAL_STARTUP_CACHE=off (the installed
#   JDK, the compiler on --upgrade-module-path, no class data sharing: the launcher as it was before),
#   per language, plus a CPU-bound JavaScript loop (the JIT must still compile guest code) and
#   `corral serve` up to "ready". Every run's stdout must be exactly the guest's output.
# tiers: one-shot commands with -XX:TieredStopAtLevel=1 (the launcher's choice) against the JVM's
#   default tiered compilation.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-5}"
mode="${2:-startup}"
only="${3:-}" # a subset of the mode's cases, e.g. "javascript python"
"$root/corral" --version >/dev/null # build and prepare the start-up cache first, outside the measurement
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

now() { date +%s%N; }

# one_run <env assignment> <expected stdout> <corral args...>: prints the wall time in ms, or
# "fail" when the command's stdout was not exactly what the guest printed
one_run() {
  local env="$1" expected="$2" start end
  shift 2
  start=$(now)
  env "$env" "$root/corral" "$@" >"$scratch/out" 2>"$scratch/err" </dev/null || true
  end=$(now)
  if [ -n "$expected" ] && [ "$(cat "$scratch/out")" != "$expected" ]; then
    { echo "unexpected stdout from $env corral $*:"; head -c 2000 "$scratch/out"; head -c 2000 "$scratch/err"; } >&2
    echo fail
    return
  fi
  echo $(( (end - start) / 1000000 ))
}

# serve_ready <env assignment>: ms from start to "corral: ready" (JavaScript warmed), then stops it
serve_ready() {
  local start end line dir
  dir="$(mktemp -d "$scratch/serve.XXXX")"
  start=$(now)
  coproc SERVE { env "$1" "$root/corral" serve --insecure-no-auth --port 0 --data-dir "$dir" \
    --languages javascript 2>&1 >/dev/null; }
  end=""
  while IFS= read -r -t 300 line <&"${SERVE[0]}"; do
    if [[ "$line" == *"corral: ready"* ]]; then end=$(now); break; fi
  done
  # corral execs java, but the coproc is a subshell running it: signal its child, then reap
  pkill -TERM -P "$SERVE_PID" 2>/dev/null || true
  wait "$SERVE_PID" 2>/dev/null || true
  if [ -z "$end" ]; then echo fail; else echo $(( (end - start) / 1000000 )); fi
}

median() { # numbers on stdin ("fail" lines are skipped)
  grep -v fail | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

js_fib='function fib(n){return n<2?n:fib(n-1)+fib(n-2)} let s=0; for (let i=0;i<10;i++) s+=fib(27); console.log(s)'
py_loop=$'while True:\n    try:\n        pass\n    except BaseException:\n        pass'

case "$mode" in
  startup)
    names=(version javascript python typescript ruby php js_fib serve_js)
    a_label="fast start-up"; b_label="as before"
    a_env="CORRAL_STARTUP_CACHE=on"; b_env="CORRAL_STARTUP_CACHE=off"
    ;;
  tiers)
    names=(python_1s js_fib)
    a_label="C1 only"; b_label="default tiers"
    a_env="CORRAL_JAVA_OPTS="; b_env="CORRAL_JAVA_OPTS=-XX:TieredStopAtLevel=4" # later options win
    ;;
  *) echo "usage: bin/bench-launcher.sh [rounds] [startup|tiers] [\"case ...\"]" >&2; exit 2 ;;
esac
if [ -n "$only" ]; then
  for name in $only; do
    [[ " ${names[*]} " == *" $name "* ]] || { echo "bench-launcher: no case '$name' in $mode; allowed: ${names[*]}" >&2; exit 2; }
  done
  read -ra names <<<"$only"
fi

# case_run <case> <env assignment> (a generous --timeout: under load TypeScript's first transpile
# alone can pass the default 30 s)
case_run() {
  case "$1" in
    version) one_run "$2" "" --version ;;
    javascript) one_run "$2" "2" run --timeout 300 --language javascript --code 'console.log(1 + 1)' ;;
    python) one_run "$2" "2" run --timeout 300 --language python --code 'print(1 + 1)' ;;
    typescript) one_run "$2" "2" run --timeout 300 --language typescript --code 'const n: number = 1; console.log(n + 1)' ;;
    ruby) one_run "$2" "2" run --timeout 300 --language ruby --code 'puts 1 + 1' ;;
    php) one_run "$2" "2" run --timeout 300 --language php --code '<?php echo 1 + 1, "\n";' ;;
    js_fib) one_run "$2" "1964180" run --timeout 300 --language javascript --code "$js_fib" ;;
    python_1s) one_run "$2" "" run --language python --timeout 1 --code "$py_loop" ;;
    serve_js) serve_ready "$2" ;;
  esac
}

echo "bench-launcher ($mode): $rounds rounds, A = $a_label ($a_env), B = $b_label ($b_env); $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start, $(date -u +'%Y-%m-%d %H:%M UTC')"
for name in "${names[@]}"; do
  case_run "$name" "$a_env" >/dev/null # untimed: language homes, TypeScript's transpile cache
  : >"$scratch/$name.a"
  : >"$scratch/$name.b"
done
for ((i = 0; i < rounds; i++)); do
  for name in "${names[@]}"; do
    # alternate which variant goes first, so neither always runs right after the other's load
    if (( i % 2 == 0 )); then
      case_run "$name" "$a_env" >>"$scratch/$name.a"
      case_run "$name" "$b_env" >>"$scratch/$name.b"
    else
      case_run "$name" "$b_env" >>"$scratch/$name.b"
      case_run "$name" "$a_env" >>"$scratch/$name.a"
    fi
  done
  echo "round $((i + 1)) done, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
printf '%-11s %14s %14s %7s %s\n' case "A median ms" "B median ms" "A/B" "failed runs"
for name in "${names[@]}"; do
  a=$(median <"$scratch/$name.a")
  b=$(median <"$scratch/$name.b")
  failed=$(cat "$scratch/$name.a" "$scratch/$name.b" | grep -c fail || true)
  awk -v n="$name" -v a="$a" -v b="$b" -v f="$failed" \
    'BEGIN { printf "%-11s %14s %14s %7s %s\n", n, a, b, (a == "nan" || b == "nan") ? "-" : sprintf("%.2f", a / b), f }'
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
