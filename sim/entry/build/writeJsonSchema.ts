// Writes sim/model/plan.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planJsonSchema } from '../../model/jsonSchema';

const target = fileURLToPath(new URL('../../model/plan.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
