/**
 * Diurnal load (PLAN-FORMAT meaning 19): a client offers rps · (1 + swing · sin ωt) with one period a
 * day. The angular frequency and the exact integrals of the swing live here, once. Pure; imports nothing.
 */
export const DIURNAL_OMEGA = (2 * Math.PI) / (24 * 3600);

/** ∫ sin ωt dt over [t0, t1]. */
export function sineIntegral(t0: number, t1: number): number {
  return (Math.cos(DIURNAL_OMEGA * t0) - Math.cos(DIURNAL_OMEGA * t1)) / DIURNAL_OMEGA;
}

/** ∫ (p + q·t) sin ωt dt over [t0, t1], exactly: −(p + q·t) cos ωt / ω + q sin ωt / ω². */
export function linearTimesSineIntegral(p: number, q: number, t0: number, t1: number): number {
  return antiderivative(p, q, DIURNAL_OMEGA, t1) - antiderivative(p, q, DIURNAL_OMEGA, t0);
}

/** An antiderivative of (a + b·x) · sin(wx): a module function, so the per-event path allocates no closure. */
function antiderivative(a: number, b: number, w: number, x: number): number {
  return (-(a + b * x) * Math.cos(w * x)) / w + (b * Math.sin(w * x)) / (w * w);
}
