// What may be uploaded, judged from the bytes rather than the name or the client's MIME type, so
// that a file served back with its stored type is what it claims to be (an SVG or HTML "photo"
// could carry script). Pure: no I/O.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/heic';
const startsWith = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
const ascii = (buf: Buffer, from: number, to: number) => buf.subarray(from, to).toString('latin1');

/** The image type of the bytes, or null when they are not a photo format we keep. */
export function sniffImage(buf: Buffer): ImageType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return 'image/gif';
  // phones (iPhone) save HEIC: an ISO-BMFF "ftyp" box with a HEIF brand
  if (ascii(buf, 4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1', 'heis', 'hevc'].includes(ascii(buf, 8, 12))) return 'image/heic';
  return null;
}

/** Attachments of a notice: photos or PDF documents. */
export function sniffAttachment(buf: Buffer): ImageType | 'application/pdf' | null {
  if (ascii(buf, 0, 5) === '%PDF-') return 'application/pdf';
  return sniffImage(buf);
}

export interface FileProblem {
  reason: 'file_type' | 'file_too_large' | 'file_empty';
  message: string;
}

/** Checks size and type of an upload; returns the sniffed type or the problem, naming the field `file`. */
export function checkUpload(buf: Buffer, kind: 'attachment' | 'proof'): { mimeType: string } | FileProblem {
  if (buf.length === 0) return { reason: 'file_empty', message: 'file: is empty' };
  if (buf.length > MAX_FILE_BYTES) return { reason: 'file_too_large', message: `file: is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  const mimeType = kind === 'proof' ? sniffImage(buf) : sniffAttachment(buf);
  if (!mimeType) {
    const allowed = kind === 'proof' ? 'a JPEG, PNG, WebP, GIF or HEIC photo' : 'a PDF or a JPEG, PNG, WebP, GIF or HEIC image';
    return { reason: 'file_type', message: `file: must be ${allowed}` };
  }
  return { mimeType };
}
