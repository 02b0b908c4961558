// The access matrix of DESIGN.md, once. Pages, server actions and route handlers all ask it
// on the server; the UI only uses it to decide what to show.
import type { Role } from '@/lib/domain';

export const PERMISSIONS = {
  'candidate:submit': ['recruiter', 'lead', 'cso'],
  /** Clearance of the candidates one submitted (a recruiter's whole view). */
  'clearance:read-own': ['recruiter', 'lead', 'cso'],
  'clearance:read-all': ['lead', 'cso'],
  'case:read': ['lead', 'cso'],
  'case:add-intel': ['lead', 'cso'],
  'case:work': ['lead', 'cso'],
  'case:decide': ['cso'],
  /** Evidence files (résumés, screenshots, ID captures): attach, and list or download. */
  'evidence:upload': ['lead', 'cso'],
  'evidence:read': ['lead', 'cso'],
  'trends:read': ['lead', 'cso', 'exec'],
  'watchlist:manage': ['lead', 'cso'],
  /** Bulk import of applicant records (the /import page; tokens use candidate:submit). */
  'import:run': ['lead', 'cso'],
  'audit:read': ['cso', 'admin'],
  'users:manage': ['admin'],
  /** The retention period of cleared applicants' personal data, and running the erasure. */
  'retention:manage': ['admin'],
  /** A subject access request: everything held on one applicant, as JSON. */
  'subject:export': ['cso', 'admin'],
  'tokens:manage': ['admin'],
  'webhooks:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  recruiter: '/clearance',
  exec: '/trends',
  lead: '/cases',
  cso: '/cases',
  admin: '/admin',
};

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/cases', label: 'Cases', permission: 'case:read' },
  { href: '/network', label: 'Networks', permission: 'case:read' },
  { href: '/clearance', label: 'Clearance', permission: 'clearance:read-own' },
  { href: '/watchlist', label: 'Watchlist', permission: 'watchlist:manage' },
  { href: '/import', label: 'Import', permission: 'import:run' },
  { href: '/trends', label: 'Trends', permission: 'trends:read' },
  { href: '/audit', label: 'Audit log', permission: 'audit:read' },
  { href: '/admin', label: 'Users', permission: 'users:manage' },
  { href: '/admin/webhooks', label: 'Webhooks', permission: 'webhooks:manage' },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
