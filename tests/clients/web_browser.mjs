// Debian's Chromium, headless and confined to loopback, for agora's web
// client: signed in by a token in localStorage (signedInBrowser) or through
// agora's OAuth pages (signInThroughOAuth). `problems` collects page errors
// and Content-Security-Policy violations; `finish` fails on any of them.
import { chromium } from "playwright-core";

export async function browserPage({ token = null, timeout = 15000 } = {}) {
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
    // A Content-Security-Policy violation is reported on the console.
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  const finish = () => {
    if (problems.length) throw new Error(problems.join("\n"));
  };
  return { browser, context, page, problems, finish };
}

export const signedInBrowser = (token, options = {}) => browserPage({ ...options, token });

// The authorization code flow with PKCE, through agora's own sign-in and consent pages.
export async function signInThroughOAuth(page, base, email, password) {
  await page.goto(`${base}/web`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.fill('input[name="user[email]"]', email);
  await page.fill('input[name="user[password]"]', password);
  await page.click('button[type="submit"]');
  await page.click('button[name="decision"][value="approve"]');
  await page.getByRole("form", { name: "New post" }).waitFor();
}
