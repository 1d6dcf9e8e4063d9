import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { saveKey, savedKey, whenUnauthorized } from './api.js';
import { EventView } from './events.js';
import { Login } from './login.js';
import { Playground } from './playground.js';

type Tab = 'playground' | 'events';

function App() {
  const [key, setKey] = useState<string | null>(savedKey());
  const [tab, setTab] = useState<Tab>(location.hash === '#events' ? 'events' : 'playground');
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    whenUnauthorized(() => {
      saveKey(null);
      setExpired(true);
      setKey(null);
    });
  }, []);
  const choose = (t: Tab) => {
    setTab(t);
    history.replaceState(null, '', `#${t}`);
  };
  if (key === null) {
    return <Login expired={expired} onLogin={(k) => { saveKey(k); setExpired(false); setKey(k); }} />;
  }
  return (
    <div class="page">
      <header>
        <h1>Intake</h1>
        <nav>
          <button class={tab === 'playground' ? 'tab active' : 'tab'} onClick={() => choose('playground')}>Playground</button>
          <button class={tab === 'events' ? 'tab active' : 'tab'} onClick={() => choose('events')}>Events</button>
        </nav>
        <button class="logout" onClick={() => { saveKey(null); setKey(null); }}>Log out</button>
      </header>
      <main>{tab === 'playground' ? <Playground /> : <EventView />}</main>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
