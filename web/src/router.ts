// Client-side routes under /web (agora answers every /web/* with index.html).
import { useEffect, useState } from "preact/hooks";

const listeners = new Set<() => void>();

export function navigate(path: string, replace = false) {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

addEventListener("popstate", () => listeners.forEach((l) => l()));

export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return { path: location.pathname.replace(/\/+$/, "") || "/web", search: new URLSearchParams(location.search) };
}

// Follows in-app links without reloading; lets modified clicks open new tabs.
export function onLinkClick(e: MouseEvent) {
  const a = (e.target as Element).closest("a");
  if (!a || a.getAttribute("href")?.startsWith("#") || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith("/web") || a.target) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
}
