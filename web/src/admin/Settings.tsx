// The server's settings: its name and descriptions, whom to contact, who
// may sign up, its languages and the limits of posts and uploads.
import { useEffect, useState } from "preact/hooks";
import { api, get } from "../api";
import { useFields, useRun } from "./hooks";
import { at } from "./i18n";
import { Alert, Select } from "./parts";

type Settings = Record<string, string>;
const TEXTS: [string, "settings.siteTitle" | "settings.contactEmail" | "settings.contactUsername"][] = [
  ["site_title", "settings.siteTitle"], ["site_contact_email", "settings.contactEmail"],
  ["site_contact_username", "settings.contactUsername"],
];
type LimitKey = "settings.languages" | "settings.maxCharacters" | "settings.maxMedia" | "settings.imageSize" | "settings.videoSize";
// Empty means the default the instance documents announce.
const LIMITS: [string, LimitKey, boolean][] = [
  ["content_languages", "settings.languages", false], ["max_characters", "settings.maxCharacters", true],
  ["max_media_attachments", "settings.maxMedia", true], ["image_size_limit", "settings.imageSize", true],
  ["video_size_limit", "settings.videoSize", true],
];
const AREAS: [string, "settings.shortDescription" | "settings.description" | "settings.extendedDescription" | "settings.closedMessage"][] = [
  ["site_short_description", "settings.shortDescription"], ["site_description", "settings.description"],
  ["site_extended_description", "settings.extendedDescription"], ["closed_registrations_message", "settings.closedMessage"],
];

export function Settings() {
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [error, setError] = useState("");
  useEffect(() => { get<Settings>("/api/v1/admin/settings").then(setLoaded, (e) => setError((e as Error).message)); }, []);
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{at("settings.title")}</h2>
      <Alert error={error} />
      {loaded && <SettingsForm initial={loaded} />}
    </section>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { values, bind, check } = useFields({
    ...initial, registrations_mode: initial.registrations_mode || "open",
    require_invite_text: initial.require_invite_text === "true",
  } as Record<string, string | boolean>);
  const [error, run] = useRun();
  const [saved, setSaved] = useState(false);
  const save = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const body: Settings = {};
    // Only what changed: settings never set stay unset.
    for (const [key, value] of Object.entries(values)) {
      const text = typeof value === "boolean" ? String(value) : value;
      if (key in initial && text !== initial[key]) body[key] = text;
    }
    if (Object.keys(body).length === 0) { setSaved(true); return; }
    run(async () => { await api("PATCH", "/api/v1/admin/settings", body); setSaved(true); });
  };
  return (
    <form class="admin-form" aria-label={at("settings.title")} onSubmit={save}>
      {TEXTS.map(([key, label]) => <label key={key}>{at(label)}<input type="text" maxLength={1000} {...bind(key)} /></label>)}
      {LIMITS.map(([key, label, numeric]) => (
        <label key={key}>{at(label)}<input type={numeric ? "number" : "text"} min={numeric ? 1 : undefined} maxLength={200} {...bind(key)} /></label>
      ))}
      {AREAS.map(([key, label]) => <label key={key}>{at(label)}<textarea rows={3} maxLength={10000} {...bind(key)} /></label>)}
      <Select label={at("settings.registrations")} bound={bind("registrations_mode")}
        options={[["open", "settings.open"], ["approved", "settings.approved"], ["none", "settings.closed"]]} />
      <label class="check"><input type="checkbox" {...check("require_invite_text")} /> {at("settings.reasonRequired")}</label>
      <Alert error={error} />
      {saved && <p role="status">{at("settings.saved")}</p>}
      <button type="submit">{at("policy.save")}</button>
    </form>
  );
}
