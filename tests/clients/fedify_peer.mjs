// A small fediverse server built on Fedify, an ActivityPub implementation nobody here wrote,
// that the integration tests federate with agora.
//
// Usage: node fedify_peer.mjs PORT DOMAIN CONNECT_TO [FIRST_KNOCK]
//   PORT        where it listens on 127.0.0.1
//   DOMAIN      its own host name (its URLs are http://DOMAIN/...)
//   CONNECT_TO  "a.test=127.0.0.1:4001,...": where to connect for other domains (like AGORA_TEST_CONNECT_TO)
//   FIRST_KNOCK how it signs first: "rfc9421" (Fedify's default) or "draft-cavage-http-signatures-12";
//               on a 401 Fedify retries with the other one ("double-knocking")
//
// Fedify serves one actor, DOMAIN/users/peer, with WebFinger, its inbox, followers and notes. A control API
// lets a test drive it (JSON bodies):
//   POST /control/lookup {query}        what lookupObject() finds: {type, id, ...fields, json}
//   POST /control/follow {handle}       sends a Follow, returns {id, target}
//   POST /control/post {text, mention}  sends a public Create(Note) mentioning an actor to it and the peer's
//                                       followers (shared inboxes preferred), returns {id, note}
//   POST /control/like {object}         sends a Like of a note to its author, returns {id}
//   GET  /control/inbox                 activities that reached listeners (Fedify only dispatches verified ones)
//   GET  /control/unverified            activities Fedify refused to verify, with the reason
//   GET  /control/errors                delivery failures
//   GET  /control/double-knocks         deliveries whose first signature was refused
// Test-only settings: plain http and loopback addresses are allowed.

// Fedify 2.3 expects the navigator global of Node >= 21.
globalThis.navigator ??= { userAgent: `Node.js/${process.versions.node}` };

import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { createFederation, generateCryptoKeyPair, InProcessMessageQueue, MemoryKvStore } from "@fedify/fedify";
import {
  Accept, Activity, Collection, Create, Endpoints, Follow, isActor, Like, Mention, Note, Person, PUBLIC_COLLECTION,
} from "@fedify/vocab";
import { Temporal } from "@js-temporal/polyfill";
import { configure, getTextFormatter } from "@logtape/logtape";
import { Agent, buildConnector, setGlobalDispatcher } from "undici";

const [port, domain, connectTo = "", firstKnock = "rfc9421"] = process.argv.slice(2);
if (!port || !domain) {
  console.error("usage: node fedify_peer.mjs PORT DOMAIN [CONNECT_TO [FIRST_KNOCK]]");
  process.exit(2);
}
const ACTOR = "peer";

// Fedify's own log goes to stderr (the test keeps it): why a lookup or a verification failed.
// Its signing log tells when a first signature was refused.
const format = getTextFormatter();
const doubleKnocks = [];
await configure({
  contextLocalStorage: new AsyncLocalStorage(),
  sinks: {
    stderr: (record) => process.stderr.write(format(record)),
    knocks: (record) => {
      if (String(record.rawMessage).includes("double-knocking")) doubleKnocks.push(record.properties);
    },
  },
  loggers: [
    { category: "fedify", lowestLevel: process.env.PEER_LOG_LEVEL ?? "info", sinks: ["stderr"] },
    { category: ["fedify", "sig", "http"], lowestLevel: "debug", sinks: ["knocks"] },
    { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["stderr"] },
  ],
});

// Every outgoing request (Fedify uses the global fetch) to a test domain goes to its test address,
// keeping the URL, and so the Host header and the signed request target, unchanged. Test servers
// speak plain http: Fedify's WebFinger lookups of acct: URIs always use https://, so those
// connections are plain too (like AGORA_TEST_HTTP on agora's side).
const routes = new Map(connectTo.split(",").filter(Boolean).map((entry) => {
  const [host, address] = entry.split("=");
  const i = address.lastIndexOf(":");
  return [host, { hostname: address.slice(0, i), port: Number(address.slice(i + 1)) }];
}));
const connect = buildConnector({});
setGlobalDispatcher(new Agent({
  connect: (opts, callback) => {
    const route = routes.get(opts.hostname);
    connect(route ? { ...opts, ...route, protocol: "http:" } : opts, callback);
  },
}));

