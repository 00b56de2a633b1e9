import type { APIRoute } from 'astro';
import { getContent } from '../lib/content/collection';
import { updatedOf } from '../lib/derived/site';
import { atomFeed } from '../lib/outputs/feed';
import { avanzamentoPonderato, coperturaAvanzamento } from '../lib/derived/metrics';
import { formatAvanzamento } from '../lib/view/format';
import { t } from '../lib/view/i18n';

/** /feed.xml: Atom feed of the objectives, newest update (git date of the file) first. */
export const GET: APIRoute = async () => {
  const { ente, obiettivi } = await getContent();
  const abs = (path: string) => new URL(path, ente.sito_url).href;
  const xml = atomFeed({
    title: t('feed.title', { ente: ente.nome }),
    self: abs('/feed.xml'),
    home: abs('/'),
    author: ente.nome,
    entries: obiettivi.map((o) => ({
      title: `${o.data.codice} ${o.data.titolo}`,
      url: abs(o.url),
      updated: updatedOf(o),
      summary: t('feed.summary', {
        centro: o.data.centro_di_responsabilita,
        responsabile: o.data.responsabile,
        avanzamento: formatAvanzamento(avanzamentoPonderato(o.data.fasi), coperturaAvanzamento(o.data.fasi)),
      }),
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
