// The public-record half of /trends, drawn from its aggregates: DPRK-attributed thefts from
// published sources, each figure with its source, basis and confidence.
import Link from 'next/link';
import { formatCount, formatUsdMillions, formatUsdRange, vectorLabel } from '@/lib/trends/figures';
import { trendsQuery, type TrendParams } from '@/lib/trends/params';
import { formatDay, toDay } from '@/lib/trends/range';
import { summarizeFundsByYear, summarizeIncidentsByRegion, summarizeIncidentVectors, summarizeLargestIncidents } from '@/lib/trends/summaries';
import type { FundsByYear, IncidentsByRegion, IncidentsByVector, IncidentTotals, LargestIncidents, PublicIncident } from '@/lib/trends/types';
import { ChartCard, ChartEmpty } from './chart-card';
import { DataTable } from './data-table';
import { FundsByYearChart } from './funds-by-year-chart';
import { IncidentsByRegionChart } from './incidents-by-region-chart';
import { IncidentVectorsChart } from './incident-vectors-chart';
import { LargestIncidentsChart } from './largest-incidents-chart';

/** Where the public incident data starts: the link offered when a range holds none. */
export const PUBLIC_RECORD_FROM = '2018-01-01';

type Href = (patch: Partial<TrendParams>) => string;

function SuspectedNote({ totals, params, href }: { totals: IncidentTotals; params: TrendParams; href: Href }) {
  if (params.includeSuspected) {
    return (
      <p>
        Suspected attributions are included and labelled “suspected”. <Link href={href({ includeSuspected: false })}>Leave them out</Link>
      </p>
    );
  }
  if (totals.suspectedLeftOut === 0) return null;
  return (
    <p>
      {formatCount(totals.suspectedLeftOut, 'incident')} with only a suspected attribution {totals.suspectedLeftOut === 1 ? 'is' : 'are'} left out
      of these totals. <Link href={href({ includeSuspected: true })}>Include suspected incidents</Link>
    </p>
  );
}

function NoIncidents({ params, href, totals }: { params: TrendParams; href: Href; totals: IncidentTotals }) {
  return (
    <ChartEmpty>
      No {params.includeSuspected ? '' : 'attributed '}public incident between {formatDay(params.range.from)} and {formatDay(params.range.to)}.{' '}
      {totals.suspectedLeftOut > 0 && !params.includeSuspected ? (
        <Link href={href({ includeSuspected: true })}>Include suspected incidents</Link>
      ) : (
        <Link href={href({ range: { from: PUBLIC_RECORD_FROM, to: toDay(new Date()) } })}>Show the public record since 2018</Link>
      )}
    </ChartEmpty>
  );
}

function attributionCell(incident: PublicIncident) {
  return incident.suspected ? (
    <>
      <span className="badge badge-amber">Suspected</span> {incident.attribution === 'suspected' ? '' : incident.attribution}
    </>
  ) : (
    incident.attribution
  );
}

