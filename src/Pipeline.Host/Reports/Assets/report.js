// Pipeline report: layer and rule toggles, and quote-to-speaker links on article pages.
(function () {
  'use strict';

  function setOff(selector, off) {
    document.querySelectorAll(selector).forEach(function (el) { el.classList.toggle('off', off); });
  }

  document.addEventListener('change', function (e) {
    var box = e.target;
    if (box.dataset.toggleLayer !== undefined)
      setOff('#text [data-layer="' + CSS.escape(box.dataset.toggleLayer) + '"]', !box.checked);
    if (box.dataset.toggleRule !== undefined)
      setOff('[data-rule="' + CSS.escape(box.dataset.toggleRule) + '"]', !box.checked);
  });

  // Clicking a quote brings its speaker into view.
  document.addEventListener('click', function (e) {
    var quote = e.target.closest('#text [data-speaker-ref]');
    if (!quote || quote.classList.contains('off')) return;
    var speaker = document.getElementById(quote.dataset.speakerRef);
    if (!speaker) return;
    speaker.scrollIntoView({ block: 'center', behavior: 'smooth' });
    speaker.classList.remove('flash');
    void speaker.offsetWidth; // restart the animation
    speaker.classList.add('flash');
  });
})();
