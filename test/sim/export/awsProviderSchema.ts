// The AWS Terraform provider's argument names, extracted from the jsii assembly of
// @cdktn/provider-aws (provider 6.x) for the Terraform export tests. The assembly is ~150 MB, so it
// is never installed: `npm pack` fetches the tarball, tar unpacks only package/.jsii, and the walk's
// result (~7 MB JSON) is cached in node_modules/.cache, outside git. Test-only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned so the check is reproducible: @cdktn/provider-aws 25.7.0 wraps hashicorp/aws 6.66.0. */
export const PROVIDER_PACKAGE = '@cdktn/provider-aws@25.7.0';

export interface BlockSchema {
  /** Argument name → required. */
  args: Record<string, boolean>;
  blocks: Record<string, BlockSchema & { required: boolean }>;
}

export interface ProviderSchema {
  providerVersion: string;
  resources: Record<string, BlockSchema>;
  dataSources: Record<string, BlockSchema>;
}

interface JsiiType {
  kind: string;
  datatype?: boolean;
  fqn: string;
  docs?: { summary?: string; remarks?: string };
  properties?: { name: string; optional?: boolean; type: unknown; docs?: { summary?: string; remarks?: string } }[];
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'resilience-studio');
const CACHE_FILE = join(CACHE_DIR, `aws-provider-schema-v2-${PROVIDER_PACKAGE.replace(/[^a-z0-9.]+/gi, '_')}.json`);

/** The snake_case name a property's doc link carries (`.../docs/resources/lb#health_check ...`). */
function snakeName(docs: { summary?: string; remarks?: string } | undefined): string | undefined {
  const text = `${docs?.summary ?? ''} ${docs?.remarks ?? ''}`;
  return /docs\/(?:resources|data-sources)\/\w+#(\w+)[ }]/.exec(text)?.[1];
}

/** Struct (nested block) fqns a property type refers to: directly, in a list/map, or in a union. */
function structRefs(type: unknown, types: Record<string, JsiiType>): string[] {
  if (!type || typeof type !== 'object') return [];
  const t = type as { fqn?: string; collection?: { elementtype: unknown }; union?: { types: unknown[] } };
  if (t.fqn) return types[t.fqn]?.datatype ? [t.fqn] : [];
  if (t.collection) return structRefs(t.collection.elementtype, types);
  if (t.union) return t.union.types.flatMap((u) => structRefs(u, types));
  return [];
}

function walk(fqn: string, types: Record<string, JsiiType>, depth = 0): BlockSchema {
  const out: BlockSchema = { args: {}, blocks: {} };
  const type = types[fqn];
  if (!type || depth > 12) return out;
  for (const p of type.properties ?? []) {
    const name = snakeName(p.docs);
    if (!name) continue;
    const structs = structRefs(p.type, types);
    if (structs.length) out.blocks[name] = { ...walk(structs[0]!, types, depth + 1), required: !p.optional };
    else out.args[name] = !p.optional;
  }
  return out;
}

function extract(jsiiPath: string): ProviderSchema {
  const assembly = JSON.parse(readFileSync(jsiiPath, 'utf8')) as { types: Record<string, JsiiType> };
  const types = assembly.types;
  const schema: ProviderSchema = { providerVersion: '', resources: {}, dataSources: {} };
  for (const type of Object.values(types)) {
    if (type.kind !== 'class') continue;
    const m = /providers\/hashicorp\/aws\/([\d.]+)\/docs\/(resources|data-sources)\/\w+ (aws_\w+)\}/.exec(type.docs?.summary ?? '');
    if (!m) continue;
    schema.providerVersion = m[1]!;
    const config = `${type.fqn}Config`;
    if (!types[config]) continue;
    (m[2] === 'resources' ? schema.resources : schema.dataSources)[m[3]!] = walk(config, types);
  }
  return schema;
}

/** The schema, from the cache or extracted now (about 15 s and one npm registry download the first time). */
export function loadAwsProviderSchema(): ProviderSchema {
  if (existsSync(CACHE_FILE)) return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as ProviderSchema;
  const work = mkdtempSync(join(tmpdir(), 'resilience-provider-aws-'));
  try {
    const packed = execFileSync('npm', ['pack', PROVIDER_PACKAGE, '--silent', '--pack-destination', work], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['-xzf', join(work, packed), '-C', work, 'package/.jsii']);
    const schema = extract(join(work, 'package', '.jsii'));
    if (Object.keys(schema.resources).length < 500) throw new Error(`only ${Object.keys(schema.resources).length} resources found in ${PROVIDER_PACKAGE}: the assembly's layout changed`);
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${CACHE_FILE}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(schema));
    renameSync(tmp, CACHE_FILE);
    return schema;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Terraform meta-arguments and meta-blocks, valid on every resource and data source. */
export const META_ARGUMENTS = new Set(['provider', 'depends_on', 'count', 'for_each']);
export const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);
