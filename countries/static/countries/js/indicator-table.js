// "Add a row" for the indicator table (countries/panels.py): copies the empty row the
// formset renders in a <template>, numbered after the rows already there. Without
// JavaScript the table still has one empty row to fill in.
document.querySelectorAll("[data-indicator-add]").forEach((button) => {
  const prefix = button.dataset.indicatorAdd;
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const body = document.getElementById(`id_${prefix}-FORMS`);
  const template = document.getElementById(`id_${prefix}-EMPTY_FORM_TEMPLATE`);
  button.hidden = false;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    const html = template.innerHTML.replace(/__prefix__/g, String(index));
    body.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    body.lastElementChild.querySelector("select, input:not([type=hidden])")?.focus();
  });
});
