#!/usr/bin/env python3
"""Differential suite: `switchyard simulate` versus TensorZero 2026.6.0's gateway, request by request.

Every folder under configs/ holds a tensorzero.toml and a case.toml (environment, batches of requests and
the upstream failures of each batch). The harness expands the batches into concrete requests (episode ids
are seeded UUIDv7s, so both sides see the same ones), sends them to TensorZero's embedded gateway backed
by mock_upstream.py, replays them with `switchyard simulate`, and compares status, variant, model,
provider, credential location and fallback-credential use for every request.

Usage:
    .venv-conformance/bin/python Tests/Differential/run_differential.py [--switchyard PATH] [--tz-only]
        [--json OUT] [--python PATH] [CONFIG ...]
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import uuid

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
import mock_upstream  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIGS = os.path.join(HERE, "configs")
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_PYTHON = os.path.join(REPO, ".venv-conformance", "bin", "python")
CONFIG_HOST = "127.0.0.1:18431"  # the api_base host in configs/; replaced by the mock's real address
FIXED_EPISODE_POOL = 32
EPISODE_EPOCH_MS = 1767225600000  # 2026-01-01T00:00:00Z; TensorZero answers 400 to future or very old ids
TIMEOUT_S = 600
QUIET_ENV = {"NO_COLOR": "1", "RUST_LOG": "error", "RUST_BACKTRACE": "0"}
COMPARED = ("status", "variant", "model", "provider", "credential", "fallback_credential")
CASE_KEYS = {"description", "env", "batch"}
BATCH_KEYS = {"name", "upstream", "revoke", "send"}
SEND_KEYS = {"function", "model", "count", "episodes", "variant", "credentials"}


class CaseError(Exception):
    pass


# ---------------------------------------------------------------- cases

def uuid7(rng, ms):
    """A UUIDv7 with the given millisecond timestamp and seeded random bits."""
    value = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def read_providers(config):
    """(model, provider) → {upstream model name, api_key_location}, from the config's explicit providers."""
    providers = {}
    for model, table in config.get("models", {}).items():
        for name, provider in table.get("providers", {}).items():
            providers[(model, name)] = provider
    upstream_names = [p.get("model_name") for p in providers.values()]
    if len(set(upstream_names)) != len(upstream_names):
        raise CaseError("every provider needs its own upstream model_name (the mock tells them apart by it)")
    return providers


def expand_requests(case_name, sends):
    """Concrete requests: one per count, with the episode id each uses."""
    fixed_rng = random.Random("differential-fixed:" + case_name)
    fixed = [uuid7(fixed_rng, EPISODE_EPOCH_MS + i) for i in range(FIXED_EPISODE_POOL)]
    fresh_rng = random.Random("differential-fresh:" + case_name)
    fresh_ms = EPISODE_EPOCH_MS + 1000
    batches = []
    for batch_sends in sends:
        requests = []
        for send in batch_sends:
            episodes = send.get("episodes", "random")
            if episodes != "random" and not (isinstance(episodes, int) and 0 < episodes <= FIXED_EPISODE_POOL):
                raise CaseError("`episodes` is \"random\" or a number of fixed episodes (1-%d)" % FIXED_EPISODE_POOL)
            for i in range(send["count"]):
                if episodes == "random":
                    fresh_ms += 1
                    episode = uuid7(fresh_rng, fresh_ms)
                else:
                    episode = fixed[i % episodes]
                request = {k: send[k] for k in ("function", "model", "variant", "credentials") if k in send}
                request["episode"] = episode
                requests.append(request)
        batches.append(requests)
    return batches


