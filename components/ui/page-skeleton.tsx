// Loading placeholders go inside a page's own <Suspense>, after its permission check: a
// route-level loading.tsx would start streaming before forbidden() runs, and a refused
// visitor would get HTTP 200 instead of 403.

/** Grey bars while a table's query runs. */
export function TableSkeleton({ label, rows = 10 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true">
      <span className="sr-only">{label}</span>
      <div className="card" aria-hidden="true">
        <div className="skeleton" style={{ height: 32, marginBottom: 12 }} />
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="skeleton" style={{ height: 22, marginBottom: 10, opacity: 1 - index * 0.06 }} />
        ))}
      </div>
    </div>
  );
}
