// A modal dialog (the native <dialog>, so the page behind it is inert and
// focus stays inside). Escape closes it; focus returns to where it was.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n";

interface Props { label: string; onClose: () => void; children: ComponentChildren; class?: string;
  onKeyDown?: (e: KeyboardEvent) => void }

export function Dialog({ label, onClose, children, class: cls, onKeyDown }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    dialog?.showModal();
    return () => {
      dialog?.close();  // the page behind stays inert until the dialog closes
      back?.focus();
    };
  }, []);
  return (
    <dialog ref={ref} class={cls ? `dialog ${cls}` : "dialog"} aria-label={label} onKeyDown={onKeyDown}
      onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <button type="button" class="secondary small close" onClick={onClose}>{t("dialog.close")}</button>
      {children}
    </dialog>
  );
}
