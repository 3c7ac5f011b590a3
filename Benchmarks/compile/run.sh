#!/usr/bin/env bash
# Compile-time benchmark: Switchyard's `compile` next to TensorZero's embedded gateway loading the
# same generated config with the same environment, in one run on this machine.
#
# Usage: Benchmarks/compile/run.sh
# Environment knobs:
#   N=10000            size passed to generate_config.py (N models x 3 providers, N/5 functions x 5 variants)
#   RUNS=3             runs per tool; best and median are reported
#   SWITCHYARD_BIN=…   use this binary instead of building (skips `swift build`)
#   SCRATCH_PATH=…     `swift build --scratch-path` for the build (default: SwiftPM's .build)
#   TZ_VENV=…          venv with tensorzero==2026.6.0 (default: .venv-examples, then .venv-conformance)
#   KEEP_DIR=1         keep the temp dir with the config, plan and logs
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
N="${N:-10000}"
RUNS="${RUNS:-3}"
TIME=/usr/bin/time
TARGET_WALL="0.5"
TARGET_MB="150"

[ -x "$TIME" ] || { echo "error: $TIME not found (apt-get install -y time)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/switchyard-compile-bench.XXXXXX")"
if [ "${KEEP_DIR:-0}" = 1 ]; then
    echo "keeping $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi

# ── Switchyard binary ──────────────────────────────────────────────────────────────────────────────
SY_BIN="${SWITCHYARD_BIN:-}"
if [ -z "$SY_BIN" ]; then
    echo "building switchyard (release)…"
    SCRATCH_ARGS=()
    [ -n "${SCRATCH_PATH:-}" ] && SCRATCH_ARGS=(--scratch-path "$SCRATCH_PATH")
    if (cd "$ROOT" && swift build -c release --product switchyard "${SCRATCH_ARGS[@]}") >"$WORK/build.log" 2>&1; then
        SY_BIN="$(cd "$ROOT" && swift build -c release "${SCRATCH_ARGS[@]}" --show-bin-path)/switchyard"
    else
        echo "  build failed; Switchyard is skipped (last lines of the log):"
        tail -n 5 "$WORK/build.log" | sed 's/^/    /'
        SY_BIN=""
    fi
fi
if [ -n "$SY_BIN" ] && [ ! -x "$SY_BIN" ]; then
    echo "  no executable at $SY_BIN; Switchyard is skipped"
    SY_BIN=""
fi

# ── TensorZero venv ────────────────────────────────────────────────────────────────────────────────
TZ_PY=""
for venv in ${TZ_VENV:-"$ROOT/.venv-examples" "$ROOT/.venv-conformance"}; do
    if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import tensorzero' >/dev/null 2>&1; then
        TZ_PY="$venv/bin/python"
        break
    fi
done
[ -n "$TZ_PY" ] || echo "no TensorZero venv found (set TZ_VENV); TensorZero is skipped"

# ── config ─────────────────────────────────────────────────────────────────────────────────────────
python3 "$HERE/generate_config.py" "$N" "$WORK" >/dev/null || { echo "error: generate_config.py failed" >&2; exit 1; }
CONFIG="$WORK/tensorzero.toml"
ENV_FILE="$WORK/bench.env"
LINES="$(wc -l <"$CONFIG" | tr -d ' ')"
BYTES="$(wc -c <"$CONFIG" | tr -d ' ')"
echo "config: N=$N, $LINES lines, $((BYTES / 1024 / 1024)) MiB, $RUNS runs per tool"

mapfile -t BENCH_ENV < <(grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "$ENV_FILE")
BASE_ENV=(PATH="$PATH" HOME="$HOME")

cat >"$WORK/tz_load.py" <<'EOF'
import sys
from tensorzero import TensorZeroGateway
TensorZeroGateway.build_embedded(config_file=sys.argv[1], clickhouse_url=None)
EOF