const keyPairs = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), await generateCryptoKeyPair("Ed25519")];
const received = [];
const unverified = [];
const errors = [];
const notes = new Map();
const followers = new Map();

const federation = createFederation({
  kv: new MemoryKvStore(),
  queue: new InProcessMessageQueue(),
  origin: `http://${domain}`,
  allowPrivateAddress: true,
  firstKnock,
  onOutboxError: (error, activity) => errors.push({ activity: activity?.id?.href ?? null, error: String(error) }),
});

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== ACTOR) return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Fedify Peer",
      summary: "A test peer built on Fedify",
      url: ctx.getActorUri(identifier),
      inbox: ctx.getInboxUri(identifier),
      outbox: null,
      followers: ctx.getFollowersUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      publicKey: keys[0].cryptographicKey,
      assertionMethods: keys.map((k) => k.multikey),
    });
  })
  .setKeyPairsDispatcher((ctx, identifier) => (identifier === ACTOR ? keyPairs : []));

federation.setFollowersDispatcher("/users/{identifier}/followers", (ctx, identifier) =>
  identifier === ACTOR ? { items: [...followers.values()] } : null);

federation.setObjectDispatcher(Note, "/users/{identifier}/notes/{id}", (ctx, values) =>
  values.identifier === ACTOR ? notes.get(values.id) ?? null : null);

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Follow, async (ctx, follow) => {
    await record(follow);
    const follower = await follow.getActor();
    if (!follower || follow.objectId?.href !== ctx.getActorUri(ACTOR).href) return;
    followers.set(follower.id.href, { id: follower.id, inboxId: follower.inboxId, endpoints: follower.endpoints });
    await ctx.sendActivity({ identifier: ACTOR }, follower, new Accept({
      id: new URL(`#accepts/${crypto.randomUUID()}`, ctx.getActorUri(ACTOR)),
      actor: ctx.getActorUri(ACTOR),
      object: follow,
    }));
  })
  .on(Activity, (ctx, activity) => record(activity))
  .onUnverifiedActivity(async (ctx, activity, reason) => {
    unverified.push({ type: activity.constructor.name, id: activity.id?.href ?? null, reason: describe(reason) });
  })
  .onError((ctx, error) => errors.push({ inbox: true, error: String(error) }));

async function record(activity) {
  // As received: getObject() may replace an embedded object from another origin by what its id
  // dereferences to (an Accept's Follow, whose id is a fragment of our actor's, becomes our actor).
  const json = await activity.toJsonLd();
  const objectId = activity.objectId?.href ?? null;
  const object = activity instanceof Create ? await activity.getObject().catch(() => null) : null;
  received.push({
    type: activity.constructor.name,
    id: activity.id?.href ?? null,
    actor: activity.actorId?.href ?? null,
    object: objectId,
    content: object instanceof Note ? object.content?.toString() ?? null : null,
    verified: true,
    json,
  });
}

function describe(reason) {
  try {
    return JSON.parse(JSON.stringify(reason, (k, v) => (v instanceof URL ? v.href : v instanceof Error ? String(v) : v)));
  } catch {
    return String(reason?.type ?? reason);
  }
}

async function summary(object) {
  const json = await object.toJsonLd();
  const base = { type: object.constructor.name, id: object.id?.href ?? null, json };
  if (isActor(object)) {
    return {
      ...base,
      preferredUsername: object.preferredUsername?.toString() ?? null,
      name: object.name?.toString() ?? null,
      inbox: object.inboxId?.href ?? null,
      sharedInbox: object.endpoints?.sharedInbox?.href ?? null,
      followers: object.followersId?.href ?? null,
      publicKey: (await object.getPublicKey())?.id?.href ?? null,
    };
  }
  if (object instanceof Note) {
    return {
      ...base,
      content: object.content?.toString() ?? null,
      attributedTo: object.attributionId?.href ?? null,
      to: object.toIds.map((u) => u.href),
      cc: object.ccIds.map((u) => u.href),
      url: object.url?.href ?? null,
      published: object.published?.toString() ?? null,
    };
  }
  if (object instanceof Collection) {  // OrderedCollection too
    return { ...base, totalItems: object.totalItems ?? null, first: object.firstId?.href ?? null };
  }
  return base;
}