def load_case(name):
    folder = os.path.join(CONFIGS, name)
    with open(os.path.join(folder, "case.toml"), "rb") as f:
        case = tomllib.load(f)
    with open(os.path.join(folder, "tensorzero.toml"), "rb") as f:
        providers = read_providers(tomllib.load(f))
    if set(case) - CASE_KEYS:
        raise CaseError("unknown case keys %s" % sorted(set(case) - CASE_KEYS))
    env = case.get("env", {})
    batches = case.get("batch", [])
    for batch in batches:
        if set(batch) - BATCH_KEYS:
            raise CaseError("unknown batch keys %s" % sorted(set(batch) - BATCH_KEYS))
        for target in batch.get("upstream", {}):
            if tuple(target.split(".", 1)) not in providers:
                raise CaseError("batch %r: unknown upstream %r" % (batch["name"], target))
        for send in batch["send"]:
            if set(send) - SEND_KEYS or ("function" in send) == ("model" in send):
                raise CaseError("batch %r: a send needs `function` or `model` and only %s"
                                % (batch["name"], sorted(SEND_KEYS)))
    requests = expand_requests(name, [b["send"] for b in batches])
    # Every secret value is distinct, so the bearer key an upstream sees names the location it came from.
    locations = {value: "env::" + var for var, value in env.items()}
    for request in (r for rs in requests for r in rs):
        for key, value in request.get("credentials", {}).items():
            if locations.setdefault(value, "dynamic::" + key) != "dynamic::" + key:
                raise CaseError("secret value %r is used by two locations" % value)
    return {"name": name, "folder": folder, "description": case.get("description", ""), "env": env,
            "batches": batches, "requests": requests, "providers": providers, "locations": locations}


def mock_rules(case, batch, requests):
    """What the mock fails in this batch: upstream model names (500/429) and bearer keys (401)."""
    rules = {"fail_401_keys": [], "fail_500_models": [], "fail_429_models": []}
    for target, respond in batch.get("upstream", {}).items():
        if respond not in ("500", "429"):
            raise CaseError("batch %r: upstream respond must be \"500\" or \"429\"" % batch["name"])
        upstream_model = case["providers"][tuple(target.split(".", 1))]["model_name"]
        rules["fail_%s_models" % respond].append(upstream_model)
    for location in batch.get("revoke", []):
        kind, _, name = location.partition("::")
        if kind == "env":
            rules["fail_401_keys"].append(case["env"][name])
        elif kind == "dynamic":
            rules["fail_401_keys"] += sorted({r["credentials"][name] for r in requests
                                              if name in r.get("credentials", {})})
        else:
            raise CaseError("batch %r: cannot revoke %r" % (batch["name"], location))
    return rules


def fallback_location(provider):
    location = provider.get("api_key_location")
    return location.get("fallback") if isinstance(location, dict) else None


# ---------------------------------------------------------------- TensorZero side

def clean_env(extra):
    env = {k: os.environ[k] for k in ("PATH", "HOME") if k in os.environ}
    env.update(QUIET_ENV)
    env.update(extra)
    return env


def run_tensorzero(case, workdir, mock_url, python):
    out_path = os.path.join(workdir, "tensorzero-results.json")
    job = {"config": os.path.join(workdir, "tensorzero.toml"), "mock": mock_url, "out": out_path, "batches": [
        {"rules": mock_rules(case, batch, requests), "requests": requests}
        for batch, requests in zip(case["batches"], case["requests"])]}
    proc = subprocess.run([python, os.path.join(HERE, "tz_child.py")], input=json.dumps(job),
                          capture_output=True, text=True, env=clean_env(case["env"]), timeout=TIMEOUT_S)
    if proc.returncode != 0 or not os.path.exists(out_path):
        raise CaseError("TensorZero child exited %d:\n%s" % (proc.returncode, (proc.stderr + proc.stdout)[-4000:]))
    with open(out_path) as f:
        out = json.load(f)
    if out["startup_error"]:
        raise CaseError("TensorZero did not start: " + out["startup_error"])
    return [[tz_outcome(case, raw) for raw in raws] for raws in out["results"]]


def tz_outcome(case, raw):
    outcome = dict.fromkeys(COMPARED)
    outcome.update(status=raw["status"], fallback_credential=False, error=raw["error"],
                   attempts=["%s key=%s -> %d" % (e["model"], e["key"], e["status"]) for e in raw["upstream"]])
    if raw["status"] == 200:
        served = [e for e in raw["upstream"] if e["status"] == 200]
        by_upstream = {p["model_name"]: key for key, p in case["providers"].items()}
        if len(served) == 1 and served[0]["model"] in by_upstream:
            model, provider = by_upstream[served[0]["model"]]
            credential = case["locations"].get(served[0]["key"], "unknown key %r" % served[0]["key"])
            outcome.update(model=model, provider=provider, credential=credential,
                           fallback_credential=credential == fallback_location(case["providers"][(model, provider)]))
        else:
            outcome.update(model="unattributed", provider="unattributed")
        outcome["variant"] = raw["variant"]  # a model_name request reports the model's name here
    return outcome


