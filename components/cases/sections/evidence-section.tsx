// Evidence attachments of a case file with their chain of custody: who uploaded each file
// and when, its size, the type detected from its bytes, and the SHA-256 taken at upload (the
// download is refused if the stored bytes no longer hash to it).
import type { AttachmentRow } from '@/lib/evidence/queries';
import { ALLOWED_EVIDENCE_TYPES, type EvidenceMediaType } from '@/lib/evidence/sniff';
import { formatBytes } from '@/lib/evidence/limits';
import { formatDateTime } from '@/components/ui/format';

export function EvidenceList({ reference, attachments }: { reference: string; attachments: AttachmentRow[] }) {
  if (attachments.length === 0) return <p className="muted">No evidence attached yet.</p>;
  return (
    <ul className="plain" aria-label="Evidence files">
      {attachments.map((a) => (
        <li key={a.id}>
          <div>
            <a href={`/cases/${reference}/attachments/${a.id}`} download>
              {a.fileName}
            </a>{' '}
            <span className="muted small">
              {ALLOWED_EVIDENCE_TYPES[a.mediaType as EvidenceMediaType]?.label ?? a.mediaType} · {formatBytes(a.sizeBytes)}
            </span>
          </div>
          <div className="small">
            SHA-256 <code style={{ wordBreak: 'break-all' }}>{a.sha256}</code>
          </div>
          <div className="muted small">
            Uploaded by {a.uploader ?? 'unknown'} · {formatDateTime(a.uploadedAt)}
          </div>
        </li>
      ))}
    </ul>
  );
}
