import type { KeyRing } from './accounts.js';
import type { ActionHandler, Services } from './context.js';
import { sleep } from './context.js';
import { iamActions } from './iam.js';
import {
  AwsError,
  IAM_NAMESPACE,
  STS_NAMESPACE,
  errorXml,
  parseForm,
  successXml,
} from './query-protocol.js';
import { parseAuthorization, verifySignature } from './sigv4.js';
import type { RawRequest } from './sigv4.js';
import { stsActions } from './sts.js';

interface ServiceDef {
  namespace: string;
  version: string;
  actions: Record<string, ActionHandler>;
}

const SERVICES: Record<string, ServiceDef> = {
  sts: { namespace: STS_NAMESPACE, version: '2011-06-15', actions: stsActions },
  iam: { namespace: IAM_NAMESPACE, version: '2010-05-08', actions: iamActions },
};

export interface AwsReply {
  status: number;
  xml: string;
  /** For the request log; never keys, tokens or signatures. */
  service?: string;
  action?: string;
  caller?: string;
  error?: AwsError;
  /** An unexpected exception, answered as InternalFailure. */
  crash?: unknown;
}

export interface DispatchDeps {
  keyRing: KeyRing;
  services: Services;
  clock: () => number;
}

/** Authenticates, parses and routes one Query request; every failure becomes an AWS error. */
export async function dispatch(
  request: RawRequest,
  requestId: string,
  deps: DispatchDeps,
): Promise<AwsReply> {
  const trace: Omit<AwsReply, 'status' | 'xml'> = {};
  let namespace = STS_NAMESPACE;
  try {
    const auth = parseAuthorization(firstHeader(request.headers.authorization));
    const service = SERVICES[auth.service];
    if (!service) {
      throw new AwsError(
        'SignatureDoesNotMatch',
        "Credential should be scoped to correct service: 'sts'. ",
        403,
      );
    }
    namespace = service.namespace;
    trace.service = auth.service;
    const now = deps.clock();
    const token = firstHeader(request.headers['x-amz-security-token']);
    const { secret, identity } = deps.keyRing.resolve(auth.accessKeyId, token, now);
    await verifySignature(request, auth, secret, now);
    trace.caller = identity.arn;

    const params = parseForm(request.body.toString('utf8'), new Map(Object.entries(request.query)));
    const action = params.get('Action');
    if (action === undefined || action === '') {
      throw new AwsError('MissingAction', 'Missing Action', 400);
    }
    trace.action = action;
    const version = params.get('Version') ?? service.version;
    const handler = Object.hasOwn(service.actions, action) ? service.actions[action] : undefined;
    if (!handler || version !== service.version) {
      throw new AwsError(
        'InvalidAction',
        `Could not find operation ${action} for version ${version}`,
        400,
      );
    }

    const regionFaults = deps.services.faults.forRegion(auth.region);
    if (regionFaults?.latencyMs) await sleep(regionFaults.latencyMs);
    if (regionFaults?.throttle) throw new AwsError('Throttling', 'Rate exceeded', 400);

    const result = await handler({
      params,
      caller: identity,
      region: auth.region,
      ...(request.remoteAddress === undefined ? {} : { sourceIp: request.remoteAddress }),
      now,
      services: deps.services,
    });
    return {
      ...trace,
      status: 200,
      xml: successXml(action, service.namespace, result, requestId),
    };
  } catch (e) {
    const error =
      e instanceof AwsError
        ? e
        : new AwsError('InternalFailure', 'An internal error occurred.', 500, 'Receiver');
    return {
      ...trace,
      status: error.status,
      xml: errorXml(error, namespace, requestId),
      error,
      ...(e instanceof AwsError ? {} : { crash: e }),
    };
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
