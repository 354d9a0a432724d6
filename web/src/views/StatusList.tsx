// A list of posts that can change in place (favourites, edits, deletions).
import type { Account, Status } from "../types";
import { StatusView } from "../components/Status";

interface Props {
  statuses: Status[];
  setStatuses: (f: (all: Status[]) => Status[]) => void;
  me: Account | null;
  onReply?: (s: Status) => void;
  focusedId?: string;
}

export function replaceStatus(all: Status[], s: Status): Status[] {
  return all.map((x) => (x.id === s.id ? s : x.reblog?.id === s.id ? { ...x, reblog: s } : x));
}

export function StatusList({ statuses, setStatuses, me, onReply, focusedId }: Props) {
  return (
    <div class="feed" role="feed" aria-busy="false">
      {statuses.map((s) => (
        <StatusView key={s.id} status={s} me={me} onReply={onReply} focused={s.id === focusedId}
          onChange={(updated) => setStatuses((all) => all.map((x) => (x.id === s.id ? updated : x)))}
          onDelete={(id) => setStatuses((all) => all.filter((x) => x.id !== id))} />
      ))}
    </div>
  );
}
