#!/usr/bin/env python3
"""Serves a config with TensorZero's own gateway, from the `tensorzero` PyPI package, for run.sh.

The package embeds TensorZero's Rust gateway; its `_start_http_gateway` (internal, used by the package's
OpenAI client patching) serves the OpenAI-compatible route on a port it picks. This prints
`GATEWAY_URL=<base>/chat/completions` once serving, and stops on SIGTERM.
"""
import os
import signal
import sys
import threading

os.environ.setdefault("RUST_LOG", "warn")
os.environ.setdefault("NO_COLOR", "1")
import tensorzero  # noqa: E402

gateway = tensorzero._start_http_gateway(
    config_file=sys.argv[1], clickhouse_url=None, postgres_url=None, valkey_url=None, async_setup=False
)
print(f"GATEWAY_URL={gateway.base_url.rstrip('/')}/chat/completions", flush=True)
stopping = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stopping.set())
signal.signal(signal.SIGINT, lambda *_: stopping.set())
stopping.wait()
gateway.close()
