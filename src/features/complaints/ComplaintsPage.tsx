import { Placeholder } from '../../app/pages/Placeholder.tsx';

export default function ComplaintsPage() {
  return <Placeholder titleKey="nav.complaints" />;
}
