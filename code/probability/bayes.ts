// Bayes' theorem over a finite set of hypotheses, computed in logs so
// that likelihoods far below the smallest double still give the right
// posterior.
import { logSumExp } from '../calculus/softmax.ts';
import { requireFiniteArray } from '../introduction/checks.ts';

// #region bayes
export interface Posterior {
  /** P(h | data) for each hypothesis h: Eq. (prob-bayes). */
  posterior: Float64Array;
  /** log P(data) = log sum_h P(h) P(data | h): Eq. (prob-evidence). */
  logEvidence: number;
}

/** Posterior from log P(h) and log P(data | h), one entry per h. */
export function bayesPosterior(
  logPrior: ArrayLike<number>,
  logLikelihood: ArrayLike<number>,
): Posterior {
  requireFiniteArray('bayesPosterior', 'logPrior', logPrior);
  requireFiniteArray('bayesPosterior', 'logLikelihood', logLikelihood);
  if (logPrior.length !== logLikelihood.length) {
    throw new Error(
      `bayesPosterior: expected one log-likelihood per hypothesis, got ` +
        `${logPrior.length} priors and ${logLikelihood.length}`,
    );
  }
  const logJoint = Float64Array.from(
    logPrior, (lp, h) => lp + logLikelihood[h],
  );
  const logEvidence = logSumExp(logJoint); // Eq. (prob-bayes-log)
  const posterior = logJoint.map((lj) => Math.exp(lj - logEvidence));
  return { posterior, logEvidence };
}
// #endregion
