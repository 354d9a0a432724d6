// Drives agora with masto.js: app registration, password login, profile,
// relationships. Prints one JSON object of what it saw; pytest asserts on it.
// Usage: node masto_flow.mjs BASE_URL EMAIL PASSWORD OTHER_USERNAME
import { createOAuthAPIClient, createRestAPIClient } from "masto";

const [url, email, password, other] = process.argv.slice(2);
const seen = {};

const anonymous = createRestAPIClient({ url });
const app = await anonymous.v1.apps.create({
  clientName: "masto.js test",
  redirectUris: "urn:ietf:wg:oauth:2.0:oob",
  scopes: "read write follow",
});
seen.app = { name: app.name, hasClientId: Boolean(app.clientId), hasSecret: Boolean(app.clientSecret) };

const oauth = createOAuthAPIClient({ url });
const token = await oauth.token.create({
  grantType: "password",
  clientId: app.clientId,
  clientSecret: app.clientSecret,
  username: email,
  password,
  scope: "read write follow",
});
seen.tokenType = token.tokenType;

const masto = createRestAPIClient({ url, accessToken: token.accessToken });
const me = await masto.v1.accounts.verifyCredentials();
seen.me = { username: me.username, acct: me.acct, sourcePrivacy: me.source?.privacy };

const updated = await masto.v1.accounts.updateCredentials({ displayName: "Masto Tester", note: "Hello from masto.js" });
seen.updated = { displayName: updated.displayName, note: updated.note };

const target = await masto.v1.accounts.lookup({ acct: other });
seen.target = { id: target.id, username: target.username };

const followed = await masto.v1.accounts.$select(target.id).follow();
seen.follow = { following: followed.following };
const [rel] = await masto.v1.accounts.relationships.fetch({ id: [target.id] });
seen.relationship = { following: rel.following, blocking: rel.blocking };
const unfollowed = await masto.v1.accounts.$select(target.id).unfollow();
seen.unfollow = { following: unfollowed.following };
const blocked = await masto.v1.accounts.$select(target.id).block();
seen.block = { blocking: blocked.blocking };
await masto.v1.accounts.$select(target.id).unblock();
const muted = await masto.v1.accounts.$select(target.id).mute({ notifications: true });
seen.mute = { muting: muted.muting, mutingNotifications: muted.mutingNotifications };
const unmuted = await masto.v1.accounts.$select(target.id).unmute();
seen.unmute = { muting: unmuted.muting };

console.log(JSON.stringify(seen));