# measure NAME ENV_MODE CMD...: runs CMD $RUNS times in $WORK under /usr/bin/time, with a clean
# environment (PATH, HOME, plus bench.env when ENV_MODE is "bench"). Appends one row to $WORK/rows.
measure() {
    local name="$1" env_mode="$2"; shift 2
    local env_args=("${BASE_ENV[@]}")
    [ "$env_mode" = bench ] && env_args+=("${BENCH_ENV[@]}")
    local samples="$WORK/$name.samples"
    : >"$samples"
    for ((r = 1; r <= RUNS; r++)); do
        if ! (cd "$WORK" && env -i "${env_args[@]}" "$TIME" -f '%e %M' -o "$WORK/$name.time" "$@" \
                >"$WORK/$name.out" 2>"$WORK/$name.err"); then
            echo "  $name failed (run $r); last lines of stderr:"
            grep -v ' INFO ' "$WORK/$name.err" | tail -n 4 | sed 's/^/    /'
            return 1
        fi
        tail -n 1 "$WORK/$name.time" >>"$samples"
    done
    python3 - "$name" "$samples" >>"$WORK/rows" <<'EOF'
import statistics, sys
name, path = sys.argv[1], sys.argv[2]
walls, kbs = zip(*((float(w), int(k)) for w, k in (l.split() for l in open(path) if l.strip())))
print(f"{name}\t{min(walls):.2f}\t{statistics.median(walls):.2f}\t{min(kbs)/1024:.0f}\t{statistics.median(kbs)/1024:.0f}")
EOF
}

: >"$WORK/rows"
if [ -n "$SY_BIN" ]; then
    echo "measuring switchyard compile…"
    if measure switchyard bench "$SY_BIN" compile --config "$CONFIG" --env-file "$ENV_FILE" -o "$WORK/plan.json"; then
        [ -s "$WORK/plan.json" ] || echo "  warning: switchyard exited 0 but wrote no plan.json"
    fi
fi
if [ -n "$TZ_PY" ]; then
    echo "measuring TensorZero embedded gateway load…"
    measure tensorzero bench "$TZ_PY" "$WORK/tz_load.py" "$CONFIG"
    measure python-startup plain "$TZ_PY" -c pass
    measure python-import-tz plain "$TZ_PY" -c 'import tensorzero'
fi

# ── table ──────────────────────────────────────────────────────────────────────────────────────────
echo
python3 - "$WORK/rows" "$TARGET_WALL" "$TARGET_MB" "$N" "$LINES" "$RUNS" <<'EOF'
import sys
path, target_wall, target_mb, n, lines, runs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), *sys.argv[4:]
rows = {}
for line in open(path):
    name, wall_best, wall_median, mb_best, mb_median = line.split("\t")
    rows[name] = (float(wall_best), float(wall_median), float(mb_best), float(mb_median))
if not rows:
    sys.exit("(nothing measured)")

switchyard, tensorzero = rows.get("switchyard"), rows.get("tensorzero")
print(f"N={n}: {int(lines):,} config lines, {runs} runs per tool; each cell is median (best)")
print()
widths = (16, 21, 23, 12)

def row(*cells):
    return "".join(f"{cell:<{width}}" for cell, width in zip(cells, widths)).rstrip()

def cell(measured, wall):
    if measured is None:
        return "not measured"
    best, median = measured[0:2] if wall else measured[2:4]
    return f"{median:.2f} ({best:.2f})" if wall else f"{median:.0f} ({best:.0f})"

print(row("", "switchyard compile", "tensorzero 2026.6.0", "target"))
print(row("wall time, s", cell(switchyard, True), cell(tensorzero, True), f"< {target_wall:.2f}"))
print(row("peak RSS, MB", cell(switchyard, False), cell(tensorzero, False), f"< {target_mb:.0f}"))
print()
if switchyard is not None:
    wall, mb = switchyard[1], switchyard[3]
    ok = wall < target_wall and mb < target_mb
    print(f"switchyard: {'within' if ok else 'OUTSIDE'} target (median {wall:.2f} s, {mb:.0f} MB)")
if switchyard is not None and tensorzero is not None:
    print(f"tensorzero takes {tensorzero[1] / max(switchyard[1], 0.01):.1f}x the time and "
          f"{tensorzero[3] / max(switchyard[3], 1):.1f}x the memory")
baselines = [(label, rows[key]) for key, label in (("python-startup", "python startup"),
                                                   ("python-import-tz", "import tensorzero")) if key in rows]
if baselines:
    parts = ", ".join(f"{label} {measured[1]:.2f} s / {measured[3]:.0f} MB" for label, measured in baselines)
    print(f"tensorzero's row includes (not subtracted): {parts}")
EOF
