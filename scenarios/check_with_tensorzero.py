#!/usr/bin/env python3
"""Loads every example config with TensorZero 2026.6.0's own embedded gateway, as TensorZero users would.

Usage: PYTHON scenarios/check_with_tensorzero.py [FOLDER...]   (PYTHON: a venv with tensorzero==2026.6.0)

Each folder (default: every folder under scenarios/ holding a tensorzero.toml) is loaded in a fresh process whose
environment is only PATH, HOME and the folder's example.env, from inside the folder, so relative paths and missing
variables behave as they would for a user. It also checks the house rules every shipped config keeps: usage
analytics and observability off. Prints one line per folder and exits 1 when any folder fails.
"""
import os
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))


def folders(arguments):
    if arguments:
        return [os.path.abspath(folder) for folder in arguments]
    found = []
    for root, _, files in os.walk(HERE):
        if "tensorzero.toml" in files:
            found.append(root)
    return sorted(found)


def environment(folder):
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/root"), "NO_COLOR": "1", "RUST_LOG": "error"}
    path = os.path.join(folder, "example.env")
    if os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                name, value = line.split("=", 1)
                env[name.strip()] = value.strip()
    return env


def house_rule_problems(folder):
    with open(os.path.join(folder, "tensorzero.toml"), "rb") as file:
        config = tomllib.load(file)
    gateway = config.get("gateway", {})
    problems = []
    if gateway.get("disable_pseudonymous_usage_analytics") is not True:
        problems.append("[gateway] disable_pseudonymous_usage_analytics = true is missing")
    if gateway.get("observability", {}).get("enabled") is not False:
        problems.append("[gateway.observability] enabled = false is missing")
    return problems


LOAD = """
import tensorzero
gateway = tensorzero.TensorZeroGateway.build_embedded(config_file="tensorzero.toml", clickhouse_url=None)
gateway.close()
"""


def main():
    failures = 0
    for folder in folders(sys.argv[1:]):
        name = os.path.relpath(folder, os.path.dirname(HERE))
        problems = house_rule_problems(folder)
        loaded = subprocess.run([sys.executable, "-c", LOAD], cwd=folder, env=environment(folder), capture_output=True, text=True, timeout=120)
        if loaded.returncode != 0:
            lines = [line for line in loaded.stderr.strip().splitlines() if line.strip()]
            problems.append("TensorZero refused it: " + (lines[-1] if lines else f"exit {loaded.returncode}"))
        if problems:
            failures += 1
            print(f"FAIL {name}: " + "; ".join(problems))
        else:
            print(f"ok   {name}")
    print(f"{len(folders(sys.argv[1:])) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
