// Follow or unfollow a hashtag: its posts then reach the home timeline.
import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import { t } from "../i18n";

type Tag = { name: string; following?: boolean };

export function FollowTagButton({ tag }: { tag: string }) {
  const [following, setFollowing] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/v1/tags/${encodeURIComponent(tag)}`;

  useEffect(() => {
    setFollowing(null);
    get<Tag>(path).then((t) => setFollowing(t.following ?? false)).catch(() => setFollowing(false));
  }, [tag]);

  if (following === null) return null;
  const toggle = async () => {
    setBusy(true);
    try {
      const updated = await post<Tag>(`${path}/${following ? "unfollow" : "follow"}`);
      setFollowing(updated.following ?? !following);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="secondary" aria-pressed={following} disabled={busy} onClick={toggle}>
      {following ? t("tag.unfollow", { tag }) : t("tag.follow", { tag })}
    </button>
  );
}
