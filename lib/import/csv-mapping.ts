// CSV rows into applicant records (lib/applicants/record.ts) through a column mapping: which
// CSV column holds which record field. Pure and free of zod, so the import page's mapping
// preview (a client component) and the server use the same code; the record schema itself
// checks each resulting record when the job imports it, and names the refused field.

/** Record fields a CSV column can fill. Identifier kinds become `identifiers: [{kind, value}]`. */
export const MAPPABLE_FIELDS = [
  'externalId',
  'claimedName',
  'resumeName',
  'role',
  'region',
  'source',
  'submittedAt',
  'email',
  'phone',
  'linkedin',
  'github',
  'ip',
  'wallet',
  'address',
  'device',
  'resumeText',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

const IDENTIFIER_FIELDS: readonly MappableField[] = ['email', 'phone', 'linkedin', 'github', 'ip', 'wallet', 'address', 'device'];
export const REQUIRED_FIELDS: readonly MappableField[] = ['externalId', 'claimedName', 'resumeName', 'role', 'region', 'source'];

export const FIELD_LABELS: Record<MappableField, string> = {
  externalId: 'ATS id (externalId)',
  claimedName: 'Claimed name',
  resumeName: 'Name on résumé',
  role: 'Role applied for',
  region: 'Region (NA, EU, UK, APAC, LATAM, MEA)',
  source: 'Source (referral, job_board, agency, direct, ats_import)',
  submittedAt: 'Submitted at (ISO date-time)',
  email: 'Email',
  phone: 'Phone',
  linkedin: 'LinkedIn',
  github: 'GitHub',
  ip: 'IP address',
  wallet: 'Crypto wallet',
  address: 'Postal address',
  device: 'Device fingerprint',
  resumeText: 'Résumé text',
};

/** Field → index of the CSV column that fills it (absent: not mapped). */
export type ColumnMapping = Partial<Record<MappableField, number>>;

const ALIASES: Record<MappableField, string[]> = {
  externalId: ['externalid', 'external id', 'ats id', 'atsid', 'candidate id', 'candidateid', 'applicant id', 'id'],
  claimedName: ['claimedname', 'claimed name', 'name', 'full name', 'candidate name', 'candidate'],
  resumeName: ['resumename', 'resume name', 'name on resume', 'cv name'],
  role: ['role', 'job', 'job title', 'position', 'job role', 'requisition'],
  region: ['region', 'office', 'location region'],
  source: ['source', 'channel'],
  submittedAt: ['submittedat', 'submitted at', 'applied at', 'applied', 'created at', 'date'],
  email: ['email', 'e-mail', 'email address', 'mail'],
  phone: ['phone', 'phone number', 'mobile', 'telephone'],
  linkedin: ['linkedin', 'linkedin url', 'linkedin profile'],
  github: ['github', 'github url', 'github profile'],
  ip: ['ip', 'ip address'],
  wallet: ['wallet', 'crypto wallet', 'wallet address'],
  address: ['address', 'postal address', 'shipping address'],
  device: ['device', 'device fingerprint'],
  resumeText: ['resumetext', 'resume text', 'resume', 'cv'],
};

function simplify(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A first mapping from the headers: each field to the first column whose header is one of its names. */
export function suggestMapping(headers: string[]): ColumnMapping {
  const simple = headers.map(simplify);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of MAPPABLE_FIELDS) {
    const index = simple.findIndex((h, i) => !taken.has(i) && ALIASES[field].includes(h));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/** The mandatory record fields no column fills. */
export function unmappedRequired(mapping: ColumnMapping): MappableField[] {
  return REQUIRED_FIELDS.filter((field) => mapping[field] === undefined);
}

/** One CSV row as an applicant record object (unvalidated; empty cells are left out). */
export function rowToRecord(row: string[], mapping: ColumnMapping): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const identifiers: { kind: string; value: string }[] = [];
  for (const field of MAPPABLE_FIELDS) {
    const index = mapping[field];
    if (index === undefined) continue;
    const value = (row[index] ?? '').trim();
    if (!value) continue;
    if (IDENTIFIER_FIELDS.includes(field)) identifiers.push({ kind: field, value });
    else record[field] = value;
  }
  record.identifiers = identifiers;
  return record;
}

/** A mapping as sent by a form (`{"email": 3, …}`), keeping only known fields and valid column indexes. */
export function parseMapping(json: string, columnCount: number): ColumnMapping | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const mapping: ColumnMapping = {};
  for (const [field, index] of Object.entries(raw)) {
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field)) return null;
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= columnCount) return null;
    mapping[field as MappableField] = index as number;
  }
  return mapping;
}
