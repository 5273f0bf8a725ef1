/* awesome_papers: what the site's scripts share: making elements, the site's root,
   fetching a file of the build with an error that names the file and its answer, and
   showing the listings that the page's head held back. */

export function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.keys(attributes || {}).forEach((name) => node.setAttribute(name, attributes[name]));
  if (text !== undefined) node.textContent = text;
  return node;
}

/* The site's root, relative to this page, as Sphinx writes it on <html>. */
export function contentRoot() {
  return document.documentElement.getAttribute("data-content_root") || "";
}

/* A paper's address from a rows file, from the page: its page under ``root``, or another
   site's address (the paper itself, on a site without paper pages) as it is. */
export function underRoot(root, url) {
  return /^https?:\/\//.test(url) ? url : root + url;
}

/* ``url`` fetched; a failed answer is an Error naming ``name`` (default: the URL). */
export async function fetchOk(url, name) {
  const response = await fetch(url);
  if (!response.ok) throw new Error((name || String(url)) + " answered " + response.status);
  return response;
}

export async function getJson(url, name) {
  return (await fetchOk(url, name)).json();
}

export async function getText(url, name) {
  return (await fetchOk(url, name)).text();
}

/* A page opened with a listing's query or facets in its address holds its papers back
   (``ap-narrowing`` on <html>, set in the head) so that all of them do not flash before
   the facets narrow them; the facets, or a failure to load them, show them again. */
export function revealListings() {
  document.documentElement.classList.remove("ap-narrowing");
}
