import { describe, expect, it } from 'vitest';
import { MAX_SCAN_BYTES, changePaperStatus, checkScan, detectScanKind } from '../../../shared/rules/paper-status';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('scans of signed copies', () => {
  it('recognises PDF, JPEG and PNG by their first bytes, whatever the file is called', () => {
    expect(detectScanKind(new TextEncoder().encode('%PDF-1.7\n'))?.mimeType).toBe('application/pdf');
    expect(detectScanKind(bytes(0xff, 0xd8, 0xff, 0xe0))?.mimeType).toBe('image/jpeg');
    expect(detectScanKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.mimeType).toBe('image/png');
    expect(detectScanKind(new TextEncoder().encode('PK\u0003\u0004'))).toBeUndefined();
    expect(detectScanKind(bytes())).toBeUndefined();
  });

  it('refuses other files, empty files and files over the limit with a Chinese message', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4');
    expect(checkScan(pdf.length, pdf).ok).toBe(true);
    expect(checkScan(10, new TextEncoder().encode('GIF89a'))).toEqual({ ok: false, message: expect.stringContaining('只能上传 PDF、JPEG 或 PNG') });
    expect(checkScan(0, pdf)).toEqual({ ok: false, message: expect.stringContaining('空的') });
    expect(checkScan(MAX_SCAN_BYTES + 1, pdf)).toEqual({ ok: false, message: expect.stringContaining('不能超过 20 MB') });
    expect(checkScan(MAX_SCAN_BYTES, pdf).ok).toBe(true);
  });
});

describe('paper status', () => {
  it('goes 待签回 → 已签回 → 已归档, filing only with a location', () => {
    expect(changePaperStatus({ paperStatus: '待签回' }, { to: '已签回' })).toEqual({ ok: true, patch: { paperStatus: '已签回' } });
    expect(changePaperStatus({ paperStatus: '已签回' }, { to: '已归档' })).toMatchObject({ ok: false, message: expect.stringContaining('档案盒号') });
    expect(changePaperStatus({ paperStatus: '已签回' }, { to: '已归档', archiveLocation: ' 2026-网宣-03盒 ' })).toEqual({
      ok: true,
      patch: { paperStatus: '已归档', archiveLocation: '2026-网宣-03盒' },
    });
  });

  it('refuses skipping a step or repeating one, and allows one step back', () => {
    expect(changePaperStatus({ paperStatus: '待签回' }, { to: '已归档', archiveLocation: 'A' }).ok).toBe(false);
    expect(changePaperStatus({ paperStatus: '已签回' }, { to: '已签回' }).ok).toBe(false);
    expect(changePaperStatus({ paperStatus: '已归档' }, { to: '已签回' }).ok).toBe(true);
    expect(changePaperStatus({ paperStatus: '已签回' }, { to: '待签回' }).ok).toBe(true);
  });
});
