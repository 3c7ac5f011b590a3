#!/usr/bin/env python3
"""Drives `switchyard serve` with the official `openai` Python client.

Starts the loopback mock upstream of `client_harness.py` (recording the Authorization header it receives),
writes a config pointing at it, starts the gateway binary on a free port, and checks through
`openai.OpenAI(base_url=".../openai/v1")`:

  - a function served, with TensorZero's `model` naming function and variant;
  - `model_name` requests;
  - `extra_body={"tensorzero::credentials": ...}` reaching the upstream's Authorization header;
  - fallback to the next provider when the first answers 500;
  - errors surfacing as `openai.APIStatusError` with TensorZero's status and message;
  - a JSON function through `response_format` and a tool call (`tools` in, `tool_calls` out, also streamed);
  - streaming: text deltas in order, usage in the closing chunk when `stream_options.include_usage` asks for
    it, fallback before the first chunk, an error before streaming as an ordinary HTTP error, an error after
    the start as an error event.

Usage: openai_client_check.py [PATH_TO_SWITCHYARD_BINARY]   (default: .build/debug/switchyard, or $SWITCHYARD_BIN)
Exit status 0 when every check holds.
"""

import json
import sys
import tempfile

import openai

from client_harness import (Checks, MockUpstream, chat_function, gateway, mock_upstream, openai_provider, switchyard_binary,
                            tools_and_json_functions)


def config(base, folder):
    return (tools_and_json_functions(base, folder) + '[models.ok_model]\nrouting = ["primary"]\n\n' + openai_provider(base, "ok_model", "primary", "ok")
            + '[models.fallback_model]\nrouting = ["broken", "backup"]\n\n'
            + openai_provider(base, "fallback_model", "broken", "fail") + openai_provider(base, "fallback_model", "backup", "ok")
            + '[models.dynamic_model]\nrouting = ["customer"]\n\n'
            + openai_provider(base, "dynamic_model", "customer", "ok", key="dynamic::customer_key")
            + '[models.garbled_model]\nrouting = ["garbled"]\n\n' + openai_provider(base, "garbled_model", "garbled", "garbled")
            + chat_function("chat_fn", {"chat_fn_variant": "ok_model"}) + chat_function("fallback_fn", {"fallback_fn_variant": "fallback_model"})
            + chat_function("dynamic_fn", {"dynamic_fn_variant": "dynamic_model"})
            + chat_function("garbled_fn", {"garbled_fn_variant": "garbled_model"}))


def non_streaming(client, checks, messages):
    received = MockUpstream.received
    r = client.chat.completions.create(model="tensorzero::function_name::chat_fn", messages=messages)
    checks.check("function content", r.choices[0].message.content == "hello from primary-wire", r)
    checks.check("function model", r.model == "tensorzero::function_name::chat_fn::variant_name::chat_fn_variant", r.model)
    checks.check("usage", (r.usage.prompt_tokens, r.usage.completion_tokens, r.usage.total_tokens) == (11, 5, 16), r.usage)
    checks.check("finish_reason", r.choices[0].finish_reason == "stop", r.choices[0].finish_reason)
    checks.check("static key sent", (received[-1].path, received[-1].authorization) == ("/ok/v1/chat/completions", "Bearer sk-static-openai"),
                 received[-1:])

    r = client.chat.completions.create(model="tensorzero::model_name::ok_model", messages=messages)
    checks.check("model_name model", r.model == "tensorzero::model_name::ok_model", r.model)

    client.chat.completions.create(
        model="tensorzero::function_name::dynamic_fn", messages=messages,
        extra_body={"tensorzero::credentials": {"customer_key": "sk-customer-42"}})
    checks.check("dynamic credential reaches upstream", received[-1].authorization == "Bearer sk-customer-42", received[-1:])

    before = len(received)
    r = client.chat.completions.create(model="tensorzero::function_name::fallback_fn", messages=messages)
    paths = [call.path for call in received[before:]]
    checks.check("fallback after 500", r.choices[0].message.content == "hello from backup-wire" and paths[0].startswith("/fail/"), paths)

    try:
        client.chat.completions.create(model="tensorzero::function_name::nope", messages=messages)
        checks.check("unknown function is an error", False, "no error raised")
    except openai.APIStatusError as error:
        checks.check("unknown function is 404", error.status_code == 404, error.status_code)
        checks.check("unknown function message", error.body.get("message") == "Unknown function: nope", error.body)

    try:
        client.chat.completions.create(model="gpt-4o", messages=messages)
        checks.check("bad model is an error", False, "no error raised")
    except openai.BadRequestError as error:
        checks.check("bad model is 400", "must start with `tensorzero::function_name::`" in str(error.body), error.body)

    try:
        client.chat.completions.create(model="tensorzero::function_name::dynamic_fn", messages=messages)
        checks.check("missing dynamic key is an error", False, "no error raised")
    except openai.APIStatusError as error:
        checks.check("missing dynamic key message", "Dynamic api key `customer_key` is missing" in str(error.body), error.body)


