// What the catalog tests use beside the client.
export { expressionValue, parameterKind } from '../../src/index.js';
export { tenantOffsetMinutes as tenantOffsetMinutesForTest } from '../../src/resources/service-requests.js';
