#!/usr/bin/env python3
"""Seeds an agora database with the data set of WORKLOAD.md.

Scales: "community" (10,000 local and 1,000 remote accounts, 1,000,000
statuses, 200,000 favourites, 2,000,000 notifications) and "smoke" (1/100).
Rows go in by bulk paths (one SQLite transaction; PostgreSQL COPY), after
`agora migrate` created the schema, so the data matches what agora writes:
counters, home feeds (fan-out on write, the newest 800 entries per member, as
Mastodon keeps), mentions, tags and tokens.

Member i signs in with the access token "bench-token-i". Local accounts
share one RSA key pair (generating thousands would dominate seeding; agora
only needs each to have one). remote_followers() adds remote accounts on
their own domains following one member (scenario S6).
Usage: bench/seed.py --scale smoke|community --database-url URL
"""
import argparse
import csv
import hashlib
import heapq
import io
import itertools
import random
import sqlite3
import subprocess
import sys
import time

SCALES = {
    "community": dict(local=10_000, remote=1_000, domains=50, follows=100, statuses=1_000_000,
                      favourites=200_000, notifications=2_000_000, tags=500),
    "smoke": dict(local=100, remote=10, domains=5, follows=100, statuses=10_000,
                  favourites=2_000, notifications=20_000, tags=500),
}
HOME_FEED_LIMIT = 800  # entries kept per home feed
DOMAIN = "localhost"
DAY_MS = 86_400_000


def token_for(i):
    return f"bench-token-{i}"


class Ids:
    """Snowflake-like ids (ms << 16 | sequence) increasing with time."""

    def __init__(self):
        self.seq = 0

    def at(self, ms):
        self.seq = (self.seq + 1) & 0xFFFF
        return (ms << 16) | self.seq


