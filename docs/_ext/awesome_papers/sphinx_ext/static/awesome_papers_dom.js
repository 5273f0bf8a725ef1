/* awesome_papers: what the site's scripts share: making elements, the site's root, and
   fetching a file of the build with an error that names the file and its answer. */

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
