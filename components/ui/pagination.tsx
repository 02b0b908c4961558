import Link from 'next/link';

/**
 * Previous / next links that keep every other query parameter of the current URL. A keyset
 * list passes the extra parameters (its cursors) each link carries in `previous` / `next`.
 */
export function Pagination({
  page,
  pageCount,
  total,
  params,
  basePath,
  previous = {},
  next = {},
}: {
  page: number;
  pageCount: number;
  total: number;
  params: Record<string, string>;
  basePath: string;
  previous?: Record<string, string>;
  next?: Record<string, string>;
}) {
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...params, page: String(p), ...(p < page ? previous : next) }).toString()}`;
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="muted small">
        Page {page} of {Math.max(1, pageCount)} · {total} in all
      </span>
      <span className="row">
        {page > 1 ? <Link className="button" href={href(page - 1)}>Previous</Link> : <span className="button" aria-disabled="true" style={{ opacity: 0.5 }}>Previous</span>}
        {page < pageCount ? <Link className="button" href={href(page + 1)}>Next</Link> : <span className="button" aria-disabled="true" style={{ opacity: 0.5 }}>Next</span>}
      </span>
    </nav>
  );
}
