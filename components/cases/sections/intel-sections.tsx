// Read-only sections of a case file: what was gathered. Each takes only the data it shows.
import { CHECK_RESULT_LABELS, IDENTIFIER_KIND_LABELS, INTERVIEW_KIND_LABELS, INTERVIEW_OUTCOME_LABELS, OBSERVATION_LABELS, PROOFING_CHECK_LABELS, type InterviewObservation } from '@/lib/domain';
import type { CaseFile } from '@/lib/cases/case-file';
import { formatDate, formatDateTime } from '@/components/ui/format';
import { NoteBody } from '@/components/cases/note-body';

const SEVERITY_TONE: Record<string, string> = { low: 'badge-neutral', medium: 'badge-amber', high: 'badge-red', critical: 'badge-red' };
const RESULT_TONE: Record<string, string> = { pass: 'badge-green', fail: 'badge-red', not_done: 'badge-neutral' };

export function IdentifierList({ identifiers }: { identifiers: CaseFile['identifiers'] }) {
  if (identifiers.length === 0) return <p className="muted">No identifiers yet.</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Value</th>
          <th scope="col">Normalized</th>
          <th scope="col">Source</th>
          <th scope="col">First seen</th>
        </tr>
      </thead>
      <tbody>
        {identifiers.map((i) => (
          <tr key={i.id}>
            <td>{IDENTIFIER_KIND_LABELS[i.kind]}</td>
            <td className="mono">{i.value}</td>
            <td className="mono muted">{i.normalized}</td>
            <td className="small">{i.source}</td>
            <td className="small">{formatDate(i.firstSeenAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IndicatorList({ indicators }: { indicators: CaseFile['indicators'] }) {
  if (indicators.length === 0) return <p className="muted">No indicators ticked yet. Derived ones appear in the risk explanation.</p>;
  return (
    <ul className="plain">
      {indicators.map((i) => (
        <li key={i.id}>
          <div className="spread">
            <strong>{i.title}</strong>
            <span className={`badge ${SEVERITY_TONE[i.severity]}`}>{i.severity}</span>
          </div>
          <div>{i.evidence}</div>
          <div className="muted small">
            {i.category.replaceAll('_', ' ')} · observed by {i.observer ?? 'unknown'} on {formatDate(i.observedAt)} · source: {i.sources}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function InterviewList({ interviews }: { interviews: CaseFile['interviews'] }) {
  if (interviews.length === 0) return <p className="muted">No interview rounds recorded.</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Kind</th>
          <th scope="col">Interviewer</th>
          <th scope="col">Name used</th>
          <th scope="col">Observations</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {interviews.map((r) => (
          <tr key={r.id}>
            <td className="small">{r.heldOn}</td>
            <td>{INTERVIEW_KIND_LABELS[r.kind]}</td>
            <td>{r.interviewer}</td>
            <td>{r.nameUsed}</td>
            <td>
              <div className="row">
                {r.observations.map((o) => (
                  <span key={o} className="badge badge-amber">
                    {OBSERVATION_LABELS[o as InterviewObservation] ?? o}
                  </span>
                ))}
              </div>
              {r.notes && <div className="small">{r.notes}</div>}
            </td>
            <td>{INTERVIEW_OUTCOME_LABELS[r.outcome]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProofingChecklist({ proofing }: { proofing: CaseFile['proofing'] }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Result</th>
          <th scope="col">Checked</th>
        </tr>
      </thead>
      <tbody>
        {proofing.map((p) => (
          <tr key={p.check}>
            <td>
              {PROOFING_CHECK_LABELS[p.check]}
              {p.note && <div className="muted small">{p.note}</div>}
            </td>
            <td>
              <span className={`badge ${RESULT_TONE[p.result]}`}>{CHECK_RESULT_LABELS[p.result]}</span>
            </td>
            <td className="small">{p.checkedAt ? `${p.checker ?? 'unknown'}, ${formatDateTime(p.checkedAt)}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NoteList({ notes }: { notes: CaseFile['notes'] }) {
  if (notes.length === 0) return <p className="muted">No notes yet.</p>;
  return (
    <ul className="plain">
      {notes.map((n) => (
        <li key={n.id}>
          <NoteBody markdown={n.body} />
          <div className="muted small">
            {n.author ?? 'unknown'} · {formatDateTime(n.createdAt)}
          </div>
        </li>
      ))}
    </ul>
  );
}
