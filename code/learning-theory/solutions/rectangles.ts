// Exercise: axis-aligned rectangles [x1, x2] x [y1, y2] label the points
// inside them 1. Every labelling they make is made by a rectangle whose
// sides pass through points, so trying those sides finds H_C.
import { type Point2, requirePoints2 } from '../checks.ts';
import type { HypothesisClass, Labelling } from '../classes.ts';

export const rectangles: HypothesisClass<Point2> = {
  name: 'rectangles',
  restrict(ps) {
    requirePoints2('rectangles.restrict', ps);
    const xs = [...new Set(ps.map((p) => p[0]))];
    const ys = [...new Set(ps.map((p) => p[1]))];
    const out = new Set<Labelling>([0]); // a rectangle away from all
    for (const x1 of xs) for (const x2 of xs) {
      if (x2 < x1) continue;
      for (const y1 of ys) for (const y2 of ys) {
        if (y2 < y1) continue;
        let mask = 0;
        ps.forEach(([x, y], i) => {
          if (x >= x1 && x <= x2 && y >= y1 && y <= y2) mask |= 1 << i;
        });
        out.add(mask);
      }
    }
    return out;
  },
};
