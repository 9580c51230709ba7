/**
 * Relationships (OData navigation properties) over the stores: a "contains" relationship is a view
 * over the children's `ParentLink_*` pair (so `IncidentContainsAttachment` and
 * `attachments?$filter=ParentLink_RecID eq '…'` return the same rows); a reference follows one
 * field (`IncidentOwnerEmployee` → the owner's employee record); an association is a many-to-many
 * pair kept apart.
 *
 * Linking sets the child's pair (silently moving a child that had another parent); unlinking
 * clears it — which orphans an attachment, as on a live tenant.
 *
 * @module
 */
import { failBadRequest } from './errors.js';
import { BUSINESS_OBJECTS, type BusinessObjectDef, type RelationshipDef } from './schema.js';
import { store, type IvantiState } from './store.js';
import type { Row } from './table.js';

/** The association key of an incident and a service request. */
function associationKey(relationship: RelationshipDef, source: Row, target: Row): string {
  const reverse = relationship.via.kind === 'association' && relationship.via.reverse;
  const [incident, request] = reverse ? [target, source] : [source, target];
  return `${incident.RecId.toUpperCase()}|${request.RecId.toUpperCase()}`;
}

/** The records related to `source`, oldest first. */
export function relatedRows(state: IvantiState, relationship: RelationshipDef, source: Row): Row[] {
  const target = BUSINESS_OBJECTS[relationship.target];
  const table = store.table(state, target);
  switch (relationship.via.kind) {
    case 'parent':
      return [...(table.lookup('ParentLink_RecID', source.RecId) ?? [])]
        .map((recId) => table.get(recId))
        .filter((row): row is Row => row !== undefined && store.belongs(target, row))
        .sort((a, b) => table.sequenceOf(a) - table.sequenceOf(b));
    case 'reference': {
      const recId = source[relationship.via.field];
      const row = typeof recId === 'string' ? table.get(recId) : undefined;
      return row === undefined ? [] : [row];
    }
    case 'association': {
      const reverse = relationship.via.reverse;
      const mine = source.RecId.toUpperCase();
      const rows: Row[] = [];
      for (const pair of state.associations) {
        const [incident = '', request = ''] = pair.split('|');
        const row = (reverse ? request : incident) === mine ? table.get(reverse ? incident : request) : undefined;
        if (row !== undefined) rows.push(row);
      }
      return rows.sort((a, b) => table.sequenceOf(a) - table.sequenceOf(b));
    }
  }
}

/** The target record a link names; 400 "Record 'X' cannot be found in the related business object 'Journal#'." when there is none. */
export function linkTarget(state: IvantiState, relationship: RelationshipDef, recId: string): Row {
  const target = BUSINESS_OBJECTS[relationship.target];
  const row = store.row(state, target, recId);
  if (row === undefined) failBadRequest(`Record '${recId}' cannot be found in the related business object '${target.adminId}'.`);
  return row;
}

/** Links `target` to `source`; returns the record whose fields changed (the child), if any. */
export function link(state: IvantiState, object: BusinessObjectDef, relationship: RelationshipDef, source: Row, target: Row): Row | undefined {
  switch (relationship.via.kind) {
    case 'parent': {
      const child = BUSINESS_OBJECTS[relationship.target];
      const category = child.table === 'attachments' ? object.adminId : object.name;
      store.table(state, child).update(target, { ParentLink: source.RecId, ParentLink_RecID: source.RecId, ParentLink_Category: category });
      return target;
    }
    case 'association':
      state.associations.add(associationKey(relationship, source, target));
      return undefined;
    case 'reference':
      return failBadRequest(`The relationship '${relationship.name}' cannot be linked; set the field '${relationship.via.field.replace(/_Valid$|_RecID$/u, '')}' instead.`);
  }
}

/** Unlinks `target` from `source` (nothing happens when they are not linked); returns the changed child, if any. */
export function unlink(state: IvantiState, relationship: RelationshipDef, source: Row, target: Row): Row | undefined {
  switch (relationship.via.kind) {
    case 'parent': {
      if (String(target.ParentLink_RecID ?? '').toUpperCase() !== source.RecId.toUpperCase()) return undefined;
      const child = BUSINESS_OBJECTS[relationship.target];
      store.table(state, child).update(target, { ParentLink: null, ParentLink_RecID: null, ParentLink_Category: null });
      return target;
    }
    case 'association':
      state.associations.delete(associationKey(relationship, source, target));
      return undefined;
    case 'reference':
      return failBadRequest(`The relationship '${relationship.name}' cannot be unlinked; clear the field '${relationship.via.field.replace(/_Valid$|_RecID$/u, '')}' instead.`);
  }
}

/** The object a relationship leads to. */
export function targetObject(relationship: RelationshipDef): BusinessObjectDef {
  return BUSINESS_OBJECTS[relationship.target];
}
