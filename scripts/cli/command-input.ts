// The options and input files of the CLI's commands, checked before any database is opened:
// a usage error answers at once, and never waits for (or locks) the embedded database. Only
// validators are imported here, so a refused command loads little.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createTokenSchema, type CreateTokenInput } from '@/lib/api-tokens/validators';
import { csvToJobLines, readCsv } from '@/lib/import/csv-file';
import { suggestMapping, unmappedRequired } from '@/lib/import/csv-mapping';
import { jsonLinesToJobLines } from '@/lib/import/json-lines';
import { MAX_JOB_LINES, type JobLine } from '@/lib/jobs/queue';
import { createUserSchema, type CreateUserInput } from '@/lib/users/validators';
import { Refused } from './embedded-guard';

function refusedByZod(issues: { path: PropertyKey[]; message: string }[]): Refused {
  return new Refused(issues.map((i) => `--${String(i.path[0] ?? 'input')}: ${i.message}`).join('\n'));
}

export interface UserCreateInput {
  input: CreateUserInput;
  /** True when no --password was given: the generated one is printed once. */
  generated: boolean;
}

export function parseUserCreate(options: { email?: string; name?: string; role?: string; password?: string }): UserCreateInput {
  // Without --password a strong one is generated and printed once.
  const password = options.password ?? randomBytes(18).toString('base64url');
  const parsed = createUserSchema.safeParse({ email: options.email, name: options.name, role: options.role, password });
  if (!parsed.success) throw refusedByZod(parsed.error.issues);
  return { input: parsed.data, generated: options.password === undefined };
}

export function parseUserDisable(options: { email?: string }): string {
  if (!options.email) throw new Refused('Give --email of the user to disable.');
  return options.email;
}

export function parseTokenCreate(options: { name?: string; role?: string; expires?: string }): CreateTokenInput {
  const parsed = createTokenSchema.safeParse({ name: options.name, role: options.role, expiresOn: options.expires });
  if (!parsed.success) throw refusedByZod(parsed.error.issues.map((i) => ({ ...i, path: i.path[0] === 'expiresOn' ? ['expires'] : i.path })));
  return parsed.data;
}

/** The file's records as job lines (CSV or JSON Lines), or Refused. */
export function readImportFile(file: string, options: { format?: string }): JobLine[] {
  if (!fs.existsSync(file)) throw new Refused(`No file ${file}.`);
  const format = options.format ?? (/\.csv$/i.test(file) ? 'csv' : 'jsonl');
  const text = fs.readFileSync(file, 'utf8');
  let lines;
  if (format === 'csv') {
    const table = readCsv(text);
    // A CLI has no mapping screen: the headers must name the record fields (or a known alias).
    const mapping = suggestMapping(table.headers);
    const missing = unmappedRequired(mapping);
    if (missing.length > 0) throw new Refused(`The CSV has no column for: ${missing.join(', ')}. Name the headers after the applicant record fields.`);
    lines = csvToJobLines(table, mapping);
  } else if (format === 'jsonl') {
    lines = jsonLinesToJobLines(text);
  } else {
    throw new Refused('--format is csv or jsonl.');
  }
  if (lines.length === 0) throw new Refused(`${file} has no records.`);
  if (lines.length > MAX_JOB_LINES) throw new Refused(`At most ${MAX_JOB_LINES} records per import; split the file.`);
  return lines;
}

export function parseExportFormat(format: string | undefined): 'jsonl' | 'csv' {
  if (format !== 'jsonl' && format !== 'csv') throw new Refused('--format is jsonl or csv.');
  return format;
}

export function readWatchlistFile(file: string): File {
  if (!fs.existsSync(file)) throw new Refused(`No file ${file}.`);
  return new File([fs.readFileSync(file)], path.basename(file));
}
