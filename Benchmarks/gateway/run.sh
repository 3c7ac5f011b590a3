#!/usr/bin/env bash
# Gateway benchmark: wrk against a static nginx upstream, three ways in one run (rounds interleaved, so a
# drifting shared machine moves every figure alike): straight to nginx, through `switchyard serve`, and
# through TensorZero 2026.6.0's own gateway (from its PyPI package; skipped, saying so, when it cannot be
# installed). nginx and wrk share CPU 0 and the gateway has CPU 1 to itself.
#
# Prints, per target: requests/s and p50/p99 with CONNECTIONS connections, the gateway's CPU time per
# request (user + system of its processes, from /proc), and p50 with a single connection (what the gateway
# adds to one request's latency). Then checks the targets: at most 60 µs of CPU per request, at least
# 2.5× TensorZero's throughput, under 0.1 ms added at p50 with one connection.
#
# Environment: ROUNDS (2), DURATION seconds per measurement (10), CONNECTIONS (16), SWITCHYARD_BIN (else a
# release build is made), SKIP_TENSORZERO=1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${ROUNDS:-2}"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-16}"
upstream_port=18190
switchyard_port=18191

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "installing nginx and wrk"
  apt-get install -y nginx wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y nginx wrk >/dev/null; }
fi
bin="${SWITCHYARD_BIN:-}"
if [ -z "$bin" ]; then
  echo "building switchyard (release)"
  (cd "$root" && swift build -c release --product switchyard >/dev/null)
  bin="$root/.build/release/switchyard"
fi
python=""
if [ "${SKIP_TENSORZERO:-0}" != 1 ]; then
  # The test suite's venv (scripts/bootstrap --python) already carries the package.
  venv="$root/.venv-conformance"
  "$venv/bin/python" -c 'import tensorzero' 2>/dev/null || venv="$root/.venv-bench"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import tensorzero' 2>/dev/null; then
    echo "installing tensorzero==2026.6.0 into $venv"
    python3 -m venv "$venv" && "$venv/bin/pip" install -q tensorzero==2026.6.0 || echo "tensorzero could not be installed"
  fi
  "$venv/bin/python" -c 'import tensorzero' 2>/dev/null && python="$venv/bin/python"
fi

scratch="$(mktemp -d /tmp/switchyard-gateway-bench.XXXXXX)"
mkdir -p "$scratch/nginx/logs" "$scratch/nginx/tmp"
source "$here/../process-groups.sh"

# ready URL MODEL: waits (up to a minute) for a 200 with a chat completion from URL.
ready() {
  for _ in $(seq 600); do
    if curl -s -m 2 -H 'Content-Type: application/json' \
        -d "{\"model\":\"$2\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}" "$1" | grep -q '"choices"'; then
      return 0
    fi
    sleep 0.1
  done
  echo "no answer from $1" >&2
  return 1
}

