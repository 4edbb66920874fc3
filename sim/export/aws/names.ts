/**
 * Names derived from plan ids for every format: snake_case keys (Terraform names, input names) and
 * PascalCase logical ids (CloudFormation), unique within one export. Pure; imports nothing.
 */

/** snake_case identifier: letters, digits and "_", starting with a letter. */
export function snake(text: string): string {
  const s = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(s) ? s : `n_${s}`;
}

/** PascalCase alphanumeric identifier (CloudFormation logical ids and parameter names). */
export function pascal(text: string): string {
  return snake(text)
    .split('_')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** Lower-case name with hyphens (resource names such as a global cluster identifier). */
export function slug(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(s) ? s : `x-${s}`;
}

/** Hands out one snake_case key per owner; two owners whose ids differ only in punctuation get a suffix. */
export class Namer {
  private readonly byOwner = new Map<string, string>();
  private readonly taken = new Set<string>();

  key(owner: string, base: string = owner): string {
    const known = this.byOwner.get(owner);
    if (known) return known;
    const stem = snake(base);
    let name = stem;
    for (let i = 2; this.taken.has(name); i++) name = `${stem}_${i}`;
    this.taken.add(name);
    this.byOwner.set(owner, name);
    return name;
  }
}
