import { Placeholder } from '../../app/pages/Placeholder.tsx';

export default function HistoryPage() {
  return <Placeholder titleKey="nav.history" />;
}
