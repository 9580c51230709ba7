/**
 * The catalog's REST endpoints:
 *
 * - `GET /api/rest/Template/{userRecId}/_All_`: the offerings an employee may request, an array
 *   (204 when there are none, or the role cannot read the catalog);
 * - `POST /api/rest/ServiceRequest/{paramRecId}/ValidationList` with
 *   `{ constraintParams: [{ queryFieldName, value }], query, strRecId, strValidationRecId, … }`: a
 *   list parameter's options as rows `[recId, value, label]` (a dependent list answers `[]` until
 *   its constraint is given); a `GET` answers an empty XML array, which looks like "no options";
 * - `POST /api/rest/ServiceRequest/new`: the submit (see `submit.ts`).
 *
 * @module
 */
import { isJsonObject } from '../../readers.js';
import { callerOf } from '../auth.js';
import { availableSubscriptions, offeringJson, validationRows } from '../catalog.js';
import { notFoundPath } from '../errors.js';
import { read } from '../http.js';
import { submitServiceRequest } from '../submit.js';
import type { IvantiRouter } from './context.js';

/** Adds the catalog routes. */
export function catalogRoutes(router: IvantiRouter): void {
  router
    .get('/api/rest/Template/:userRecId/:scope', (request, context) => {
      const caller = callerOf(request, context);
      if (context.params.scope.toLowerCase() !== '_all_') return notFoundPath();
      const employee = context.state.tables.employees.get(context.params.userRecId);
      if (employee === undefined || !caller.role.read.has('servicereqtemplates')) return { status: 204 };
      const offerings = availableSubscriptions(context.state, employee);
      if (offerings.length === 0) return { status: 204 };
      return { status: 200, body: offerings.map(({ subscription, template }) => offeringJson(subscription, template)) };
    })
    .post('/api/rest/ServiceRequest/new', (request, context) => submitServiceRequest(context.state, read.jsonObject(request), callerOf(request, context)))
    .post('/api/rest/ServiceRequest/:paramRecId/ValidationList', (request, context) => {
      const caller = callerOf(request, context);
      const body = request.text().trim() === '' ? {} : read.jsonObject(request);
      const param = context.state.tables.servicereqtemplateparams.get(context.params.paramRecId);
      if (param === undefined || !caller.role.read.has('servicereqtemplates')) return { status: 200, body: [] };
      const constraints = new Map<string, string>();
      if (Array.isArray(body.constraintParams)) {
        for (const item of body.constraintParams) {
          if (isJsonObject(item) && typeof item.queryFieldName === 'string' && item.value !== null && item.value !== undefined) constraints.set(item.queryFieldName, String(item.value));
        }
      }
      const query = typeof body.query === 'string' ? body.query : '';
      return { status: 200, body: validationRows(context.state, param, constraints, query).map((row) => [row.recId, row.value, row.label]) };
    })
    .get('/api/rest/ServiceRequest/:paramRecId/ValidationList', (request, context) => {
      callerOf(request, context);
      return {
        status: 200,
        headers: { 'content-type': 'application/xml; charset=utf-8' },
        body: '<ArrayOfArrayOfString xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays"/>',
      };
    });
}
