// Whether a point lies in Iran: a coarse outline of its borders (lat, lng), clockwise from the
// north-west corner. On land it follows the borders within a few tens of kilometres; at sea it
// runs near the middle of the Caspian, the Persian Gulf and the Gulf of Oman, so the islands are
// inside. Enough to catch a registry row whose coordinates are swapped, zero, of the wrong sign
// or in a neighbouring country; a point right at a border is not what it is for.

const OUTLINE: readonly [number, number][] = [
  [39.78, 44.77],
  [39.4, 46.3],
  [38.9, 46.5],
  [39.1, 47.9],
  [38.45, 48.9], // Turkey, Armenia, Azerbaijan (Aras)
  [38.3, 50.5],
  [38.0, 52.5],
  [37.4, 53.9], // Caspian Sea
  [38.1, 55.5],
  [38.3, 57.2],
  [37.5, 59.4],
  [36.6, 61.2],
  [35.6, 61.3], // Turkmenistan
  [34.4, 60.9],
  [33.5, 60.95],
  [31.5, 61.85],
  [29.85, 60.85], // Afghanistan
  [28.5, 61.7],
  [27.3, 63.35],
  [26.6, 63.2],
  [25.05, 61.7], // Pakistan
  [25.2, 59.0],
  [25.6, 57.2],
  [26.55, 56.45], // Gulf of Oman, Strait of Hormuz
  [25.7, 55.5],
  [25.55, 54.4],
  [26.3, 52.7],
  [27.3, 51.0],
  [28.8, 49.9],
  [29.8, 48.75], // Persian Gulf
  [30.5, 48.0],
  [31.0, 47.65],
  [32.0, 47.45],
  [32.9, 46.4],
  [33.7, 45.9], // Iraq
  [34.6, 45.45],
  [35.6, 45.9],
  [36.3, 45.2],
  [37.1, 44.75], // Iraq
  [38.3, 44.25],
  [39.4, 44.35], // Turkey
];

/** Ray casting on the outline (lat as y, lng as x): the borders are far from the poles and 180°. */
export function inIran(lat: number, lng: number): boolean {
  let inside = false;
  for (let i = 0, j = OUTLINE.length - 1; i < OUTLINE.length; j = i++) {
    const [yi, xi] = OUTLINE[i]!;
    const [yj, xj] = OUTLINE[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
