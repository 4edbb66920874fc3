/**
 * Service and engine icons as data: each is a coloured tile (by service family) with a white line
 * glyph drawn on a 24-unit grid. Original simple drawings, so the editor's cards and the pure SVG
 * export show the same picture. Pure; imports only sim/model types.
 */
import type { PlanNode, Provider } from '../model/schema';

export interface DiagramIcon {
  /** Stable id (also a test hook: `data-icon` on cards, `data-icon` in the SVG). */
  id: string;
  /** What the icon stands for, shown as a tooltip and used as the SVG title. */
  label: string;
  /** Tile colour: networking violet, compute orange, database blue, storage green, operations pink, neutral slate. */
  tile: string;
  /** Stroked path data on a 24 × 24 grid, drawn in white. */
  path: string;
}

const FAMILY = {
  networking: '#7c3aed',
  compute: '#ea580c',
  database: '#2563eb',
  storage: '#15803d',
  operations: '#db2777',
  neutral: '#475569',
} as const;

const CYLINDER = 'M5 6.5c0-1.5 3.1-2.5 7-2.5s7 1 7 2.5-3.1 2.5-7 2.5-7-1-7-2.5Zm0 0v11c0 1.5 3.1 2.5 7 2.5s7-1 7-2.5v-11';

export const ICONS = {
  clients: {
    id: 'clients',
    label: 'Users',
    tile: FAMILY.neutral,
    path: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-5.5 8c0-3.1 2.5-5.2 5.5-5.2s5.5 2.1 5.5 5.2M16 10.5a2.6 2.6 0 1 0-.8-5.1M17.2 14c1.9.6 3.3 2.3 3.3 4.6',
  },
  route53: {
    id: 'route53',
    label: 'Route 53 (DNS)',
    tile: FAMILY.networking,
    // a signpost: a pole with one sign each way
    path: 'M12 3v18M8.5 21h7M12 5h6l2 2.2-2 2.2h-6M12 11.5H6l-2 2.2 2 2.2h6',
  },
  dns: {
    id: 'dns',
    label: 'DNS',
    tile: FAMILY.neutral,
    // a globe
    path: 'M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17Zm0-17c-2.4 2.4-3.5 5.2-3.5 8.5s1.1 6.1 3.5 8.5m0-17c2.4 2.4 3.5 5.2 3.5 8.5s-1.1 6.1-3.5 8.5M4 9h16M4 15h16',
  },
  alb: {
    id: 'alb',
    label: 'Elastic Load Balancing (ALB)',
    tile: FAMILY.networking,
    // one hub sending to three
    path: 'M7 12a3 3 0 1 1-6 0 3 3 0 0 1 6 0Zm0 0h4m0 0 4-6.5h3.5M11 12l4 6.5h3.5M11 12h7.5M20.5 5.5h.5M20.5 12h.5M20.5 18.5h.5',
  },
  loadBalancer: {
    id: 'loadBalancer',
    label: 'Load balancer',
    tile: FAMILY.neutral,
    path: 'M3 12h5m0 0 4-6h8m-12 6 4 6h8M8 12h12M18 4l2 2-2 2M18 10l2 2-2 2M18 16l2 2-2 2',
  },
  apiGateway: {
    id: 'apiGateway',
    label: 'API Gateway',
    tile: FAMILY.networking,
    // angle brackets around a passage
    path: 'M8 5 3 12l5 7M16 5l5 7-5 7M10 9.5h4M10 12h4M10 14.5h4',
  },
  lambda: {
    id: 'lambda',
    label: 'Lambda (serverless)',
    tile: FAMILY.compute,
    // the letter lambda
    path: 'M5 20.5 11 10M7 3.5h3.5l7 17H20',
  },
  eks: {
    id: 'eks',
    label: 'EKS / Kubernetes (containers)',
    tile: FAMILY.compute,
    // a ship's wheel
    path: 'M12 19a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm0-4.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM12 2v7.5m0 5V22M3.3 7l6.5 3.7m4.4 2.6 6.5 3.7M3.3 17l6.5-3.7m4.4-2.6L20.7 7',
  },
  container: {
    id: 'container',
    label: 'Containers',
    tile: FAMILY.neutral,
    // three stacked boxes
    path: 'M3.5 12.5h8v7h-8zM12.5 12.5h8v7h-8zM8 4.5h8v7H8z',
  },
  ec2: {
    id: 'ec2',
    label: 'EC2 (virtual machines)',
    tile: FAMILY.compute,
    // a chip with pins
    path: 'M7 7h10v10H7zM10 10h4v4h-4zM9.5 7V4M14.5 7V4M9.5 20v-3M14.5 20v-3M7 9.5H4M7 14.5H4M20 9.5h-3M20 14.5h-3',
  },
  server: {
    id: 'server',
    label: 'Servers (on-premises or VMs)',
    tile: FAMILY.neutral,
    // a rack of two servers
    path: 'M4 4.5h16v6H4zM4 13.5h16v6H4zM7.5 7.5h.5M7.5 16.5h.5M11 7.5h6M11 16.5h6',
  },
  aurora: {
    id: 'aurora',
    label: 'Aurora',
    tile: FAMILY.database,
    // a cylinder with a four-point star
    path: `${CYLINDER}M12 11l1 2.5 2.5 1-2.5 1-1 2.5-1-2.5-2.5-1 2.5-1 1-2.5Z`,
  },
  rds: {
    id: 'rds',
    label: 'RDS',
    tile: FAMILY.database,
    // a banded cylinder
    path: `${CYLINDER}M5 12c0 1.5 3.1 2.5 7 2.5s7-1 7-2.5`,
  },
  dynamodb: {
    id: 'dynamodb',
    label: 'DynamoDB',
    tile: FAMILY.database,
    // a cylinder with a lightning bolt
    path: `${CYLINDER}M13 10.5 10 15h3.5L11 19.5`,
  },
  s3: {
    id: 's3',
    label: 'S3 (object storage)',
    tile: FAMILY.storage,
    // a bucket
    path: 'M4 6c0-1.4 3.6-2.5 8-2.5S20 4.6 20 6s-3.6 2.5-8 2.5S4 7.4 4 6Zm0 0 2 13c.3 1.1 2.8 1.8 6 1.8s5.7-.7 6-1.8l2-13',
  },
  redis: {
    id: 'redis',
    label: 'Cache (Redis)',
    tile: FAMILY.database,
    // stacked diamonds
    path: 'M12 4 20 8l-8 4-8-4 8-4Zm-8 8 8 4 8-4M4 16l8 4 8-4',
  },
  database: {
    id: 'database',
    label: 'Database',
    tile: FAMILY.neutral,
    path: `${CYLINDER}M5 12c0 1.5 3.1 2.5 7 2.5s7-1 7-2.5`,
  },
  awsBackup: {
    id: 'awsBackup',
    label: 'AWS Backup',
    tile: FAMILY.storage,
    // a vault with a dial
    path: 'M4 4.5h16v15H4zM4 19.5v1.5M20 19.5v1.5M12 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM12 8.5V10M12 14v1.5M8.5 12H10M14 12h1.5',
  },
  backup: {
    id: 'backup',
    label: 'Backup',
    tile: FAMILY.neutral,
    // a clock turning back
    path: 'M4 12a8 8 0 1 0 2.4-5.7L4 8.6M4 4v4.6h4.6M12 7.5V12l3 2',
  },
  cloudwatch: {
    id: 'cloudwatch',
    label: 'CloudWatch (monitoring)',
    tile: FAMILY.operations,
    // a magnifier over a pulse
    path: 'M10.5 17.5a7 7 0 1 0 0-14 7 7 0 0 0 0 14ZM15.5 15.5 21 21M5.5 10.5h2l1.5-3 2.5 6 1.5-3h2',
  },
  monitor: {
    id: 'monitor',
    label: 'Monitoring',
    tile: FAMILY.neutral,
    path: 'M3 12h4l2.5-6 4.5 12 2.5-6H21',
  },
} as const satisfies Record<string, DiagramIcon>;

