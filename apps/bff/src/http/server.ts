import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { Express } from 'express';

/**
 * The HTTP server for an Express app, whose requests and responses Node makes with the app's
 * prototypes from the start. Express gives each request its prototypes (`app.request`,
 * `app.response`) with `Object.setPrototypeOf`; V8 then kept every request's objects
 * reachable from the old generation until its next full collection, so each was copied by
 * two young-generation collections and promoted: about 12 kB a request, and pauses of
 * 3–15 ms every tenth of a second that every request in flight waited out (decision 017).
 * Here Node's `IncomingMessage` and `ServerResponse` options make them as subclasses whose
 * prototypes become the app's, and Express's `setPrototypeOf` finds the prototype it sets
 * already there, which changes nothing. One server per app: it changes the app's prototypes.
 */
export function createHttpServer(app: Express): Server {
  class Request extends IncomingMessage {}
  class Response extends ServerResponse {}
  Object.setPrototypeOf(Request.prototype, app.request);
  Object.setPrototypeOf(Response.prototype, app.response);
  app.request = Request.prototype as unknown as Express['request'];
  app.response = Response.prototype as unknown as Express['response'];
  return createServer({ IncomingMessage: Request, ServerResponse: Response }, app);
}
