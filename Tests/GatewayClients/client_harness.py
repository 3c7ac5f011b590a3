"""Shared by the real-client checks: a loopback mock upstream, the gateway process, and a pass/fail tally.

The mock upstream speaks OpenAI's Chat Completions and Anthropic's Messages API, both plain JSON and
streaming (Server-Sent Events, when the request body says `"stream": true`), and records the credential each
call carried. What it answers depends on the first path segment of the provider's `api_base`:

  /ok/...        answers "hello from <wire model>" (streamed as the deltas "", "hello ", "from ", "<model>")
  /fail/...      answers 500
  /garbled/...   streams one delta, then an event that is not JSON, then the rest
  /anthropic/... answers as Anthropic: "hello from claude"
  /judge/...     answers JUDGE_ANSWER (a best-of-N evaluator's choice)
  /tools/...     calls the `get_weather` tool with {"city": "Paris"} (streamed as three deltas)
  /json/...      answers {"name": "Ann", "age": 3}, through the `respond` tool when the request forces it
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
from contextlib import contextmanager


class Received:
    """One upstream call: where it went, which credential it carried, and its JSON body."""

    def __init__(self, path, authorization, x_api_key, stream, body=None):
        self.path = path
        self.authorization = authorization
        self.x_api_key = x_api_key
        self.stream = stream
        self.body = body or {}

    def __repr__(self):
        return f"Received({self.path!r}, auth={self.authorization!r}, x-api-key={self.x_api_key!r}, stream={self.stream})"


# What `/judge/` answers: a best-of-N evaluator choosing candidate 1.
JUDGE_ANSWER = '{"thinking": "the second answer is better", "answer_choice": 1}'


class MockUpstream(http.server.BaseHTTPRequestHandler):
    received = []  # Received, in arrival order

    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        stream = body.get("stream") is True
        MockUpstream.received.append(
            Received(self.path, self.headers.get("authorization"), self.headers.get("x-api-key"), stream, body))
        model = body.get("model", "?")
        if self.path.startswith("/tools/"):
            self.tool_stream() if stream else self.openai_message(
                {"role": "assistant", "content": None, "tool_calls": [tool_call("call_1", "get_weather", '{"city":"Paris"}')]}, "tool_calls")
        elif self.path.startswith("/json/"):
            if (body.get("tool_choice") or {}).get("function", {}).get("name") == "respond":
                self.openai_message({"role": "assistant", "content": None, "tool_calls": [tool_call("call_r", "respond", PERSON)]}, "tool_calls")
            else:
                self.openai_message({"role": "assistant", "content": PERSON}, "stop")
        elif self.path.startswith("/judge/"):
            self.openai_message({"role": "assistant", "content": JUDGE_ANSWER}, "stop")
        elif self.path.startswith("/fail/"):
            self.reply(500, {"error": "upstream exploded"})
        elif self.path.startswith("/anthropic/"):
            self.anthropic_stream() if stream else self.reply(200, {
                "id": "msg_1", "type": "message", "role": "assistant", "model": model, "stop_reason": "end_turn",
                "content": [{"type": "text", "text": "hello from claude"}], "usage": {"input_tokens": 7, "output_tokens": 3}})
        elif stream:
            self.openai_stream(model, garbled=self.path.startswith("/garbled/"))
        else:
            self.reply(200, {
                "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": model,
                "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hello from " + model}}],
                "usage": {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16}})

    def openai_message(self, message, finish_reason):
        self.reply(200, {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "m",
                         "choices": [{"index": 0, "finish_reason": finish_reason, "message": message}],
                         "usage": {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16}})

    def tool_stream(self):
        self.start_events()
        base = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
        first = dict(tool_call("call_1", "get_weather", ""), index=0)
        for delta in [{"role": "assistant", "content": None, "tool_calls": [first]},
                      {"tool_calls": [{"index": 0, "function": {"arguments": '{"city":'}}]},
                      {"tool_calls": [{"index": 0, "function": {"arguments": '"Paris"}'}}]}]:
            self.event(dict(base, choices=[{"index": 0, "delta": delta, "finish_reason": None}]))
        self.event(dict(base, choices=[{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]))
        self.event(dict(base, choices=[], usage={"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16}))
        self.event("[DONE]")

    def reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def start_events(self):
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()

    def event(self, data, name=None):
        text = (f"event: {name}\n" if name else "") + "data: " + (data if isinstance(data, str) else json.dumps(data)) + "\n\n"
        self.wfile.write(text.encode())
        self.wfile.flush()

    def openai_stream(self, model, garbled):
        self.start_events()
        base = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": model}
        for index, text in enumerate(["", "hello ", "from ", model]):
            delta = {"role": "assistant", "content": text} if index == 0 else {"content": text}
            self.event(dict(base, choices=[{"index": 0, "delta": delta, "finish_reason": None}]))
            if garbled and index == 1:
                self.event("{this is not json")
        self.event(dict(base, choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}]))
        self.event(dict(base, choices=[], usage={"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16}))
        self.event("[DONE]")

    def anthropic_stream(self):
        self.start_events()
        self.event({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "content": [],
                                                          "usage": {"input_tokens": 7, "output_tokens": 1}}}, "message_start")
        self.event({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}, "content_block_start")
        self.event({"type": "ping"}, "ping")
        for text in ["hello ", "from ", "claude"]:
            self.event({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": text}}, "content_block_delta")
        self.event({"type": "content_block_stop", "index": 0}, "content_block_stop")
        self.event({"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 3}}, "message_delta")
        self.event({"type": "message_stop"}, "message_stop")

    def log_message(self, *args):
        pass


PERSON = '{"name":"Ann","age":3}'


def tool_call(call_id, name, arguments):
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


@contextmanager
def mock_upstream():
    """Serves `MockUpstream` on a free loopback port; yields its base URL."""
    MockUpstream.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), MockUpstream)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def switchyard_binary():
    return sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SWITCHYARD_BIN", ".build/debug/switchyard")


class Checks:
    """Prints each check as it runs and counts them."""

    def __init__(self):
        self.passed = []
        self.failed = []

    def check(self, name, condition, detail=""):
        print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))
        (self.passed if condition else self.failed).append(name)

    def finish(self):
        print(f"{len(self.passed)} passed, {len(self.failed)} failed")
        return 1 if self.failed else 0


@contextmanager
def gateway(binary, config_text, env, checks):
    """Runs `switchyard serve` on `config_text` with `env` added; yields its base URL, then checks that SIGTERM
    shuts it down cleanly."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "tensorzero.toml")
        with open(path, "w") as f:
            f.write(config_text)
        port = free_port()
        process = subprocess.Popen([binary, "serve", "--config", path, "--port", str(port)], env=dict(os.environ, **env))
        try:
            wait_for(port, process)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                status = process.wait(timeout=15)
                checks.check("graceful shutdown on SIGTERM exits 0", status == 0, status)
            except subprocess.TimeoutExpired:
                process.kill()
                checks.check("graceful shutdown on SIGTERM", False, "still running after 15 s")


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


