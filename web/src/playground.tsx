import { useEffect, useState } from 'preact/hooks';
import { api, type FormatInfo, type PlaygroundResult, type Sample } from './api.js';
import { FieldTable } from './field-table.js';
import { FormatSelect } from './format-select.js';

/** Paste raw events, pick a format, see what they become; nothing is stored. */
export function Playground() {
  const [formats, setFormats] = useState<FormatInfo[]>([]);
  const [format, setFormat] = useState('auto');
  const [input, setInput] = useState('');
  const [whole, setWhole] = useState(false);
  const [expected, setExpected] = useState('');
  const [sample, setSample] = useState<Sample | null>(null);
  const [results, setResults] = useState<PlaygroundResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ formats: FormatInfo[] }>('/api/formats').then((r) => setFormats(r.formats), (e: Error) => setError(e.message));
  }, []);

  const loadSample = async () => {
    if (format === 'auto') return;
    setError(null);
    try {
      const next = sample !== null && sample.format === format ? sample.index + 1 : 0;
      const s = await api<Sample>(`/api/sample?format=${encodeURIComponent(format)}&index=${next}`);
      setSample(s);
      setInput(s.message);
      setWhole(s.message.includes('\n'));
      setExpected(JSON.stringify(JSON.parse(s.expected), null, 2));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const run = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { format, input, split: whole ? 'whole' : 'lines', ...(expected.trim() ? { expected } : {}) };
      setResults((await api<{ events: PlaygroundResult[] }>('/api/playground', { method: 'POST', body })).events);
    } catch (err) {
      setResults(null);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="playground">
      <form onSubmit={run}>
        <div class="row">
          <label>Format <FormatSelect formats={formats} value={format} onChange={(f) => { setFormat(f); setSample(null); }} /></label>
          <button type="button" id="load-sample" disabled={format === 'auto'} onClick={loadSample}>
            {sample && sample.format === format ? `Next sample (${sample.index + 1}/${sample.count})` : 'Load a sample'}
          </button>
          {sample && sample.format === format && <span class="hint">{sample.file}</span>}
        </div>
        <label class="block">
          Raw events
          <textarea id="raw-events" rows={8} spellcheck={false} placeholder="One event per line" value={input} onInput={(e) => setInput(e.currentTarget.value)} />
        </label>
        <label class="check"><input type="checkbox" id="whole" checked={whole} onChange={(e) => setWhole(e.currentTarget.checked)} /> The text is one event (it spans several lines)</label>
        <label class="block">
          Expected event (optional JSON: an event, a list of events, or a catalog test file)
          <textarea id="expected" rows={5} spellcheck={false} value={expected} onInput={(e) => setExpected(e.currentTarget.value)} />
        </label>
        <button type="submit" id="run" disabled={busy || input.trim() === ''}>Normalize</button>
      </form>
      <div class="output">
        {error && <p class="error" role="alert">{error}</p>}
        {results && <Results results={results} />}
        {!error && !results && <p class="hint">Choose a format (or auto), paste raw events or load a sample of the format, then Normalize. Nothing is stored.</p>}
      </div>
    </section>
  );
}

function Results(props: { results: PlaygroundResult[] }) {
  if (props.results.length === 0) return <p class="hint">No event in the input.</p>;
  return (
    <div class="results">
      {props.results.map((r, i) => <ResultCard key={i} index={i} result={r} />)}
    </div>
  );
}

function ResultCard(props: { index: number; result: PlaygroundResult }) {
  const { result } = props;
  const [asJson, setAsJson] = useState(false);
  const intake = (result.event.sekoiaio as { intake?: Record<string, unknown> } | undefined)?.intake ?? {};
  const failed = intake.parsing_status !== 'success';
  return (
    <article class={failed ? 'result failed' : 'result'}>
      <h3>
        Event {props.index + 1}: {result.format ? result.format.name || result.format.slug : 'no format parsed it'}
        <span class={failed ? 'badge bad' : 'badge ok'}>{String(intake.parsing_status ?? 'unknown')}</span>
      </h3>
      {result.description && <p class="description">{result.description}</p>}
      {failed && typeof intake.parsing_error === 'string' && <p class="error">{intake.parsing_error}</p>}
      {result.test && (
        <div class={result.test.passed ? 'test ok' : 'test bad'}>
          <strong>{result.test.passed ? 'Matches the expected event' : 'Differs from the expected event'}</strong>
          {result.test.lines.length > 0 && <pre class="differences">{result.test.lines.join('\n')}</pre>}
        </div>
      )}
      <button type="button" class="link" onClick={() => setAsJson(!asJson)}>{asJson ? 'Show fields' : 'Show JSON'}</button>
      {asJson ? <pre class="json">{JSON.stringify(result.event, null, 2)}</pre> : <FieldTable event={result.event} />}
    </article>
  );
}
