/**
 * Sign-in: paste a bearer token (or open the link `npm start` prints, which carries it).
 */
import { useState } from 'preact/hooks';
import { describeToken, saveToken } from '../token.ts';

export function TokenScreen({ onToken, expired }: { onToken: () => void; expired: boolean }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const info = describeToken(value.trim());
    if (!info) {
      setError('That does not look like a token (three base64 parts separated by dots).');
      return;
    }
    saveToken(value.trim());
    onToken();
  };
  return (
    <div class="signin">
      <form class="signin-card" onSubmit={submit}>
        <div class="brand big">
          <span class="logo">M</span> Modernize
        </div>
        <h1>Sign in with an API token</h1>
        {expired && <div class="error">Your token was refused (expired or revoked). Paste a new one.</div>}
        <p class="muted">
          Open the console link that <code>npm start</code> prints, or mint a token with{' '}
          <code>npx modernize token --role client_admin</code> and paste it here.
        </p>
        <textarea
          name="token"
          rows={5}
          placeholder="eyJhbGciOi..."
          value={value}
          onInput={(e) => setValue((e.target as HTMLTextAreaElement).value)}
        />
        {error && <div class="error">{error}</div>}
        <button type="submit" class="primary" disabled={!value.trim()}>
          Continue
        </button>
      </form>
    </div>
  );
}
