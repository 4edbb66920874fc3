// A small hadolint-style checker for the project's Dockerfile, for machines with no image builder:
// it parses instructions (continuations, comments, exec and shell forms) into stages and reports
// each broken rule as `rule: sentence`. Test-only; the rules are the image's requirements.

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  from: Instruction;
  image: string;
  alias: string | null;
  instructions: Instruction[];
}

/** Instructions in order: comments and blank lines dropped, `\` continuations joined. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) {
      const next = lines[++i]!.trim();
      // A comment inside a continuation is dropped and the continuation goes on.
      if (!next.startsWith('#')) line = `${line.slice(0, -1)} ${next}`;
    }
    const match = /^(\S+)\s*(.*)$/.exec(line)!;
    out.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start + 1 });
  }
  return out;
}

export function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const parts = ins.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const as = parts.findIndex((p) => p.toLowerCase() === 'as');
      stages.push({ from: ins, image: parts[0] ?? '', alias: as >= 0 ? (parts[as + 1] ?? null) : null, instructions: [] });
    } else stages.at(-1)?.instructions.push(ins);
  }
  return stages;
}

/** `--from=X` of a COPY, or null. */
function copySource(ins: Instruction): string | null {
  return /--from=(\S+)/.exec(ins.args)?.[1] ?? null;
}

/** Source paths of a COPY (flags dropped, destination dropped). */
function copyPaths(ins: Instruction): string[] {
  const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
  return words.slice(0, -1);
}

function runs(stage: Stage): string[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
}

/** An image reference pinned to a digest or to an exact x.y.z version tag (never latest, never a bare major). */
export function isPinned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const tag = /:([^/:@]+)$/.exec(image)?.[1];
  return tag !== undefined && /^v?\d+\.\d+\.\d+(?:[-.][\w.-]+)?$/.test(tag);
}

export function checkDockerfile(text: string, dockerignore = ''): string[] {
  const problems: string[] = [];
  const instructions = parseDockerfile(text);
  const stages = stagesOf(instructions);
  const aliases = new Set(stages.map((s) => s.alias).filter((a): a is string => a !== null));
  if (stages.length < 2) problems.push('multi-stage: the image must be built in stages (build tools stay out of the runtime)');
  for (const s of stages) {
    if (!aliases.has(s.image) && !isPinned(s.image)) problems.push(`pinned-base: FROM ${s.image} (line ${s.from.line}) must name an exact version (x.y.z tag) or a digest`);
  }
  for (const ins of instructions) {
    if (ins.keyword === 'ADD') {
      problems.push(/https?:\/\//.test(ins.args) ? `no-add-url: ADD of a URL (line ${ins.line}); download in a RUN with a checksum, or COPY` : `copy-not-add: use COPY, not ADD (line ${ins.line})`);
    }
    if (ins.keyword === 'RUN') {
      if (/\bsudo\b/.test(ins.args)) problems.push(`no-sudo: RUN uses sudo (line ${ins.line})`);
      if (/\b(curl|wget)\b[^|]*\|\s*(ba)?sh\b/.test(ins.args)) problems.push(`no-pipe-to-shell: RUN pipes a download into a shell (line ${ins.line})`);
      if (/\bapt-get\s+install\b/.test(ins.args) && !/--no-install-recommends/.test(ins.args)) problems.push(`apt-no-recommends: apt-get install without --no-install-recommends (line ${ins.line})`);
      if (/\bnpm\s+(install|i)\b/.test(ins.args)) problems.push(`npm-ci: use npm ci (the lock file), not npm install (line ${ins.line})`);
    }
    if (ins.keyword === 'WORKDIR' && !ins.args.startsWith('/')) problems.push(`absolute-workdir: WORKDIR ${ins.args} (line ${ins.line}) must be absolute`);
    if ((ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && !ins.args.startsWith('[')) problems.push(`exec-form: ${ins.keyword} (line ${ins.line}) must use the JSON exec form, so signals reach node`);
    if ((ins.keyword === 'ENV' || ins.keyword === 'ARG') && /\b\w*(TOKEN|SECRET|PASSWORD|API_KEY)\w*\s*=/i.test(ins.args)) problems.push(`no-secrets: ${ins.keyword} at line ${ins.line} bakes a secret into the image`);
  }
  const final = stages.at(-1);
  if (final) {
    const users = final.instructions.filter((i) => i.keyword === 'USER');
    const user = users.at(-1)?.args.split(':')[0];
    if (user === undefined) problems.push('non-root: the final stage sets no USER, so it runs as root');
    else if (user === 'root' || user === '0') problems.push(`non-root: the final stage runs as ${user}`);
    // Production dependencies only: node_modules comes from a stage that installed with --omit=dev.
    const modules = final.instructions.filter((i) => i.keyword === 'COPY' && copyPaths(i).some((p) => /node_modules/.test(p)));
    if (modules.length === 0 && !runs(final).some((r) => /npm ci\b.*--omit=dev/.test(r))) problems.push('production-deps: the final stage gets no node_modules installed with npm ci --omit=dev');
    for (const copy of modules) {
      const from = stages.find((s) => s.alias === copySource(copy));
      if (!from || !runs(from).some((r) => /npm ci\b.*--omit=dev/.test(r))) problems.push(`production-deps: node_modules (line ${copy.line}) comes from a stage that did not run npm ci --omit=dev`);
    }
    if (runs(final).some((r) => /npm ci\b/.test(r) && !/--omit=dev/.test(r))) problems.push('production-deps: the final stage installs development dependencies');
    // The prebuilt CLI bundle: dist/cli copied from a stage that ran npm run build:cli.
    const bundle = final.instructions.find((i) => i.keyword === 'COPY' && copyPaths(i).some((p) => /dist\/cli/.test(p)));
    const builder = bundle && stages.find((s) => s.alias === copySource(bundle));
    if (!bundle || !builder || !runs(builder).some((r) => /npm run build:cli\b/.test(r))) problems.push('prebuilt-cli: the final stage must copy dist/cli from a stage that ran npm run build:cli');
    if (!final.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) problems.push('command: the final stage names no CMD or ENTRYPOINT');
  }
  const ignored = dockerignore.split(/\r?\n/).map((l) => l.trim());
  for (const path of ['node_modules', '.git', 'dist']) if (!ignored.includes(path)) problems.push(`dockerignore: .dockerignore must exclude ${path} (a local copy would leak into the build context)`);
  return problems;
}
