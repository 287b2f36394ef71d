import { Placeholder } from '../../app/pages/Placeholder.tsx';

export default function NewComplaintPage() {
  return <Placeholder titleKey="nav.complaints" />;
}
