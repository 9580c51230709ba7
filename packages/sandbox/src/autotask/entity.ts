/**
 * An Autotask entity as the simulator knows it: its REST name, the internal name its error messages
 * use, its fields and user-defined fields, what it allows (`entityInformation`), and the fields the
 * store indexes. Field and UDF names resolve case-insensitively, as Autotask resolves them in query
 * filters, `IncludeFields` and JSON bodies.
 *
 * @module
 */
import type { FieldDefinition, UdfDefinition } from './fields.js';

/**
 * The entities the simulator serves, by REST name.
 *
 * @category Definitions
 */
export type EntityName = 'Tickets' | 'TicketNotes' | 'TicketAttachments' | 'Contacts' | 'Resources' | 'Companies';

/**
 * What `entityInformation` reports an entity allows.
 *
 * @category Definitions
 */
export interface EntityCapabilities {
  readonly canCreate: boolean;
  readonly canUpdate: boolean;
  readonly canDelete: boolean;
  readonly canQuery: boolean;
  readonly supportsWebhookCallouts: boolean;
}

/**
 * How an entity is declared.
 *
 * @category Definitions
 */
export interface EntityDeclaration {
  /** The REST name: `Tickets`. */
  readonly name: EntityName;
  /** The internal name Autotask's messages use: `Unable to find x in the Ticket Entity`. */
  readonly internalName: string;
  /** Every field, in the order of the Swagger model (which is the order of the JSON). */
  readonly fields: readonly FieldDefinition[];
  /** The user-defined fields; `undefined` for an entity without UDF support (no `userDefinedFields` in its JSON). */
  readonly udfs: readonly UdfDefinition[] | undefined;
  readonly capabilities: EntityCapabilities;
  /** Fields the store keeps an index of, for `eq` and `in` filters. */
  readonly indexed: readonly string[];
}

/**
 * A declared entity with its lookup tables.
 *
 * @category Definitions
 */
export interface EntityDefinition extends EntityDeclaration {
  /** A field by its lower-case name. */
  readonly fieldByLowerName: ReadonlyMap<string, FieldDefinition>;
  /** A field by its canonical name. */
  readonly fieldByName: ReadonlyMap<string, FieldDefinition>;
  /** A UDF by its lower-case name. */
  readonly udfByLowerName: ReadonlyMap<string, UdfDefinition>;
}

/** Completes a declaration with its lookup tables. */
export function defineEntity(declaration: EntityDeclaration): EntityDefinition {
  return {
    ...declaration,
    fieldByLowerName: new Map(declaration.fields.map((field) => [field.name.toLowerCase(), field])),
    fieldByName: new Map(declaration.fields.map((field) => [field.name, field])),
    udfByLowerName: new Map((declaration.udfs ?? []).map((udf) => [udf.name.toLowerCase(), udf])),
  };
}

/** A field of an entity by name in any case, or `undefined`. */
export function findField(entity: EntityDefinition, name: string): FieldDefinition | undefined {
  return entity.fieldByLowerName.get(name.toLowerCase());
}

/** A UDF of an entity by name in any case, or `undefined`. */
export function findUdf(entity: EntityDefinition, name: string): UdfDefinition | undefined {
  return entity.udfByLowerName.get(name.toLowerCase());
}
