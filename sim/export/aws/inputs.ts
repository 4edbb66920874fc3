/**
 * Values a plan does not describe (VPC, subnets, AMIs, images, domain names, certificates...): each
 * becomes a Terraform variable or CloudFormation parameter with a clear name and description and no
 * invented default. Pure; imports nothing outside sim/export.
 */

export interface InputDesign {
  /** snake_case name (Terraform variable); CloudFormation uses its PascalCase form. */
  name: string;
  description: string;
  type: 'string' | 'number' | 'list(string)';
  /** A CloudFormation AWS-specific parameter type (checked by CloudFormation at deploy time). */
  cfnType?: string;
  /** A list input must have exactly this many items (one per zone). */
  listLength?: number;
  allowed?: readonly string[];
  /** Terraform looks this value up itself (a data source); only CloudFormation asks for it. */
  cloudFormationOnly?: boolean;
  /** A secret: Terraform marks it sensitive, CloudFormation NoEcho. */
  sensitive?: boolean;
  /** Only for values the plan itself gives (e.g. the name prefix derived from the plan's name). */
  default?: string;
}

export class Inputs {
  private readonly byName = new Map<string, InputDesign>();

  /** Declares an input (once; later calls return the same name). `_scope` says who uses it, for readers. */
  need(name: string, _scope: string, spec: Omit<InputDesign, 'name'>): string {
    if (!this.byName.has(name)) this.byName.set(name, { name, ...spec });
    return name;
  }

  list(): InputDesign[] {
    return [...this.byName.values()];
  }
}
