// The parts of Mastodon's entities the client uses.
export interface Emoji { shortcode: string; url: string }
export interface Account {
  id: string; username: string; acct: string; display_name: string; note: string; url: string;
  avatar: string; header: string; locked: boolean; bot: boolean;
  followers_count: number; following_count: number; statuses_count: number;
  role?: { id: string; name: string; permissions: string };  // the credential account only
  moved?: Account | null;  // the account this one moved to
}
export interface Media {
  id: string; type: string; url: string; preview_url: string | null; description: string | null;
}
export interface Poll {
  id: string; expires_at: string | null; expired: boolean; multiple: boolean; votes_count: number; voted?: boolean;
  own_votes?: number[]; options: { title: string; votes_count: number | null }[];
}
export interface Tag { name: string; url: string }
export interface Status {
  id: string; created_at: string; edited_at: string | null; in_reply_to_id: string | null;
  visibility: "public" | "unlisted" | "private" | "direct"; sensitive: boolean; spoiler_text: string;
  language: string | null; uri: string; url: string | null; content: string;
  replies_count: number; reblogs_count: number; favourites_count: number;
  favourited?: boolean; reblogged?: boolean; bookmarked?: boolean;
  account: Account; reblog: Status | null; media_attachments: Media[]; mentions: { id: string; acct: string }[];
  poll: Poll | null;
  filtered?: { filter: { title: string; filter_action: "warn" | "hide" } }[];
}
export interface Notification {
  id: string; type: string; created_at: string; account: Account; status?: Status | null;
}
export interface Relationship {
  id: string; following: boolean; followed_by: boolean; requested: boolean; muting: boolean; blocking: boolean;
}
export interface SearchResults { accounts: Account[]; statuses: Status[]; hashtags: Tag[] }
