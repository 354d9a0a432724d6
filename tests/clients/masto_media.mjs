// Uploads a picture with alt text through masto.js and posts it.
// Prints one JSON object of what it saw; pytest asserts.
// Usage: node masto_media.mjs BASE_URL TOKEN PATH
import { readFile } from "node:fs/promises";
import { createRestAPIClient } from "masto";

const [url, token, path] = process.argv.slice(2);
const client = createRestAPIClient({ url, accessToken: token });
const file = new Blob([await readFile(path)], { type: "image/png" });
const media = await client.v2.media.create({ file, description: "made by masto.js" });
const status = await client.v1.statuses.create({ status: "posted from masto.js", mediaIds: [media.id] });
console.log(JSON.stringify({
  id: media.id,
  description: media.description,
  attached: status.mediaAttachments.map((m) => m.id),
  width: status.mediaAttachments[0]?.meta?.original?.width,
}));
