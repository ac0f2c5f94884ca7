const search = document.getElementById('search');
const status = document.getElementById('status');
const count = document.getElementById('count');
const rows = Array.from(document.querySelectorAll('tbody tr'));
function apply() {
  const query = search.value.trim().toLowerCase();
  let shown = 0;
  for (const row of rows) {
    const visible = (!query || row.dataset.text.includes(query)) && (!status.value || row.dataset.status === status.value);
    row.hidden = !visible;
    if (visible) shown++;
  }
  for (const part of document.querySelectorAll('.group')) {
    part.hidden = !part.querySelector('tbody tr:not([hidden])');
  }
  for (const catalog of document.querySelectorAll('section.catalog')) {
    catalog.hidden = !catalog.querySelector('tbody tr:not([hidden])');
  }
  count.textContent = shown + ' of ' + rows.length + ' codes';
}
search.addEventListener('input', apply);
status.addEventListener('change', apply);
apply();
