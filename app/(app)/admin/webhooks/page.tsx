import type { Metadata } from 'next';
import { WebhookActions } from '@/components/admin/webhook-actions';
import { WebhookForm } from '@/components/admin/webhook-form';
import { formatDateTime } from '@/components/ui/format';
import { requirePermission } from '@/lib/auth/session';
import { MAX_ATTEMPTS } from '@/lib/webhooks/backoff';
import { DELIVERY_LOG_SIZE, listWebhookEndpoints, recentWebhookDeliveries } from '@/lib/webhooks/queries';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  await requirePermission('webhooks:manage');
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(), recentWebhookDeliveries()]);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Webhooks</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Escalations, clearances and new critical watchlist hits, POSTed as signed JSON (case reference and clearance only) to the endpoints below.
            Failed deliveries are retried {MAX_ATTEMPTS - 1} times with growing delays; every attempt is logged here.
          </p>
        </div>
      </div>
      <div className="grid-main-side">
        <div className="stack">
          <section className="card" aria-labelledby="endpoints-h">
            <h2 id="endpoints-h">Endpoints</h2>
            {endpoints.length === 0 ? (
              <div className="empty">No endpoints yet.</div>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">URL</th>
                      <th scope="col">Events</th>
                      <th scope="col">Queue</th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {endpoints.map((e) => (
                      <tr key={e.id} style={e.enabled ? undefined : { opacity: 0.6 }}>
                        <td>
                          {e.name}
                          {!e.enabled && <span className="badge badge-neutral">disabled</span>}
                        </td>
                        <td className="mono small">{e.url}</td>
                        <td className="small">{e.events.join(', ')}</td>
                        <td className="small">
                          {e.pending} pending, {e.failed} failed
                        </td>
                        <td>
                          <WebhookActions id={e.id} name={e.name} enabled={e.enabled} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="deliveries-h">
            <h2 id="deliveries-h">
              Delivery log <span className="muted small">(latest {DELIVERY_LOG_SIZE} attempts)</span>
            </h2>
            {deliveries.length === 0 ? (
              <div className="empty">Nothing delivered yet.</div>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Endpoint</th>
                      <th scope="col">Event</th>
                      <th scope="col">Attempt</th>
                      <th scope="col">Status</th>
                      <th scope="col">Duration</th>
                      <th scope="col">Error</th>
                    </tr>
                  </thead>
                  <tbody>
                    {deliveries.map((d) => (
                      <tr key={d.id}>
                        <td className="small">{formatDateTime(d.at)}</td>
                        <td>{d.endpoint}</td>
                        <td className="mono small">{d.event}</td>
                        <td>
                          {d.attempt} of {MAX_ATTEMPTS}
                        </td>
                        <td>
                          <span className={`badge ${d.error ? 'badge-red' : 'badge-green'}`}>{d.statusCode ?? 'no answer'}</span>
                        </td>
                        <td className="small">{d.durationMs} ms</td>
                        <td className="small">{d.error ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
        <section className="card" aria-labelledby="add-webhook-h">
          <h2 id="add-webhook-h">Add endpoint</h2>
          <WebhookForm />
        </section>
      </div>
    </>
  );
}
