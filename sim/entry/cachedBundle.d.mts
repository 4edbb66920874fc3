/** See cachedBundle.mjs: the URL of a cached esbuild bundle of `entry`, built if missing. */
export function cachedBundle(name: string, entry: string, importMetaUrl?: string): Promise<URL>;
/** See cachedBundle.mjs: imports a TypeScript entry point from its cached bundle, or through tsx. */
export function importEntry(name: string, entry: string): Promise<Record<string, unknown>>;
