"""Mock OpenAI-compatible upstream for the differential suite (stdlib only).

`POST /v1/chat/completions` answers with a chat completion whose content is
`upstream model=<model> key=<bearer key>`, unless a rule says otherwise:
a bearer key in `fail_401_keys` gets 401, a model in `fail_500_models` 500, in `fail_429_models` 429
(checked in that order). Every chat request is logged as {n, model, key, status}.

Control endpoints (used by the TensorZero child process):
  POST /_control {"fail_401_keys": [...], "fail_500_models": [...], "fail_429_models": [...]}
       replaces the rules and clears the log
  GET  /_log?since=N   entries with n > N, oldest first
"""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

RULE_KEYS = ("fail_401_keys", "fail_500_models", "fail_429_models")
ERRORS = {
    401: {"message": "Incorrect API key provided", "type": "invalid_request_error", "code": "invalid_api_key"},
    429: {"message": "Rate limit reached", "type": "rate_limit_error", "code": "rate_limit_exceeded"},
    500: {"message": "The server had an error", "type": "server_error", "code": None},
}


class MockState:
    def __init__(self):
        self.lock = threading.Lock()
        self.rules = {k: set() for k in RULE_KEYS}
        self.log = []
        self.counter = 0

    def control(self, body):
        with self.lock:
            self.rules = {k: set(body.get(k, [])) for k in RULE_KEYS}
            self.log = []
            return {k: sorted(v) for k, v in self.rules.items()}

    def record(self, model, key):
        with self.lock:
            if key in self.rules["fail_401_keys"]:
                status = 401
            elif model in self.rules["fail_500_models"]:
                status = 500
            elif model in self.rules["fail_429_models"]:
                status = 429
            else:
                status = 200
            self.counter += 1
            self.log.append({"n": self.counter, "model": model, "key": key, "status": status})
            return self.counter, status

    def since(self, n):
        with self.lock:
            return [e for e in self.log if e["n"] > n]


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the gateway's HTTP client expects
        disable_nagle_algorithm = True  # TCP_NODELAY: no 40 ms stall per keep-alive request

        def log_message(self, *args):
            pass

        def reply(self, code, obj):
            body = json.dumps(obj).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def read_json(self):
            n = int(self.headers.get("Content-Length") or 0)
            try:
                return json.loads(self.rfile.read(n) or b"{}")
            except ValueError:
                return {}

        def do_GET(self):
            url = urlsplit(self.path)
            if url.path == "/_log":
                since = int(parse_qs(url.query).get("since", ["0"])[0])
                return self.reply(200, state.since(since))
            self.reply(404, {"error": {"message": "not found"}})

        def do_POST(self):
            path = urlsplit(self.path).path
            body = self.read_json()
            if path == "/_control":
                return self.reply(200, state.control(body))
            if path != "/v1/chat/completions":
                return self.reply(404, {"error": {"message": "not found: " + path}})
            auth = self.headers.get("Authorization") or ""
            key = auth[len("Bearer "):] if auth.startswith("Bearer ") else None
            model = body.get("model")
            n, status = state.record(model, key)
            if status != 200:
                return self.reply(status, {"error": ERRORS[status]})
            self.reply(200, {
                "id": "chatcmpl-diff-%d" % n,
                "object": "chat.completion",
                "created": 1767225600,
                "model": model,
                "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                             "message": {"role": "assistant",
                                         "content": "upstream model=%s key=%s" % (model, key)}}],
                "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7},
            })

    return Handler


def start(port=0):
    """Serve on 127.0.0.1:port (0 = any free port) on a daemon thread; returns the server."""
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(MockState()))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
