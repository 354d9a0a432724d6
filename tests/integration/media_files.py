"""Real media for upload tests, generated here (pure Python and ffmpeg)."""
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

from images import png


def ffmpeg(source, name, *extra):
    """A file made by ffmpeg from a lavfi source, e.g. ffmpeg("testsrc=size=64x48:rate=30", "v.mp4", "-t", "1")."""
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / name
        subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", source, *extra, str(out)], check=True, timeout=60)
        return out.read_bytes()


def jpeg(width=64, height=48):
    return ffmpeg(f"testsrc=size={width}x{height}:rate=1", "i.jpg", "-frames:v", "1")


def animated_gif(width=32, height=24, frames=5):
    return ffmpeg(f"testsrc=size={width}x{height}:rate={frames}", "a.gif", "-t", "1")


def mp4(width=64, height=48, seconds=1):
    return ffmpeg(f"testsrc=size={width}x{height}:rate=30", "v.mp4", "-t", str(seconds), "-pix_fmt", "yuv420p")


def jpeg_with_gps(width=64, height=32):
    """A JPEG whose EXIF says: rotate 90° (orientation 6), taken at latitude N."""
    tiff = b"II*\x00\x08\x00\x00\x00" + struct.pack("<H", 2)
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, 6, 0) + struct.pack("<HHII", 0x8825, 4, 1, 38) + struct.pack("<I", 0)
    tiff += struct.pack("<H", 1) + struct.pack("<HHI", 0x0001, 2, 2) + b"N\x00\x00\x00" + struct.pack("<I", 0)
    body = b"Exif\x00\x00" + tiff
    plain = jpeg(width, height)
    return plain[:2] + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + plain[2:]


def png_claiming(width, height):
    """A small PNG whose header claims another size (a decompression bomb's trick)."""
    data = bytearray(png(4, 4))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF)
    return bytes(data)
