import { Placeholder } from '../../app/pages/Placeholder.tsx';

export default function ComplaintDetailPage() {
  return <Placeholder titleKey="nav.complaints" />;
}
