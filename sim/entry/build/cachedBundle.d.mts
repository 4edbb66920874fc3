/** See cachedBundle.mjs: the per-user cache folder for bundles (XDG_CACHE_HOME or the OS convention). */
export function userCacheDir(env?: Record<string, string | undefined>, platform?: string, home?: string): string;
/** See cachedBundle.mjs: the stamp of sim/'s sources and package.json. */
export function sourceStamp(): string;
export const PREBUILT_DIR: string;
/** See cachedBundle.mjs: the URL of the bundle of `entry` (prebuilt in dist/cli or in the user cache), bundled if missing. */
export function cachedBundle(name: string, entry: string, options?: { cacheDir?: string; prebuiltDir?: string }): Promise<URL>;
/** See cachedBundle.mjs: removes bundles of `name` other than `keep` not touched for a week. */
export function pruneStale(dir: string, name: string, keep: string, now?: number): void;
/** See cachedBundle.mjs: writes the prebuilt bundles and their manifest into dist/cli. */
export function buildPrebuilt(entries: Record<string, string>, outDir?: string): Promise<void>;
/** See cachedBundle.mjs: imports a TypeScript entry point from its bundle. */
export function importEntry(name: string, entry: string): Promise<Record<string, unknown>>;
