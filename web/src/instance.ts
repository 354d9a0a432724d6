// Limits from GET /api/v2/instance (Mastodon's defaults until it answers).
import { get } from "./api";

interface Limits { maxCharacters: number; pollOptions: number; pollOptionCharacters: number }
let limits: Limits = { maxCharacters: 500, pollOptions: 4, pollOptionCharacters: 50 };

export function instanceLimits(): Limits {
  return limits;
}

export async function loadInstance(): Promise<void> {
  try {
    const i = await get<{ configuration?: { statuses?: { max_characters?: number };
      polls?: { max_options?: number; max_characters_per_option?: number } } }>("/api/v2/instance");
    limits = {
      maxCharacters: i.configuration?.statuses?.max_characters ?? limits.maxCharacters,
      pollOptions: i.configuration?.polls?.max_options ?? limits.pollOptions,
      pollOptionCharacters: i.configuration?.polls?.max_characters_per_option ?? limits.pollOptionCharacters,
    };
  } catch { /* keep the defaults */ }
}
