import { useLocation } from 'preact-iso';
import { paths } from '../../api/paths.ts';
import { localDigits } from '../../i18n/format.ts';
import { useT } from '../t.ts';
import { unreadReplies } from '../unread.ts';
import { Icon, type IconName } from './icons.tsx';

const items: { href: string; key: string; icon: IconName }[] = [
  { href: paths.scan(), key: 'nav.scan', icon: 'scan' },
  { href: paths.near(), key: 'nav.near', icon: 'near' },
  { href: paths.history(), key: 'nav.history', icon: 'history' },
  { href: paths.complaints(), key: 'nav.complaints', icon: 'complaints' },
  { href: paths.more(), key: 'nav.more', icon: 'more' },
];

export function BottomNav() {
  const t = useT();
  const { path } = useLocation();
  const unread = unreadReplies.value;
  return (
    <nav class="bottom-nav" aria-label={t('nav.label')}>
      {items.map((item) => {
        const current = path === item.href || path.startsWith(`${item.href}/`);
        return (
          <a
            key={item.href}
            href={item.href}
            class="bottom-nav-item"
            aria-current={current ? 'page' : undefined}
          >
            <span class="bottom-nav-icon">
              <Icon name={item.icon} />
              {item.icon === 'complaints' && unread > 0 && (
                <span class="badge" data-testid="unread-badge">
                  {localDigits(unread)}
                  <span class="visually-hidden">{t('nav.unread', { count: unread })}</span>
                </span>
              )}
            </span>
            <span class="bottom-nav-label">{t(item.key)}</span>
          </a>
        );
      })}
    </nav>
  );
}
