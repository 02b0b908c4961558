import { describe, expect, it } from 'vitest';
import { judgeAuditReport } from './report';

const counts = (over: Record<string, number>) => ({ info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...over });

describe('judgeAuditReport', () => {
  it('passes a report with no findings', () => {
    expect(judgeAuditReport(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: counts({}) } })).kind).toBe('clean');
  });

  it('passes moderate and low findings (the bar is high or critical)', () => {
    const report = {
      vulnerabilities: { 'left-pad': { name: 'left-pad', severity: 'moderate', range: '<1.3.0', via: [{ title: 'ReDoS' }] } },
      metadata: { vulnerabilities: counts({ moderate: 1, low: 2, total: 3 }) },
    };
    expect(judgeAuditReport(JSON.stringify(report)).kind).toBe('clean');
  });

  it('fails on a high finding and names the package and advisory', () => {
    const report = {
      vulnerabilities: {
        next: { name: 'next', severity: 'critical', range: '<16.0.1', via: [{ title: 'Authorization bypass in middleware' }, 'other-package'] },
        ws: { name: 'ws', severity: 'high', range: '8.0.0 - 8.17.0', via: [{ title: 'DoS when handling many headers' }] },
      },
      metadata: { vulnerabilities: counts({ high: 1, critical: 1, total: 2 }) },
    };
    const verdict = judgeAuditReport(JSON.stringify(report));
    expect(verdict.kind).toBe('vulnerable');
    if (verdict.kind !== 'vulnerable') return;
    expect(verdict.findings).toEqual([
      'critical next <16.0.1 — Authorization bypass in middleware',
      'high ws 8.0.0 - 8.17.0 — DoS when handling many headers',
    ]);
  });

  it('fails on counts alone when npm lists no details', () => {
    expect(judgeAuditReport(JSON.stringify({ metadata: { vulnerabilities: counts({ high: 1, total: 1 }) } })).kind).toBe('vulnerable');
  });

  it('tells a refused advisory service apart from a clean result', () => {
    const refused = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } };
    expect(judgeAuditReport(JSON.stringify(refused))).toEqual({ kind: 'unreachable', reason: refused.message });
    expect(judgeAuditReport('npm error network').kind).toBe('unreachable');
  });
});
