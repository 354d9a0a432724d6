// Mastodon's admin entities, as far as the admin area shows them.
import type { Account, Status } from "../types";

export interface AdminAccount {
  id: string; username: string; domain: string | null; created_at: string; email: string; ip: string | null;
  role: { name: string } | null; confirmed: boolean; approved: boolean; disabled: boolean; silenced: boolean;
  suspended: boolean; sensitized: boolean; locale: string | null; invite_request: string | null; account: Account;
}

export interface Report {
  id: string; action_taken: boolean; category: string; comment: string; forwarded: boolean; created_at: string;
  account: AdminAccount; target_account: AdminAccount; assigned_account: AdminAccount | null;
  statuses: Status[]; rules: { id: string; text: string }[];
}

export interface DomainBlock {
  id: string; domain: string; severity: "silence" | "suspend" | "noop"; reject_media: boolean;
  reject_reports: boolean; private_comment: string | null; public_comment: string | null; obfuscate: boolean;
}

export interface IpBlock {
  id: string; ip: string; severity: "sign_up_requires_approval" | "sign_up_block" | "no_access";
  comment: string; expires_at: string | null;
}

export interface Entry { id: string }
