// Receives agora's streams with masto.js over WebSocket (the token sent as
// Sec-WebSocket-Protocol, as masto does). Prints what it saw as JSON.
// Usage: node masto_streaming.mjs BASE_URL READER_TOKEN AUTHOR_TOKEN
import { createRestAPIClient, createStreamingAPIClient } from "masto";
import WebSocket from "isomorphic-ws";

const [url, readerToken, authorToken] = process.argv.slice(2);
const author = createRestAPIClient({ url, accessToken: authorToken });
const reader = createRestAPIClient({ url, accessToken: readerToken });
const streaming = createStreamingAPIClient({
  streamingApiUrl: url.replace(/^http/, "ws"), accessToken: readerToken, implementation: WebSocket, retry: false,
});

const me = await author.v1.accounts.verifyCredentials();
await reader.v1.accounts.$select(me.id).follow();

const seen = {};
async function first(subscription, event, key) {
  for await (const e of subscription) {
    if (e.event === event) {
      seen[key] = { stream: e.stream, id: e.payload.id, type: e.payload.type, content: e.payload.content };
      return;
    }
  }
}
const user = streaming.user.subscribe();
const local = streaming.public.local.subscribe();
const waits = Promise.all([first(user, "update", "home"), first(user, "notification", "notification"),
                           first(local, "update", "local")]);
await new Promise((r) => setTimeout(r, 1000));  // masto subscribes once the socket opens
const status = await author.v1.statuses.create({ status: "streamed by masto.js" });
await author.v1.statuses.create({ status: `@${(await reader.v1.accounts.verifyCredentials()).acct} hi` });
const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timed out: " + JSON.stringify(seen))), 15000));
await Promise.race([waits, timeout]);
seen.postedId = status.id;
console.log(JSON.stringify(seen));
streaming.close();
process.exit(0);
