"""Secrets canary run: every credential source holds a distinct canary value, every command and endpoint runs,
and no canary (nor its base64, base64url, percent-encoded form, or its first 8 characters) may appear in any
stdout, stderr, written file, log line or HTTP response.

Credential sources: every provider type's default environment variable, `env::` locations, a `--env-file`, GCP
service-account key files named by `path_from_env::` (the default) and `path::` (their private key lines, and
the access token the token endpoint hands out), AWS shared credentials and config files and AWS environment keys, an explicit AWS
key pair, a Bedrock API key, dynamic credentials (`credentials` on /inference, `tensorzero::credentials` on the
OpenAI endpoint), an `Authorization` value in a request's `extra_headers`, and the headers sent to the gateway.

The loopback mock upstream answers every provider call with an error that echoes the key it received, in
its body (plainly, masked, base64-encoded) and in headers; the GCP token endpoints either hand out a canary
token (which Vertex then echoes) or refuse with the JWT assertion and form echoed back. The run checks that
the mock did receive the canaries, so a gateway that sent nothing could not pass.

Usage: secrets_canary.py SWITCHYARD_BINARY
"""

import base64
import http.server
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

BIN = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix="switchyard-canary-")
OUT = os.path.join(WORK, "out")
os.makedirs(OUT)

# ---------------------------------------------------------------------------------------------------- canaries

CANARIES = {}  # label -> value


def canary(label):
    """A distinct value whose first 8 characters are random, so a prefix match means a leak."""
    value = secrets.token_hex(12) + "-" + label
    CANARIES[label] = value
    return value


DEFAULT_ENV = {  # provider type -> its default api_key_location variable
    "openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY", "azure": "AZURE_API_KEY", "deepseek": "DEEPSEEK_API_KEY",
    "fireworks": "FIREWORKS_API_KEY", "google_ai_studio_gemini": "GOOGLE_AI_STUDIO_API_KEY", "groq": "GROQ_API_KEY",
    "hyperbolic": "HYPERBOLIC_API_KEY", "mistral": "MISTRAL_API_KEY", "openrouter": "OPENROUTER_API_KEY",
    "together": "TOGETHER_API_KEY", "xai": "XAI_API_KEY", "vllm": "VLLM_API_KEY", "sglang": "SGLANG_API_KEY", "tgi": "TGI_API_KEY",
}
ENV = {name: canary("env-" + name.lower()) for name in DEFAULT_ENV.values()}
ENV["CUSTOM_OPENAI_KEY"] = canary("env-custom")
ENV["SM_ACCESS_KEY_ID"] = "AKIA" + secrets.token_hex(8).upper()
CANARIES["sagemaker-access-key-id"] = ENV["SM_ACCESS_KEY_ID"]
ENV["SM_SECRET_ACCESS_KEY"] = canary("sagemaker-secret")
ENV["SM_SESSION_TOKEN"] = canary("sagemaker-session")
ENV["BEDROCK_API_KEY"] = canary("bedrock-api-key")
AWS_ENV_KEYS = {
    "AWS_ACCESS_KEY_ID": "AKIA" + secrets.token_hex(8).upper(),
    "AWS_SECRET_ACCESS_KEY": canary("aws-env-secret"),
    "AWS_SESSION_TOKEN": canary("aws-env-session"),
}
CANARIES["aws-env-access-key-id"] = AWS_ENV_KEYS["AWS_ACCESS_KEY_ID"]
DYNAMIC_INFERENCE = canary("dynamic-inference")
DYNAMIC_OPENAI = canary("dynamic-openai")
EXTRA_HEADER_KEY = canary("extra-header")
GATEWAY_AUTH = canary("gateway-authorization")
GATEWAY_API_KEY = canary("gateway-x-api-key")
GCP_TOKEN = canary("gcp-access-token")
AWS_FILE_KEY_ID = "AKIA" + secrets.token_hex(8).upper()
CANARIES["aws-file-access-key-id"] = AWS_FILE_KEY_ID
AWS_FILE_SECRET = canary("aws-file-secret")
AWS_FILE_SESSION = canary("aws-file-session")


