'use client';

/** The case file doubles as the CSO's sign-off report: the print stylesheet drops the forms. */
export function PrintButton() {
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      Print report
    </button>
  );
}
