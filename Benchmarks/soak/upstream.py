#!/usr/bin/env python3
"""Loopback OpenAI-compatible upstreams with mixed behaviour, for the soak benchmark (stdlib only).

One asyncio server; the first path segment picks the behaviour mix, drawn per request from a seeded generator:
  /mixed/v1/chat/completions   84% ok, 6% 500, 5% slow (answers after 600 ms), 5% reset (connection dropped mid-body)
  /steady/v1/chat/completions  97% ok, 3% 503
  /slow/v1/chat/completions    ok after 40 ms
Keep-alive HTTP/1.1. Usage: upstream.py PORT [SEED]
"""
import asyncio
import json
import random
import socket
import struct
import sys

MIXES = {
    "mixed": [("ok", 84), ("500", 6), ("slow", 5), ("reset", 5)],
    "steady": [("ok", 97), ("503", 3)],
    "slow": [("slow40", 100)],
}


def completion(model):
    return json.dumps({
        "id": "chatcmpl-soak", "object": "chat.completion", "created": 1, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "soak answer from " + model},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17},
    }).encode()


def response(status, body):
    reason = {200: "OK", 500: "Internal Server Error", 503: "Service Unavailable"}[status]
    head = "HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % (status, reason, len(body))
    return head.encode() + body


async def serve(reader, writer, rng):
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            length = 0
            for line in lines[1:]:
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":", 1)[1])
            body = json.loads(await reader.readexactly(length) or b"{}")
            mix = MIXES.get(path.strip("/").split("/")[0], MIXES["steady"])
            outcome = rng.choices([name for name, _ in mix], weights=[weight for _, weight in mix])[0]
            model = body.get("model", "?")
            if outcome in ("slow", "slow40"):
                await asyncio.sleep(0.6 if outcome == "slow" else 0.04)
                writer.write(response(200, completion(model)))
            elif outcome == "reset":
                whole = response(200, completion(model))
                writer.write(whole[: len(whole) // 2])
                await writer.drain()
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                writer.close()
                return
            elif outcome == "ok":
                writer.write(response(200, completion(model)))
            else:
                writer.write(response(int(outcome), json.dumps({"error": {"message": "soak upstream " + outcome}}).encode()))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def main():
    port = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    server = await asyncio.start_server(lambda r, w: serve(r, w, rng), "127.0.0.1", port, backlog=1024)
    print("upstream listening on 127.0.0.1:%d" % port, flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
