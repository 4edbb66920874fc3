/** The recent-files list and the crash-recovery draft, persisted in the app's data folder. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentFiles } from '../../electron/main/recentFiles';
import { RecoveryStore } from '../../electron/main/recovery';
import { useTempFolder } from './tempFolder';

describe('RecentFiles', () => {
  const tempFolder = useTempFolder();

  it('keeps the most recent first, without duplicates, at most MAX_RECENT, across restarts', async () => {
    const data = tempFolder();
    const recent = new RecentFiles(data);
    await recent.load();
    expect(recent.list()).toEqual([]);
    for (let i = 0; i < MAX_RECENT + 3; i++) await recent.add(`/plans/p${i}.json`);
    await recent.add('/plans/p5.json');
    expect(recent.list()[0]).toBe('/plans/p5.json');
    expect(recent.list()).toHaveLength(MAX_RECENT);
    expect(new Set(recent.list()).size).toBe(MAX_RECENT);

    const afterRestart = new RecentFiles(data);
    await afterRestart.load();
    expect(afterRestart.list()).toEqual(recent.list());
    expect(afterRestart.refs()[0]).toEqual({ name: 'p5.json', token: '/plans/p5.json' });
    await afterRestart.remove('/plans/p5.json');
    expect(afterRestart.list()).not.toContain('/plans/p5.json');
  });

  it('treats a damaged list as empty and drops entries that are not absolute normal paths', async () => {
    const data = tempFolder();
    writeFileSync(join(data, 'recent-files.json'), '{not json');
    const damaged = new RecentFiles(data);
    await damaged.load();
    expect(damaged.list()).toEqual([]);
    writeFileSync(join(data, 'recent-files.json'), JSON.stringify({ paths: ['/ok/a.json', 'relative.json', '/x/../etc/passwd', '/nul\0.json'] }));
    const filtered = new RecentFiles(data);
    await filtered.load();
    expect(filtered.list()).toEqual(['/ok/a.json']);
  });
});

describe('RecoveryStore', () => {
  const tempFolder = useTempFolder();

  it('writes, reads back and clears the draft', async () => {
    const data = tempFolder();
    const store = new RecoveryStore(data, () => new Date('2026-01-02T03:04:05Z'));
    expect(await store.read()).toBeNull();
    await store.write('{"name":"x"}', { name: 'x.plan.json', token: '/p/x.plan.json' });
    expect(await store.read()).toEqual({ text: '{"name":"x"}', savedAtIso: '2026-01-02T03:04:05.000Z', file: { name: 'x.plan.json', token: '/p/x.plan.json' } });
    expect(JSON.parse(readFileSync(join(data, 'recovery', 'draft.json'), 'utf8')).text).toBe('{"name":"x"}');
    await store.clear();
    expect(await store.read()).toBeNull();
    await store.clear(); // clearing twice is fine
  });

  it('offers nothing for a damaged or foreign draft file', async () => {
    const data = tempFolder();
    const store = new RecoveryStore(data);
    await store.write('t', null);
    writeFileSync(join(data, 'recovery', 'draft.json'), '{"text": 5}');
    expect(await store.read()).toBeNull();
    writeFileSync(join(data, 'recovery', 'draft.json'), '{"text":"t","savedAtIso":"x","file":null,"extra":1}');
    expect(await store.read()).toBeNull();
    writeFileSync(join(data, 'recovery', 'draft.json'), 'garbage');
    expect(await store.read()).toBeNull();
  });
});
