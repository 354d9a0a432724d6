// A moment as the reader's language writes it.
export function when(iso: string): string {
  return new Date(iso).toLocaleString(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });
}
