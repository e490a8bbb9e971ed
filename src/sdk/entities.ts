import { Entity } from 'botframework-connector/lib/connectorApi/models/mappers';

/**
 * Entities are open objects in the Activity schema, but the Bot Connector client's Entity mapper
 * lists only type, text and mentioned, and its serializer drops every other field of an entity
 * (botbuilder-js #2561). So every activity sent through the connector — replies on Teams, Azure
 * Direct Line and SMS, and every check-in — lost the question entity's id and the disposition
 * entity's level and reasons. This lets the mapper keep every field. Idempotent.
 */
export function keepEntityFields(): void {
  Entity.type.additionalProperties ??= { type: { name: 'Object' } };
}
