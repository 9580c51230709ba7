// `@itsm/ivanti` as a documentation block marked `<!-- ts-run: on-sandbox -->` sees it: the block runs
// as written, but the tenant, API key and service account it names (`https://tenant.ivanticloud.com`,
// `process.env.IVANTI_API_KEY`, `svc-helpdesk-bot`) are replaced by the sandbox's tenant, key and
// service account. Everything else is the real package.
import * as ivanti from '@itsm/ivanti';

export * from '@itsm/ivanti';

/** The sandbox's Ivanti tenant, as the runner sets it before an on-sandbox block runs. */
export interface SandboxTenant {
  baseUrl: string;
  apiKey: string;
  /** The login ID of the key's "On Behalf Of" account. */
  serviceAccount: string;
}

/** The global the runner puts the {@link SandboxTenant} in. */
export const TENANT_GLOBAL = '__itsmDocIvantiTenant';

function sandboxTenant(): SandboxTenant {
  const tenant = (globalThis as Record<string, unknown>)[TENANT_GLOBAL] as SandboxTenant | undefined;
  if (tenant === undefined) throw new Error('ivanti-on-sandbox: no sandbox tenant is set (this module is only for blocks the doc-example runner runs)');
  return tenant;
}

/** The client's options with the sandbox's tenant and key in place of the ones given. */
function onSandbox<T extends ivanti.IvantiClientOptions>(options: T): T {
  const tenant = sandboxTenant();
  return { ...options, baseUrl: tenant.baseUrl, apiKey: tenant.apiKey };
}

/** The native client, on the sandbox. */
export class IvantiClient extends ivanti.IvantiClient {
  constructor(options: ivanti.IvantiClientOptions) {
    super(onSandbox(options));
  }
}

/** The connector, on the sandbox, acting for its service account (a `client` given in the options is used as it is). */
export function createIvantiConnector(options: ivanti.IvantiConnectorOptions): ivanti.IvantiConnector {
  if ('client' in options && options.client !== undefined) return ivanti.createIvantiConnector(options);
  const settings = options as ivanti.IvantiConnectorSettings & ivanti.IvantiClientOptions;
  const account = settings.serviceAccount === undefined ? {} : { serviceAccount: sandboxTenant().serviceAccount };
  return ivanti.createIvantiConnector({ ...onSandbox(settings), ...account });
}
