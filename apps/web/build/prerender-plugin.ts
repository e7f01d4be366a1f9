import { createServer, type Plugin } from 'vite'

const ROOT_ELEMENT = '<div id="root"></div>'
const TITLE = /<title>[^<]*<\/title>/

/**
 * Writes guest-landing.html and guest-shell.html next to index.html: the same page with the
 * app's landing page or its loading shell already in #root (src/app/prerender.tsx renders
 * them). No compressed copies: the server adds to each page per request and compresses it
 * as it sends it.
 */
export function prerenderGuestPages(): Plugin {
  let root = ''
  return {
    name: 'loopquiz:prerender-guest-pages',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    generateBundle: {
      // After Vite's own HTML plugin has added index.html.
      order: 'post',
      async handler(_options, bundle) {
        const index = bundle['index.html']
        if (index?.type !== 'asset') return
        const html = String(index.source)
        if (!html.includes(ROOT_ELEMENT)) this.error('index.html has no empty #root to fill')
        const server = await createServer({
          root,
          configFile: false,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
        })
        try {
          const { renderGuestPages } = (await server.ssrLoadModule('/src/app/prerender.tsx')) as {
            renderGuestPages: () => Promise<Record<'landing' | 'shell', string>>
          }
          const pages = await renderGuestPages()
          for (const [name, body] of Object.entries(pages)) {
            // React writes a page's <title> where the page renders it; it belongs in the head.
            const title = TITLE.exec(body)?.[0]
            const page = (title ? html.replace(TITLE, title) : html).replace(
              ROOT_ELEMENT,
              `<div id="root">${title ? body.replace(title, '') : body}</div>`,
            )
            this.emitFile({ type: 'asset', fileName: `guest-${name}.html`, source: page })
          }
        } finally {
          await server.close()
        }
      },
    },
  }
}
