import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/lib/domain';
import { can, HOME_BY_ROLE, NAV_ITEMS, navFor, type Permission, PERMISSIONS } from './permissions';

// DESIGN.md "Who uses it (roles)", row by row. Columns: recruiter, lead, cso, exec, admin.
const Y = true;
const _ = false;
const MATRIX: Record<Permission, [recruiter: boolean, lead: boolean, cso: boolean, exec: boolean, admin: boolean]> = {
  //                     recruiter lead cso exec admin
  'candidate:submit':   [Y,        Y,   Y,  _,   _],
  'clearance:read-own': [Y,        Y,   Y,  _,   _],
  'clearance:read-all': [_,        Y,   Y,  _,   _],
  'case:read':          [_,        Y,   Y,  _,   _],
  'case:add-intel':     [_,        Y,   Y,  _,   _],
  'case:work':          [_,        Y,   Y,  _,   _],
  'case:decide':        [_,        _,   Y,  _,   _],
  'evidence:upload':    [_,        Y,   Y,  _,   _],
  'evidence:read':      [_,        Y,   Y,  _,   _],
  'trends:read':        [_,        Y,   Y,  Y,   _],
  'watchlist:manage':   [_,        Y,   Y,  _,   _],
  'import:run':         [_,        Y,   Y,  _,   _],
  'audit:read':         [_,        _,   Y,  _,   Y],
  'users:manage':       [_,        _,   _,  _,   Y],
  'retention:manage':   [_,        _,   _,  _,   Y],
  'subject:export':     [_,        _,   Y,  _,   Y],
  'tokens:manage':      [_,        _,   _,  _,   Y],
  'webhooks:manage':    [_,        _,   _,  _,   Y],
};
const COLUMNS: Role[] = ['recruiter', 'lead', 'cso', 'exec', 'admin'];

const cells = (Object.keys(MATRIX) as Permission[]).flatMap((permission) =>
  COLUMNS.map((role, i) => ({ permission, role, allowed: MATRIX[permission][i] })),
);

describe('permission matrix', () => {
  it('knows exactly the permissions of the design, no more', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('covers every role', () => {
    expect([...ROLES].sort()).toEqual([...COLUMNS].sort());
    expect(cells).toHaveLength(Object.keys(MATRIX).length * 5);
  });

  it.each(cells)('$role / $permission → $allowed', ({ permission, role, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('lists exactly the allowed roles per permission', () => {
    for (const permission of Object.keys(MATRIX) as Permission[]) {
      const expected = COLUMNS.filter((_role, i) => MATRIX[permission][i]).sort();
      expect([...PERMISSIONS[permission]].sort(), permission).toEqual(expected);
    }
  });

  it('gives an executive nothing but trends, and a recruiter nothing but submission and own clearance', () => {
    const grants = (role: Role) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
    expect(grants('exec')).toEqual(['trends:read']);
    expect(grants('recruiter')).toEqual(['candidate:submit', 'clearance:read-own']);
    expect(grants('admin')).toEqual(['audit:read', 'users:manage', 'retention:manage', 'subject:export', 'tokens:manage', 'webhooks:manage']);
  });
});

describe('HOME_BY_ROLE', () => {
  it('lands each role on its page', () => {
    expect(HOME_BY_ROLE).toEqual({
      recruiter: '/clearance',
      exec: '/trends',
      lead: '/cases',
      cso: '/cases',
      admin: '/admin',
    });
  });

  it.each(COLUMNS)('the home of %s is in its own navigation', (role) => {
    expect(navFor(role).map((item) => item.href)).toContain(HOME_BY_ROLE[role]);
  });
});

describe('navFor', () => {
  const labels = (role: Role) => navFor(role).map((item) => item.label);

  it.each([
    ['recruiter', ['Clearance']],
    ['exec', ['Trends']],
    ['admin', ['Audit log', 'Users', 'Webhooks']],
    ['lead', ['Cases', 'Networks', 'Clearance', 'Watchlist', 'Import', 'Trends']],
    ['cso', ['Cases', 'Networks', 'Clearance', 'Watchlist', 'Import', 'Trends', 'Audit log']],
  ] as const)('%s sees %j', (role, expected) => {
    expect(labels(role)).toEqual(expected);
  });

  it('links each item to its page', () => {
    expect(navFor('admin')).toEqual([
      { href: '/audit', label: 'Audit log', permission: 'audit:read' },
      { href: '/admin', label: 'Users', permission: 'users:manage' },
      { href: '/admin/webhooks', label: 'Webhooks', permission: 'webhooks:manage' },
    ]);
    expect(navFor('recruiter')).toEqual([{ href: '/clearance', label: 'Clearance', permission: 'clearance:read-own' }]);
    expect(navFor('exec')).toEqual([{ href: '/trends', label: 'Trends', permission: 'trends:read' }]);
  });

  it('shows only items the role is allowed', () => {
    for (const role of COLUMNS) {
      for (const item of NAV_ITEMS) {
        expect(navFor(role).includes(item)).toBe(can(role, item.permission));
      }
    }
  });
});
