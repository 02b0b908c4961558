import { describe, expect, it } from 'vitest';
import type { Severity } from '@/lib/domain';
import {
  countIdentities,
  computeRisk,
  type DerivedKind,
  type DerivedSignal,
  DERIVED_WEIGHTS,
  type ObservedIndicator,
  riskBand,
  SEVERITY_WEIGHTS,
} from './risk';

function indicator(severity: Severity, code = `code_${severity}`, title = `Title ${severity}`): ObservedIndicator {
  return { code, title, severity };
}

function derived(kind: DerivedKind, detail = `Detail ${kind}`): DerivedSignal {
  return { kind, detail };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('weights', () => {
  it('has the documented severity weights, strictly increasing', () => {
    expect(SEVERITY_WEIGHTS).toEqual({ low: 0.08, medium: 0.15, high: 0.3, critical: 0.5 });
  });

  it('ranks derived signals: shared with escalated > in its network > watchlist hit > shared identifier', () => {
    expect(DERIVED_WEIGHTS).toEqual({
      name_mismatch: 0.3,
      shared_identifier: 0.2,
      watchlist_hit: 0.45,
      shared_with_escalated: 0.6,
      network_with_escalated: 0.5,
      shared_network: 0.1,
      identity_network: 0.4,
      similar_name: 0.1,
      reused_email_handle: 0.25,
      recycled_resume: 0.3,
    });
    // Reaching an escalated case through other cases is indirect: less than sharing with it.
    expect(DERIVED_WEIGHTS.shared_with_escalated).toBeGreaterThan(DERIVED_WEIGHTS.network_with_escalated);
    expect(DERIVED_WEIGHTS.network_with_escalated).toBeGreaterThan(DERIVED_WEIGHTS.watchlist_hit);
    expect(DERIVED_WEIGHTS.shared_with_escalated).toBeGreaterThan(DERIVED_WEIGHTS.watchlist_hit);
    expect(DERIVED_WEIGHTS.watchlist_hit).toBeGreaterThan(DERIVED_WEIGHTS.shared_identifier);
    // An IP shared behind a NAT, or a name, is weaker than one strong shared identifier.
    expect(DERIVED_WEIGHTS.shared_network).toBeLessThan(DERIVED_WEIGHTS.shared_identifier);
    expect(DERIVED_WEIGHTS.similar_name).toBeLessThan(DERIVED_WEIGHTS.shared_identifier);
  });

  it('rates a member of a ring of three fabricated identities high on its links alone, a pair or a name match not', () => {
    const ring = computeRisk([], [
      { kind: 'shared_identifier', detail: 'Shares with HW-1: phone' },
      { kind: 'identity_network', detail: 'One of 3 identities' },
    ]);
    expect(ring.band).toBe('high');
    expect(computeRisk([], [{ kind: 'shared_identifier', detail: 'Shares with HW-1: phone' }]).band).toBe('low');
    expect(computeRisk([], [{ kind: 'similar_name', detail: 'Name matches' }, { kind: 'shared_network', detail: 'Shares an IP' }]).band).toBe('low');
    const recycled = computeRisk([], [
      { kind: 'recycled_resume', detail: 'Résumé near-duplicate' },
      { kind: 'identity_network', detail: 'One of 3 identities' },
    ]);
    expect(recycled.band).toBe('high');
  });

  it('weighs a derived name mismatch like the high-severity catalog indicator it stands for', () => {
    expect(DERIVED_WEIGHTS.name_mismatch).toBe(SEVERITY_WEIGHTS.high);
  });
});

describe('riskBand', () => {
  it.each([
    [0, 'low'],
    [1, 'low'],
    [24, 'low'],
    [25, 'medium'],
    [26, 'medium'],
    [49, 'medium'],
    [50, 'high'],
    [51, 'high'],
    [74, 'high'],
    [75, 'critical'],
    [76, 'critical'],
    [100, 'critical'],
  ] as const)('%i → %s', (score, band) => {
    expect(riskBand(score)).toBe(band);
  });
});

describe('computeRisk', () => {
  it('scores a case with no signals 0, low, with no explanation', () => {
    expect(computeRisk([], [])).toEqual({ score: 0, band: 'low', contributions: [] });
  });

  it.each([
    ['low', 8, 'low'],
    ['medium', 15, 'low'],
    ['high', 30, 'medium'],
    ['critical', 50, 'high'],
  ] as const)('one %s indicator alone scores %i (%s)', (severity, score, band) => {
    const result = computeRisk([indicator(severity)], []);
    expect(result.score).toBe(score);
    expect(result.band).toBe(band);
    expect(result.contributions).toEqual([
      { label: `Title ${severity}`, source: 'indicator', code: `code_${severity}`, weight: SEVERITY_WEIGHTS[severity], points: score },
    ]);
  });

  it.each([
    ['shared_identifier', 20, 'low'],
    ['name_mismatch', 30, 'medium'],
    ['watchlist_hit', 45, 'medium'],
    ['network_with_escalated', 50, 'high'],
    ['shared_with_escalated', 60, 'high'],
  ] as const)('one derived %s alone scores %i (%s)', (kind, score, band) => {
    const result = computeRisk([], [derived(kind, 'email a@example.com also on HW-2026-0007')]);
    expect(result).toEqual({
      score,
      band,
      contributions: [
        {
          label: 'email a@example.com also on HW-2026-0007',
          source: 'derived',
          code: kind,
          weight: DERIVED_WEIGHTS[kind],
          points: score,
        },
      ],
    });
  });

  it('combines independent signals as 1 − Π(1 − w), not as a sum', () => {
    // Two criticals: 1 − 0.5 × 0.5 = 0.75, not 100.
    const result = computeRisk([indicator('critical', 'a', 'A'), indicator('critical', 'b', 'B')], []);
    expect(result.score).toBe(75);
    expect(result.band).toBe('critical');
    expect(result.contributions.map((c) => c.points)).toEqual([50, 25]);
  });

  describe('band boundaries reached by real combinations', () => {
    it('low + watchlist hit = 49 → medium', () => {
      const result = computeRisk([indicator('low')], [derived('watchlist_hit')]);
      expect(result.score).toBe(49);
      expect(result.band).toBe('medium');
    });

    it('one critical = 50 → high', () => {
      const result = computeRisk([indicator('critical')], []);
      expect(result.score).toBe(50);
      expect(result.band).toBe('high');
    });

    it('low + high + shared with escalated = 74 → high', () => {
      const result = computeRisk([indicator('low'), indicator('high')], [derived('shared_with_escalated')]);
      expect(result.score).toBe(74);
      expect(result.band).toBe('high');
    });

    it('low + critical + watchlist hit = 75 → critical', () => {
      const result = computeRisk([indicator('low'), indicator('critical')], [derived('watchlist_hit')]);
      expect(result.score).toBe(75);
      expect(result.band).toBe('critical');
    });

    it('low + shared identifier = 26 → medium; medium + low = 22 → low', () => {
      expect(computeRisk([indicator('low')], [derived('shared_identifier')])).toMatchObject({ score: 26, band: 'medium' });
      expect(computeRisk([indicator('medium'), indicator('low')], [])).toMatchObject({ score: 22, band: 'low' });
    });
  });

  describe('saturation', () => {
    it('many criticals reach exactly 100 and never more', () => {
      const many = Array.from({ length: 30 }, (_, i) => indicator('critical', `c${i}`, `Critical ${String(i).padStart(2, '0')}`));
      const result = computeRisk(many, []);
      expect(result.score).toBe(100);
      expect(result.band).toBe('critical');
      expect(result.contributions).toHaveLength(30);
      expect(sum(result.contributions.map((c) => c.points))).toBe(100);
      for (const c of result.contributions) expect(c.points).toBeGreaterThanOrEqual(0);
      // Once saturated, further signals are listed but add nothing.
      expect(result.contributions.at(-1)?.points).toBe(0);
    });

    it('every signal at once stays within 0..100', () => {
      const severities: Severity[] = ['low', 'medium', 'high', 'critical'];
      const kinds: DerivedKind[] = ['name_mismatch', 'shared_identifier', 'watchlist_hit', 'shared_with_escalated', 'network_with_escalated'];
      const result = computeRisk(
        Array.from({ length: 12 }, (_, i) => indicator(severities[i % 4], `i${i}`, `I${i}`)),
        Array.from({ length: 15 }, (_, i) => derived(kinds[i % 5], `D${i}`)),
      );
      expect(result.score).toBe(100);
      expect(result.contributions).toHaveLength(27);
      expect(sum(result.contributions.map((c) => c.points))).toBe(100);
    });
  });

  it.each([
    [[indicator('low'), indicator('medium')], [derived('shared_identifier')]],
    [[indicator('high'), indicator('high'), indicator('high')], [derived('watchlist_hit'), derived('shared_identifier')]],
    [[indicator('medium'), indicator('medium'), indicator('medium')], []],
    [[], [derived('shared_identifier'), derived('shared_identifier'), derived('shared_identifier')]],
    [[indicator('low'), indicator('low'), indicator('low'), indicator('low'), indicator('low')], [derived('name_mismatch')]],
  ])('contribution points sum exactly to the score (case %#)', (indicators, signals) => {
    const result = computeRisk(indicators, signals);
    expect(result.score).toBeGreaterThan(0);
    expect(sum(result.contributions.map((c) => c.points))).toBe(result.score);
  });

  it('lists contributions strongest first, with the points each added', () => {
    const result = computeRisk(
      [
        indicator('low', 'vpn_residential_proxy', 'Residential proxy'),
        indicator('critical', 'deepfake_detected', 'Deepfake detected'),
        indicator('medium', 'timezone_mismatch', 'Time zone mismatch'),
      ],
      [derived('shared_identifier', 'phone shared with HW-2026-0003'), derived('shared_with_escalated', 'wallet of HW-2026-0001')],
    );
    expect(result.contributions).toEqual([
      { label: 'wallet of HW-2026-0001', source: 'derived', code: 'shared_with_escalated', weight: 0.6, points: 60 },
      { label: 'Deepfake detected', source: 'indicator', code: 'deepfake_detected', weight: 0.5, points: 20 },
      { label: 'phone shared with HW-2026-0003', source: 'derived', code: 'shared_identifier', weight: 0.2, points: 4 },
      { label: 'Time zone mismatch', source: 'indicator', code: 'timezone_mismatch', weight: 0.15, points: 2 },
      { label: 'Residential proxy', source: 'indicator', code: 'vpn_residential_proxy', weight: 0.08, points: 1 },
    ]);
    // 1 − 0.4 × 0.5 × 0.8 × 0.85 × 0.92 = 0.87488
    expect(result.score).toBe(87);
    expect(result.band).toBe('critical');
  });

  it('counts an escalated case reached through the network after a direct link to it, before a watchlist hit', () => {
    const result = computeRisk(
      [],
      [
        derived('watchlist_hit', 'Phone on the watchlist'),
        derived('network_with_escalated', 'In one network with escalated case HW-2026-0001, linked through other cases'),
        derived('shared_identifier', 'Shares with HW-2026-0003: phone'),
      ],
    );
    expect(result.contributions.map((c) => [c.code, c.points])).toEqual([
      ['network_with_escalated', 50],
      ['watchlist_hit', 23],
      ['shared_identifier', 5],
    ]);
    // 1 − 0.5 × 0.55 × 0.8 = 0.78
    expect(result).toMatchObject({ score: 78, band: 'critical' });
  });

  it('orders equal weights by label, whatever the input order', () => {
    const a = indicator('high', 'x', 'Bravo');
    const b = indicator('high', 'y', 'Alpha');
    const c = derived('name_mismatch', 'Charlie');
    expect(computeRisk([a, b], [c]).contributions.map((x) => x.label)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(computeRisk([b, a], [c]).contributions.map((x) => x.label)).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });

  it('does not depend on input order', () => {
    const indicators = [indicator('low'), indicator('critical'), indicator('medium')];
    const signals = [derived('watchlist_hit'), derived('shared_identifier')];
    const forward = computeRisk(indicators, signals);
    const backward = computeRisk([...indicators].reverse(), [...signals].reverse());
    expect(backward).toEqual(forward);
  });

  describe('name mismatch', () => {
    const ticked = indicator('high', 'name_mismatch_resume_interview', 'Name differs between résumé and interview');
    const automatic = derived('name_mismatch', 'Résumé "Jane Doe", interview "John Smith"');

    it('counts the derived name mismatch when the indicator is not ticked', () => {
      expect(computeRisk([], [automatic])).toEqual({
        score: 30,
        band: 'medium',
        contributions: [
          { label: 'Résumé "Jane Doe", interview "John Smith"', source: 'derived', code: 'name_mismatch', weight: 0.3, points: 30 },
        ],
      });
    });

    it('a ticked name_mismatch_resume_interview indicator suppresses the derived signal (no double count)', () => {
      expect(computeRisk([ticked], [automatic])).toEqual({
        score: 30,
        band: 'medium',
        contributions: [
          {
            label: 'Name differs between résumé and interview',
            source: 'indicator',
            code: 'name_mismatch_resume_interview',
            weight: 0.3,
            points: 30,
          },
        ],
      });
    });

    it('another ticked indicator does not suppress it', () => {
      const result = computeRisk([indicator('high', 'name_spelling_inconsistent', 'Spelling')], [automatic]);
      expect(result.contributions.map((c) => c.code)).toEqual(['name_mismatch', 'name_spelling_inconsistent']);
      expect(result.score).toBe(51);
    });

    it('the ticked indicator suppresses only the name mismatch, not other derived signals', () => {
      const result = computeRisk([ticked], [automatic, derived('watchlist_hit'), derived('shared_identifier')]);
      expect(result.contributions.map((c) => c.code)).toEqual([
        'watchlist_hit',
        'name_mismatch_resume_interview',
        'shared_identifier',
      ]);
      // 1 − 0.55 × 0.7 × 0.8 = 0.692
      expect(result.score).toBe(69);
    });
  });
});

describe('countIdentities', () => {
  it('counts one person applying again under the same name once, whatever the case or accents', () => {
    expect(countIdentities(['Jane Doe', 'jane  doe', 'JANE DOE'])).toBe(1);
    expect(countIdentities(['José Núñez', 'Jose Nunez'])).toBe(1);
  });

  it('counts names spelled another way, and different names, apart', () => {
    expect(countIdentities(['Kim Hyun-woo', 'Gim Hyeonu', 'Kim Hyunwoo'])).toBe(3);
    expect(countIdentities(['Alex Chen', 'Maria Silva', 'Alex Chen'])).toBe(2);
  });
});
