const t0 = performance.now();
const r = (await import('./src/compute/softmax-regression.ts')).default;
console.log(performance.now() - t0);
const { probabilityFigure, regionFigure, confusionFigure, weightsFigure, ...rest } = r;
console.log(JSON.stringify(rest, null, 1));