# ---------------------------------------------------------------- Switchyard side

def toml_key(key):
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def toml_value(value):
    if isinstance(value, dict):
        return "{ " + ", ".join("%s = %s" % (toml_key(k), toml_value(v)) for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value)  # strings and integers; JSON string escapes are valid in TOML basic strings


def scenario_text(case, batch, requests):
    lines = ["description = %s" % toml_value("%s: %s" % (case["name"], batch["name"])),
             'config = "tensorzero.toml"', "seed = 1", "", "[env]"]
    lines += ["%s = %s" % (toml_key(k), toml_value(v)) for k, v in sorted(case["env"].items())]
    for target, respond in sorted(batch.get("upstream", {}).items()):
        lines += ["", "[upstream.%s]" % json.dumps(target), "respond = %s" % toml_value(respond)]
    lines += ["", "[[phase]]", "name = %s" % toml_value(batch["name"])]
    if batch.get("revoke"):
        lines.append("revoke = %s" % toml_value(batch["revoke"]))
    lines.append("send = [")
    for request in requests:
        send = {"function": request["function"]} if "function" in request else {"model": request["model"]}
        send.update(count=1, episode=request["episode"])
        send.update({k: request[k] for k in ("variant", "credentials") if k in request})
        lines.append("  %s," % toml_value(send))
    return "\n".join(lines + ["]", ""])


def run_switchyard(case, workdir, binary):
    """Per batch: the outcomes in send order, or a string saying why the simulator gave none."""
    results = []
    for index, (batch, requests) in enumerate(zip(case["batches"], case["requests"])):
        scenario = os.path.join(workdir, "batch-%02d.scenario.toml" % index)
        trace = os.path.join(workdir, "batch-%02d.trace.jsonl" % index)
        with open(scenario, "w") as f:
            f.write(scenario_text(case, batch, requests))
        proc = subprocess.run([binary, "simulate", scenario, "--trace", trace], cwd=workdir,
                              capture_output=True, text=True, env=clean_env({}), timeout=TIMEOUT_S)
        records = []
        if proc.returncode == 0 and os.path.exists(trace):
            with open(trace) as f:
                records = [json.loads(line) for line in f if line.strip()]
        if proc.returncode != 0 or len(records) != len(requests):
            output = (proc.stderr + proc.stdout).strip()[-3000:]
            results.append("switchyard simulate %s exited %d with %d trace records for %d requests%s" % (
                scenario, proc.returncode, len(records), len(requests), ":\n" + output if output else ""))
        else:
            results.append([sy_outcome(record) for record in records])
    return results


def sy_outcome(record):
    outcome = dict.fromkeys(COMPARED)
    outcome.update(status=record.get("status"), fallback_credential=False, error=record.get("error"),
                   attempts=record.get("attempts"))
    if outcome["status"] == 200:
        outcome.update({k: record.get(k) for k in ("model", "provider", "credential")})
        outcome["fallback_credential"] = bool(record.get("fallback_credential"))
        outcome["variant"] = record.get("variant")
    return outcome


# ---------------------------------------------------------------- report

def label(outcome):
    if outcome["status"] != 200:
        return str(outcome["status"])
    return "200 %s %s.%s %s%s" % (outcome["variant"] or "-", outcome["model"], outcome["provider"],
                                  outcome["credential"], " (fallback)" if outcome["fallback_credential"] else "")


def attributed(outcome):
    return outcome["status"] is not None and outcome["model"] != "unattributed" and not str(
        outcome["credential"]).startswith("unknown")


def agree(tz, sy):
    return all(tz[k] == sy[k] for k in COMPARED)


def print_distribution(case, tz_results):
    for batch, outcomes in zip(case["batches"], tz_results):
        print("  %s (%d)" % (batch["name"], len(outcomes)))
        for text, count in collections.Counter(map(label, outcomes)).most_common():
            print("    %5d  %s" % (count, text))


