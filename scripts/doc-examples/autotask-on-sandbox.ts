// `@itsm/autotask` as a documentation block marked `<!-- ts-run: on-sandbox -->` sees it: the block
// runs as written, but the API user it names (`process.env.AUTOTASK_USERNAME`, its secret and
// tracking identifier) is replaced by the sandbox's, and the zone is looked up at the sandbox instead
// of `webservices.autotask.net` (a `baseUrl` or `webUrl` given is dropped, so the lookup runs).
// Everything else — the portal URL, the queue, the mappings — is kept, and is the real package's.
import * as autotask from '@itsm/autotask';

export * from '@itsm/autotask';

/** The sandbox's Autotask tenant, as the runner sets it before an on-sandbox block runs. */
export interface SandboxTenant {
  username: string;
  secret: string;
  trackingId: string;
  zoneLookupUrl: string;
}

/** The global the runner puts the {@link SandboxTenant} in. */
export const TENANT_GLOBAL = '__itsmDocAutotaskTenant';

function sandboxTenant(): SandboxTenant {
  const tenant = (globalThis as Record<string, unknown>)[TENANT_GLOBAL] as SandboxTenant | undefined;
  if (tenant === undefined) throw new Error('autotask-on-sandbox: no sandbox tenant is set (this module is only for blocks the doc-example runner runs)');
  return tenant;
}

/** The options with the sandbox's API user and zone lookup in place of the ones given. */
function onSandbox<T extends autotask.AutotaskClientOptions>(options: T): T {
  const tenant = sandboxTenant();
  const { baseUrl: _baseUrl, webUrl: _webUrl, zoneLookupUrl: _lookup, username: _username, secret: _secret, trackingId: _trackingId, ...rest } = options;
  return { ...rest, ...tenant } as T;
}

/** The native client, on the sandbox. */
export class AutotaskClient extends autotask.AutotaskClient {
  constructor(options: autotask.AutotaskClientOptions) {
    super(onSandbox(options));
  }
}

/** The connector, on the sandbox (a `client` given in the options is used as it is). */
export function createAutotaskConnector(options: autotask.AutotaskConnectorOptions): autotask.AutotaskConnector {
  if ('client' in options && options.client !== undefined) return autotask.createAutotaskConnector(options);
  return autotask.createAutotaskConnector(onSandbox(options as autotask.AutotaskConnectorSettings & autotask.AutotaskClientOptions));
}
