'use strict';
const search = document.getElementById('search');
const status = document.getElementById('status');
const count = document.getElementById('count');
const empty = document.getElementById('empty');
const emptyText = document.getElementById('empty-text');
const header = document.querySelector('header');
const main = document.querySelector('main');
const rows = Array.from(document.querySelectorAll('tr[id]'));
const groups = Array.from(document.querySelectorAll('tbody'));
const catalogs = Array.from(document.querySelectorAll('section.catalog'));
const links = new Map(Array.from(document.querySelectorAll('nav a'), (a) => [a.hash.slice(1), a]));

function apply() {
  const query = search.value.trim().toLowerCase();
  let shown = 0;
  for (const row of rows) {
    const visible = (!query || row.dataset.text.includes(query)) &&
      (!status.value || row.dataset.status === status.value);
    row.hidden = !visible;
    if (visible) shown++;
  }
  for (const group of groups) {
    group.hidden = !group.querySelector('tr[id]:not([hidden])');
  }
  for (const catalog of catalogs) {
    catalog.hidden = !catalog.querySelector('tr[id]:not([hidden])');
    links.get(catalog.id)?.classList.toggle('none', catalog.hidden);
  }
  count.textContent = shown + ' of ' + rows.length + ' codes';
  empty.hidden = shown > 0;
  if (!shown) {
    const what = [];
    if (search.value.trim()) what.push('“' + search.value.trim() + '”');
    if (status.value) what.push('HTTP ' + status.value);
    emptyText.textContent = 'No code matches ' + what.join(' with ') + '.';
  }
}

// The filter lives in the query string (`?q=…&status=…`), so that a
// reload or a shared link shows the same rows; the fragment stays free
// for the anchors (`?q=404#console-40400004`).
function readUrl() {
  const params = new URLSearchParams(location.search);
  search.value = params.get('q') ?? '';
  const wanted = params.get('status') ?? '';
  status.value = Array.from(status.options).some((o) => o.value === wanted) ? wanted : '';
}

function writeUrl() {
  const url = new URL(location.href);
  const query = search.value.trim();
  if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
  if (status.value) url.searchParams.set('status', status.value); else url.searchParams.delete('status');
  // Replaced, not pushed: each keystroke is no step back.
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

function changed() {
  apply();
  writeUrl();
  // Deep in the list, the first match goes right below the header.
  const top = main.offsetTop - header.offsetHeight;
  if (window.scrollY > top) window.scrollTo(0, top);
}

function measure() {
  document.documentElement.style.setProperty('--header-height', header.offsetHeight + 'px');
}

search.addEventListener('input', changed);
status.addEventListener('change', changed);
document.getElementById('clear').addEventListener('click', () => {
  search.value = '';
  status.value = '';
  changed();
  search.focus();
});
window.addEventListener('popstate', () => {
  readUrl();
  apply();
});
new ResizeObserver(measure).observe(header);

readUrl();
apply();
measure();
// The browser may have gone to the anchor before the header was measured
// or the rows filtered; a link followed (not a reload) goes there again.
const navigation = performance.getEntriesByType('navigation')[0];
let target = null;
try {
  target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
} catch {
  // A malformed fragment names no element.
}
if (target && navigation?.type !== 'reload' && navigation?.type !== 'back_forward') {
  target.scrollIntoView();
}
