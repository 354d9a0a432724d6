// The public Mastodon API, with the signed-in member's token.
const TOKEN_KEY = "agora.token";

export function token(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}
export function setToken(value: string | null) {
  if (value) localStorage.setItem(TOKEN_KEY, value);
  else localStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

export interface Page<T> { items: T[]; next: string | null }

async function request(method: string, path: string, body?: unknown, extra: HeadersInit = {}): Promise<Response> {
  const headers = new Headers(extra);
  const tok = token();
  if (tok) headers.set("Authorization", `Bearer ${tok}`);
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers.set("Content-Type", "application/json");
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload });
  if (res.status === 401 && tok) {
    setToken(null);
    location.assign("/web");
  }
  if (!res.ok) {
    let message = res.statusText;
    try {
      message = (await res.json()).error ?? message;
    } catch { /* not JSON */ }
    throw new ApiError(res.status, message);
  }
  return res;
}

export async function api<T>(method: string, path: string, body?: unknown, headers: HeadersInit = {}): Promise<T> {
  return (await request(method, path, body, headers)).json() as Promise<T>;
}

export const get = <T>(path: string) => api<T>("GET", path);
export const post = <T>(path: string, body: unknown = {}) => api<T>("POST", path, body);

// A body with Mastodon's Link header: `next` is the path of the older page.
export async function linked<T>(path: string): Promise<{ body: T; next: string | null }> {
  const res = await request("GET", path);
  const link = res.headers.get("Link") ?? "";
  const m = /<([^>]+)>;\s*rel="next"/.exec(link);
  let next: string | null = null;
  if (m) {
    const url = new URL(m[1], location.href);
    next = url.pathname + url.search;
  }
  return { body: (await res.json()) as T, next };
}

export async function page<T>(path: string): Promise<Page<T>> {
  const { body, next } = await linked<T[]>(path);
  return { items: body, next };
}
