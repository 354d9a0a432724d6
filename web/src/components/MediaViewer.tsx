// Media shown large, one at a time, with its alt text; arrow keys move.
import { useState } from "preact/hooks";
import { t } from "../i18n";
import type { Media } from "../types";
import { Dialog } from "./Dialog";

export function MediaViewer({ media, start, onClose }: { media: Media[]; start: number; onClose: () => void }) {
  const [i, setI] = useState(start);
  const m = media[i];
  const move = (d: number) => setI((n) => (n + d + media.length) % media.length);
  return (
    <Dialog label={t("viewer.title")} class="viewer" onClose={onClose} onKeyDown={(e) => {
      if (e.key === "ArrowRight") move(1);
      else if (e.key === "ArrowLeft") move(-1);
    }}>
      <figure>
        {m.type === "video" || m.type === "gifv"
          ? <video src={m.url} controls autoplay aria-label={m.description ?? undefined} />
          : <img src={m.url} alt={m.description ?? ""} />}
        <figcaption>
          <span class="badge">{t("status.alt")}</span> {m.description || t("status.noAlt")}
        </figcaption>
      </figure>
      {media.length > 1 && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => move(-1)}>{t("viewer.previous")}</button>
          <span role="status">{t("viewer.position", { n: i + 1, total: media.length })}</span>
          <button type="button" class="secondary" onClick={() => move(1)}>{t("viewer.next")}</button>
        </div>
      )}
    </Dialog>
  );
}
