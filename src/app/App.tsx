import { LocationProvider, lazy, Route, Router } from 'preact-iso';
import { HomePage } from '../features/home/HomePage.tsx';
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
const ProductPage = lazy(() => import('../features/product/ProductPage.tsx'));
const ProductComplaintPage = lazy(() => import('../features/product/ProductComplaintPage.tsx'));

export function App() {
  return (
    <LocationProvider>
      {/* Keyed by language so a switch re-renders every translated string at once. */}
      <div class="shell" key={language.value}>
        <TopBar />
        <main id="main" class="shell-main" tabIndex={-1}>
          <ErrorScreen>
            <Router>
              <Route path="/" component={HomePage} />
              <Route path="/scan" component={ScanPage} />
              <Route path="/history" component={HistoryPage} />
              <Route path="/complaints" component={ComplaintsPage} />
              <Route path="/complaints/new/:gln" component={NewComplaintPage} />
              <Route path="/complaints/:id" component={ComplaintDetailPage} />
              <Route path="/report/missing-plate" component={MissingPlatePage} />
              <Route path="/place/:gln/:ext?" component={PlacePage} />
              <Route path="/licence/:id" component={LicencePage} />
              <Route path="/more" component={MorePage} />
              <Route path="/product/:gtin" component={ProductPage} />
              <Route path="/product/:gtin/complain" component={ProductComplaintPage} />
              <Route default component={NotFoundPage} />
            </Router>
          </ErrorScreen>
        </main>
        <BottomNav />
        <UpdatePrompt />
      </div>
    </LocationProvider>
  );
}
