// The registers' table (renderer/components/register-table.tsx) as the clerk uses it: column
// headers, a page of rows read from the database and the next one, one-line cells with their whole
// text as a tooltip, a double click that opens the record, a list paged in the window, and
// the message when nothing matches.
import { expect, test, type Locator } from '@playwright/test';
import { putRow, readStore } from './pages/app-database';
import { LedgerApp } from './pages/ledger-app';

test('平台台账 pages, opens a row on double click and says when nothing matches', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.startWithDemo();
  await app.goTo('平台台账');
  const table = page.getByRole('table', { name: '平台台账' });
  await expect(table.getByRole('columnheader')).toHaveText(['名称', '类型', '账号', '主办单位', '责任人', '粉丝/成员', '状态']);
  const count = await page.getByText(/^共 \d+ 个$/).textContent();
  const total = Number(/\d+/.exec(count!)![0]);
  expect(total).toBeGreaterThan(25);

  const rows = table.locator('tbody tr[data-row-key]');
  await expect(rows).toHaveCount(25);
  const firstPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));
  // 账号 is one line, cut with …: its whole text is the cell's tooltip.
  const account = rows.first().getByRole('cell').nth(2);
  await expect(account).toHaveAttribute('title', (await account.textContent())!);
  // 类型 fits its longest kinds (微信公众号) on one line: one line box per cell.
  const kinds = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const range = document.createRange();
      range.selectNodeContents(tr.children[1]!);
      return { kind: tr.children[1]!.textContent, lines: range.getClientRects().length };
    }),
  );
  expect(kinds.map((k) => k.kind)).toContain('微信公众号');
  expect(kinds.filter((k) => k.lines !== 1)).toEqual([]);

  await page.getByRole('main').getByTitle('2', { exact: true }).click();
  await expect(rows).toHaveCount(total - 25);
  const secondPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));
  expect(secondPage.filter((key) => firstPage.includes(key))).toEqual([]);

  // A double click on a row (not on its link) opens the platform.
  const name = (await rows.nth(1).getByRole('link').textContent())!;
  await rows.nth(1).getByRole('cell').nth(1).dblclick();
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();

  await app.goTo('平台台账');
  await page.getByRole('searchbox', { name: '搜索平台' }).fill('没有这个平台zzz');
  await expect(table.getByText('没有符合条件的平台')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('共 0 个')).toBeVisible();
});

test('单位 is paged in the window, 20 to a page, every unit once', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.startWithDemo();
  // The demo has 15 units: six more make a second page.
  for (const n of ['一', '二', '三', '四', '五', '六']) await app.createUnit(`测试单位${n}`);
  await app.goTo('单位');
  const names = page.locator('main tbody tr[data-row-key] td:first-child');
  await expect(names).toHaveCount(20);
  const seen = await names.allTextContents();
  const pages = page.getByRole('main').locator('.ant-pagination-item');
  const last = Number(await pages.last().getAttribute('title'));
  for (let n = 2; n <= last; n++) {
    await page.getByRole('main').getByTitle(String(n), { exact: true }).click();
    await expect(names.first()).not.toHaveText(seen[(n - 2) * 20]!);
    seen.push(...(await names.allTextContents()));
  }
  expect(last).toBe(2);
  expect(seen).toHaveLength(21);
  expect(new Set(seen).size).toBe(21);
  // Searching narrows the list and starts again at its first page.
  await page.getByRole('searchbox', { name: '搜索单位' }).fill('tsg');
  await expect(names).toHaveText(['图书馆', '图书馆党总支']);
});

/**
 * How a register's table sits in the window: headers broken onto two lines, free text squeezed to a
 * few characters a line, cell content crossing into the next column, and the table wider than its box.
 */
