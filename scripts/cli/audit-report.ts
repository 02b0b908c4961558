// How `audit verify` (and `db restore`, after loading a backup) tells the operator what the
// audit log's hash chain looks like: intact with its head, or the first broken link and why.
import type { ChainStatus } from '@/lib/audit/verify';

const REASONS: Record<NonNullable<ChainStatus['firstBroken']>['reason'], string> = {
  'hash mismatch': 'its content is not what was hashed when it was written',
  'prev link mismatch': 'it does not link to the entry before it: an entry was removed or inserted before it, or the one before was re-hashed',
  'missing hash': 'it has no hash, although entries before it do: it was not written by the app',
};

export function reportChain(status: ChainStatus, target: string): void {
  const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;
  const head = status.head ? `entry ${status.head.id}, hash ${status.head.hash}` : null;
  if (status.firstBroken) {
    const { id, reason } = status.firstBroken;
    console.log(`Audit log BROKEN (${target}).`);
    console.log(`First broken link: entry ${id} — ${reason}: ${REASONS[reason]}.`);
    console.log(`Checked ${count(status.checked)}; ${head ? `the chain is intact up to ${head}` : 'no entry before it is intact'}.`);
  } else {
    console.log(`Audit log intact (${target}): ${count(status.checked)} checked.`);
    if (head) console.log(`Chain head: ${head}`);
  }
  if (status.unhashed > 0) {
    console.log(`Note: the first ${count(status.unhashed)} predate the hash chain (no hash) and are not protected by it.`);
  }
}
