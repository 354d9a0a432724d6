// Debian's Chromium, headless and confined to loopback, optionally signed in
// to agora's web client by a token in localStorage (as after the OAuth flow
// that web_client_e2e.mjs tests). `problems` collects page errors and
// Content-Security-Policy violations; `finish` fails on any of them.
import { chromium } from "playwright-core";

export async function browserSession({ token, timeout = 15000 } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ locale: "en-US" });
  context.setDefaultTimeout(timeout);
  await context.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
  if (token) await context.addInitScript((t) => localStorage.setItem("agora.token", t), token);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  const finish = () => {
    if (problems.length) throw new Error(problems.join("\n"));
  };
  return { browser, context, page, problems, finish };
}

export function signedInBrowser(token, options = {}) {
  return browserSession({ ...options, token });
}
