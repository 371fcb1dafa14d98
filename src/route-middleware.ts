// Adds the chapter number to a chapter's title: the page heading, the
// browser tab and link previews read "2 Linear algebra in code". Numbers
// come from src/toc.ts.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { CHAPTERS } from './toc.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const ch = CHAPTERS.find((c) => c.slug === route.entry.id);
  if (!ch) return;
  const plain = route.entry.data.title;
  const numbered = `${ch.number} ${plain}`;
  route.entry.data.title = numbered;
  for (const tag of route.head) {
    if (tag.tag === 'title' && tag.content?.startsWith(plain)) {
      tag.content = numbered + tag.content.slice(plain.length);
    }
    const prop = tag.attrs?.property ?? tag.attrs?.name;
    if (tag.tag === 'meta' && /(og|twitter):title/.test(String(prop))) {
      tag.attrs = { ...tag.attrs, content: numbered };
    }
  }
});
