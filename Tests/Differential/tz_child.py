"""TensorZero side of the differential suite; runs in a fresh process per config.

Reads a job from stdin: {"config": PATH, "mock": URL, "out": PATH, "batches": [{"rules": {...}, "requests": [...]}]}.
Builds TensorZero's embedded gateway from the config with the process environment, then per batch sets the
mock's failure rules and sends the requests one at a time, noting the upstream calls each one made.
Writes {"startup_error": str|null, "results": [[result, ...] per batch]} to the `out` file (the gateway
logs to stdout).
"""
import json
import sys
import urllib.request

from tensorzero import TensorZeroGateway

MESSAGE = {"messages": [{"role": "user", "content": "differential"}]}


def mock_call(url, body=None):
    data = None if body is None else json.dumps(body).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=data)) as resp:
        return json.loads(resp.read())


def infer(gateway, request):
    kwargs = {"input": MESSAGE, "episode_id": request["episode"]}
    if "model" in request:
        kwargs["model_name"] = request["model"]
    else:
        kwargs["function_name"] = request["function"]
    if request.get("variant"):
        kwargs["variant_name"] = request["variant"]
    if request.get("credentials"):
        kwargs["credentials"] = request["credentials"]
    try:
        response = gateway.inference(**kwargs)
        return {"status": 200, "variant": response.variant_name, "error": None}
    except Exception as exc:  # TensorZeroError carries the HTTP status and body the gateway would answer with
        return {"status": getattr(exc, "status_code", None), "variant": None, "error": error_text(exc)}


def error_text(exc):
    try:
        return json.loads(exc.text)["error"]
    except (AttributeError, TypeError, ValueError, KeyError):
        return "%s: %s" % (type(exc).__name__, exc)


def write(job, result):
    with open(job["out"], "w") as f:
        json.dump(result, f)


def main():
    job = json.load(sys.stdin)
    try:
        gateway = TensorZeroGateway.build_embedded(config_file=job["config"], clickhouse_url=None)
    except Exception as exc:
        return write(job, {"startup_error": "%s: %s" % (type(exc).__name__, exc), "results": []})
    results = []
    for batch in job["batches"]:
        mock_call(job["mock"] + "/_control", batch["rules"])
        seen = 0
        batch_results = []
        for request in batch["requests"]:
            result = infer(gateway, request)
            result["upstream"] = mock_call("%s/_log?since=%d" % (job["mock"], seen))
            if result["upstream"]:
                seen = result["upstream"][-1]["n"]
            batch_results.append(result)
        results.append(batch_results)
    write(job, {"startup_error": None, "results": results})


if __name__ == "__main__":
    main()
