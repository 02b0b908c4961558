// A QR code drawn as SVG on the server (lib/auth/mfa/qr.ts), black on white with the quiet
// zone scanners need, whatever the page's theme.
import type { QrMatrix } from '@/lib/auth/mfa/qr';

const QUIET_ZONE = 4;

export function QrCode({ matrix, label }: { matrix: QrMatrix; label: string }) {
  const side = matrix.size + QUIET_ZONE * 2;
  return (
    <svg role="img" aria-label={label} viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`} width={220} height={220} shapeRendering="crispEdges" style={{ background: '#fff', display: 'block' }}>
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={matrix.path} fill="#000" />
    </svg>
  );
}
