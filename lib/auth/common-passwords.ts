// The shipped list of common passwords (common-passwords.txt, one a line, lower-case; lines
// starting with # are comments), loaded once per process (about 2,300 entries, 20 kB). Server only: it reads a file.
// The path is resolved from the working directory, as the data dir is (lib/db/client.ts):
// `next start`, the scripts and the tests all run from the project root.
import fs from 'node:fs';
import path from 'node:path';
import { isCommonPassword } from './password-policy';

export const COMMON_PASSWORDS_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'auth', 'common-passwords.txt');

/** Parses the list format: trimmed, lower-cased, blank lines and # comments skipped. */
export function parseCommonPasswords(text: string): Set<string> {
  const entries = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim().normalize('NFKC').toLowerCase();
    if (entry && !entry.startsWith('#')) entries.add(entry);
  }
  return entries;
}

let loaded: ReadonlySet<string> | undefined;

/** The list; throws if the file is missing, rather than silently accepting every password. */
export function commonPasswords(): ReadonlySet<string> {
  loaded ??= parseCommonPasswords(fs.readFileSync(COMMON_PASSWORDS_FILE, 'utf8'));
  return loaded;
}

export function isOnCommonPasswordList(password: string): boolean {
  return isCommonPassword(password, commonPasswords());
}
