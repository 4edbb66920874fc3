/**
 * End-to-end in Chromium: a new user starts from a template in the gallery, edits it in the
 * inspector (an invalid value shows the validator's message under the field, then is fixed),
 * saves (a download in the browser), reopens the saved file through the file chooser, is refused
 * an invalid file with its errors listed and the plan untouched, and gets the work back after a
 * reload. Light and dark screenshots go to test-results/e2e/. No sleeps: every wait is for state.
 */
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../sim/model/validate';
import { getTemplate } from '../../sim/templates';
import { documentFit, newEditorPage, pageErrors, screenshot, skipReason, useBuiltApp, VIEWPORTS, type ViewportSize } from './helpers/browser';
import { answerOpen, captureSave, commitField, nodeOf, planOf } from './helpers/inspectorPage';
import { openTemplate } from './helpers/templates';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

describe.skipIf(reason !== null)('inspector, templates and files in Chromium', () => {
  const app = useBuiltApp();


  // On a desktop and on a 1280×800 laptop: every control used here is in view, and clicking
  // inspector fields never scrolls (or widens) the window.
  it.each([
    ['1600×960', VIEWPORTS.desktop, ''],
    ['1280×800', VIEWPORTS.laptop, '-1280'],
  ])('starts from a template, edits it in the inspector, saves and reopens it at %s', async (_size, viewport: ViewportSize, suffix) => {
    const page = await newEditorPage(app.browser, app.server.url, viewport);
    const fitsWindow = async () => {
      const fit = await documentFit(page);
      expect(fit.documentWidth).toBeLessThanOrEqual(fit.windowWidth);
      expect([fit.scrollX, fit.scrollY]).toEqual([0, 0]);
    };
    await page.getByTestId('empty-new-from-template').waitFor();
    await openTemplate(page, 'two-region-active-passive');
    await page.getByTestId('node-gw-east').waitFor();
    // The strategies the detector finds are lit; serverless is not used here.
    await expect(page.getByTestId('strategy-multiRegion').getAttribute('data-used')).resolves.toBe('true');
    await expect(page.getByTestId('strategy-serverless').getAttribute('data-used')).resolves.toBe('false');
    await page.getByTestId('strategy-dataReplication').hover();
    const detail = page.getByTestId('strategy-dataReplication-detail');
    await detail.waitFor({ state: 'visible' });
    await expect(detail.textContent()).resolves.toContain('db-east → db-west (async)');
    await expect(detail.textContent()).resolves.toContain('Very High');
    await screenshot(page, `10-template-strategy-light${suffix}`);
    await fitsWindow();

    // Select a gateway and give it an invalid instance count: the message sits under the field.
    await page.getByTestId('node-gw-east').click();
    await expect(page.getByTestId('inspector-title').textContent()).resolves.toBe('Gateway east');
    await commitField(page, 'field-instances', '0');
    const error = page.locator('[data-field="instances"] [data-testid="field-error"]');
    await error.waitFor();
    const expected = validatePlan(await planOf(page)).errors.find((e) => e.path.endsWith('.instances'))!;
    await expect(error.textContent()).resolves.toBe(`out-of-range ${expected.message}`);
    await expect(page.getByTestId('status-validation').textContent()).resolves.toContain('1 error');
    await page.getByTestId('field-instances').scrollIntoViewIfNeeded();
    await screenshot(page, `11-inspector-invalid-light${suffix}`);
    await fitsWindow();

    // Fix it, and change the time-to-repair distribution's kind and median.
    await commitField(page, 'field-instances', '4');
    await error.waitFor({ state: 'detached' });
    await page.getByTestId('field-reliability.timeToRepairHours.dist').selectOption('lognormal');
    await commitField(page, 'field-reliability.timeToRepairHours.median', '0.5');
    await page.waitForFunction(() => {
      const n = window.__editor!.getState().plan.nodes.find((x) => x.id === 'gw-east');
      return n?.reliability?.timeToRepairHours.dist === 'lognormal' && n.reliability.timeToRepairHours.median === 0.5;
    });
    const gw = await nodeOf(page, 'gw-east');
    expect(gw?.kind === 'gateway' && gw.instances).toBe(4);
    await page.getByTestId('dist-reliability.timeToRepairHours').scrollIntoViewIfNeeded();
    await screenshot(page, `12-inspector-distribution-light${suffix}`);
    await fitsWindow();

    // Save (Ctrl+S): in the browser that is a download of the validated plan.
    const saved = await captureSave(page, () => page.keyboard.press('Control+s'));
    expect(saved.name).toBe('two-regions-active-passive.plan.json');
    const savedPlan = JSON.parse(saved.text);
    expect(validatePlan(savedPlan).ok).toBe(true);
    expect(savedPlan.nodes.find((n: { id: string }) => n.id === 'gw-east').instances).toBe(4);
    await page.getByTestId('file-status').filter({ hasText: 'saved' }).waitFor();

    // Reopen it in a fresh window through the file chooser.
    const fresh = await newEditorPage(app.browser, app.server.url, viewport);
    await answerOpen(fresh, () => fresh.getByTestId('open-file').click(), { name: saved.name, text: saved.text });
    await fresh.waitForFunction((name) => window.__editor!.getState().plan.name === name, savedPlan.name);
    const reopened = await planOf(fresh);
    expect(JSON.parse(JSON.stringify(validatePlan(reopened).plan))).toEqual(savedPlan);
    await expect(fresh.getByTestId('file-status').textContent()).resolves.toContain('two-regions-active-passive.plan.json');
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(fresh)).toEqual([]);
    await fresh.close();
    await page.close();
  });

  it('lists an invalid file’s errors and leaves the plan untouched', async () => {
    const page = await newEditorPage(app.browser, app.server.url);
    await openTemplate(page, 'multi-az');
    const before = await planOf(page);
    const broken = structuredClone(getTemplate('single-region-lb')!.plan) as unknown as { nodes: Record<string, unknown>[] };
    broken.nodes[1]!.ttlSeconds = 'soon';
    broken.nodes.push({ id: 'x', kind: 'teleporter' });
    // Ctrl+O in a browser asks for one click (a shortcut is not a user activation for the picker).
    await page.keyboard.press('Control+o');
    await page.getByTestId('open-prompt').waitFor();
    await answerOpen(page, () => page.getByTestId('open-prompt-choose').click(), { name: 'broken.plan.json', text: JSON.stringify(broken) });
    const dialog = page.getByTestId('file-errors');
    await dialog.waitFor();
    const expected = validatePlan(broken).errors;
    const listed = await page.getByTestId('file-error').evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-code'), li.querySelector('.file-error-path')?.textContent, li.querySelector('.file-error-message')?.textContent]),
    );
    expect(listed).toEqual(expected.map((e) => [e.code, e.path, e.message]));
    await screenshot(page, '13-open-invalid-file-light');
    await page.getByTestId('file-errors-close').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await planOf(page)).toEqual(before);
    await page.close();
  });

  it('offers the autosaved work after a reload and restores it', async () => {
    const page = await newEditorPage(app.browser, app.server.url);
    await openTemplate(page, 'pilot-light');
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 400 } });
    await commitField(page, 'field-objectives.availability', '0.9995');
    await commitField(page, 'field-name', 'Pilot light, reviewed');
    const edited = await planOf(page);
    // Autosave is debounced: wait until the draft in local storage holds the last edit.
    // Drafts are kept per window, under resilience-studio:draft:<window id>.
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((key) => key.startsWith('resilience-studio:draft') && (localStorage.getItem(key) ?? '').includes('Pilot light, reviewed')),
    );
    await page.reload();
    await page.waitForFunction(() => !!window.__editor);
    const banner = page.getByTestId('recovery-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('Pilot light, reviewed');
    expect((await planOf(page)).nodes).toEqual([]);
    await screenshot(page, '14-recovery-offer-light');
    await page.getByTestId('recovery-restore').click();
    await banner.waitFor({ state: 'detached' });
    expect(await planOf(page)).toEqual(edited);
    await expect(page.getByTestId('file-status').textContent()).resolves.toContain('unsaved changes');
    await page.close();
  });

  it('follows a dark OS theme', async () => {
    const page = await newEditorPage(app.browser, app.server.url);
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(11, 17, 32)');
    await screenshot(page, '15-empty-dark');
    await openTemplate(page, 'two-region-active-passive');
    await page.getByTestId('node-dns').click();
    await page.getByTestId('dns-targets').waitFor();
    await screenshot(page, '16-inspector-dns-dark');
    await page.getByTestId('strategy-automaticFailover').hover();
    await page.getByTestId('strategy-automaticFailover-detail').waitFor({ state: 'visible' });
    await screenshot(page, '17-strategy-dark');
    await page.mouse.move(800, 600);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-sheet').waitFor();
    await screenshot(page, '18-shortcuts-dark');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcut-sheet').waitFor({ state: 'detached' });
    await page.getByTestId('new-from-template').click();
    await page.getByTestId('template-gallery').waitFor();
    await screenshot(page, '19-gallery-dark');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
