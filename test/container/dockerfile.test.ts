// The Dockerfile checked statically (this machine has no image builder): the project's file passes
// every rule, each rule catches the mistake it is for, and the build stage's command really writes
// the bundle the runtime copies.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDockerfile, isPinned, parseDockerfile } from './dockerfileRules';

const root = (file: string) => fileURLToPath(new URL(`../../${file}`, import.meta.url));
const DOCKERFILE = readFileSync(root('Dockerfile'), 'utf8');
const IGNORE = readFileSync(root('.dockerignore'), 'utf8');
const rules = (text: string, ignore = IGNORE) => checkDockerfile(text, ignore).map((p) => p.split(':')[0]);

describe('the project Dockerfile', () => {
  it('passes every rule', () => {
    expect(checkDockerfile(DOCKERFILE, IGNORE)).toEqual([]);
  });

  it('copies what the CLI needs at run time: the sources the bundle stamp covers, package.json, dist/cli', () => {
    const copies = parseDockerfile(DOCKERFILE).filter((i) => i.keyword === 'COPY').map((i) => i.args);
    for (const path of ['/app/node_modules', '/app/package.json', '/app/sim', '/app/dist/cli']) expect(copies.some((c) => c.includes(path))).toBe(true);
    const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.scripts['build:cli']).toBeDefined();
    expect(DOCKERFILE).toContain(pkg.bin.resilience!);
  });
});

describe('each rule catches its mistake', () => {
  const swap = (from: string, to: string) => {
    expect(DOCKERFILE).toContain(from);
    return DOCKERFILE.split(from).join(to);
  };
  it.each([
    ['pinned-base', 'node:20.19.5-bookworm-slim AS deps', 'node:latest AS deps'],
    ['pinned-base', 'node:20.19.5-bookworm-slim AS runtime', 'node:20 AS runtime'],
    ['non-root', 'USER node', 'USER root'],
    ['non-root', 'USER node\n', ''],
    ['no-add-url', 'COPY tsconfig.json ./', 'ADD https://example.com/tsconfig.json ./'],
    ['copy-not-add', 'COPY tsconfig.json ./', 'ADD tsconfig.json ./'],
    ['production-deps', 'npm ci --omit=dev --ignore-scripts', 'npm ci --ignore-scripts'],
    ['npm-ci', 'npm ci --omit=dev --ignore-scripts', 'npm install --omit=dev'],
    ['prebuilt-cli', 'RUN npm run build:cli', 'RUN true'],
    ['prebuilt-cli', 'COPY --from=build /app/dist/cli ./dist/cli\n', ''],
    ['exec-form', 'CMD ["resilience", "--help"]', 'CMD resilience --help'],
    ['absolute-workdir', 'WORKDIR /work', 'WORKDIR work'],
    ['no-secrets', 'ENV NODE_ENV=production', 'ENV NPM_TOKEN=abc'],
  ])('%s: %s → %s', (rule, from, to) => {
    expect(rules(swap(from, to))).toContain(rule);
  });

  it('a single stage is not multi-stage; pipes to a shell and sudo are refused', () => {
    expect(rules('FROM node:20.19.5\nUSER node\nCMD ["node"]\n')).toContain('multi-stage');
    expect(rules(`${DOCKERFILE}\nRUN curl -fsSL https://x.example/install.sh | sh\n`)).toContain('no-pipe-to-shell');
    expect(rules(`${DOCKERFILE}\nRUN sudo apt-get install -y git\n`)).toEqual(expect.arrayContaining(['no-sudo', 'apt-no-recommends']));
    expect(rules(DOCKERFILE, 'dist\n.git\n')).toContain('dockerignore');
  });

  it('knows a pinned reference', () => {
    expect(isPinned('node:20.19.5-bookworm-slim')).toBe(true);
    expect(isPinned(`node@sha256:${'a'.repeat(64)}`)).toBe(true);
    expect(isPinned('node:20-slim')).toBe(false);
    expect(isPinned('node')).toBe(false);
    expect(isPinned('registry.example.com:5000/node')).toBe(false);
  });

  it('joins continuation lines and skips comments', () => {
    const parsed = parseDockerfile('# c\nFROM a:1.2.3 AS x\nRUN one \\\n  # inner\n  two\n');
    expect(parsed).toEqual([
      { keyword: 'FROM', args: 'a:1.2.3 AS x', line: 2 },
      { keyword: 'RUN', args: 'one  two', line: 3 },
    ]);
  });
});
