import { describe, expect, it } from 'vitest';

/** The formatters keep figures on one line with non-breaking spaces; compare with plain ones. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');
import { formatCount, formatDays, formatPercent, formatUsdMillions, formatUsdRange, isApproximate, isSuspectedIncident, vectorGroup, vectorLabel } from './figures';

describe('isApproximate', () => {
  it('only high confidence looks exact', () => {
    expect(isApproximate('high')).toBe(false);
    expect(isApproximate('High ')).toBe(false);
    for (const confidence of ['medium', 'low', 'approximate', 'uncertain', '']) expect(isApproximate(confidence)).toBe(true);
  });
});

describe('isSuspectedIncident', () => {
  it('is suspected when attribution says so or its confidence is low', () => {
    expect(isSuspectedIncident({ attribution: 'suspected', confidence: 'low' })).toBe(true);
    expect(isSuspectedIncident({ attribution: 'UN Panel preliminary', confidence: 'low' })).toBe(true);
    expect(isSuspectedIncident({ attribution: 'Suspected', confidence: 'medium' })).toBe(true);
    expect(isSuspectedIncident({ attribution: 'FBI', confidence: 'high' })).toBe(false);
    expect(isSuspectedIncident({ attribution: 'Chainalysis tracing', confidence: 'medium' })).toBe(false);
  });
});

describe('formatting', () => {
  it('writes USD millions, marking approximate figures', () => {
    expect(formatUsdMillions(1340)).toBe('$1,340\u00a0M');
    expect(plain(formatUsdMillions(1340))).toBe('$1,340 M');
    expect(plain(formatUsdMillions(660.5))).toBe('$660.5 M');
    expect(plain(formatUsdMillions(16.13))).toBe('$16.1 M');
    expect(plain(formatUsdMillions(0.915))).toBe('$0.92 M');
    expect(plain(formatUsdMillions(395, true))).toBe('≈ $395 M');
  });

  it('writes a range, or one figure when both ends agree', () => {
    expect(plain(formatUsdRange(620, 625))).toBe('$620–625 M');
    expect(plain(formatUsdRange(100, 100))).toBe('$100 M');
    expect(plain(formatUsdRange(23, 60, true))).toBe('≈ $23–60 M');
  });

  it('writes days, counts and shares', () => {
    expect(formatDays(13.0257)).toBe('13 days');
    expect(formatDays(6.54)).toBe('6.5 days');
    expect(formatDays(1)).toBe('1 day');
    expect(formatCount(1, 'case')).toBe('1 case');
    expect(formatCount(1200, 'case')).toBe('1,200 cases');
    expect(formatCount(2, 'entry', 'entries')).toBe('2 entries');
    expect(formatPercent(4, 60)).toBe('7%');
    expect(formatPercent(0, 0)).toBe('0%');
  });
});

describe('vectors', () => {
  it('sets apart the vectors that go through the victim’s staff', () => {
    expect(vectorGroup('fake_job_offer')).toBe('staff_targeted');
    expect(vectorGroup('employee_social_engineering')).toBe('staff_targeted');
    expect(vectorGroup('insider_it_worker')).toBe('insider');
    expect(vectorGroup('hot_wallet_compromise')).toBe('other');
    expect(vectorGroup('something_new')).toBe('other');
  });

  it('labels known vectors and spells out unknown ones', () => {
    expect(vectorLabel('fake_job_offer')).toBe('Fake job offer / interview');
    expect(vectorLabel('something_new')).toBe('something new');
  });
});
