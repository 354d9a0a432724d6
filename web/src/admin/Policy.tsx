// Instance policy: which servers, e-mail domains, addresses and IPs are kept out.
import type { Account } from "../types";
import { can, Perm } from "../permissions";
import { Entries } from "./Entries";
import { DomainBlockForm, IpBlockForm, oneFieldForm } from "./forms";
import { at } from "./i18n";
import type { AdminKey } from "./strings/en";
import type { DomainBlock, Entry, IpBlock } from "./types";

type Named = Entry & { domain: string };
const DomainAllowForm = oneFieldForm<Named>("domain", "domain.domain", "allow.new");
const EmailDomainForm = oneFieldForm<Named>("domain", "domain.domain", "emailDomain.new");
const CanonicalForm = oneFieldForm<Entry & { canonical_email_hash: string }>("email", "canonical.email", "canonical.new");

const SEVERITY: Record<string, AdminKey> = {
  silence: "domain.silence", suspend: "domain.suspend", noop: "domain.noop",
  sign_up_requires_approval: "ip.approval", sign_up_block: "ip.signUpBlock", no_access: "ip.noAccess",
};

export function Policy({ me }: { me: Account | null }) {
  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">{at("policy.title")}</h2>
      {can(me, Perm.manageFederation) && <>
        <Entries<DomainBlock> slug="domain-blocks" title={at("policy.domainBlocks")} path="/api/v1/admin/domain_blocks"
          describe={(b) => `${b.domain} (${at(SEVERITY[b.severity])})`} Form={DomainBlockForm} editable />
        <Entries<Named> slug="domain-allows" title={at("policy.domainAllows")} path="/api/v1/admin/domain_allows"
          describe={(a) => a.domain} Form={DomainAllowForm} />
      </>}
      {can(me, Perm.manageBlocks) && <>
        <Entries<Named> slug="email-domain-blocks" title={at("policy.emailDomainBlocks")}
          path="/api/v1/admin/email_domain_blocks" describe={(b) => b.domain} Form={EmailDomainForm} />
        <Entries<Entry & { canonical_email_hash: string }> slug="canonical-email-blocks"
          title={at("policy.canonicalEmailBlocks")} path="/api/v1/admin/canonical_email_blocks"
          describe={(b) => b.canonical_email_hash} Form={CanonicalForm} />
        <Entries<IpBlock> slug="ip-blocks" title={at("policy.ipBlocks")} path="/api/v1/admin/ip_blocks"
          describe={(b) => `${b.ip} (${at(SEVERITY[b.severity])})`} Form={IpBlockForm} editable />
      </>}
    </section>
  );
}
