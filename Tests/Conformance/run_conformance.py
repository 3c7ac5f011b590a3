#!/usr/bin/env python3
"""Conformance harness: Switchyard's `check` versus TensorZero 2026.6.0's config loader.

Each case folder under corpus/ holds one or more TOML configs and a case.toml manifest.
For every case the harness loads the config with TensorZero's embedded gateway (in a clean
subprocess) and, unless --tz-only is given, runs `switchyard check --config <config>` with the
same environment and working directory, then compares the outcomes.

Usage:
    .venv-conformance/bin/python Tests/Conformance/run_conformance.py [--tz-only]
        [--switchyard PATH] [--json OUT] [--workers N] [CASE ...]
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_PYTHON = os.path.join(REPO, ".venv-conformance", "bin", "python")
TIMEOUT_S = 120
MARK = "@@CONFORMANCE-RESULT@@"
QUIET_ENV = {"NO_COLOR": "1", "RUST_LOG": "warn", "RUST_BACKTRACE": "0"}

# Runs inside the clean subprocess: build the embedded gateway, report one JSON line.
TZ_CHILD = """
import json, sys
from tensorzero import TensorZeroGateway
try:
    TensorZeroGateway.build_embedded(config_file=sys.argv[1], clickhouse_url=None)
    out = {"accepted": True, "error": ""}
except Exception as exc:
    out = {"accepted": False, "error": "%s: %s" % (type(exc).__name__, exc)}