async function lookupActor(ctx, query) {
  const actor = await ctx.lookupObject(query);
  if (!isActor(actor)) throw new HttpError(404, `no actor found for ${query}`);
  return actor;
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const control = {
  "GET /control/ready": async () => ({ ok: true }),
  "GET /control/inbox": async () => received,
  "GET /control/unverified": async () => unverified,
  "GET /control/errors": async () => errors,
  "GET /control/double-knocks": async () => doubleKnocks.map(describe),

  "POST /control/lookup": async (ctx, { query }) => {
    const object = await ctx.lookupObject(query);
    if (!object) throw new HttpError(404, `nothing found for ${query}`);
    return summary(object);
  },

  "POST /control/follow": async (ctx, { handle }) => {
    const target = await lookupActor(ctx, handle);
    const follow = new Follow({
      id: new URL(`#follows/${crypto.randomUUID()}`, ctx.getActorUri(ACTOR)),
      actor: ctx.getActorUri(ACTOR),
      object: target.id,
    });
    await ctx.sendActivity({ identifier: ACTOR }, target, follow);
    return { id: follow.id.href, target: target.id.href };
  },

  "POST /control/post": async (ctx, { text, mention }) => {
    const target = mention ? await lookupActor(ctx, mention) : null;
    const id = crypto.randomUUID();
    const noteUri = ctx.getObjectUri(Note, { identifier: ACTOR, id });
    const published = Temporal.Now.instant();
    const name = target ? `@${target.preferredUsername}@${target.id.host}` : null;
    const html = target
      ? `<p><span class="h-card"><a href="${target.url?.href ?? target.id.href}" class="u-url mention">${name}</a></span> ${escape(text)}</p>`
      : `<p>${escape(text)}</p>`;
    const ccs = [ctx.getFollowersUri(ACTOR), ...(target ? [target.id] : [])];
    const note = new Note({
      id: noteUri,
      attribution: ctx.getActorUri(ACTOR),
      content: html,
      url: noteUri,
      published,
      to: PUBLIC_COLLECTION,
      ccs,
      tags: target ? [new Mention({ href: target.id, name })] : [],
    });
    notes.set(id, note);
    const create = new Create({
      id: new URL(`${noteUri.href}/activity`),
      actor: ctx.getActorUri(ACTOR),
      object: note,
      published,
      to: PUBLIC_COLLECTION,
      ccs,
    });
    // One delivery per server: to shared inboxes where the recipients have one.
    const recipients = [...followers.values(), ...(target && !followers.has(target.id.href) ? [target] : [])];
    await ctx.sendActivity({ identifier: ACTOR }, recipients, create, { preferSharedInbox: true });
    return { id: create.id.href, note: noteUri.href };
  },

  "POST /control/like": async (ctx, { object }) => {
    const note = await ctx.lookupObject(object);
    if (!(note instanceof Note)) throw new HttpError(404, `no note found at ${object}`);
    const author = await note.getAttribution();
    if (!isActor(author)) throw new HttpError(404, `no author for ${object}`);
    const like = new Like({
      id: new URL(`#likes/${crypto.randomUUID()}`, ctx.getActorUri(ACTOR)),
      actor: ctx.getActorUri(ACTOR),
      object: note.id,
    });
    await ctx.sendActivity({ identifier: ACTOR }, author, like);
    return { id: like.id.href };
  },
};

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const server = http.createServer(async (req, res) => {
  try {
    const body = await readBody(req);
    const url = new URL(req.url, `http://${domain}`);
    const handler = control[`${req.method} ${url.pathname}`];
    if (handler) {
      const ctx = federation.createContext(new URL(`http://${domain}/`), undefined);
      return send(res, 200, await handler(ctx, body.length ? JSON.parse(body) : {}));
    }
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
      body: ["GET", "HEAD"].includes(req.method) ? undefined : body,
    });
    const response = await federation.fetch(request, {
      contextData: undefined,
      onNotFound: () => new Response("Not found", { status: 404 }),
      onNotAcceptable: () => new Response("Not acceptable", { status: 406 }),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    if (!res.headersSent) send(res, error.status ?? 500, { error: String(error?.message ?? error) });
    if (!error.status) console.error(error);
  }
});
server.listen(Number(port), "127.0.0.1", () => console.log(`fedify peer ${domain} on 127.0.0.1:${port}`));
