// More of agora's web client in a real browser: grouped notifications,
// scheduled posts, autocomplete, focal points, the media viewer, edit history,
// reports, settings, and an axe-core accessibility check of the main screens.
// Usage: node web_client_features.mjs BASE_URL TOKEN PNG_FILE BOB_ID
import { checkAccessibility } from "./axe_check.mjs";
import { signedInBrowser } from "./web_browser.mjs";

const [base, token, pngPath, bobId, movedId] = process.argv.slice(2);
const { browser, page, finish } = await signedInBrowser(token);
const nav = (name) => page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
try {
  // Three favourites of one post are one notification.
  await page.goto(base + "/web/notifications");
  await page.getByText(/ and 2 others favourited your post/).waitFor();
  const group = page.locator("li.notification.favourite");
  if ((await group.count()) !== 1) throw new Error(`favourites are not grouped: ${await group.count()}`);
  if ((await group.getByRole("list", { name: "Who" }).getByRole("img").count()) !== 3)
    throw new Error("the group does not show its three accounts");
  await page.getByText(/followed you$/).waitFor();
  await checkAccessibility(page, "notifications");

  // Autocomplete: a combobox whose options are picked with the keyboard.
  await nav("Home");
  const compose = page.getByRole("form", { name: "New post" });
  const text = compose.getByRole("combobox", { name: "What's on your mind?" });
  await page.locator("article.status").first().waitFor();
  await checkAccessibility(page, "home timeline");
  await text.pressSequentially("Hi @bo");
  const options = compose.getByRole("listbox", { name: "Suggestions" }).getByRole("option");
  await options.filter({ hasText: "@bob" }).waitFor();
  await checkAccessibility(page, "compose with suggestions");
  if ((await text.getAttribute("aria-expanded")) !== "true") throw new Error("the combobox is not expanded");
  const active = await text.getAttribute("aria-activedescendant");
  if (!active || (await page.locator(`#${active}`).getAttribute("aria-selected")) !== "true")
    throw new Error("no active option");
  await text.press("Enter");
  await text.pressSequentially("and #agora");
  await options.filter({ hasText: "#agoratest" }).waitFor();
  await text.press("Tab");
  await text.pressSequentially("with :blob");
  await options.filter({ hasText: ":blobcat:" }).waitFor();
  await text.press("ArrowDown");
  await text.press("ArrowUp");
  await text.press("Enter");
  if ((await text.inputValue()) !== "Hi @bob and #AgoraTest with :blobcat: ")
    throw new Error(`autocomplete wrote ${JSON.stringify(await text.inputValue())}`);
  await text.pressSequentially("@ca");
  await options.first().waitFor();
  await text.press("Escape");
  if ((await text.getAttribute("aria-expanded")) !== "false") throw new Error("Escape did not close the suggestions");
  await text.fill("Hi @bob and #AgoraTest with :blobcat:");
  await compose.getByRole("button", { name: "Publish" }).click();
  await page.locator("article.status", { hasText: "Hi @bob" }).waitFor();

  // A focal point set with the keyboard.
  await compose.locator("input[type=file]").setInputFiles([pngPath, pngPath]);
  await compose.getByLabel(/Description \(alt text\)/).first().fill("Focus test");
  await compose.getByLabel(/Description \(alt text\)/).nth(1).fill("Second image");
  const focus = compose.getByRole("group", { name: /Focal point of/ }).first();
  await focus.getByLabel("Left to right").focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await focus.getByLabel("Bottom to top").focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowUp");
  await text.fill("Focus post");
  await compose.getByRole("button", { name: "Publish" }).click();
  const focusPost = page.locator("article.status", { hasText: "Focus post" });
  await focusPost.waitFor();

  // The media viewer: alt text, arrows, focus kept inside, Escape closes and focus returns.
  const opener = focusPost.getByRole("button", { name: "Focus test" });
  await opener.click();
  const viewer = page.getByRole("dialog", { name: "Media" });
  await viewer.getByText("Focus test").waitFor();
  await checkAccessibility(page, "media viewer");
  await page.keyboard.press("ArrowRight");
  await viewer.getByText("Second image").waitFor();
  await viewer.getByText("2 of 2").waitFor();
  await page.keyboard.press("ArrowLeft");
  await viewer.getByText("1 of 2").waitFor();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    if (!(await viewer.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body)))
      throw new Error("focus left the media viewer");
  }
  await page.keyboard.press("Escape");
  await viewer.waitFor({ state: "detached" });
  if (!(await opener.evaluate((b) => b === document.activeElement))) throw new Error("focus did not return");

  // The history of an edited post.
  const edited = page.locator("article.status", { hasText: "Favourite me, edited" });
  await edited.getByRole("button", { name: "Edit history" }).click();
  const versions = edited.getByRole("list", { name: "Versions of this post" });
  await versions.getByText("Original").waitFor();
  await versions.getByText("Favourite me #AgoraTest").first().waitFor();

  // Reporting a post for breaking a rule.
  await page.goto(`${base}/web/accounts/${bobId}`);
  await page.getByRole("button", { name: "Report" }).first().waitFor();  // the profile's
  const rude = page.locator("article.status", { hasText: "Rude words" });
  await rude.getByRole("button", { name: "Report" }).click();
  const report = page.getByRole("dialog", { name: "Report bob" });
  await report.getByLabel("It breaks the server's rules").check();
  const send = report.getByRole("button", { name: "Send report" });
  if (!(await send.isDisabled())) throw new Error("a rule violation can be sent without a rule");
  await report.getByLabel("Be kind").check();
  await report.getByLabel("Anything the moderators should know").fill("Not kind");
  if (await report.getByText(/anonymous copy/).count()) throw new Error("forwarding offered for a local account");
  await checkAccessibility(page, "report dialog");
  await send.click();
  await report.getByText(/Thank you/).waitFor();
  await page.keyboard.press("Escape");
  await report.waitFor({ state: "detached" });
  await checkAccessibility(page, "profile");
  await nav("Home");

  // Two scheduled posts; one is cancelled from the list.
  const later = new Date(Date.now() + 3 * 3600000 - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  for (const words of ["Later one", "Later two"]) {
    await compose.getByLabel("Publish later").check();
    await compose.getByLabel("Publish at").fill(later);
    await text.fill(words);
    await compose.getByRole("button", { name: "Schedule" }).click();
    await compose.getByText("Scheduled.").waitFor();
  }
  if (await page.locator("article.status", { hasText: "Later one" }).count()) throw new Error("a scheduled post was shown");
  await nav("Scheduled posts");
  const first = page.locator("li.scheduled", { hasText: "Later one" });
  await page.locator("li.scheduled", { hasText: "Later two" }).waitFor();
  await first.getByRole("button", { name: "Cancel this post" }).click();
  await first.waitFor({ state: "detached" });
  await checkAccessibility(page, "scheduled posts");

  // Settings: profile with fields and an avatar, privacy defaults.
  await nav("Settings");
  const profile = page.getByRole("form", { name: "Profile" });
  await profile.getByLabel("Display name").fill("Ada L.");
  await profile.getByLabel("Bio").fill("Counting engines");
  await profile.getByLabel("Label 1").fill("Pronouns");
  await profile.getByLabel("Content 1").fill("she/her");
  await profile.getByLabel("Profile picture").setInputFiles(pngPath);
  await checkAccessibility(page, "settings");
  await profile.getByRole("button", { name: "Save changes" }).click();
  await profile.getByText("Saved.").waitFor();
  const privacy = page.getByRole("form", { name: "Privacy and defaults" });
  await privacy.getByLabel("Default visibility of new posts").selectOption("unlisted");
  await privacy.getByLabel("Default language of new posts").selectOption("de");
  await privacy.getByLabel("Always mark media as sensitive").check();
  await privacy.getByLabel("Approve followers by hand").check();
  await privacy.getByLabel("Hide whom I follow and who follows me").check();
  await privacy.getByRole("button", { name: "Save changes" }).click();
  await privacy.getByText("Saved.").waitFor();
  await page.getByRole("link", { name: "Two-factor authentication" }).waitFor();
  // The server's own pages for notification mails and moving the account.
  for (const [name, href] of [["Which notifications come by e-mail, and the weekly digest", "/settings/preferences/notifications"],
                              ["Move to a different account", "/settings/migration"],
                              ["Move from a different account", "/settings/aliases"]])
    if ((await page.getByRole("link", { name }).getAttribute("href")) !== href) throw new Error(`no link to ${href}`);

  // A moved account's profile says where it went.
  await page.goto(base + "/web/accounts/" + movedId);
  const moved = page.getByRole("note");
  await moved.getByText("eve has indicated that their new account is now:").waitFor();
  await moved.getByRole("link", { name: "@bob" }).click();
  await page.getByRole("heading", { name: "bob", level: 1 }).waitFor();

  // Following a hashtag from its timeline; it is then listed among the followed ones.
  await page.goto(base + "/web/tags/agoratest");
  await page.getByRole("button", { name: "Follow #agoratest" }).click();
  await page.getByRole("button", { name: "Unfollow #agoratest" }).waitFor();
  await nav("Followed hashtags");
  await page.getByRole("link", { name: "#agoratest" }).waitFor();
  await checkAccessibility(page, "followed hashtags");
  finish();
  console.log("OK");
} finally {
  await browser.close();
}
