document.querySelectorAll('.copy-link').forEach(function(b){b.addEventListener('click',function(){navigator.clipboard&&navigator.clipboard.writeText(location.href);});});
