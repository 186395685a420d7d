// Search page: changing the sort submits the form (the page works without this).
(function () {
  var sort = document.querySelector(".search-form select[name=sort]");
  if (sort) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  }
})();