def key_pair():
    """(public PEM, private PEM) of a new RSA-2048 key, as agora stores them."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    return public, private


class Rows(list):
    """Rows of a big table as tuples in the order of `cols` (millions of dicts would
    take gigabytes and most of the seeding time)."""

    def __init__(self, *cols):
        super().__init__()
        self.cols = cols


def generate(scale, base_url, rnd):
    p = SCALES[scale]
    public_pem, private_pem = key_pair()
    now = int(time.time() * 1000)
    start = now - 30 * DAY_MS
    ids = Ids()
    t = {name: [] for name in ("accounts", "users", "oauth_applications", "oauth_access_tokens", "tags",
                               "statuses", "mentions", "statuses_tags", "media_attachments")}
    t["follows"] = Rows("id", "account_id", "target_account_id", "show_reblogs", "created_at")
    t["favourites"] = Rows("id", "account_id", "status_id", "created_at")
    t["notifications"] = Rows("id", "account_id", "from_account_id", "type", "status_id", "group_key", "created_at")
    t["feed_entries"] = Rows("feed_owner_id", "feed_kind", "status_id", "account_id", "reblog_of_id")

    accounts = []  # (id, local)
    for i in range(p["local"]):
        aid = ids.at(start - DAY_MS)
        uri = f"{base_url}/users/user{i}"
        t["accounts"].append(dict(id=aid, username=f"user{i}", domain=None, display_name=f"User {i}", uri=uri,
                                  url=f"{base_url}/@user{i}", inbox_url=uri + "/inbox",
                                  shared_inbox_url=base_url + "/inbox", followers_url=uri + "/followers",
                                  public_key_pem=public_pem, private_key_pem=private_pem, key_id=uri + "#main-key",
                                  discoverable=True, created_at=start - DAY_MS, updated_at=start - DAY_MS))
        t["users"].append(dict(id=ids.at(start - DAY_MS), account_id=aid, email=f"user{i}@bench.example",
                               role="user", locale="en", confirmed_at=start - DAY_MS, approved=True,
                               created_at=start - DAY_MS, updated_at=start - DAY_MS))
        accounts.append((aid, True))
    for i in range(p["remote"]):
        aid = ids.at(start - DAY_MS)
        domain = f"remote{i % p['domains']}.example"
        uri = f"https://{domain}/users/remote{i}"
        t["accounts"].append(dict(id=aid, username=f"remote{i}", domain=domain, display_name=f"Remote {i}", uri=uri,
                                  url=f"https://{domain}/@remote{i}", inbox_url=uri + "/inbox",
                                  shared_inbox_url=f"https://{domain}/inbox", followers_url=uri + "/followers",
                                  public_key_pem="", private_key_pem=None, key_id=uri + "#main-key",
                                  discoverable=True, created_at=start - DAY_MS, updated_at=start - DAY_MS))
        accounts.append((aid, False))
    local_ids = [a for a, local in accounts if local]
    all_ids = [a for a, _ in accounts]

    app_id = ids.at(start)
    t["oauth_applications"].append(dict(id=app_id, name="bench", redirect_uris="urn:ietf:wg:oauth:2.0:oob",
                                        scopes="read write follow", client_id="bench", client_secret="bench",
                                        created_at=start, updated_at=start))
    for i, user in enumerate(t["users"]):
        t["oauth_access_tokens"].append(dict(id=ids.at(start), application_id=app_id, user_id=user["id"],
                                             token_hash=hashlib.sha256(token_for(i).encode()).hexdigest(),
                                             scopes="read write follow", created_at=start))

    counters = {a: dict(followers_count=0, following_count=0, statuses_count=0, last_status_at=None)
                for a in all_ids}
    following = {a: [] for a in local_ids}
    for follower in local_ids:
        wanted = min(p["follows"], len(all_ids) - 1)
        picks = [a for a in rnd.sample(all_ids, wanted + 1) if a != follower][:wanted]
        for target in picks:
            # A million follows at one millisecond would outrun the 16-bit sequence: 60,000 per millisecond.
            t["follows"].append((ids.at(start + len(t["follows"]) // 60_000), follower, target, True, start))
            following[follower].append(target)
            counters[target]["followers_count"] += 1
            counters[follower]["following_count"] += 1

    tag_ids = []
    for i in range(p["tags"]):
        tid = ids.at(start)
        t["tags"].append(dict(id=tid, name=f"tag{i}", display_name=f"Tag{i}", created_at=start, updated_at=start))
        tag_ids.append(tid)

    # Statuses in time order, so replies and boosts point back in time.
    times = sorted(rnd.randrange(start, now) for _ in range(p["statuses"]))
    originals = []  # (id, author) of non-boost public statuses, for replies and boosts
    by_author = {a: [] for a in all_ids}  # status ids (home feed candidates)
    base_domain = {a["id"]: (a["domain"], a["username"]) for a in t["accounts"]}
    for n, ms in enumerate(times):
        author = rnd.choice(all_ids)
        sid = ids.at(ms)
        domain, username = base_domain[author]
        prefix = f"{base_url}/users/{username}" if domain is None else f"https://{domain}/users/{username}"
        page = f"{base_url}/@{username}/{sid}" if domain is None else f"https://{domain}/@{username}/{sid}"
        row = dict(id=sid, account_id=author, uri=f"{prefix}/statuses/{sid}", url=page, local=domain is None,
                   text="", content="", spoiler_text="", sensitive=False, visibility=0, language="en",
                   in_reply_to_id=None, in_reply_to_account_id=None, reblog_of_id=None, created_at=ms, updated_at=ms)
        kind = rnd.random()
        if kind < 0.10 and originals:  # a boost
            target, target_author = originals[rnd.randrange(len(originals))]
            row.update(uri=f"{prefix}/statuses/{sid}/activity", url=None, reblog_of_id=target)
            t["statuses"].append(row)
            by_author[author].append((sid, target))
            continue
        text = f"Status {n} about the lesson plan for week {n % 52}"
        if kind < 0.20 and originals:  # a reply
            parent, parent_author = originals[rnd.randrange(len(originals))]
            row.update(in_reply_to_id=parent, in_reply_to_account_id=parent_author)
            t["mentions"].append(dict(id=ids.at(ms), status_id=sid, account_id=parent_author))
        if rnd.random() < 0.05:
            row.update(spoiler_text="spoilers", sensitive=True)
        if rnd.random() < 0.20:
            tag = rnd.randrange(len(tag_ids))
            text += f" #tag{tag}"
            t["statuses_tags"].append(dict(status_id=sid, tag_id=tag_ids[tag]))
        if rnd.random() < 0.10:
            t["media_attachments"].append(dict(id=ids.at(ms), account_id=author, status_id=sid, type="image",
                                               content_type="image/png", file_key=f"media/{sid}.png",
                                               created_at=ms, updated_at=ms))
        visibility = rnd.choices([0, 1, 2], weights=[85, 10, 5])[0]
        row.update(text=text if domain is None else "", content=f"<p>{text}</p>", visibility=visibility)
        t["statuses"].append(row)
        counters[author]["statuses_count"] += 1
        counters[author]["last_status_at"] = ms
        if visibility == 0:
            originals.append((sid, author))
        by_author[author].append((sid, None))

    status_ids = [s["id"] for s in t["statuses"] if s["reblog_of_id"] is None]
    status_author = {s["id"]: s["account_id"] for s in t["statuses"]}
    fav_pairs = set()
    fav_counts = {}
    while len(fav_pairs) < p["favourites"]:
        pair = (rnd.choice(local_ids), rnd.choice(status_ids))
        if pair in fav_pairs:
            continue
        fav_pairs.add(pair)
        fav_counts[pair[1]] = fav_counts.get(pair[1], 0) + 1
        ms = rnd.randrange(start, now)
        t["favourites"].append((ids.at(ms), pair[0], pair[1], ms))
    reblog_counts = {}
    for s in t["statuses"]:
        if s["reblog_of_id"]:
            reblog_counts[s["reblog_of_id"]] = reblog_counts.get(s["reblog_of_id"], 0) + 1
    for s in t["statuses"]:
        s["favourites_count"] = fav_counts.get(s["id"], 0)
        s["reblogs_count"] = reblog_counts.get(s["id"], 0)

    for _ in range(p["notifications"]):
        ms = rnd.randrange(start, now)
        kind = rnd.choice(["mention", "favourite", "reblog", "follow"])
        sid = rnd.choice(status_ids) if kind != "follow" else None
        t["notifications"].append((ids.at(ms), rnd.choice(local_ids), rnd.choice(all_ids), kind, sid,
                                   f"ungrouped-{ms}", ms))

    # Home feeds: own statuses and those of followed accounts, newest 800.
    for owner in local_ids:
        # Each author's list is in time order: merge them newest first and stop at the limit.
        sources = [reversed(by_author[owner])] + [reversed(by_author[a]) for a in following[owner]]
        newest = itertools.islice(heapq.merge(*sources, reverse=True), HOME_FEED_LIMIT)
        for sid, reblog_of in newest:
            if reblog_of is not None and status_author.get(reblog_of) == owner:
                continue  # one's own status boosted by others is not shown again
            t["feed_entries"].append((owner, 0, sid, status_author[sid], reblog_of))

    for a in t["accounts"]:
        a.update(counters[a["id"]])
    return t


def columns_and_values(rows):
    """The column names of a table's rows and the rows as sequences in their order."""
    if isinstance(rows, Rows):
        return list(rows.cols), rows
    cols = list(rows[0].keys())
    return cols, ([r[c] for c in cols] for r in rows)


