"""Clients for agora's streaming API in tests: Server-Sent Events read on a thread, WebSocket
(python3-websocket), and a throwaway Redis server."""
import json
import queue
import shutil
import socket
import subprocess
import threading
import time

import requests
import websocket

from agora_harness import free_port


class SSE:
    """GET an event stream; events (name, data) arrive in a queue, comments are counted."""

    def __init__(self, agora, path, token=None, params=None, headers=None):
        headers = dict(headers or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.response = requests.get(agora.url(path), params=params, headers=headers, stream=True, timeout=(5, 60))
        self.status = self.response.status_code
        self.events = queue.Queue()
        self.comments = []
        self.ended = threading.Event()
        if self.status == 200:
            threading.Thread(target=self._read, daemon=True).start()
            self.wait_ready()

    def _read(self):
        name, data = None, []
        try:
            for raw in self.response.iter_lines(chunk_size=None):
                line = raw.decode()
                if line.startswith(":"):
                    self.comments.append(line)
                elif line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
                elif line == "" and name:
                    self.events.put((name, "\n".join(data)))
                    name, data = None, []
        except Exception:
            pass
        self.ended.set()

    def wait_ready(self, timeout=10):
        """The server writes ":)" once the stream is registered."""
        deadline = time.time() + timeout
        while ":)" not in self.comments:
            assert time.time() < deadline, "no :) from the stream"
            time.sleep(0.02)

    def next(self, event=None, timeout=10):
        """The next event (of that name, skipping others)."""
        deadline = time.time() + timeout
        while True:
            name, data = self.events.get(timeout=max(0.01, deadline - time.time()))
            if event is None or name == event:
                return name, data

    def nothing(self, wait=1.0):
        """Asserts no event comes within `wait` seconds."""
        try:
            got = self.events.get(timeout=wait)
        except queue.Empty:
            return
        raise AssertionError(f"unexpected event {got}")

    def close(self):
        self.response.close()


class WS:
    def __init__(self, agora, token=None, query="", subprotocol=None, sockopt=()):
        url = f"ws://127.0.0.1:{agora.port}/api/v1/streaming"
        if token:
            query = f"access_token={token}" + (f"&{query}" if query else "")
        if query:
            url += "?" + query
        self.ws = websocket.create_connection(url, timeout=10, subprotocols=[subprotocol] if subprotocol else None,
                                              sockopt=sockopt)

    def send(self, message):
        self.ws.send(message if isinstance(message, str) else json.dumps(message))

    def sync(self):
        """Messages are handled in order: once the answer to a bad one comes back, earlier ones are done."""
        self.send({"type": "subscribe", "stream": "sync-marker"})
        assert self.recv_where(lambda m: m.get("error") == "Unknown stream type")

    def subscribe(self, stream, **params):
        self.send({"type": "subscribe", "stream": stream, **params})
        self.sync()

    def recv(self, timeout=10):
        self.ws.settimeout(timeout)
        return json.loads(self.ws.recv())

    def recv_where(self, predicate, timeout=10):
        deadline = time.time() + timeout
        while True:
            message = self.recv(timeout=max(0.01, deadline - time.time()))
            if predicate(message):
                return message

    def next(self, event, timeout=10):
        return self.recv_where(lambda m: m.get("event") == event, timeout)

    def nothing(self, wait=1.0):
        try:
            got = self.recv(timeout=wait)
        except websocket.WebSocketTimeoutException:
            return
        raise AssertionError(f"unexpected message {got}")

    def ends(self, timeout=10):
        """Reads (and drops) what still arrives; True once the server has closed the connection."""
        deadline = time.time() + timeout
        try:
            while time.time() < deadline:
                self.ws.settimeout(max(0.01, deadline - time.time()))
                if self.ws.recv() == "":  # a close frame
                    return True
        except (websocket.WebSocketConnectionClosedException, ConnectionError, OSError):
            return True
        except websocket.WebSocketTimeoutException:
            return False
        return False

    def close(self):
        self.ws.close()


class Redis:
    """redis-server on a free loopback port, without persistence."""

    def __init__(self, workdir):
        self.port = free_port()
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                assert time.time() < deadline, "redis-server did not start"
                time.sleep(0.05)

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
