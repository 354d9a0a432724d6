// A newcomer's first session in agora's web client, in a real browser: sign
// up on /auth/sign_up, open the confirmation link from the e-mail (read by the
// test from its SMTP sink and handed over on stdin), sign in through the OAuth
// pages, post with the keyboard alone, boost and favourite another member's
// post, find and follow a locked account, see the follow take effect once it
// is approved, and switch the language. Screenshots of the new screens at
// desktop and phone widths go to SCREENSHOT_DIR.
// Usage: node web_client_journey.mjs BASE_URL USERNAME PASSWORD LOCKED_USERNAME SCREENSHOT_DIR
// Prints "SIGNED_UP" and then reads the confirmation link; later prints
// "REQUESTED" and waits for a line once the request is approved; "OK" at the end.
import { createInterface } from "node:readline";
import { browserPage } from "./web_browser.mjs";

const [base, username, password, locked, shots] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function ask(signal) {
  console.log(signal);
  const { value, done } = await lines.next();
  if (done) throw new Error(`no answer after ${signal}`);
  return value.trim();
}

const { browser, page, finish } = await browserPage();
async function screenshots(name) {
  for (const [width, height, label] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/${name}-${label}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
// Presses Tab until the element matching `selector` has the focus.
async function tabTo(selector, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

try {
  // Sign up.
  await page.goto(`${base}/auth/sign_up`);
  await screenshots("sign-up");
  await page.fill('input[name="user[username]"]', username);
  await page.fill('input[name="user[email]"]', `${username}@example.org`);
  await page.fill('input[name="user[password]"]', password);
  await page.check('input[name="user[agreement]"]');
  await page.click('button[type="submit"]');
  await page.waitForLoadState();

  // The link from the e-mail, on this server.
  const link = new URL(await ask("SIGNED_UP"));
  await page.goto(base + link.pathname + link.search);
  await page.waitForLoadState();
  await screenshots("confirmed");

  // Sign in to the web client through the OAuth pages.
  await page.goto(`${base}/web`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.fill('input[name="user[email]"]', `${username}@example.org`);
  await page.fill('input[name="user[password]"]', password);
  await page.click('button[type="submit"]');
  await screenshots("authorize");
  await page.click('button[name="decision"][value="approve"]');
  const compose = page.getByRole("form", { name: "New post" });
  await compose.waitFor();

  // A post written and sent with the keyboard alone.
  await page.locator("body").focus();
  await tabTo('form[aria-label="New post"] textarea');
  await page.keyboard.type("Typed without a mouse");
  await page.keyboard.press("Control+Enter");
  await page.locator("article.status", { hasText: "Typed without a mouse" }).waitFor();

  // Find the locked member, boost and favourite their post, ask to follow.
  const nav = page.getByRole("navigation");
  await nav.getByRole("link", { name: "Search" }).click();
  const search = page.getByLabel("Search for people, hashtags and posts");
  await search.fill(locked);
  await search.press("Enter");
  await page.getByRole("link", { name: new RegExp(`@${locked}`) }).first().click();
  await page.getByRole("heading", { name: locked }).waitFor();
  const theirs = page.locator("article.status", { hasText: "A post to share" });
  await theirs.getByRole("button", { name: "Boost" }).click();
  await theirs.getByRole("button", { name: "Undo boost" }).waitFor();
  await theirs.getByRole("button", { name: "Favourite" }).click();
  await theirs.getByRole("button", { name: "Undo favourite" }).waitFor();
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await page.getByRole("button", { name: "Cancel follow request" }).waitFor();
  await screenshots("follow-requested");

  // Approved by the locked member: the profile now shows the follow.
  await ask("REQUESTED");
  await page.reload();
  await page.getByRole("button", { name: "Unfollow" }).waitFor();
  await screenshots("following");

  // Another language.
  await page.locator("header.top").getByLabel("Language").selectOption("es");
  await page.getByRole("navigation").getByRole("link", { name: "Inicio" }).waitFor();
  if ((await page.getAttribute("html", "lang")) !== "es") throw new Error("html lang is not es");
  await screenshots("spanish");
  finish();
  console.log("OK");
} finally {
  await browser.close();
}
