/**
 * Closed forms the traffic lab is checked against and quotes as references: M/M/1, M/M/c (Erlang C)
 * and the E_c/M/1 queue that round-robin makes of each of c exponential servers. Pure arithmetic;
 * imports nothing.
 */

/** Erlang B by the stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), a = λ/μ offered load. */
export function erlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** M/M/c with arrival rate λ and service rate μ per server (validation cases C11 with c = 1, C12). */
export interface MMcFigures {
  rho: number;
  /** Erlang C: probability an arrival waits. */
  probWait: number;
  meanWait: number;
  meanSojourn: number;
  lq: number;
  /** P(Wq > t) = C · e^{−(cμ − λ) t}. */
  waitExceeds(t: number): number;
  /** P(W > t) for the sojourn W = Wq + S (S ~ Exp(μ)). */
  sojournExceeds(t: number): number;
  sojournQuantile(p: number): number;
}

export function mmc(lambda: number, mu: number, c: number): MMcFigures {
  const a = lambda / mu;
  const rho = a / c;
  if (!(rho < 1)) throw new Error(`M/M/${c}: unstable (ρ = ${rho} ≥ 1)`);
  const b = erlangB(c, a);
  const probWait = (c * b) / (c - a * (1 - b));
  const theta = c * mu - lambda;
  const meanWait = probWait / theta;
  // W = Wq + S; Wq is 0 with probability 1 − C, else Exp(θ). P(Exp(θ) + Exp(μ) > t) is the
  // hypoexponential tail (θ e^{−μt} − μ e^{−θt}) / (θ − μ), or (1 + μt) e^{−μt} when θ = μ.
  const sumTail = (t: number): number =>
    Math.abs(theta - mu) < 1e-12 * mu ? (1 + mu * t) * Math.exp(-mu * t) : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  const sojournExceeds = (t: number): number => (1 - probWait) * Math.exp(-mu * t) + probWait * sumTail(t);
  return {
    rho,
    probWait,
    meanWait,
    meanSojourn: meanWait + 1 / mu,
    lq: lambda * meanWait,
    waitExceeds: (t) => probWait * Math.exp(-theta * t),
    sojournExceeds,
    sojournQuantile: (p) => invertTail(sojournExceeds, 1 - p, 1 / mu),
  };
}

/** Smallest t with tail(t) ≤ target, for a decreasing tail, by doubling then bisection. */
function invertTail(tail: (t: number) => number, target: number, scale: number): number {
  let hi = scale;
  while (tail(hi) > target) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Round-robin over c identical exponential servers, each an E_c/M/1 queue.
 *
 * Derivation. Poisson arrivals at rate λ are dealt to the servers in turn, so server j receives every
 * c-th arrival: its interarrival time is a sum of c independent Exp(λ) gaps, an Erlang(c, λ) time
 * with mean c/λ and Laplace–Stieltjes transform A*(s) = (λ / (λ + s))^c. The gaps are independent
 * and identically distributed, so each server is a GI/M/1 FCFS queue with exponential service μ
 * and load ρ = λ / (cμ). For GI/M/1 (Kleinrock, Queueing Systems vol. 1, §6.4) the number in system
 * found by an arrival is geometric, P(N = n) = (1 − σ) σⁿ, where σ is the unique root in (0, 1) of
 *     σ = A*(μ − μσ)          (it exists when ρ < 1).
 * An arrival that finds n requests waits for n exponential services (memoryless residual), an
 * Erlang(n, μ) time; mixing over the geometric N gives
 *     P(Wq > 0) = σ,   P(Wq > t) = σ · e^{−μ(1−σ) t},
 * and the sojourn W = Wq + S is exactly Exp(μ(1 − σ)):
 *     E[W] = 1 / (μ(1 − σ)),   E[Wq] = σ / (μ(1 − σ)),   W_p = −ln(1 − p) / (μ(1 − σ)).
 * With c = 1, A*(s) = λ/(λ+s) and σ = ρ: M/M/1 again (case C11). Since A* is increasing and convex
 * in σ with A*(μ) < 1 at σ = 0, the iteration σ ← A*(μ(1 − σ)) from σ = 0 climbs monotonically to
 * the smallest root, which is the one in (0, 1).
 */
export interface RoundRobinFigures {
  rho: number;
  sigma: number;
  meanSojourn: number;
  meanWait: number;
  waitExceeds(t: number): number;
  sojournQuantile(p: number): number;
}

export function erlangArrivalsSigma(lambda: number, mu: number, c: number): number {
  const transform = (s: number) => Math.pow(lambda / (lambda + s), c);
  let sigma = 0;
  for (let i = 0; i < 100_000; i++) {
    const next = transform(mu * (1 - sigma));
    if (Math.abs(next - sigma) < 1e-15) return next;
    sigma = next;
  }
  return sigma;
}

export function roundRobinErlang(lambda: number, mu: number, c: number): RoundRobinFigures {
  const rho = lambda / (c * mu);
  if (!(rho < 1)) throw new Error(`E_${c}/M/1: unstable (ρ = ${rho} ≥ 1)`);
  const sigma = erlangArrivalsSigma(lambda, mu, c);
  const rate = mu * (1 - sigma);
  return {
    rho,
    sigma,
    meanSojourn: 1 / rate,
    meanWait: sigma / rate,
    waitExceeds: (t) => sigma * Math.exp(-rate * t),
    sojournQuantile: (p) => -Math.log(1 - p) / rate,
  };
}
