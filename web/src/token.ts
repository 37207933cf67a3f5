/**
 * The user's bearer token: taken from `#token=...` in the URL (the link `modernize serve`
 * prints) or pasted, kept in this browser's local storage, never sent anywhere but the API.
 */
const KEY = 'modernize.token';

/** What the console shows about the signed-in user (claims are read, not verified: the API verifies). */
export interface TokenInfo {
  readonly token: string;
  readonly tenant: string;
  readonly user: string;
  readonly roles: string[];
  /** Expiry in epoch seconds, when the token has one. */
  readonly exp?: number;
}

/** Moves a `#token=...` fragment into storage and removes it from the address bar. */
export function captureTokenFromUrl(): void {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!m?.[1]) return;
  saveToken(decodeURIComponent(m[1]));
  const rest = window.location.hash.replace(/(?:^#|&)token=[^&]+/, '').replace(/^&/, '');
  history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}#${rest.startsWith('/') ? rest : '/'}`,
  );
}

export function saveToken(token: string): void {
  localStorage.setItem(KEY, token.trim());
}

export function clearToken(): void {
  localStorage.removeItem(KEY);
}

/** The stored token with its claims, or null when none (or it is not a JWT). */
export function currentToken(): TokenInfo | null {
  const token = localStorage.getItem(KEY);
  return token ? describeToken(token) : null;
}

/** Reads a JWT's claims for display. */
export function describeToken(token: string): TokenInfo | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const roles = json['cognito:groups'] ?? json.roles;
    return {
      token,
      tenant: String(json.tenant ?? json['custom:tenant'] ?? '?'),
      user: String(json.sub ?? json.userId ?? 'user'),
      roles: Array.isArray(roles) ? roles.map(String) : typeof roles === 'string' ? roles.split(',') : [],
      ...(typeof json.exp === 'number' ? { exp: json.exp } : {}),
    };
  } catch {
    return null;
  }
}
