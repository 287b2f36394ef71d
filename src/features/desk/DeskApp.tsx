import './locale.ts';
import './desk.css';
import { useEffect } from 'preact/hooks';
import { Route, Router, useLocation } from 'preact-iso';
import { ROUTES } from '../../api/paths.ts';
import { language } from '../../app/language.ts';
import { AuditPage } from './AuditPage.tsx';
import { DeskHome } from './DeskHome.tsx';
import { DeskLayout } from './DeskLayout.tsx';
import { SignInPage } from './SignInPage.tsx';
import { setDeskNavigation } from './session.ts';

// The desk: its own router inside the app. Sign-in stands alone; every other page renders inside
// the layout, which shows it only to a signed-in person. Other parts add their pages here and
// their nav entries in nav.ts.

export default function DeskApp() {
  const { route } = useLocation();
  useEffect(() => setDeskNavigation(route), [route]);
  return (
    // Keyed by language so a switch re-renders every translated string at once.
    <div class="desk" key={language.value}>
      <Router>
        <Route path={ROUTES.deskSignIn} component={SignInPage} />
        <Route path={ROUTES.desk} component={() => <DeskLayout page={DeskHome} />} />
        <Route path={ROUTES.deskAudit} component={() => <DeskLayout page={AuditPage} />} />
        <Route default component={() => <DeskLayout page={DeskHome} />} />
      </Router>
    </div>
  );
}
