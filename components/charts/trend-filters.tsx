// The date-range filter of /trends: a GET form, so the URL stays the state of the page.
import Form from 'next/form';
import Link from 'next/link';
import { DEFAULT_SOURCE, trendsQuery, type TrendParams } from '@/lib/trends/params';
import { defaultRange, EARLIEST_DAY, startOfMonthBefore, toDay } from '@/lib/trends/range';

export function TrendFilters({ params, today = new Date() }: { params: TrendParams; today?: Date }) {
  const { range, source, includeSuspected } = params;
  const todayDay = toDay(today);
  const presets = [
    { label: 'Last 12 months', range: defaultRange(today) },
    { label: 'Last 3 years', range: { from: startOfMonthBefore(todayDay, 35), to: todayDay } },
    { label: 'Since 2018 (all public data)', range: { from: '2018-01-01', to: todayDay } },
  ];
  return (
    // Keyed by the range: the inputs' defaults must follow the URL after a client navigation.
    <Form key={`${range.from}/${range.to}/${includeSuspected}`} action="/trends" className="card toolbar trend-filters" aria-label="Date range">
      <div className="field">
        <label htmlFor="trends-from">From</label>
        <input id="trends-from" type="date" name="from" defaultValue={range.from} min={EARLIEST_DAY} required />
      </div>
      <div className="field">
        <label htmlFor="trends-to">To</label>
        <input id="trends-to" type="date" name="to" defaultValue={range.to} min={EARLIEST_DAY} required />
      </div>
      {source !== DEFAULT_SOURCE ? <input type="hidden" name="source" value={source} /> : null}
      <div className="checks trend-check">
        <label>
          <input type="checkbox" name="suspected" value="1" defaultChecked={includeSuspected} /> Include suspected incidents
        </label>
      </div>
      <button type="submit" className="primary">
        Apply
      </button>
      <nav className="row small trend-presets" aria-label="Preset date ranges">
        {presets.map((preset) => {
          const current = preset.range.from === range.from && preset.range.to === range.to;
          return (
            <Link key={preset.label} href={`/trends${trendsQuery({ range: preset.range, source, includeSuspected }, today)}`} aria-current={current ? 'true' : undefined}>
              {preset.label}
            </Link>
          );
        })}
      </nav>
    </Form>
  );
}
