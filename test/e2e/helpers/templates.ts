// Opening a bundled template through the gallery, as a user does, and waiting until it is the plan.
import type { Page } from 'playwright-core';
import { getTemplate } from '../../../sim/templates';

/** `from` names the button that opens the gallery: the toolbar's, or the empty canvas's. */
export async function openTemplate(page: Page, name: string, from: 'new-from-template' | 'empty-new-from-template' = 'new-from-template'): Promise<void> {
  await page.getByTestId(from).click();
  await page.getByTestId('template-gallery').waitFor();
  await page.getByTestId(`template-${name}`).click();
  await page.waitForFunction((t) => window.__editor!.getState().plan.name === t, getTemplate(name)!.title);
  await page.getByTestId('template-gallery').waitFor({ state: 'detached' });
}
