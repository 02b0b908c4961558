// Short names of what two cases share, for edge labels and the text list of a network.
import type { IdentifierKind } from '@/lib/domain';

export const SHARED_KIND_LABELS: Record<IdentifierKind, string> = {
  email: 'email',
  phone: 'phone',
  ip: 'IP',
  name: 'name',
  wallet: 'wallet',
  address: 'address',
  linkedin: 'LinkedIn',
  github: 'GitHub',
  device: 'device',
  resume_hash: 'résumé',
  photo_hash: 'photo',
};

/** "email, phone": each kind once, in the order given. */
export function sharedKindsLabel(shared: { kind: IdentifierKind }[]): string {
  return [...new Set(shared.map((s) => SHARED_KIND_LABELS[s.kind]))].join(', ');
}
