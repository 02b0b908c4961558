// The shapes the trends page charts: aggregates only. Nothing here may carry a personal
// identifier (name, email, case reference): these objects are serialized to the browser of
// every role allowed to see trends, executives included.
import type { Region, Severity } from '@/lib/domain';
import type { VectorGroup } from './figures';

export interface YearlyFigure {
  year: number;
  period: string;
  usdMillions: number;
  incidents: number | null;
  basis: string;
  confidence: string;
  approximate: boolean;
}

export interface FundsByYear {
  /** Every source with yearly figures, the default first. */
  sources: string[];
  /** The source shown (the requested one if it exists, else the default). */
  source: string;
  figures: YearlyFigure[];
}

/** One public incident (organizations, never people). */
export interface PublicIncident {
  id: string;
  name: string;
  occurredOn: string;
  usdMillionsLow: number;
  usdMillionsHigh: number;
  victimCountry: string;
  region: string;
  vector: string;
  vectorDetail: string;
  attribution: string;
  confidence: string;
  suspected: boolean;
  approximate: boolean;
}

export interface IncidentTotals {
  counted: number;
  usdLow: number;
  usdHigh: number;
  /** Suspected incidents in the range left out (0 when they are included). */
  suspectedLeftOut: number;
}

export interface LargestIncidents {
  incidents: PublicIncident[];
  totals: IncidentTotals;
}

export interface RegionIncidents {
  region: string;
  incidents: number;
  usdLow: number;
  usdHigh: number;
  /** How many of them are suspected (only when suspected incidents are included). */
  suspected: number;
}

export interface IncidentsByRegion {
  regions: RegionIncidents[];
  totals: IncidentTotals;
}

export interface VectorIncidents {
  vector: string;
  label: string;
  group: VectorGroup;
  incidents: number;
  usdLow: number;
  usdHigh: number;
}

export interface IncidentsByVector {
  vectors: VectorIncidents[];
  /** The incidents that went through the victim's staff (fake job offers, insiders). */
  staffIncidents: PublicIncident[];
  totals: IncidentTotals;
}

export interface MonthOutcomes {
  month: string;
  escalated: number;
  cleared: number;
  underReview: number;
}

export interface RegionOutcomes {
  region: Region;
  label: string;
  escalated: number;
  cleared: number;
  underReview: number;
  total: number;
}

export interface IndicatorFrequency {
  code: string;
  title: string;
  category: string;
  severity: Severity;
  /** Cases in the range on which the indicator was recorded. */
  cases: number;
}

export interface TopIndicators {
  indicators: IndicatorFrequency[];
  casesInRange: number;
}

export interface DecisionTimeMonth {
  month: string;
  /** Median days from submission to first decision of the cases submitted that month. */
  medianDays: number | null;
  decided: number;
}

export interface DecisionTimes {
  medianDays: number | null;
  decided: number;
  /** Cases submitted in the range with no decision yet. */
  awaiting: number;
  months: DecisionTimeMonth[];
}
