import { decide } from '../src/scoring/rules.js';
import { toOutcome } from '../src/scoring/AfdFraudScorer.js';

describe('Scoring: decide', () => {
  it.each([
    [0, 'approve'], [699, 'approve'], [700, 'review'], [899, 'review'], [900, 'block'], [1000, 'block'],
  ])('score %i -> %s', (score, outcome) => {
    expect(decide(score, { block: 900, review: 700 })).toBe(outcome);
  });
});

describe('Scoring: toOutcome (AFD outcome names)', () => {
  it.each([
    ['block_order', 'block'], ['FRAUD_DENY', 'block'], ['investigate', 'review'], ['send_to_review', 'review'], ['approve', 'approve'], [undefined, 'approve'],
  ])('%s -> %s', (name, outcome) => {
    expect(toOutcome(name)).toBe(outcome);
  });
});
