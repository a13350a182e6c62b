import { pdfjs } from '../../src/pdf/loadPdfjs.js';
import { analyzeOperators, mergeRects } from '../../src/pdf/pageContent.js';

const { OPS } = pdfjs;
const VIEW = [0, 0, 612, 792];

describe('Function: analyzeOperators', () => {
  it('places an image by the transforms in force, through save/restore and form XObjects', () => {
    // Prepare: one image scaled to the top half of the page inside a form, one small image after restore
    const ops = {
      fnArray: [OPS.save, OPS.transform, OPS.paintFormXObjectBegin, OPS.transform, OPS.paintImageXObject, OPS.paintFormXObjectEnd, OPS.restore, OPS.transform, OPS.paintImageXObject],
      argsArray: [null, [1, 0, 0, 1, 0, 396], [[1, 0, 0, 1, 0, 0], null], [612, 0, 0, 396, 0, 0], ['img1', 100, 100], null, null, [72, 0, 0, 72, 36, 36], ['img2', 10, 10]],
    };
    // Act
    const content = analyzeOperators(ops, VIEW);
    // Assess
    expect(content.images).toEqual([{ x0: 0, y0: 396, x1: 612, y1: 792 }, { x0: 36, y0: 36, x1: 108, y1: 108 }]);
  });

  it('clips images to the page and counts filled paths', () => {
    const ops = {
      fnArray: [OPS.transform, OPS.paintImageMaskXObject, OPS.constructPath, OPS.constructPath],
      argsArray: [[2000, 0, 0, 2000, -100, -100], [{}], [OPS.fill, [], null], [OPS.stroke, [], null]],
    };
    const content = analyzeOperators(ops, VIEW);
    expect(content.images).toEqual([{ x0: 0, y0: 0, x1: 612, y1: 792 }]);
    expect(content.filledPaths).toBe(1);
  });
});

describe('Function: mergeRects', () => {
  it('merges overlapping and touching boxes and keeps apart ones apart', () => {
    const merged = mergeRects([{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 12, y0: 0, x1: 20, y1: 10 }, { x0: 100, y0: 100, x1: 110, y1: 110 }]);
    expect(merged).toEqual([{ x0: 0, y0: 0, x1: 20, y1: 10 }, { x0: 100, y0: 100, x1: 110, y1: 110 }]);
  });
});
