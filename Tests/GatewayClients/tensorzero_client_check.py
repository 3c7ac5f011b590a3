#!/usr/bin/env python3
"""Drives `switchyard serve` with the official `tensorzero` Python client over HTTP.

Starts the loopback mock upstream of `client_harness.py` (recording the credential each call carried),
writes a config pointing at it, starts the gateway binary on a free port, and checks through
`TensorZeroGateway.build_http(gateway_url=...)`:

  - chat functions and `model_name` requests: content, variant, usage, finish reason, ids;
  - the key each upstream received: the static `env::` key, `credentials=` for `dynamic::` keys, Anthropic's
    `x-api-key`;
  - episode ids kept, variant pinning (and an unknown pin), dryrun;
  - errors with TensorZero's status codes and messages (unknown function, missing dynamic key, all providers
    failing);
  - a templated function: a `system` object, a `template` content block and a legacy `user_template`,
    rendered before the upstream call, and a template no variant has answered with TensorZero's 400;
  - a JSON function (`output.raw` / `output.parsed`, json_mode `strict` and `tool`) and a tool call (name,
    parsed arguments, the tool offered upstream, streamed tool-call chunks);
  - streaming: text chunks with block ids, usage and finish reason in the closing chunk, fallback before the
    first chunk, an error before streaming as an HTTP error, an error after the start raised mid-iteration,
    Anthropic's event stream.

Usage: tensorzero_client_check.py [PATH_TO_SWITCHYARD_BINARY]   (default: .build/debug/switchyard, or $SWITCHYARD_BIN)
Exit status 0 when every check holds.
"""

import os
import sys
import tempfile
import uuid

from tensorzero import ChatInferenceResponse, TensorZeroError, TensorZeroGateway

from client_harness import (Checks, MockUpstream, chat_function, gateway, mock_upstream, openai_provider, switchyard_binary,
                            tools_and_json_functions)

INPUT = {"system": "be brief", "messages": [{"role": "user", "content": "hi"}]}


TEMPLATES = {
    "system.minijinja": "You are {{ persona }}.{% for rule in rules %}\n{{ loop.index }}. {{ rule }}{% endfor %}\n",
    "system.json": '{"type": "object", "properties": {"persona": {"type": "string"}, "rules": {"type": "array"}}}',
    "user.minijinja": "Q: {{ user_text }}",
    "card.minijinja": "{{ item.name|title }} costs {{ item.price }}",
}


def templated_function(folder):
    """A chat function on `ok_model` whose prompts are the `TEMPLATES` written to `folder` (absolute paths)."""
    return (f'[functions.templated_fn]\ntype = "chat"\nsystem_schema = "{folder}/system.json"\n\n'
            '[functions.templated_fn.variants.only]\ntype = "chat_completion"\nmodel = "ok_model"\n'
            f'system_template = "{folder}/system.minijinja"\nuser_template = "{folder}/user.minijinja"\n'
            f'templates.card.path = "{folder}/card.minijinja"\n\n')


def config(base, folder):
    return (tools_and_json_functions(base, folder) + '[models.ok_model]\nrouting = ["primary"]\n\n' + openai_provider(base, "ok_model", "primary", "ok")
            + '[models.other_model]\nrouting = ["secondary"]\n\n' + openai_provider(base, "other_model", "secondary", "ok")
            + '[models.fallback_model]\nrouting = ["broken", "backup"]\n\n'
            + openai_provider(base, "fallback_model", "broken", "fail") + openai_provider(base, "fallback_model", "backup", "ok")
            + '[models.failing_model]\nrouting = ["broken"]\n\n' + openai_provider(base, "failing_model", "broken", "fail")
            + '[models.dynamic_model]\nrouting = ["customer"]\n\n'
            + openai_provider(base, "dynamic_model", "customer", "ok", key="dynamic::customer_key")
            + '[models.garbled_model]\nrouting = ["garbled"]\n\n' + openai_provider(base, "garbled_model", "garbled", "garbled")
            + '[models.claude]\nrouting = ["anthropic"]\n\n[models.claude.providers.anthropic]\ntype = "anthropic"\n'
            + f'api_base = "{base}/anthropic/v1/"\nmodel_name = "claude-wire"\napi_key_location = "env::CLIENT_CHECK_ANTHROPIC_KEY"\n\n'
            + chat_function("chat_fn", {"only": "ok_model"}) + chat_function("two_fn", {"first": "ok_model", "second": "other_model"})
            + chat_function("fallback_fn", {"only": "fallback_model"}) + chat_function("failing_fn", {"only": "failing_model"})
            + chat_function("dynamic_fn", {"only": "dynamic_model"}) + chat_function("garbled_fn", {"only": "garbled_model"})
            + chat_function("claude_fn", {"only": "claude"}) + templated_function(folder) + best_of_n_function(base))


