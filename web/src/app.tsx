/**
 * The console shell: sign-in by token, a sidebar with the engagement's sections, and the
 * hash route -> screen table.
 */
import { useEffect, useState } from 'preact/hooks';
import { onUnauthorized } from './api.ts';
import { href, useRoute } from './hooks.ts';
import { Dependencies } from './screens/dependencies.tsx';
import { Engagements } from './screens/engagements.tsx';
import { FlowView } from './screens/flowView.tsx';
import { Inventory } from './screens/inventory.tsx';
import { Overview } from './screens/overview.tsx';
import { Recommendations } from './screens/recommendations.tsx';
import { Reports } from './screens/reports.tsx';
import { TechDebt } from './screens/techDebt.tsx';
import { TokenScreen } from './screens/tokenScreen.tsx';
import { Waves } from './screens/waves.tsx';
import { clearToken, currentToken } from './token.ts';

const SECTIONS: [string, string][] = [
  ['', 'Overview'],
  ['inventory', 'Inventory'],
  ['techdebt', 'Tech debt'],
  ['dependencies', 'Dependencies'],
  ['recommendations', 'Recommendations'],
  ['waves', 'Waves'],
  ['report', 'Report & exports'],
];

export function App() {
  const [token, setToken] = useState(currentToken);
  const [expired, setExpired] = useState(false);
  const route = useRoute();
  useEffect(
    () =>
      onUnauthorized(() => {
        clearToken();
        setExpired(true);
        setToken(null);
      }),
    [],
  );
  if (!token)
    return (
      <TokenScreen
        expired={expired}
        onToken={() => {
          setExpired(false);
          setToken(currentToken());
        }}
      />
    );
  const engagement = route[0] === 'e' ? route[1] : undefined;
  const section = engagement ? (route[2] ?? '') : 'engagements';
  return (
    <div class="shell">
      <aside class="sidebar">
        <a class="brand" href={href()}>
          <span class="logo">M</span> Modernize
        </a>
        <nav>
          <a class={!engagement ? 'active' : ''} href={href()}>
            All engagements
          </a>
          {engagement && (
            <>
              <div class="nav-title" title={engagement}>
                {engagement}
              </div>
              {SECTIONS.map(([key, label]) => (
                <a
                  key={key}
                  class={section === key || (key === '' && section === 'flows') ? 'active' : ''}
                  href={key ? href('e', engagement, key) : href('e', engagement)}
                  data-section={key || 'overview'}
                >
                  {label}
                </a>
              ))}
            </>
          )}
        </nav>
        <div class="who">
          <div>
            <strong>{token.user}</strong>
          </div>
          <div class="muted">
            tenant {token.tenant} · {token.roles.join(', ') || 'no role'}
          </div>
          <button
            type="button"
            class="link"
            onClick={() => {
              clearToken();
              setToken(null);
            }}
          >
            Sign out
          </button>
        </div>
      </aside>
      <main class="content">{screen(route, engagement)}</main>
    </div>
  );
}

function screen(route: string[], engagement: string | undefined) {
  if (!engagement) return <Engagements />;
  switch (route[2]) {
    case 'flows':
      return <FlowView engagement={engagement} flowId={route[3] ?? ''} />;
    case 'inventory':
      return <Inventory engagement={engagement} />;
    case 'techdebt':
      return <TechDebt engagement={engagement} />;
    case 'dependencies':
      return <Dependencies engagement={engagement} />;
    case 'recommendations':
      return <Recommendations engagement={engagement} />;
    case 'waves':
      return <Waves engagement={engagement} />;
    case 'report':
      return <Reports engagement={engagement} />;
    default:
      return <Overview engagement={engagement} />;
  }
}
