import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/**
 * What the web app may load. The built app is only files from this origin (Vite emits
 * no inline script or style, and React sets style props through the DOM, which CSP
 * allows); beyond that it embeds YouTube players, shows YouTube thumbnails and plays
 * video files from whatever address the user pasted, over https or plain http. The loop
 * editor drives a YouTube player through YouTube's IFrame Player API, whose script (and
 * the widget script it loads) come from www.youtube.com.
 */
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'", 'https://www.youtube.com'],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'https://i.ytimg.com'],
  fontSrc: ["'self'", 'data:'],
  mediaSrc: ["'self'", 'https:', 'http:'],
  frameSrc: ['https://www.youtube.com', 'https://www.youtube-nocookie.com'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
}

/**
 * Security headers on every response (Helmet, the Fastify organisation's own plugin):
 * the policy above, nosniff, and a referrer policy that still tells YouTube which site
 * embeds its player (its embeds refuse to play without a referrer).
 */
export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    // No helmet defaults: its upgrade-insecure-requests would turn the http: video URLs
    // users paste (and a development server on http://localhost) into failing https ones.
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  })
}
