// resolveIntrinsics and parseCloudFormationYaml: CloudFormation intrinsics replaced by the stack's
// values, or refused with their place; never passed through.
import { describe, expect, it } from 'vitest';
import { parseCloudFormationYaml, resolveIntrinsics, WiringError, type StackValues } from '@appsync-lambda/engine';

const STACK: StackValues = {
  region: 'eu-west-1',
  accountId: '123456789012',
  stackName: 'bookshelf-prod',
  refs: { BooksTable: 'bookshelf-prod-books', Stage: 'prod' },
  attributes: { 'RecommendFunction.Arn': 'arn:aws:lambda:eu-west-1:123456789012:function:recommend' },
  imports: { 'shared-QuotesUrl': 'https://quotes.example.com' },
  conditions: { IsProd: true },
};

function failure(value: unknown, stack: StackValues = STACK): Error {
  try {
    resolveIntrinsics(value, 'config', stack);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the value was resolved');
}

describe('resolveIntrinsics', () => {
  it('resolves Ref to pseudo parameters, logical ids and parameters', () => {
    expect(resolveIntrinsics({ a: { Ref: 'AWS::Region' }, b: { Ref: 'AWS::AccountId' }, c: { Ref: 'AWS::StackName' }, d: { Ref: 'BooksTable' } }, 'config', STACK)).toEqual({
      a: 'eu-west-1',
      b: '123456789012',
      c: 'bookshelf-prod',
      d: 'bookshelf-prod-books',
    });
    expect(resolveIntrinsics([{ Ref: 'AWS::Partition' }, { Ref: 'AWS::URLSuffix' }], 'config', {})).toEqual(['aws', 'amazonaws.com']);
    expect(resolveIntrinsics({ Ref: 'AWS::Partition' }, 'config', { partition: 'aws-cn' })).toBe('aws-cn');
  });

  it('resolves Fn::GetAtt in its list and dotted forms', () => {
    expect(resolveIntrinsics({ 'Fn::GetAtt': ['RecommendFunction', 'Arn'] }, 'config', STACK)).toBe(STACK.attributes!['RecommendFunction.Arn']);
    expect(resolveIntrinsics({ 'Fn::GetAtt': 'RecommendFunction.Arn' }, 'config', STACK)).toBe(STACK.attributes!['RecommendFunction.Arn']);
  });

  it('resolves Fn::Sub with pseudo parameters, refs, attributes, its own variables and ${!literal}', () => {
    expect(resolveIntrinsics({ 'Fn::Sub': '${AWS::Region}' }, 'config', STACK)).toBe('eu-west-1');
    expect(resolveIntrinsics({ 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${BooksTable} ${RecommendFunction.Arn} ${!Kept}' }, 'config', STACK)).toBe(
      'arn:aws:dynamodb:eu-west-1:123456789012:table/bookshelf-prod-books arn:aws:lambda:eu-west-1:123456789012:function:recommend ${Kept}',
    );
    expect(resolveIntrinsics({ 'Fn::Sub': ['https://${Host}/${Stage}', { Host: { 'Fn::ImportValue': 'shared-QuotesUrl' } }] }, 'config', STACK)).toBe('https://https://quotes.example.com/prod');
  });

  it('resolves Fn::Join, Fn::Select, Fn::Split, Fn::ImportValue, Fn::If and drops AWS::NoValue', () => {
    expect(resolveIntrinsics({ 'Fn::Join': ['-', ['books', { Ref: 'Stage' }]] }, 'config', STACK)).toBe('books-prod');
    expect(resolveIntrinsics({ 'Fn::Select': [1, { 'Fn::Split': [':', 'a:b:c'] }] }, 'config', STACK)).toBe('b');
    expect(resolveIntrinsics({ 'Fn::ImportValue': { 'Fn::Sub': 'shared-QuotesUrl' } }, 'config', STACK)).toBe('https://quotes.example.com');
    expect(resolveIntrinsics({ 'Fn::If': ['IsProd', 'prod', 'dev'] }, 'config', STACK)).toBe('prod');
    expect(resolveIntrinsics({ 'Fn::If': ['IsProd', 'prod', 'dev'] }, 'config', { conditions: { IsProd: false } })).toBe('dev');
    expect(resolveIntrinsics({ kept: 1, dropped: { Ref: 'AWS::NoValue' }, list: [1, { Ref: 'AWS::NoValue' }] }, 'config', STACK)).toEqual({ kept: 1, list: [1] });
  });

  it('refuses what it cannot resolve, naming the place and the value to pass', () => {
    const region = failure({ authorizationConfig: { awsIamConfig: { signingRegion: { 'Fn::Sub': '${AWS::Region}' } } } }, {});
    expect(region).toBeInstanceOf(WiringError);
    expect(region.message).toBe('config.authorizationConfig.awsIamConfig.signingRegion["Fn::Sub"]: AWS::Region is resolved only at deploy time; pass its value as stack.region');
    expect(failure({ Ref: 'Missing' }).message).toBe('config.Ref: { Ref: Missing } is resolved only at deploy time; pass its value as stack.refs.Missing');
    expect(failure({ 'Fn::GetAtt': ['Missing', 'Arn'] }).message).toBe('config["Fn::GetAtt"]: Fn::GetAtt Missing.Arn is resolved only at deploy time; pass its value as stack.attributes["Missing.Arn"]');
    expect(failure({ 'Fn::ImportValue': 'other' }).message).toBe('config["Fn::ImportValue"]: Fn::ImportValue other is resolved only at deploy time; pass its value as stack.imports["other"]');
    expect(failure({ 'Fn::If': ['IsDev', 1, 2] }).message).toBe('config["Fn::If"]: the condition IsDev is resolved only at deploy time; pass its value as stack.conditions.IsDev');
    expect(failure({ 'Fn::FindInMap': ['M', 'a', 'b'] }).message).toMatch(/^config\["Fn::FindInMap"\]: the intrinsic function Fn::FindInMap is not supported/);
    expect(failure({ 'Fn::Select': [3, ['a']] }).message).toBe('config["Fn::Select"]: Fn::Select index 3 is outside the list');
  });
});

describe('parseCloudFormationYaml', () => {
  it('reads the short-form tags as the long form', () => {
    const template = parseCloudFormationYaml(
      [
        'region: !Sub ${AWS::Region}',
        'table: !Ref BooksTable',
        'arn: !GetAtt RecommendFunction.Arn',
        'url: !Join ["", ["https://", !ImportValue shared-Host, "/", !Ref Stage]]',
        'vars: !Sub',
        '  - ${A}-${Stage}',
        '  - { A: !Select [0, !Split [",", "x,y"]] }',
        'pick: !If [IsProd, a, b]',
      ].join('\n'),
    );
    expect(template).toEqual({
      region: { 'Fn::Sub': '${AWS::Region}' },
      table: { Ref: 'BooksTable' },
      arn: { 'Fn::GetAtt': ['RecommendFunction', 'Arn'] },
      url: { 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': 'shared-Host' }, '/', { Ref: 'Stage' }]] },
      vars: { 'Fn::Sub': ['${A}-${Stage}', { A: { 'Fn::Select': [0, { 'Fn::Split': [',', 'x,y'] }] } }] },
      pick: { 'Fn::If': ['IsProd', 'a', 'b'] },
    });
    expect(resolveIntrinsics(template, 'template', { ...STACK, imports: { 'shared-Host': 'api.example.com' } })).toEqual({
      region: 'eu-west-1',
      table: 'bookshelf-prod-books',
      arn: STACK.attributes!['RecommendFunction.Arn'],
      url: 'https://api.example.com/prod',
      vars: 'x-prod',
      pick: 'a',
    });
  });
});