def openai_provider(base, model, name, path, key="env::CLIENT_CHECK_OPENAI_KEY"):
    """A `[models.M.providers.P]` table of type openai pointing at the mock's `path` folder."""
    return (f'[models.{model}.providers.{name}]\ntype = "openai"\napi_base = "{base}/{path}/v1/"\n'
            f'model_name = "{name}-wire"\napi_key_location = "{key}"\n\n')


def tools_and_json_functions(base, folder):
    """A chat function `weather_fn` offering the `get_weather` tool (mock `/tools/`) and a JSON function `person_fn`
    (mock `/json/`) with variants `strict` and `tool`; the schema files are written to `folder`."""
    weather = os.path.join(folder, "get_weather.json")
    person = os.path.join(folder, "person.json")
    with open(weather, "w") as f:
        f.write('{"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"], "additionalProperties": false}')
    with open(person, "w") as f:
        f.write('{"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}},'
                ' "required": ["name", "age"]}')
    return ('[models.tools_model]\nrouting = ["tooling"]\n\n' + openai_provider(base, "tools_model", "tooling", "tools")
            + '[models.json_model]\nrouting = ["structured"]\n\n' + openai_provider(base, "json_model", "structured", "json")
            + f'[tools.get_weather]\ndescription = "Get the weather"\nparameters = "{weather}"\nstrict = true\n\n'
            + '[functions.weather_fn]\ntype = "chat"\ntools = ["get_weather"]\n\n'
            + '[functions.weather_fn.variants.only]\ntype = "chat_completion"\nmodel = "tools_model"\n\n'
            + f'[functions.person_fn]\ntype = "json"\noutput_schema = "{person}"\n\n'
            + '[functions.person_fn.variants.strict]\ntype = "chat_completion"\nmodel = "json_model"\njson_mode = "strict"\n\n'
            + '[functions.person_fn.variants.tool]\ntype = "chat_completion"\nmodel = "json_model"\njson_mode = "tool"\n\n'
            + '[functions.person_fn.experimentation]\ntype = "static"\ncandidate_variants = ["strict"]\nfallback_variants = ["tool"]\n\n')


def chat_function(name, variants):
    """A chat function with `chat_completion` variants `{variant: model}`."""
    text = f'[functions.{name}]\ntype = "chat"\n\n'
    for variant, model in variants.items():
        text += f'[functions.{name}.variants.{variant}]\ntype = "chat_completion"\nmodel = "{model}"\n\n'
    return text
