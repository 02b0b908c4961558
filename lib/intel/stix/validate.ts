// The STIX 2.1 required properties, checked on what Hirewatch exports (written from the
// OASIS STIX 2.1 specification, sections 3 to 8: no maintained JavaScript validator exists).
// Covers the common properties of every object, the objects Hirewatch writes (identity,
// indicator, threat-actor, relationship, marking-definition) and the references between them.
import { parsePattern } from './patterns';

const TYPE_NAME = /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,248}[a-z0-9]$/;
// RFC 4122 variant; version 4 (random, SDOs and SROs) or 5 (name-based, allowed for SCOs).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const TIMESTAMP_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isIdentifier(value: unknown, type?: string): boolean {
  if (typeof value !== 'string') return false;
  const [objectType, uuid, ...rest] = value.split('--');
  return rest.length === 0 && TYPE_NAME.test(objectType) && UUID.test(uuid ?? '') && (type === undefined || objectType === type);
}

function isTimestamp(value: unknown, milliseconds = false): value is string {
  return typeof value === 'string' && (milliseconds ? TIMESTAMP_MS : TIMESTAMP).test(value) && !Number.isNaN(Date.parse(value));
}

const SDO_TYPES = new Set(['identity', 'indicator', 'threat-actor', 'intrusion-set']);

/** Every problem found, as "<object id>: <what is wrong>"; empty when the bundle is valid. */
export function validateBundle(bundle: unknown): string[] {
  const errors: string[] = [];
  if (typeof bundle !== 'object' || bundle === null) return ['bundle: not an object'];
  const b = bundle as Record<string, unknown>;
  if (b.type !== 'bundle') errors.push('bundle: type must be "bundle"');
  if (!isIdentifier(b.id, 'bundle')) errors.push('bundle: id must be bundle--<uuid>');
  if (!Array.isArray(b.objects)) return [...errors, 'bundle: objects must be a list'];
  const ids = new Set<string>();
  for (const item of b.objects as unknown[]) {
    if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') ids.add((item as { id: string }).id);
  }
  b.objects.forEach((item, index) => {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const where = typeof o.id === 'string' ? o.id : `objects[${index}]`;
    const fail = (message: string) => errors.push(`${where}: ${message}`);
    const required = (...names: string[]) => names.forEach((name) => o[name] === undefined && fail(`${name} is required`));

    if (typeof o.type !== 'string' || !TYPE_NAME.test(o.type)) fail('type must be 3-250 lower-case letters, digits and single hyphens');
    if (o.spec_version !== '2.1') fail('spec_version must be "2.1"');
    if (!isIdentifier(o.id, typeof o.type === 'string' ? o.type : undefined)) fail('id must be <type>--<UUIDv4>');
    if (!isTimestamp(o.created, true)) fail('created must be a UTC timestamp with milliseconds');
    if (o.type !== 'marking-definition') {
      if (!isTimestamp(o.modified, true)) fail('modified must be a UTC timestamp with milliseconds');
      else if (isTimestamp(o.created, true) && o.modified < o.created) fail('modified must not be before created');
    }
    if (o.created_by_ref !== undefined) {
      if (!isIdentifier(o.created_by_ref, 'identity')) fail('created_by_ref must be an identity id');
      else if (!ids.has(o.created_by_ref as string)) fail(`created_by_ref ${String(o.created_by_ref)} is not in the bundle`);
    }
    if (o.object_marking_refs !== undefined) {
      if (!Array.isArray(o.object_marking_refs) || o.object_marking_refs.length === 0 || !o.object_marking_refs.every((r) => isIdentifier(r, 'marking-definition'))) {
        fail('object_marking_refs must be a non-empty list of marking-definition ids');
      }
    }
    if (o.confidence !== undefined && (!Number.isInteger(o.confidence) || (o.confidence as number) < 0 || (o.confidence as number) > 100)) {
      fail('confidence must be an integer from 0 to 100');
    }
    for (const [key, value] of Object.entries(o)) {
      if (!/^[a-z0-9_]{3,250}$/.test(key) && key !== 'id') fail(`property name "${key}" is not allowed`);
      if (key.endsWith('_ref') && !isIdentifier(value)) fail(`${key} must be an identifier`);
    }

    switch (o.type) {
      case 'identity':
        required('name');
        break;
      case 'threat-actor':
      case 'intrusion-set':
        required('name');
        break;
      case 'indicator': {
        required('pattern', 'pattern_type', 'valid_from');
        if (o.valid_from !== undefined && !isTimestamp(o.valid_from)) fail('valid_from must be a UTC timestamp');
        if (o.valid_until !== undefined) {
          if (!isTimestamp(o.valid_until)) fail('valid_until must be a UTC timestamp');
          else if (isTimestamp(o.valid_from) && Date.parse(o.valid_until) <= Date.parse(o.valid_from)) fail('valid_until must be after valid_from');
        }
        if (o.pattern_type === 'stix' && typeof o.pattern === 'string') {
          const parsed = parsePattern(o.pattern);
          if (!parsed.ok) fail(`pattern: ${parsed.error}`);
        }
        break;
      }
      case 'relationship':
        required('relationship_type', 'source_ref', 'target_ref');
        for (const ref of ['source_ref', 'target_ref']) {
          if (typeof o[ref] === 'string' && !ids.has(o[ref] as string)) fail(`${ref} ${String(o[ref])} is not in the bundle`);
        }
        if (typeof o.source_ref === 'string' && typeof o.target_ref === 'string' && o.relationship_type === 'indicates') {
          if (!o.source_ref.startsWith('indicator--')) fail('an "indicates" relationship must start from an indicator');
        }
        break;
      case 'marking-definition':
        if (o.extensions === undefined && (o.definition_type === undefined || o.definition === undefined)) {
          fail('definition_type and definition are required unless an extension defines the marking');
        }
        break;
      default:
        if (!SDO_TYPES.has(String(o.type)) && !String(o.type).startsWith('x-')) fail(`type ${String(o.type)} is not one Hirewatch writes`);
    }
  });
  return errors;
}
