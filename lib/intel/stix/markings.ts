// TLP 2.0 as STIX 2.1 marking definitions: the standard ids published with the OASIS TLP 2.0
// extension (every STIX tool knows them, so a peer's platform shows the right colour), and
// the TLP 1.0 ids older feeds still use, read on import (TLP:WHITE became TLP:CLEAR).
import type { TlpLevel } from '@/lib/domain';

export const TLP_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export const TLP_MARKING_IDS: Record<TlpLevel, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  amber_strict: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

const TLP1_MARKING_IDS: Record<string, TlpLevel> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
};

const TLP2_VALUES: Record<TlpLevel, string> = { clear: 'clear', green: 'green', amber: 'amber', amber_strict: 'amber+strict', red: 'red' };
const TLP2_NAMES: Record<TlpLevel, string> = { clear: 'TLP:CLEAR', green: 'TLP:GREEN', amber: 'TLP:AMBER', amber_strict: 'TLP:AMBER+STRICT', red: 'TLP:RED' };

/** Strictest first: a relationship or actor inherits the strictest marking of its indicators. */
export const TLP_ORDER: readonly TlpLevel[] = ['clear', 'green', 'amber', 'amber_strict', 'red'];

export function strictestTlp(levels: Iterable<TlpLevel>): TlpLevel {
  let strictest: TlpLevel = 'clear';
  for (const level of levels) if (TLP_ORDER.indexOf(level) > TLP_ORDER.indexOf(strictest)) strictest = level;
  return strictest;
}

/** The marking-definition object of a TLP 2.0 level, as the extension publishes it. */
export function tlpMarkingDefinition(level: TlpLevel) {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_MARKING_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: TLP2_NAMES[level],
    extensions: { [TLP_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: TLP2_VALUES[level] } },
  };
}

/** The strictest TLP level among marking references (2.0 or 1.0 ids); undefined when none is TLP. */
export function tlpFromMarkingRefs(refs: unknown): TlpLevel | undefined {
  if (!Array.isArray(refs)) return undefined;
  const levels: TlpLevel[] = [];
  for (const ref of refs) {
    const v2 = (Object.keys(TLP_MARKING_IDS) as TlpLevel[]).find((level) => TLP_MARKING_IDS[level] === ref);
    const level = v2 ?? (typeof ref === 'string' ? TLP1_MARKING_IDS[ref] : undefined);
    if (level) levels.push(level);
  }
  return levels.length > 0 ? strictestTlp(levels) : undefined;
}
