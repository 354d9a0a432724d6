// One uploaded file in the composer: its alt text and its focal point (the
// spot crops keep in view), set by two sliders or by clicking the preview.
import { t } from "../i18n";
import type { Media } from "../types";

export interface Upload { media: Media; name: string; description: string; focus: { x: number; y: number } }

interface Props { upload: Upload; onChange: (u: Upload) => void; onRemove: () => void }

const clamp = (v: number) => Math.max(-1, Math.min(1, Math.round(v * 100) / 100));

export function UploadItem({ upload: u, onChange, onRemove }: Props) {
  const image = u.media.type === "image" && u.media.preview_url;
  const slider = (axis: "x" | "y", label: string) => (
    <label>
      {label}
      <input type="range" min={-1} max={1} step={0.05} value={u.focus[axis]}
        onInput={(e) => onChange({ ...u, focus: { ...u.focus, [axis]: Number((e.target as HTMLInputElement).value) } })} />
    </label>
  );
  return (
    <div class="upload">
      {image && (
        <div class="focal">
          <img src={u.media.preview_url!} alt="" width={96} height={96} onClick={(e) => {
            // Mastodon's focus: x from -1 (left) to 1 (right), y from 1 (top) to -1 (bottom).
            const r = (e.target as HTMLImageElement).getBoundingClientRect();
            onChange({ ...u, focus: { x: clamp(((e.clientX - r.left) / r.width) * 2 - 1),
              y: clamp(1 - ((e.clientY - r.top) / r.height) * 2) } });
          }} />
          <span class="dot" aria-hidden="true"
            style={{ left: `${(u.focus.x + 1) * 50}%`, top: `${(1 - u.focus.y) * 50}%` }} />
        </div>
      )}
      <div class="upload-fields">
        <label>
          {t("compose.alt", { name: u.name })}
          <input type="text" value={u.description} maxLength={1500}
            onInput={(e) => onChange({ ...u, description: (e.target as HTMLInputElement).value })} />
        </label>
        {image && (
          <fieldset class="focus-fields">
            <legend>{t("compose.focus", { name: u.name })}</legend>
            {slider("x", t("compose.focusX"))}
            {slider("y", t("compose.focusY"))}
          </fieldset>
        )}
        <button type="button" class="secondary small" onClick={onRemove}>{t("compose.removeMedia", { name: u.name })}</button>
      </div>
    </div>
  );
}

// What PUT /api/v1/media/:id needs to learn, if anything.
export function mediaUpdate(u: Upload): Record<string, string> | null {
  const body: Record<string, string> = {};
  if (u.description) body.description = u.description;
  if (u.focus.x !== 0 || u.focus.y !== 0) body.focus = `${u.focus.x},${u.focus.y}`;
  return Object.keys(body).length ? body : null;
}
