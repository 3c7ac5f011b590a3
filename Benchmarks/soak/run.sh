#!/usr/bin/env bash
# Soak benchmark (not run in CI; loopback only; bounded in time): `switchyard serve` behind a config with
# fallbacks, over loopback upstreams that mostly answer but also fail with 500/503, answer too late for the
# provider timeout, or reset the connection mid-body (upstream.py), driven at a constant request rate (load.py,
# open-loop: latency counts from each request's scheduled send time).
#
# Prints in one run: throughput, p50/p90/p99 latency, responses by status, and the gateway's RSS and open
# descriptors sampled at the start, every 30 s, at the end and after 5 s idle, concluding whether RSS grew.
#
# Usage: Benchmarks/soak/run.sh [--minutes N (3)] [--rate REQUESTS_PER_SECOND (200)]
# Environment: SWITCHYARD_BIN (else a release build is made).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
minutes=3
rate=200
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="${2:?--minutes needs a number}"; shift 2 ;;
    --rate) rate="${2:?--rate needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (expected --minutes N or --rate R)" >&2; exit 64 ;;
  esac
done
awk -v m="$minutes" -v r="$rate" 'BEGIN { exit !(m > 0 && m <= 120 && r > 0) }' \
  || { echo "--minutes must be in (0, 120] and --rate positive" >&2; exit 64; }
upstream_port=18290
gateway_port=18291

bin="${SWITCHYARD_BIN:-}"
if [ -z "$bin" ]; then
  echo "building switchyard (release)"
  (cd "$root" && swift build -c release --product switchyard >/dev/null)
  bin="$root/.build/release/switchyard"
fi
# The load generator and the upstreams are standard-library Python; the test venv's interpreter when there is one.
python="$root/.venv-conformance/bin/python"
[ -x "$python" ] || python=python3

scratch="$(mktemp -d /tmp/switchyard-soak.XXXXXX)"
source "$here/../process-groups.sh"

for port in "$upstream_port" "$gateway_port"; do
  if ss -ltn | grep -q "127.0.0.1:$port "; then echo "port $port is already in use" >&2; exit 1; fi
done
start upstream "$python" "$here/upstream.py" "$upstream_port"
start switchyard env SOAK_OPENAI_KEY=soak-key LOG_LEVEL=error "$bin" serve --config "$here/tensorzero.toml" \
  --port "$gateway_port"
gateway_pid=$started
for _ in $(seq 600); do
  if curl -s -m 2 -H 'Content-Type: application/json' \
      -d '{"function_name":"answer","input":{"messages":[{"role":"user","content":"hi"}]}}' \
      "http://127.0.0.1:$gateway_port/inference" | grep -q '"variant_name"'; then
    break
  fi
  sleep 0.1
done
kill -0 "$gateway_pid" 2>/dev/null || { cat "$scratch/switchyard.log"; exit 1; }

seconds=$(awk -v m="$minutes" 'BEGIN { print m * 60 }')
echo "soak: $rate requests/s for $minutes min against switchyard (pid $gateway_pid) on 127.0.0.1:$gateway_port"
"$python" "$here/load.py" --port "$gateway_port" --pid "$gateway_pid" --rate "$rate" --seconds "$seconds"
kill -0 "$gateway_pid" 2>/dev/null || { echo "the gateway died:"; cat "$scratch/switchyard.log"; exit 1; }
