// Where a bulk import spends its time, phase by phase: off unless asked for (npm run
// bench:import turns it on), so an import pays one boolean test per phase. CPU time is kept
// beside wall time because a shared machine stretches wall time with everyone else's work.
export const IMPORT_PHASES = ['validate', 'write rows', 'match keys', 'networks', 'scores', 'audit'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export interface PhaseTime {
  wallMs: number;
  cpuMs: number;
}

const totals = new Map<ImportPhase, PhaseTime>();
let recording = false;

/** Starts (or stops) recording phase times, from zero. */
export function recordImportPhases(on: boolean): void {
  recording = on;
  totals.clear();
}

/** The times recorded since recordImportPhases(true), in phase order. */
export function importPhaseTimes(): [ImportPhase, PhaseTime][] {
  return IMPORT_PHASES.map((phase) => [phase, totals.get(phase) ?? { wallMs: 0, cpuMs: 0 }]);
}

/** Runs one phase of an import, adding its time to the phase's total when recording. */
export async function timePhase<T>(phase: ImportPhase, step: () => Promise<T> | T): Promise<T> {
  if (!recording) return step();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await step();
  } finally {
    const used = process.cpuUsage(cpu);
    const total = totals.get(phase) ?? { wallMs: 0, cpuMs: 0 };
    total.wallMs += performance.now() - wall;
    total.cpuMs += (used.user + used.system) / 1000;
    totals.set(phase, total);
  }
}
