/**
 * The blocking index of cross-document event resolution (mergeEvents.ts): for each (event type,
 * participant key, date window) the clusters holding that key whose representative date falls in
 * the window, in the order they acquired the key; and for each (event type, three participant
 * keys) the clusters holding all three. Lookups touch only clusters that can match; nothing here
 * compares all pairs.
 */

/** What the index needs of a cluster. */
export interface Indexed {
  /** Order in which the cluster acquired each key (a global counter). */
  readonly seq: Map<string, number>
  /** The representative (longest stated) date, or null. */
  readonly cd: string | null
}

/**
 * Date windows a representative date belongs to: its exact value, and every prefix (year, month, day) it falls under.
 */
const windowsOf = (cd: string): Array<string> => {
  const parts = cd.split("-")
  return [`=${cd}`, ...parts.map((_, i) => `<${parts.slice(0, i + 1).join("-")}`)]
}

/**
 * Windows holding every date compatible with `md` (equal at the coarser precision): its proper prefixes exactly, and
 * everything under it.
 */
const compatibleWindows = (md: string): Array<string> => {
  const parts = md.split("-")
  return [...parts.slice(0, -1).map((_, i) => `=${parts.slice(0, i + 1).join("-")}`), `<${md}`]
}

const insertBySeq = <C extends Indexed>(list: Array<C>, c: C, key: string) => {
  const s = c.seq.get(key)!
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid]!.seq.get(key)! <= s) lo = mid + 1
    else hi = mid
  }
  list.splice(lo, 0, c)
}

/**
 * Above this many keys a cluster is listed per key rather than per triple of keys (triples grow with the cube of the
 * keys).
 */
const WIDE = 12

/** A blocking index over clusters of type C. */
export const makeEventIndex = <C extends Indexed>() => {
  const byDate = new Map<string, Array<C>>()
  const byTriple = new Map<string, Array<C>>()
  const wide = new Map<string, Array<C>>()
  const add = (map: Map<string, Array<C>>, k: string, c: C, seqKey: string | null) => {
    const list = map.get(k)
    if (list === undefined) map.set(k, [c])
    else if (seqKey === null) list.push(c)
    else insertBySeq(list, c, seqKey)
  }
  return {
    /** Register a key the cluster has just acquired (`strongKeys`: its other keys that may pair with it in triples). */
    addKey: (type: string, c: C, key: string, strongKeys: ReadonlyArray<string>) => {
      if (c.cd !== null) for (const w of windowsOf(c.cd)) add(byDate, `${type}|${key}|${w}`, c, key)
      if (strongKeys.length >= WIDE) {
        // a wide cluster is listed under each of its keys (its earlier triples stay valid)
        if (strongKeys.length === WIDE) for (const k of strongKeys) add(wide, `${type}|${k}`, c, null)
        add(wide, `${type}|${key}`, c, null)
        return
      }
      for (let i = 0; i < strongKeys.length; i++)
        for (let j = i + 1; j < strongKeys.length; j++)
          add(byTriple, `${type}|${[key, strongKeys[i]!, strongKeys[j]!].sort().join("|")}`, c, null)
    },
    /**
     * The cluster's representative date changed from `before`: register it under the new windows of each of its `keys`.
     */
    moveDate: (type: string, c: C, before: string | null, keys: Iterable<string>) => {
      const old = new Set(before === null ? [] : windowsOf(before))
      const fresh = windowsOf(c.cd!).filter((w) => !old.has(w))
      for (const key of keys) for (const w of fresh) add(byDate, `${type}|${key}|${w}`, c, key)
    },
    /**
     * Clusters holding `key` whose representative date is compatible with `md`, in the order they acquired the key (may
     * repeat).
     */
    *dated(type: string, key: string, md: string): Generator<C> {
      const lists = compatibleWindows(md).map((w) => ({
        w,
        list: byDate.get(`${type}|${key}|${w}`) ?? [],
        i: 0
      }))
      const live = (w: string, c: C) => (w.startsWith("=") ? c.cd === w.slice(1) : c.cd?.startsWith(w.slice(1)))
      for (;;) {
        let best: (typeof lists)[number] | null = null
        for (const l of lists) {
          while (l.i < l.list.length && !live(l.w, l.list[l.i]!)) l.i++
          if (l.i < l.list.length && (best === null || l.list[l.i]!.seq.get(key)! < best.list[best.i]!.seq.get(key)!))
            best = l
        }
        if (best === null) return
        yield best.list[best.i++]!
      }
    },
    /** Clusters holding all of three keys (wide clusters are found with `wide`). */
    triple: (type: string, a: string, b: string, c: string): ReadonlyArray<C> =>
      byTriple.get(`${type}|${[a, b, c].sort().join("|")}`) ?? [],
    /** `triple` of three keys already in sorted order (a ≤ b ≤ c), without sorting them again. */
    sortedTriple: (type: string, a: string, b: string, c: string): ReadonlyArray<C> =>
      byTriple.get(`${type}|${a}|${b}|${c}`) ?? [],
    /** Clusters with more than WIDE keys holding `key`. */
    wide: (type: string, key: string): ReadonlyArray<C> => wide.get(`${type}|${key}`) ?? []
  }
}
