// The evidence p(y | σ², τ²) of the Bayesian linear model, its
// gradient, and MacKay's fixed-point iteration that maximizes it.
import { Matrix, dot, matvec } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { checkXy } from '../linear-regression/model.ts';
import { calledAs, requireInteger } from '../introduction/checks.ts';
import { varianceWithDivisor } from '../statistics/estimators.ts';
import { blrPosterior, checkHyper } from './posterior.ts';
import type { Hyper, Posterior } from './posterior.ts';

// #region evidence-terms
/** What the evidence and its gradient need from one posterior. */
export interface EvidenceTerms {
  logEvidence: number; // Eq. (blr-evidence)
  gamma: number; // γ, Eq. (blr-gamma)
  sse: number; // ‖y − Xm‖²
  mm: number; // ‖m‖²
}

function evidenceTerms(
  X: Matrix, y: Vector, h: Hyper, p: Posterior,
): EvidenceTerms {
  const { rows: n, cols: d } = X;
  const Xm = matvec(X, p.mean);
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - Xm[i]) ** 2;
  const mm = dot(p.mean, p.mean);
  let logDetA = 0; // log det A = 2 Σ log L_jj
  let traceS = 0;
  for (let j = 0; j < d; j++) {
    logDetA += 2 * Math.log(p.L.data[j * d + j]);
    traceS += p.cov.data[j * d + j];
  }
  const logEvidence = -0.5 * n * Math.log(2 * Math.PI * h.sigma2) -
    0.5 * d * Math.log(h.tau2) - sse / (2 * h.sigma2) -
    mm / (2 * h.tau2) - 0.5 * logDetA; // Eq. (blr-evidence)
  const gamma = d - traceS / h.tau2; // Eq. (blr-gamma)
  return { logEvidence, gamma, sse, mm };
}
// #endregion

// #region log-evidence
/** log p(y | X, σ², τ²) and its terms, for a proper prior. */
export function evidence(X: Matrix, y: Vector, h: Hyper): EvidenceTerms {
  checkXy('evidence', X, y);
  checkHyper('evidence', h);
  if (h.tau2 === Infinity) {
    throw new Error('evidence: a flat prior (tau2 = Infinity) gives ' +
      'every data set evidence 0; expected a finite tau2');
  }
  return evidenceTerms(X, y, h, blrPosterior(X, y, h));
}
// #endregion

// #region evidence-gradient

/** ∂ log p / ∂ log τ² and ∂ log p / ∂ log σ², Eq. (blr-evidence-grad). */
export function evidenceGradient(X: Matrix, y: Vector, h: Hyper) {
  const fn = 'evidenceGradient';
  const { gamma, sse, mm } = calledAs(fn, () => evidence(X, y, h));
  return {
    logTau2: 0.5 * (mm / h.tau2 - gamma),
    logSigma2: 0.5 * (sse / h.sigma2 - (X.rows - gamma)),
  };
}
// #endregion

// #region mackay-types
export interface EvidenceOptions {
  /** Start values; by default σ² = Var(y), τ² = 1, as in sklearn. */
  sigma2?: number;
  tau2?: number;
  /** Stop when no log-hyperparameter moves by more than tol. */
  tol?: number;
  maxIter?: number;
}

export interface EvidenceFit {
  hyper: Hyper; // the maximizer (σ², τ²)
  posterior: Posterior; // the posterior there
  gamma: number; // the effective number of parameters
  logEvidence: number;
  iterations: number;
  /** (σ², τ², log evidence) at the start and after every update. */
  history: (Hyper & { logEvidence: number })[];
}
// #endregion

// #region mackay
/** Maximizes the evidence by the fixed point Eq. (blr-mackay). */
export function maximizeEvidence(
  X: Matrix, y: Vector, opts: EvidenceOptions = {},
): EvidenceFit {
  const fn = 'maximizeEvidence';
  checkXy(fn, X, y);
  const { tol = 1e-12, maxIter = 500 } = opts;
  checkOptions(fn, tol, maxIter);
  let h = {
    sigma2: opts.sigma2 ?? varianceWithDivisor(y, y.length), // Var(y)
    tau2: opts.tau2 ?? 1,
  };
  checkHyper(fn, h);
  if (h.tau2 === Infinity) {
    throw new Error(`${fn}: tau2 must be finite: a flat prior has no ` +
      'evidence to maximize');
  }
  const history: EvidenceFit['history'] = [];
  for (let k = 1; k <= maxIter; k++) {
    const t = evidence(X, y, h);
    history.push({ ...h, logEvidence: t.logEvidence });
    const next = { // Eq. (blr-mackay)
      sigma2: t.sse / (X.rows - t.gamma),
      tau2: t.mm / t.gamma,
    };
    checkStep(fn, k, next);
    const moved = Math.max(Math.abs(Math.log(next.sigma2 / h.sigma2)),
      Math.abs(Math.log(next.tau2 / h.tau2)));
    h = next;
    if (moved < tol) {
      const posterior = blrPosterior(X, y, h);
      const end = evidence(X, y, h);
      history.push({ ...h, logEvidence: end.logEvidence });
      return { hyper: h, posterior, gamma: end.gamma,
        logEvidence: end.logEvidence, iterations: k, history };
    }
  }
  throw new Error(`${fn}: no convergence in ${maxIter} iterations ` +
    `(last: sigma2 = ${h.sigma2}, tau2 = ${h.tau2}); raise maxIter`);
}
// #endregion

/** Throws unless an update gave finite, positive variances. */
function checkStep(fn: string, k: number, h: Hyper): void {
  if (!(h.sigma2 > 0 && h.tau2 > 0 && Number.isFinite(h.sigma2) &&
    Number.isFinite(h.tau2))) {
    throw new Error(
      `${fn}: update ${k} gave sigma2 = ${h.sigma2}, tau2 = ` +
        `${h.tau2}; expected positive numbers (a perfect fit, or ` +
        'a zero posterior mean, has no finite maximizer)',
    );
  }
}

function checkOptions(fn: string, tol: number, maxIter: number): void {
  if (!(tol > 0 && Number.isFinite(tol))) {
    throw new Error(`${fn}: tol must be finite and > 0, got ${tol}`);
  }
  requireInteger(fn, 'maxIter', maxIter, 1);
}
