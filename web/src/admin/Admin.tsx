// The admin area (its own chunk): reports, accounts, instance policy and more, each
// shown to staff whose role grants the permission it needs.
import type { Account } from "../types";
import { can, Perm } from "../permissions";
import { AccountDetail } from "./AccountDetail";
import { Announcements } from "./Announcements";
import { Accounts } from "./Accounts";
import { Appeals } from "./Appeals";
import { Emoji } from "./Emoji";
import { at } from "./i18n";
import { Invites } from "./Invites";
import { Policy } from "./Policy";
import { ReportDetail } from "./ReportDetail";
import { Reports } from "./Reports";
import { Trends } from "./Trends";
import type { AdminKey } from "./strings/en";
// The dashboard, federation overview, audit log and server configuration.
import { AuditLog } from "./AuditLog";
import { Dashboard } from "./Dashboard";
import { Instances } from "./Instances";
import { Roles } from "./Roles";
import { Rules } from "./Rules";
import { Settings } from "./Settings";

const SECTIONS: [string, AdminKey, number][] = [
  ["reports", "nav.reports", Perm.manageReports],
  ["accounts", "nav.accounts", Perm.manageUsers],
  ["policy", "nav.policy", Perm.manageBlocks | Perm.manageFederation],
  ["trends", "nav.trends", Perm.manageTaxonomies],
  ["invites", "nav.invites", Perm.manageInvites],
  ["appeals", "nav.appeals", Perm.manageAppeals],
  ["announcements", "nav.announcements", Perm.manageAnnouncements],
  ["emoji", "nav.emoji", Perm.manageCustomEmojis],
  ["dashboard", "nav.dashboard", Perm.viewDashboard],
  ["instances", "nav.instances", Perm.manageFederation],
  ["audit", "nav.audit", Perm.viewAuditLog],
  ["settings", "nav.settings", Perm.manageSettings],
  ["rules", "nav.rules", Perm.manageRules],
  ["roles", "nav.roles", Perm.manageRoles],
];

function Section({ parts, search, me }: { parts: string[]; search: URLSearchParams; me: Account | null }) {
  const [section, id] = parts;
  switch (section) {
    case "reports": return id ? <ReportDetail id={id} me={me} /> : <Reports resolved={search.has("resolved")} key={search.toString()} />;
    case "accounts": return id ? <AccountDetail id={id} key={id} /> : <Accounts initialStatus={search.get("status") ?? ""} key={search.toString()} />;
    case "trends": return <Trends />;
    case "invites": return <Invites />;
    case "appeals": return <Appeals />;
    case "dashboard": return <Dashboard />;
    case "instances": return <Instances />;
    case "audit": return <AuditLog />;
    case "settings": return <Settings />;
    case "rules": return <Rules />;
    case "roles": return <Roles />;
    case "announcements": return <Announcements />;
    case "emoji": return <Emoji />;
    default: return <Policy me={me} />;
  }
}

export function Admin({ parts, search, me }: { parts: string[]; search: URLSearchParams; me: Account | null }) {
  const sections = SECTIONS.filter(([, , perm]) => can(me, perm));
  const current = sections.find(([name]) => name === parts[0])?.[0] ?? sections[0]?.[0];
  return (
    <div class="admin">
      <h1>{at("title")}</h1>
      <nav aria-label={at("nav.label")} class="admin-filter">
        {sections.map(([name, label]) => (
          <a key={name} href={`/web/admin/${name}`} aria-current={name === current ? "page" : undefined}>{at(label)}</a>
        ))}
      </nav>
      {current && <Section parts={[current, ...parts.slice(1)]} search={search} me={me} />}
    </div>
  );
}
