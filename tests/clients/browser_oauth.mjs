// The OAuth authorization-code flow in a real browser (Debian's Chromium,
// driven by playwright-core): sign in on agora's page, authorize the app, and
// land on the app's redirect URI with a code. Prints {"code", "state", "title"}.
// Usage: node browser_oauth.mjs AUTHORIZE_URL EMAIL PASSWORD REDIRECT_PREFIX
import { chromium } from "playwright-core";

const [authorizeUrl, email, password, redirectPrefix] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  // The app's redirect URI is not served by anyone: catch the navigation to it.
  let redirected = null;
  await page.route(`${redirectPrefix}**`, (route) => {
    redirected = route.request().url();
    route.fulfill({ status: 200, contentType: "text/plain", body: "redirected" });
  });
  await page.goto(authorizeUrl);
  await page.fill('input[name="user[email]"]', email);
  await page.fill('input[name="user[password]"]', password);
  await Promise.all([page.waitForLoadState("load"), page.click('button[type="submit"]')]);
  const title = await page.title();
  await page.click('button[name="decision"][value="approve"]');
  await page.waitForURL(`${redirectPrefix}**`);
  const url = new URL(redirected ?? page.url());
  console.log(JSON.stringify({ code: url.searchParams.get("code"), state: url.searchParams.get("state"), title }));
} finally {
  await browser.close();
}
