// Staff import page: shows upload progress while htmx sends the file (kept out of the page for the CSP).
(function () {
	var form = document.getElementById('upload-form');
	var bar = document.getElementById('upload-progress');
	var status = document.getElementById('upload-status');
	if (!form || !bar || !status) {
		return;
	}
	form.addEventListener('htmx:xhr:progress', function (evt) {
		if (evt.detail.lengthComputable) {
			bar.hidden = false;
			bar.value = Math.round(evt.detail.loaded * 100 / evt.detail.total);
			status.textContent = bar.value < 100 ? 'uploading ' + bar.value + '%' : 'checking every row…';
		}
	});
	form.addEventListener('htmx:afterRequest', function () {
		bar.hidden = true;
		status.textContent = '';
	});
})();
