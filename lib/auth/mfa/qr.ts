// The QR code of an otpauth:// URI as one SVG path, drawn by React on the server: no image
// file, no data: URL, no raw HTML, so neither the CSP nor the no-dangerouslySetInnerHTML rule
// needs an exception. qrcode computes the matrix; each dark module becomes a 1×1 square.
import QRCode from 'qrcode';

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** SVG path data in module units. */
  path: string;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) path += `M${col} ${row}h1v1h-1z`;
    }
  }
  return { size: modules.size, path };
}
