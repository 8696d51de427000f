// Deleting a person who is still responsible for something (issue 16 point 8): the dialog lists
// the running duties, offers to hand them over in one audited transaction, and a record left
// naming the person shows 陈𠮷安（已删除）, never a bare （已删除）.
import { expect, test } from '@playwright/test';
import { readStore } from './pages/app-database';
import { LedgerApp } from './pages/ledger-app';
import { PeopleDeletePage } from './pages/people-delete-page';

interface PersonRow { id: string; name: string; deletedAt?: string }
interface PlatformRow { id: string; name: string; deletedAt?: string; responsibleId?: string; businessLeadId?: string; technicalLeadId?: string; chiefAdminId?: string; guidingTeacherId?: string; sectionAdminIds: string[] }
interface EnvelopeRow { id: string; custodianId?: string; replacedById?: string; deletedAt?: string }
interface AuditRow { seq: number; table: string; recordId: string; action: string }

const ROLE_FIELDS = ['responsibleId', 'businessLeadId', 'technicalLeadId', 'chiefAdminId', 'guidingTeacherId'] as const;
const names = (p: PlatformRow, id: string) => ROLE_FIELDS.some((f) => p[f] === id) || p.sectionAdminIds.includes(id);

test.beforeEach(async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('人员');
});

test('a deleted person stays named as 陈𠮷安（已删除） where no one took over', async ({ page }) => {
  const d = new PeopleDeletePage(page);
  const person = (await readStore<PersonRow>(page, 'people')).find((p) => p.name === '陈𠮷安')!;
  const platform = (await readStore<PlatformRow>(page, 'platforms')).find((p) => !p.deletedAt && names(p, person.id))!;

  const dialog = await d.openDelete('陈𠮷安');
  await expect(d.duties(dialog).filter({ hasText: `账号“${platform.name}”` }).first()).toBeVisible();
  await dialog.getByRole('button', { name: '移入回收站' }).click();
  await expect(dialog).toBeHidden();

  await page.goto(`/#/platforms/${encodeURIComponent(platform.id)}`);
  await expect(page.getByRole('heading', { name: platform.name })).toBeVisible();
  await expect(page.getByText('陈𠮷安（已删除）').first()).toBeVisible();
});

test('a person\'s duties are handed over and the person deleted in one audited transaction', async ({ page }) => {
  const d = new PeopleDeletePage(page);
  const people = await readStore<PersonRow>(page, 'people');
  const leaving = people.find((p) => p.name === '周立新')!;
  const successor = people.find((p) => p.name === '王喆')!;
  const before = (await readStore<AuditRow>(page, 'auditLog')).length;
  const heldEnvelopes = (await readStore<EnvelopeRow>(page, 'envelopes')).filter((e) => !e.deletedAt && !e.replacedById && e.custodianId === leaving.id);
  expect(heldEnvelopes.length).toBeGreaterThan(0);

  const dialog = await d.openDelete('周立新');
  // The duties are read after the dialog opens: wait for them (toHaveCount retries) before counting.
  await expect(d.duties(dialog).filter({ hasText: '的保管人' })).toHaveCount(heldEnvelopes.length);
  const count = await d.duties(dialog).count();
  expect(count).toBeGreaterThan(heldEnvelopes.length);
  await d.handOverTo(dialog, '王喆');
  await dialog.getByRole('button', { name: '移交并移入回收站' }).click();
  await expect(page.getByText(`已将周立新的 ${count} 项职责移交给王喆，“周立新”已移入回收站`)).toBeVisible();

  // Nothing running names 周立新 any more; the envelopes are in 王喆's custody.
  const platforms = await readStore<PlatformRow>(page, 'platforms');
  expect(platforms.filter((p) => !p.deletedAt && names(p, leaving.id)).map((p) => p.name)).toEqual([]);
  const envelopes = await readStore<EnvelopeRow>(page, 'envelopes');
  for (const e of heldEnvelopes) expect(envelopes.find((x) => x.id === e.id)!.custodianId).toBe(successor.id);
  expect((await readStore<PersonRow>(page, 'people')).find((p) => p.id === leaving.id)!.deletedAt).toBeTruthy();

  // Every changed record has its update entry, and the delete comes last.
  const audit = (await readStore<AuditRow>(page, 'auditLog')).slice(before);
  expect(audit.at(-1)).toMatchObject({ table: 'people', recordId: leaving.id, action: 'delete' });
  expect(audit.slice(0, -1).every((e) => e.action === 'update')).toBe(true);
  expect(audit.filter((e) => e.table === 'envelopes').map((e) => e.recordId).sort()).toEqual(heldEnvelopes.map((e) => e.id).sort());
});

test('a person with no duties is deleted with a plain confirmation', async ({ page }) => {
  const d = new PeopleDeletePage(page);
  await page.getByRole('button', { name: '新建人员' }).click();
  const create = page.getByRole('dialog', { name: '新建人员' });
  await create.getByLabel('姓名').fill('赵无职');
  await create.getByRole('button', { name: '保存' }).click();
  await expect(create).toBeHidden();
  const dialog = await d.openDelete('赵无职');
  await expect(dialog.getByText('赵无职没有在单位、账号、工作群、信封、交接或审核中担任职责。')).toBeVisible();
  await dialog.getByRole('button', { name: '移入回收站' }).click();
  await expect(page.getByRole('row', { name: /赵无职/ })).toBeHidden();
});
