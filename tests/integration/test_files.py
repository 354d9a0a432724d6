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


def test_stored_files_are_served_inline_with_ranges_for_seeking(agora):
    token = agora.create_user("alice")
    image = png(width=40, height=30)
    avatar = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
                       files={"avatar": ("a.png", image, "image/png")}).json()["avatar"]
    path = "/system/" + avatar.split("/system/", 1)[1]
    name = path.rsplit("/", 1)[1]
    size = len(image)

    whole = agora.get(path)
    assert whole.status_code == 200 and whole.content == image
    assert whole.headers["Accept-Ranges"] == "bytes"
    assert whole.headers["Content-Disposition"] == f'inline; filename="{name}"'
    assert whole.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in whole.headers["Content-Security-Policy"]
    assert "max-age=2419200" in whole.headers["Cache-Control"]

    first = agora.get(path, headers={"Range": "bytes=0-9"})
    assert first.status_code == 206 and first.content == image[:10]
    assert first.headers["Content-Range"] == f"bytes 0-9/{size}"
    assert first.headers["Content-Type"] == "image/png"
    tail = agora.get(path, headers={"Range": "bytes=-7"})
    assert tail.status_code == 206 and tail.content == image[-7:]
    assert tail.headers["Content-Range"] == f"bytes {size - 7}-{size - 1}/{size}"
    rest = agora.get(path, headers={"Range": "bytes=20-"})
    assert rest.status_code == 206 and rest.content == image[20:]
    assert agora.api("HEAD", path, headers={"Range": "bytes=0-9"}).headers["Content-Length"] == "10"

    past = agora.get(path, headers={"Range": f"bytes={size}-"})
    assert past.status_code == 416 and past.headers["Content-Range"] == f"bytes */{size}"
    # Several ranges, other units and nonsense get the whole file.
    for ignored in ("bytes=0-1,4-5", "items=0-3", "bytes=5-2", "bytes=x-y"):
        r = agora.get(path, headers={"Range": ignored})
        assert r.status_code == 200 and r.content == image, ignored


def test_markup_is_never_served_from_the_store(agora):
    system = agora.data_dir / "system" / "accounts"
    system.mkdir(parents=True, exist_ok=True)
    for name in ("page.html", "image.svg", "page.htm", "data.xml", "script.js"):
        (system / name).write_bytes(b"<html><script>alert(1)</script></html>")
        assert agora.get(f"/system/accounts/{name}").status_code == 404, name
    (system / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    video = agora.get("/system/accounts/clip.mp4")
    assert video.status_code == 200 and video.headers["Content-Type"] == "video/mp4"
