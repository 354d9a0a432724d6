// Suggestions while writing: @mentions (accounts), #hashtags and
// :custom_emoji:, as an ARIA combobox on the textarea. Arrow keys move,
// Enter or Tab picks, Escape closes.
import { useEffect, useRef, useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";
import type { Account, Emoji, SearchResults } from "../types";

interface Suggestion { id: string; label: string; detail?: string; insert: string; image?: string }

// The word being written at the caret, when it starts with @, # or :.
export function wordAt(text: string, caret: number): { start: number; word: string } | null {
  const m = /(?:^|[\s(])([@#:][\p{L}\p{N}_.@-]*)$/u.exec(text.slice(0, caret));
  if (!m) return null;
  const word = m[1];
  if (word.length < (word[0] === ":" ? 3 : 2)) return null;
  return { start: caret - word.length, word };
}

let emojis: Promise<Emoji[]> | null = null;
const customEmojis = () => (emojis ??= get<Emoji[]>("/api/v1/custom_emojis").catch(() => []));

async function suggest(word: string): Promise<Suggestion[]> {
  const q = encodeURIComponent(word.slice(1));
  if (word[0] === "@") {
    const r = await get<SearchResults>(`/api/v2/search?type=accounts&limit=5&q=${q}`);
    return r.accounts.map((a: Account) => ({ id: a.id, label: `@${a.acct}`, detail: a.display_name, insert: `@${a.acct} `,
      image: a.avatar }));
  }
  if (word[0] === "#") {
    const r = await get<SearchResults>(`/api/v2/search?type=hashtags&limit=5&q=${q}`);
    return r.hashtags.map((h) => ({ id: h.name, label: `#${h.name}`, insert: `#${h.name} ` }));
  }
  const part = word.slice(1).toLowerCase();
  return (await customEmojis()).filter((e) => e.shortcode.toLowerCase().includes(part)).slice(0, 8)
    .map((e) => ({ id: e.shortcode, label: `:${e.shortcode}:`, insert: `:${e.shortcode}: `, image: e.url }));
}

export function useAutocomplete(id: string, text: string, setText: (s: string) => void,
                                field: { current: HTMLTextAreaElement | null }) {
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const [word, setWord] = useState<{ start: number; word: string } | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const el = field.current;
    const w = el && document.activeElement === el ? wordAt(text, el.selectionStart) : null;
    setWord(w);
    if (!w) return setItems([]);
    const n = ++asked.current;
    const timer = setTimeout(() => suggest(w.word).then((s) => {
      if (n !== asked.current) return;  // a newer word was asked for
      setItems(s);
      setActive(0);
    }).catch(() => setItems([])), 200);
    return () => clearTimeout(timer);
  }, [text]);

  const open = items.length > 0 && word !== null;
  const pick = (s: Suggestion) => {
    if (!word) return;
    const before = text.slice(0, word.start) + s.insert;
    setText(before + text.slice(word.start + word.word.length).replace(/^ /, ""));
    setItems([]);
    requestAnimationFrame(() => field.current?.setSelectionRange(before.length, before.length));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setItems([]);
    }
  };
  const listId = `${id}-suggestions`;
  const optionId = (i: number) => `${listId}-${i}`;
  const fieldProps = {
    role: "combobox" as const, "aria-autocomplete": "list" as const, "aria-expanded": open, "aria-controls": listId,
    "aria-activedescendant": open ? optionId(active) : undefined, onKeyDown,
  };
  const list = (
    <ul id={listId} role="listbox" class="suggestions" aria-label={t("compose.suggestions")} hidden={!open}>
      {open && items.map((s, i) => (
        <li key={s.id} id={optionId(i)} role="option" aria-selected={i === active}
          onMouseDown={(e) => { e.preventDefault(); pick(s); }}>
          {s.image && <img src={s.image} alt="" width={20} height={20} />}
          <span>{s.label}</span>{s.detail && <span class="muted"> {s.detail}</span>}
        </li>
      ))}
    </ul>
  );
  return { fieldProps, list };
}