def streaming(client, checks, messages):
    received = MockUpstream.received
    chunks = list(client.chat.completions.create(
        model="tensorzero::function_name::chat_fn", messages=messages, stream=True, stream_options={"include_usage": True}))
    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks if chunk.choices)
    checks.check("stream: text deltas", text == "hello from primary-wire", [c.choices[0].delta for c in chunks])
    checks.check("stream: several content chunks", len([c for c in chunks if c.choices and c.choices[0].delta.content]) >= 3, len(chunks))
    checks.check("stream: first delta names the assistant", chunks[0].choices[0].delta.role == "assistant", chunks[0])
    checks.check("stream: chunk objects", all(c.object == "chat.completion.chunk" for c in chunks), {c.object for c in chunks})
    checks.check("stream: one id", len({c.id for c in chunks}) == 1, {c.id for c in chunks})
    checks.check("stream: model", chunks[-1].model == "tensorzero::function_name::chat_fn::variant_name::chat_fn_variant", chunks[-1].model)
    last = chunks[-1]
    checks.check("stream: final finish_reason", last.choices[0].finish_reason == "stop", last)
    checks.check("stream: final usage", last.usage is not None and (last.usage.prompt_tokens, last.usage.completion_tokens) == (11, 5), last.usage)
    checks.check("stream: usage only in the final chunk", all(c.usage is None for c in chunks[:-1]), [c.usage for c in chunks])
    checks.check("stream: upstream asked to stream", received[-1].stream and received[-1].authorization == "Bearer sk-static-openai", received[-1:])

    chunks = list(client.chat.completions.create(model="tensorzero::model_name::ok_model", messages=messages, stream=True))
    checks.check("stream: no usage unless asked", all(c.usage is None for c in chunks), [c.usage for c in chunks])

    before = len(received)
    chunks = list(client.chat.completions.create(model="tensorzero::function_name::fallback_fn", messages=messages, stream=True))
    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks)
    paths = [call.path for call in received[before:]]
    checks.check("stream: fallback before the first chunk", text == "hello from backup-wire" and paths[0].startswith("/fail/"), (text, paths))

    chunks = list(client.chat.completions.create(
        model="tensorzero::function_name::dynamic_fn", messages=messages, stream=True,
        extra_body={"tensorzero::credentials": {"customer_key": "sk-customer-7"}}))
    checks.check("stream: dynamic credential reaches upstream", received[-1].authorization == "Bearer sk-customer-7", received[-1:])

    try:
        client.chat.completions.create(model="tensorzero::function_name::nope", messages=messages, stream=True)
        checks.check("stream: unknown function is an error", False, "no error raised")
    except openai.APIStatusError as error:
        checks.check("stream: error before streaming is an HTTP 404", error.status_code == 404, error.status_code)
        checks.check("stream: error before streaming message", error.body.get("message") == "Unknown function: nope", error.body)

    try:
        client.chat.completions.create(model="tensorzero::function_name::dynamic_fn", messages=messages, stream=True)
        checks.check("stream: missing dynamic key is an error", False, "no error raised")
    except openai.APIStatusError as error:
        checks.check("stream: missing dynamic key is a 502", error.status_code == 502 and "customer_key" in str(error.body), error)

    seen = []
    try:
        for chunk in client.chat.completions.create(model="tensorzero::function_name::garbled_fn", messages=messages, stream=True):
            seen.append(chunk.choices[0].delta.content if chunk.choices else None)
        checks.check("stream: an error after the start reaches the client", False, seen)
    except openai.APIError as error:
        checks.check("stream: an error after the start reaches the client", "Error parsing chunk" in str(error) and "hello " in seen,
                     (error, seen))


def json_and_tools(client, checks):
    received = MockUpstream.received
    user = [{"role": "user", "content": "who?"}]
    r = client.chat.completions.create(model="tensorzero::function_name::person_fn", messages=user,
                                       response_format={"type": "json_object"})
    checks.check("json: content is the JSON output", json.loads(r.choices[0].message.content) == {"name": "Ann", "age": 3}, r)
    checks.check("json: json_object asks for json_mode on", received[-1].body.get("response_format") == {"type": "json_object"},
                 received[-1].body)

    tools = [{"type": "function", "function": {"name": "lookup", "description": "Look up", "parameters": {"type": "object"}}}]
    r = client.chat.completions.create(model="tensorzero::function_name::weather_fn", messages=user, tools=tools, tool_choice="required")
    call = r.choices[0].message.tool_calls[0]
    checks.check("tools: tool_calls", (call.id, call.function.name, call.function.arguments) == ("call_1", "get_weather", '{"city":"Paris"}')
                 and r.choices[0].finish_reason == "tool_calls", r.choices[0])
    sent = received[-1].body
    checks.check("tools: function and request tools offered", [t["function"]["name"] for t in sent.get("tools", [])] == ["get_weather", "lookup"]
                 and sent.get("tool_choice") == "required", sent)

    history = user + [{"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function",
                       "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'}}]},
                      {"role": "tool", "tool_call_id": "call_1", "content": "20C"}]
    client.chat.completions.create(model="tensorzero::function_name::weather_fn", messages=history)
    sent = received[-1].body.get("messages", [])
    checks.check("tools: tool messages sent back (no null content, as TensorZero sends them)",
                 sent[1:] == [{"role": "assistant", "tool_calls": history[1]["tool_calls"]}, history[2]], sent)

    chunks = list(client.chat.completions.create(model="tensorzero::function_name::weather_fn", messages=user, stream=True))
    deltas = [d for c in chunks if c.choices for d in (c.choices[0].delta.tool_calls or [])]
    checks.check("tools: streamed tool_calls", "".join(d.function.arguments or "" for d in deltas) == '{"city":"Paris"}'
                 and deltas[0].function.name == "get_weather" and {d.index for d in deltas} == {0}, deltas)


def main():
    checks = Checks()
    with mock_upstream() as base, tempfile.TemporaryDirectory() as folder:
        with gateway(switchyard_binary(), config(base, folder), {"CLIENT_CHECK_OPENAI_KEY": "sk-static-openai"}, checks) as url:
            client = openai.OpenAI(base_url=f"{url}/openai/v1", api_key="unused", max_retries=0)
            messages = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hi"}]
            non_streaming(client, checks, messages)
            json_and_tools(client, checks)
            streaming(client, checks, messages)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
