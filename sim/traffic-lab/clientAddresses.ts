/**
 * The client population an ip-hash balancer sees: seeded IPv4 addresses with uneven activity (a few
 * NAT gateways and heavy users send much of the traffic), the FNV-1a hash of each dotted address,
 * and the ip-hash choice with nginx-style rehashing. Pure; imports only sim/engine/random.
 */
import type { RandomStream } from '../engine/random';

export interface ClientPopulation {
  addresses: string[];
  hashes: Uint32Array;
  /** Cumulative activity weights (last = 1), for picking the client of each request. */
  cumulative: Float64Array;
}

/** FNV-1a, 32 bits, over the characters of the address ("203.0.113.7"). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function normal(stream: RandomStream): number {
  // Box–Muller; 1 − u is never 0 for this stream.
  const u = stream.next();
  const v = stream.next();
  return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
}

/**
 * `count` distinct addresses. Clients cluster in networks (about 8 per /24, as behind an office or
 * a carrier's NAT range); activity is lognormal with `activitySigma`, so the busiest few percent
 * of clients send a large share of the requests, as real client populations do.
 */
export function makeClientPopulation(count: number, activitySigma: number, stream: RandomStream): ClientPopulation {
  const addresses: string[] = [];
  const seen = new Set<string>();
  const networks = Math.max(1, Math.ceil(count / 8));
  const prefixes: string[] = [];
  while (prefixes.length < networks) {
    // First octet 1–223 except 10, 127 (private / loopback): public unicast space.
    let a = 1 + Math.floor(stream.next() * 223);
    if (a === 10 || a === 127) a = 11;
    prefixes.push(`${a}.${Math.floor(stream.next() * 256)}.${Math.floor(stream.next() * 256)}`);
  }
  while (addresses.length < count) {
    const address = `${prefixes[Math.floor(stream.next() * networks)]}.${1 + Math.floor(stream.next() * 254)}`;
    if (seen.has(address)) continue;
    seen.add(address);
    addresses.push(address);
  }
  const weights = addresses.map(() => (activitySigma > 0 ? Math.exp(activitySigma * normal(stream)) : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = new Float64Array(count);
  let running = 0;
  for (let i = 0; i < count; i++) {
    running += weights[i]! / total;
    cumulative[i] = running;
  }
  cumulative[count - 1] = 1;
  return { addresses, hashes: Uint32Array.from(addresses, fnv1a), cumulative };
}

/** The client of a request: binary search of a uniform draw in the cumulative weights. */
export function pickClient(population: ClientPopulation, u: number): number {
  const c = population.cumulative;
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < c[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * ip-hash over `n` configured instances: hash mod n; when that instance is not believed healthy,
 * rehash (like nginx's ip_hash, up to 20 tries, then the first healthy one) so only the clients of
 * a removed instance move, and they move back when it returns. −1 when no instance is believed healthy.
 */
export function ipHashChoice(hash: number, healthy: Uint8Array): number {
  const n = healthy.length;
  let h = hash;
  for (let attempt = 0; attempt < 20; attempt++) {
    const k = h % n;
    if (healthy[k]) return k;
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
    h = (h + attempt + 1) >>> 0;
  }
  for (let k = 0; k < n; k++) if (healthy[k]) return k;
  return -1;
}
