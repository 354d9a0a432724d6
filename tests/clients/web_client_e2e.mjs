// agora's own web client (/web) in a real browser (Debian's Chromium, driven
// by playwright-core, headless, loopback only): sign in through agora's OAuth
// pages, post with a content warning, see another member's post arrive live,
// reply, favourite, get a notification live, and switch to German.
// Usage: node web_client_e2e.mjs BASE_URL EMAIL PASSWORD OTHER_TOKEN
// Prints {"firstRenderMs", "firstContentfulPaintMs"} on success.
import { browserPage, signInThroughOAuth } from "./web_browser.mjs";

const [base, email, password, otherToken] = process.argv.slice(2);
const TIMEOUT = 15000;

async function asOther(method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${otherToken}`, "Content-Type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const { browser, page, problems } = await browserPage({ timeout: TIMEOUT });
try {
  // Sign in through agora's own pages (OAuth authorization code with PKCE).
  await signInThroughOAuth(page, base, email, password);
  const compose = page.getByRole("form", { name: "New post" });
  await compose.waitFor();
  await page.locator(".live.on").waitFor();

  // A post with a content warning: the text stays hidden until revealed.
  await compose.getByLabel("Add a content warning").check();
  await compose.getByLabel("Content warning", { exact: true }).fill("Spoilers ahead");
  await compose.getByLabel("What's on your mind?").fill("The butler did it");
  await compose.getByRole("button", { name: "Publish" }).click();
  const mine = page.locator("article.status", { hasText: "Spoilers ahead" });
  await mine.waitFor();
  if (await mine.getByText("The butler did it").count()) throw new Error("the content warning did not hide the text");
  await mine.getByRole("button", { name: "Show more" }).click();
  await mine.getByText("The butler did it").waitFor();
  const myStatusId = await mine.getAttribute("data-id");

  // Another member's post arrives live through the streaming API.
  await asOther("POST", "/api/v1/statuses", { status: "Live from the other side" });
  const theirs = page.locator("article.status", { hasText: "Live from the other side" });
  await theirs.waitFor();

  // Reply to it.
  await theirs.getByRole("button", { name: "Reply" }).click();
  await compose.getByText(/Replying to @/).waitFor();
  const text = compose.getByLabel("What's on your mind?");
  await text.fill(`${await text.inputValue()}I agree`);
  await compose.getByRole("button", { name: "Publish" }).click();
  await page.locator("article.status", { hasText: "I agree" }).waitFor();

  // Favourite it.
  await theirs.getByRole("button", { name: "Favourite" }).click();
  await theirs.getByRole("button", { name: "Undo favourite" }).waitFor();

  // Search finds the other member; their profile unfollows and follows.
  await page.getByRole("navigation").getByRole("link", { name: "Search" }).click();
  await page.getByLabel("Search for people, hashtags and posts").fill("grace");
  await page.getByLabel("Search for people, hashtags and posts").press("Enter");
  await page.getByRole("link", { name: /@grace/ }).first().click();
  await page.getByRole("heading", { name: "grace" }).waitFor();
  await page.getByRole("button", { name: "Unfollow" }).click();
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await page.getByRole("button", { name: "Unfollow" }).waitFor();

  // A notification, arriving live while the notifications are open.
  await page.getByRole("navigation").getByRole("link", { name: "Notifications" }).click();
  await page.getByRole("heading", { name: "Notifications" }).waitFor();
  await page.locator(".live.on").waitFor();
  await asOther("POST", `/api/v1/statuses/${myStatusId}/favourite`);
  await page.getByText(/favourited your post/).waitFor();

  // The other screens render: favourites (holds the post favourited above), a new list, direct messages.
  const nav = page.getByRole("navigation");
  await nav.getByRole("link", { name: "Favourites" }).click();
  await page.locator("article.status", { hasText: "Live from the other side" }).waitFor();
  await nav.getByRole("link", { name: "Lists" }).click();
  await page.getByLabel("Name of the new list").fill("Friends");
  await page.getByRole("button", { name: "Create list" }).click();
  await page.getByRole("link", { name: "Friends" }).click();
  await page.getByRole("heading", { name: "List: Friends" }).waitFor();
  await nav.getByRole("link", { name: "Direct messages" }).click();
  await page.getByRole("heading", { name: "Direct messages" }).waitFor();
  await nav.getByRole("link", { name: "Notifications" }).click();

  // German.
  await page.locator("header.top").getByLabel("Language").selectOption("de");
  await page.getByRole("heading", { name: "Mitteilungen" }).waitFor();
  await page.getByRole("navigation").getByRole("link", { name: "Startseite" }).waitFor();
  await page.getByText(/hat deinen Beitrag favorisiert/).waitFor();
  if ((await page.getAttribute("html", "lang")) !== "de") throw new Error("html lang is not de");

  // First render of the signed-in home timeline, from navigation start.
  await page.locator("header.top").getByLabel("Sprache").selectOption("en");
  await page.goto(`${base}/web`);
  await page.locator("article.status").first().waitFor();
  const timings = await page.evaluate(() => ({
    firstRenderMs: Math.round(performance.now()),
    firstContentfulPaintMs: Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1),
  }));
  if (problems.length) throw new Error(problems.join("\n"));
  console.log(JSON.stringify(timings));
} finally {
  await browser.close();
}
