/** The peer's schema: the API's own SDL, with AppSync's scalars and directives declared (Apollo gives unknown scalars no checks). */
import appsync from '../../schema/appsync.graphql';
import schema from '../../schema/schema.graphql';

export const typeDefs = `${appsync}\n${schema}`;
