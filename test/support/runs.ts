/** Number of property-test cases: the CI count times EDICT_FC_SCALE (default 1). */
export function runs(ciCount: number): number {
  const scale = Number(process.env.EDICT_FC_SCALE ?? 1);
  return Math.max(1, Math.round(ciCount * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