function layoutOf(table: Locator) {
  return table.evaluate((t) => {
    const lines = (el: Node) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };
    const widest = (text: Node) => {
      const range = document.createRange();
      range.selectNodeContents(text);
      return Math.max(...[...range.getClientRects()].map((r) => r.width));
    };
    const scroller = t.parentElement!;
    const headers = [...t.querySelectorAll('th')];
    const cols = [...t.querySelectorAll('col')];
    return {
      brokenHeaders: headers.filter((th) => lines(th) > 1).map((th) => th.textContent),
      // A column without a width of its own holds free text: a long text broken there keeps
      // lines of at least five characters (a squeezed column broke it after every one or two).
      squeezed: [...t.querySelectorAll('tbody tr[data-row-key]')].flatMap((tr) =>
        [...tr.children]
          .filter((td, i) => !cols[i]!.style.width)
          .flatMap((td) => {
            const texts: Text[] = [];
            const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) texts.push(walker.currentNode as Text);
            return texts
              .filter((text) => text.data.length >= 8 && lines(text) > 1 && widest(text) < 5 * parseFloat(getComputedStyle(text.parentElement!).fontSize))
              .map((text) => `${text.data} (${lines(text)} lines, ${Math.round(widest(text))}px)`);
          }),
      ),
      // Nothing spills out of its cell, but a cell cut with … on purpose (a table with such a cell is
      // laid out fixed, where a tag or a date wider than its column would cross into the next one).
      spilled: [...t.querySelectorAll('tbody tr[data-row-key] td:not(.ledger-cell-ellipsis)')]
        .filter((td) => td.scrollWidth > td.clientWidth + 1)
        .map((td) => `${td.textContent} (${td.scrollWidth - td.clientWidth}px)`),
      overflow: scroller.scrollWidth - scroller.clientWidth,
    };
  });
}

test('every register fits the window the app opens with: no column squeezed, no header broken', async ({ page }) => {
  // The desktop window opens 1280 pixels wide (electron/window.ts); less its frame and a scrollbar.
  await page.setViewportSize({ width: 1247, height: 860 });
  const app = new LedgerApp(page);
  await app.startWithDemo();
  const registers = ['平台台账', '工作群', '单位', '人员', '开通与备案', '发布审核', '密码密封存档', '管理员交接', '年度检查', '问题与舆情', '培训'];
  for (const area of registers) {
    await app.goTo(area);
    // This register's page, its first read answered (not the last register's table, nor rows still coming).
    await expect(page.getByRole('heading', { level: 3, name: area })).toBeVisible();
    const table = page.getByRole('main').locator('.ledger-table table').first();
    await expect(table.locator('tbody tr[data-row-key]').first()).toBeVisible();
    await expect(page.getByRole('main').locator('[aria-busy="true"]')).toHaveCount(0);
    // 人员's 担任角色 comes from a worker after the rows.
    if (area === '人员') await expect(table.getByText(/管理员|负责人|联络人/).first()).toBeVisible();
    const layout = await layoutOf(table);
    expect({ area, ...layout }).toEqual({ area, brokenHeaders: [], squeezed: [], spilled: [], overflow: 0 });
  }
});

test('打印记录 fits the window too: 对象 is never squeezed by the columns around it', async ({ page }) => {
  await page.setViewportSize({ width: 1247, height: 860 });
  const app = new LedgerApp(page);
  await app.startWithDemo();
  // The demo has no printouts: three of F04, written behind the app's back, one still out for signatures.
  const platforms = await readStore(page, 'platforms');
  for (const [i, p] of platforms.slice(0, 3).entries()) {
    const at = '2026-11-01T02:00:00.000Z';
    await putRow(page, 'printouts', {
      id: `01KAZ0K5R1VF7ABP8RF5G1NK0${i}`, createdAt: at, updatedAt: at, formId: 'F04', formNumber: `BA-2026-000${i + 1}`, formVersion: '1',
      recordTable: 'platforms', recordId: p.id, printedAt: at, paperStatus: i === 0 ? '待签回' : '已归档', ...(i === 0 ? {} : { archiveLocation: '宣传部档案柜A-3' }),
    });
  }
  await app.goTo('打印与签回');
  for (const tab of ['待签回', '全部打印记录']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    const table = page.getByRole('tabpanel').locator('.ledger-table table').first();
    await expect(table.locator('tbody tr[data-row-key]')).toHaveCount(tab === '待签回' ? 1 : 3);
    // 对象 names the platform once its record is read.
    await expect(table.locator('tbody tr[data-row-key] td:nth-child(3) a').first()).not.toBeEmpty();
    expect({ tab, ...(await layoutOf(table)) }).toEqual({ tab, brokenHeaders: [], squeezed: [], spilled: [], overflow: 0 });
  }
});

