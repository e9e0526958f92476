/**
 * The schema of a CloudFormation template: its `AWS::AppSync::GraphQLSchema`, written inline as
 * `Definition` or as the local file `DefinitionS3Location` the template is packaged from.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WiringError, placeOf } from './errors';
import { resolveIntrinsics, type StackValues } from './intrinsics';
import { objectAt, stringAt } from './values';

export interface CloudFormationSchemaOptions {
  /** The directory `DefinitionS3Location` paths are relative to (the template's). */
  baseDirectory: string;
  /** Values for the intrinsics the schema's properties may hold. */
  stack?: StackValues;
}

/** The SDL of the template's one `AWS::AppSync::GraphQLSchema`; a WiringError names what is missing or unreadable. */
export function schemaFromCloudFormation(template: unknown, options: CloudFormationSchemaOptions): string {
  const resources = objectAt(objectAt(template, 'template').Resources, 'Resources');
  const schemas = Object.entries(resources).filter(([, value]) => (value as { Type?: unknown } | null)?.Type === 'AWS::AppSync::GraphQLSchema');
  if (schemas.length !== 1) throw new WiringError('Resources', `expected one AWS::AppSync::GraphQLSchema, found ${schemas.length}`);
  const [id, resource] = schemas[0]!;
  const place = placeOf(placeOf('Resources', id), 'Properties');
  const properties = objectAt(objectAt(resource, placeOf('Resources', id)).Properties, place);
  const definitionPlace = placeOf(place, 'Definition');
  if (properties.Definition !== undefined) return stringAt(resolveIntrinsics(properties.Definition, definitionPlace, options.stack), definitionPlace);
  const locationPlace = placeOf(place, 'DefinitionS3Location');
  const location = stringAt(resolveIntrinsics(properties.DefinitionS3Location, locationPlace, options.stack), locationPlace);
  if (/^s3:\/\//i.test(location)) throw new WiringError(locationPlace, `${location} is in S3; give the local path the template is packaged from`);
  try {
    return readFileSync(resolve(options.baseDirectory, location), 'utf8');
  } catch (error) {
    throw new WiringError(locationPlace, `cannot read the schema "${location}": ${(error as Error).message}`, { cause: error });
  }
}
