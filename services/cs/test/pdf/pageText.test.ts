import { pageText } from '../../src/pdf/pageText.js';

const item = (str: string, x: number, y: number, width = str.length * 5, hasEOL = false) => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10, hasEOL });

describe('Function: pageText', () => {
  it.each([
    ['items on one baseline, apart', [item('Name:', 0, 700), item('Jane', 40, 700)], 'Name: Jane'],
    ['glyph runs that touch', [item('Ja', 0, 700, 10), item('ne', 10, 700)], 'Jane'],
    ['baseline change starts a line', [item('A', 0, 700), item('B', 0, 688)], 'A\nB'],
    ['explicit end of line', [item('A', 0, 700, 5, true), item('B', 0, 700)], 'A\nB'],
  ])('%s', (_name, items, expected) => {
    expect(pageText(items)).toBe(expected);
  });
});
