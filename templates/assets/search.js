// Search over the sharded index in assets/search/ (written by the build, see SearchIndexRenderer). Every
// shard is a script that calls dossierSearchLoaded(key, data), so it loads from file:// where fetch is
// refused, and only the shards a query needs are loaded: the term chunks holding its words, the pair shards
// saying where they stand side by side when it has several words, one small file per result shown, and the
// filters' facets after them.
//
// Matching: every query word matches a whole word (the last may match as a prefix while typing); case and
// accents are folded (đ→d) the way SearchText.cs folds at build time; an exact spelling, accents included,
// ranks higher; adjacent query words found side by side rank as a phrase. Scores are the build's BM25F
// weights (title, people and tags above body); ties go to the newer article (lower id).
// Results are built with DOM methods only: no text from the index is ever parsed as HTML.
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var suggestions = document.getElementById('search-suggestions');
  var filterBox = document.getElementById('search-filters');
  var index = window.dossierSearchIndex;
  if (!form || !input || !status || !list) {
    return;
  }
  // The page's words, in the site's language (templates/i18n), carried by the form's data-text-* attributes.
  function text(name, values) {
    var t = form.getAttribute('data-text-' + name) || '';
    Object.keys(values || {}).forEach(function (k) { t = t.split('{' + k + '}').join(values[k]); });
    return t;
  }
  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, form.getAttribute('data-number-separator') || ',');
  }
  if (!index || !index.chunks) {
    status.textContent = text('unavailable');
    return;
  }

  var PAGE = 20;
  var MAX_WORD = 40;
  var FACETS = [{ param: 'language' }, { param: 'year' }, { param: 'source' }, { param: 'person' }, { param: 'tag' }];
  var root = form.getAttribute('data-root') || '';
  var base = root + 'assets/search/';
  var has = Object.prototype.hasOwnProperty;

  // ---- Shards -------------------------------------------------------------------------------------------
  var loaded = {};
  var pending = {};
  window.dossierSearchLoaded = function (key, data) { loaded[key] = data; };

  function load(key) {
    if (!pending[key]) {
      pending[key] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = base + key + '.js';
        script.onload = function () {
          script.remove();
          if (has.call(loaded, key)) {
            resolve(loaded[key]);
          } else {
            reject(new Error(key));
          }
        };
        script.onerror = function () {
          script.remove();
          delete pending[key];
          reject(new Error(key));
        };
        document.head.appendChild(script);
      });
    }
    return pending[key];
  }

  // ---- Words (the same rules as SearchText.cs) ----------------------------------------------------------
  function fold(word) {
    return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\u0111/g, 'd').normalize('NFC');
  }

  function words(text) {
    var out = [];
    var re = /[\p{L}\p{N}\p{M}]+/gu;
    var m;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length <= MAX_WORD) {
        var exact = m[0].toLowerCase();
        out.push({ start: m.index, end: m.index + m[0].length, exact: exact, folded: fold(exact) });
      }
    }
    return out;
  }

  // The chunk whose first word is the last one at or before word; -1 if word sorts before every chunk.
  function chunkOf(word) {
    var lo = 0;
    var hi = index.chunks.length - 1;
    var found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (index.chunks[mid] <= word) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  // ---- Numbers in strings (SearchDigits.cs) --------------------------------------------------------------
  // Base-32 digits, low first, in the base64url alphabet with 32 added while more digits follow: posting lists and
  // facet sets are written so, half the bytes of a JSON array and no array literal for the page to parse.
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = new Int8Array(128);
  for (var d = 0; d < ALPHABET.length; d++) {
    DIGIT[ALPHABET.charCodeAt(d)] = d;
  }

  function Digits(s, at) {
    this.s = s;
    this.at = at || 0;
  }

  Digits.prototype.more = function () {
    return this.at < this.s.length;
  };

  Digits.prototype.next = function () {
    var value = 0;
    var scale = 1;
    var digit;
    do {
      digit = DIGIT[this.s.charCodeAt(this.at++)];
      value += (digit & 31) * scale;
      scale *= 32;
    } while (digit & 32);
    return value;
  };

  // How many articles a term entry lists: the first number of its postings.
  function postingCount(entry) {
    return new Digits(entry[1]).next();
  }

  // ---- Matching -----------------------------------------------------------------------------------------
  // One query word → the index words it matches: itself, or while typing (last word) the words it begins.
  function lookup(word, prefix) {
    var first = chunkOf(word.folded);
    var last = prefix ? chunkOf(word.folded + '\uffff') : first;
    if (last < 0) {
      return Promise.resolve([]);
    }
    first = Math.max(first, 0);
    last = Math.min(last, first + 2);
    var keys = [];
    for (var c = first; c <= last; c++) {
      keys.push(c);
    }
    return Promise.all(keys.map(function (c) { return load('terms/' + c); })).then(function (shards) {
      var found = [];
      shards.forEach(function (shard, i) {
        if (!prefix) {
          if (has.call(shard, word.folded)) {
            found.push({ term: word.folded, chunk: keys[i], entry: shard[word.folded], whole: true });
          }
          return;
        }
        Object.keys(shard).forEach(function (term) {
          if (term.lastIndexOf(word.folded, 0) === 0) {
            found.push({ term: term, chunk: keys[i], entry: shard[term], whole: term === word.folded });
          }
        });
      });
      // While typing, the most common completions are enough.
      found.forEach(function (f) { f.count = postingCount(f.entry); });
      found.sort(function (a, b) { return (b.whole - a.whole) || (b.count - a.count); });
      return found.slice(0, 40);
    });
  }

  // Score of one query word per document id (0 where it does not occur), over its matches; exact spellings
  // count double, completions half. Typed arrays indexed by document: at 100,000 articles a word is in most of
  // them, and a Map of that size costs several times as much to fill and read.
  function scoresOf(word, matches) {
    var scores = new Float64Array(index.documents);
    matches.forEach(function (match) {
      var spellings = match.entry[0];
      var bits = 0;
      spellings.forEach(function (s, i) {
        if (i < 30 && (match.whole ? s === word.exact : s.lastIndexOf(word.exact, 0) === 0)) {
          bits |= 1 << i;
        }
      });
      // The postings string: their count, then per article the gap after the last one, the weight and the mask.
      var postings = new Digits(match.entry[1]);
      var factor = match.whole ? 1 : 0.5;
      var doc = 0;
      postings.next();
      while (postings.more()) {
        doc += postings.next();
        var score = postings.next() * ((postings.next() & bits) ? 2 : 1) * factor;
        if (scores[doc] < score) {
          scores[doc] = score;
        }
      }
    });
    return scores;
  }

  // The articles where a match of one query word is directly followed by a match of the next: each word's term
  // entry says which pairs/N shard holds the words that follow it (PairShards.cs); a shard holds, per word, each
  // follower and its articles as a set string.
  function pairShardOf(entry, second) {
    var where = entry[2];
    var shard = where[0];
    for (var i = 1; i < where.length && where[i] <= second; i++) {
      shard++;
    }
    return shard;
  }

  function pairsOf(firsts, seconds) {
    var wanted = [];
    firsts.forEach(function (a) {
      if (a.entry.length > 2) {
        seconds.forEach(function (b) { wanted.push({ first: a.term, second: b.term, shard: pairShardOf(a.entry, b.term) }); });
      }
    });
    return wanted;
  }

  function adjacent(firsts, seconds) {
    var wanted = pairsOf(firsts, seconds);
    return Promise.all(wanted.map(function (p) { return load('pairs/' + p.shard); })).then(function (shards) {
      var docs = new Uint8Array(index.documents);
      wanted.forEach(function (p, k) {
        var followers = shards[k][p.first];
        if (followers && has.call(followers, p.second)) {
          decodeSet(followers[p.second], index.documents).forEach(function (doc) { docs[doc] = 1; });
        }
      });
      return docs;
    });
  }

  // Phrase factor: 3 when every query word is followed by the next somewhere in the article, else 1 plus the
  // share of adjacent query-word pairs found side by side. (Pairs are checked one by one: "a b c" counts as a
  // phrase where "a b" and "b c" both occur, which in practice is where "a b c" does.)
  function phraseFactor(pairs, doc) {
    var found = 0;
    for (var k = 0; k < pairs.length; k++) {
      found += pairs[k][doc];
    }
    return found === pairs.length ? 3 : 1 + found / pairs.length;
  }

  // Results in order: higher score first, then lower id (newer). Sorted as numbers packed into one key, which
  // the engine sorts natively (a comparator over 80,000 results took longer than the rest of the query):
  // scores are sums of whole weights, halved or doubled, times a phrase factor of k / (words - 1), so score
  // × 2 × (words - 1) is a whole number, and the id takes the low 2^21.
  var ID_SPACE = 2097152;
  function ranked(candidates, count, total, pairs, words) {
    var scale = 2 * Math.max(1, words - 1);
    var keys = new Float64Array(count);
    for (var i = 0; i < count; i++) {
      var doc = candidates[i];
      var score = pairs ? total[doc] * phraseFactor(pairs, doc) : total[doc];
      keys[i] = -Math.round(score * scale) * ID_SPACE + doc;
    }
    keys.sort();
    // The ids alone, in a typed array: an object per result cost more than the whole query at 100,000 articles.
    var results = new Int32Array(count);
    for (var j = 0; j < count; j++) {
      results[j] = ((keys[j] % ID_SPACE) + ID_SPACE) % ID_SPACE;
    }
    return results;
  }

  // The last word is matched as a prefix while the reader is still typing it.
  function prefixTyped(query, qwords, typing) {
    return typing && /[\p{L}\p{N}\p{M}]$/u.test(query) && qwords.length > 0 && qwords[qwords.length - 1].folded.length >= 2;
  }

  function lookups(query, qwords, typing) {
    var prefix = prefixTyped(query, qwords, typing);
    return Promise.all(qwords.map(function (w, i) { return lookup(w, prefix && i === qwords.length - 1); }));
  }

  function match(query, typing) {
    var qwords = words(query.normalize('NFC'));
    if (qwords.length === 0) {
      return Promise.resolve({ words: qwords, prefix: false, results: [] });
    }
    var lastIsPrefix = prefixTyped(query, qwords, typing);
    return lookups(query, qwords, typing)
      .then(function (matches) {
        // The pair shards are asked for before the scoring, so they load while it runs.
        var pairs = qwords.length < 2 ? null : Promise.all(matches.slice(1).map(function (m, k) { return adjacent(matches[k], m); }));
        var perWord = qwords.map(function (w, i) { return scoresOf(w, matches[i]); });
        // Every word must match: the candidates are the articles where each word scores.
        var n = index.documents;
        var total = new Float64Array(n);
        var candidates = new Int32Array(n);
        var count = 0;
        for (var doc = 0; doc < n; doc++) {
          var sum = 0;
          for (var k = 0; k < perWord.length && sum >= 0; k++) {
            sum = perWord[k][doc] > 0 ? sum + perWord[k][doc] : -1;
          }
          if (sum > 0) {
            total[doc] = sum;
            candidates[count++] = doc;
          }
        }
        if (pairs !== null && count === 0) {
          pairs.catch(function () { /* nothing to rank: a missing pair shard changes nothing */ });
        }
        var done = pairs === null || count === 0 ? Promise.resolve(null) : pairs;
        return done.then(function (pairs) {
          return { words: qwords, prefix: lastIsPrefix, results: ranked(candidates, count, total, pairs, qwords.length) };
        });
      });
  }

  // ---- Highlighting and snippets -------------------------------------------------------------------------
  function matcher(found) {
    var last = found.words.length - 1;
    return function (w) {
      return found.words.some(function (q, i) {
        return w.folded === q.folded || (found.prefix && i === last && w.folded.lastIndexOf(q.folded, 0) === 0);
      });
    };
  }

  // Appends text[from, to) to parent, with the matching words in <mark>.
  function appendMarked(parent, text, tokens, from, to, isMatch) {
    var pos = from;
    tokens.forEach(function (t) {
      if (t.start >= from && t.end <= to && isMatch(t)) {
        parent.appendChild(document.createTextNode(text.slice(pos, t.start)));
        var mark = document.createElement('mark');
        mark.textContent = text.slice(t.start, t.end);
        parent.appendChild(mark);
        pos = t.end;
      }
    });
    parent.appendChild(document.createTextNode(text.slice(pos, to)));
  }

  // About 30 words around the first phrase (else the first matching word), cut at word boundaries.
  function snippet(doc, found, isMatch) {
    var text = (doc.text || '').normalize('NFC');
    var tokens = words(text);
    var n = found.words.length;
    var at = -1;
    for (var i = 0; i + n <= tokens.length && at < 0; i++) {
      var all = true;
      for (var k = 0; k < n && all; k++) {
        all = tokens[i + k].folded === found.words[k].folded || (found.prefix && k === n - 1 && tokens[i + k].folded.lastIndexOf(found.words[k].folded, 0) === 0);
      }
      if (all) {
        at = i;
      }
    }
    if (at < 0) {
      at = tokens.findIndex(isMatch);
    }
    var first = Math.max(0, at - 10);
    var last = Math.min(tokens.length, first + 32) - 1;
    var p = document.createElement('p');
    p.className = 'snippet';
    p.lang = doc.language;
    if (last < first) {
      return p;
    }
    if (first > 0) {
      p.appendChild(document.createTextNode('\u2026 '));
    }
    appendMarked(p, text, tokens, tokens[first].start, tokens[last].end, isMatch);
    if (last < tokens.length - 1) {
      p.appendChild(document.createTextNode(' \u2026'));
    }
    return p;
  }

  function resultItem(doc, found) {
    var isMatch = matcher(found);
    var title = doc.title.normalize('NFC');
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = root + doc.url;
    a.lang = doc.language;
    a.hreflang = doc.language;
    appendMarked(a, title, words(title), 0, title.length, isMatch);
    li.appendChild(a);
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = ' ' + [doc.date_display || text('undated'), doc.source].filter(Boolean).join(' \u00b7 ');
    li.appendChild(meta);
    li.appendChild(snippet(doc, found, isMatch));
    return li;
  }

  // ---- Filters --------------------------------------------------------------------------------------------
  // facets/NAME.js holds each value of a filter and, per value, its articles as a string (FacetSets.cs):
  // 'b' + a base64url bitset, 'd' + gaps between ids, or 'r' + runs (gap, length - 1), in Digits.

  function decodeSet(s, n) {
    var ids = [];
    if (s.charAt(0) === 'b') {
      var base64 = s.slice(1).replace(/-/g, '+').replace(/_/g, '/');
      var bytes = window.atob(base64 + '===='.slice(0, (4 - base64.length % 4) % 4));
      for (var k = 0; k < bytes.length; k++) {
        var byte = bytes.charCodeAt(k);
        for (var j = 0; j < 8; j++) {
          if (byte & (1 << j) && k * 8 + j < n) {
            ids.push(k * 8 + j);
          }
        }
      }
      return Int32Array.from(ids);
    }
    var numbers = new Digits(s, 1);
    var runs = s.charAt(0) === 'r';
    var previous = -1;
    while (numbers.more()) {
      var start = previous + 1 + numbers.next();
      var end = runs ? start + numbers.next() : start;
      for (var id = start; id <= end; id++) {
        ids.push(id);
      }
      previous = end;
    }
    return Int32Array.from(ids);
  }

  var facetsPromise = null;
  function loadFacets() {
    if (!facetsPromise) {
      facetsPromise = Promise.all(FACETS.map(function (f) { return load('facets/' + f.param); })).then(function (files) {
        var n = index.documents;
        return files.map(function (file) {
          return { values: file.values, labels: file.labels || file.values, sets: file.sets.map(function (s) { return decodeSet(s, n); }) };
        });
      });
      facetsPromise.catch(function () { facetsPromise = null; });
    }
    return facetsPromise;
  }

  // For each filter in force, a byte per article: 1 where the article has the value asked for.
  function masks(facets, state) {
    return FACETS.map(function (f, i) {
      var want = state.filters[f.param];
      if (!want) {
        return null;
      }
      var mask = new Uint8Array(index.documents);
      var v = facets[i].values.indexOf(want);
      if (v >= 0) {
        facets[i].sets[v].forEach(function (doc) { mask[doc] = 1; });
      }
      return mask;
    });
  }

  function passes(masksInForce, doc, except) {
    return masksInForce.every(function (mask, i) { return !mask || i === except || mask[doc] === 1; });
  }

  // Each filter's counts are taken over the results that pass every other filter in force.
  function renderFilters(facets, results, state) {
    if (!filterBox) {
      return;
    }
    var inForce = masks(facets, state);
    filterBox.hidden = results.length === 0 && !FACETS.some(function (f) { return state.filters[f.param]; });
    FACETS.forEach(function (f, i) {
      var select = document.getElementById('filter-' + f.param);
      if (!select) {
        return;
      }
      var counted = new Uint8Array(index.documents);
      var any = 0;
      results.forEach(function (doc) {
        if (passes(inForce, doc, i)) {
          counted[doc] = 1;
          any++;
        }
      });
      var facet = facets[i];
      var options = [];
      facet.sets.forEach(function (set, v) {
        var count = 0;
        for (var k = 0; k < set.length; k++) {
          count += counted[set[k]];
        }
        if (count > 0) {
          options.push({ value: facet.values[v], label: facet.labels[v], count: count });
        }
      });
      options = options.sort(function (a, b) { return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0); }).slice(0, 50);
      var want = state.filters[f.param] || '';
      if (want && !options.some(function (o) { return o.value === want; })) {
        options.push({ value: want, label: want, count: 0 });
      }
      while (select.firstChild) {
        select.removeChild(select.firstChild);
      }
      var all = document.createElement('option');
      all.value = '';
      all.textContent = text('any') + ' (' + number(any) + ')';
      select.appendChild(all);
      options.forEach(function (o) {
        var option = document.createElement('option');
        option.value = o.value;
        option.textContent = o.label + ' (' + number(o.count) + ')';
        select.appendChild(option);
      });
      select.value = want;
    });
  }

  // ---- State in the URL -----------------------------------------------------------------------------------
  function readState() {
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    FACETS.forEach(function (f) { filters[f.param] = params.get(f.param) || ''; });
    return { q: params.get('q') || '', filters: filters };
  }

  function currentState() {
    var filters = {};
    FACETS.forEach(function (f) {
      var select = document.getElementById('filter-' + f.param);
      filters[f.param] = select ? select.value : '';
    });
    return { q: input.value, filters: filters };
  }

  function urlOf(state) {
    var params = new URLSearchParams();
    if (state.q) {
      params.set('q', state.q);
    }
    FACETS.forEach(function (f) {
      if (state.filters[f.param]) {
        params.set(f.param, state.filters[f.param]);
      }
    });
    var query = params.toString();
    return window.location.pathname + (query ? '?' + query : '');
  }

  // push: a new history entry (a submitted query, a filter); otherwise the entry is replaced (typing).
  function remember(state, push) {
    var url = urlOf(state);
    if (url === window.location.pathname + window.location.search) {
      return;
    }
    try {
      if (push) {
        window.history.pushState(null, '', url);
      } else {
        window.history.replaceState(null, '', url);
      }
    } catch (e) {
      // Some browsers refuse history changes on file:// pages; the search still works.
    }
  }

  // ---- Running a search -------------------------------------------------------------------------------------
  var current = 0;
  var shown = [];
  var shownFound = null;

  function clear(node) {
    while (node && node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  // Results asked for so far in this run: a second "more" before the first page has arrived asks for the next.
  var asked = 0;
  // The last result asked for, once shown: a page asked for later is shown after it.
  var tail = Promise.resolve();

  // Each result is shown as soon as its document and every result above it have arrived, so the first results appear
  // while the rest of the page is still loading, always in rank order.
  function showMore(run) {
    var next = shown.slice(asked, asked + PAGE);
    asked += next.length;
    list.setAttribute('aria-busy', 'true');
    var chain = tail;
    function show(doc) {
      chain = chain.then(function () { return doc; }).then(function (d) {
        if (run === current) {
          list.appendChild(resultItem(d, shownFound));
        }
      });
    }
    // The first document is asked for alone and the rest once it is shown: twenty scripts asked at once keep the page
    // busy inserting them and share the reads, so the first result came several times later than when asked alone.
    if (next.length > 0) {
      show(load('docs/' + next[0]));
      var others = Array.prototype.slice.call(next, 1);
      var rest = chain.then(null, function () { return null; }).then(function () {
        return others.map(function (id) { return load('docs/' + id); });
      });
      others.forEach(function (id, k) { show(rest.then(function (docs) { return docs[k]; })); });
    }
    tail = chain.then(null, function () { /* the run reports it */ });
    return chain.then(function () {
      if (run !== current || list.children.length < asked) {
        return;
      }
      list.removeAttribute('aria-busy');
      if (more) {
        more.hidden = list.children.length >= shown.length;
      }
    });
  }

  function suggest(state, found) {
    clear(suggestions);
    if (!suggestions) {
      return;
    }
    var options = [];
    var plain = found.words.map(function (w) { return w.folded; }).join(' ');
    if (plain !== found.words.map(function (w) { return w.exact; }).join(' ')) {
      options.push([text('no-accents'), { q: plain, filters: state.filters }]);
    }
    if (found.words.length > 1) {
      options.push([text('fewer'), { q: found.words.slice(0, -1).map(function (w) { return w.exact; }).join(' '), filters: state.filters }]);
    }
    if (FACETS.some(function (f) { return state.filters[f.param]; })) {
      options.push([text('no-filters'), { q: state.q, filters: {} }]);
    }
    if (options.length === 0) {
      return;
    }
    suggestions.appendChild(document.createTextNode(text('try') + ' '));
    options.forEach(function (o, i) {
      if (i > 0) {
        suggestions.appendChild(document.createTextNode(i === options.length - 1 ? ' ' + text('or') + ' ' : ', '));
      }
      var a = document.createElement('a');
      a.href = urlOf(o[1]);
      a.textContent = o[0] + ' (\u201c' + o[1].q + '\u201d)';
      suggestions.appendChild(a);
    });
    suggestions.appendChild(document.createTextNode('.'));
  }

  function run(state, typing) {
    var id = ++current;
    var query = state.q.trim();
    clear(suggestions);
    if (!query) {
      clear(list);
      asked = 0;
      shown = [];
      status.textContent = '';
      if (more) {
        more.hidden = true;
      }
      if (filterBox) {
        filterBox.hidden = true;
      }
      return Promise.resolve();
    }
    status.textContent = text('searching');
    list.setAttribute('aria-busy', 'true');
    var filtered = FACETS.some(function (f) { return state.filters[f.param]; });
    // Without a filter the results are shown first and the filters' counts follow; with one, its facet is needed
    // to know which results to show.
    return Promise.all([match(query, typing), filtered ? loadFacets() : null]).then(function (both) {
      if (id !== current) {
        return undefined;
      }
      var found = both[0];
      var facets = both[1];
      var inForce = facets ? masks(facets, state) : null;
      var results = inForce ? found.results.filter(function (doc) { return passes(inForce, doc, -1); }) : found.results;
      clear(list);
      asked = 0;
      tail = Promise.resolve();
      shown = results;
      shownFound = found;
      var q = '\u201c' + query + '\u201d';
      status.textContent = text(results.length === 0 ? 'none' : results.length === 1 ? 'one' : 'many', { q: q, n: number(results.length) });
      if (results.length === 0) {
        suggest(state, found);
      }
      // The facets are asked for once the first results are on screen, so they never delay them.
      return showMore(id).then(function () {
        if (id !== current) {
          return undefined;
        }
        return (facets ? Promise.resolve(facets) : loadFacets()).then(function (loadedFacets) {
          if (id === current) {
            renderFilters(loadedFacets, found.results, state);
          }
        }, function () { /* the results stand without their filters */ });
      });
    }).catch(function () {
      if (id === current) {
        list.removeAttribute('aria-busy');
        status.textContent = text('unavailable');
      }
    });
  }

  // While the reader types, the shards the query will need are asked for at once, so they are (mostly) here when
  // the pause ends and the query runs: the term shards of the words typed so far, and once those are in, the pair
  // shards of each two adjacent words (a phrase costs a third round trip otherwise). Only shards named by index.js
  // and the term entries: nothing is guessed.
  function prefetch(value) {
    var query = value.normalize('NFC');
    var qwords = words(query);
    qwords.forEach(function (w) {
      var c = chunkOf(w.folded);
      if (c >= 0) {
        load('terms/' + c).catch(function () { /* the query itself reports it */ });
      }
    });
    if (qwords.length < 2) {
      return;
    }
    lookups(query, qwords, true).then(function (matches) {
      for (var k = 0; k + 1 < matches.length; k++) {
        pairsOf(matches[k], matches[k + 1]).forEach(function (p) {
          load('pairs/' + p.shard).catch(function () { /* the query itself reports it */ });
        });
      }
    }, function () { /* the query itself reports it */ });
  }

  var timer = 0;
  var typingEntry = false;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    var state = currentState();
    remember(state, !typingEntry);
    typingEntry = false;
    run(state, false);
  });
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    prefetch(input.value);
    timer = window.setTimeout(function () {
      var state = currentState();
      // The first pause of a new query gets its own history entry; later ones refine it.
      remember(state, !typingEntry);
      typingEntry = true;
      run(state, true);
    }, 200);
  });
  FACETS.forEach(function (f) {
    var select = document.getElementById('filter-' + f.param);
    if (select) {
      select.addEventListener('change', function () {
        var state = currentState();
        remember(state, true);
        typingEntry = false;
        run(state, false);
      });
    }
  });
  // How many results are shown is kept in the history entry, so Back or a reload shows as many again.
  function rememberShown() {
    try {
      window.history.replaceState({ shown: list.children.length }, '', window.location.href);
    } catch (e) {
      // As in remember(): file:// pages may refuse it.
    }
  }

  if (more) {
    more.addEventListener('click', function () { showMore(current).then(rememberShown); });
  }

  function restore() {
    var state = readState();
    input.value = state.q;
    FACETS.forEach(function (f) {
      var select = document.getElementById('filter-' + f.param);
      if (select && state.filters[f.param] && !Array.from(select.options).some(function (o) { return o.value === state.filters[f.param]; })) {
        var option = document.createElement('option');
        option.value = state.filters[f.param];
        option.textContent = state.filters[f.param];
        select.appendChild(option);
      }
      if (select) {
        select.value = state.filters[f.param];
      }
    });
    typingEntry = false;
    var want = (window.history.state && window.history.state.shown) || 0;
    var id = current + 1;
    Promise.resolve(run(state, false)).then(function fill() {
      if (id === current && list.children.length < want && list.children.length < shown.length) {
        return showMore(id).then(fill);
      }
      return undefined;
    });
  }

  window.addEventListener('popstate', restore);
  restore();
}());
