import './locale.ts';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { api } from '../../api/app-client.ts';
import type { ApiClient } from '../../api/client.ts';
import type { NearbyItem } from '../../api/index.ts';
import { paths } from '../../api/paths.ts';
import type { Fix } from '../../api/plate-verdict.ts';
import { checkGtin } from '../../api/product-code.ts';
import { useT } from '../../app/t.ts';
import { putComplaint } from '../../db/complaints.ts';
import { formatRials } from '../../i18n/format.ts';
import { newId } from '../../sync/queue.ts';
import { ComplaintForm } from '../complaints/filing/ComplaintForm.tsx';
import { parseTypedNumber } from '../complaints/filing/evidence.ts';
import { NearbyShops } from '../complaints/missing-plate/NearbyShops.tsx';
import { useSyncStarted } from '../complaints/use-sync.ts';
import { locateOnce } from '../place/locate.ts';
import { lastScannedShop } from './last-shop.ts';
import { labelledPrice, overpricingDraft, printedGtin } from './overpricing-draft.ts';
import { Price } from './Price.tsx';
import { ProductProblem } from './ProductProblem.tsx';
import { useProduct } from './use-product.ts';
import '../../ui/field.css';
import './product.css';

type Shop = { gln: string; name?: string };
type Locating = 'idle' | 'busy' | 'failed' | Fix;

/**
 * `/product/{gtin}/complain`: "I paid more than this". The shop is the one last scanned or one
 * picked nearby; the product and its price come from the record. Then the ordinary complaint form
 * takes over, on a draft made here.
 */
export default function ProductComplaintPage({ client = api() }: { client?: ApiClient }) {
  const t = useT();
  useSyncStarted();
  const { params } = useRoute();
  const { route } = useLocation();
  const check = checkGtin(decodeURIComponent(params.gtin ?? ''));
  const { state } = useProduct(check.ok ? check.gtin : null, client);
  const [shop, setShop] = useState<Shop | null | undefined>(undefined);
  const [locating, setLocating] = useState<Locating>('idle');
  const [paid, setPaid] = useState('');
  const [paidError, setPaidError] = useState(false);
  const [draftId, setDraftId] = useState<string>();

  useEffect(() => {
    void lastScannedShop().then(setShop);
    // Submitting opens the complaint's page; load its chunk while there is surely a network.
    void import('../complaints/tracking/ComplaintDetailPage.tsx');
  }, []);

  if (!check.ok) return <ProductProblem check={check} gtin={check.gtin} />;
  if (state.kind === 'loading' || shop === undefined)
    return (
      <section class="page product" aria-busy="true">
        <p role="status">{t('product:loading')}</p>
      </section>
    );
  if (state.kind === 'failed') return <ProductProblem failure={state.failure} gtin={check.gtin} />;
  const product = state.record;
  const max = labelledPrice(product);

  if (draftId && shop)
    return (
      <section class="page product-complain">
        <h1>{t('product:paidMore.heading')}</h1>
        <p>{t('product:paidMore.shop', { name: shop.name ?? shop.gln })}</p>
        <ComplaintForm
          key={draftId}
          target={{ gln: shop.gln, draftId, placeName: shop.name, serviceCode: 'overpricing' }}
          placeName={shop.name ?? shop.gln}
          onSubmitted={(id) => route(paths.complaint(id))}
        />
      </section>
    );

  const start = async () => {
    if (!shop) return;
    if (parseTypedNumber(paid) === undefined) {
      setPaidError(true);
      queueMicrotask(() => document.getElementById('paid')?.focus());
      return;
    }
    const none = t('product:paidMore.none');
    const rials = (n: number | undefined) =>
      n ? t('product:price.rials', { amount: formatRials(n) }) : none;
    const complaint = overpricingDraft({
      id: newId(),
      product,
      shop,
      pricePaid: paid,
      productText: t('product:paidMore.productText', {
        name: product.name,
        size: product.size,
        brand: product.brand,
        gtin: printedGtin(product),
      }),
      description: t('product:paidMore.description', {
        printed: rials(product.printedPrice ?? undefined),
        approved: rials(product.approvedPrice?.rials),
      }),
      formatPrice: (n) => formatRials(n),
      now: Date.now(),
    });
    await putComplaint(complaint);
    setDraftId(complaint.id);
  };

  const findNearby = async () => {
    setLocating('busy');
    const r = await locateOnce();
    setLocating(r.status === 'ok' ? r.fix : 'failed');
  };
  const pick = (s: NearbyItem) => {
    setShop({ gln: s.gln, name: s.name });
    setLocating('idle');
  };

  return (
    <section class="page product-complain">
      <h1>{t('product:paidMore.heading')}</h1>
      <div class="card">
        <p class="product-meta">{t('product:paidMore.product')}</p>
        <p>
          <strong>{product.name}</strong> ({product.size})
        </p>
        {max !== undefined && (
          <p>
            {t('product:paidMore.maxPrice')}
            <Price rials={max} />
          </p>
        )}
      </div>

      <section class="card shop-choice" aria-labelledby="shop-heading">
        <h2 id="shop-heading">{t('product:paidMore.shopHeading')}</h2>
        {shop ? (
          <p>
            {t('product:paidMore.shop', { name: shop.name ?? shop.gln })}
            <span class="product-meta">{t('product:paidMore.lastShop')}</span>
          </p>
        ) : (
          <p>{t('product:paidMore.noShop')}</p>
        )}
        {locating === 'idle' && (
          <button type="button" class="btn" onClick={findNearby}>
            {shop ? t('product:paidMore.changeShop') : t('product:paidMore.pickNearby')}
          </button>
        )}
        {locating === 'busy' && <p role="status">{t('product:paidMore.locating')}</p>}
        {locating === 'failed' && <p class="banner banner-warn">{t('product:paidMore.locateFailed')}</p>}
        {typeof locating === 'object' && (
          <NearbyShops fix={locating} onPick={pick} onNone={() => setLocating('idle')} />
        )}
        {!shop && (
          <a class="btn" href={paths.scan()}>
            {t('product:paidMore.scanPlate')}
          </a>
        )}
      </section>

      {shop && (
        <div class="card">
          <div class="field">
            <label class="field-label" for="paid">
              {t('product:paidMore.paid')}
            </label>
            <input
              id="paid"
              class="field-input"
              inputMode="numeric"
              autoComplete="off"
              value={paid}
              aria-invalid={paidError}
              aria-describedby="paid-hint"
              onInput={(e) => {
                setPaid((e.target as HTMLInputElement).value);
                setPaidError(false);
              }}
            />
            <p id="paid-hint" class={paidError ? 'field-error' : 'field-hint'}>
              {paidError ? t('product:paidMore.paidNeeded') : t('product:paidMore.paidHint')}
            </p>
          </div>
          <button type="button" class="btn btn-primary btn-block" onClick={() => void start()}>
            {t('product:paidMore.continue')}
          </button>
        </div>
      )}
    </section>
  );
}
