import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddIdentifierForm } from '@/components/cases/forms/add-identifier-form';
import { AddIndicatorForm } from '@/components/cases/forms/add-indicator-form';
import { AddInterviewForm } from '@/components/cases/forms/add-interview-form';
import { AddNoteForm } from '@/components/cases/forms/add-note-form';
import { UploadEvidenceForm } from '@/components/cases/forms/upload-evidence-form';
import { AssignForm } from '@/components/cases/forms/assign-form';
import { DecisionPanel } from '@/components/cases/forms/decision-panel';
import { ProofingForm } from '@/components/cases/forms/proofing-form';
import { PrintButton } from '@/components/cases/print-button';
import { CaseSection } from '@/components/cases/sections/case-section';
import { IdentifierList, IndicatorList, InterviewList, NoteList, ProofingChecklist } from '@/components/cases/sections/intel-sections';
import { EvidenceList } from '@/components/cases/sections/evidence-section';
import { NetworkSection } from '@/components/cases/sections/network-section';
import { DecisionHistory, LinkedCases, RiskExplanation, Timeline } from '@/components/cases/sections/review-sections';
import { RiskBadge, StatusBadge } from '@/components/ui/badges';
import { formatDateTime } from '@/components/ui/format';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { requestMeta } from '@/lib/audit/request-meta';
import { getCaseFile, listIndicatorCatalog, recordCaseView } from '@/lib/cases/case-file';
import { listInvestigators } from '@/lib/cases/list';
import { referenceSchema } from '@/lib/cases/validators';
import { REGION_LABELS, SOURCE_LABELS } from '@/lib/domain';
import { evidenceMaxBytes, formatBytes } from '@/lib/evidence/limits';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The reference only: a tab title must not carry a candidate's name.
  return { title: (await params).reference };
}