test("a row's buttons are drawn as antd's small buttons, in the theme's colours, and answer hover and the keyboard", async ({ page }) => {
  const app = new LedgerApp(page);
  await app.startWithDemo();
  await app.goTo('管理员交接');
  const row = page.locator('main main tbody tr[data-row-key]').filter({ has: page.getByRole('button', { name: /^登记更换密码/ }) }).first();
  const look = (button: Locator) =>
    button.evaluate((b) => {
      const s = getComputedStyle(b);
      return { height: s.height, padding: s.padding, radius: s.borderRadius, border: s.borderColor, background: s.backgroundColor, color: s.color };
    });
  // As antd's <Button size="small"> of each type measured in this app before rows drew plain buttons.
  const small = { height: '24px', padding: '0px 7px', radius: '4px' };
  expect(await look(row.getByRole('button', { name: /^登记更换密码/ }))).toEqual({ ...small, border: 'rgba(0, 0, 0, 0)', background: 'rgb(166, 27, 41)', color: 'rgb(255, 255, 255)' });
  const print = row.getByRole('button', { name: /^打印交接记录表/ });
  expect(await look(print)).toEqual({ ...small, border: 'rgb(217, 217, 217)', background: 'rgb(255, 255, 255)', color: 'rgba(0, 0, 0, 0.88)' });
  const remove = row.getByRole('button', { name: /^删除/ });
  expect(await look(remove)).toEqual({ ...small, border: 'rgb(255, 77, 79)', background: 'rgb(255, 255, 255)', color: 'rgb(255, 77, 79)' });
  await print.hover();
  await expect.poll(async () => (await look(print)).color).toBe('rgb(179, 57, 65)');

  // 删除 by the keyboard: its confirmation opens, and the button keeps the focus.
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tooltip').getByText(/移入回收站？$/)).toBeVisible();
  await expect(remove).toBeFocused();
  await page.getByRole('tooltip').getByRole('button', { name: '取消' }).click();
  await expect(row).toBeVisible();
});

test("a row's tags are drawn as antd's filled tags, in their preset colours", async ({ page }) => {
  const app = new LedgerApp(page);
  await app.startWithDemo();
  await app.goTo('问题与舆情');
  const rows = page.locator('main main tbody tr[data-row-key]');
  const look = (text: string) =>
    rows.getByText(text, { exact: true }).first().evaluate((tag) => {
      const s = getComputedStyle(tag);
      return { height: s.height, padding: s.padding, border: s.borderColor, radius: s.borderRadius, size: s.fontSize, line: s.lineHeight, background: s.backgroundColor, color: s.color };
    });
  // As antd's <Tag color=…> measured in this app before rows drew plain tags.
  const filled = { height: '22px', padding: '0px 7px', border: 'rgba(0, 0, 0, 0)', radius: '4px', size: '12px', line: '20px' };
  expect(await look('处理中')).toEqual({ ...filled, background: 'rgb(255, 247, 230)', color: 'rgb(212, 107, 8)' });
  expect(await look('舆情')).toEqual({ ...filled, background: 'rgb(249, 240, 255)', color: 'rgb(83, 29, 171)' });
  expect(await look('问题登记')).toEqual({ ...filled, background: 'rgb(230, 244, 255)', color: 'rgb(9, 88, 217)' });
});
