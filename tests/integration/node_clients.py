"""The npm packages of tests/clients (pinned in its package.json and package-lock.json), installed on first use."""
import json
import shutil
import subprocess
from pathlib import Path

from agora_harness import exclusive

CLIENTS = Path(__file__).resolve().parents[1] / "clients"


def node_clients():
    """Runs `npm ci` when a dependency is missing from node_modules; returns the path of node."""
    wanted = json.loads((CLIENTS / "package.json").read_text())["dependencies"]
    with exclusive("node-clients"):  # one parallel worker installs, the others wait
        if any(not (CLIENTS / "node_modules" / name / "package.json").exists() for name in wanted):
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=CLIENTS, check=True, capture_output=True)
    return shutil.which("node")
