// Full-text search over window.dossierSearchIndex (assets/search-index.js, loaded by a script element,
// so it works from file:// where fetch is refused). Matching ignores case and diacritics; results
// whose spelling matches the query exactly, accents included, rank first. Results are built with DOM
// methods only: no text from the index is ever parsed as HTML.
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var data = window.dossierSearchIndex;
  if (!form || !input || !status || !list) {
    return;
  }
  if (!data || !data.documents) {
    status.textContent = 'The search index could not be loaded.';
    return;
  }

  var root = form.getAttribute('data-root') || '';
  var wordChar = /[\p{L}\p{N}]/u;

  // Folds one character at a time so folded text keeps the original's positions (for snippets).
  function fold(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      var f = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\u0111/g, 'd').replace(/\u0110/g, 'D').toLowerCase();
      out += f.length === 1 ? f : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    }
    return out;
  }

  function exact(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var l = text.charAt(i).toLowerCase();
      out += l.length === 1 ? l : text.charAt(i);
    }
    return out;
  }

  function terms(query) {
    return query.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
  }

  // Positions where needle starts a word in haystack.
  function hits(haystack, needle) {
    var found = [];
    if (!needle) {
      return found;
    }
    var at = haystack.indexOf(needle);
    while (at >= 0) {
      if (at === 0 || !wordChar.test(haystack.charAt(at - 1))) {
        found.push(at);
      }
      at = haystack.indexOf(needle, at + 1);
    }
    return found;
  }

  var docs = data.documents.map(function (d) {
    var text = (d.text || '').normalize('NFC');
    var title = d.title.normalize('NFC');
    var extra = [d.source || ''].concat(d.people || [], d.tags || []).join(' \u2022 ').normalize('NFC');
    return {
      doc: d, text: text, title: title,
      foldedTitle: fold(title), foldedText: fold(text), foldedExtra: fold(extra),
      exactTitle: exact(title), exactText: exact(text), exactExtra: exact(extra)
    };
  });

  function score(entry, words, phrase) {
    var total = 0;
    var matchedAll = true;
    words.forEach(function (w) {
      var f = fold(w);
      var e = exact(w);
      var inTitle = hits(entry.foldedTitle, f).length;
      var inText = hits(entry.foldedText, f).length;
      var inExtra = hits(entry.foldedExtra, f).length;
      if (inTitle + inText + inExtra === 0) {
        matchedAll = false;
        return;
      }
      total += inTitle * 10 + inExtra * 6 + Math.min(inText, 10);
      var exactCount = hits(entry.exactTitle, e).length * 10 + hits(entry.exactExtra, e).length * 6 + Math.min(hits(entry.exactText, e).length, 10);
      total += exactCount * 2;
    });
    if (words.length > 1) {
      var joined = fold(words.join(''));
      var joinedHits = hits(entry.foldedTitle, joined).length * 10 + Math.min(hits(entry.foldedText, joined).length, 10);
      var foldedPhrase = hits(entry.foldedTitle + ' \n ' + entry.foldedText, fold(phrase)).length;
      var exactPhrase = hits(entry.exactTitle + ' \n ' + entry.exactText, exact(phrase)).length;
      total += joinedHits + foldedPhrase * 5 + exactPhrase * 20;
      // "viet nam" also finds "Vietnam": the spaced and unspaced spellings are the same name.
      if (!matchedAll && joinedHits > 0) {
        matchedAll = true;
      }
    }
    return matchedAll ? total : 0;
  }

  function snippet(entry, words) {
    var p = document.createElement('p');
    p.className = 'snippet';
    p.lang = entry.doc.language;
    var folded = words.map(fold);
    var first = -1;
    folded.forEach(function (f) {
      var h = hits(entry.foldedText, f);
      if (h.length > 0 && (first < 0 || h[0] < first)) {
        first = h[0];
      }
    });
    var start = Math.max(0, first < 0 ? 0 : first - 80);
    var end = Math.min(entry.text.length, start + 220);
    var part = entry.text.slice(start, end);
    var foldedPart = entry.foldedText.slice(start, end);
    var marks = [];
    folded.forEach(function (f) {
      hits(foldedPart, f).forEach(function (at) { marks.push([at, at + f.length]); });
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    if (start > 0) {
      p.appendChild(document.createTextNode('\u2026'));
    }
    marks.forEach(function (m) {
      if (m[0] < pos) {
        return;
      }
      p.appendChild(document.createTextNode(part.slice(pos, m[0])));
      var mark = document.createElement('mark');
      mark.textContent = part.slice(m[0], m[1]);
      p.appendChild(mark);
      pos = m[1];
    });
    p.appendChild(document.createTextNode(part.slice(pos) + (end < entry.text.length ? '\u2026' : '')));
    return p;
  }

  function run(query) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    var words = terms(query);
    if (words.length === 0) {
      status.textContent = '';
      return;
    }
    var phrase = words.join(' ');
    var results = docs.map(function (entry) { return { entry: entry, score: score(entry, words, phrase) }; })
      .filter(function (r) { return r.score > 0; })
      .sort(function (a, b) {
        return b.score - a.score || (b.entry.doc.date || '').localeCompare(a.entry.doc.date || '') || (a.entry.doc.url < b.entry.doc.url ? -1 : 1);
      });
    status.textContent = results.length === 0 ? 'No article matches \u201c' + query + '\u201d.'
      : results.length + (results.length === 1 ? ' article matches' : ' articles match') + ' \u201c' + query + '\u201d.';
    results.forEach(function (r) {
      var d = r.entry.doc;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + d.url;
      a.lang = d.language;
      a.hreflang = d.language;
      a.textContent = d.title;
      li.appendChild(a);
      var meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = ' ' + [d.date_display || 'Undated', d.source].filter(Boolean).join(' \u00b7 ');
      li.appendChild(meta);
      li.appendChild(snippet(r.entry, words));
      list.appendChild(li);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run(input.value);
  });
  input.addEventListener('input', function () { run(input.value); });

  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    run(initial);
  }
}());
