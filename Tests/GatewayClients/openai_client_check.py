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
  - streaming: text deltas in order, usage in the closing chunk when `stream_options.include_usage` asks for
    it, fallback before the first chunk, an error before streaming as an ordinary HTTP error, an error after
    the start as an error event.

Usage: openai_client_check.py [PATH_TO_SWITCHYARD_BINARY]   (default: .build/debug/switchyard, or $SWITCHYARD_BIN)
Exit status 0 when every check holds.
"""

import sys

import openai

from client_harness import Checks, MockUpstream, chat_function, gateway, mock_upstream, openai_provider, switchyard_binary


def config(base):
    return ('[models.ok_model]\nrouting = ["primary"]\n\n' + openai_provider(base, "ok_model", "primary", "ok")
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


def main():
    checks = Checks()
    with mock_upstream() as base:
        with gateway(switchyard_binary(), config(base), {"CLIENT_CHECK_OPENAI_KEY": "sk-static-openai"}, checks) as url:
            client = openai.OpenAI(base_url=f"{url}/openai/v1", api_key="unused", max_retries=0)
            messages = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hi"}]
            non_streaming(client, checks, messages)
            streaming(client, checks, messages)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