export type IconId = keyof typeof ICONS;

/**
 * The icon for a node: the AWS service it most likely is when its region is on AWS (or, for nodes
 * outside any region, when the design's regions are all AWS), a neutral one otherwise. Datastore
 * engines and fleet platforms pick their own icons wherever they run.
 */
export function iconFor(node: PlanNode, provider: Provider | undefined): DiagramIcon {
  const aws = provider === 'aws';
  switch (node.kind) {
    case 'clients':
      return ICONS.clients;
    case 'dns':
      return aws ? ICONS.route53 : ICONS.dns;
    case 'loadBalancer':
      return aws ? ICONS.alb : ICONS.loadBalancer;
    case 'gateway':
      if (node.platform === 'serverless') return aws ? ICONS.apiGateway : ICONS.lambda;
      if (aws) return ICONS.apiGateway;
      return node.platform === 'container' ? ICONS.container : ICONS.server;
    case 'service':
      if (node.platform === 'serverless') return ICONS.lambda;
      if (node.platform === 'container') return aws ? ICONS.eks : ICONS.container;
      return aws ? ICONS.ec2 : ICONS.server;
    case 'datastore':
      switch (node.engine) {
        case 'aurora':
          return ICONS.aurora;
        case 'dynamodb':
          return ICONS.dynamodb;
        case 'rds':
          return ICONS.rds;
        case 's3':
          return ICONS.s3;
        case 'redis':
          return ICONS.redis;
        default:
          return ICONS.database;
      }
    case 'backup':
      return aws ? ICONS.awsBackup : ICONS.backup;
    case 'monitor':
      return aws ? ICONS.cloudwatch : ICONS.monitor;
  }
}

/**
 * The provider a node's icon should follow: its region's, or for a node outside regions the one
 * provider all regions share (a design wholly on AWS gets Route 53 for its global DNS).
 */
export function providerOf(node: PlanNode, regions: readonly { id: string; provider?: Provider }[]): Provider | undefined {
  if (node.region) return regions.find((r) => r.id === node.region)?.provider;
  const providers = new Set(regions.map((r) => r.provider ?? 'generic'));
  return providers.size === 1 ? [...providers][0] : undefined;
}
