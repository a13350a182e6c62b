import { checkStreamBounds } from '../../src/pdf/streamBounds.js';
import { ReadIssueError } from '../../src/reader/ReadIssueError.js';
import { compressionBomb } from '../fixtures/hostile.js';
import { piiPdf } from '../fixtures/documents.js';

const BOUNDS = { maxStreamBytes: 128 << 20, maxDecodedBytes: 1 << 30 };

describe('Function: checkStreamBounds', () => {
  it('passes an ordinary document and counts its streams', async () => {
    const census = checkStreamBounds(await piiPdf(), BOUNDS);
    expect(census.streams).toBeGreaterThan(0);
    expect(census.decodedBytes).toBeLessThan(1 << 20);
  });

  it('stops a 4 GiB bomb of a few KB before inflating it, in bounded memory', async () => {
    // Prepare
    const bomb = await compressionBomb(4096);
    const rssBefore = process.memoryUsage().rss;
    // Act
    let error: unknown;
    try { checkStreamBounds(bomb, BOUNDS); } catch (err) { error = err; }
    // Assess
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    expect(error).toBeInstanceOf(ReadIssueError);
    expect(error).toMatchObject({ reason: 'compression_bomb' });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 << 20);
  });

  it('counts all streams together against the document bound', async () => {
    const bomb = await compressionBomb(100);
    expect(() => checkStreamBounds(bomb, { maxStreamBytes: 128 << 20, maxDecodedBytes: 64 << 20 })).toThrow(/in all/);
  });
});