print(sys.argv[2] + json.dumps(out), flush=True)
"""

MANIFEST_KEYS = {"description", "env", "config", "expect", "rule", "tz_error"}


def load_case(name):
    folder = os.path.join(CORPUS, name)
    with open(os.path.join(folder, "case.toml"), "rb") as f:
        case = tomllib.load(f)
    problems = []
    unknown = set(case) - MANIFEST_KEYS
    if unknown:
        problems.append("unknown manifest keys %s" % sorted(unknown))
    for key in ("description", "config", "expect", "rule"):
        if not isinstance(case.get(key), str) or not case[key]:
            problems.append("manifest needs a non-empty string `%s`" % key)
    if case.get("expect") not in ("accept", "reject"):
        problems.append("`expect` must be \"accept\" or \"reject\"")
    if case.get("expect") == "reject" and not case.get("tz_error"):
        problems.append("reject cases need `tz_error`")
    env = case.get("env", {})
    if not isinstance(env, dict) or not all(isinstance(v, str) for v in env.values()):
        problems.append("`env` must be a table of strings")
        env = {}
    case["env"] = env
    return folder, case, problems


def child_env(case_env):
    env = {k: os.environ[k] for k in ("PATH", "HOME") if k in os.environ}
    env.update(QUIET_ENV)
    env.update(case_env)
    return env


def unescape_debug(s):
    """Undo Rust `{:?}` string escaping (\\" \\\\ \\n \\t \\u{..})."""
    def repl(m):
        tok = m.group(1)
        if tok.startswith("u{"):
            return chr(int(tok[2:-1], 16))
        return {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(tok, tok)
    return re.sub(r"\\(u\{[0-9a-fA-F]+\}|.)", repl, s)


LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\S+\s+([A-Z]+)\s+\S+: (.*)$")


def last_error_logged(log):
    """Text of the last ERROR event in the gateway's tracing output (it may span lines)."""
    last, current = None, None
    for line in log.splitlines():
        m = LOG_LINE.match(line)
        if m:
            current = [m.group(2)] if m.group(1) == "ERROR" else None
            if current is not None:
                last = current
        elif current is not None:
            current.append(line)
    return "\n".join(last).strip() if last else None


def tz_message(raw, log):
    """The gateway's own (Display) wording of the error. The Python exception only carries a
    Debug dump, so prefer the last ERROR the gateway logged, then the dump's `message: "..."`."""
    logged = last_error_logged(log)
    if logged:
        return logged
    found = re.findall(r'message: "((?:[^"\\]|\\.)*)"', raw)
    return unescape_debug(found[-1]) if found else raw


def tz_stage(raw):
    """Which step of `build_embedded` failed, e.g. ConfigParsing or EmbeddedGatewaySetup."""
    m = re.search(r"Failed to construct TensorZero client: (\w+)", raw)
    return m.group(1) if m else ""


def run_tz(folder, case, python):
    argv = [python, "-c", TZ_CHILD, case["config"], MARK]
    try:
        proc = subprocess.run(argv, cwd=folder, env=child_env(case["env"]), capture_output=True,
                              text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"outcome": "error", "message": "timed out after %ds" % TIMEOUT_S, "raw": "", "log": ""}
    log = proc.stderr
    result = None
    for line in proc.stdout.splitlines():
        if line.startswith(MARK):
            result = json.loads(line[len(MARK):])
        else:
            log += line + "\n"
    if result is None:
        return {"outcome": "error", "message": "no result (exit %d)" % proc.returncode,
                "raw": "", "log": log}
    if result["accepted"]:
        return {"outcome": "accept", "message": "", "stage": "", "raw": "", "log": log}
    return {"outcome": "reject", "message": tz_message(result["error"], log),
            "stage": tz_stage(result["error"]), "raw": result["error"], "log": log}


def run_switchyard(folder, case, binary):
    argv = [binary, "check", "--config", case["config"]]
    try:
        proc = subprocess.run(argv, cwd=folder, env=child_env(case["env"]), capture_output=True,
                              text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"outcome": "error", "message": "timed out after %ds" % TIMEOUT_S, "exit": None}
    except OSError as exc:
        return {"outcome": "error", "message": "cannot run %s: %s" % (binary, exc), "exit": None}
    text = (proc.stderr.strip() or proc.stdout.strip())
    outcome = {0: "accept", 1: "reject"}.get(proc.returncode, "error")
    return {"outcome": outcome, "message": text, "exit": proc.returncode}


def first_line(text, limit=200):
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[:limit - 3] + "..."


def check_case(name, args):
    try:
        folder, case, problems = load_case(name)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        folder, case, problems = None, {}, ["bad case.toml: %s" % exc]
    if problems:  # a broken manifest: report it, run nothing
        return {"case": name, "expect": case.get("expect"), "rule": case.get("rule"),
                "tz_error": case.get("tz_error", ""), "ok": False, "problems": problems,
                "tz": {"outcome": "error", "message": "", "stage": "", "raw": "", "log": ""},
                "switchyard": None}
    tz = run_tz(folder, case, args.python)
    if tz["outcome"] != case.get("expect"):
        problems.append("TensorZero %s, manifest expects %s" % (tz["outcome"], case.get("expect")))
    elif tz["outcome"] == "reject" and case["tz_error"] not in tz["message"] + tz["raw"]:
        problems.append("TensorZero's message lacks tz_error %r" % case["tz_error"])
    sy = None
    if not args.tz_only:
        sy = run_switchyard(folder, case, args.switchyard)
        if sy["outcome"] == "error":
            problems.append("switchyard error (exit %s)" % sy["exit"])
        elif sy["outcome"] != tz["outcome"]:
            problems.append("switchyard %s, TensorZero %s" % (sy["outcome"], tz["outcome"]))
    return {"case": name, "expect": case.get("expect"), "rule": case.get("rule"),
            "tz_error": case.get("tz_error", ""), "ok": not problems, "problems": problems,
            "tz": tz, "switchyard": sy}


def report_line(r):
    """One line per case: verdict, outcomes, first line of each message, and any problems."""
    parts = ["ok      " if r["ok"] else "MISMATCH", r["case"], "tz=%s" % r["tz"]["outcome"]]
    sy = r["switchyard"]
    if sy is not None:
        parts.append("switchyard=%s" % sy["outcome"])
    if r["tz"]["message"]:
        parts.append("| tz: " + first_line(r["tz"]["message"]))
    if sy is not None and sy["message"]:
        parts.append("| switchyard: " + first_line(sy["message"]))
    if r["problems"]:
        parts.append("| PROBLEM: " + "; ".join(r["problems"]))
    return " ".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="*", help="case folder names (default: all)")
    ap.add_argument("--tz-only", action="store_true", help="check only TensorZero against the manifests")
    ap.add_argument("--switchyard", default=os.environ.get("SWITCHYARD_BIN"),
                    help="switchyard binary (default: $SWITCHYARD_BIN)")
    ap.add_argument("--python", default=DEFAULT_PYTHON if os.path.exists(DEFAULT_PYTHON) else sys.executable,
                    help="python with tensorzero==2026.6.0 installed (default: .venv-conformance)")
    ap.add_argument("--json", metavar="OUT", help="write per-case results as JSON")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    if not args.tz_only:
        if not args.switchyard:
            ap.error("give --switchyard PATH or set SWITCHYARD_BIN (or use --tz-only)")
        args.switchyard = os.path.abspath(args.switchyard)
    names = args.cases or sorted(d for d in os.listdir(CORPUS)
                                 if os.path.isfile(os.path.join(CORPUS, d, "case.toml")))
    missing = [n for n in names if not os.path.isfile(os.path.join(CORPUS, n, "case.toml"))]
    if missing:
        ap.error("unknown case(s): %s" % ", ".join(missing))

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
        for r in pool.map(lambda n: check_case(n, args), names):
            print(report_line(r), flush=True)
            results.append(r)

    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
            f.write("\n")
    failed = sum(1 for r in results if not r["ok"])
    print("%d passed, %d failed" % (len(results) - failed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
