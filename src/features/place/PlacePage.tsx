import { Placeholder } from '../../app/pages/Placeholder.tsx';

export default function PlacePage() {
  return <Placeholder titleKey="app.title" />;
}
