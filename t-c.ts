const t0 = performance.now(); const c0 = process.cpuUsage();
const m = await import('./src/compute/neural-optimizers.ts');
const r = m.default; const c = process.cpuUsage(c0);
console.log((performance.now() - t0) / 1000, 'cpu', (c.user + c.system) / 1e6, JSON.stringify({ ...r, quadraticFigure: r.quadraticFigure.length, rosenbrockFigure: r.rosenbrockFigure.length, scheduleFigure: r.scheduleFigure.length, fashionFigure: r.fashionFigure.length }, null, 0));
