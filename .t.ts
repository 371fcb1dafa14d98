const t0 = performance.now();
const m = await import('./src/compute/locally-weighted-regression.ts');
const r = m.default;
console.log(performance.now() - t0);
const { weightsFigure, bandwidthFigure, equivalentKernelFigure, biasVarianceFigure, hdlFigure, cvFigure, ...rest } = r;
console.log(JSON.stringify(rest, null, 1).slice(0, 4000));
