// Formatting of computed numbers for the prose. A number on a page is
// computed by the chapter's code; these only decide how it is printed.

function finite(name: string, x: number): void {
  if (!Number.isFinite(x)) {
    throw new Error(`${name}: expected a finite number, got ${x}`);
  }
}

/** `x` with `digits` decimals, with a true minus sign. */
export function fixed(x: number, digits = 3): string {
  finite('fixed', x);
  return x.toFixed(digits).replace(/^-/, '\u2212');
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '\u207b', '0': '\u2070', '1': '\u00b9', '2': '\u00b2',
  '3': '\u00b3', '4': '\u2074', '5': '\u2075', '6': '\u2076',
  '7': '\u2077', '8': '\u2078', '9': '\u2079',
};

/** `x` with `digits` significant digits as plain text with a superscript
 *  exponent, e.g. 0.000123 → "1.23×10⁻⁴" (no markup needed in prose). */
export function sci(x: number, digits = 3): string {
  finite('sci', x);
  if (!Number.isInteger(digits) || digits < 1 || digits > 21) {
    throw new Error(`sci: digits (significant) must be an integer from 1 ` +
      `to 21, got ${digits}`);
  }
  if (x === 0) return '0';
  const [m, e] = x.toExponential(digits - 1).split('e');
  const exp = String(Number(e)).replace(/./g, (c) => SUPERSCRIPT[c]);
  return `${m}\u00d710${exp}`.replace(/^-/, '\u2212');
}

/** A power of ten as "10⁻⁸", e.g. for the ticks of a log axis. */
export function powerOfTen(x: number): string {
  finite('powerOfTen', x);
  const e = Math.round(Math.log10(x));
  return `10${String(e).replace(/./g, (c) => SUPERSCRIPT[c])}`;
}

/** `x` in scientific notation as a LaTeX string, for use inside math. */
export function texSci(x: number, digits = 2): string {
  finite('texSci', x);
  if (x === 0) return '0';
  const [m, e] = x.toExponential(digits - 1).split('e');
  return `${m} \\times 10^{${Number(e)}}`;
}

/**
 * Integer with thousands separators, e.g. 12 345: narrow no-break spaces
 * (U+202F), so that a number never breaks across lines.
 */
export function int(x: number): string {
  finite('int', x);
  if (!Number.isInteger(x)) {
    throw new Error(`int: expected an integer, got ${x}`);
  }
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** Percentage with `digits` decimals, e.g. 0.4523 → "45.2%". */
export function percent(x: number, digits = 1): string {
  finite('percent', x);
  return `${(100 * x).toFixed(digits)}%`;
}
