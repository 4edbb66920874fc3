/**
 * A page object for running simulations and reading the results dashboard: loads plans through the
 * test hook, records main-thread long tasks from page start, and waits on run state (never sleeps).
 */
import type { Locator, Page } from 'playwright-core';
import type { Plan } from '../../../sim/model/schema';

export interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

/** Call before the page loads: collects every long task the main thread reports. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Call before the page loads: pretends the machine has this many cores (the pool uses cores − 1). */
export async function pretendCores(page: Page, cores: number): Promise<void> {
  await page.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), cores);
}

export class ResultsPage {
  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async loadPlan(plan: Plan): Promise<void> {
    await this.page.evaluate((p) => window.__editor!.getState().replacePlan(p, { history: 'reset' }), plan);
  }

  async status(): Promise<string> {
    return this.page.evaluate(() => window.__editor!.getState().simulation.status);
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page.waitForFunction((s) => window.__editor!.getState().simulation.status === s, status, { timeout: 60_000 });
  }

  async now(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  async longTasksBetween(from: number, to: number): Promise<LongTask[]> {
    return this.page.evaluate(([a, b]) => (window.__longTasks ?? []).filter((t) => t.start + t.duration >= a && t.start <= b), [from, to] as const);
  }

  async text(testId: string): Promise<string> {
    return ((await this.byTestId(testId).textContent()) ?? '').trim();
  }

  /** The run's CLI-contract result as the app holds it. */
  async result(): Promise<Record<string, unknown>> {
    return this.page.evaluate(() => (window.__editor!.getState().simulation.result as { result: Record<string, unknown> }).result);
  }

  async setSetting(key: 'horizonYears' | 'replications' | 'seed', value: number): Promise<void> {
    // On a narrow window the run settings live in the toolbar's "⋯" menu.
    if ((await this.byTestId(`run-setting-${key}`).count()) === 0) await this.byTestId('toolbar-more').click();
    const input = this.byTestId(`run-setting-${key}`);
    await input.fill(String(value));
    await input.press('Enter');
    await this.page.waitForFunction(([k, v]) => window.__editor!.getState().plan.simulation?.[k as 'seed'] === v, [key, value] as const);
  }
}
