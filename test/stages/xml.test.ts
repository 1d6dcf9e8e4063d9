import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xmlParse } from '../../src/stages/xml.js';
import { StageError } from '../../src/stages/stage.js';
import { run } from './helpers.js';

test('elements, attributes, repeated children, empty elements, namespaces', () => {
  const xml = `<?xml version="1.0" encoding="UTF-16"?>
<ns:Task xmlns:ns="urn:x" version="1.2">
  <RegistrationInfo><Author>ACME\\admin</Author><Date>2024-01-01</Date></RegistrationInfo>
  <Actions Context="Author"><Exec><Command>a.exe</Command></Exec><Exec><Command>b.exe</Command></Exec></Actions>
  <Empty/><Blank>  </Blank><Attr only="yes"/><Mixed kind="k">text</Mixed>
</ns:Task>`;
  assert.deepEqual(run(xmlParse, xml), {
    Task: {
      version: '1.2', // namespace declarations are not data
      RegistrationInfo: { Author: 'ACME\\admin', Date: '2024-01-01' },
      Actions: { Context: 'Author', Exec: [{ Command: 'a.exe' }, { Command: 'b.exe' }] },
      Empty: null, Blank: null, Attr: { only: 'yes' }, Mixed: { kind: 'k', '#text': 'text' },
    },
  });
});

test('standard entities and character references decoded; CDATA kept raw; numbers stay strings', () => {
  const v = run(xmlParse, '<a><b x="&quot;q&quot;">1 &amp; 2 &lt;3&gt; &#65;&#x42; &apos;</b><c><![CDATA[&amp; <raw>]]></c><d>007</d></a>');
  assert.deepEqual(v, { a: { b: { x: '"q"', '#text': "1 & 2 <3> AB '" }, c: '&amp; <raw>', d: '007' } });
});

test('DOCTYPE and entity definitions are refused (billion laughs)', () => {
  const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
  assert.throws(() => run(xmlParse, laughs), StageError);
  assert.throws(() => run(xmlParse, '<!DOCTYPE a SYSTEM "file:///etc/passwd"><a>&xxe;</a>'), StageError);
});

test('malformed, truncated, deep and non-string inputs are StageErrors', () => {
  for (const bad of ['<a><b></a>', '<a>', '<a', 'not xml', '', '<a></a><', '<a>\u0000</a', '<a>' + '<b>'.repeat(100_000)]) {
    assert.throws(() => run(xmlParse, bad), StageError, JSON.stringify(bad.slice(0, 20)));
  }
  for (const bad of [null, 1, {}]) assert.throws(() => run(xmlParse, bad), StageError);
  const big = run(xmlParse, `<a>${'x'.repeat(10_000_000)}</a>`) as { a: string };
  assert.equal(big.a.length, 10_000_000);
});

test('reserved names (__proto__, constructor, toString) are kept as own keys without pollution', () => {
  const v = run(xmlParse, '<a toString="t"><__proto__><polluted>1</polluted></__proto__><constructor>c</constructor></a>') as { a: object };
  assert.equal(Object.getPrototypeOf(v.a), Object.prototype);
  assert.deepEqual(Object.keys(v.a), ['toString', '__proto__', 'constructor']);
  assert.deepEqual(Object.getOwnPropertyDescriptor(v.a, '__proto__')?.value, { polluted: '1' });
  assert.equal((v.a as Record<string, unknown>).toString, 't');
  assert.equal(({} as { polluted?: unknown }).polluted, undefined);
});
