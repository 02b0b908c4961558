// One JSON Schema object of the OpenAPI document as a table of its properties.
type Json = Record<string, unknown>;

export function typeOf(schema: Json | undefined): string {
  if (!schema) return 'any';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? 'object';
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items as Json)}[]`;
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return `${Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'object')}${format}`;
}

function rows(schema: Json, prefix = ''): { name: string; type: string; required: boolean; description: string }[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([name, property]) => {
    const row = { name: prefix + name, type: typeOf(property), required: required.has(name), description: String(property.description ?? '') };
    const items = property.type === 'array' ? (property.items as Json) : null;
    const nested = property.type === 'object' && property.properties ? property : items?.properties ? items : null;
    return [row, ...(nested ? rows(nested, `${prefix}${name}${items ? '[]' : ''}.`) : [])];
  });
}

export function SchemaTable({ schema, label }: { schema: Json; label: string }) {
  const list = schema.type === 'array' ? (schema.items as Json) : schema;
  const props = rows(list);
  if (props.length === 0) return <p className="mono small">{typeOf(schema)}</p>;
  return (
    <div className="table-wrap">
      <table className="data" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {props.map((p) => (
            <tr key={p.name}>
              <td className="mono">{p.name}</td>
              <td className="mono small">{p.type}</td>
              <td>{p.required ? 'yes' : ''}</td>
              <td className="small">{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
