import type { StsClients } from '../aws/sts-clients.js';
import { errorCode, type Metrics } from './registry.js';

/**
 * Times every sts:AssumeRole made through these clients (verification, runs, reissues,
 * background retries) with an SDK middleware, so no caller has to remember to.
 */
export function instrumentedSts(sts: StsClients, metrics: Metrics): StsClients {
  const done = new WeakSet<object>();
  return {
    ...sts,
    forRegion(region) {
      const client = sts.forRegion(region);
      if (!done.has(client)) {
        done.add(client);
        client.middlewareStack.add(
          (next, context) => async (args) => {
            if (context.commandName !== 'AssumeRoleCommand') return next(args);
            const end = metrics.assumeRoleSeconds.startTimer();
            try {
              const output = await next(args);
              end();
              return output;
            } catch (err) {
              end();
              metrics.assumeRoleErrors.inc({ code: errorCode(err) });
              throw err;
            }
          },
          { step: 'initialize', name: 'rolebridgeAssumeRoleMetrics' },
        );
      }
      return client;
    },
  };
}
