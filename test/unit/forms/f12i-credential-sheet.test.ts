// F12I 账号密码封存内页 (003 第十七条 用户名、密码密封存档): the inner sheet for the handwritten
// credentials, split from the register F12. It says on the paper that it goes into the envelope
// and is never scanned, prints nothing of a credential, and the print center never offers a scan
// upload for it — the app never stores a password.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/domain/records';
import { createFormContext } from '../../../shared/forms/context';
import { buildF12I, F12I_BOX_LABEL, F12I_WARNING, f12iItems } from '../../../shared/forms/f12i-credential-sheet';
import { mm } from '../../../shared/forms/layout';
import { FORM_REGISTRY, IMPLEMENTED_FORMS, scanAllowed } from '../../../shared/forms/registry';
import { findWord, renderAndRead, squash, words, type ReadPdf } from './pdf-read';
import { envelope, recordsContext } from './records-fixture';

const SMUGGLED = 'S3cr3t!Pw_2026';
const withSecret = { ...envelope, password: SMUGGLED, note: SMUGGLED, location: SMUGGLED } as Envelope;

let filled: ReadPdf;
let blank: ReadPdf;

beforeAll(async () => {
  filled = await renderAndRead('F12I-filled', buildF12I(withSecret, createFormContext(recordsContext('MFN-2026-0003'))));
  blank = await renderAndRead('F12I-blank', buildF12I(null, createFormContext(recordsContext(''))));
});

describe('F12I 账号密码封存内页 (003 第十七条)', () => {
  it('says at its head and foot that it goes into the envelope and is never scanned', () => {
    for (const pdf of [filled, blank]) {
      expect(pdf.text).toContain('西北工业大学账号密码封存内页');
      expect(pdf.text.split(squash(F12I_WARNING)).length - 1).toBe(2);
      expect(pdf.text).toContain('不得扫描、拍照、复印或上传');
    }
  });

  it('names the envelope and the account, a line per sealed item, and nothing of a credential', () => {
    expect(filled.text).toContain('信封编号MF-2026-003平台/账号名称翱翔信息化𠮷');
    expect(filled.text).toContain(squash(F12I_BOX_LABEL));
    expect(filled.text).toContain('登录账号：密码：绑定手机：恢复码：');
    expect(filled.text).not.toContain(SMUGGLED);
    expect(blank.text).toContain('登录账号：密码：绑定手机：绑定邮箱：管理员微信：恢复码：');
    expect(f12iItems(['恢复码', 'U盾', '密码'])).toEqual(['密码', '恢复码', 'U盾']);
  });

  it('leaves each item a writing line of at least 15 mm with no printed word on it', () => {
    const all = words(filled.file);
    const account = findWord(all, '登录账号：');
    const password = findWord(all, '密码：');
    expect(account && password).toBeTruthy();
    if (!account || !password) return;
    expect(password.yMin - account.yMin).toBeGreaterThanOrEqual(mm(15) - 1);
    const onLine = all.filter((w) => w.page === account.page && w.yMin > account.yMin - mm(12) && w.yMax <= account.yMax && w.xMin > account.xMax);
    expect(onLine.map((w) => w.word)).toEqual([]);
  });

  it('is in the registry and is the only form the print center never offers to scan', () => {
    expect(FORM_REGISTRY.F12I.title).toBe('账号密码封存内页');
    expect(IMPLEMENTED_FORMS.map((f) => f.id)).toContain('F12I');
    expect(scanAllowed('F12I')).toBe(false);
    expect(IMPLEMENTED_FORMS.filter((f) => !scanAllowed(f.id)).map((f) => f.id)).toEqual(['F12I']);
    expect(scanAllowed('F12')).toBe(true);
  });
});