def write(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w") as handle:
        handle.write(text)
    return path


write("aws-credentials", f"[canary]\naws_access_key_id = {AWS_FILE_KEY_ID}\naws_secret_access_key = {AWS_FILE_SECRET}\n"
                         f"aws_session_token = {AWS_FILE_SESSION}\n")
write("aws-config", "[profile canary]\nregion = us-east-1\n")
AWS_FILES_ENV = {"AWS_SHARED_CREDENTIALS_FILE": os.path.join(WORK, "aws-credentials"),
                 "AWS_CONFIG_FILE": os.path.join(WORK, "aws-config"), "AWS_PROFILE": "canary"}

# A real 2048-bit key: the gateway signs its JWT with it. Its base64 lines (but the first, an ASN.1 header that
# every RSA key shares) are canaries.
pem = subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
                     check=True, capture_output=True, text=True).stdout
for index, line in enumerate(l for l in pem.splitlines() if not l.startswith("-----")):
    if index > 0 and len(line) >= 16:
        CANARIES[f"gcp-private-key-line-{index}"] = line

# ------------------------------------------------------------------------------------------------ mock upstream

RECEIVED = []  # every request body and header block the mock saw, as text
CREDENTIAL_HEADERS = ["authorization", "x-api-key", "api-key", "x-goog-api-key", "x-amz-security-token"]


