#!/usr/bin/env python3
"""Drives `switchyard serve` with the official `openai` Python client.

Starts a loopback mock upstream that speaks OpenAI's Chat Completions format (recording the Authorization
header it receives), writes a config pointing at it, starts the gateway binary on a free port, and checks
through `openai.OpenAI(base_url=".../openai/v1")`:

  - a function served, with TensorZero's `model` naming function and variant;
  - `model_name` requests;
  - `extra_body={"tensorzero::credentials": ...}` reaching the upstream's Authorization header;
  - fallback to the next provider when the first answers 500;
  - errors surfacing as `openai.APIStatusError` with TensorZero's status and message.

Usage: openai_client_check.py [PATH_TO_SWITCHYARD_BINARY]   (default: .build/debug/switchyard, or $SWITCHYARD_BIN)
Exit status 0 when every check holds.
"""

import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

import openai

RECEIVED = []  # (path, authorization) of each upstream call


class Upstream(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        RECEIVED.append((self.path, self.headers.get("authorization")))
        if self.path.startswith("/fail/"):
            self.reply(500, {"error": "upstream exploded"})
            return
        self.reply(200, {
            "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": body.get("model", "?"),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": "hello from " + body.get("model", "?")}}],
            "usage": {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16},
        })

    def reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def config(upstream):
    base = f"http://127.0.0.1:{upstream}"

    def provider(model, name, path, key="env::CLIENT_CHECK_OPENAI_KEY"):
        return (f'[models.{model}.providers.{name}]\ntype = "openai"\napi_base = "{base}/{path}/v1/"\n'
                f'model_name = "{name}-wire"\napi_key_location = "{key}"\n\n')

    def function(name, model):
        return (f'[functions.{name}]\ntype = "chat"\n\n[functions.{name}.variants.{name}_variant]\n'
                f'type = "chat_completion"\nmodel = "{model}"\n\n')

    return ('[models.ok_model]\nrouting = ["primary"]\n\n' + provider("ok_model", "primary", "ok")
            + '[models.fallback_model]\nrouting = ["broken", "backup"]\n\n'
            + provider("fallback_model", "broken", "fail") + provider("fallback_model", "backup", "ok")
            + '[models.dynamic_model]\nrouting = ["customer"]\n\n'
            + provider("dynamic_model", "customer", "ok", key="dynamic::customer_key")
            + function("chat_fn", "ok_model") + function("fallback_fn", "fallback_model")
            + function("dynamic_fn", "dynamic_model"))


def wait_for(port, process, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gateway exited early with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gateway did not start listening")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SWITCHYARD_BIN", ".build/debug/switchyard")
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    failures = []
    passed = []

    def check(name, condition, detail=""):
        print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))
        (passed if condition else failures).append(name)

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "tensorzero.toml")
        with open(path, "w") as f:
            f.write(config(upstream.server_address[1]))
        port = free_port()
        env = dict(os.environ, CLIENT_CHECK_OPENAI_KEY="sk-static-openai")
        gateway = subprocess.Popen([binary, "serve", "--config", path, "--port", str(port)], env=env)
        try:
            wait_for(port, gateway)
            client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/openai/v1", api_key="unused", max_retries=0)
            messages = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hi"}]

            r = client.chat.completions.create(model="tensorzero::function_name::chat_fn", messages=messages)
            check("function content", r.choices[0].message.content == "hello from primary-wire", r)
            check("function model", r.model == "tensorzero::function_name::chat_fn::variant_name::chat_fn_variant", r.model)
            check("usage", (r.usage.prompt_tokens, r.usage.completion_tokens, r.usage.total_tokens) == (11, 5, 16), r.usage)
            check("finish_reason", r.choices[0].finish_reason == "stop", r.choices[0].finish_reason)
            check("static key sent", RECEIVED[-1] == ("/ok/v1/chat/completions", "Bearer sk-static-openai"), RECEIVED[-1:])

            r = client.chat.completions.create(model="tensorzero::model_name::ok_model", messages=messages)
            check("model_name model", r.model == "tensorzero::model_name::ok_model", r.model)

            r = client.chat.completions.create(
                model="tensorzero::function_name::dynamic_fn", messages=messages,
                extra_body={"tensorzero::credentials": {"customer_key": "sk-customer-42"}})
            check("dynamic credential reaches upstream", RECEIVED[-1][1] == "Bearer sk-customer-42", RECEIVED[-1:])

            before = len(RECEIVED)
            r = client.chat.completions.create(model="tensorzero::function_name::fallback_fn", messages=messages)
            paths = [p for p, _ in RECEIVED[before:]]
            check("fallback after 500", r.choices[0].message.content == "hello from backup-wire" and paths[0].startswith("/fail/"), paths)

            try:
                client.chat.completions.create(model="tensorzero::function_name::nope", messages=messages)
                check("unknown function is an error", False, "no error raised")
            except openai.APIStatusError as error:
                check("unknown function is 404", error.status_code == 404, error.status_code)
                check("unknown function message", error.body.get("message") == "Unknown function: nope", error.body)

            try:
                client.chat.completions.create(model="gpt-4o", messages=messages)
                check("bad model is an error", False, "no error raised")
            except openai.BadRequestError as error:
                check("bad model is 400", "must start with `tensorzero::function_name::`" in str(error.body), error.body)

            try:
                client.chat.completions.create(model="tensorzero::function_name::dynamic_fn", messages=messages)
                check("missing dynamic key is an error", False, "no error raised")
            except openai.APIStatusError as error:
                check("missing dynamic key message", "Dynamic api key `customer_key` is missing" in str(error.body), error.body)
        finally:
            gateway.terminate()
            try:
                status = gateway.wait(timeout=15)
                check("graceful shutdown on SIGTERM exits 0", status == 0, status)
            except subprocess.TimeoutExpired:
                gateway.kill()
                check("graceful shutdown on SIGTERM", False, "still running after 15 s")
    upstream.shutdown()
    print(f"{len(passed)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
