// A STIX 2.1 bundle of the active block list: one `indicator` per entry, the organisation as
// the `identity` that created them, TLP 2.0 markings, and for entries that came from an
// escalated case a `threat-actor` named only by the case reference, which the case's
// indicators `indicate`. No names, notes or evidence: nothing personal beyond the indicators.
import { randomUUID } from 'node:crypto';
import { WATCHLIST_KIND_LABELS, type Confidence, type TlpLevel, type WatchlistKind } from '@/lib/domain';
import { strictestTlp, TLP_MARKING_IDS, tlpMarkingDefinition } from './markings';
import { patternFor } from './patterns';

/** STIX confidence scale "Low/Med/High" (STIX 2.1 Appendix A): the midpoints. */
export const CONFIDENCE_TO_STIX: Record<Confidence, number> = { low: 15, medium: 50, high: 85 };

export function confidenceFromStix(value: unknown): Confidence | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) return undefined;
  return value < 30 ? 'low' : value < 70 ? 'medium' : 'high';
}

export interface ExportEntry {
  id: string;
  kind: WatchlistKind;
  normalized: string;
  source: string;
  confidence: Confidence;
  tlp: TlpLevel;
  createdAt: Date;
  expiresAt: Date | null;
  /** Set when the entry came from a case now escalated. */
  escalatedCase: { id: string; reference: string; decidedAt: Date | null } | null;
}

export interface Organisation {
  identityId: string;
  name: string;
  createdAt: Date;
}

export type StixObject = Record<string, unknown> & { type: string; id: string };
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const iso = (date: Date) => date.toISOString();

export function buildBundle(entries: ExportEntry[], organisation: Organisation, now: Date = new Date()): StixBundle {
  const created = iso(now);
  const identity: StixObject = {
    type: 'identity',
    spec_version: '2.1',
    id: organisation.identityId,
    created: iso(organisation.createdAt),
    modified: iso(organisation.createdAt),
    name: organisation.name,
    identity_class: 'organization',
  };
  const used = new Set<TlpLevel>();
  const indicators: StixObject[] = entries.map((entry) => {
    used.add(entry.tlp);
    const indicator: StixObject = {
      type: 'indicator',
      spec_version: '2.1',
      // Watchlist ids are random UUIDv4s: the same entry keeps its STIX id across exports.
      id: `indicator--${entry.id}`,
      created_by_ref: organisation.identityId,
      created: iso(entry.createdAt),
      modified: iso(entry.createdAt),
      name: `${WATCHLIST_KIND_LABELS[entry.kind]} on the Hirewatch block list`,
      indicator_types: ['malicious-activity'],
      pattern: patternFor(entry.kind, entry.normalized),
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: iso(entry.createdAt),
      confidence: CONFIDENCE_TO_STIX[entry.confidence],
      object_marking_refs: [TLP_MARKING_IDS[entry.tlp]],
    };
    if (entry.expiresAt) indicator.valid_until = iso(entry.expiresAt);
    return indicator;
  });

  const actors = new Map<string, { reference: string; decidedAt: Date | null; indicatorIds: string[]; tlps: TlpLevel[] }>();
  entries.forEach((entry, index) => {
    if (!entry.escalatedCase) return;
    const actor = actors.get(entry.escalatedCase.id) ?? { ...entry.escalatedCase, indicatorIds: [], tlps: [] };
    actor.indicatorIds.push(indicators[index].id);
    actor.tlps.push(entry.tlp);
    actors.set(entry.escalatedCase.id, actor);
  });
  const related: StixObject[] = [];
  for (const [caseId, actor] of actors) {
    const marking = [TLP_MARKING_IDS[strictestTlp(actor.tlps)]];
    const actorCreated = iso(actor.decidedAt ?? now);
    const threatActorId = `threat-actor--${caseId}`;
    related.push({
      type: 'threat-actor',
      spec_version: '2.1',
      id: threatActorId,
      created_by_ref: organisation.identityId,
      created: actorCreated,
      modified: actorCreated,
      name: `Hiring-fraud applicant ${actor.reference}`,
      description: `Applicant escalated as suspected hiring fraud (fabricated identity) by ${organisation.name}, case ${actor.reference}.`,
      threat_actor_types: ['criminal'],
      object_marking_refs: marking,
    });
    for (const indicatorId of actor.indicatorIds) {
      related.push({
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${randomUUID()}`,
        created_by_ref: organisation.identityId,
        created,
        modified: created,
        relationship_type: 'indicates',
        source_ref: indicatorId,
        target_ref: threatActorId,
        object_marking_refs: marking,
      });
    }
  }
  const markings = [...used].sort((a, b) => a.localeCompare(b)).map((level) => tlpMarkingDefinition(level) as StixObject);
  return { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [identity, ...markings, ...indicators, ...related] };
}
