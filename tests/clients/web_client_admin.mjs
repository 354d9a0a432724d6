// The web client's admin area in a real browser: a moderator signs in through
// the OAuth pages, takes a report, suspends the reported account from it (which
// resolves the report), finds the account among the suspended, approves a
// pending sign-up and a hashtag waiting on the trends screen; an admin
// adds, edits and deletes domain blocks, reads the dashboard, renames the
// server in its settings and creates an announcement; a plain member sees no
// admin area.
// Accessibility (axe-core) is checked on each admin screen.
// Usage: node web_client_admin.mjs BASE_URL MOD_EMAIL PASSWORD ADMIN_TOKEN MEMBER_TOKEN TARGET_USERNAME
import { checkAccessibility } from "./axe_check.mjs";
import { browserPage, signedInBrowser, signInThroughOAuth } from "./web_browser.mjs";

const [base, email, password, adminToken, memberToken, target] = process.argv.slice(2);

async function moderator() {
  const { browser, page, finish } = await browserPage();
  try {
    await signInThroughOAuth(page, base, email, password);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Administration" }).click();
    const sections = page.getByRole("navigation", { name: "Administration" });
    await sections.getByRole("link", { name: "Reports" }).waitFor();
    // A moderator's role has no federation or block permissions: no policy section.
    if (await sections.getByRole("link", { name: "Instance policy" }).count())
      throw new Error("a moderator sees the instance policy");
    await checkAccessibility(page, "admin reports");

    await page.getByRole("link", { name: new RegExp(`Report #\\d+: @${target}, by`) }).click();
    await page.getByRole("heading", { name: /^Report #\d+$/ }).waitFor();
    await page.getByText("Spam, again and again").first().waitFor();
    await page.getByText("Buy cheap watches").waitFor();
    await page.getByRole("button", { name: "Assign to me" }).click();
    await page.getByRole("button", { name: "Unassign" }).waitFor();
    await checkAccessibility(page, "admin report");

    const action = page.getByRole("form", { name: "Take action on this account" });
    await action.getByLabel("Suspend").check();
    await action.getByLabel("Message to the member").fill("Your account sent spam.");
    await action.getByRole("button", { name: "Apply action" }).click();
    // The action resolved the report.
    await page.getByRole("button", { name: "Reopen" }).waitFor();
    await page.locator(".admin-facts .badge", { hasText: "Suspended" }).waitFor();

    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Accounts" }).click();
    const filters = page.getByRole("form", { name: "Filter accounts" });
    await filters.getByLabel("Status").selectOption("suspended");
    await filters.getByRole("button", { name: "Filter" }).click();
    const rows = page.locator("li.card");
    await rows.filter({ hasText: `@${target}` }).getByText("Suspended").waitFor();
    await page.waitForFunction(() => document.querySelectorAll("li.card").length === 1, null, { timeout: 5000 })
      .catch(() => { throw new Error("the status filter lets others through"); });
    await checkAccessibility(page, "admin accounts");

    // A pending sign-up, approved from its page.
    await filters.getByLabel("Status").selectOption("pending");
    await filters.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("link", { name: "@carol" }).click();
    await page.getByRole("heading", { name: /@carol/ }).waitFor();
    await checkAccessibility(page, "admin account");
    await page.getByRole("button", { name: "Approve sign-up" }).click();
    await page.getByRole("button", { name: "Approve sign-up" }).waitFor({ state: "detached" });
    if (await page.getByRole("heading", { name: /Pending/ }).count()) throw new Error("still pending after approval");

    // Trends: a hashtag waiting for review is approved.
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Trends" }).click();
    const tags = page.getByRole("region", { name: "Hashtags" });
    const zebras = tags.getByRole("listitem").filter({ hasText: "#zebras" });
    await zebras.getByText("Pending review", { exact: true }).waitFor();
    await zebras.getByRole("button", { name: "Approve #zebras" }).click();
    await zebras.getByText("Approved", { exact: true }).waitFor();
    await checkAccessibility(page, "admin trends");
    finish();
  } finally {
    await browser.close();
  }
}

async function admin() {
  const { browser, page, finish } = await signedInBrowser(adminToken);
  try {
    await page.goto(`${base}/web/admin/policy`);
    const blocks = page.getByRole("region", { name: "Domain blocks" });
    const add = async (domain) => {
      const form = blocks.getByRole("form", { name: "New domain block" });
      await form.getByLabel("Domain", { exact: true }).fill(domain);
      await form.getByRole("button", { name: "Add" }).click();
      await blocks.getByRole("button", { name: `Delete ${domain} (Limit)` }).waitFor();
    };
    await add("spam.example");
    await add("oops.example");
    await checkAccessibility(page, "admin instance policy");

    // Harden the first: suspend, reject media, a public comment.
    await blocks.getByRole("button", { name: "Edit spam.example (Limit)" }).click();
    const edit = blocks.getByRole("form", { name: "Edit the block of spam.example" });
    await edit.getByLabel("Severity").selectOption("suspend");
    await edit.getByLabel("Reject media files").check();
    await edit.getByLabel("Public comment").fill("Spam source");
    await edit.getByRole("button", { name: "Save" }).click();
    await blocks.getByRole("button", { name: "Delete spam.example (Suspend)" }).waitFor();

    await blocks.getByRole("button", { name: "Delete oops.example (Limit)" }).click();
    await blocks.getByRole("button", { name: "Delete oops.example (Limit)" }).waitFor({ state: "detached" });

    // The dashboard: five sign-ups in the last 30 days, storage and the job queue.
    const sections = page.getByRole("navigation", { name: "Administration" });
    await sections.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.getByRole("listitem").filter({ hasText: /^5 new sign-ups$/ }).waitFor();
    await page.getByText(/^(SQLite|PostgreSQL): [\d.]+ (Bytes|KB|MB|GB)$/).waitFor();
    await checkAccessibility(page, "admin dashboard");

    // A settings change: the server's name, approval of sign-ups and the length of posts.
    await sections.getByRole("link", { name: "Server settings" }).click();
    const settings = page.getByRole("form", { name: "Server settings" });
    await settings.getByLabel("Server name").fill("Birdhouse");
    await settings.getByLabel("Who can sign up").selectOption("approved");
    await settings.getByLabel("Characters per post").fill("1000");
    await settings.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor();
    await checkAccessibility(page, "admin settings");
    // An announcement to every member, published at once.
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Announcements" }).click();
    const announcements = page.getByRole("region", { name: "Announcements" });
    const form = announcements.getByRole("form", { name: "New announcement" });
    await form.getByLabel("Text").fill("Maintenance on Sunday");
    await form.getByLabel("All day").check();
    await form.getByRole("button", { name: "Create announcement" }).click();
    await announcements.getByRole("button", { name: "Edit Maintenance on Sunday" }).waitFor();
    await announcements.getByRole("button", { name: "Unpublish" }).waitFor();
    await checkAccessibility(page, "admin announcements");
    finish();
  } finally {
    await browser.close();
  }
}

async function member() {
  const { browser, page, finish } = await signedInBrowser(memberToken);
  try {
    await page.goto(`${base}/web`);
    await page.getByRole("form", { name: "New post" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Profile" }).waitFor();  // the credential account has loaded
    if (await nav.getByRole("link", { name: "Administration" }).count()) throw new Error("a member sees the admin link");
    await page.goto(`${base}/web/admin/reports`);
    await page.getByRole("form", { name: "New post" }).waitFor();
    if (await page.getByRole("heading", { name: "Administration" }).count()) throw new Error("a member sees the admin area");
    finish();
  } finally {
    await browser.close();
  }
}

await moderator();
await admin();
await member();
console.log("ok");
