// agora's web client composing in a real browser (Debian's Chromium, headless,
// loopback; signed in by a token in localStorage, as after the OAuth flow that
// web_client_e2e.mjs tests): an image with alt text marked sensitive, a poll,
// editing a post, a thread, the character counter, accepting a follow request. Saves screenshots of the
// main screens at desktop and phone widths into SCREENSHOT_DIR.
// Usage: node web_client_compose.mjs BASE_URL TOKEN PNG_FILE SCREENSHOT_DIR
import { signedInBrowser } from "./web_browser.mjs";
const [base, token, pngPath, shots] = process.argv.slice(2);
const { browser, page, finish } = await signedInBrowser(token);
try {
  await page.goto(base + "/web");
  const compose = page.getByRole("form", { name: "New post" });
  await compose.locator('input[type=file]').setInputFiles(pngPath);
  await compose.getByLabel(/Description \(alt text\)/).fill("A red square");
  await compose.getByLabel("Mark media as sensitive").check();
  await compose.getByLabel("What's on your mind?").fill("Media post");
  await compose.getByRole("button", { name: "Publish" }).click();
  const media = page.locator("article.status", { hasText: "Media post" });
  await media.getByRole("button", { name: /Show media/ }).click();
  await media.locator('img[alt="A red square"]').waitFor();
  await media.getByText("A red square").waitFor();
  // poll
  await compose.getByRole("button", { name: "Add a poll" }).click();
  await compose.getByLabel("Choice 1").fill("Yes");
  await compose.getByLabel("Choice 2").fill("No");
  await compose.getByLabel("What's on your mind?").fill("Poll post");
  await compose.getByRole("button", { name: "Publish" }).click();
  const poll = page.locator("article.status", { hasText: "Poll post" });
  await poll.getByText("Yes").waitFor();
  // edit
  const pollId = await poll.getAttribute("data-id");
  await poll.getByRole("button", { name: "Edit" }).click();
  const edit = page.locator(`article[data-id="${pollId}"]`);
  await edit.locator("textarea").fill("Poll post, edited");
  await edit.getByRole("button", { name: "Save" }).click();
  await page.locator("article.status", { hasText: "Poll post, edited" }).getByText(/edited/).first().waitFor();
  // thread
  await page.locator("article.status", { hasText: "Media post" }).locator("a.time").click();
  await page.getByRole("heading", { name: "Thread" }).waitFor();
  await page.locator("article.status.focused").waitFor();
  // counter
  await page.getByLabel("What's on your mind?").fill("x".repeat(510));
  await page.getByText("-10 characters left").waitFor();
  if (!(await page.getByRole("button", { name: "Publish" }).isDisabled())) throw new Error("too long a post can be published");
  await page.screenshot({ path: `${shots}/thread-desktop.png`, fullPage: true });
  // A follow request (the account is locked) is accepted from its notification.
  await page.getByRole("navigation").getByRole("link", { name: "Notifications" }).click();
  await page.getByText(/asked to follow you/).waitFor();
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Accepted").waitFor();
  for (const [name, path] of [["home", "/web"], ["notifications", "/web/notifications"], ["search", "/web/search?q=post"]]) {
    for (const [width, height, label] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
      await page.setViewportSize({ width, height });
      await page.goto(base + path);
      await page.locator("main h1").waitFor();
      if (name !== "notifications") await page.locator("article.status").first().waitFor();
      await page.screenshot({ path: `${shots}/${name}-${label}.png` });
    }
  }
  finish();
  console.log("OK");
} finally {
  await browser.close();
}
