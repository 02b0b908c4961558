// Reading a STIX 2.1 bundle into watchlist entries: every `indicator` whose pattern maps to one
// identifier (lib/intel/stix/patterns.ts) and normalizes is accepted; every other indicator
// is reported with its id and the reason. Objects that are not indicators are ignored.
import type { Confidence, TlpLevel, WatchlistKind } from '@/lib/domain';
import { normalizeWatchlistValue } from '@/lib/intel/watchlist-patterns';
import { confidenceFromStix } from './bundle';
import { tlpFromMarkingRefs } from './markings';
import { identifierOf, parsePattern } from './patterns';

export interface ImportedIndicator {
  stixId: string;
  kind: WatchlistKind;
  value: string;
  normalized: string;
  source: string;
  confidence: Confidence;
  tlp: TlpLevel;
  expiresAt: Date | null;
}

export interface SkippedIndicator {
  stixId: string;
  reason: string;
}

export type BundleReadResult =
  | { ok: true; accepted: ImportedIndicator[]; skipped: SkippedIndicator[] }
  | { ok: false; error: string };

/** When a bundle says nothing about confidence or marking. */
const DEFAULT_CONFIDENCE: Confidence = 'medium';
const DEFAULT_TLP: TlpLevel = 'amber';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readBundle(text: string, now: Date = new Date()): BundleReadResult {
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON.' };
  }
  if (!isObject(bundle) || bundle.type !== 'bundle' || !Array.isArray(bundle.objects)) {
    return { ok: false, error: 'The file is not a STIX bundle (expected {"type": "bundle", "objects": [...]}).' };
  }
  const objects = bundle.objects.filter(isObject);
  const identities = new Map(objects.filter((o) => o.type === 'identity' && typeof o.id === 'string').map((o) => [o.id as string, String(o.name ?? 'unnamed identity')]));
  const accepted: ImportedIndicator[] = [];
  const skipped: SkippedIndicator[] = [];
  for (const object of objects) {
    if (object.type !== 'indicator') continue;
    const stixId = typeof object.id === 'string' ? object.id : '(indicator without id)';
    const skip = (reason: string) => skipped.push({ stixId, reason });
    if (object.revoked === true) {
      skip('revoked');
      continue;
    }
    if (object.pattern_type !== 'stix') {
      skip(`pattern_type "${String(object.pattern_type)}" is not imported (only "stix")`);
      continue;
    }
    if (typeof object.pattern !== 'string') {
      skip('no pattern');
      continue;
    }
    const parsed = parsePattern(object.pattern);
    if (!parsed.ok) {
      skip(`pattern ${parsed.error}`);
      continue;
    }
    const identifier = identifierOf(parsed.comparisons);
    if (!identifier.ok) {
      skip(identifier.error);
      continue;
    }
    const normalized = normalizeWatchlistValue(identifier.kind, identifier.value);
    if (!normalized.ok) {
      skip(`${identifier.kind} value refused: ${normalized.error}`);
      continue;
    }
    let expiresAt: Date | null = null;
    if (object.valid_until !== undefined) {
      expiresAt = new Date(String(object.valid_until));
      if (Number.isNaN(expiresAt.getTime())) {
        skip('valid_until is not a timestamp');
        continue;
      }
      if (expiresAt.getTime() <= now.getTime()) {
        skip('expired (valid_until is in the past)');
        continue;
      }
    }
    const creator = typeof object.created_by_ref === 'string' ? identities.get(object.created_by_ref) : undefined;
    accepted.push({
      stixId,
      kind: identifier.kind,
      value: identifier.value,
      normalized: normalized.value,
      source: `STIX: ${creator ?? 'unnamed producer'}`.slice(0, 200),
      confidence: confidenceFromStix(object.confidence) ?? DEFAULT_CONFIDENCE,
      tlp: tlpFromMarkingRefs(object.object_marking_refs) ?? DEFAULT_TLP,
      expiresAt,
    });
  }
  return { ok: true, accepted, skipped };
}
