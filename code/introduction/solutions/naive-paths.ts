// Exercise: the 27 equally likely paths of naiveShuffle on three items.

// #region naive-paths
/** How many of the n^n choice paths of naiveShuffle give each order,
 * orders in lexicographic order ('012', '021', ...). */
export function naivePathCounts(n = 3): Map<string, number> {
  const counts = new Map<string, number>();
  const paths = n ** n;
  for (let path = 0; path < paths; path++) {
    const items = Array.from({ length: n }, (_, i) => i);
    let code = path;
    for (let i = 0; i < n; i++) {
      const j = code % n; // the i-th choice, one base-n digit
      code = Math.floor(code / n);
      [items[i], items[j]] = [items[j], items[i]];
    }
    const key = items.join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}
// #endregion

// #region naive-statistic
/**
 * The mean and standard deviation of the chi-square statistic of
 * shuffleChiSquare(naiveShuffle) with `trials` shuffles: a noncentral
 * chi-square with nu = 5 and noncentrality
 * lambda = trials * sum_k (p_k - 1/6)^2 / (1/6), p_k = count_k / 27.
 */
export function naiveStatistic(trials = 30_000) {
  const counts = [...naivePathCounts(3).values()];
  let lambda = 0;
  for (const c of counts) lambda += (c / 27 - 1 / 6) ** 2 / (1 / 6);
  lambda *= trials;
  const nu = counts.length - 1;
  return { mean: nu + lambda, sd: Math.sqrt(2 * (nu + 2 * lambda)) };
}
// #endregion
