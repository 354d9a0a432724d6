// Mastodon's role permission bits (the credential account's role.permissions)
// that open the admin area's sections; administrator grants them all.
import type { Account } from "./types";

export const Perm = {
  administrator: 1,
  manageReports: 1 << 4,
  manageFederation: 1 << 5,
  manageBlocks: 1 << 7,
  manageUsers: 1 << 10,
  // The dashboard, the audit log and the server's configuration.
  viewAuditLog: 1 << 2,
  viewDashboard: 1 << 3,
  manageSettings: 1 << 6,
  manageRules: 1 << 12,
  manageRoles: 1 << 17,
  // Trends review, invites and appeals.
  manageTaxonomies: 1 << 8,
  manageAppeals: 1 << 9,
  manageInvites: 1 << 11,
  manageAnnouncements: 1 << 13,
  manageCustomEmojis: 1 << 14,
} as const;

export function can(me: Account | null, bits: number): boolean {
  const granted = Number(me?.role?.permissions ?? 0);
  return (granted & Perm.administrator) !== 0 || (granted & bits) !== 0;
}

export const isStaff = (me: Account | null) =>
  can(me, Perm.manageReports | Perm.manageUsers | Perm.manageBlocks | Perm.manageFederation |
    Perm.viewDashboard | Perm.viewAuditLog | Perm.manageSettings | Perm.manageRules | Perm.manageRoles |
    Perm.manageTaxonomies | Perm.manageAppeals | Perm.manageInvites | Perm.manageAnnouncements |
    Perm.manageCustomEmojis);
