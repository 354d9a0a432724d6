// First render of agora's web client (bench/web_client.py): for each run a
// fresh browser context (empty cache) opens URL with the token already in
// localStorage and waits for the first post of the home timeline. Also opens
// BASELINE_URL (a server-rendered page without JavaScript) the same way.
// Usage: node web_first_render.mjs URL BASELINE_URL TOKEN RUNS
// Prints [{"client": {"renderMs", "fcpMs"}, "baseline": {"fcpMs"}}, …].
import { chromium } from "playwright-core";

const [url, baselineUrl, token, runs] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
const results = [];
try {
  for (let i = 0; i < Number(runs); i++) {
    const context = await browser.newContext();
    await context.addInitScript((t) => localStorage.setItem("agora.token", t), token);
    const page = await context.newPage();
    await page.goto(url);
    await page.locator("article.status").first().waitFor({ timeout: 15000 });
    const client = await page.evaluate(() => ({
      renderMs: Math.round(performance.now()),
      fcpMs: Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1),
    }));
    await page.goto(baselineUrl);
    await page.waitForLoadState("load");
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
    const baseline = await page.evaluate(() => ({
      fcpMs: Math.round(performance.getEntriesByName("first-contentful-paint")[0].startTime),
    }));
    results.push({ client, baseline });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
