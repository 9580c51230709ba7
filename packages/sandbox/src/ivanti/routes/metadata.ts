/**
 * `GET /api/odata/{set}/$metadata` (no `businessobject` segment): the graph's CSDL as XML. Asked
 * for as JSON (`Accept: application/json`) it is Ivanti's 500 "Unhandled system exception"; the
 * obvious roots `/api/odata/$metadata` and `/api/odata/businessobject/$metadata` are 404s.
 *
 * @module
 */
import { callerOf } from '../auth.js';
import { metadataDocument } from '../csdl.js';
import { notFoundPath, serverError } from '../errors.js';
import type { IvantiRouter } from './context.js';

const JSON_REFUSAL =
  'Unhandled system exception: {&quot;error&quot;:{&quot;code&quot;:&quot;&quot;,&quot;message&quot;:&quot;The metadata document cannot be written in the requested format.&quot;}}';

/** Adds the `$metadata` routes. */
export function metadataRoutes(router: IvantiRouter): void {
  router
    .get('/api/odata/$metadata', () => notFoundPath())
    .get('/api/odata/:set/$metadata', (request, context) => {
      const caller = callerOf(request, context);
      if (context.params.set.toLowerCase() === 'businessobject') return notFoundPath();
      const accept = request.header('accept') ?? '';
      if (/json/iu.test(accept) && !/xml/iu.test(accept)) return serverError(JSON_REFUSAL);
      return {
        status: 200,
        headers: { 'content-type': 'application/xml; charset=utf-8', 'odata-version': '4.0' },
        body: metadataDocument(context.state, context.params.set, caller.role.name),
      };
    });
}
