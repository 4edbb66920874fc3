// `resilience templates` lists the bundled templates (name first, one per line);
// `resilience templates show <name>` prints one as a plan file.
import { serializePlan } from '../../../model/io';
import { TEMPLATES, getTemplate } from '../../../templates';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';

export const templatesCommand: Command = {
  name: 'templates',
  summary: 'list the bundled templates, or print one with `templates show <name>`',
  usage: `Usage: resilience templates [--json]
       resilience templates show <name>

Lists the bundled plan templates, one per line: name, then a one-line description.
"show" prints the template as a plan file you can save and edit:
  resilience templates show warm-standby > my.plan.json`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { json: 'boolean' });
    if (positionals.length === 0) {
      if (flags.json) {
        io.stdout(`${JSON.stringify(TEMPLATES.map((t) => ({ name: t.name, title: t.title, description: t.description })), null, 2)}\n`);
        return EXIT.ok;
      }
      const width = Math.max(...TEMPLATES.map((t) => t.name.length));
      for (const t of TEMPLATES) io.stdout(`${t.name.padEnd(width)}  ${t.description}\n`);
      return EXIT.ok;
    }
    if (positionals[0] !== 'show') throw new UsageError(`unknown templates subcommand "${positionals[0]}"; use "templates" or "templates show <name>"`);
    const name = positionals[1];
    if (!name || positionals.length > 2) throw new UsageError('templates show needs exactly one template name');
    const template = getTemplate(name);
    if (!template) {
      io.stderr(`resilience: no template named "${name}". Known: ${TEMPLATES.map((t) => t.name).join(', ')}.\n`);
      return EXIT.badInput;
    }
    io.stdout(serializePlan(template.plan));
    return EXIT.ok;
  },
};
