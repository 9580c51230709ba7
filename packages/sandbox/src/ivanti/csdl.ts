/**
 * The `$metadata` document of one graph (`GET /api/odata/{set}/$metadata`): CSDL 4.0 XML whose root
 * entity type carries the fields (`Property`), relationships (`NavigationProperty`), quick actions
 * (`Action`) and saved searches (`Function`, with the role's ActionId as the `DefaultValue` of its
 * `ActionId` parameter); the related types appear without their relationships, as on a live tenant
 * (only the graph's root carries them). An unknown set gets a valid document with an empty entity
 * type, as Ivanti invents one.
 *
 * @module
 */
import { actionIdOf } from './quick-actions.js';
import { BUSINESS_OBJECTS, type BusinessObjectDef } from './schema.js';
import type { IvantiState } from './store.js';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);
}

function entityType(object: BusinessObjectDef, withRelationships: boolean): string {
  const lines = [`      <EntityType Name="${object.csdlType}">`, '        <Key><PropertyRef Name="RecId"/></Key>'];
  for (const field of object.fields) {
    lines.push(`        <Property Name="${field.name}" Type="Edm.${field.type}"${field.name === 'RecId' ? ' Nullable="false"' : ''}/>`);
  }
  if (withRelationships) {
    for (const relationship of object.relationships) {
      const target = BUSINESS_OBJECTS[relationship.target];
      const type = relationship.via.kind === 'reference' ? `MetaData.${target.csdlType}` : `Collection(MetaData.${target.csdlType})`;
      lines.push(`        <NavigationProperty Name="${relationship.name}" Type="${type}"/>`);
    }
  }
  lines.push('      </EntityType>');
  return lines.join('\n');
}

function actionIdParameter(actionId: string): string {
  return [
    '        <Parameter Name="ActionId" Type="Edm.String">',
    '          <Annotation Term="Org.OData.Core.V1.OptionalParameter">',
    `            <Record><PropertyValue Property="DefaultValue" String="${escapeXml(actionId)}"/></Record>`,
    '          </Annotation>',
    '        </Parameter>',
  ].join('\n');
}

function operations(state: IvantiState, object: BusinessObjectDef, role: string): string[] {
  const out: string[] = [];
  for (const action of object.quickActions) {
    const actionId = actionIdOf(state, role, object, action.name);
    if (actionId === undefined) continue;
    out.push(
      [
        `      <Action Name="${action.name}">`,
        `        <Parameter Name="bindingParameter" Type="MetaData.${object.csdlType}"/>`,
        actionIdParameter(actionId),
        '        <Parameter Name="ShouldSave" Type="Edm.Boolean"/>',
        '        <Parameter Name="ActionParams" Type="Edm.Untyped"/>',
        '        <Parameter Name="PromptParams" Type="Collection(Edm.Untyped)"/>',
        '      </Action>',
      ].join('\n'),
    );
  }
  for (const search of object.savedSearches) {
    const actionId = actionIdOf(state, role, object, search.name);
    if (actionId === undefined) continue;
    out.push(
      [
        `      <Function Name="${search.name}">`,
        `        <Parameter Name="bindingParameter" Type="Collection(MetaData.${object.csdlType})"/>`,
        actionIdParameter(actionId),
        `        <ReturnType Type="Collection(MetaData.${object.csdlType})"/>`,
        '      </Function>',
      ].join('\n'),
    );
  }
  return out;
}

/** The CSDL of the graph rooted at `entitySet` (any case), for `role`. */
export function metadataDocument(state: IvantiState, entitySet: string, role: string): string {
  const root = Object.values(BUSINESS_OBJECTS).find((object) => object.entitySet === entitySet.toLowerCase());
  const types: string[] = [];
  const sets: string[] = [];
  const ops: string[] = [];
  if (root === undefined) {
    const name = escapeXml(entitySet.toLowerCase().replace(/s$/u, ''));
    types.push(`      <EntityType Name="${name}"/>`);
    sets.push(`        <EntitySet Name="${escapeXml(entitySet.toLowerCase())}" EntityType="MetaData.${name}"/>`);
  } else {
    const related = [...new Set(root.relationships.map((relationship) => BUSINESS_OBJECTS[relationship.target]))].filter((object) => object !== root);
    types.push(entityType(root, true), ...related.map((object) => entityType(object, false)));
    for (const object of [root, ...related]) sets.push(`        <EntitySet Name="${object.entitySet}" EntityType="MetaData.${object.csdlType}"/>`);
    ops.push(...operations(state, root, role));
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '  <edmx:DataServices>',
    '    <Schema Namespace="MetaData" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
    ...types,
    ...ops,
    '      <EntityContainer Name="Default">',
    ...sets,
    '      </EntityContainer>',
    '    </Schema>',
    '  </edmx:DataServices>',
    '</edmx:Edmx>',
    '',
  ].join('\n');
}
