// One policy list (domain blocks, allows, e-mail blocks, IP blocks): its
// entries with delete (and edit where the API has it) and a form to add one.
import type { ComponentType } from "preact";
import { useState } from "preact/hooks";
import { api } from "../api";
import { useRun, usePage } from "./hooks";
import { at } from "./i18n";
import { Alert, More } from "./parts";
import type { Entry } from "./types";

export interface FormProps<T> { path: string; initial?: T; onSaved: (item: T) => void; onCancel?: () => void }

interface Props<T extends Entry> {
  slug: string; title: string; path: string;
  describe: (item: T) => string;
  Form: ComponentType<FormProps<T>>;
  editable?: boolean;
}

export function Entries<T extends Entry>({ slug, title, path, describe, Form, editable }: Props<T>) {
  const { items, setItems, error: loadError, more } = usePage<T>(path);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, run] = useRun();
  const remove = (item: T) => run(async () => {
    await api("DELETE", `${path}/${item.id}`);
    setItems(items.filter((i) => i.id !== item.id));
  });
  const saved = (item: T) => {
    setItems(items.some((i) => i.id === item.id) ? items.map((i) => (i.id === item.id ? item : i)) : [item, ...items]);
    setEditing(null);
  };
  return (
    <section class="card" aria-labelledby={`${slug}-title`}>
      <h3 id={`${slug}-title`}>{title}</h3>
      <Form path={path} onSaved={saved} />
      <Alert error={loadError || error} />
      <ul class="plain admin-entries">
        {items.map((item) => (
          <li key={item.id}>
            {editing === item.id ? <Form path={path} initial={item} onSaved={saved} onCancel={() => setEditing(null)} /> : <>
              <span>{describe(item)}</span>{" "}
              {editable && <button type="button" class="secondary small" onClick={() => setEditing(item.id)}>
                {at("policy.edit")}<span class="visually-hidden"> {describe(item)}</span>
              </button>}{" "}
              <button type="button" class="secondary danger small" onClick={() => remove(item)}>
                {at("policy.delete")}<span class="visually-hidden"> {describe(item)}</span>
              </button>
            </>}
          </li>
        ))}
      </ul>
      <More more={more} />
    </section>
  );
}
