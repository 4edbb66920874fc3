// The HCL writer: every string survives Terraform's own parser unchanged (quotes, backslashes,
// newlines, "${" and "%{" that must stay literal), expressions stay expressions, nested blocks and
// maps keep their shape; and the layout is `terraform fmt`'s when terraform is on the PATH.
import { parse } from '@cdktn/hcl2json';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attr, block, comment, expr, quote, renderFile } from '../../../sim/export/terraform/hcl';
import { generateTerraform } from '../../../sim/export/terraform/generate';
import { CASES } from './exportCases';

describe('the HCL writer', () => {
  it('keeps any string literal as written, through the HCL parser', async () => {
    const samples = ['plain', 'with "quotes"', 'back\\slash', 'new\nline\ttab', '${var.not_a_reference}', '%{ if x }', '$${already}', 'ünïcödé ✓', '$default', ''];
    const text = renderFile([block('locals', [], samples.map((s, i) => attr(`s${i}`, s)))]);
    const parsed = (await parse('x.tf', text)) as { locals: Record<string, string>[] };
    // hcl2json reports a literal "${" or "%{" in its escaped form "$${" / "%%{".
    const escaped = (x: string) => x.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
    samples.forEach((s, i) => expect(parsed.locals[0]![`s${i}`]).toBe(escaped(s)));
    expect(text).toContain('s4 = "$${var.not_a_reference}"');
  });

  it('round-trips arbitrary strings (property test)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (s) => {
        const parsed = (await parse('x.tf', renderFile([block('locals', [], [attr('v', s)])]))) as { locals: Record<string, string>[] };
        // hcl2json reports template openers in their escaped form; undo that to compare.
        expect(parsed.locals[0]!.v!.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')).toBe(s);
      }),
      { numRuns: 200 },
    );
  });

  it('writes expressions, lists, maps with odd keys, nested blocks and comments', async () => {
    const text = renderFile([
      comment('a comment\nover two lines'),
      block('resource', ['aws_x', 'y'], [
        attr('provider', expr('aws.use1')),
        attr('list', [1, 'two', expr('var.three')]),
        attr('map', { Name: 'n', 'a:b/c': true }),
        block('inner', [], [attr('n', 1.5), block('deeper', [], [attr('ok', false)])]),
        block('empty', [], []),
      ]),
    ]);
    expect(text).toContain('# a comment\n# over two lines\nresource "aws_x" "y" {');
    const parsed = (await parse('x.tf', text)) as { resource: { aws_x: { y: Record<string, unknown>[] } } };
    const y = parsed.resource.aws_x.y[0]!;
    expect(y.provider).toBe('${aws.use1}');
    expect(y.list).toEqual([1, 'two', '${var.three}']);
    expect(y.map).toEqual({ Name: 'n', 'a:b/c': true });
    expect(y.inner).toEqual([{ n: 1.5, deeper: [{ ok: false }] }]);
    expect(y.empty).toEqual([{}]);
  });

  it('rejects numbers HCL cannot hold', () => {
    expect(() => renderFile([attr('x', Number.NaN)])).toThrow(/cannot hold/);
    expect(quote('a"b')).toBe('"a\\"b"');
  });
});

const terraform = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' }).stdout.trim();

describe(`terraform fmt${terraform ? '' : ' (skipped: terraform is not on the PATH)'}`, () => {
  it.skipIf(!terraform)('finds every exported file already formatted', () => {
    for (const c of CASES) {
      for (const f of generateTerraform(c.plan).files.filter((x) => x.path.endsWith('.tf'))) {
        const out = spawnSync('terraform', ['fmt', '-'], { input: f.content, encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
        expect(out.status, `${c.name}/${f.path}: ${out.stderr}`).toBe(0);
        expect(out.stdout, `${c.name}/${f.path}`).toBe(f.content);
      }
    }
  });
});