def best_of_n_function(base):
    """`bon_fn`: `best` runs `first` (ok_model) and `second` (claude), then the evaluator `judge_model` (mock `/judge/`)."""
    return ('[models.judge_model]\nrouting = ["judge"]\n\n' + openai_provider(base, "judge_model", "judge", "judge")
            + chat_function("bon_fn", {"first": "ok_model", "second": "claude"})
            + '[functions.bon_fn.variants.best]\ntype = "experimental_best_of_n_sampling"\ncandidates = ["first", "second"]\n\n'
            + '[functions.bon_fn.variants.best.evaluator]\nmodel = "judge_model"\n\n'
            + '[functions.bon_fn.experimentation]\ntype = "static"\ncandidate_variants = ["best"]\n\n')


def text_of(response):
    return "".join(block.text for block in response.content if block.type == "text")


def error_of(call):
    """The `TensorZeroError` `call` raises (or `None`)."""
    try:
        result = call()
        if not isinstance(result, ChatInferenceResponse):
            list(result)
    except TensorZeroError as error:
        return error
    return None


def non_streaming(client, checks):
    received = MockUpstream.received
    r = client.inference(function_name="chat_fn", input=INPUT)
    checks.check("content", text_of(r) == "hello from primary-wire", r)
    checks.check("variant", r.variant_name == "only", r.variant_name)
    checks.check("usage", (r.usage.input_tokens, r.usage.output_tokens) == (11, 5), r.usage)
    checks.check("finish_reason", r.finish_reason is not None and r.finish_reason.value == "stop", r.finish_reason)
    checks.check("ids are UUIDv7", r.inference_id.version == 7 and r.episode_id.version == 7, (r.inference_id, r.episode_id))
    checks.check("static key reached the upstream", (received[-1].path, received[-1].authorization)
                 == ("/ok/v1/chat/completions", "Bearer sk-static-openai"), received[-1:])

    again = client.inference(function_name="chat_fn", input=INPUT, episode_id=r.episode_id)
    checks.check("episode id kept", again.episode_id == r.episode_id and again.inference_id != r.inference_id, again)

    r = client.inference(model_name="ok_model", input=INPUT)
    checks.check("model_name uses the default function", r.variant_name == "ok_model" and text_of(r) == "hello from primary-wire", r)

    r = client.inference(function_name="dynamic_fn", input=INPUT, credentials={"customer_key": "sk-customer-42"})
    checks.check("credentials= reach the upstream", received[-1].authorization == "Bearer sk-customer-42", received[-1:])

    for variant, wire in [("first", "primary-wire"), ("second", "secondary-wire")]:
        r = client.inference(function_name="two_fn", input=INPUT, variant_name=variant)
        checks.check(f"pinned variant {variant}", r.variant_name == variant and text_of(r) == f"hello from {wire}", r)
    error = error_of(lambda: client.inference(function_name="two_fn", input=INPUT, variant_name="third"))
    checks.check("unknown pinned variant is a 404", error is not None and error.status_code == 404 and "Unknown variant: third" in error.text, error)

    r = client.inference(function_name="chat_fn", input=INPUT, dryrun=True)
    checks.check("dryrun still calls the provider", text_of(r) == "hello from primary-wire", r)

    before = len(received)
    r = client.inference(function_name="fallback_fn", input=INPUT)
    paths = [call.path for call in received[before:]]
    checks.check("fallback after a 500", text_of(r) == "hello from backup-wire" and paths[0].startswith("/fail/"), paths)

    r = client.inference(function_name="claude_fn", input=INPUT)
    checks.check("anthropic content", text_of(r) == "hello from claude", r)
    checks.check("anthropic key in x-api-key", (received[-1].x_api_key, received[-1].authorization) == ("sk-static-anthropic", None), received[-1:])

    error = error_of(lambda: client.inference(function_name="nope", input=INPUT))
    checks.check("unknown function is a 404", error is not None and error.status_code == 404 and "Unknown function: nope" in error.text, error)
    error = error_of(lambda: client.inference(function_name="dynamic_fn", input=INPUT))
    checks.check("missing dynamic key is a 502", error is not None and error.status_code == 502
                 and "Dynamic api key `customer_key` is missing" in error.text, error)
    error = error_of(lambda: client.inference(function_name="failing_fn", input=INPUT))
    checks.check("all providers failing is a 502", error is not None and error.status_code == 502
                 and "All variants failed with errors" in error.text, error)
    error = error_of(lambda: client.inference(function_name="chat_fn", model_name="ok_model", input=INPUT))
    checks.check("function and model together are a 400", error is not None and error.status_code == 400
                 and "Only one of `function_name` or `model_name`" in error.text, error)


