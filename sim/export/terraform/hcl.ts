/**
 * A small typed HCL writer: blocks, attributes, lists, objects, literal strings (escaped, including
 * Terraform's "${" and "%{") and raw expressions (references, function calls). Output follows
 * `terraform fmt` layout: two-space indent, aligned "=" in runs of one-line attributes.
 * Pure; imports nothing.
 */

/** A Terraform expression written as is: a reference (`var.x`), a function call, a heredoc-free template. */
export class Expr {
  constructor(readonly text: string) {}
}

export const expr = (text: string): Expr => new Expr(text);

/** A function call whose arguments are written like any value (e.g. `jsonencode({...})`). */
export class Call {
  constructor(
    readonly fn: string,
    readonly args: HclValue[],
  ) {}
}

export const call = (fn: string, ...args: HclValue[]): Call => new Call(fn, args);

export type HclValue = string | number | boolean | null | Expr | Call | HclValue[] | { [key: string]: HclValue };

export interface Attribute {
  kind: 'attribute';
  name: string;
  value: HclValue;
}

export interface Block {
  kind: 'block';
  type: string;
  labels: string[];
  body: BodyItem[];
}

export interface Comment {
  kind: 'comment';
  text: string;
}

export type BodyItem = Attribute | Block | Comment;

export const attr = (name: string, value: HclValue): Attribute => ({ kind: 'attribute', name, value });
/** Falsy items are dropped, so optional arguments read `cond && attr(...)`. */
export type Maybe<T> = T | undefined | null | false | '' | 0;
export const block = (type: string, labels: string[], body: Maybe<BodyItem>[]): Block => ({
  kind: 'block',
  type,
  labels,
  body: body.filter((x): x is BodyItem => Boolean(x)),
});
export const comment = (text: string): Comment => ({ kind: 'comment', text });

/** A literal string: quotes, backslashes, control characters and template openers escaped. */
export function quote(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // A replacer function: in a replacement string "$$" would itself mean one "$".
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function number(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`HCL cannot hold the number ${value}`);
  return String(value);
}

function isObject(v: HclValue): v is { [key: string]: HclValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Expr) && !(v instanceof Call);
}

function value(v: HclValue, indent: string): string {
  if (v === null) return 'null';
  if (v instanceof Expr) return v.text;
  if (v instanceof Call) return `${v.fn}(${v.args.map((a) => value(a, indent)).join(', ')})`;
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return number(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = v.map((x) => value(x, inner));
    const oneLine = `[${items.join(', ')}]`;
    if (!items.some((i) => i.includes('\n')) && oneLine.length <= 100) return oneLine;
    return `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  if (!isObject(v)) throw new Error('unreachable');
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  const keys = entries.map(([k]) => (IDENTIFIER.test(k) ? k : quote(k)));
  const rendered = entries.map(([, x]) => value(x, inner));
  // Like terraform fmt: "=" aligns within runs of one-line entries; a multi-line entry stands alone.
  const widths = keys.map((k, i) => {
    if (rendered[i]!.includes('\n')) return k.length;
    let a = i;
    while (a > 0 && !rendered[a - 1]!.includes('\n')) a--;
    let b = i;
    while (b < keys.length - 1 && !rendered[b + 1]!.includes('\n')) b++;
    return Math.max(...keys.slice(a, b + 1).map((x) => x.length));
  });
  return `{\n${keys.map((k, i) => `${inner}${k.padEnd(widths[i]!)} = ${rendered[i]}`).join('\n')}\n${indent}}`;
}

function body(items: BodyItem[], indent: string): string {
  const lines: string[] = [];
  let run: Attribute[] = [];
  const flush = () => {
    // terraform fmt aligns "=" across consecutive one-line attributes.
    const single = run.map((a) => !value(a.value, indent).includes('\n'));
    let i = 0;
    while (i < run.length) {
      let j = i;
      while (j < run.length && single[j] === single[i]) j++;
      const group = run.slice(i, j);
      const width = single[i] ? Math.max(...group.map((a) => a.name.length)) : 0;
      for (const a of group) lines.push(`${indent}${a.name.padEnd(width)} = ${value(a.value, indent)}`);
      i = j;
    }
    run = [];
  };
  items.forEach((item, k) => {
    if (item.kind === 'attribute') {
      run.push(item);
      return;
    }
    flush();
    if (item.kind === 'comment') {
      for (const line of item.text.split('\n')) lines.push(`${indent}# ${line}`.trimEnd());
      return;
    }
    if (k > 0 && items[k - 1]!.kind !== 'comment') lines.push('');
    lines.push(renderBlock(item, indent));
  });
  flush();
  return lines.join('\n');
}

function renderBlock(b: Block, indent: string): string {
  const head = [b.type, ...b.labels.map(quote)].join(' ');
  if (b.body.length === 0) return `${indent}${head} {}`;
  return `${indent}${head} {\n${body(b.body, `${indent}  `)}\n${indent}}`;
}

/** A whole file: top-level blocks and comments separated by blank lines, with a final newline. */
export function renderFile(items: BodyItem[]): string {
  const parts: string[] = [];
  items.forEach((item, k) => {
    if (item.kind === 'comment') {
      parts.push(item.text.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n'));
      return;
    }
    const text = item.kind === 'block' ? renderBlock(item, '') : body([item], '');
    if (k > 0 && items[k - 1]!.kind === 'comment') parts[parts.length - 1] += `\n${text}`;
    else parts.push(text);
  });
  return `${parts.join('\n\n')}\n`;
}
