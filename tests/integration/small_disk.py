"""A small filesystem (tmpfs) mounted for a test, to run out of space on purpose (root only)."""
import contextlib
import os
import subprocess

import pytest


@contextlib.contextmanager
def mounted_tmpfs(parent, size):
    """Yields a directory under `parent` backed by a tmpfs of `size` (e.g. "1m"); skips the test without root."""
    mount = parent / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("needs root to mount a small filesystem")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)
