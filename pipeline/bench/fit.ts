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

/**
 * y at n, from measured points: on the line through the two largest sizes (a fixed part and a
 * part per item), never below the largest measured y; proportional to n from one point; null
 * from none.
 */
export const extrapolate = (points: ReadonlyArray<readonly [number, number]>, n: number): number | null => {
  const p = [...points].sort(([a], [b]) => a - b)
  const last = p.at(-1)
  if (last === undefined) return null
  const before = p.at(-2)
  if (before === undefined || before[0] === last[0]) return (last[1] * n) / last[0]
  const slope = (last[1] - before[1]) / (last[0] - before[0])
  return Math.max(last[1], last[1] + slope * (n - last[0]))
}
