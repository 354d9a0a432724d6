// The shell: skip link, navigation, language choice, live indicator and the
// view for the current route. Signed-out visitors see the sign-in screen.
import { useEffect, useState } from "preact/hooks";
import { get, token } from "./api";
import { finishSignIn, signOut, startSignIn } from "./auth";
import { lang, languages, setLang, t, type Lang } from "./i18n";
import { loadInstance } from "./instance";
import { lazy } from "./lazy";
import { isStaff } from "./permissions";
import { navigate, onLinkClick, useLocation } from "./router";
import { disconnect, onLiveChange } from "./streaming";
import type { Account } from "./types";
import { Conversations } from "./views/Conversations";
import { ListPage, Lists } from "./views/Lists";
import { Notifications } from "./views/Notifications";
import { Profile } from "./views/Profile";
import { Search } from "./views/Search";
import { Thread } from "./views/Thread";
import { Timeline } from "./views/Timeline";

const FollowedTags = lazy(() => import("./views/FollowedTags").then((m) => m.FollowedTags));
const Scheduled = lazy(() => import("./views/Scheduled").then((m) => m.Scheduled));
const Settings = lazy(() => import("./views/Settings").then((m) => m.Settings));
const Strikes = lazy(() => import("./views/Strikes").then((m) => m.Strikes));
const Admin = lazy(() => import("./admin/Admin").then((m) => m.Admin));

function LanguagePicker({ onChange }: { onChange: () => void }) {
  return (
    <label class="language">
      {t("nav.language")}{" "}
      <select name="language" value={lang()} onChange={(e) => {
        setLang((e.target as HTMLSelectElement).value as Lang).then(onChange);
      }}>
        {Object.entries(languages).map(([code, name]) => <option key={code} value={code} lang={code}>{name}</option>)}
      </select>
    </label>
  );
}

function SignIn({ onLanguage }: { onLanguage: () => void }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <main id="main" class="sign-in card">
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      {error && <p role="alert" class="alert">{t("signIn.failed", { error })}</p>}
      <button type="button" disabled={busy} onClick={() => {
        setBusy(true);
        startSignIn().catch((e) => {
          setError((e as Error).message);
          setBusy(false);
        });
      }}>{busy ? t("signIn.working") : t("signIn.button")}</button>
      <LanguagePicker onChange={onLanguage} />
    </main>
  );
}

function Callback({ search }: { search: URLSearchParams }) {
  const [error, setError] = useState("");
  useEffect(() => {
    finishSignIn(search).then(() => navigate("/web", true)).catch((e) => setError((e as Error).message));
  }, []);
  return (
    <main id="main" class="sign-in card">
      {error ? <p role="alert" class="alert">{t("signIn.failed", { error })}</p> : <p role="status">{t("signIn.working")}</p>}
      {error && <a href="/web">{t("signIn.button")}</a>}
    </main>
  );
}

function View({ path, search, me }: { path: string; search: URLSearchParams; me: Account | null }) {
  const parts = path.split("/").slice(2).map(decodeURIComponent);
  switch (parts[0] ?? "") {
    case "": return <Timeline kind="home" me={me} />;
    case "local": return <Timeline kind="local" me={me} />;
    case "federated": return <Timeline kind="federated" me={me} />;
    case "tags": return <Timeline kind="tag" tag={parts[1]} me={me} key={parts[1]} />;
    case "notifications": return <Notifications me={me} />;
    case "conversations": return <Conversations me={me} />;
    case "bookmarks": return <Timeline kind="bookmarks" me={me} key="bookmarks" />;
    case "favourites": return <Timeline kind="favourites" me={me} key="favourites" />;
    case "lists": return parts[1] ? <ListPage id={parts[1]} me={me} /> : <Lists />;
    case "scheduled": return <Scheduled />;
    case "followed_tags": return <FollowedTags />;
    case "settings": return <Settings />;
    case "strikes": return <Strikes />;
    case "search": return <Search query={search.get("q") ?? ""} me={me} />;
    case "statuses": return <Thread id={parts[1]} me={me} />;
    case "accounts": return <Profile id={parts[1]} me={me} />;
    // Staff only; the API checks the role again on every call.
    case "admin": return isStaff(me) ? <Admin parts={parts.slice(1)} search={search} me={me} /> : <Timeline kind="home" me={me} />;
    default: return <Timeline kind="home" me={me} />;
  }
}

export function App() {
  const { path, search } = useLocation();
  const [, setRender] = useState(0);
  const [me, setMe] = useState<Account | null>(null);
  const [live, setLive] = useState(false);
  const rerender = () => setRender((n) => n + 1);
  const signedIn = token() !== null;

  useEffect(() => {
    if (!signedIn) return;
    loadInstance();
    get<Account>("/api/v1/accounts/verify_credentials").then(setMe).catch(() => undefined);
    return onLiveChange(setLive);
  }, [signedIn]);

  // After in-app navigation, move focus to the new view (screen readers announce it).
  const [lastPath, setLastPath] = useState(path);
  useEffect(() => {
    if (path === lastPath) return;
    setLastPath(path);
    document.getElementById("main")?.focus();
  }, [path]);

  if (path === "/web/callback") return <Callback search={search} />;
  if (!signedIn) return <SignIn onLanguage={rerender} />;

  const links: [string, string][] = [
    ["/web", t("nav.home")],
    ["/web/local", t("nav.local")],
    ["/web/federated", t("nav.federated")],
    ["/web/notifications", t("nav.notifications")],
    ["/web/search", t("nav.search")],
    ["/web/conversations", t("nav.conversations")],
    ["/web/bookmarks", t("nav.bookmarks")],
    ["/web/favourites", t("nav.favourites")],
    ["/web/lists", t("nav.lists")],
    ["/web/followed_tags", t("nav.followedTags")],
    ["/web/scheduled", t("nav.scheduled")],
  ];
  if (me) links.push([`/web/accounts/${me.id}`, t("nav.profile")]);
  links.push(["/web/settings", t("nav.settings")]);
  if (isStaff(me)) links.push(["/web/admin", t("nav.admin")]);
  return (
    <div class="layout" onClick={onLinkClick}>
      <a class="skip" href="#main">{t("skip")}</a>
      <header class="top">
        <a class="brand" href="/web">{t("app.name")}</a>
        <nav aria-label={t("nav.main")}>
          <ul>
            {links.map(([href, label]) => (
              <li key={href}><a href={href} aria-current={path === href || (href === "/web/admin" && path.startsWith(href)) ? "page" : undefined}>{label}</a></li>
            ))}
          </ul>
        </nav>
        <div class="tools">
          <span class={live ? "live on" : "live"} role="status">{live ? t("live.on") : t("live.off")}</span>
          <LanguagePicker onChange={rerender} />
          <button type="button" class="secondary small" onClick={async () => {
            disconnect();
            await signOut(token());
            navigate("/web", true);
          }}>{t("nav.signOut")}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1} key={lang()}>
        <View path={path} search={search} me={me} />
      </main>
    </div>
  );
}
