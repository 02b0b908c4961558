'use client';
// Filters write the URL (the URL is the state); typing in the search box is debounced and
// every change goes back to page 1.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { REGIONS, REGION_LABELS, RISK_BANDS } from '@/lib/domain';

interface Props {
  investigators: { id: string; name: string }[];
}

export function CaseFilters({ investigators }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [query, setQuery] = useState(searchParams.get('q') ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function update(key: string, value: string) {
    const params = new URLSearchParams(searchParams.toString());
    if (value) params.set(key, value);
    else params.delete(key);
    // A new view starts on page 1: the page number and its keyset cursor go.
    for (const key of ['page', 'after', 'before']) params.delete(key);
    router.replace(`${pathname}?${params.toString()}`);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
      <div className="field grow">
        <label htmlFor="filter-q">Search</label>
        <input
          id="filter-q"
          type="search"
          placeholder="Name, email or reference"
          value={query}
          onChange={(e) => {
            const value = e.target.value;
            setQuery(value);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => update('q', value.trim()), 300);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-band">Risk</label>
        <select id="filter-band" value={searchParams.get('band') ?? ''} onChange={(e) => update('band', e.target.value)}>
          <option value="">Any risk</option>
          {RISK_BANDS.map((band) => (
            <option key={band} value={band}>
              {band}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-region">Region</label>
        <select id="filter-region" value={searchParams.get('region') ?? ''} onChange={(e) => update('region', e.target.value)}>
          <option value="">All regions</option>
          {REGIONS.map((region) => (
            <option key={region} value={region}>
              {REGION_LABELS[region]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-assignee">Assignee</label>
        <select id="filter-assignee" value={searchParams.get('assignee') ?? ''} onChange={(e) => update('assignee', e.target.value)}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {investigators.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
