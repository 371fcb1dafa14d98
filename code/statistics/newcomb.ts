// Newcomb's 1882 measurements of the passage time of light, loaded with
// their checksum verified, and the chapter's estimates on them. Node
// only (fs and crypto): never import this into browser code.
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { createRng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import {
  bootstrapReplicates,
  bootstrapStandardError,
  median,
  percentileInterval,
} from './bootstrap.ts';
import { tInterval } from './intervals.ts';
import { gaussianMle } from './likelihood.ts';
import { requireInteger } from '../introduction/checks.ts';

/** The light path, Fort Myer to the Washington Monument and back, in
 *  metres (data/newcomb/README.md), and the speed of light in m/s. */
export const NEWCOMB_PATH_M = 7442;
export const SPEED_OF_LIGHT = 299_792_458;

// #region load-newcomb
/** SHA-256 of data/newcomb/newcomb.csv, as in its README.md. */
export const NEWCOMB_SHA256 =
  '7b1b68dd3765331ffb443d30b8b13f83fa5e2fe043c7f450c1b375f2de24dd7a';

/** The CSV beside the repository root, or from the working directory. */
export function newcombPath(): string {
  return dataPath('data/newcomb/newcomb.csv');
}

/** The 66 deviations from 24 800 ns, in the published order. */
export function loadNewcomb(path = newcombPath()): Float64Array {
  const bytes = readVerified('loadNewcomb', path, NEWCOMB_SHA256,
    'data/newcomb/README.md');
  const [, ...lines] = bytes.toString('utf8').trimEnd().split('\n');
  return Float64Array.from(lines, Number); // the hash fixes the content
}
// #endregion

// #region newcomb-study
export const NEWCOMB_B = 10_000; // bootstrap resamples

/** Estimates and 95% intervals for the centre of the data xs. */
function centreStudy(xs: Float64Array, B = NEWCOMB_B, seed = 1882) {
  const rng = createRng(seed);
  const mean = (s: Float64Array) => moments(s).mean;
  const meanReps = bootstrapReplicates(rng, xs, mean, B);
  const medianReps = bootstrapReplicates(rng, xs, median, B);
  const { variance } = moments(xs);
  return {
    n: xs.length,
    mle: gaussianMle(xs),
    s: Math.sqrt(variance),
    median: median(xs),
    t: tInterval(xs, 0.95),
    meanSe: Math.sqrt(variance / xs.length), // s / sqrt(n)
    meanBoot: percentileInterval(meanReps, 0.95),
    meanBootSe: bootstrapStandardError(meanReps),
    medianBoot: percentileInterval(medianReps, 0.95),
    medianBootSe: bootstrapStandardError(medianReps),
    meanReps,
    medianReps,
  };
}

/** The study on all 66 values and on the 64 without the two outliers. */
export function newcombStudy(B = NEWCOMB_B) {
  requireInteger('newcombStudy', 'B', B, 2);
  const xs = loadNewcomb();
  const kept = xs.filter((x) => x >= 0); // drops -44 and -2
  return { all: centreStudy(xs, B), kept: centreStudy(kept, B) };
}
// #endregion
