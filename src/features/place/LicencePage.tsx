import { Placeholder } from '../../app/pages/Placeholder.tsx';

export default function LicencePage() {
  return <Placeholder titleKey="app.title" />;
}
