// /api-docs: the API reference, rendered on the server from the generated OpenAPI document
// (the same object /api/v1/openapi.json serves). Public, like the document: it describes the
// API, never data.
import type { Metadata } from 'next';
import { SchemaTable, typeOf } from '@/components/api-docs/schema-table';
import { openApiDocument } from '@/lib/api/openapi';

export const metadata: Metadata = { title: 'API reference' };

type Json = Record<string, unknown>;

export default function ApiDocsPage() {
  const doc = openApiDocument();
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const schemas = (doc.components as Json).schemas as Record<string, Json>;
  return (
    <main style={{ maxWidth: 1000, margin: '0 auto', padding: 24 }}>
      <h1>{String(info.title)} v{String(info.version)}</h1>
      <p>{String(info.description)}</p>
      <p>
        Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1, generated from the validation schemas).
      </p>
      <h2>Endpoints</h2>
      {Object.entries(paths).flatMap(([route, methods]) =>
        Object.entries(methods).map(([method, op]) => {
          const id = String(op.operationId);
          const parameters = (op.parameters as Json[] | undefined) ?? [];
          const body = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>;
          const responses = (op.responses ?? {}) as Record<string, Json>;
          return (
            <section key={id} id={id} className="card" style={{ marginBottom: 14 }} aria-labelledby={`${id}-heading`}>
              <h3 id={`${id}-heading`} className="mono">
                {method.toUpperCase()} {route}
              </h3>
              <p>
                <strong>{String(op.summary ?? '')}</strong> {String(op.description ?? '')}
              </p>
              {parameters.length > 0 && (
                <ul className="small">
                  {parameters.map((p) => (
                    <li key={String(p.name)}>
                      <span className="mono">{String(p.name)}</span> ({String(p.in)}
                      {p.required ? ', required' : ''}): <span className="mono">{typeOf(p.schema as Json)}</span> {String(p.description ?? '')}
                    </li>
                  ))}
                </ul>
              )}
              {Object.entries(body).map(([type, content]) => (
                <p key={type} className="small">
                  Body <span className="mono">{type}</span>: <span className="mono">{typeOf((content['x-item-schema'] ?? content.schema) as Json)}</span>
                </p>
              ))}
              <ul className="small">
                {Object.entries(responses).map(([status, response]) => {
                  const json = ((response.content as Record<string, Json> | undefined)?.['application/json']?.schema ?? undefined) as Json | undefined;
                  return (
                    <li key={status}>
                      <span className="mono">{status}</span> {String(response.description)} {json && <span className="mono">→ {typeOf(json)}</span>}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        }),
      )}
      <h2>Schemas</h2>
      {Object.entries(schemas).map(([name, schema]) => (
        <section key={name} id={`schema-${name}`} style={{ marginBottom: 18 }} aria-labelledby={`schema-${name}-heading`}>
          <h3 id={`schema-${name}-heading`}>{name}</h3>
          <SchemaTable schema={schema} label={`${name} fields`} />
        </section>
      ))}
    </main>
  );
}
