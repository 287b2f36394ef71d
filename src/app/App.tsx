import { LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { isDeskPath, ROUTES } from '../api/paths.ts';
import { HomePage } from '../features/home/HomePage.tsx';
import { DeskArea } from './DeskArea.tsx';
import { language } from './language.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { BottomNav } from './shell/BottomNav.tsx';
import { ErrorScreen } from './shell/ErrorScreen.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { UpdatePrompt } from './shell/UpdatePrompt.tsx';
import './shell/layout.css';

// Lazy boundary: everything below is loaded on its route, not on first paint.
const ScanPage = lazy(() => import('../features/scan/ScanPage.tsx'));
const HistoryPage = lazy(() => import('../features/history/HistoryPage.tsx'));
const ComplaintsPage = lazy(() => import('../features/complaints/tracking/ComplaintsPage.tsx'));
const ComplaintDetailPage = lazy(() => import('../features/complaints/tracking/ComplaintDetailPage.tsx'));
const NewComplaintPage = lazy(() => import('../features/complaints/filing/NewComplaintPage.tsx'));
const MissingPlatePage = lazy(() => import('../features/complaints/missing-plate/MissingPlatePage.tsx'));
const PlacePage = lazy(() => import('../features/place/PlacePage.tsx'));
const LicencePage = lazy(() => import('../features/place/LicencePage.tsx'));
const MorePage = lazy(() => import('../features/more/MorePage.tsx'));
const NearPage = lazy(() => import('../features/near/NearPage.tsx'));
const ProductPage = lazy(() => import('../features/product/ProductPage.tsx'));
const ProductComplaintPage = lazy(() => import('../features/product/ProductComplaintPage.tsx'));

export function App() {
  return (
    <LocationProvider>
      <Area />
    </LocationProvider>
  );
}

/** The staff's desk has a layout of its own; everything else is the shopper's app. */
function Area() {
  const { path } = useLocation();
  return isDeskPath(path) ? <DeskArea /> : <ShopperShell />;
}

function ShopperShell() {
  return (
    <>
      {/* Keyed by language so a switch re-renders every translated string at once. */}
      <div class="shell" key={language.value}>
        <TopBar />
        <main id="main" class="shell-main" tabIndex={-1}>
          <ErrorScreen>
            <Router>
              <Route path={ROUTES.home} component={HomePage} />
              <Route path={ROUTES.scan} component={ScanPage} />
              <Route path={ROUTES.history} component={HistoryPage} />
              <Route path={ROUTES.complaints} component={ComplaintsPage} />
              <Route path={ROUTES.newComplaint} component={NewComplaintPage} />
              <Route path={ROUTES.complaint} component={ComplaintDetailPage} />
              <Route path={ROUTES.missingPlate} component={MissingPlatePage} />
              <Route path={ROUTES.place} component={PlacePage} />
              <Route path={ROUTES.licence} component={LicencePage} />
              <Route path={ROUTES.more} component={MorePage} />
              <Route path={ROUTES.near} component={NearPage} />
              <Route path={ROUTES.product} component={ProductPage} />
              <Route path={ROUTES.productComplaint} component={ProductComplaintPage} />
              <Route default component={NotFoundPage} />
            </Router>
          </ErrorScreen>
        </main>
        <BottomNav />
        <UpdatePrompt />
      </div>
    </>
  );
}
