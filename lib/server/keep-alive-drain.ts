// Closing kept-alive connections after a shutdown signal. `next start` stops listening and waits
// for its connections to end, but Node closes only the connections idle at that moment: one busy
// with a request stays open after its response (keep-alive), and a client or load balancer that
// sends its next request on it at once keeps the server serving, so the drain never ends (the
// fault drill's decision stream did exactly that until the shutdown deadline). From the signal
// on, every response not yet begun says `Connection: close` (Node ends the socket after it), and
// a connection is closed as soon as it falls idle.
// Next gives no handle on its HTTP server: requests, responses and the server come from Node's
// public diagnostics channel `http.server.request.start` (Node ≥ 18.7).
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
  server: Server;
}

export interface KeepAliveDrain {
  /** From now on no connection is kept alive past its current response. */
  closeAfterResponses: () => void;
  /** Stops listening to the channel (the server never does; tests do). */
  untrack: () => void;
}

export function trackKeepAlive(): KeepAliveDrain {
  const inFlight = new Set<ServerResponse>();
  const servers = new Set<Server>();
  let closing = false;
  const onRequest = (message: unknown) => {
    const { response, server } = message as RequestStart;
    servers.add(server);
    if (closing) response.shouldKeepAlive = false;
    inFlight.add(response);
    response.once('close', () => {
      inFlight.delete(response);
      // Its connection is idle now unless the client already sent the next request.
      if (closing) server.closeIdleConnections();
    });
  };
  diagnosticsChannel.subscribe('http.server.request.start', onRequest);
  return {
    closeAfterResponses: () => {
      closing = true;
      for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
      for (const server of servers) server.closeIdleConnections();
    },
    untrack: () => diagnosticsChannel.unsubscribe('http.server.request.start', onRequest),
  };
}
