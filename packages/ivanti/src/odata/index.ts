/**
 * Ivanti's OData dialect: the `$filter` builder and parser, literals, names and RecIds.
 *
 * @module
 */
export { odata, type ODataBuilder } from './builder.js';
export { COMPARISON_OPERATORS, ODataFilter, type ComparisonOperator, type ODataAnyOf, type ODataComparison, type ODataFilterNode } from './filter.js';
export { formatLiteral, isBareDate, type BareDate, type ODataValue } from './literal.js';
export { checkName, checkRecId, isRecId, NAME_PATTERN, REC_ID_PATTERN } from './names.js';
export { parseFilter } from './parse.js';
