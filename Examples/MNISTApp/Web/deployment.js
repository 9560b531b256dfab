/**
 * Where the page recognises drawings. Served by `MNISTExample serve`: on the server, with instant
 * in-browser predictions while drawing. `MNISTExample export-web` replaces this file with one that
 * sets `isStaticSite`: no server, every recognition in the browser.
 */
export const isStaticSite = false;
