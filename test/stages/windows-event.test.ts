import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowsEventParse } from '../../src/stages/windows-event.js';
import { StageError } from '../../src/stages/stage.js';
import { run } from './helpers.js';

const EVENT = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
<System><Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}"/>
<EventID>4624</EventID><Version>2</Version><Keywords>0x8020000000000000</Keywords>
<TimeCreated SystemTime="2024-01-01T10:00:00.1234567Z"/><Correlation/>
<Execution ProcessID="668" ThreadID="1234"/><Channel>Security</Channel><Computer>dc1.corp</Computer></System>
<EventData><Data Name="SubjectUserSid">S-1-5-18</Data><Data Name="TargetUserName">bob</Data><Data Name="IpAddress">-</Data><Data Name="Empty"/><Data Name="Open"></Data></EventData>
</Event>`;

test('System converted with attributes as keys, EventData flattened by Data Name, empty Data None', () => {
  assert.deepEqual(run(windowsEventParse, EVENT), {
    System: {
      Provider: { Name: 'Microsoft-Windows-Security-Auditing', Guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}' },
      EventID: '4624', Version: '2', Keywords: '0x8020000000000000',
      TimeCreated: { SystemTime: '2024-01-01T10:00:00.1234567Z' }, Correlation: '',
      Execution: { ProcessID: '668', ThreadID: '1234' }, Channel: 'Security', Computer: 'dc1.corp',
    },
    // An empty <Data> is None (catalog-rules/stages.md), not "".
    EventData: { SubjectUserSid: 'S-1-5-18', TargetUserName: 'bob', IpAddress: '-', Empty: null, Open: null },
  });
});

test('unnamed Data items, missing EventData, UserData', () => {
  const v = run(windowsEventParse, '<Event><System><EventID>1</EventID></System><EventData><Data>a</Data><Data>b</Data></EventData></Event>');
  assert.deepEqual(v, { System: { EventID: '1' }, EventData: { Data: ['a', 'b'] } });
  assert.deepEqual(run(windowsEventParse, '<Event><System/><UserData><X a="1">t</X></UserData></Event>'), {
    System: {}, EventData: {}, UserData: { X: { a: '1', '#text': 't' } },
  });
});

test('not an Event, malformed or non-string input is a StageError', () => {
  for (const bad of ['<Other/>', '<Event><System>', '', 'x', null, 5]) assert.throws(() => run(windowsEventParse, bad), StageError);
});
