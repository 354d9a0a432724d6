"""Hostile or broken requests get a clear 4xx and the server keeps serving."""
import socket


def still_serving(agora):
    assert agora.get("/health").text == "OK"


def status_line(response: bytes) -> str:
    return response.split(b"\r\n", 1)[0].decode()


def test_malformed_http_gets_400(agora):
    for garbage in (b"NOT HTTP AT ALL\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x00\x01\x02\r\n\r\n",
                    b"GET /api/v1/instance HTTP/1.1\r\nBad Header Line\r\n\r\n"):
        response = agora.raw(garbage)
        assert status_line(response).startswith("HTTP/1.1 400"), garbage
        assert b'{"error":' in response
    still_serving(agora)


def test_oversized_headers_get_431(agora):
    big = b"X-Filler: " + b"a" * 20000 + b"\r\n"
    response = agora.raw(b"GET /api/v1/instance HTTP/1.1\r\nHost: x\r\n" + big + b"\r\n")
    assert status_line(response) == "HTTP/1.1 431 Request Header Fields Too Large"
    still_serving(agora)


def test_oversized_bodies_get_413_before_being_read(agora):
    response = agora.raw(b"POST /api/v1/instance HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 50000000\r\n\r\n{")
    assert status_line(response) == "HTTP/1.1 413 Payload Too Large"
    assert b"Request entity too large" in response
    # Chunked bodies have no length up front: they are cut off at the limit.
    with socket.create_connection(("127.0.0.1", agora.port), timeout=5) as s:
        s.sendall(b"POST /api/v1/instance HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"a" * 65536
        try:
            for _ in range(40):
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass
        assert status_line(s.recv(4096)) == "HTTP/1.1 413 Payload Too Large"
    still_serving(agora)


def test_invalid_json_gets_400_with_an_error_body(agora):
    r = agora.get("/api/v1/instance", data=b'{"unterminated": ', headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    assert r.json()["error"].startswith("Invalid JSON")
    r = agora.get("/api/v1/instance", data=b"[1, 2]", headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    still_serving(agora)


def test_invalid_utf8_gets_400(agora):
    r = agora.get("/api/v1/instance?q=%FF%FE")
    assert r.status_code == 400
    assert r.json() == {"error": "Invalid UTF-8 in request parameters"}
    r = agora.get("/api/v1/instance", data=b'{"q": "\xff"}', headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    response = agora.raw(b"GET /api/v1/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status_line(response) == "HTTP/1.1 400 Bad Request"
    still_serving(agora)


def test_keep_alive_serves_many_requests_on_one_connection(agora):
    request = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
    with socket.create_connection(("127.0.0.1", agora.port), timeout=5) as s:
        s.sendall(request * 5 + b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    assert data.count(b"HTTP/1.1 200 OK") == 6


def test_slow_and_idle_connections_do_not_starve_others(agora):
    """Slow-loris clients (half-sent headers) and idle connections hold sockets, not handler threads."""
    held = []
    try:
        for i in range(400):
            s = socket.create_connection(("127.0.0.1", agora.port), timeout=5)
            if i % 2 == 0:
                s.sendall(b"GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            held.append(s)
        for _ in range(20):
            r = agora.get("/api/v1/instance", timeout=5)
            assert r.status_code == 200
    finally:
        for s in held:
            s.close()
    still_serving(agora)
