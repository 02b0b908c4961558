import { describe, expect, it } from 'vitest';
import { commonPasswords, parseCommonPasswords } from './common-passwords';
import {
  commonPasswordCandidates,
  containsEmailLocalPart,
  emailLocalPart,
  isCommonPassword,
  isSingleRepeatedCharacter,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_MESSAGES,
  passwordProblems,
} from './password-policy';

const list = commonPasswords();

describe('limits', () => {
  it('asks for length, not complexity: 12 to 200 characters', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(MAX_PASSWORD_LENGTH).toBe(200);
    expect(passwordProblems('tree lamp ok')).toEqual([]);
    expect(passwordProblems('tree lamp o')).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(passwordProblems('x'.repeat(100) + 'y'.repeat(100))).toEqual([]);
    expect(passwordProblems('x'.repeat(100) + 'y'.repeat(101))).toEqual([PASSWORD_MESSAGES.tooLong]);
  });

  it('needs no digit, capital or symbol: a lower-case passphrase is fine', () => {
    expect(passwordProblems('violet anchor drifting slowly', { email: 'nadia@example.org', commonPasswords: list })).toEqual([]);
  });
});

describe('the shipped list of common passwords', () => {
  it('holds more than a thousand entries, lower-case, without comments or blanks', () => {
    expect(list.size).toBeGreaterThan(1000);
    for (const entry of list) {
      expect(entry).toBe(entry.toLowerCase());
      expect(entry).not.toMatch(/^#|^\s|\s$/);
      expect(entry.length).toBeGreaterThan(0);
    }
  });

  it.each(['password', '123456', 'qwerty', 'iloveyou', 'letmein', '1qaz2wsx', 'qwertyuiop', 'summer2024', 'welcome1', 'hirewatch-demo', 'correcthorsebatterystaple'])(
    'contains %j',
    (entry) => {
      expect(list.has(entry)).toBe(true);
    },
  );

  it('parses the format: trimmed, lower-cased, comments and blank lines skipped', () => {
    expect([...parseCommonPasswords('# a comment\n  Secret \r\n\nhunter2\n#another\n')]).toEqual(['secret', 'hunter2']);
  });
});

describe('isCommonPassword', () => {
  it.each([
    ['password1234', 'on the list as typed'],
    ['PASSWORD1234', 'case does not matter'],
    ['Password123!', 'digits and symbols at the end are stripped'],
    ['Summer2024!!', 'a season and a year'],
    ['winter2031!!', 'a season with any year'],
    ['!!Qwerty12345', 'symbols at the start too'],
    ['P@ssw0rd#2024', 'leetspeak undone'],
    ['qwertyuiop123', 'a keyboard walk'],
    ['123456789012', 'a number run'],
    ['1q2w3e4r5t6y', 'a keyboard zigzag'],
    ['Liverpool1892', 'a team and a year'],
    ['Hirewatch-demo1', 'the published demo password'],
    ['zzzzzzzzzzzz', 'one character repeated'],
  ])('refuses %j (%s)', (password) => {
    expect(isCommonPassword(password, list)).toBe(true);
    expect(passwordProblems(password, { commonPasswords: list })).toContain(PASSWORD_MESSAGES.common);
  });

  it.each(['correct horse battery staple 42', 'a-long-password-1', 'violet anchor drifting', 'Tr4vel-l1ght-at-dawn', 'summer in lisbon 2024', 'passwordless login works'])(
    'accepts %j',
    (password) => {
      expect(isCommonPassword(password, list)).toBe(false);
    },
  );

  it('compares the typed form, the stripped core and the de-leeted core', () => {
    expect(commonPasswordCandidates('P@ssw0rd#2024')).toEqual(['p@ssw0rd#2024', 'p@ssw0rd', 'password']);
    expect(commonPasswordCandidates('123456789012')).toEqual(['123456789012']);
    expect(commonPasswordCandidates('  Summer 2024 ')).toEqual(['  summer 2024 ', 'summer']);
  });

  it('knows a single repeated character without any list', () => {
    expect(isSingleRepeatedCharacter('aaaaaaaaaaaa')).toBe(true);
    expect(isSingleRepeatedCharacter('aaaaaaaaaaab')).toBe(false);
    expect(isSingleRepeatedCharacter('')).toBe(false);
    expect(passwordProblems('............')).toEqual([PASSWORD_MESSAGES.common]);
  });
});

describe('the email local part', () => {
  it('is the part before the last @, lower-cased', () => {
    expect(emailLocalPart('Nadia.Analyst@Example.org')).toBe('nadia.analyst');
    expect(emailLocalPart('"odd@local"@example.org')).toBe('"odd@local"');
  });

  it('may not appear in the password, in any case', () => {
    expect(containsEmailLocalPart('my name is Nadia.Analyst!', 'nadia.analyst@example.org')).toBe(true);
    expect(passwordProblems('nadia.analyst-2026', { email: 'nadia.analyst@example.org' })).toEqual([PASSWORD_MESSAGES.containsEmail]);
    expect(containsEmailLocalPart('nadia likes long walks', 'nadia.analyst@example.org')).toBe(false);
  });

  it('is not checked when it is too short to mean anything', () => {
    expect(containsEmailLocalPart('a long passphrase here', 'al@example.org')).toBe(false);
    expect(containsEmailLocalPart('the bob cat sat quietly', 'bob@example.org')).toBe(true);
  });

  it('reports every broken rule at once', () => {
    expect(passwordProblems('cso@hirewatch', { email: 'hirewatch@example.org', commonPasswords: new Set(['cso@hirewatch']) })).toEqual([
      PASSWORD_MESSAGES.containsEmail,
      PASSWORD_MESSAGES.common,
    ]);
  });
});
