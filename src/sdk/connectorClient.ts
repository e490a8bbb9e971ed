import { ConnectorFactoryImpl } from 'botframework-connector/lib/auth/connectorFactoryImpl';
import type { Outbound } from '../http/outbound';

/** The slice of @azure/core-rest-pipeline a policy sees. */
interface PipelineRequest { timeout: number; abortSignal?: AbortSignal }
interface PipelinePolicy { name: string; sendRequest: (request: PipelineRequest, next: (request: PipelineRequest) => Promise<unknown>) => Promise<unknown> }
/** The private core-client ServiceClient inside every ConnectorClient (botbuilder-stdlib's ServiceClientContext). */
interface WithPipeline { client?: { pipeline?: { addPolicy: (policy: PipelinePolicy) => void } } }

type Create = ConnectorFactoryImpl['create'] & { bounded?: boolean };

let current: Outbound | undefined;

const deadline: PipelinePolicy = {
  name: 'afterscanOutboundDeadline',
  sendRequest: (request, next) => {
    if (current) {
      request.timeout = current.timeoutMs;
      request.abortSignal = current.signal(request.abortSignal);
    }
    return next(request);
  },
};

/**
 * Every Bot Connector client the SDK makes (replies that are not expectReplies, proactive
 * check-ins) gets the outbound deadline and the shutdown switch. The SDK's own client has none,
 * so one channel that never answered held its turn, and every check-in after it, for as long as
 * the socket stayed open. The policy sits before the SDK's retry policy, so the deadline covers
 * every retry, and an aborted request is final. Idempotent; the SDK is in maintenance, so the
 * patched method will not move.
 */
export function boundConnectorClients(outbound: Outbound): void {
  current = outbound;
  const proto = ConnectorFactoryImpl.prototype as { create: Create };
  if (proto.create.bounded) return;
  const original = proto.create;
  const bounded: Create = async function (this: ConnectorFactoryImpl, serviceUrl: string, audience?: string) {
    const client = await original.call(this, serviceUrl, audience);
    const pipeline = (client as unknown as WithPipeline).client?.pipeline;
    if (!pipeline) throw new Error('connector client has no pipeline: the SDK changed');
    pipeline.addPolicy(deadline);
    return client;
  };
  bounded.bounded = true;
  proto.create = bounded;
}
