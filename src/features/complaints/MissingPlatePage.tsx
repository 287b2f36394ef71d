import { Placeholder } from '../../app/pages/Placeholder.tsx';

export default function MissingPlatePage() {
  return <Placeholder titleKey="home.missingPlate" />;
}
