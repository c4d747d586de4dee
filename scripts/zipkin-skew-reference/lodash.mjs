// Stand-ins for the three lodash functions Zipkin Lens's span-cleaner.js imports.
export function isEqual(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
export function sortBy(arr, keys) {
  return arr.slice().sort((x, y) => { for (const k of keys) { if (x[k] < y[k]) return -1; if (x[k] > y[k]) return 1; } return 0; });
}
export function unionWith(...args) {
  const cmp = args.pop(); const out = [];
  for (const arr of args) for (const v of arr) if (!out.some((o) => cmp(o, v))) out.push(v);
  return out;
}