# cpu_seconds GROUP: user + system CPU seconds of every process in process group GROUP.
cpu_seconds() {
  local ticks=0 pid
  for pid in $(pgrep -g "$1" || true); do
    ticks=$((ticks + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", t / hz }'
}

for port in "$upstream_port" "$switchyard_port"; do
  if ss -ltn | grep -q "127.0.0.1:$port "; then echo "port $port is already in use" >&2; exit 1; fi
done
start nginx taskset -c 0 nginx -p "$scratch/nginx/" -c "$here/upstream.nginx.conf" -e "$scratch/nginx/logs/error.log"
ready "http://127.0.0.1:$upstream_port/v1/chat/completions" bench-upstream

names=(direct) urls=("http://127.0.0.1:$upstream_port/v1/chat/completions") models=(bench-upstream) pgroups=("")
# Both gateways log warnings only (TensorZero's RUST_LOG=warn is set by tensorzero_gateway.py). Switchyard gets one
# event loop, as it has one CPU.
start switchyard taskset -c 1 env BENCH_OPENAI_KEY=bench-key LOG_LEVEL=warning "$bin" serve --config "$here/tensorzero.toml" \
  --port "$switchyard_port" --threads 1
names+=(switchyard) urls+=("http://127.0.0.1:$switchyard_port/openai/v1/chat/completions")
models+=("tensorzero::function_name::answer") pgroups+=("$started")
ready "${urls[1]}" "${models[1]}"
if [ -n "$python" ]; then
  start tensorzero taskset -c 1 env BENCH_OPENAI_KEY=bench-key "$python" "$here/tensorzero_gateway.py" "$here/tensorzero.toml"
  url=""
  for _ in $(seq 1200); do
    url=$(grep -m1 -o 'GATEWAY_URL=.*' "$scratch/tensorzero.log" 2>/dev/null | cut -d= -f2- || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$scratch/tensorzero.log"; exit 1; }
  names+=(tensorzero) urls+=("$url") models+=("tensorzero::function_name::answer") pgroups+=("$started")
  ready "$url" "${models[2]}"
else
  echo "TensorZero's gateway is not measured (no tensorzero package)"
fi

# measure INDEX CONNECTIONS SECONDS ROUND: one wrk run; appends a JSON line to $scratch/results.jsonl.
measure() {
  local index=$1 conns=$2 seconds=$3 round=$4 before=0 after=0 output
  [ -n "${pgroups[$index]}" ] && before=$(cpu_seconds "${pgroups[$index]}")
  output=$(BENCH_MODEL="${models[$index]}" taskset -c 0 wrk -t1 -c"$conns" -d"${seconds}s" -s "$here/request.lua" "${urls[$index]}")
  [ -n "${pgroups[$index]}" ] && after=$(cpu_seconds "${pgroups[$index]}")
  echo "$output" | grep -m1 '^RESULT ' | cut -d' ' -f2- | python3 -c '
import json, sys
row = json.load(sys.stdin)
name, conns, round_, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
row.update(name=name, connections=conns, round=round_, rps=row["requests"] / row["seconds"],
           cpu_us_per_request=(cpu * 1e6 / row["requests"]) if row["requests"] and name != "direct" else None)
print(json.dumps(row))' "${names[$index]}" "$conns" "$round" "$(awk -v a="$after" -v b="$before" 'BEGIN { print a - b }')" \
    >>"$scratch/results.jsonl"
  tail -1 "$scratch/results.jsonl" | python3 -c '
import json, sys
r = json.load(sys.stdin)
cpu = "" if r["cpu_us_per_request"] is None else "  gateway CPU %.1f us/request" % r["cpu_us_per_request"]
print("  round %d  %-10s  %2d conn  %8.0f req/s  p50 %.3f ms  p99 %.3f ms  non-2xx %d%s" % (
    r["round"], r["name"], r["connections"], r["rps"], r["p50_us"] / 1e3, r["p99_us"] / 1e3, r["non2xx"], cpu))'
}

echo "warming up"
for index in "${!names[@]}"; do BENCH_MODEL="${models[$index]}" taskset -c 0 wrk -t1 -c"$connections" -d2s -s "$here/request.lua" "${urls[$index]}" >/dev/null; done
for round in $(seq "$rounds"); do
  for index in "${!names[@]}"; do measure "$index" "$connections" "$duration" "$round"; done
  for index in "${!names[@]}"; do measure "$index" 1 "$((duration / 2 > 2 ? duration / 2 : 2))" "$round"; done
done

python3 - "$scratch/results.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
def pick(name, conns, key):
    values = [r[key] for r in rows if r["name"] == name and r["connections"] == conns and r[key] is not None]
    return statistics.median(values) if values else None
names = list(dict.fromkeys(r["name"] for r in rows))
load = max(r["connections"] for r in rows)
print()
print("| target | req/s (%d conn) | p50 ms | p99 ms | gateway CPU µs/request | p50 ms (1 conn) |" % load)
print("|---|---|---|---|---|---|")
for name in names:
    cpu = pick(name, load, "cpu_us_per_request")
    print("| %s | %.0f | %.3f | %.3f | %s | %.3f |" % (
        name, pick(name, load, "rps"), pick(name, load, "p50_us") / 1e3, pick(name, load, "p99_us") / 1e3,
        "-" if cpu is None else "%.1f" % cpu, pick(name, 1, "p50_us") / 1e3))
print()
added = (pick("switchyard", 1, "p50_us") - pick("direct", 1, "p50_us")) / 1e3
cpu = pick("switchyard", load, "cpu_us_per_request")
print("switchyard: %.1f µs CPU per request (target ≤ 60): %s" % (cpu, "met" if cpu <= 60 else "NOT met"))
print("switchyard: adds %.3f ms at p50 with one connection (target < 0.1): %s" % (added, "met" if added < 0.1 else "NOT met"))
if "tensorzero" in names:
    ratio = pick("switchyard", load, "rps") / pick("tensorzero", load, "rps")
    tz_added = (pick("tensorzero", 1, "p50_us") - pick("direct", 1, "p50_us")) / 1e3
    print("switchyard: %.2f× TensorZero's throughput (target ≥ 2.5): %s" % (ratio, "met" if ratio >= 2.5 else "NOT met"))
    print("tensorzero: %.1f µs CPU per request, adds %.3f ms at p50 with one connection" % (
        pick("tensorzero", load, "cpu_us_per_request"), tz_added))
PY
