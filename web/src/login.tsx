import { useState } from 'preact/hooks';
import { api, Unauthorized } from './api.js';

/** Asks for the read key and checks it against the server before keeping it (for this tab only). */
export function Login(props: { expired: boolean; onLogin: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(props.expired ? 'The server refused the read key: log in again.' : null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api('/api/formats', { key });
      props.onLogin(key);
    } catch (err) {
      setError(err instanceof Unauthorized ? 'Wrong read key.' : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="login" onSubmit={submit}>
      <h1>Intake</h1>
      <p>The read key of this server (read_keys in intake.yml, or --read-key) opens the playground and the stored events.</p>
      <label>
        Read key
        <input id="read-key" type="password" autocomplete="current-password" value={key} onInput={(e) => setKey(e.currentTarget.value)} autofocus />
      </label>
      <button type="submit" disabled={busy || key === ''}>Log in</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
