"""A bare JSON-RPC client over a server's stdio, for messages a typed
client cannot send (malformed params, raw bytes)."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from collections.abc import Sequence
from typing import Any


class RawClient:
    def __init__(self, command: Sequence[str]) -> None:
        self.proc = subprocess.Popen(
            list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line.strip() == b"":
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.inbox.put(json.loads(stream.read(length)))

    def write(self, body: bytes) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.write(json.dumps({"jsonrpc": "2.0", **message}).encode())

    def wait(self, predicate: Any, timeout: float = 20.0) -> dict[str, Any]:
        for msg in self.seen:
            if predicate(msg):
                self.seen.remove(msg)
                return msg
        while True:
            msg = self.inbox.get(timeout=timeout)
            if "method" in msg and "id" in msg:  # a request from the server: answer null
                self.send({"id": msg["id"], "result": None})
            if predicate(msg):
                return msg
            self.seen.append(msg)

    def request(self, msg_id: int, method: str, params: Any) -> dict[str, Any]:
        self.send({"id": msg_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == msg_id and "method" not in m)

    def initialize(self) -> dict[str, Any]:
        reply = self.request(0, "initialize", {"processId": None, "capabilities": {}})
        self.send({"method": "initialized", "params": {}})
        return reply

    def close(self) -> int:
        try:
            self.request(999_999, "shutdown", None)
            self.send({"method": "exit", "params": None})
            return self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    stream.close()
