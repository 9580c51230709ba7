/**
 * `POST /api/rest/search/fulltext` with `{ Text, ObjectType, Top, Skip }`: a keyword search of one
 * business object (the same word matching as `$search`), answered as
 * `{ data: [...], metaData: [{ FieldRef, DisplayName, DataType }], totalRows, keyRef: 'RecId', searchText }`.
 * A blank `Text` is a 400.
 *
 * @module
 */
import { offsetPage } from '../../offset-page.js';
import { callerOf, canRead } from '../auth.js';
import { failBadRequest } from '../errors.js';
import { read } from '../http.js';
import { runQuery } from '../odata/query.js';
import { BUSINESS_OBJECTS, fieldOf, type BusinessObjectDef } from '../schema.js';
import { rowJson } from '../serialize.js';
import { store } from '../store.js';
import type { IvantiRouter } from './context.js';

/** The columns each searchable object answers with. */
const COLUMNS: Readonly<Record<string, readonly string[]>> = {
  incidents: ['IncidentNumber', 'Subject', 'Status', 'RecId'],
  servicereqs: ['ServiceReqNumber', 'Subject', 'Status', 'RecId'],
  employees: ['DisplayName', 'PrimaryEmail', 'LoginID', 'RecId'],
  servicereqtemplates: ['Name', 'Description', 'RecId'],
};

/** Ivanti's data type numbers for the metadata columns (1 text, 4 id, 6 number). */
function dataType(object: BusinessObjectDef, name: string): number {
  if (name === 'RecId') return 4;
  return fieldOf(object, name)?.type === 'Int32' ? 6 : 1;
}

/** Adds the full-text search route. */
export function searchRoutes(router: IvantiRouter): void {
  router.post('/api/rest/search/fulltext', (request, context) => {
    const caller = callerOf(request, context);
    const body = read.jsonObject(request);
    const text = typeof body.Text === 'string' ? body.Text.trim() : '';
    if (text === '') return failBadRequest('Search keyword cannot be blank, provide a keyword and try again');
    const type = typeof body.ObjectType === 'string' ? body.ObjectType.replace(/#.*$/u, '').toLowerCase() : '';
    const object = Object.values(BUSINESS_OBJECTS).find((candidate) => candidate.name.toLowerCase() === type && COLUMNS[candidate.entitySet] !== undefined);
    if (object === undefined) return failBadRequest(`Invalid Business Object '${String(body.ObjectType ?? '')}'.`);
    const columns = COLUMNS[object.entitySet] ?? ['RecId'];
    const top = typeof body.Top === 'number' && Number.isInteger(body.Top) && body.Top > 0 ? Math.min(body.Top, 100) : 25;
    const skip = typeof body.Skip === 'number' && Number.isInteger(body.Skip) && body.Skip > 0 ? body.Skip : 0;
    const recIds = canRead(caller, object) ? runQuery(context.state, { object, search: text }) : [];
    const page = offsetPage(recIds, skip, top);
    const data = page.items
      .map((recId) => store.row(context.state, object, recId))
      .filter((row) => row !== undefined)
      .map((row) => rowJson(context.state, object, row, columns));
    return {
      status: 200,
      body: {
        data,
        metaData: columns.map((name) => ({ FieldRef: name, DisplayName: fieldOf(object, name)?.display ?? name, DataType: dataType(object, name) })),
        totalRows: page.total,
        keyRef: 'RecId',
        searchText: text,
      },
    };
  });
}
