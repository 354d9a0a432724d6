#!/usr/bin/env python3
"""The web client's initial load (issue 8): gzipped size of what the browser
downloads for /web (index.html, JS, CSS from web/dist) and the first render of
the home timeline in Debian's Chromium, headless, on loopback: from navigation
start to the first post on screen (the API answered and the page rendered), and
the first contentful paint. Each run uses a fresh browser context (empty cache).
Baseline, measured in the same run the same way: the first contentful paint of
agora's server-rendered sign-in page, which has no JavaScript.
Writes bench/results/<date>-<commit>-web-client.{md,json}.
Usage: bench/web_client.py [--runs N]   (after scripts/run or scripts/test built agora and web/dist)
"""
import argparse
import datetime
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from instance import AGORA, ROOT, commit, free_port, machine, wait_for  # noqa: E402

DIST = ROOT / "web" / "dist"
CLIENTS = ROOT / "tests" / "clients"


def gzipped(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def sizes():
    html = (DIST / "index.html").read_text()
    files = [DIST / "index.html"] + [DIST / p for p in re.findall(r'(?:src|href)="/web/([^"]+)"', html)]
    out = {"js": 0, "css": 0, "html": 0, "raw_total": 0}
    for f in files:
        kind = f.suffix.lstrip(".")
        out[kind] = out.get(kind, 0) + gzipped(f)
        out["raw_total"] += f.stat().st_size
    out["gzip_total"] = out["js"] + out["css"] + out["html"]
    return out


def api(base, method, path, token, body=None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(req, timeout=10).read())


def first_render(runs):
    work = Path(tempfile.mkdtemp(prefix="agora-bench-web-"))
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "AGORA_ENV": "development", "AGORA_DOMAIN": f"localhost:{port}",
           "AGORA_LISTEN": f"127.0.0.1:{port}", "AGORA_DATA_DIR": str(work / "data"), "AGORA_LOG_LEVEL": "warn",
           "AGORA_RATE_LIMITS": "false"}
    cli = lambda *a: subprocess.run([str(AGORA), *a], env=env, check=True, capture_output=True, text=True).stdout
    cli("migrate")
    cli("accounts", "create", "bench", "--email", "bench@example.org", "--confirmed")
    token = cli("accounts", "token", "bench", "--scopes", "read write follow").strip()
    proc = subprocess.Popen([str(AGORA), "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://localhost:{port}"
        wait_for(f"http://127.0.0.1:{port}/health", proc)
        for i in range(20):  # a full first page of the home timeline
            api(base, "POST", "/api/v1/statuses", token, {"status": f"Post number {i} with a #tag and some words."})
        out = subprocess.run(["node", str(CLIENTS / "web_first_render.mjs"), f"{base}/web", f"{base}/auth/sign_in",
                              token, str(runs)], check=True, capture_output=True, text=True, timeout=600)
        return json.loads(out.stdout)
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        shutil.rmtree(work, ignore_errors=True)


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not (DIST / "index.html").exists() or not AGORA.exists():
        sys.exit("build first: scripts/run or scripts/test (agora and web/dist)")
    size = sizes()
    runs = first_render(args.runs)
    result = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": commit(), "machine": machine(), "runs": args.runs, "sizes_bytes": size,
        "first_render_ms": summary([r["client"]["renderMs"] for r in runs]),
        "first_contentful_paint_ms": summary([r["client"]["fcpMs"] for r in runs]),
        "baseline_sign_in_page_fcp_ms": summary([r["baseline"]["fcpMs"] for r in runs]),
    }
    stem = ROOT / "bench" / "results" / f"{result['date'][:10]}-{result['commit']}-web-client"
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
    f = lambda s: f"{s['median']} ms ({s['min']}–{s['max']})"
    m = result["machine"]
    stem.with_suffix(".md").write_text(f"""# Web client: initial load and first render ({result['date']}, commit {result['commit']})

Machine: {m['cpu']}, {m['cores']} cores. Chromium headless on loopback, {args.runs} runs, each with an empty
cache; medians (min–max). agora serve on SQLite, development environment; the home timeline holds 20 posts.

| what the browser downloads for /web | gzip (level 9) |
|---|---|
| JavaScript | {size['js'] / 1024:.1f} kB |
| CSS | {size['css'] / 1024:.1f} kB |
| index.html | {size['html'] / 1024:.1f} kB |
| total | {size['gzip_total'] / 1024:.1f} kB ({size['raw_total'] / 1024:.1f} kB uncompressed) |

| figure | web client | baseline: server-rendered sign-in page |
|---|---|---|
| first contentful paint | {f(result['first_contentful_paint_ms'])} | {f(result['baseline_sign_in_page_fcp_ms'])} |
| first post of the home timeline on screen | {f(result['first_render_ms'])} | |

The second figure includes the API request for the timeline (verify_credentials and the
timeline are fetched in parallel) and Playwright's polling for the element.
""")
    print(stem.with_suffix(".md").read_text())


if __name__ == "__main__":
    main()
