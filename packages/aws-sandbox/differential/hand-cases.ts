import type { DiffCase } from './types.js';
import { CaseBook } from './hand/book.js';
import { addOperatorCases } from './hand/operators.js';
import { addRequestCases } from './hand/requests.js';

// Hand-written cases: every operator family and context key packages/trust-policy/README.md
// claims, with the request that tells a right answer from a wrong one.
const book = new CaseBook();
addOperatorCases(book);
addRequestCases(book);

export const HAND_CASES: readonly DiffCase[] = book.cases;