def json_and_tools(client, checks):
    received = MockUpstream.received
    r = client.inference(function_name="person_fn", input=INPUT)
    checks.check("json: output parsed", (r.output.raw, r.output.parsed) == ('{"name":"Ann","age":3}', {"name": "Ann", "age": 3}), r)
    sent = received[-1].body.get("response_format", {})
    checks.check("json: strict mode sends the schema", sent.get("type") == "json_schema"
                 and sent["json_schema"]["schema"]["required"] == ["name", "age"], sent)
    r = client.inference(function_name="person_fn", input=INPUT, variant_name="tool")
    checks.check("json: tool mode answers through `respond`", r.output.parsed == {"name": "Ann", "age": 3}
                 and received[-1].body.get("tool_choice") == {"type": "function", "function": {"name": "respond"}}, (r, received[-1].body))

    r = client.inference(function_name="weather_fn", input={"messages": [{"role": "user", "content": "weather in Paris?"}]})
    call = r.content[0]
    checks.check("tools: tool call", (call.type, call.id, call.name, call.arguments, call.raw_arguments)
                 == ("tool_call", "call_1", "get_weather", {"city": "Paris"}, '{"city":"Paris"}'), r.content)
    checks.check("tools: finish reason", r.finish_reason.value == "tool_call", r.finish_reason)
    tools = received[-1].body.get("tools", [])
    checks.check("tools: offered upstream", [t["function"]["name"] for t in tools] == ["get_weather"] and tools[0]["strict"] is True, tools)

    history = {"messages": [{"role": "user", "content": "weather in Paris?"},
                            {"role": "assistant", "content": [{"type": "tool_call", "id": "call_1", "name": "get_weather", "arguments": {"city": "Paris"}}]},
                            {"role": "user", "content": [{"type": "tool_result", "id": "call_1", "name": "get_weather", "result": "20C"}]}]}
    client.inference(function_name="weather_fn", input=history)
    messages = received[-1].body.get("messages", [])
    checks.check("tools: tool call and result sent back", [m["role"] for m in messages] == ["user", "assistant", "tool"]
                 and messages[2] == {"role": "tool", "tool_call_id": "call_1", "content": "20C"}, messages)

    chunks = list(client.inference(function_name="weather_fn", input=INPUT, stream=True))
    pieces = [block for chunk in chunks for block in chunk.content if block.type == "tool_call"]
    checks.check("tools: streamed tool call", [p.raw_arguments for p in pieces] == ["", '{"city":', '"Paris"}']
                 and pieces[0].raw_name == "get_weather" and {p.id for p in pieces} == {"call_1"}, pieces)


