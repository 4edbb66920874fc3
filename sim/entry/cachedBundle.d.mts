/** See cachedBundle.mjs: the URL of a cached esbuild bundle of `entry`, built if missing. */
export function cachedBundle(name: string, entry: string, importMetaUrl?: string): Promise<URL>;
