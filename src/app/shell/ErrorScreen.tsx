import { Component, type ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { paths } from '../../api/paths.ts';
import { i18n } from '../../i18n/setup.ts';

type Props = { children: ComponentChildren; url: string };
type State = { failedAt: string | null };

// A render error in one page must not blank the whole app: show a Persian message and a way back.
// The boundary resets itself when the shopper navigates elsewhere.
class Boundary extends Component<Props, State> {
  override state: State = { failedAt: null };

  override componentDidCatch(error: unknown) {
    console.error(error);
    this.setState({ failedAt: this.props.url });
  }

  override render() {
    const { failedAt } = this.state;
    if (failedAt === null || failedAt !== this.props.url) return this.props.children;
    const t = i18n.t.bind(i18n);
    return (
      <section class="page page-center" role="alert">
        <h1>{t('error.heading')}</h1>
        <p>{t('error.text')}</p>
        <div class="actions">
          <button type="button" class="btn btn-primary" onClick={() => this.setState({ failedAt: null })}>
            {t('error.retry')}
          </button>
          <a class="btn" href={paths.home()}>
            {t('error.home')}
          </a>
        </div>
      </section>
    );
  }
}

export function ErrorScreen({ children }: { children: ComponentChildren }) {
  const { url } = useLocation();
  return <Boundary url={url}>{children}</Boundary>;
}