def streaming(client, checks):
    received = MockUpstream.received
    episode = uuid.UUID(str(client.inference(function_name="chat_fn", input=INPUT).episode_id))
    chunks = list(client.inference(function_name="chat_fn", input=INPUT, stream=True, episode_id=episode))
    text = "".join(block.text for chunk in chunks for block in chunk.content)
    checks.check("stream: text chunks", text == "hello from primary-wire", chunks)
    checks.check("stream: several content chunks", len([c for c in chunks if c.content]) >= 3, len(chunks))
    checks.check("stream: text block ids", {block.id for chunk in chunks for block in chunk.content} == {"0"}, chunks)
    checks.check("stream: one inference id", len({c.inference_id for c in chunks}) == 1, {c.inference_id for c in chunks})
    checks.check("stream: episode id kept", all(c.episode_id == episode for c in chunks), {c.episode_id for c in chunks})
    checks.check("stream: variant", all(c.variant_name == "only" for c in chunks), {c.variant_name for c in chunks})
    last = chunks[-1]
    checks.check("stream: usage in the closing chunk", last.usage is not None and (last.usage.input_tokens, last.usage.output_tokens) == (11, 5),
                 last.usage)
    checks.check("stream: finish reason in the closing chunk", last.finish_reason is not None and last.finish_reason.value == "stop", last)
    checks.check("stream: no usage before the end", all(c.usage is None for c in chunks[:-1]), [c.usage for c in chunks])
    checks.check("stream: upstream asked to stream", received[-1].stream and received[-1].authorization == "Bearer sk-static-openai", received[-1:])

    chunks = list(client.inference(function_name="dynamic_fn", input=INPUT, stream=True, credentials={"customer_key": "sk-customer-9"}))
    checks.check("stream: credentials= reach the upstream", received[-1].authorization == "Bearer sk-customer-9" and chunks, received[-1:])

    chunks = list(client.inference(function_name="two_fn", input=INPUT, stream=True, variant_name="second"))
    checks.check("stream: pinned variant", {c.variant_name for c in chunks} == {"second"}
                 and "".join(b.text for c in chunks for b in c.content) == "hello from secondary-wire", chunks)

    before = len(received)
    chunks = list(client.inference(function_name="fallback_fn", input=INPUT, stream=True))
    paths = [call.path for call in received[before:]]
    checks.check("stream: fallback before the first chunk", "".join(b.text for c in chunks for b in c.content) == "hello from backup-wire"
                 and paths[0].startswith("/fail/"), paths)

    chunks = list(client.inference(function_name="claude_fn", input=INPUT, stream=True))
    last = chunks[-1]
    checks.check("stream: anthropic text", "".join(b.text for c in chunks for b in c.content) == "hello from claude", chunks)
    checks.check("stream: anthropic usage and finish reason", (last.usage.input_tokens, last.usage.output_tokens) == (7, 3)
                 and last.finish_reason.value == "stop", last)
    checks.check("stream: anthropic key in x-api-key", received[-1].x_api_key == "sk-static-anthropic" and received[-1].stream, received[-1:])

    chunks = list(client.inference(function_name="chat_fn", input=INPUT, stream=True, dryrun=True))
    checks.check("stream: dryrun", "".join(b.text for c in chunks for b in c.content) == "hello from primary-wire", chunks)

    error = error_of(lambda: client.inference(function_name="nope", input=INPUT, stream=True))
    checks.check("stream: error before streaming is an HTTP 404", error is not None and error.status_code == 404
                 and "Unknown function: nope" in error.text, error)
    error = error_of(lambda: client.inference(function_name="failing_fn", input=INPUT, stream=True))
    checks.check("stream: all providers failing is a 502", error is not None and error.status_code == 502, error)

    seen = []
    try:
        for chunk in client.inference(function_name="garbled_fn", input=INPUT, stream=True):
            seen.extend(block.text for block in chunk.content)
        checks.check("stream: an error after the start is raised mid-stream", False, seen)
    except Exception as error:  # the client raises its internal error type for an error event
        checks.check("stream: an error after the start is raised mid-stream", "Error parsing chunk" in str(error) and "hello " in seen,
                     (error, seen))


