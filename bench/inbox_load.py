"""Load for POST /inbox (scenario S5): signed Create(Note) activities, signed
before the clock starts, then sent over C keep-alive connections at once.

send() answers how many were accepted (202), the other statuses, the seconds
from the first request to the last answer, latency percentiles, and the CPU
seconds this generator used (to tell whether it, not agora, was the limit).
"""
import asyncio
import datetime
import json
import resource
import statistics
import time

from federation_peers import PUBLIC, actor_uri
from signing import signed_headers


def create_note(domain, name, serial, tag, host):
    """A public note that mentions a local member (agora, as Mastodon, drops posts that concern nobody here)."""
    actor = actor_uri(domain, name)
    member = f"http://{host}/users/user0"
    note = f"{actor}/statuses/{tag}-{serial}"
    published = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"@context": "https://www.w3.org/ns/activitystreams", "id": note + "/activity", "type": "Create",
            "actor": actor, "published": published, "to": [PUBLIC], "cc": [actor + "/followers", member],
            "object": {"id": note, "type": "Note", "attributedTo": actor, "published": published,
                       "url": f"http://{domain}/@{name}/{tag}-{serial}", "to": [PUBLIC],
                       "cc": [actor + "/followers", member],
                       "content": f"<p>@user0 Note {serial} of {name} in {tag}: about the lesson plan for this week</p>",
                       "sensitive": False, "summary": None,
                       "tag": [{"type": "Mention", "href": member, "name": f"@user0@{host}"}], "attachment": []}}


def signed_requests(actors, per_actor, host, tag):
    """Raw HTTP/1.1 requests, actors interleaved: [(domain, name, key)] x per_actor."""
    out = []
    for serial in range(per_actor):
        for domain, name, key in actors:
            body = json.dumps(create_note(domain, name, serial, tag, host)).encode()
            headers = signed_headers(key, actor_uri(domain, name) + "#main-key", "POST", "/inbox", host, body)
            head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            out.append(f"POST /inbox HTTP/1.1\r\n{head}Content-Type: application/activity+json\r\n"
                       f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    return out


async def _connection(port, requests, answers):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for request in requests:
        started = time.perf_counter()
        writer.write(request)
        status = int((await reader.readline()).split()[1])
        length, close = 0, False
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and "close" in value.lower():
                close = True
        if length:
            await reader.readexactly(length)
        answers.append((status, time.perf_counter() - started))
        if close:
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.close()


async def _send_all(port, requests, connections):
    answers = []
    await asyncio.gather(*(_connection(port, requests[i::connections], answers) for i in range(connections)))
    return answers


def send(port, requests, connections):
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    answers = asyncio.run(_send_all(port, requests, connections))
    seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    statuses = {}
    for status, _ in answers:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(a[1] * 1000 for a in answers)
    return {"sent": len(requests), "accepted": statuses.get(202, 0), "statuses": statuses, "seconds": seconds,
            "p50_ms": statistics.median(latencies), "p99_ms": latencies[int(len(latencies) * 0.99) - 1],
            "generator_cpu_s": round(cpu, 2)}