def insert_sqlite(path, tables):
    con = sqlite3.connect(path)
    # Alone with the file: rows go straight into it (not through the WAL, which
    # would hold the whole transaction) with a cache big enough not to spill.
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-2000000")
    with con:
        for name, rows in tables.items():
            if not rows:
                continue
            cols, values = columns_and_values(rows)
            con.executemany(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values)
    con.execute("ANALYZE")
    con.execute("PRAGMA journal_mode=WAL")  # as agora runs it
    con.close()


def insert_postgres(url, tables):
    for name, rows in tables.items():
        if not rows:
            continue
        cols, values = columns_and_values(rows)
        buf = io.StringIO()
        w = csv.writer(buf)
        for r in values:
            w.writerow(["\\N" if v is None else ("t" if v is True else "f" if v is False else v) for v in r])
        subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c",
                        f"COPY {name} ({', '.join(cols)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"],
                       input=buf.getvalue(), text=True, check=True)
    subprocess.run(["psql", url, "-q", "-c", "ANALYZE"], check=True)


def insert(database_url, tables):
    if database_url.startswith("sqlite:"):
        insert_sqlite(database_url[len("sqlite:"):], tables)
    else:
        insert_postgres(database_url, tables)


def remote_followers(database_url, target_id, domains, scheme="http"):
    """One remote account per domain (shared inbox SCHEME://DOMAIN/inbox) following the account target_id."""
    now = int(time.time() * 1000)
    ids = Ids()
    t = {"accounts": [], "follows": []}
    for domain in domains:
        aid = ids.at(now)
        uri = f"{scheme}://{domain}/users/follower"
        t["accounts"].append(dict(id=aid, username="follower", domain=domain, uri=uri, url=f"{scheme}://{domain}/@follower",
                                  inbox_url=uri + "/inbox", shared_inbox_url=f"{scheme}://{domain}/inbox",
                                  followers_url=uri + "/followers", key_id=uri + "#main-key", following_count=1,
                                  created_at=now, updated_at=now))
        t["follows"].append(dict(id=ids.at(now), account_id=aid, target_account_id=target_id, show_reblogs=True,
                                 created_at=now))
    insert(database_url, t)
    bump = f"UPDATE accounts SET followers_count = followers_count + {len(domains)} WHERE id = {int(target_id)}"
    if database_url.startswith("sqlite:"):
        con = sqlite3.connect(database_url[len("sqlite:"):])
        with con:
            con.execute(bump)
        con.close()
    else:
        subprocess.run(["psql", database_url, "-q", "-c", bump], check=True)


def seed(scale, database_url, base_url):
    started = time.perf_counter()
    tables = generate(scale, base_url, random.Random(42))
    insert(database_url, tables)
    return {name: len(rows) for name, rows in tables.items()}, time.perf_counter() - started


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", choices=SCALES, default="smoke")
    ap.add_argument("--database-url", required=True, help="sqlite:PATH or postgres://… (migrated, empty)")
    ap.add_argument("--base-url", default="http://localhost:3000")
    args = ap.parse_args()
    counts, seconds = seed(args.scale, args.database_url, args.base_url)
    print(f"seeded {args.scale} in {seconds:.1f} s: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    sys.exit(main())
