/**
 * Micro-benchmark of compiled templates on the shapes the catalog uses most.
 * Not a test: run with `node --import tsx test/language/perf-bench.ts [rounds]`.
 *
 * Every template is compiled and warmed up interleaved with the others first, so that shared
 * call sites in the engine see the same polymorphism as in a real `intake normalize` run;
 * then each one is timed alone (best of many short batches, to damp noise on a shared machine).
 */
import { compileCondition, compileText, compileValue } from '../../src/language/index.js';

type Kind = 'value' | 'condition' | 'text';

const CASES: [Kind, string][] = [
  ['condition', "{{parsed.message.event.provider == 'Microsoft-Windows-Security-Auditing' and parsed.message.event.code | string in ['4624', '4625']}}"],
  ['value', '{{parsed.message.action.properties.TargetUserName}}'],
  ['value', "{{parsed.message.get('x') or parsed.message.y}}"],
  ['condition', '{{final.process is mapping and final.process.executable is defined and final.process.name is not defined}}'],
  ['value', "{{ original.message[original.message.index('{'):] }}"],
  ['value', '{{ parsed_event.message.type | lower }}'],
  ['value', "{% if a %}['x']{% else %}['y']{% endif %}"],
  ['value', "{{x.split(' ')[0]}}"],
  ['value', '{{ p.message.ip if p.message.ip | is_ipaddress else None }}'],
  ['condition', "{{ parsed.message.action.name != 'deny' }}"],
  ['value', '{{ parsed.message.src.port | int }}'],
  ['text', '{{ parsed.message.user.name }}@{{ parsed.message.host }}'],
];

function scope(i: number): Record<string, unknown> {
  return {
    original: { message: `<14>Jan 1 host app[${i}]: {"k": ${i}, "v": "x"}` },
    parsed: {
      message: {
        event: { provider: 'Microsoft-Windows-Security-Auditing', code: i % 2 ? 4624 : 4625, level: 0 },
        action: { name: 'allow', properties: { TargetUserName: `user${i}`, LogonType: 3 } },
        y: 'fallback',
        src: { ip: '10.0.0.1', port: '443' },
        user: { name: 'bob' },
        host: 'gw1',
      },
    },
    final: { process: { executable: '/usr/bin/ssh', pid: 42 } },
    parsed_event: { message: { type: 'LOGIN' } },
    a: i % 3 === 0,
    x: 'GET /index.html HTTP/1.1',
    p: { message: { ip: i % 2 ? '192.168.1.10' : 'not-an-ip' } },
  };
}

function compile(kind: Kind, src: string): (s: Record<string, unknown>) => unknown {
  if (kind === 'condition') return compileCondition(src);
  if (kind === 'text') return compileText(src);
  return compileValue(src);
}

const rounds = Number(process.argv[2] ?? 200_000);
const only = process.argv[3] === undefined ? null : Number(process.argv[3]); // time one case (for --cpu-prof)
const scopes = Array.from({ length: 16 }, (_, i) => scope(i));
const fns = CASES.map(([k, s]) => compile(k, s));

let sink = 0;
const consume = (v: unknown): void => {
  sink += v === undefined ? 1 : typeof v === 'string' ? v.length : 2;
};

for (let i = 0; i < 20_000; i++) for (const f of fns) consume(f(scopes[i & 15]!));

function time(f: (s: Record<string, unknown>) => unknown): number {
  let best = Infinity;
  // Many short batches, keep the fastest: preemption by other processes only ever adds time.
  const batches = 25;
  const batch = Math.max(1, Math.floor(rounds / batches));
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) consume(f(scopes[i & 15]!));
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / batch);
  }
  return best;
}

let total = 0;
for (let i = 0; i < CASES.length; i++) {
  if (only !== null && i !== only) continue;
  const ns = time(fns[i]!);
  total += ns;
  const [kind, src] = CASES[i]!;
  console.log(`${ns.toFixed(1).padStart(8)} ns  ${kind.padEnd(9)} ${src}`);
}
console.log(`${total.toFixed(1).padStart(8)} ns  total (sink ${sink % 10})`);
if (only === null) {
  // All templates round-robin, as a pipeline runs them: shared call sites stay polymorphic.
  const ns = time((s) => {
    for (const f of fns) consume(f(s));
    return undefined;
  });
  console.log(`${ns.toFixed(1).padStart(8)} ns  mixed: one pass over all ${fns.length} templates, interleaved`);
}
