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

function changed() {
  apply();
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
new ResizeObserver(measure).observe(header);

apply();
measure();
// The browser may have gone to the anchor before the header was
// measured; a link followed (not a reload) goes there again.
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
