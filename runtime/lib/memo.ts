// A small cache for pure string functions whose arguments repeat across
// evaluations (endpoints and host names in a rollout). Bounded: when full it
// starts over, so memory stays flat whatever the inputs.

export function memoizeString<T>(fn: (s: string) => T, capacity = 512): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = fn(s);
    if (cache.size >= capacity) cache = new Map();
    cache.set(s, value);
    return value;
  };
}
