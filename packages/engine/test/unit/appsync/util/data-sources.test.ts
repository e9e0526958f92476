import { describe, expect, it } from 'vitest';
import { withExecution, type Execution, createResponseHeaders } from '@appsync-lambda/engine/testing';
import { RESPONSE_HEADERS_MAX_BYTES } from '@appsync-lambda/engine';
import { util } from '@aws-appsync/utils';
import { thrownBy } from '@appsync-lambda/test-support';

const column = (label: string) => ({ label, name: label, typeName: 'VARCHAR' });
const booksResult = {
  sqlStatementResults: [
    {
      numberOfRecordsUpdated: 0,
      records: [
        [{ stringValue: 'Mark Twain' }, { longValue: 1884 }, { isNull: true }, { booleanValue: true }],
        [{ stringValue: 'Jack London' }, { doubleValue: 19.03 }, { arrayValue: { stringValues: ['a', 'b'] } }, { booleanValue: false }],
      ],
      columnMetadata: [column('author'), column('year'), column('tags'), column('inPrint')],
    },
    { numberOfRecordsUpdated: 3 },
  ],
};

describe('util.rds', () => {
  it('UTIL-10 rds.toJsonObject turns a Data API result into rows per statement, [] for DML', () => {
    const expected = [
      [
        { author: 'Mark Twain', year: 1884, tags: null, inPrint: true },
        { author: 'Jack London', year: 19.03, tags: ['a', 'b'], inPrint: false },
      ],
      [],
    ];
    expect(util.rds.toJsonObject(booksResult as never)).toEqual(expected);
    expect(util.rds.toJsonObject(JSON.stringify(booksResult))).toEqual(expected);
    expect(util.rds.toJsonObject(null as never)).toBeNull();
    expect(thrownBy(() => util.rds.toJsonObject('{not json'))).toMatchObject({ errorType: 'Code' });
  });
});

describe('util.xml', () => {
  it('UTIL-XML xml.toMap and xml.toJsonString fail with an Unsupported error', () => {
    const xml = '<?xml version="1.0"?><posts><post><id>1</id></post></posts>';
    expect(thrownBy(() => util.xml.toMap(xml))).toMatchObject({ errorType: 'Unsupported', message: expect.stringContaining('util.xml.toMap') });
    expect(thrownBy(() => util.xml.toJsonString(xml, true))).toMatchObject({ errorType: 'Unsupported' });
  });
});

describe('util.http', () => {
  const anExecution = (): Execution => ({ appendedErrors: [], authType: null, responseHeaders: createResponseHeaders() });

  it('UTIL-H1 addResponseHeader(s) collect headers for the request; the last definition wins', () => {
    const execution = anExecution();
    withExecution(execution, () => {
      util.http.addResponseHeader('itemsCount', 7);
      util.http.addResponseHeaders({ render: 'full', headerObject: { field1: 7, field2: 'string' } });
      util.http.addResponseHeader('Render', 'compact');
    });
    expect(Object.fromEntries(execution.responseHeaders!.values)).toEqual({
      itemscount: '7',
      render: 'compact',
      headerobject: '{"field1":7,"field2":"string"}',
    });
  });

  it('UTIL-H1 addResponseHeader rejects AWS prefixes, reserved names, bad names and more than 4 KB', () => {
    const execution = anExecution();
    withExecution(execution, () => {
      for (const name of ['x-amzn-RequestId', 'X-Amz-Date', 'content-type', 'Set-Cookie', 'bad name', '']) {
        expect(thrownBy(() => util.http.addResponseHeader(name, 'v')), name).toMatchObject({ errorType: 'Code' });
      }
      expect(thrownBy(() => util.http.addResponseHeader('x-line', 'a\r\nb'))).toMatchObject({ errorType: 'Code' });
      util.http.addResponseHeader('x-big', 'v'.repeat(RESPONSE_HEADERS_MAX_BYTES - 'x-big'.length));
      expect(thrownBy(() => util.http.addResponseHeader('x-one', '1'))).toMatchObject({
        errorType: 'Code',
        message: expect.stringContaining('exceed 4096 bytes'),
      });
    });
    expect([...execution.responseHeaders!.values.keys()]).toEqual(['x-big']);
    expect(thrownBy(() => util.http.addResponseHeader('x-outside', '1'))).toMatchObject({ errorType: 'Code' });
  });

  it('UTIL-H2 http.copyHeaders copies a headers map without hop-by-hop and AWS headers', () => {
    const headers = { Authorization: 'Bearer t', 'content-type': 'application/json', Host: 'api', 'content-length': '42', Connection: 'keep-alive', 'x-amz-date': 'd', 'x-custom': '1' };
    const copy = util.http.copyHeaders(headers);
    expect(copy).toEqual({ Authorization: 'Bearer t', 'content-type': 'application/json', 'x-custom': '1' });
    expect(copy).not.toBe(headers);
    expect(headers).toHaveProperty('Host', 'api');
  });
});
