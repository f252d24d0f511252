/** Growth exponents: the least-squares slope of log(y) against log(n). */

/** Slope b of log y = a + b log n over the points (null with fewer than two). */
export const growthExponent = (points: ReadonlyArray<readonly [number, number]>): number | null => {
  const p = points.filter(([n, y]) => n > 0 && y > 0).map(([n, y]) => [Math.log(n), Math.log(y)] as const)
  if (p.length < 2) return null
  const mx = p.reduce((s, [x]) => s + x, 0) / p.length
  const my = p.reduce((s, [, y]) => s + y, 0) / p.length
  const sxx = p.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  return sxx === 0 ? null : p.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx
}
