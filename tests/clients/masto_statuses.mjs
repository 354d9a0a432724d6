// Drives agora's statuses, timelines, notifications, lists, filters and
// search with masto.js. Prints one JSON object of what it saw; pytest asserts.
// Usage: node masto_statuses.mjs BASE_URL AUTHOR_TOKEN READER_TOKEN
import { createRestAPIClient } from "masto";

const [url, authorToken, readerToken] = process.argv.slice(2);
const author = createRestAPIClient({ url, accessToken: authorToken });
const reader = createRestAPIClient({ url, accessToken: readerToken });
const seen = {};

const me = await author.v1.accounts.verifyCredentials();
await reader.v1.accounts.$select(me.id).follow();

const cw = await author.v1.statuses.create({ status: "Lesson plans #Teaching", spoilerText: "long", visibility: "unlisted", language: "en" });
seen.cw = { spoilerText: cw.spoilerText, sensitive: cw.sensitive, visibility: cw.visibility, tags: cw.tags.map((t) => t.name) };
const reply = await reader.v1.statuses.create({ status: `@${me.acct} thanks`, inReplyToId: cw.id });
seen.reply = { inReplyToId: reply.inReplyToId, mentions: reply.mentions.map((m) => m.acct) };

const fav = await reader.v1.statuses.$select(cw.id).favourite();
const boost = await reader.v1.statuses.$select(cw.id).reblog();
const mark = await reader.v1.statuses.$select(cw.id).bookmark();
seen.actions = { favourited: fav.favourited, reblogged: boost.reblog?.reblogged ?? boost.reblogged, bookmarked: mark.bookmarked };

const edited = await author.v1.statuses.$select(cw.id).update({ status: "Lesson plans, revised #Teaching", spoilerText: "long" });
const history = await author.v1.statuses.$select(cw.id).history.list();
seen.edit = { editedAt: Boolean(edited.editedAt), versions: history.length };

const poll = await author.v1.statuses.create({ status: "Which day?", poll: { options: ["Mon", "Tue"], expiresIn: 3600 } });
const voted = await reader.v1.polls.$select(poll.poll.id).votes.create({ choices: [1] });
seen.poll = { votesCount: voted.votesCount, ownVotes: voted.ownVotes };

const scheduled = await author.v1.statuses.create({ status: "later", scheduledAt: new Date(Date.now() + 3600_000).toISOString() });
seen.scheduled = { hasParams: Boolean(scheduled.params), listed: (await author.v1.scheduledStatuses.list()).length };

for (let i = 0; i < 5; i++) await author.v1.statuses.create({ status: `page item ${i}` });
const pages = [];
for await (const page of reader.v1.timelines.home.list({ limit: 3 })) {
  pages.push(page.length);
  if (pages.length === 3) break;
}
seen.homePages = pages;
seen.publicLocal = (await reader.v1.timelines.public.list({ local: true, limit: 40 })).length;
seen.tag = (await reader.v1.timelines.tag.$select("teaching").list()).map((s) => s.id);

const notes = await author.v1.notifications.list();
seen.notificationTypes = [...new Set(notes.map((n) => n.type))].sort();

const list = await reader.v1.lists.create({ title: "Teachers" });
await reader.v1.lists.$select(list.id).accounts.create({ accountIds: [me.id] });
seen.listAccounts = (await reader.v1.lists.$select(list.id).accounts.list()).map((a) => a.acct);

const filter = await reader.v2.filters.create({ title: "No spoilers", context: ["home"], filterAction: "warn", keywordsAttributes: [{ keyword: "revised", wholeWord: true }] });
const filtered = await reader.v1.statuses.$select(cw.id).fetch();
seen.filter = { title: filter.title, keywords: filter.keywords.length };

const found = await reader.v2.search.list({ q: "Lesson", type: "statuses" });
seen.search = found.statuses.map((s) => s.id).includes(cw.id);

const context = await reader.v1.statuses.$select(cw.id).context.fetch();
seen.context = { descendants: context.descendants.map((s) => s.id) , replyId: reply.id };

await author.v1.statuses.$select(cw.id).remove();
seen.deleted = await author.v1.statuses.$select(cw.id).fetch().then(() => false, () => true);
console.log(JSON.stringify(seen));
