import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { trackKeepAlive, type KeepAliveDrain } from './keep-alive-drain';

/** A promise the test opens by hand: the request handler waits on it. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

let drain: KeepAliveDrain | undefined;
let server: http.Server | undefined;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

afterEach(() => {
  drain?.untrack();
  agent.destroy();
  server?.closeAllConnections();
});

/** A server whose handler runs `handle`; keep-alive idle sockets would live a minute. */
async function listen(handle: (res: http.ServerResponse) => Promise<void>): Promise<number> {
  server = http.createServer((_req, res) => void handle(res));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function get(port: number): Promise<{ connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ connection: res.headers.connection, body }));
      })
      .on('error', reject);
  });
}

/**
 * Serves one request with `respond`, which calls `pause()` at the point where the shutdown should
 * find it: there the drain starts and the server is closed (as next start does), then the
 * response goes on. Returns the answer and the server's close.
 */
async function shutDownAtPause(respond: (res: http.ServerResponse, pause: () => Promise<void>) => Promise<void>) {
  const release = gate();
  const reached = gate();
  drain = trackKeepAlive();
  const port = await listen((res) => respond(res, () => (reached.open(), release.promise)));
  const answer = get(port);
  await reached.promise;
  drain.closeAfterResponses();
  const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
  release.open();
  return { port, answer: await answer, closed };
}

describe('closing kept-alive connections on shutdown', () => {
  it('a request in flight when the drain starts is answered with Connection: close, and the server closes', async () => {
    const { port, answer, closed } = await shutDownAtPause(async (res, pause) => {
      await pause();
      res.end('done');
    });
    expect(answer).toEqual({ connection: 'close', body: 'done' });
    await closed; // without the drain the answered connection would stay open for keepAliveTimeout
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('a streamed answer whose headers went out before the drain: its connection is closed once it ends', async () => {
    const { answer, closed } = await shutDownAtPause(async (res, pause) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('part one, ');
      await pause();
      res.end('part two');
    });
    expect(answer).toEqual({ connection: 'keep-alive', body: 'part one, part two' });
    await closed;
  });
});
