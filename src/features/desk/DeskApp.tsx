import './locale.ts';
import './desk.css';
import { useEffect } from 'preact/hooks';
import { Route, Router, useLocation } from 'preact-iso';
import { DESK_QUEUE_ROUTES, ROUTES } from '../../api/paths.ts';
import { language } from '../../app/language.ts';
import { AuditPage } from './AuditPage.tsx';
import ComplaintPage from './complaint/ComplaintPage.tsx';
import { DeskHome } from './DeskHome.tsx';
import { DeskLayout } from './DeskLayout.tsx';
import DashboardPage from './dashboard/DashboardPage.tsx';
import { CountyCasePage } from './field/CountyCasePage.tsx';
import { CountyPage } from './field/CountyPage.tsx';
import { VerifyPage } from './field/VerifyPage.tsx';
import ModerationPage from './moderation/ModerationPage.tsx';
import QueuePage from './queue/QueuePage.tsx';
import { SignInPage } from './SignInPage.tsx';
import { setDeskNavigation } from './session.ts';
import TemplatesPage from './templates/TemplatesPage.tsx';

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
        <Route path={DESK_QUEUE_ROUTES.queue} component={() => <DeskLayout page={QueuePage} />} />
        <Route path={DESK_QUEUE_ROUTES.complaint} component={() => <DeskLayout page={ComplaintPage} />} />
        <Route path={DESK_QUEUE_ROUTES.dashboard} component={() => <DeskLayout page={DashboardPage} />} />
        <Route path={DESK_QUEUE_ROUTES.templates} component={() => <DeskLayout page={TemplatesPage} />} />
        <Route path={ROUTES.deskCounty} component={() => <DeskLayout page={CountyPage} />} />
        <Route path={ROUTES.deskCountyCase} component={() => <DeskLayout page={CountyCasePage} />} />
        <Route path={ROUTES.deskVerify} component={() => <DeskLayout page={VerifyPage} />} />
        <Route path={ROUTES.deskModeration} component={() => <DeskLayout page={ModerationPage} />} />
        <Route path={ROUTES.deskAudit} component={() => <DeskLayout page={AuditPage} />} />
        <Route default component={() => <DeskLayout page={DeskHome} />} />
      </Router>
    </div>
  );
}
