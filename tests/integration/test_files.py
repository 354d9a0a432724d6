"""Stored files and the default images: served with the right type, never
anything outside the store."""
import socket

from images import png


def test_default_images_are_real_pngs(agora):
    for path in ("/avatars/original/missing.png", "/headers/original/missing.png"):
        r = agora.get(path)
        assert r.status_code == 200
        assert r.headers["Content-Type"] == "image/png"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.content.startswith(b"\x89PNG\r\n\x1a\n") and r.content[12:16] == b"IHDR"
        assert "public" in r.headers["Cache-Control"]
        assert agora.api("HEAD", path).headers["Content-Length"] == str(len(r.content))


def raw_get(agora, target):
    with socket.create_connection(("127.0.0.1", agora.port), timeout=5) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def test_system_files_never_leave_the_store(agora):
    token = agora.create_user("alice")
    avatar = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
                       files={"avatar": ("a.png", png(), "image/png")}).json()["avatar"]
    key = avatar.split("/system/", 1)[1]
    assert agora.get(f"/system/{key}").content == png()
    (agora.data_dir / "system" / "secret.png").write_bytes(b"\x89PNG not yours")
    (agora.data_dir / "system" / "accounts" / ".hidden.png").write_bytes(b"hidden")
    (agora.data_dir / "system" / "accounts" / "link.png").symlink_to(agora.data_dir / "agora.sqlite3")
    for target in ("/system/../agora.sqlite3", "/system/%2e%2e/agora.sqlite3", "/system/..%2Fagora.sqlite3",
                   "/system/accounts/..%2F..%2Fagora.sqlite3", "/system/%2Fetc%2Fpasswd", "/system//etc/passwd",
                   "/system/accounts/.hidden.png", "/system/accounts/link.png", "/system/accounts",
                   f"/system/{key}%00.html", f"/system/{key.rsplit('.', 1)[0]}.html", "/system/agora.sqlite3",
                   "/system/accounts/avatars/..%5C..%5Cagora.sqlite3"):
        response = raw_get(agora, target)
        assert response.startswith(b"HTTP/1.1 404 ") or response.startswith(b"HTTP/1.1 400 "), target
        assert b"SQLite format" not in response and b"hidden" not in response
    # A plain key with an image extension is served, with its type from the extension.
    assert agora.get("/system/secret.png").headers["Content-Type"] == "image/png"
    assert agora.get("/health").text == "OK"
