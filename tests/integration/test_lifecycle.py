"""Start, stop and restart: nothing in flight is cut off, nothing stored is lost."""
import socket
import threading
import time

import requests


def test_sigterm_stops_promptly_with_idle_keep_alive_connections(agora):
    idle = socket.create_connection(("127.0.0.1", agora.port))
    idle.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    assert b"200 OK" in idle.recv(4096)
    started = time.time()
    assert agora.stop() == 0
    assert time.time() - started < 5
    assert "stopped" in agora.log()
    idle.close()


def test_requests_in_flight_during_shutdown_complete(instances):
    agora = instances(env={"AGORA_RATE_LIMITS": "false"})  # thousands of requests from one address
    results, errors = [], []

    def hammer():
        session = requests.Session()
        while True:
            try:
                r = session.get(agora.url("/api/v2/instance"), timeout=5)
            except requests.ConnectionError:
                return  # the server has stopped accepting: expected
            except Exception as e:  # a truncated or broken response
                errors.append(repr(e))
                return
            results.append(r.status_code)
            if r.status_code == 200:
                r.json()  # a complete body

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    assert agora.stop() == 0
    for t in threads:
        t.join(timeout=10)
    assert not errors
    assert results and set(results) == {200}


def test_data_survives_a_restart(agora):
    agora.cli("accounts", "create", "alice", "--email", "alice@example.org", check=True)
    assert agora.stop() == 0
    agora.start()
    assert agora.get("/api/v1/instance").json()["stats"]["user_count"] == 1
