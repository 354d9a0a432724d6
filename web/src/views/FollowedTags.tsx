// The hashtags one follows (/api/v1/followed_tags), each leading to its timeline.
import { useEffect, useState } from "preact/hooks";
import { page } from "../api";
import { FollowTagButton } from "../components/FollowTagButton";
import { t } from "../i18n";

type Tag = { name: string };

export function FollowedTags() {
  const [tags, setTags] = useState<Tag[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    page<Tag>("/api/v1/followed_tags?limit=200").then((p) => setTags(p.items)).catch((e) => setError((e as Error).message));
  }, []);
  return (
    <section aria-labelledby="followed-tags-title">
      <h1 id="followed-tags-title">{t("nav.followedTags")}</h1>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      {tags && tags.length === 0 && <p class="muted">{t("timeline.empty")}</p>}
      <ul class="plain followed-tags">
        {tags?.map((tag) => (
          <li key={tag.name}>
            <a href={`/web/tags/${encodeURIComponent(tag.name)}`}>#{tag.name}</a> <FollowTagButton tag={tag.name} />
          </li>
        ))}
      </ul>
    </section>
  );
}