def run_case(case, args, mock_url):
    """Runs one config on both sides; returns TZ's outcomes, one row per request, batch errors, the workdir."""
    name = case["name"]
    workdir = tempfile.mkdtemp(prefix="differential-%s-" % name)
    with open(os.path.join(case["folder"], "tensorzero.toml")) as f:
        config = f.read().replace(CONFIG_HOST, mock_url.split("//", 1)[1])
    with open(os.path.join(workdir, "tensorzero.toml"), "w") as f:
        f.write(config)
    tz = run_tensorzero(case, workdir, mock_url, args.python)
    sy = [None] * len(tz) if args.tz_only else run_switchyard(case, workdir, args.switchyard)
    rows, errors = [], []
    for batch, requests, tz_batch, sy_batch in zip(case["batches"], case["requests"], tz, sy):
        if isinstance(sy_batch, str):
            errors.append("batch %r: %s" % (batch["name"], sy_batch))
        for i, (request, tz_out) in enumerate(zip(requests, tz_batch)):
            sy_out = sy_batch[i] if isinstance(sy_batch, list) else None
            if args.tz_only:
                ok = attributed(tz_out)
            else:
                ok = sy_out is not None and agree(tz_out, sy_out)
            rows.append({"config": name, "batch": batch["name"], "index": i, "request": request,
                         "tensorzero": tz_out, "switchyard": sy_out, "ok": ok})
    return tz, rows, errors, workdir


def print_mismatch(row):
    tz, sy = row["tensorzero"], row["switchyard"]
    differs = [k for k in COMPARED if sy is None or tz[k] != sy[k]]
    what = "UNATTRIBUTED" if sy is None else "MISMATCH"  # sy is None only with --tz-only
    print("  %s %s / %s #%d (%s)" % (what, row["config"], row["batch"], row["index"], ", ".join(differs)))
    for key in ("request", "tensorzero", "switchyard"):
        print("    %-11s %s" % (key + ":", json.dumps(row[key], sort_keys=True)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--switchyard", default=os.environ.get("SWITCHYARD_BIN"),
                        help="switchyard binary (default: $SWITCHYARD_BIN)")
    parser.add_argument("--tz-only", action="store_true", help="run only TensorZero and print its outcomes")
    parser.add_argument("--json", help="write every request with both results to this file")
    parser.add_argument("--python", default=DEFAULT_PYTHON, help="a Python with tensorzero==2026.6.0")
    parser.add_argument("configs", nargs="*", help="config folders to run (default: all)")
    args = parser.parse_args()
    if not args.tz_only and not args.switchyard:
        parser.error("give --switchyard PATH (or set SWITCHYARD_BIN), or run --tz-only")
    names = args.configs or sorted(d for d in os.listdir(CONFIGS) if os.path.isdir(os.path.join(CONFIGS, d)))

    server = mock_upstream.start()
    mock_url = "http://127.0.0.1:%d" % server.server_address[1]
    all_rows, kept = [], []
    try:
        for name in names:
            try:
                case = load_case(name)
            except (CaseError, OSError, KeyError, ValueError, TypeError) as exc:
                print("config %s: ERROR in the case itself: %s" % (name, exc))
                all_rows.append({"config": name, "ok": False, "error": str(exc)})
                continue
            try:
                tz, rows, errors, workdir = run_case(case, args, mock_url)
            except (CaseError, OSError, KeyError, ValueError, subprocess.TimeoutExpired) as exc:
                print("config %s: ERROR %s" % (name, exc))
                all_rows += [{"config": name, "ok": False, "error": str(exc)}] * sum(map(len, case["requests"]))
                continue
            all_rows += rows
            good = sum(r["ok"] for r in rows)
            if args.tz_only:
                print("config %s: %d requests, %d attributed — %s" % (name, len(rows), good, case["description"]))
                print_distribution(case, tz)
            else:
                print("config %s: %d/%d agree" % (name, good, len(rows)))
            for error in errors:
                print("  ERROR " + error.replace("\n", "\n    "))
            for row in rows:
                if not row["ok"] and (args.tz_only or row["switchyard"] is not None):
                    print_mismatch(row)
            if good == len(rows):
                shutil.rmtree(workdir)
            else:
                kept.append(workdir)
    finally:
        server.shutdown()
    for workdir in kept:
        print("kept scenarios and traces in", workdir)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(all_rows, f, indent=1, sort_keys=True)
    passed = sum(1 for r in all_rows if r["ok"])
    print("%d passed, %d failed" % (passed, len(all_rows) - passed))
    return 0 if all_rows and passed == len(all_rows) else 1


if __name__ == "__main__":
    sys.exit(main())