def templated(client, checks):
    received = MockUpstream.received
    r = client.inference(function_name="templated_fn", input={
        "system": {"persona": "a pirate", "rules": ["be brief", "say arr"]},
        "messages": [{"role": "user", "content": [
            {"type": "text", "text": "where?"},
            {"type": "template", "name": "card", "arguments": {"item": {"name": "gold coin", "price": 2.0}}}]}]})
    checks.check("templated: served", text_of(r) == "hello from primary-wire", r)
    messages = received[-1].body.get("messages") if received[-1].body else None
    checks.check("templated: the system template rendered its arguments",
                 messages and messages[0] == {"role": "system", "content": "You are a pirate.\n1. be brief\n2. say arr"}, messages)
    parts = [part.get("text") for part in messages[1]["content"]] if messages else None
    checks.check("templated: the user template wrapped the text and the named template rendered its block",
                 parts == ["Q: where?", "Gold Coin costs 2.0"], parts)
    error = error_of(lambda: client.inference(function_name="templated_fn", input={
        "system": {"persona": "x", "rules": []},
        "messages": [{"role": "user", "content": [{"type": "template", "name": "nope", "arguments": {}}]}]}))
    checks.check("templated: a template no variant has is a 400", error is not None and error.status_code == 400
                 and "no template `nope` in any variant" in str(error), error)
    before = len(received)
    error = error_of(lambda: client.inference(function_name="templated_fn", input={
        "system": {"persona": 42, "rules": []}, "messages": [{"role": "user", "content": "hi"}]}))
    checks.check("templated: system arguments the schema rejects are a 400 before any upstream call",
                 error is not None and error.status_code == 400 and "JSON Schema validation failed" in str(error)
                 and len(received) == before, error)


def best_of_n(client, checks):
    received = MockUpstream.received
    before = len(received)
    r = client.inference(function_name="bon_fn", input={"messages": [{"role": "user", "content": "hi"}]})
    checks.check("best-of-n: the evaluator's choice answers", text_of(r) == "hello from claude" and r.variant_name == "best", r)
    checks.check("best-of-n: usage of both candidates and the evaluator", (r.usage.input_tokens, r.usage.output_tokens) == (29, 13), r.usage)
    calls = received[before:]
    judge = calls[-1].body if len(calls) == 3 and calls[-1].path.startswith("/judge/") else {}
    checks.check("best-of-n: two candidates, then the evaluator", [c.path.split("/")[1] for c in calls] == ["ok", "anthropic", "judge"]
                 or [c.path.split("/")[1] for c in calls] == ["anthropic", "ok", "judge"], [c.path for c in calls])
    fmt = judge.get("response_format", {})
    checks.check("best-of-n: the evaluator is asked for its answer schema", fmt.get("type") == "json_schema"
                 and fmt.get("json_schema", {}).get("schema", {}).get("required") == ["thinking", "answer_choice"], fmt)
    messages = judge.get("messages", [])
    checks.check("best-of-n: the evaluator gets TensorZero's prompts", len(messages) == 3
                 and messages[0]["content"].startswith("You are an assistant tasked with re-ranking candidate answers to a problem.\n")
                 and '0: [{"type":"text","text":"hello from primary-wire"}]' in messages[2]["content"]
                 and '1: [{"type":"text","text":"hello from claude"}]' in messages[2]["content"], messages)
    chunks = list(client.inference(function_name="bon_fn", input={"messages": [{"role": "user", "content": "hi"}]}, stream=True))
    text = "".join(block.text for chunk in chunks for block in chunk.content if getattr(block, "text", None))
    last = chunks[-1] if chunks else None
    checks.check("best-of-n: streamed as one chunk, usage at the end", text == "hello from claude"
                 and len([c for c in chunks if c.content]) == 1 and last is not None and last.usage is not None
                 and (last.usage.input_tokens, last.usage.output_tokens) == (29, 13), chunks)


def main():
    checks = Checks()
    env = {"CLIENT_CHECK_OPENAI_KEY": "sk-static-openai", "CLIENT_CHECK_ANTHROPIC_KEY": "sk-static-anthropic"}
    with tempfile.TemporaryDirectory() as folder, mock_upstream() as base:
        for name, text in TEMPLATES.items():
            with open(os.path.join(folder, name), "w") as f:
                f.write(text)
        with gateway(switchyard_binary(), config(base, folder), env, checks) as url:
            client = TensorZeroGateway.build_http(gateway_url=url)
            non_streaming(client, checks)
            templated(client, checks)
            json_and_tools(client, checks)
            streaming(client, checks)
            best_of_n(client, checks)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
