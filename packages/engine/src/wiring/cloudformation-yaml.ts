/**
 * YAML with CloudFormation's short-form tags (`!Ref`, `!Sub`, `!GetAtt`, `!Join`, …), read as the
 * long form (`{ Ref: … }`, `{ "Fn::Sub": … }`) that the readers' intrinsic resolver takes.
 */
import { parse, type CollectionTag, type ScalarTag, type YAMLMap, type YAMLSeq } from 'yaml';

const FUNCTIONS = ['Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or'];

function longForm(name: string, value: unknown): Record<string, unknown> {
  // `!GetAtt Table.Arn` is the short form of `Fn::GetAtt: [Table, Arn]`.
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? value : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

function tagsOf(tag: string, build: (value: unknown) => unknown): Array<ScalarTag | CollectionTag> {
  return [
    { tag, resolve: (value: string) => build(value) },
    { tag, collection: 'seq', resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => build(value.toJSON()) },
    { tag, collection: 'map', resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => build(value.toJSON()) },
  ];
}

const TAGS = [
  ...tagsOf('!Ref', (value) => ({ Ref: value })),
  ...tagsOf('!Condition', (value) => ({ Condition: value })),
  ...FUNCTIONS.flatMap((name) => tagsOf(`!${name}`, (value) => longForm(name, value))),
];

/** A CloudFormation or SAM template, or a serverless.yml holding intrinsics, written in YAML. */
export function parseCloudFormationYaml(text: string): unknown {
  return parse(text, { customTags: TAGS });
}