class EchoingUpstream(http.server.BaseHTTPRequestHandler):
    """Every provider call gets an error echoing its credentials; /token-ok and /token-refuse are GCP token endpoints."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        RECEIVED.append(self.path + "\n" + str(self.headers) + "\n" + body.decode("utf-8", "replace"))
        if self.path.endswith("/token-ok"):
            return self.reply(200, {"access_token": GCP_TOKEN, "expires_in": 3600, "token_type": "Bearer"})
        if self.path.endswith("/token-refuse"):
            form = body.decode()
            return self.reply(400, {"error": "invalid_grant: " + form, "error_description": "Invalid JWT " + form},
                              echo=form)
        keys = [self.headers.get(name) for name in CREDENTIAL_HEADERS if self.headers.get(name)]
        query = urllib.parse.urlparse(self.path).query
        echo = " | ".join(keys + [query])
        bare = [k.split(" ", 1)[-1] for k in keys]
        message = {
            "message": f"Incorrect API key provided: {echo}",
            "masked": [k[:10] + "*" * 20 + k[-4:] for k in bare],
            "base64": [base64.b64encode(k.encode()).decode() for k in bare],
            "urlencoded": [urllib.parse.quote(k, safe="") for k in bare],
        }
        if "/midstream/" in self.path and b'"stream":true' in body.replace(b" ", b""):
            event = json.dumps({"error": message})
            return self.send_raw(200, f"data: {event}\n\n".encode(), "text/event-stream", echo)
        self.reply(403 if "amazonaws" in self.path else 401, {"error": message, "type": "authentication_error"}, echo=echo)

    def reply(self, status, payload, echo=""):
        self.send_raw(status, json.dumps(payload).encode(), "application/json", echo)

    def send_raw(self, status, data, content_type, echo):
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(data)))
        self.send_header("x-echo-key", echo.replace("\n", " ")[:4000])
        self.send_header("www-authenticate", f'Bearer realm="{echo[:200]}"')
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


mock = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EchoingUpstream)
threading.Thread(target=mock.serve_forever, daemon=True).start()
MOCK = f"http://127.0.0.1:{mock.server_address[1]}"

sa = {"type": "service_account", "project_id": "canary-project", "private_key_id": "canary-key-id", "private_key": pem,
      "client_email": "canary@canary-project.iam.gserviceaccount.com", "client_id": "1"}
ENV["GCP_VERTEX_CREDENTIALS_PATH"] = write("sa-ok.json", json.dumps(dict(sa, token_uri=MOCK + "/token-ok")))
SA_REFUSED = write("sa-refused.json", json.dumps(dict(sa, token_uri=MOCK + "/token-refuse")))

# ------------------------------------------------------------------------------------------------------ config

def provider(model, name, settings):
    lines = [f"[models.{model}]", f'routing = ["{name}"]', "", f"[models.{model}.providers.{name}]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    lines += ["", f"[functions.fn_{model}]", 'type = "chat"', "", f"[functions.fn_{model}.variants.v]",
              'type = "chat_completion"', f'model = "{model}"', ""]
    return "\n".join(lines)


MODELS = {
    "openai_default": {"type": "openai", "model_name": "gpt-4o-mini"},
    "openai_custom_env": {"type": "openai", "model_name": "m", "api_key_location": "env::CUSTOM_OPENAI_KEY"},
    "openai_dynamic": {"type": "openai", "model_name": "m", "api_key_location": "dynamic::customer_key"},
    "openai_midstream": {"type": "openai", "model_name": "m", "api_base": MOCK + "/midstream/v1/"},
    "anthropic_default": {"type": "anthropic", "model_name": "claude"},
    "azure_default": {"type": "azure", "deployment_id": "d", "endpoint": MOCK + "/azure"},
    "deepseek_default": {"type": "deepseek", "model_name": "m"},
    "fireworks_default": {"type": "fireworks", "model_name": "m"},
    "google_default": {"type": "google_ai_studio_gemini", "model_name": "gemini-2.5-flash"},
    "groq_default": {"type": "groq", "model_name": "m"},
    "hyperbolic_default": {"type": "hyperbolic", "model_name": "m"},
    "mistral_default": {"type": "mistral", "model_name": "m"},
    "openrouter_default": {"type": "openrouter", "model_name": "m"},
    "together_default": {"type": "together", "model_name": "m"},
    "xai_default": {"type": "xai", "model_name": "m"},
    "vllm_default": {"type": "vllm", "model_name": "m", "api_base": MOCK + "/vllm/v1/"},
    "sglang_default": {"type": "sglang", "model_name": "m", "api_base": MOCK + "/sglang/v1/"},
    "tgi_default": {"type": "tgi", "api_base": MOCK + "/tgi/v1/"},
    "vertex_gemini_default": {"type": "gcp_vertex_gemini", "model_id": "gemini-2.5-flash", "location": "us-central1",
                              "project_id": "canary-project"},
    "vertex_anthropic_path": {"type": "gcp_vertex_anthropic", "model_id": "claude@1", "location": "us-east5",
                              "project_id": "canary-project", "credential_location": "path::" + ENV["GCP_VERTEX_CREDENTIALS_PATH"]},
    "vertex_anthropic_refused": {"type": "gcp_vertex_anthropic", "model_id": "claude@1", "location": "us-east5",
                                 "project_id": "canary-project", "credential_location": "path::" + SA_REFUSED},
    "bedrock_sdk": {"type": "aws_bedrock", "model_id": "anthropic.claude", "region": "us-east-1"},
    "bedrock_api_key": {"type": "aws_bedrock", "model_id": "anthropic.claude", "region": "us-east-1",
                        "api_key": "env::BEDROCK_API_KEY"},
    "sagemaker_explicit": {"type": "aws_sagemaker", "endpoint_name": "e", "model_name": "m", "hosted_provider": "openai",
                           "region": "us-east-1", "access_key_id": "env::SM_ACCESS_KEY_ID",
                           "secret_access_key": "env::SM_SECRET_ACCESS_KEY", "session_token": "env::SM_SESSION_TOKEN"},
}
CONFIG = write("tensorzero.toml", "[gateway]\ndisable_pseudonymous_usage_analytics = true\n\n"
               + "\n".join(provider(model, "p", settings) for model, settings in MODELS.items()))
CHANGED = write("tensorzero-changed.toml", open(CONFIG).read().replace(
    '[models.openai_default]\nrouting = ["p"]', '[models.openai_default]\nrouting = ["p"]\ntimeouts.non_streaming.total_ms = 5000'))
ENV_FILE = write("canary.env", "".join(f"{name}={value}\n" for name, value in {**ENV, **AWS_FILES_ENV}.items()))

FUNCTIONS = [f"fn_{model}" for model in MODELS]
sends = ", ".join(
    f'{{ function = "{f}", count = 2, credentials = {{ customer_key = "{DYNAMIC_INFERENCE}" }} }}' for f in FUNCTIONS)
env_table = "\n".join(f'{name} = "{value}"' for name, value in {**ENV, **AWS_FILES_ENV}.items())
SCENARIO = write("canary.scenario.toml", f'''description = "canaries in every credential source"
config = "tensorzero.toml"
seed = 3

[env]
{env_table}

[[phase]]
name = "every provider answers"
send = [{sends}]

[[phase]]
name = "keys revoked"
revoke = ["env::OPENAI_API_KEY", "env::CUSTOM_OPENAI_KEY", "dynamic::customer_key"]
send = [{sends}]
''')

# ---------------------------------------------------------------------------------------------------- the runs

OUTPUTS = {}  # name -> bytes
BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
BASE_ENV.update(ENV)
BASE_ENV.update(AWS_FILES_ENV)


def run(name, args, env=None, ok=(0, 1, 2, 3)):
    result = subprocess.run([BIN] + args, cwd=WORK, env=env or BASE_ENV, capture_output=True, timeout=120)
    OUTPUTS[name + " stdout"] = result.stdout
    OUTPUTS[name + " stderr"] = result.stderr
    if result.returncode not in ok:
        sys.exit(f"{name}: exit {result.returncode}\n{result.stderr.decode(errors='replace')}")
    return result


run("check", ["check", "--config", CONFIG, "--env-file", ENV_FILE])
run("check json", ["check", "--config", CONFIG, "--format", "json"])
run("compile", ["compile", "--config", CONFIG, "-o", os.path.join(OUT, "plan.json")], ok=(0,))
for form in ["text", "mermaid", "dot"]:
    run("explain " + form, ["explain", "--config", CONFIG, "--format", form])
run("explain outage", ["explain", "--config", CONFIG, "--format", "mermaid", "--outage", "env::OPENAI_API_KEY"])
for form in ["text", "json", "junit"]:
    run("analyze " + form, ["analyze", "--config", CONFIG, "--env-file", ENV_FILE, "--requests", "20", "--format", form])
run("analyze --junit", ["analyze", "--config", CONFIG, "--env-file", ENV_FILE, "--requests", "20", "--junit", os.path.join(OUT, "analysis.xml")])
run("diff", ["diff", CONFIG, CHANGED, "--env-file", ENV_FILE])
run("simulate", ["simulate", SCENARIO, "--trace", os.path.join(OUT, "trace.jsonl"), "--junit",
                 os.path.join(OUT, "junit.xml"), "--html", os.path.join(OUT, "report.html"), "--coverage"])
for written in ["plan.json", "analysis.xml", "trace.jsonl", "junit.xml", "report.html"]:
    if not os.path.exists(os.path.join(OUT, written)):
        sys.exit(f"{written} was not written")

# The compiled plan with every upstream endpoint moved onto the mock (GCP and the AWS regions have no api_base).
plan = json.load(open(os.path.join(OUT, "plan.json")))


def to_mock(value):
    if isinstance(value, dict):
        return {k: (re.sub(r"^https?://", MOCK + "/", v) if k == "endpoint" and isinstance(v, str)
                    and not v.startswith(MOCK) else to_mock(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [to_mock(v) for v in value]
    return value


LOOPBACK_PLAN = os.path.join(OUT, "plan-loopback.json")
json.dump(to_mock(plan), open(LOOPBACK_PLAN, "w"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, payload=None, headers=None):
    data = None if payload is None else (payload if isinstance(payload, bytes) else json.dumps(payload).encode())
    request = urllib.request.Request(url, data=data, method=method, headers={
        "content-type": "application/json", "authorization": "Bearer " + GATEWAY_AUTH, "x-api-key": GATEWAY_API_KEY,
        **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, str(response.headers).encode() + response.read()
    except urllib.error.HTTPError as error:
        return error.code, str(error.headers).encode() + error.read()


def serve(name, args, env, requests):
    """Starts `serve` with LOG_LEVEL=debug, sends `requests(base_url)`, stops it with SIGTERM; keeps its log."""
    port = free_port()
    log = open(os.path.join(OUT, name + ".log"), "wb")
    process = subprocess.Popen([BIN, "serve", "--port", str(port)] + args, cwd=WORK, env={**env, "LOG_LEVEL": "debug"},
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                sys.exit(f"{name}: serve exited {process.returncode}\n" + open(log.name).read())
            time.sleep(0.1)
    try:
        requests(base)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        log.close()
    OUTPUTS[name + " log"] = open(log.name, "rb").read()


STATUSES = {}


def every_endpoint(functions):
    def send(base):
        message = {"messages": [{"role": "user", "content": "hi"}]}
        extra = [{"name": "authorization", "value": "Bearer " + EXTRA_HEADER_KEY}]
        for function in functions:
            for stream in (False, True):
                label = f"/inference {function} stream={stream}"
                STATUSES[label], OUTPUTS[label] = http("POST", base + "/inference", {
                    "function_name": function, "input": message, "stream": stream,
                    "credentials": {"customer_key": DYNAMIC_INFERENCE}})
                label = f"/openai {function} stream={stream}"
                STATUSES[label], OUTPUTS[label] = http("POST", base + "/openai/v1/chat/completions", {
                    "model": "tensorzero::function_name::" + function, "stream": stream, **message,
                    "tensorzero::credentials": {"customer_key": DYNAMIC_OPENAI}})
        label = "/inference extra_headers authorization"
        STATUSES[label], OUTPUTS[label] = http("POST", base + "/inference", {
            "function_name": "fn_openai_default", "input": message, "extra_headers": extra})
        bad = [
            {"function_name": "fn_openai_dynamic", "input": message, "credentials": {"customer_key": [DYNAMIC_INFERENCE]}},
            {"function_name": "fn_openai_dynamic", "input": DYNAMIC_INFERENCE, "credentials": {"customer_key": DYNAMIC_INFERENCE}},
            {"model": "tensorzero::function_name::nope", "tensorzero::credentials": {"customer_key": DYNAMIC_OPENAI}, **message},
        ]
        for index, body in enumerate(bad):
            path = "/openai/v1/chat/completions" if "model" in body else "/inference"
            STATUSES[f"bad request {index}"], OUTPUTS[f"bad request {index}"] = http("POST", base + path, body)
        truncated = json.dumps({"function_name": "fn_openai_dynamic", "credentials": {"customer_key": DYNAMIC_INFERENCE}})[:-3]
        STATUSES["truncated JSON"], OUTPUTS["truncated JSON"] = http("POST", base + "/inference", truncated.encode())
        for path in ["/metrics", "/status", "/health"]:
            STATUSES[path], OUTPUTS[path] = http("GET", base + path)
    return send


start = time.time()
serve("serve --plan", ["--plan", LOOPBACK_PLAN], BASE_ENV, every_endpoint(FUNCTIONS))
aws_env = {**{k: v for k, v in BASE_ENV.items() if k not in AWS_FILES_ENV}, **AWS_ENV_KEYS}
serve("serve --plan (AWS keys from the environment)", ["--plan", LOOPBACK_PLAN], aws_env, every_endpoint(["fn_bedrock_sdk"]))
serve("serve --config", ["--config", CONFIG, "--env-file", ENV_FILE], BASE_ENV, lambda base: None)

# ------------------------------------------------------------------------------------------------------ checks

failures = []
successes = [label for label, status in STATUSES.items() if label.startswith("/inference") and status == 200]
if successes:
    failures.append(f"requests that should have failed upstream succeeded: {successes}")
received = "\n".join(RECEIVED)
# What a provider call carries: every canary but the gateway's own request headers, the private key (it only
# signs) and the AWS secret access keys (they only sign; their access key ids travel in the SigV4 scope).
unsent = ("gateway-", "gcp-private-key", "aws-env-secret", "aws-file-secret", "sagemaker-secret")
for label, value in CANARIES.items():
    if not label.startswith(unsent) and value not in received:
        failures.append(f"canary `{label}` never reached the mock upstream, so its echo was not exercised")

for name in os.listdir(OUT):
    OUTPUTS["file " + name] = open(os.path.join(OUT, name), "rb").read()


def forms(value, prefix_too=True):
    data = value.encode()
    b64 = base64.b64encode(data).decode()
    found = {value, b64, b64.rstrip("="), base64.urlsafe_b64encode(data).decode().rstrip("="),
             urllib.parse.quote(value, safe=""), urllib.parse.quote_plus(value)}
    if prefix_too:
        found.add(value[:8])
    return found


leaks = []
for label, value in CANARIES.items():
    for form in forms(value):
        needle = form.encode()
        for name, text in OUTPUTS.items():
            if needle in text:
                at = text.find(needle)
                leaks.append(f"`{label}` ({form!r}) in {name}: ...{text[max(0, at - 80):at + 80].decode(errors='replace')}...")

# The scan must find a canary where one is: the credential files written above hold most canaries; the
# dynamic ones are in the mock's log, the gateway's request headers and the AWS environment keys only here.
sources = b"".join(open(os.path.join(WORK, name), "rb").read() for name in os.listdir(WORK) if os.path.isfile(os.path.join(WORK, name)))
sources += received.encode() + GATEWAY_AUTH.encode() + GATEWAY_API_KEY.encode() + "".join(AWS_ENV_KEYS.values()).encode()
planted = sum(1 for value in CANARIES.values() if any(form.encode() in sources for form in forms(value)))
if planted != len(CANARIES):
    failures.append(f"self-check: the scan finds only {planted} of {len(CANARIES)} canaries where they were planted")

for leak in leaks:
    print("LEAK:", leak)
for failure in failures:
    print("FAIL:", failure)
print(f"{len(CANARIES)} canaries, {len(STATUSES)} HTTP exchanges, {len(RECEIVED)} upstream calls echoed, "
      f"serve phases {time.time() - start:.1f} s")
print(f"canaries found: {len(leaks)} across {len(OUTPUTS)} outputs")
print(f"{0 if leaks or failures else 1} passed, {1 if leaks or failures else 0} failed: secrets canary run")
sys.exit(1 if leaks or failures else 0)
