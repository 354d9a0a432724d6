// Signing in through agora's own OAuth: the app is registered once with
// POST /api/v1/apps, then the authorization code flow with PKCE (S256).
import { api, setToken } from "./api";

// admin:* lets staff use the admin area; the server checks the role on every admin call.
const SCOPES = "read write follow push admin:read admin:write";
const APP_KEY = "agora.app";
const FLOW_KEY = "agora.oauth";

interface App { client_id: string; client_secret: string; redirect_uri: string; scopes?: string }

export function redirectUri(): string {
  return `${location.origin}/web/callback`;
}

function base64url(bytes: Uint8Array): string {
  let s = "";
  bytes.forEach((b) => (s += String.fromCharCode(b)));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function app(): Promise<App> {
  const saved = localStorage.getItem(APP_KEY);
  if (saved) {
    const parsed = JSON.parse(saved) as App;
    // An app registered with other scopes (an older client) is registered anew.
    if (parsed.redirect_uri === redirectUri() && parsed.scopes === SCOPES) return parsed;
  }
  const created = await api<App>("POST", "/api/v1/apps", {
    client_name: "agora web",
    redirect_uris: redirectUri(),
    scopes: SCOPES,
    website: location.origin + "/web",
  });
  const a = { client_id: created.client_id, client_secret: created.client_secret, redirect_uri: redirectUri(), scopes: SCOPES };
  localStorage.setItem(APP_KEY, JSON.stringify(a));
  return a;
}

export async function startSignIn(): Promise<void> {
  const a = await app();
  const verifier = randomString();
  const state = randomString();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(FLOW_KEY, JSON.stringify({ verifier, state }));
  const q = new URLSearchParams({
    response_type: "code",
    client_id: a.client_id,
    redirect_uri: a.redirect_uri,
    scope: SCOPES,
    state,
    code_challenge: base64url(digest),
    code_challenge_method: "S256",
  });
  location.assign(`/oauth/authorize?${q}`);
}

// On /web/callback?code=…&state=…: trades the code for a token.
export async function finishSignIn(params: URLSearchParams): Promise<void> {
  const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) ?? "null") as { verifier: string; state: string } | null;
  sessionStorage.removeItem(FLOW_KEY);
  const error = params.get("error_description") ?? params.get("error");
  if (error) throw new Error(error);
  if (!flow || params.get("state") !== flow.state) throw new Error("state mismatch");
  const a = await app();
  const res = await api<{ access_token: string }>("POST", "/oauth/token", {
    grant_type: "authorization_code",
    code: params.get("code"),
    client_id: a.client_id,
    client_secret: a.client_secret,
    redirect_uri: a.redirect_uri,
    code_verifier: flow.verifier,
    scope: SCOPES,
  });
  setToken(res.access_token);
}

export async function signOut(tokenValue: string | null): Promise<void> {
  const saved = localStorage.getItem(APP_KEY);
  if (tokenValue && saved) {
    const a = JSON.parse(saved) as App;
    await api("POST", "/oauth/revoke", { client_id: a.client_id, client_secret: a.client_secret, token: tokenValue })
      .catch(() => undefined);
  }
  setToken(null);
}
