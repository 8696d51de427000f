// Page object for credential custody: 密码密封存档 (envelopes, the self-check) and 管理员交接,
// plus a reader of everything the browser stores, to prove a password is kept nowhere.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseByTyping } from './antd-select';
import { readStore } from './app-database';

export interface SealFields {
  platform?: string;
  sealedBy: string;
  witness: string;
  custodian: string;
  location: string;
}

export class CredentialsPage {
  constructor(readonly page: Page) {}

  /** Picks an option of a searchable antd Select by its label; options may carry a suffix (· 单位). */
  async choose(scope: Locator, label: string, option: string): Promise<void> {
    await chooseByTyping(scope, label, option);
  }

  /** 管理员交接 › 登记交接 for `platform` to `incoming`, witnessed by `supervisor`; waits until it is saved. */
  async registerHandover(platform: string, incoming: string, supervisor: string): Promise<void> {
    await this.page.getByRole('button', { name: '登记交接' }).click();
    const dialog = this.dialog('登记交接');
    await this.choose(dialog, '平台', platform);
    await this.choose(dialog, '接收人', incoming);
    await this.choose(dialog, '监交人', supervisor);
    await dialog.getByRole('button', { name: '登记交接' }).click();
    await expect(dialog).toBeHidden();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  drawer(number: string): Locator {
    return this.page.getByRole('dialog', { name: `信封 ${number}` });
  }

  async checkPassword(candidate: string): Promise<Locator> {
    await this.page.getByRole('button', { name: '密码强度自检' }).click();
    const dialog = this.dialog('密码强度自检');
    await dialog.getByLabel('待检查的密码').fill(candidate);
    return dialog;
  }

  /** Fills the 封存新信封 dialog (opened by `open`) and saves it. */
  async seal(f: SealFields): Promise<Locator> {
    const dialog = this.dialog('封存新信封');
    if (f.platform) await this.choose(dialog, '平台', f.platform);
    await this.choose(dialog, '封存人', f.sealedBy);
    await this.choose(dialog, '监封人', f.witness);
    await this.choose(dialog, '保管人', f.custodian);
    await dialog.getByLabel('存放位置').fill(f.location);
    await dialog.getByRole('button', { name: '登记封存' }).click();
    return dialog;
  }

  async logOpening(drawer: Locator, f: { by: string; reason: string; approvedBy: string }): Promise<void> {
    await drawer.getByRole('button', { name: '登记启封' }).click();
    const dialog = this.dialog(/^登记启封/);
    await this.choose(dialog, '启封人', f.by);
    await dialog.getByLabel('启封原因').fill(f.reason);
    await this.choose(dialog, '批准人', f.approvedBy);
    await dialog.getByRole('button', { name: '确认启封' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Every row of every object store of every IndexedDB database (Blobs as text), and both web storages. */
  async everythingStored(): Promise<{ stores: string[]; text: string }> {
    return this.page.evaluate(async () => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const parts: string[] = [];
      const stores: string[] = [];
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const idb = await request(indexedDB.open(info.name));
        for (const name of Array.from(idb.objectStoreNames)) {
          stores.push(`${info.name}/${name}`);
          const rows = await request(idb.transaction(name).objectStore(name).getAll());
          for (const row of rows as unknown[]) {
            const blobs: Blob[] = [];
            parts.push(JSON.stringify(row, (_k, v: unknown) => (v instanceof Blob ? `[blob ${blobs.push(v)}]` : v)));
            for (const b of blobs) parts.push(await b.text());
          }
        }
        idb.close();
      }
      for (const storage of [localStorage, sessionStorage]) {
        for (let i = 0; i < storage.length; i += 1) {
          const key = storage.key(i) ?? '';
          parts.push(key, storage.getItem(key) ?? '');
        }
      }
      return { stores, text: parts.join('\n') };
    });
  }

  /** Rows of one store of the app's database. */
  rows<T>(store: string): Promise<T[]> {
    return readStore<T>(this.page, store);
  }
}
