// A component whose code loads on first use (its own chunk), so screens and
// dialogs few visits need do not weigh on the first load.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "./i18n";

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (!C) load().then((c) => { loaded = c; setC(() => c); });
    }, []);
    return C ? <C {...props} /> : <p class="muted" role="status">{t("loading")}</p>;
  };
}
