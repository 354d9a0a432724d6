// State the admin screens share: a paged list (Link header) and running an
// API call while showing what went wrong.
import { useEffect, useState } from "preact/hooks";
import { page } from "../api";

export function usePage<T>(path: string) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState("");
  const [loaded, setLoaded] = useState(false);
  const load = (p: string, append: boolean) =>
    page<T>(p).then((r) => {
      setItems((old) => (append ? [...old, ...r.items] : r.items));
      setNext(r.next);
      setLoaded(true);
    }).catch((e) => setError((e as Error).message));
  useEffect(() => {
    // A new path (other filters) starts empty: no stale rows while it loads.
    setError("");
    setItems([]);
    setNext(null);
    setLoaded(false);
    load(path, false);
  }, [path]);
  return { items, setItems, error, loaded, more: next ? () => load(next, true) : null };
}

export function useRun(): [string, (task: () => Promise<unknown>) => Promise<void>] {
  const [error, setError] = useState("");
  const run = async (task: () => Promise<unknown>) => {
    setError("");
    try {
      await task();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return [error, run];
}

// Form fields kept in one object: bind("name") wires a text input, check("name") a checkbox.
export function useFields<T extends Record<string, string | boolean>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set = (name: keyof T, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));
  const bind = (name: keyof T) => ({
    value: values[name] as string,
    onInput: (e: Event) => set(name, (e.target as HTMLInputElement).value),
  });
  const check = (name: keyof T) => ({
    checked: values[name] as boolean,
    onChange: (e: Event) => set(name, (e.target as HTMLInputElement).checked),
  });
  return { values, setValues, bind, check };
}