export default async function CaseFilePage({ params }: Props) {
  // Authorization comes first: a recruiter learns nothing, not even whether the case exists.
  const user = await requirePermission('case:read');
  const reference = referenceSchema.safeParse((await params).reference);
  if (!reference.success) notFound();
  const [file, catalog, investigators] = await Promise.all([getCaseFile(reference.data, user), listIndicatorCatalog(), listInvestigators()]);
  if (!file) notFound();
  await recordCaseView(user, file.case, await requestMeta());
  const subject = file.case;
  const canAdd = can(user.role, 'case:add-intel');
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <p className="print-only small">
        Hirewatch case report · printed {formatDateTime(new Date())} by {user.name} · Confidential: security team only
      </p>
      <div className="page-header">
        <div>
          <div className="muted small">
            <Link href="/cases">Cases</Link> / <span className="mono">{subject.reference}</span>
          </div>
          <h1>{subject.claimedName}</h1>
          <div className="row">
            <StatusBadge status={subject.status} />
            <RiskBadge score={subject.riskScore} band={subject.riskBand} />
            <span className="muted small">
              {subject.jobRole} · {REGION_LABELS[subject.region]}
            </span>
          </div>
        </div>
        <div className="row no-print">
          {can(user.role, 'subject:export') && (
            <a className="button" href={`/cases/${subject.reference}/subject-export`} download>
              Subject access export
            </a>
          )}
          <PrintButton />
        </div>
      </div>

      {subject.erasedAt && (
        <p className="banner banner-warn">
          The applicant&apos;s personal data was erased under the retention policy on {formatDateTime(subject.erasedAt)}. Counts, outcomes and dates
          remain for the trends.
        </p>
      )}

      <div className="grid-main-side">
        <div className="stack">
          <section className="card" aria-labelledby="candidate-h">
            <h2 id="candidate-h">Candidate</h2>
            <dl className="facts">
              <dt>Name given</dt>
              <dd>{subject.claimedName}</dd>
              <dt>Name on résumé</dt>
              <dd>{subject.resumeName}</dd>
              <dt>Names in interviews</dt>
              <dd>{[...new Set(file.interviews.map((r) => r.nameUsed))].join(', ') || '—'}</dd>
              <dt>Role applied for</dt>
              <dd>{subject.jobRole}</dd>
              <dt>Targeted office</dt>
              <dd>{REGION_LABELS[subject.region]}</dd>
              <dt>Source</dt>
              <dd>{SOURCE_LABELS[subject.source]}</dd>
              <dt>Submitted</dt>
              <dd>
                {formatDateTime(subject.createdAt)} by {file.submitterName ?? 'unknown'}
              </dd>
              <dt>Assignee</dt>
              <dd>{file.assigneeName ?? 'Unassigned'}</dd>
            </dl>
          </section>

          <CaseSection id="identifiers" title="Identifiers" addLabel="Add identifier" form={canAdd && <AddIdentifierForm reference={subject.reference} />}>
            <IdentifierList identifiers={file.identifiers} />
          </CaseSection>

          {file.network && <NetworkSection network={file.network} reference={subject.reference} />}

          <CaseSection id="indicators" title="Indicators" addLabel="Add indicator" form={canAdd && <AddIndicatorForm reference={subject.reference} catalog={catalog} />}>
            <IndicatorList indicators={file.indicators} />
          </CaseSection>

          <CaseSection id="interviews" title="Interview rounds" addLabel="Record interview round" form={canAdd && <AddInterviewForm reference={subject.reference} today={today} />}>
            <InterviewList interviews={file.interviews} />
          </CaseSection>

          <CaseSection id="proofing" title="Identity proofing" addLabel="Record proofing result" form={canAdd && <ProofingForm reference={subject.reference} />}>
            <ProofingChecklist proofing={file.proofing} />
          </CaseSection>

          <CaseSection
            id="evidence"
            title="Evidence"
            addLabel="Attach evidence"
            form={can(user.role, 'evidence:upload') && <UploadEvidenceForm reference={subject.reference} maxSize={formatBytes(evidenceMaxBytes())} />}
          >
            {can(user.role, 'evidence:read') ? <EvidenceList reference={subject.reference} attachments={file.attachments} /> : <p className="muted">Not shown to your role.</p>}
          </CaseSection>

          <section className="card" aria-labelledby="notes-h">
            <h2 id="notes-h">Notes</h2>
            {canAdd && <AddNoteForm reference={subject.reference} />}
            <NoteList notes={file.notes} />
          </section>
        </div>

        <div className="stack">
          <section className="card" aria-labelledby="decision-h">
            <h2 id="decision-h">Decision</h2>
            {file.moves.length > 0 ? (
              <DecisionPanel reference={subject.reference} version={subject.version} moves={file.moves} />
            ) : (
              <p className="muted">No workflow action is open to you on this case now.</p>
            )}
            {file.blockedByTwoPersonRule && (
              <p className="banner banner-warn small">Two-person rule: you investigated this case, so another CSO must decide it.</p>
            )}
            <DecisionHistory decisions={file.decisions} />
            {can(user.role, 'case:work') && subject.status !== 'escalated' && subject.status !== 'cleared' && (
              <details style={{ marginTop: 10 }}>
                <summary>Assign</summary>
                <AssignForm reference={subject.reference} assigneeId={subject.assigneeId} investigators={investigators} />
              </details>
            )}
          </section>

          <section className="card" aria-labelledby="risk-h">
            <h2 id="risk-h">
              Risk score <RiskBadge score={subject.riskScore} band={subject.riskBand} />
            </h2>
            <RiskExplanation score={subject.riskScore} contributions={subject.riskExplanation} />
          </section>

          <section className="card" aria-labelledby="linked-h">
            <h2 id="linked-h">Linked cases ({file.linkedCases.length})</h2>
            <LinkedCases linked={file.linkedCases} />
          </section>

          <section className="card" aria-labelledby="timeline-h">
            <h2 id="timeline-h">Timeline</h2>
            <Timeline timeline={file.timeline} />
          </section>
        </div>
      </div>
    </>
  );
}