export function PublicRecordView({
  params,
  funds,
  largest,
  regions,
  vectors,
}: {
  params: TrendParams;
  funds: FundsByYear;
  largest: LargestIncidents;
  regions: IncidentsByRegion;
  vectors: IncidentsByVector;
}) {
  const href: Href = (patch) => `/trends${trendsQuery({ ...params, source: funds.source, ...patch })}`;
  const partialYears = funds.figures.some((figure) => figure.period !== 'full year');

  return (
    <div className="grid-2 trends-grid">
      <ChartCard
        id="funds-by-year"
        title="Funds stolen by DPRK-attributed actors per year"
        summary={summarizeFundsByYear(funds)}
        controls={
          <nav className="tabs trend-sources" aria-label="Source of the yearly figures">
            {funds.sources.map((name) => (
              <Link key={name} href={href({ source: name })} aria-current={name === funds.source ? 'true' : undefined}>
                {name}
              </Link>
            ))}
          </nav>
        }
        notes={
          <>
            <p>
              Sources disagree: each counts different incidents and revises its figures. One source at a time; striped bars and “≈” mark figures of
              medium or low confidence.{partialYears ? ' * Period shorter than a full year.' : ''} Per calendar year: the date range does not apply.
            </p>
          </>
        }
      >
        {funds.figures.length === 0 ? (
          <ChartEmpty>No yearly figure from {funds.source}.</ChartEmpty>
        ) : (
          <>
            <FundsByYearChart figures={funds.figures} source={funds.source} />
            <DataTable
              visible
              caption={`Funds stolen per year according to ${funds.source}, USD millions`}
              columns={['Year', 'USD millions', 'Incidents', 'Basis (confidence)']}
              rows={funds.figures.map((figure) => [
                figure.period === 'full year' ? figure.year : `${figure.year}* (${figure.period})`,
                formatUsdMillions(figure.usdMillions, figure.approximate),
                figure.incidents ?? '—',
                `${figure.basis} (${figure.confidence})`,
              ])}
            />
          </>
        )}
      </ChartCard>

      <ChartCard
        id="largest-incidents"
        title="Largest DPRK-attributed incidents"
        summary={summarizeLargestIncidents(largest)}
        notes={<SuspectedNote totals={largest.totals} params={params} href={href} />}
      >
        {largest.incidents.length === 0 ? (
          <NoIncidents params={params} href={href} totals={largest.totals} />
        ) : (
          <>
            <LargestIncidentsChart incidents={largest.incidents} />
            <DataTable
              visible
              caption="Largest incidents in the range, USD millions, with entry vector and who attributed them"
              columns={['Incident', 'USD millions', 'Vector', 'Attributed by']}
              rows={largest.incidents.map((incident) => [
                <>
                  {incident.name}
                  <div className="muted small">{formatDay(incident.occurredOn)}</div>
                </>,
                formatUsdRange(incident.usdMillionsLow, incident.usdMillionsHigh, incident.approximate),
                vectorLabel(incident.vector),
                attributionCell(incident),
              ])}
            />
          </>
        )}
      </ChartCard>

      <ChartCard
        id="incidents-by-region"
        title="Public incidents by victim region"
        summary={summarizeIncidentsByRegion(regions)}
        notes={
          <>
            <p>Region of the victim organization as published; “Global” is a DeFi protocol with no single home. Bars run from the low to the high estimate.</p>
            <SuspectedNote totals={regions.totals} params={params} href={href} />
          </>
        }
      >
        {regions.regions.length === 0 ? (
          <NoIncidents params={params} href={href} totals={regions.totals} />
        ) : (
          <>
            <IncidentsByRegionChart regions={regions.regions} />
            <DataTable
              caption="Public incidents by victim region"
              columns={['Victim region', 'Incidents', 'USD millions (low–high)']}
              rows={regions.regions.map((row) => [
                row.region,
                row.suspected > 0 ? `${row.incidents} (${row.suspected} suspected)` : row.incidents,
                formatUsdRange(row.usdLow, row.usdHigh),
              ])}
            />
          </>
        )}
      </ChartCard>

      <ChartCard
        id="incident-vectors"
        title="Public incidents by entry vector"
        summary={summarizeIncidentVectors(vectors)}
        notes={<SuspectedNote totals={vectors.totals} params={params} href={href} />}
      >
        {vectors.vectors.length === 0 ? (
          <NoIncidents params={params} href={href} totals={vectors.totals} />
        ) : (
          <>
            <IncidentVectorsChart vectors={vectors.vectors} />
            <DataTable
              caption="Public incidents by entry vector, USD millions"
              columns={['Entry vector', 'Incidents', 'USD millions (low–high)']}
              rows={vectors.vectors.map((row) => [row.label, row.incidents, formatUsdRange(row.usdLow, row.usdHigh)])}
            />
            {vectors.staffIncidents.length > 0 ? (
              <>
                <h3 className="trend-subheading">Began with the victim’s own staff</h3>
                <p className="muted small trend-lead">
                  Fake job offers and fake interviews aimed at employees: the mirror image of the fake-applicant scheme.
                </p>
                <ul className="plain trend-list">
                  {vectors.staffIncidents.map((incident) => (
                    <li key={incident.id}>
                      <div className="spread">
                        <strong>{incident.name}</strong>
                        <span>{formatUsdRange(incident.usdMillionsLow, incident.usdMillionsHigh, incident.approximate)}</span>
                      </div>
                      <div className="small">
                        {formatDay(incident.occurredOn)} · {vectorLabel(incident.vector)}: {incident.vectorDetail}
                      </div>
                      <div className="small muted">Attributed by: {attributionCell(incident)}</div>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </ChartCard>
    </div>
  );
}
