// Picking an option of an antd Select, shared by the page objects (one place for the dropdown's
// quirks: its options are rendered in a portal, and an earlier dropdown may still be fading out).
import { expect, type Locator } from '@playwright/test';

/**
 * Opens `combobox`, types `typed` into it when given (searchable selects; null just opens it), then
 * clicks the first visible dropdown option whose text matches `option`.
 */
export async function chooseOption(combobox: Locator, typed: string | null, option: string | RegExp): Promise<void> {
  await combobox.click();
  if (typed !== null) await combobox.fill(typed);
  await combobox.page().locator('.ant-select-item-option:visible').filter({ hasText: option }).first().click();
}

/**
 * Types `option` into the searchable select labelled `label` inside `scope` and takes it with Enter,
 * after the combobox's own (accessible) listbox shows an option starting with it — so a dropdown
 * still fading out can never take a click. A single select must close afterwards; a multiple select
 * (`multiple: true`) stays open for the next pick.
 */
export async function chooseByTyping(scope: Locator, label: string, option: string, { multiple = false } = {}): Promise<void> {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(option);
  const list = scope.page().locator(`[id="${await input.getAttribute('aria-controls')}"]`);
  await expect(list.getByRole('option', { name: new RegExp(`^${option}`) })).toBeAttached();
  await input.press('Enter');
  if (!multiple) await expect(input).toHaveAttribute('aria-expanded', 'false');
}
