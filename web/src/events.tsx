import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type FieldInfo, type Histogram, type StoredEvent } from './api.js';
import { FieldTable } from './field-table.js';
import { at, flatten, show } from './fields.js';
import { HistogramChart } from './histogram.js';

const RANGES = [['15m', 'last 15 minutes'], ['1h', 'last hour'], ['24h', 'last 24 hours'], ['7d', 'last 7 days'], ['', 'all time']] as const;
const PAGE = 100;

/** Search the store like `intake search`: histogram, table with descriptions, one event's fields. */
export function EventView() {
  const [query, setQuery] = useState('');
  const [since, setSince] = useState('');
  const [events, setEvents] = useState<StoredEvent[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [histogram, setHistogram] = useState<Histogram | null>(null);
  const [selected, setSelected] = useState<StoredEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A range picked on the histogram, over the one of the select until cleared.
  const [picked, setPicked] = useState<{ fromMs: number; toMs: number } | null>(null);

  // Only the newest search may fill the view: an older answer that arrives late is dropped.
  const latest = useRef(0);
  const search = async (e?: Event, range = picked) => {
    e?.preventDefault();
    const mine = ++latest.current;
    setBusy(true);
    setError(null);
    const params = new URLSearchParams({ q: query, limit: String(PAGE) });
    if (range) {
      params.set('since', String(range.fromMs));
      params.set('until', String(range.toMs));
    } else if (since) params.set('since', since);
    try {
      const [page, hist] = await Promise.all([
        api<{ events: StoredEvent[]; truncated: boolean }>(`/api/events?${params}`),
        api<Histogram>(`/api/histogram?${params}&buckets=60`),
      ]);
      if (mine !== latest.current) return;
      setEvents(page.events);
      setTruncated(page.truncated);
      setHistogram(hist);
      setSelected(null);
    } catch (err) {
      if (mine === latest.current) setError((err as Error).message);
    } finally {
      if (mine === latest.current) setBusy(false);
    }
  };
  useEffect(() => void search(), []);

  return (
    <section class="events">
      <form class="row search" onSubmit={search}>
        <input id="query" type="search" placeholder='event.action:deny AND source.ip:10.*   (empty: every event)' value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        {picked && (
          <button type="button" class="range" title="back to the time range of the list" onClick={() => { setPicked(null); void search(undefined, null); }}>
            {`${new Date(picked.fromMs).toISOString().slice(0, 19).replace('T', ' ')} to ${new Date(picked.toMs).toISOString().slice(11, 19)} ×`}
          </button>
        )}
        <select id="since" value={since} disabled={picked !== null} onChange={(e) => setSince(e.currentTarget.value)}>
          {RANGES.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
        </select>
        <button type="submit" id="search" disabled={busy}>Search</button>
      </form>
      <p class="hint">field:value, field:"quoted value", wildcards * and ?, AND / OR / NOT, parentheses; a bare word searches the message.</p>
      {error && <p class="error" role="alert">{error}</p>}
      {histogram && <HistogramChart histogram={histogram} onPick={(fromMs, toMs) => { const range = { fromMs, toMs }; setPicked(range); void search(undefined, range); }} />}
      {events && <EventTable events={events} truncated={truncated} selected={selected} onSelect={setSelected} />}
      {selected && <EventDetail key={String(at(selected.event, 'event.id'))} stored={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}

function EventTable(props: { events: StoredEvent[]; truncated: boolean; selected: StoredEvent | null; onSelect: (e: StoredEvent) => void }) {
  if (props.events.length === 0) return <p class="hint">No matching event.</p>;
  return (
    <>
      <p class="hint">{props.events.length} newest matching events{props.truncated ? ' (cut at the read size limit)' : ''}; click one for its fields.</p>
      <table class="event-table">
        <thead>
          <tr><th>Time</th><th>Format</th><th>Action</th><th>Status</th><th>Description</th><th>Message</th></tr>
        </thead>
        <tbody>
          {props.events.map((s, i) => (
            <tr key={i} class={s === props.selected ? 'selected' : ''} onClick={() => props.onSelect(s)}>
              <td class="time">{show(at(s.event, '@timestamp'))}</td>
              <td>{s.format?.slug ?? show(at(s.event, 'sekoiaio.intake.dialect'))}</td>
              <td>{show(at(s.event, 'event.action'))}</td>
              <td>{show(at(s.event, 'sekoiaio.intake.parsing_status'))}</td>
              <td class="description">{s.description ?? ''}</td>
              <td class="message">{show(at(s.event, 'message'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function EventDetail(props: { stored: StoredEvent; onClose: () => void }) {
  const [definitions, setDefinitions] = useState<Record<string, FieldInfo | null> | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const { event, format, description } = props.stored;
  useEffect(() => {
    const names = flatten(event).map(([p]) => p).filter((p) => p !== 'message');
    api<{ fields: Record<string, FieldInfo | null> }>('/api/fields', { method: 'POST', body: { format: format?.uuid, names } })
      .then((r) => setDefinitions(r.fields), (e: Error) => setError(e.message));
  }, [event]);
  return (
    <aside class="detail">
      <h3>
        {format ? format.name || format.slug : 'Event'} <span class="hint">{show(at(event, 'event.id'))}</span>
        <button type="button" class="link close" onClick={props.onClose}>Close</button>
      </h3>
      {description && <p class="description">{description}</p>}
      <pre class="message">{show(at(event, 'message'))}</pre>
      {error && <p class="error">{error}</p>}
      <FieldTable event={event} definitions={definitions ?? {}} />
    </aside>
  );
}
