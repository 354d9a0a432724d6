// The entities of the dashboard and the server's configuration screens.
export interface Measure { key: string; unit: string | null; total: string; human_value?: string; previous_total?: string; data: { date: string; value: string }[] }
export interface Dimension { key: string; data: { key: string; human_key: string; value: string; unit?: string; human_value?: string }[] }
export interface QueueCount { queue: string; kind: string; waiting: number; dead: number }
export interface Instance {
  domain: string; accounts_count: number; statuses_count: number; software: string | null;
  last_success_at: string | null; failure_count: number; unavailable_since: string | null;
  domain_block: { id: string; severity: string } | null; domain_allow: { id: string } | null;
}
export interface ActionLog {
  id: string; action: string; target_type: string; target_id: string | null; summary: string;
  account_id: string | null; acct: string; created_at: string;
}
export interface Rule { id: string; text: string; hint: string }
export interface Role { id: string; name: string; color: string; position: number; permissions: string; highlighted: boolean }
