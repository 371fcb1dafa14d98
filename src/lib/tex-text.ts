// A formula as plain text, for the search index: excerpts should read
// "O(nd² + d³)" and "‖Xw − y‖²", not KaTeX's flattened "O(nd2+d3)".
// It covers the TeX the book writes; anything else keeps its name.

const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε',
  varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ',
  chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
  Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ',
  Omega: 'Ω', sum: 'Σ', prod: 'Π', int: '∫', infty: '∞', partial: '∂',
  nabla: '∇', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠',
  approx: '≈', sim: '∼', propto: '∝', cdot: '·', times: '×', pm: '±',
  mp: '∓', to: '→', rightarrow: '→', leftarrow: '←', mapsto: '↦',
  Rightarrow: '⇒', iff: '⇔', in: '∈', notin: '∉', subset: '⊂',
  subseteq: '⊆', cup: '∪', cap: '∩', emptyset: '∅', forall: '∀',
  exists: '∃', lVert: '‖', rVert: '‖', Vert: '‖', '|': '‖', lvert: '|',
  rvert: '|', langle: '⟨', rangle: '⟩', top: 'ᵀ', dots: '…', ldots: '…',
  cdots: '⋯', odot: '⊙', otimes: '⊗', circ: '∘', ell: 'ℓ', star: '*',
  ',': ' ', ';': ' ', ':': ' ', '!': '', quad: ' ', qquad: ' ', ' ': ' ',
  '\n': ' ', '\\': ' ', '': '\\',
  '{': '{', '}': '}', '%': '%', '#': '#', '&': '&', _: '_',
};
const DROP = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg',
  'displaystyle', 'textstyle', 'limits', 'nolimits', 'tag', 'label']);
const KEEP_ARG = new Set(['mathbf', 'boldsymbol', 'mathrm', 'mathit',
  'mathcal', 'mathbb', 'mathsf', 'mathtt', 'text', 'textbf', 'textit',
  'operatorname', 'bm', 'vec', 'overline',
  'underline', 'widehat', 'widetilde', 'boxed', 'mbox']);
const SUP: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶',
  '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '+': '⁺', '(': '⁽', ')': '⁾',
  n: 'ⁿ', i: 'ⁱ', T: 'ᵀ', 'ᵀ': 'ᵀ', '*': '*', k: 'ᵏ', t: 'ᵗ', d: 'ᵈ',
};
const SUB: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆',
  '7': '₇', '8': '₈', '9': '₉', '-': '₋', '+': '₊', i: 'ᵢ', j: 'ⱼ',
  k: 'ₖ', n: 'ₙ', t: 'ₜ', m: 'ₘ', a: 'ₐ', e: 'ₑ', o: 'ₒ', x: 'ₓ',
  p: 'ₚ', r: 'ᵣ', s: 'ₛ', l: 'ₗ', h: 'ₕ',
};

/** The group starting at s[i] ('{…}' or one token) and where it ends. */
function group(s: string, i: number): [string, number] {
  while (s[i] === ' ') i++;
  if (s[i] === '{') {
    let depth = 1;
    let j = i + 1;
    while (j < s.length && depth > 0) {
      if (s[j] === '\\') j++;
      else if (s[j] === '{') depth++;
      else if (s[j] === '}') depth--;
      j++;
    }
    return [s.slice(i + 1, j - 1), j];
  }
  if (s[i] === '\\') {
    const m = /^\\([a-zA-Z]+|[\s\S])/.exec(s.slice(i));
    return [m ? m[0] : '\\', i + (m ? m[0].length : 1)];
  }
  return [s[i] ?? '', i + 1];
}

/** `text` in super- or subscript letters if every character has one. */
function script(text: string, map: Record<string, string>, mark: string) {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length > 0 && chars.every((c) => map[c])) {
    return chars.map((c) => map[c]).join('');
  }
  return chars.length === 1 ? `${mark}${text}` : `${mark}(${text})`;
}

/** A plain-text reading of a TeX formula. */
export function texToText(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const c = tex[i];
    if (c === '\\') {
      const m = /^\\([a-zA-Z]+|[\s\S])?/.exec(tex.slice(i))!;
      const name = m[1] ?? '';
      i += m[0].length;
      if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
        const [a, j] = group(tex, i);
        const [b, k] = group(tex, j);
        i = k;
        const wrap = (x: string) =>
          /^[\w.α-ω]+$/.test(x) ? x : `(${x})`;
        out += `${wrap(texToText(a))}/${wrap(texToText(b))}`;
      } else if (name === 'sqrt') {
        const [a, j] = group(tex, i);
        i = j;
        out += `√(${texToText(a)})`;
      } else if (name === 'hat' || name === 'tilde' || name === 'bar') {
        const [a, j] = group(tex, i);
        i = j;
        const text = texToText(a);
        const mark = { hat: '\u0302', tilde: '\u0303', bar: '\u0304' }[name];
        out += [...text].length === 1 ? text + mark : text;
      } else if (KEEP_ARG.has(name)) {
        const [a, j] = group(tex, i);
        i = j;
        out += texToText(a);
      } else if (DROP.has(name)) {
        if (name === 'label' || name === 'tag') i = group(tex, i)[1];
      } else if (name in SYMBOLS) {
        out += SYMBOLS[name];
      } else {
        out += name; // \log, \max, \exp, \min, \arg …
      }
    } else if (c === '^' || c === '_') {
      const [a, j] = group(tex, i + 1);
      i = j;
      const text = texToText(a);
      out += c === '^' ? script(text, SUP, '^') : script(text, SUB, '_');
    } else if (c === '{' || c === '}') {
      i++;
    } else if (c === '&') {
      out += ' ';
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/\s+/g, ' ').trim().normalize('NFC');
}
