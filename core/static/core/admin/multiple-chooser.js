/* The MultipleChooser widget (core/widgets.py): "Add" opens Wagtail's chooser modal in its
   multiple mode (search, tick several, confirm); each chosen item becomes a hidden input of the
   field, with a button to remove it. Uses the admin's globals ModalWorkflow and
   ChooserModalOnloadHandlerFactory, as Wagtail's own choosers do. */
(() => {
  function setUp(root) {
    const list = root.querySelector('[data-multiple-chooser-list]');
    const template = root.querySelector('[data-multiple-chooser-template]');

    function add(item) {
      const id = String(item.id);
      const present = Array.from(list.querySelectorAll('input')).some((input) => input.value === id);
      if (present) {
        return;
      }
      const row = template.content.firstElementChild.cloneNode(true);
      const title = item.title || item.string || id;
      const input = row.querySelector('input');
      input.name = root.dataset.name;
      input.value = id;
      row.querySelector('[data-multiple-chooser-title]').textContent = title;
      const remove = row.querySelector('[data-multiple-chooser-remove]');
      remove.setAttribute('aria-label', `${remove.dataset.removeLabel} ${title}`);
      list.append(row);
    }

    root.querySelector('[data-multiple-chooser-add]').addEventListener('click', () => {
      // eslint-disable-next-line no-undef
      ModalWorkflow({
        url: root.dataset.chooserUrl,
        urlParams: { multiple: 1 },
        // eslint-disable-next-line no-undef
        onload: new ChooserModalOnloadHandlerFactory().getOnLoadHandlers(),
        responses: {
          chosen: (result) => {
            [].concat(result).forEach(add);
          },
        },
      });
    });

    list.addEventListener('click', (event) => {
      const button = event.target.closest('[data-multiple-chooser-remove]');
      if (button) {
        button.closest('li').remove();
        root.querySelector('[data-multiple-chooser-add]').focus();
      }
    });
  }

  function setUpAll() {
    document.querySelectorAll('[data-multiple-chooser]:not([data-ready])').forEach((root) => {
      root.setAttribute('data-ready', '');
      setUp(root);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUpAll);
  } else {
    setUpAll();
  }
})();
