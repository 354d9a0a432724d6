#!/usr/bin/env python3
"""Scenario S9 (issue 6): media upload-to-ready time and memory.

Uploads a 12-megapixel JPEG (4000x3000) and a 30 s 1280x720 video (MPEG-4
Part 2 with AAC, so agora transcodes it to H.264 as it would most non-H.264
uploads) with POST /api/v2/media, then polls GET /api/v1/media/:id every
20 ms until it answers 200 with a url: the upload-to-ready time. Peak RSS:
agora's VmHWM (its high-water mark, monotonic over the run) and the largest
sum of agora's and its children's (ffmpeg) resident memory sampled while
waiting. Inputs are made with ffmpeg at run time, never committed.

Baseline, measured in the same run: the same work done by the tools alone,
ffmpeg decoding the JPEG and scaling it to at most 8.3 megapixels (agora's
original, 3325x2494) plus 230,400 pixels (the preview), and ffmpeg transcoding the video with agora's settings
(-preset veryfast, yuv420p, AAC 192k). Medians over --runs.
Writes bench/results/<date>-<commit>-media-<db>.{md,json}.
"""
import argparse
import datetime
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
import seed  # noqa: E402
from instance import Instance, commit, machine, write_results  # noqa: E402

INPUTS = {
    "jpeg_12mp": ("12-megapixel JPEG (4000x3000)", "photo.jpg", "image/jpeg",
                  ["-f", "lavfi", "-i", "testsrc2=size=4000x3000:rate=1", "-vf", "noise=alls=12:allf=t",
                   "-frames:v", "1", "-q:v", "3"]),
    "video_30s": ("30 s video, 1280x720 MPEG-4 Part 2 + AAC", "clip.mp4", "video/mp4",
                  ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i",
                   "sine=frequency=440:sample_rate=44100", "-t", "30", "-c:v", "mpeg4", "-q:v", "4",
                   "-c:a", "aac", "-shortest"]),
}

BASELINES = {
    "jpeg_12mp": lambda src, out: [
        ["ffmpeg", "-v", "error", "-y", "-i", str(src), "-vf", "scale=3325:2494", str(out / "o.jpg")],
        ["ffmpeg", "-v", "error", "-y", "-i", str(src), "-vf", "scale=554:416", str(out / "s.jpg")]],
    "video_30s": lambda src, out: [
        ["ffmpeg", "-v", "error", "-y", "-i", str(src), "-map_metadata", "-1", "-preset", "veryfast", "-movflags",
         "faststart", "-pix_fmt", "yuv420p", "-c:v", "h264", "-c:a", "aac", "-b:a", "192k", str(out / "o.mp4")]],
}


def make_input(workdir, key):
    _, name, _, args = INPUTS[key]
    path = Path(workdir) / name
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args, str(path)], check=True, timeout=600)
    return path


def status_kb(pid, field):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid):
    """Resident memory of a process and its children (ffmpeg runs as agora's child)."""
    total = status_kb(pid, "VmRSS")
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return total + sum(tree_rss_kb(int(c)) for c in children)


def upload_to_ready(url, token, path, mime, pid):
    headers = {"Authorization": f"Bearer {token}"}
    peak = tree_rss_kb(pid)
    start = time.perf_counter()
    with open(path, "rb") as f:
        r = requests.post(f"{url}/api/v2/media", headers=headers, files={"file": (path.name, f, mime)}, timeout=300)
    if r.status_code not in (200, 202):
        raise RuntimeError(f"upload answered {r.status_code}: {r.text[:200]}")
    media = r.json()
    while r.status_code != 200 or not media.get("url"):
        peak = max(peak, tree_rss_kb(pid))
        time.sleep(0.02)
        r = requests.get(f"{url}/api/v1/media/{media['id']}", headers=headers, timeout=30)
        if r.status_code not in (200, 206):
            raise RuntimeError(f"GET /api/v1/media answered {r.status_code}: {r.text[:200]}")
        media = r.json()
        if time.perf_counter() - start > 600:
            raise RuntimeError("not ready after 10 minutes")
    return (time.perf_counter() - start) * 1000, max(peak, tree_rss_kb(pid))


def baseline_ms(key, src, workdir):
    out = Path(workdir) / "baseline"
    out.mkdir(exist_ok=True)
    start = time.perf_counter()
    for cmd in BASELINES[key](src, out):
        subprocess.run(cmd, check=True, timeout=600)
    return (time.perf_counter() - start) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", choices=seed.SCALES, default="smoke")
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--only", default="S9")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--duration", type=int, default=10, help="(not used by S9)")
    ap.add_argument("--connections", type=int, default=64, help="(not used by S9)")
    ap.add_argument("--no-record", action="store_true", help="print, but write nothing to bench/results")
    args = ap.parse_args()
    if "S9" not in args.only.split(","):
        return

    instance = Instance(args.scale, args.db)
    instance.start()
    results = {}
    try:
        token = seed.token_for(0)
        pid = instance.server.pid
        rss_idle_kb = status_kb(pid, "VmRSS")
        for key, (label, _, mime, _) in INPUTS.items():
            src = make_input(instance.workdir, key)
            times, peaks, bases = [], [], []
            for _ in range(args.runs):
                ms, peak_kb = upload_to_ready(instance.url, token, src, mime, pid)
                times.append(ms)
                peaks.append(peak_kb)
                bases.append(baseline_ms(key, src, instance.workdir))
            results[key] = {
                "what": label, "input_bytes": src.stat().st_size,
                "ready_ms": statistics.median(times), "baseline_ms": statistics.median(bases),
                "peak_tree_rss_mb": round(max(peaks) / 1024, 1),
                "agora_vmhwm_mb": round(status_kb(pid, "VmHWM") / 1024, 1),
                "runs_ms": [round(t, 1) for t in times], "baseline_runs_ms": [round(b, 1) for b in bases],
            }
            print(key, results[key], flush=True)
        results["M"] = {"rss_idle_mb": round(rss_idle_kb / 1024, 1),
                        "rss_after_mb": round(status_kb(pid, "VmRSS") / 1024, 1)}
    finally:
        instance.stop()
    record(args, results)
    instance.cleanup()


def record(args, results):
    date = datetime.date.today().isoformat()
    name = f"{date}-{commit()}-media-{args.db}"
    data = {"commit": commit(), "date": date, "db": args.db, "machine": machine(),
            "settings": {"runs": args.runs}, "results": results}
    m = data["machine"]
    lines = [f"# S9 media upload to ready, {args.db} ({data['commit']}, {date})", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB. POST /api/v2/media, then GET "
             f"/api/v1/media/:id every 20 ms until ready; medians of {args.runs} runs. Baseline: the same decoding, "
             "scaling and transcoding by ffmpeg alone (see bench/media.py).", "",
             "| input | bytes | upload to ready ms | baseline ms | ratio | peak RSS agora+ffmpeg MB | agora VmHWM MB |",
             "|---|---|---|---|---|---|---|"]
    for key, r in results.items():
        if key == "M":
            continue
        lines.append(f"| {r['what']} | {r['input_bytes']} | {r['ready_ms']:.0f} | {r['baseline_ms']:.0f} | "
                     f"{r['ready_ms'] / r['baseline_ms']:.2f} | {r['peak_tree_rss_mb']} | {r['agora_vmhwm_mb']} |")
    if "M" in results:
        lines += ["", f"RSS of agora: {results['M']['rss_idle_mb']} MB before the uploads, "
                      f"{results['M']['rss_after_mb']} MB after."]
    write_results(name, data, lines, args.no_record)


if __name__ == "__main__":
    main()
