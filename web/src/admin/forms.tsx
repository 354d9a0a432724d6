// The forms that add (or edit) policy entries.
import { api, post } from "../api";
import type { FormProps } from "./Entries";
import { useFields, useRun } from "./hooks";
import { at } from "./i18n";
import { Alert, Select } from "./parts";
import type { AdminKey } from "./strings/en";
import type { DomainBlock, Entry, IpBlock } from "./types";

// Saves new entries with POST, edited ones with PUT, and reports failures.
function FormShell<T extends Entry>({ props, label, body, children }: {
  props: FormProps<T>; label: string; body: () => Record<string, unknown>; children: preact.ComponentChildren;
}) {
  const [error, run] = useRun();
  const { path, initial, onSaved, onCancel } = props;
  return (
    <form class="admin-form" aria-label={label} onSubmit={(e) => {
      e.preventDefault();
      run(async () => onSaved(initial ? await api<T>("PUT", `${path}/${initial.id}`, body()) : await post<T>(path, body())));
    }}>
      {children}
      <Alert error={error} />
      <button type="submit">{initial ? at("policy.save") : at("policy.add")}</button>
      {onCancel && <button type="button" class="secondary" onClick={onCancel}>{at("policy.cancel")}</button>}
    </form>
  );
}

// A form of one text field (domain allows, e-mail domain blocks, canonical e-mail blocks).
export function oneFieldForm<T extends Entry>(param: string, label: AdminKey, formLabel: AdminKey) {
  return function OneField(props: FormProps<T>) {
    const { values, bind } = useFields({ value: "" });
    return (
      <FormShell props={props} label={at(formLabel)} body={() => ({ [param]: values.value.trim() })}>
        <label>{at(label)}<input type="text" required maxLength={320} {...bind("value")} /></label>
      </FormShell>
    );
  };
}

const SEVERITIES: [string, AdminKey][] = [["silence", "domain.silence"], ["suspend", "domain.suspend"], ["noop", "domain.noop"]];

export function DomainBlockForm(props: FormProps<DomainBlock>) {
  const b = props.initial;
  const { values, bind, check } = useFields({
    domain: b?.domain ?? "", severity: b?.severity ?? "silence", reject_media: b?.reject_media ?? false,
    reject_reports: b?.reject_reports ?? false, obfuscate: b?.obfuscate ?? false,
    public_comment: b?.public_comment ?? "", private_comment: b?.private_comment ?? "",
  });
  return (
    <FormShell props={props} label={b ? at("domain.editing", { domain: b.domain }) : at("domain.new")}
      body={() => ({ ...values, domain: values.domain.trim() })}>
      {!b && <label>{at("domain.domain")}<input type="text" required maxLength={253} {...bind("domain")} /></label>}
      <Select label={at("domain.severity")} options={SEVERITIES} bound={bind("severity")} />
      <label class="check"><input type="checkbox" {...check("reject_media")} /> {at("domain.rejectMedia")}</label>
      <label class="check"><input type="checkbox" {...check("reject_reports")} /> {at("domain.rejectReports")}</label>
      <label class="check"><input type="checkbox" {...check("obfuscate")} /> {at("domain.obfuscate")}</label>
      <label>{at("domain.publicComment")}<input type="text" maxLength={1000} {...bind("public_comment")} /></label>
      <label>{at("domain.privateComment")}<input type="text" maxLength={1000} {...bind("private_comment")} /></label>
    </FormShell>
  );
}

const IP_SEVERITIES: [string, AdminKey][] = [
  ["sign_up_requires_approval", "ip.approval"], ["sign_up_block", "ip.signUpBlock"], ["no_access", "ip.noAccess"],
];
const EXPIRIES: [string, AdminKey][] = [
  ["", "ip.never"], [String(86400), "ip.day"], [String(14 * 86400), "ip.twoWeeks"], [String(365 * 86400), "ip.year"],
];

export function IpBlockForm(props: FormProps<IpBlock>) {
  const b = props.initial;
  const { values, bind } = useFields({
    ip: b?.ip ?? "", severity: b?.severity ?? "sign_up_requires_approval", expires_in: "", comment: b?.comment ?? "",
  });
  return (
    <FormShell props={props} label={b ? at("ip.editing", { ip: b.ip }) : at("ip.new")} body={() => ({
      ip: values.ip.trim(), severity: values.severity, comment: values.comment,
      ...(values.expires_in ? { expires_in: Number(values.expires_in) } : {}),
    })}>
      <label>{at("ip.ip")}<input type="text" required maxLength={64} {...bind("ip")} /></label>
      <Select label={at("ip.severity")} options={IP_SEVERITIES} bound={bind("severity")} />
      <Select label={at("ip.expires")} options={EXPIRIES} bound={bind("expires_in")} />
      <label>{at("ip.comment")}<input type="text" maxLength={1000} {...bind("comment")} /></label>
    </FormShell>
  );
}
