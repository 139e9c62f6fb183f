/**
 * IAM wildcard pattern: `*` is any run of characters, `?` any single one.
 * Compiled once into the literal pieces between stars; matching is a greedy
 * leftmost scan, linear for typical patterns and never exponential (unlike a
 * regex built from the pattern, which backtracks on `a*a*a*…`).
 */
export interface Glob {
  /** Pieces between `*`; in each piece `wild[i]` marks a `?`. */
  pieces: { text: string; wild: boolean[] | null }[];
  /** No `*` at all: whole-string comparison. */
  exact: boolean;
}

export interface GlobChar {
  char: string;
  /** false for an escaped `${*}` / `${?}` or text from a policy variable. */
  special: boolean;
}

export function compileGlob(pattern: string | GlobChar[]): Glob {
  const chars: GlobChar[] =
    typeof pattern === 'string' ? [...pattern].map((char) => ({ char, special: true })) : pattern;
  const pieces: Glob['pieces'] = [];
  let text = '';
  let wild: boolean[] = [];
  let anyWild = false;
  let exact = true;
  const flush = (): void => {
    pieces.push({ text, wild: anyWild ? wild : null });
    text = '';
    wild = [];
    anyWild = false;
  };
  for (const { char, special } of chars) {
    if (special && char === '*') {
      exact = false;
      flush();
      continue;
    }
    const isWild = special && char === '?';
    // A `?` covers one UTF-16 unit here; IAM values are ASCII/Latin-1 in practice.
    for (let i = 0; i < char.length; i++) {
      text += char[i];
      wild.push(isWild);
    }
    anyWild ||= isWild;
  }
  flush();
  return { pieces, exact };
}

function pieceAt(value: string, at: number, piece: Glob['pieces'][number]): boolean {
  const { text, wild } = piece;
  if (at + text.length > value.length) return false;
  if (wild === null) return value.startsWith(text, at);
  for (let i = 0; i < text.length; i++) {
    if (!wild[i] && value.charCodeAt(at + i) !== text.charCodeAt(i)) return false;
  }
  return true;
}

function findPiece(value: string, from: number, limit: number, piece: Glob['pieces'][number]) {
  if (piece.wild === null) {
    const i = value.indexOf(piece.text, from);
    return i !== -1 && i + piece.text.length <= limit ? i : -1;
  }
  for (let i = from; i + piece.text.length <= limit; i++) {
    if (pieceAt(value, i, piece)) return i;
  }
  return -1;
}

export function matchGlob(glob: Glob, value: string): boolean {
  const { pieces } = glob;
  const first = pieces[0];
  if (first === undefined) return value.length === 0;
  if (glob.exact) return value.length === first.text.length && pieceAt(value, 0, first);
  const last = pieces[pieces.length - 1] ?? first;
  if (value.length < first.text.length + last.text.length) return false;
  if (!pieceAt(value, 0, first)) return false;
  const tailStart = value.length - last.text.length;
  if (!pieceAt(value, tailStart, last)) return false;
  let pos = first.text.length;
  for (let p = 1; p < pieces.length - 1; p++) {
    const piece = pieces[p];
    if (piece === undefined) continue;
    const found = findPiece(value, pos, tailStart, piece);
    if (found === -1) return false;
    pos = found + piece.text.length;
  }
  return true;
}

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}
