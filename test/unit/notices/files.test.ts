import { describe, expect, it } from 'vitest';
import { checkUpload, MAX_FILE_BYTES, sniffImage } from '../../../src/server/modules/notices/domain/files.ts';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(8)]);
const pdf = Buffer.from('%PDF-1.7\n');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe('file checks', () => {
  it('recognises photo formats from their bytes', () => {
    expect(sniffImage(png)).toBe('image/png');
    expect(sniffImage(jpeg)).toBe('image/jpeg');
    expect(sniffImage(webp)).toBe('image/webp');
    expect(sniffImage(heic)).toBe('image/heic');
    expect(sniffImage(Buffer.from('GIF89a......'))).toBe('image/gif');
  });

  it('takes only photos as proof, whatever the name or declared type', () => {
    expect(checkUpload(png, 'proof')).toEqual({ mimeType: 'image/png' });
    expect(checkUpload(pdf, 'proof')).toMatchObject({ reason: 'file_type' });
    expect(checkUpload(svg, 'proof')).toMatchObject({ reason: 'file_type' });
  });

  it('takes PDF or images as attachments', () => {
    expect(checkUpload(pdf, 'attachment')).toEqual({ mimeType: 'application/pdf' });
    expect(checkUpload(jpeg, 'attachment')).toEqual({ mimeType: 'image/jpeg' });
    expect(checkUpload(svg, 'attachment')).toMatchObject({ reason: 'file_type' });
  });

  it('refuses empty files and files over the limit, naming the field', () => {
    expect(checkUpload(Buffer.alloc(0), 'proof')).toMatchObject({ reason: 'file_empty', message: 'file: is empty' });
    const big = Buffer.concat([jpeg, Buffer.alloc(MAX_FILE_BYTES)]);
    expect(checkUpload(big, 'proof')).toMatchObject({ reason: 'file_too_large', message: 'file: is larger than 10 MB' });
    expect(checkUpload(Buffer.concat([jpeg, Buffer.alloc(MAX_FILE_BYTES - jpeg.length)]), 'proof')).toEqual({ mimeType: 'image/jpeg' });
  });
});
