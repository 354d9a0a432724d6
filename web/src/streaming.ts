// One WebSocket to /api/v1/streaming for the whole client. Views subscribe
// to streams ("user", "public:local", "public", "hashtag") and get events;
// the socket reconnects with backoff and re-subscribes.
import { token } from "./api";

export interface StreamEvent { stream: string[]; event: string; payload: string }
type Listener = (e: StreamEvent) => void;
interface Subscription { stream: string; tag?: string; listener: Listener }

const subscriptions = new Set<Subscription>();
const statusListeners = new Set<(live: boolean) => void>();
let socket: WebSocket | null = null;
let live = false;
let retry = 0;

function send(type: "subscribe" | "unsubscribe", s: Subscription) {
  if (socket?.readyState === WebSocket.OPEN)
    socket.send(JSON.stringify(s.tag === undefined ? { type, stream: s.stream }
      : s.stream === "list" ? { type, stream: s.stream, list: s.tag } : { type, stream: s.stream, tag: s.tag }));
}

function setLive(value: boolean) {
  live = value;
  statusListeners.forEach((l) => l(value));
}

function matches(s: Subscription, e: StreamEvent): boolean {
  if (!e.stream || e.stream[0] !== s.stream) return false;
  return !s.tag || (e.stream[1] ?? "").toLowerCase() === s.tag.toLowerCase();
}

function connect() {
  const tok = token();
  if (!tok || socket) return;
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  // The token travels as the subprotocol, not in the URL (kept out of logs).
  // The user stream (home timeline and notifications) is named in the URL, so
  // it is subscribed before the socket opens; the others follow as messages.
  const ws = new WebSocket(`${scheme}//${location.host}/api/v1/streaming?stream=user`, tok);
  socket = ws;
  ws.onopen = () => {
    retry = 0;
    setLive(true);
    subscriptions.forEach((s) => s.stream !== "user" && send("subscribe", s));
  };
  ws.onmessage = (m) => {
    let e: StreamEvent;
    try {
      e = JSON.parse(m.data as string) as StreamEvent;
    } catch {
      return;
    }
    subscriptions.forEach((s) => matches(s, e) && s.listener(e));
  };
  ws.onclose = () => {
    socket = null;
    setLive(false);
    if (!token()) return;
    retry = Math.min(retry + 1, 6);
    setTimeout(connect, 500 * 2 ** retry);
  };
}

export function subscribe(stream: string, listener: Listener, tag?: string): () => void {
  const s: Subscription = { stream, tag, listener };
  subscriptions.add(s);
  connect();
  if (stream !== "user") send("subscribe", s);
  return () => {
    subscriptions.delete(s);
    const stillWanted = [...subscriptions].some((o) => o.stream === stream && o.tag === tag);
    if (!stillWanted && stream !== "user") send("unsubscribe", s);
  };
}

export function onLiveChange(listener: (live: boolean) => void): () => void {
  statusListeners.add(listener);
  listener(live);
  return () => statusListeners.delete(listener);
}

export function disconnect() {
  socket?.close();
  socket = null;
}
