// How an account is named on screen: its display name, or its username when it has none.
import type { Account } from "./types";

export function displayName(a: Account): string {
  return a.display_name || a.username;
}
