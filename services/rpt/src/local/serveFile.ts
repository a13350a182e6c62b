import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';

/** Serves one HTML file on 127.0.0.1 (every path returns it); resolves with the URL once listening. */
export async function serveFile(path: string, port = 8088): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    readFile(path).then(
      (body) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }); res.end(body); },
      () => { res.writeHead(404); res.end('dashboard not found'); },
    );
  });
  await new Promise<void>((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok); });
  return { url: `http://127.0.0.1:${port}/`, server };
}
