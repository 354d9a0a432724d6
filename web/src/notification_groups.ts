// Mastodon's grouped notifications (GET /api/v2/notifications): groups of
// notifications about one thing ("alice and 2 others favourited your post"),
// with the accounts and statuses they refer to sent once beside them. A live
// notification (streaming, API v1 shape) joins its group or starts a new one.
import type { Account, Notification, Status } from "./types";

export interface NotificationGroup {
  group_key: string; notifications_count: number; type: string; most_recent_notification_id: string;
  page_min_id?: string; page_max_id?: string; latest_page_notification_at?: string;
  sample_account_ids: string[]; status_id?: string | null;
}
export interface GroupedNotifications {
  accounts: Account[]; statuses: Status[]; notification_groups: NotificationGroup[];
}

export interface GroupState {
  groups: NotificationGroup[];
  accounts: Record<string, Account>;
  statuses: Record<string, Status>;
}

export const emptyGroups: GroupState = { groups: [], accounts: {}, statuses: {} };

const byId = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((x) => [x.id, x]));

// An older page goes after what is shown; a group already shown keeps its place.
export function appendPage(state: GroupState, page: GroupedNotifications): GroupState {
  const known = new Set(state.groups.map((g) => g.group_key));
  return {
    groups: [...state.groups, ...page.notification_groups.filter((g) => !known.has(g.group_key))],
    accounts: { ...state.accounts, ...byId(page.accounts) },
    statuses: { ...state.statuses, ...byId(page.statuses) },
  };
}

export function addLive(state: GroupState, n: Notification & { group_key?: string }): GroupState {
  const key = n.group_key ?? `ungrouped-${n.id}`;
  const old = state.groups.find((g) => g.group_key === key);
  if (old && old.most_recent_notification_id === n.id) return state;
  const group: NotificationGroup = old
    ? { ...old, notifications_count: old.notifications_count + 1, most_recent_notification_id: n.id,
        sample_account_ids: [n.account.id, ...old.sample_account_ids.filter((id) => id !== n.account.id)].slice(0, 8) }
    : { group_key: key, notifications_count: 1, type: n.type, most_recent_notification_id: n.id,
        sample_account_ids: [n.account.id], status_id: n.status?.id ?? null };
  return {
    groups: [group, ...state.groups.filter((g) => g.group_key !== key)],
    accounts: { ...state.accounts, [n.account.id]: n.account },
    statuses: n.status ? { ...state.statuses, [n.status.id]: n.status } : state.statuses,
  };
}

export function replaceStatus(state: GroupState, s: Status): GroupState {
  return { ...state, statuses: { ...state.statuses, [s.id]: s } };
}
