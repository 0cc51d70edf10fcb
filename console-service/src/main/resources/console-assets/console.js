/*
 * The operator console. Signs in through Lanyard (authorization code + PKCE, public client lanyard-console); the
 * access token lives only in this page's memory (never in storage), so a reload signs in again, through the SSO
 * session without a prompt. Every request carries the token; every write also carries X-Lanyard-Console (CSRF).
 */
(function () {
  'use strict';
  const TEXTS = window.LanyardI18n;
  const Charts = window.LanyardCharts;
  const CLIENT_ID = 'lanyard-console';
  const CALLBACK = location.origin + '/console/callback';
  const PKCE_KEY = 'lanyard-console-pkce';
  const LANG_KEY = 'lanyard-console-lang';
  const MAX_SAMPLES = 720;

  let token = null;
  // The id_token of this sign-in, in memory like the access token: the logout's id_token_hint.
  let idToken = null;
  let operator = null;
  let lang = chooseLanguage();
  let live = null;

  // ---------- texts ----------
  function chooseLanguage() {
    let saved = null;
    try { saved = window.localStorage.getItem(LANG_KEY); } catch (e) { saved = null; }
    if (saved && TEXTS[saved]) { return saved; }
    return document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en';
  }

  function t(key, params) {
    let text = (TEXTS[lang] && TEXTS[lang][key]) || TEXTS.en[key] || key;
    Object.keys(params || {}).forEach(function (name) {
      text = text.split('{' + name + '}').join(String(params[name]));
    });
    return text;
  }

  function applyTexts() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
    document.getElementById('nav').setAttribute('aria-label', t('nav.label'));
    const button = document.getElementById('lang-switch');
    button.textContent = t('switch');
    button.setAttribute('aria-label', t('switchLabel'));
    button.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
    if (operator) { document.getElementById('who').textContent = t('signedInAs', {user: operator.username}); }
  }

  // ---------- DOM helpers ----------
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      const value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = value; } else if (name === 'on') {
        Object.keys(value).forEach(function (event) { node.addEventListener(event, value[event]); });
      } else { node.setAttribute(name, value === true ? '' : String(value)); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function field(id, labelKey, input) {
    input.id = id;
    return el('div', {}, [el('label', {'for': id, text: t(labelKey)}), input]);
  }

  function heading(text) {
    return el('h1', {tabindex: '-1', text: text});
  }

  function message(kind, text, extra) {
    return el('div', {'class': 'message ' + kind, role: kind === 'error' ? 'alert' : 'status'},
      [text].concat(extra || []));
  }

  function table(columns, rows) {
    if (!rows.length) { return el('p', {'class': 'muted', text: t('none')}); }
    const head = el('tr', {}, columns.map(function (c) { return el('th', {scope: 'col', text: t(c.label)}); }));
    const body = rows.map(function (row) {
      return el('tr', {}, columns.map(function (c) {
        const value = c.render(row);
        return el('td', {}, [value === null || value === undefined ? '' : value]);
      }));
    });
    return el('div', {'class': 'table-wrap'}, [el('table', {}, [el('thead', {}, [head]), el('tbody', {}, body)])]);
  }

  function when(iso) {
    if (!iso) { return ''; }
    const date = new Date(iso);
    return isNaN(date) ? String(iso) : date.toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB');
  }

  function isoFromLocal(value) {
    if (!value) { return ''; }
    const date = new Date(value);
    return isNaN(date) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  // ---------- sign-in ----------
  function random(bytes) {
    const values = new Uint8Array(bytes);
    crypto.getRandomValues(values);
    return values;
  }

  function base64url(bytes) {
    let text = '';
    bytes.forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function beginSignIn() {
    const verifier = base64url(random(48));
    const state = base64url(random(16));
    // Only what the round trip through the login page needs; the verifier is worthless without the code.
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({verifier: verifier, state: state, back: location.hash}));
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const params = new URLSearchParams({
      response_type: 'code', client_id: CLIENT_ID, redirect_uri: CALLBACK, scope: 'openid profile roles',
      state: state, code_challenge: base64url(new Uint8Array(digest)), code_challenge_method: 'S256'
    });
    location.assign('/oauth2/authorize?' + params.toString());
  }

  async function finishSignIn() {
    const query = new URLSearchParams(location.search);
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null'); } catch (e) { saved = null; }
    sessionStorage.removeItem(PKCE_KEY);
    history.replaceState(null, '', '/console/' + ((saved && saved.back) || ''));
    if (query.get('error')) { throw new Error(query.get('error_description') || query.get('error')); }
    if (!saved || !query.get('code') || query.get('state') !== saved.state) {
      throw new Error('state');
    }
    const body = new URLSearchParams({
      grant_type: 'authorization_code', code: query.get('code'), redirect_uri: CALLBACK, client_id: CLIENT_ID,
      code_verifier: saved.verifier
    });
    const reply = await fetch('/oauth2/token', {method: 'POST', body: body, credentials: 'omit', cache: 'no-store'});
    const data = await reply.json().catch(function () { return {}; });
    if (!reply.ok || !data.access_token) { throw new Error(data.error_description || data.error || reply.status); }
    token = data.access_token;
    idToken = data.id_token || null;
  }

  /**
   * Ends the SSO session through RP-initiated logout: the id_token names this browser's session, so Lanyard signs
   * out without asking and returns to /console/ (the console client's registered post-logout URI), which then shows
   * the login page. Without an id_token the logout page asks the user to confirm.
   */
  function signOut() {
    stopLive();
    const params = new URLSearchParams({client_id: CLIENT_ID, post_logout_redirect_uri: location.origin + '/console/'});
    if (idToken) { params.set('id_token_hint', idToken); }
    token = null;
    idToken = null;
    location.assign('/oauth2/logout?' + params.toString());
  }

  // ---------- API ----------
  async function api(method, path, body, raw) {
    const headers = {'Authorization': 'Bearer ' + token, 'Accept': raw ? 'text/csv' : 'application/json'};
    if (method !== 'GET') { headers['X-Lanyard-Console'] = '1'; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    const reply = await fetch(path, {method: method, headers: headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)});
    if (reply.status === 401) {
      token = null;
      beginSignIn();
      throw new Error(t('signingIn'));
    }
    if (raw && reply.ok) { return reply; }
    const data = await reply.json().catch(function () { return {}; });
    if (!reply.ok) {
      const error = new Error(data.error_description || data.error || ('HTTP ' + reply.status));
      error.status = reply.status;
      error.data = data;
      throw error;
    }
    return data;
  }

  // ---------- pages ----------
  const main = document.getElementById('main');

  function show(nodes) {
    main.replaceChildren.apply(main, nodes);
    const h1 = main.querySelector('h1');
    if (h1) { h1.focus(); }
  }

  function failure(error) {
    return message('error', t('error', {reason: error.message}));
  }

  function forbidden(who) {
    document.getElementById('nav').hidden = true;
    show([heading(t('forbidden.title')),
      el('p', {id: 'forbidden', text: who ? t('forbidden.text', {user: who.username || who.subject,
        role: who.role || 'lanyard-operator'}) : t('forbidden.plain')})]);
  }

  function route() {
    if (!operator) { return; }
    if (live && !location.hash.startsWith('#/dashboard') && location.hash !== '') { stopLive(); }
    const parts = (location.hash || '#/dashboard').slice(2).split('/').map(decodeURIComponent);
    const view = VIEWS[parts[0]] || VIEWS.dashboard;
    document.querySelectorAll('#nav a').forEach(function (link) {
      const section = parts[0] === 'user' || parts[0] === 'person' ? 'users' : parts[0] === 'client' ? 'clients' : parts[0] || 'dashboard';
      const current = link.getAttribute('href') === '#/' + section;
      if (current) { link.setAttribute('aria-current', 'page'); } else { link.removeAttribute('aria-current'); }
    });
    view(parts.slice(1));
  }

  // ----- dashboard -----
  function stopLive() {
    if (live) { live.controller.abort(); live = null; }
  }

  function dashboard() {
    const cards = {};
    const names = ['signins', 'tokens', 'unavailable', 'p99', 'kafka', 'lag', 'members'];
    const titles = {signins: 'dash.signins', tokens: 'dash.tokens', unavailable: 'dash.unavailable', p99: 'dash.p99',
      kafka: 'dash.kafka', lag: 'dash.lag', members: 'dash.members'};
    const grid = el('div', {'class': 'cards'}, names.map(function (name) {
      cards[name] = el('div', {'class': 'chart', id: 'chart-' + name});
      return el('section', {'class': 'panel card', 'aria-labelledby': 'title-' + name},
        [el('h2', {id: 'title-' + name, text: t(titles[name])}), cards[name]]);
    }));
    const updated = el('p', {id: 'live-updated', role: 'status', 'data-samples': '0', text: t('dash.waiting')});
    show([heading(t('dash.title')), updated, grid]);
    stopLive();
    live = {controller: new AbortController(), samples: [], interval: 5000};
    const feed = live;
    streamLive(feed, function () { draw(feed, cards, updated); }).catch(function (error) {
      if (feed.controller.signal.aborted) { return; }
      updated.textContent = t('dash.closed') + ' ' + error.message;
    });
  }

  async function streamLive(feed, redraw) {
    const reply = await fetch('/console/api/live', {headers: {'Authorization': 'Bearer ' + token,
      'Accept': 'text/event-stream'}, signal: feed.controller.signal, cache: 'no-store', credentials: 'omit'});
    if (reply.status === 401) { token = null; beginSignIn(); return; }
    if (!reply.ok) { throw new Error('HTTP ' + reply.status); }
    const reader = reply.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) { break; }
      buffer += decoder.decode(chunk.value, {stream: true});
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        let data = '';
        block.split('\n').forEach(function (line) {
          if (line.startsWith('event: ')) { name = line.slice(7); }
          if (line.startsWith('data: ')) { data += line.slice(6); }
        });
        const payload = data ? JSON.parse(data) : {};
        if (name === 'history') {
          feed.interval = payload.interval_ms || feed.interval;
          feed.samples = payload.samples || [];
        } else if (name === 'sample') {
          feed.samples.push(payload);
          if (feed.samples.length > MAX_SAMPLES) { feed.samples.shift(); }
        } else if (name === 'end') {
          throw new Error('');
        }
        redraw();
      }
    }
    throw new Error('');
  }

  function series(samples, pick) {
    const keys = {};
    samples.forEach(function (s) { Object.keys(pick(s) || {}).forEach(function (k) { keys[k] = true; }); });
    return Object.keys(keys).sort().map(function (key) {
      return {name: key, points: samples.map(function (s) {
        const values = pick(s) || {};
        return [s.at, values[key] === undefined ? null : values[key]];
      })};
    });
  }

  function single(samples, name, pick) {
    return [{name: name, points: samples.map(function (s) {
      const v = pick(s);
      return [s.at, v === undefined ? null : v];
    })}];
  }

  function draw(feed, cards, updated) {
    const samples = feed.samples;
    const empty = t('dash.empty');
    const signins = series(samples, function (s) { return s.signins; }).map(function (s) {
      return {name: t('outcome.' + s.name), points: s.points};
    });
    Charts.line(cards.signins, signins, {label: t('dash.signins'), unit: '/s', empty: empty});
    Charts.line(cards.tokens, series(samples, function (s) { return s.tokens; }),
      {label: t('dash.tokens'), unit: '/s', empty: empty});
    Charts.line(cards.unavailable, single(samples, '503', function (s) { return s.unavailable; }),
      {label: t('dash.unavailable'), unit: '/s', empty: empty});
    // The busiest endpoints only: a chart of twenty lines says nothing.
    const p99 = series(samples, function (s) { return s.p99; }).map(function (s) {
      s.seen = s.points.filter(function (p) { return p[1] !== null; }).length;
      return s;
    }).sort(function (a, b) { return b.seen - a.seen; }).slice(0, 6);
    Charts.line(cards.p99, p99, {label: t('dash.p99'), unit: 'ms', empty: empty});
    Charts.line(cards.kafka, single(samples, 'p99', function (s) { return s.kafka_p99; })
      .concat(single(samples, t('dash.kafkaRate'), function (s) { return s.kafka_per_second; })),
    {label: t('dash.kafka'), unit: '', empty: empty});
    Charts.line(cards.lag, single(samples, t('dash.lag'), function (s) { return s.projection_lag; }),
      {label: t('dash.lag'), unit: '', empty: empty});
    Charts.line(cards.members, single(samples, t('dash.members'), function (s) { return s.members; }),
      {label: t('dash.members'), unit: '', empty: empty});
    const last = samples.length ? samples[samples.length - 1] : null;
    updated.setAttribute('data-samples', String(samples.length));
    updated.setAttribute('data-tokens', last ? String(Object.values(last.tokens || {})
      .reduce(function (a, b) { return a + b; }, 0)) : '0');
    updated.textContent = last ? t('dash.updated', {time: new Date(last.at).toLocaleTimeString(),
      count: samples.length, seconds: Math.round(feed.interval / 1000)}) : t('dash.waiting');
  }

  // ----- users -----
  function users(args) {
    const query = el('input', {type: 'search', name: 'q', autocomplete: 'off', value: args[0] || ''});
    const results = el('div', {id: 'user-results'});
    const form = el('form', {'class': 'form', role: 'search', on: {submit: function (event) {
      event.preventDefault();
      location.hash = '#/users/' + encodeURIComponent(query.value.trim());
    }}}, [field('user-query', 'users.query', query), el('div', {}, [el('button', {type: 'submit',
      text: t('users.search')})])]);
    show([heading(t('users.title')), form, results]);
    if (args[0] !== undefined && args[0] !== '') {
      query.focus();
      results.replaceChildren(el('p', {text: t('loading')}));
      api('GET', '/admin/users?q=' + encodeURIComponent(args[0])).then(function (data) {
        results.replaceChildren(table([
          {label: 'users.username', render: function (u) {
            // A directory user without a local copy has no subject yet: shown from the directory by user name.
            return el('a', {href: u.local_copy === false ? '#/person/' + encodeURIComponent(u.username)
              : '#/user/' + encodeURIComponent(u.subject), text: u.username});
          }},
          {label: 'users.name', render: function (u) { return u.name; }},
          {label: 'users.email', render: function (u) { return u.email; }},
          {label: 'users.origin', render: function (u) {
            return t('origin.' + u.origin) + (u.local_copy === false ? ' · ' + t('users.noCopy') : '');
          }},
          {label: 'users.state', render: function (u) {
            return u.disabled ? el('span', {'class': 'tag bad', text: t('users.disabled')}) : t('users.enabled');
          }}
        ], data.users));
        if (data.directory === 'unreachable') {
          results.prepend(message('error', t('users.directoryDown')));
        }
      }).catch(function (error) { results.replaceChildren(failure(error)); });
    }
  }

  /** A campus directory user who never signed in: their profile as the directory has it, nothing to act on. */
  function person(args) {
    const username = args[0];
    const profile = el('div', {id: 'user-profile'}, [el('p', {text: t('loading')})]);
    show([heading(t('user.title', {user: username})), el('p', {}, [el('a', {href: '#/users', text: t('user.back')})]),
      profile]);
    api('GET', '/admin/users/' + encodeURIComponent(username) + '?by=username').then(function (u) {
      profile.replaceChildren(message('ok', t('person.note')), el('dl', {'class': 'profile'}, [
        el('dt', {text: t('users.username')}), el('dd', {text: u.username}),
        el('dt', {text: t('users.name')}), el('dd', {text: u.name || ''}),
        el('dt', {text: t('users.email')}), el('dd', {text: u.email || ''}),
        el('dt', {text: t('user.phone')}), el('dd', {text: u.phone || ''}),
        el('dt', {text: t('users.origin')}), el('dd', {text: t('origin.' + u.origin) +
          (u.local_copy === false ? ' · ' + t('users.noCopy') : '')}),
        el('dt', {text: t('user.roles')}), el('dd', {text: (u.roles || []).join(', ')})
      ]));
    }).catch(function (error) { profile.replaceChildren(failure(error)); });
  }

  function user(args) {
    const subject = args[0];
    const status = el('div', {id: 'user-status'});
    const profile = el('div', {id: 'user-profile'}, [el('p', {text: t('loading')})]);
    const sessions = el('div', {id: 'user-sessions'});
    const grants = el('div', {id: 'user-grants'});
    show([heading(t('user.title', {user: subject})), el('p', {}, [el('a', {href: '#/users', text: t('user.back')})]),
      status, profile, el('h2', {text: t('user.sessions')}), sessions, el('h2', {text: t('user.grants')}), grants]);
    const path = '/admin/users/' + encodeURIComponent(subject);

    function act(button, method, suffix, done) {
      button.disabled = true;
      api(method, path + suffix + (suffix.indexOf('?') < 0 ? '?by=subject' : '&by=subject'), undefined)
        .then(function (data) { status.replaceChildren(done(data)); load(); })
        .catch(function (error) { status.replaceChildren(failure(error)); button.disabled = false; });
    }

    function load() {
      api('GET', path + '?by=subject').then(function (u) {
        const h1 = main.querySelector('h1');
        h1.textContent = t('user.title', {user: u.username});
        const name = u.username;
        const buttons = [
          el('button', {type: 'button', id: 'unlock', text: t('user.unlock'), on: {click: function (e) {
            act(e.target, 'POST', '/unlock', function () { return message('ok', t('user.unlocked', {user: name})); });
          }}}),
          u.disabled
            ? el('button', {type: 'button', id: 'enable', text: t('user.enable'), on: {click: function (e) {
              act(e.target, 'POST', '/enable', function () { return message('ok', t('user.enabledDone', {user: name})); });
            }}})
            : el('button', {type: 'button', id: 'disable', 'class': 'danger', text: t('user.disable'),
              on: {click: function (e) {
                act(e.target, 'POST', '/disable', function (d) {
                  return message('ok', t('user.disabledDone', {user: name, sessions: d.sessions_ended,
                    grants: d.grants_revoked}));
                });
              }}}),
          u.origin === 'LOCAL' ? el('button', {type: 'button', id: 'reset-password', text: t('user.resetPassword'),
            on: {click: function (e) {
              e.target.disabled = true;
              api('POST', path + '/password?by=subject', {generate: true}).then(function (d) {
                status.replaceChildren(message('ok', t('user.passwordDone', {user: name}),
                  [el('div', {'class': 'secret', id: 'new-password', text: d.password})]));
                e.target.disabled = false;
              }).catch(function (error) { status.replaceChildren(failure(error)); e.target.disabled = false; });
            }}}) : null,
          el('button', {type: 'button', id: 'revoke-all', 'class': 'danger', text: t('user.revokeAll'),
            on: {click: function (e) {
              act(e.target, 'POST', '/revoke', function (d) {
                return message('ok', t('user.revokedAll', {sessions: d.sessions_ended, grants: d.grants_revoked}));
              });
            }}})
        ];
        profile.replaceChildren(el('dl', {'class': 'profile'}, [
          el('dt', {text: t('user.subject')}), el('dd', {text: u.subject}),
          el('dt', {text: t('users.username')}), el('dd', {text: u.username}),
          el('dt', {text: t('users.name')}), el('dd', {text: u.name || ''}),
          el('dt', {text: t('users.email')}), el('dd', {text: u.email || ''}),
          el('dt', {text: t('user.phone')}), el('dd', {text: u.phone || ''}),
          el('dt', {text: t('users.origin')}), el('dd', {text: t('origin.' + u.origin)}),
          el('dt', {text: t('user.roles')}), el('dd', {text: (u.roles || []).join(', ')}),
          el('dt', {text: t('users.state')}), el('dd', {id: 'user-state', text: (u.disabled ? t('users.disabled')
            : t('users.enabled')) + (u.locked ? ' · ' + t('users.locked') : '')}),
          el('dt', {text: t('user.created')}), el('dd', {text: when(u.created_at)}),
          el('dt', {text: t('user.updated')}), el('dd', {text: when(u.updated_at)})
        ]), el('div', {'class': 'actions'}, buttons));
      }).catch(function (error) { profile.replaceChildren(failure(error)); });
      api('GET', path + '/sessions?by=subject').then(function (data) {
        sessions.replaceChildren(table([
          {label: 'session.sid', render: function (s) { return s.sid; }},
          {label: 'session.client', render: function (s) { return s.client_id; }},
          {label: 'session.started', render: function (s) { return when(s.started_at); }},
          {label: 'session.expires', render: function (s) { return when(s.expires_at); }},
          {label: 'session.end', render: function (s) {
            return el('button', {type: 'button', 'class': 'quiet end-session', 'data-sid': s.sid,
              text: t('session.end'), on: {click: function (e) {
                act(e.target, 'POST', '/sessions/' + encodeURIComponent(s.sid) + '/end', function () {
                  return message('ok', t('session.ended'));
                });
              }}});
          }}
        ], data.sessions));
      }).catch(function (error) { sessions.replaceChildren(failure(error)); });
      api('GET', path + '/grants?by=subject').then(function (data) {
        grants.replaceChildren(table([
          {label: 'grant.id', render: function (g) { return g.grant_id; }},
          {label: 'grant.client', render: function (g) { return g.client_id; }},
          {label: 'grant.type', render: function (g) { return g.grant_type; }},
          {label: 'grant.last', render: function (g) { return when(g.last_issued_at || g.first_seen_at); }},
          {label: 'grant.revoke', render: function (g) {
            return el('button', {type: 'button', 'class': 'quiet revoke-grant', text: t('grant.revoke'),
              on: {click: function (e) {
                e.target.disabled = true;
                api('POST', '/admin/grants/' + encodeURIComponent(g.grant_id) + '/revoke').then(function () {
                  status.replaceChildren(message('ok', t('grant.revoked')));
                  load();
                }).catch(function (error) { status.replaceChildren(failure(error)); e.target.disabled = false; });
              }}});
          }}
        ], data.grants));
      }).catch(function (error) { grants.replaceChildren(failure(error)); });
    }
    load();
  }

  // ----- audit -----
  const ACTIONS = ['login', 'logout', 'account_locked', 'account_unlocked', 'user_disabled', 'user_enabled',
    'password_reset', 'token_issued', 'token_revoked', 'grant_revoked', 'code_issued', 'consent',
    'password_rehashed', 'client_created', 'client_updated', 'client_secret_rotated', 'client_disabled',
    'client_enabled'];

  function select(name, options) {
    return el('select', {name: name}, [el('option', {value: '', text: t('audit.any')})].concat(options.map(
      function (o) { return el('option', {value: o, text: o}); })));
  }

  function audit() {
    const inputs = {
      username: el('input', {type: 'text', name: 'username', autocomplete: 'off'}),
      subject: el('input', {type: 'text', name: 'subject', autocomplete: 'off'}),
      client_id: el('input', {type: 'text', name: 'client_id', autocomplete: 'off'}),
      action: select('action', ACTIONS),
      result: select('result', ['success', 'failure', 'locked']),
      from: el('input', {type: 'datetime-local', name: 'from'}),
      to: el('input', {type: 'datetime-local', name: 'to'})
    };
    const labels = {username: 'audit.username', subject: 'audit.subject', client_id: 'audit.client',
      action: 'audit.action', result: 'audit.result', from: 'audit.from', to: 'audit.to'};
    const results = el('div', {id: 'audit-results'});
    const csv = el('button', {type: 'button', 'class': 'quiet', id: 'audit-csv', text: t('audit.csv')});
    function query() {
      const params = new URLSearchParams();
      Object.keys(inputs).forEach(function (name) {
        const value = name === 'from' || name === 'to' ? isoFromLocal(inputs[name].value) : inputs[name].value.trim();
        if (value) { params.set(name, value); }
      });
      return params;
    }
    function search(before) {
      const params = query();
      params.set('limit', '200');
      if (before) { params.set('before', before.before); params.set('before_id', before.before_id); }
      results.replaceChildren(el('p', {text: t('loading')}));
      api('GET', '/admin/audit?' + params.toString()).then(function (data) {
        const rows = data.entries;
        results.replaceChildren(el('p', {'class': 'muted', role: 'status', text: t('audit.count', {count: rows.length})}),
          table([
            {label: 'audit.at', render: function (r) { return when(r.at); }},
            {label: 'audit.action', render: function (r) { return r.action; }},
            {label: 'audit.result', render: function (r) { return r.result; }},
            {label: 'audit.username', render: function (r) { return r.username || r.subject; }},
            {label: 'audit.client', render: function (r) { return r.client_id; }},
            {label: 'audit.ip', render: function (r) { return r.ip; }},
            {label: 'audit.detail', render: function (r) { return r.detail ? JSON.stringify(r.detail) : ''; }}
          ], rows),
          data.next ? el('button', {type: 'button', 'class': 'quiet', text: t('audit.more'),
            on: {click: function () { search(data.next); }}}) : el('span'));
      }).catch(function (error) { results.replaceChildren(failure(error)); });
    }
    csv.addEventListener('click', function () {
      const params = query();
      params.set('format', 'csv');
      params.set('limit', '1000');
      api('GET', '/admin/audit?' + params.toString(), undefined, true).then(function (reply) {
        return reply.blob();
      }).then(function (blob) {
        const link = el('a', {href: URL.createObjectURL(blob), download: 'lanyard-audit.csv'});
        document.body.appendChild(link);
        link.click();
        link.remove();
      }).catch(function (error) { results.replaceChildren(failure(error)); });
    });
    const form = el('form', {'class': 'form', on: {submit: function (event) { event.preventDefault(); search(); }}},
      Object.keys(inputs).map(function (name) { return field('audit-' + name, labels[name], inputs[name]); })
        .concat([el('div', {'class': 'actions'}, [el('button', {type: 'submit', text: t('audit.search')}), csv])]));
    show([heading(t('audit.title')), form, results]);
    search();
  }

  // ----- clients -----
  const GRANTS = ['authorization_code', 'refresh_token', 'client_credentials', 'password', 'implicit'];
  const DIALECTS = ['standard', 'ketanyun', 'maxkey', 'authz', 'cas', 'phpsso'];

  function clients(args) {
    const query = el('input', {type: 'search', name: 'q', autocomplete: 'off', value: args[0] || ''});
    const status = el('div', {id: 'client-status'});
    const results = el('div', {id: 'client-results'});
    const form = el('form', {'class': 'form', role: 'search', on: {submit: function (event) {
      event.preventDefault();
      location.hash = '#/clients/' + encodeURIComponent(query.value.trim());
    }}}, [field('client-query', 'clients.query', query), el('div', {'class': 'actions'}, [
      el('button', {type: 'submit', text: t('users.search')}),
      el('a', {'class': 'button', id: 'new-client', href: '#/client', text: t('clients.new')})])]);
    show([heading(t('clients.title')), form, status, results]);
    api('GET', '/admin/clients?q=' + encodeURIComponent(args[0] || '')).then(function (data) {
      results.replaceChildren(table([
        {label: 'clients.id', render: function (c) {
          return el('a', {href: '#/client/' + encodeURIComponent(c.client_id), text: c.client_id});
        }},
        {label: 'clients.name', render: function (c) { return c.name; }},
        {label: 'clients.type', render: function (c) { return t(c.public ? 'clients.public' : 'clients.confidential'); }},
        {label: 'clients.dialect', render: function (c) { return c.dialect; }},
        {label: 'clients.grants', render: function (c) { return (c.grant_types || []).join(', '); }},
        {label: 'clients.state', render: function (c) {
          c.stateNode = el('span', {'class': 'client-state', text: t(c.disabled ? 'clients.disabled' : 'clients.enabled')});
          return c.stateNode;
        }},
        {label: 'clients.switch', render: function (c) { return switchButton(c, status); }},
        {label: 'clients.revoke', render: function (c) {
          return el('button', {type: 'button', 'class': 'quiet', text: t('clients.revoke'), on: {click: function (e) {
            e.target.disabled = true;
            api('POST', '/admin/clients/' + encodeURIComponent(c.client_id) + '/revoke').then(function (d) {
              status.replaceChildren(message('ok', t('clients.revoked', {client: c.client_id, grants: d.grants_revoked})));
              e.target.disabled = false;
            }).catch(function (error) { status.replaceChildren(failure(error)); e.target.disabled = false; });
          }}});
        }}
      ], data.clients));
    }).catch(function (error) { results.replaceChildren(failure(error)); });
  }

  /**
   * Disable (or enable again) one client. Disabling asks first, in the page: the first click arms the button, the
   * second does it, Cancel or a few seconds put it back. Its tokens are left alone (Revoke all grants ends those).
   */
  function switchButton(c, status) {
    const action = c.disabled ? 'enable' : 'disable';
    const button = el('button', {type: 'button', 'class': c.disabled ? 'quiet switch-client' : 'danger switch-client',
      'data-client': c.client_id, text: t('clients.' + action)});
    const cancel = el('button', {type: 'button', 'class': 'quiet cancel-switch', text: t('clients.cancel'), hidden: true});
    let armed = false;
    function disarm() { armed = false; button.textContent = t('clients.' + action); cancel.hidden = true; }
    cancel.addEventListener('click', disarm);
    let wrapper;
    button.addEventListener('click', function () {
      if (!armed) {
        armed = true;
        button.textContent = t('clients.confirm' + (action === 'disable' ? 'Disable' : 'Enable'), {client: c.client_id});
        cancel.hidden = false;
        return;
      }
      button.disabled = true;
      cancel.hidden = true;
      api('POST', '/admin/clients/' + encodeURIComponent(c.client_id) + '/' + action).then(function (d) {
        status.replaceChildren(message('ok', t('clients.done.' + action, {client: c.client_id})));
        d.client.stateNode = c.stateNode;
        if (c.stateNode) { c.stateNode.textContent = t(d.client.disabled ? 'clients.disabled' : 'clients.enabled'); }
        wrapper.replaceWith(switchButton(d.client, status));
      }).catch(function (error) { status.replaceChildren(failure(error)); button.disabled = false; disarm(); });
    });
    wrapper = el('span', {}, [button, ' ', cancel]);
    return wrapper;
  }

  /** Create (no id) or edit one client; the server validates exactly as an import does. */
  function client(args) {
    const id = args[0];
    const status = el('div', {id: 'client-status'});
    const body = el('div', {}, [el('p', {text: t('loading')})]);
    show([heading(id ? t('client.edit', {client: id}) : t('clients.new')),
      el('p', {}, [el('a', {href: '#/clients', text: t('client.back')})]), status, body]);
    const load = id ? api('GET', '/admin/clients/' + encodeURIComponent(id))
      : Promise.resolve({grant_types: ['authorization_code', 'refresh_token'], scopes: ['openid', 'profile'],
        redirect_uri_match: 'exact', dialect: 'standard', public: false, options: {}});
    load.then(function (c) { body.replaceChildren(clientForm(c, !id, status, body)); })
      .catch(function (error) { body.replaceChildren(failure(error)); });
  }

  function clientForm(c, creating, status, body) {
    const inputs = {
      client_id: el('input', {type: 'text', name: 'client_id', required: true, value: c.client_id || '',
        readonly: !creating}),
      name: el('input', {type: 'text', name: 'name', value: c.name || ''}),
      redirect_uris: el('textarea', {name: 'redirect_uris', rows: '3'}),
      redirect_uri_match: el('select', {name: 'redirect_uri_match'}, ['exact', 'prefix', 'regex'].map(function (m) {
        return el('option', {value: m, text: m, selected: c.redirect_uri_match === m}); })),
      scopes: el('input', {type: 'text', name: 'scopes', value: (c.scopes || []).join(' ')}),
      access_token_ttl: el('input', {type: 'number', name: 'access_token_ttl', min: '1',
        value: c.access_token_ttl === undefined ? '' : c.access_token_ttl}),
      refresh_token_ttl: el('input', {type: 'number', name: 'refresh_token_ttl', min: '1',
        value: c.refresh_token_ttl === undefined ? '' : c.refresh_token_ttl}),
      dialect: el('select', {name: 'dialect'}, DIALECTS.map(function (d) {
        return el('option', {value: d, text: d, selected: (c.dialect || 'standard') === d}); })),
      options: el('textarea', {name: 'options', rows: '3'})
    };
    inputs.redirect_uris.value = (c.redirect_uris || []).join('\n');
    inputs.options.value = JSON.stringify(c.options || {});
    const labels = {client_id: 'clients.id', name: 'clients.name', redirect_uris: 'client.redirectUris',
      redirect_uri_match: 'client.match', scopes: 'client.scopes', access_token_ttl: 'client.accessTtl',
      refresh_token_ttl: 'client.refreshTtl', dialect: 'clients.dialect', options: 'client.options'};
    const grants = el('fieldset', {}, [el('legend', {text: t('clients.grants')})].concat(GRANTS.map(function (g) {
      const box = el('input', {type: 'checkbox', name: 'grant_types', value: g, id: 'grant-' + g,
        checked: (c.grant_types || []).indexOf(g) >= 0});
      return el('div', {}, [box, el('label', {'for': 'grant-' + g, 'class': 'inline', text: ' ' + g})]);
    })));
    const confidential = el('input', {type: 'checkbox', id: 'client-confidential', checked: !c.public,
      disabled: !creating});
    const fields = Object.keys(inputs).map(function (name) { return field('client-' + name, labels[name], inputs[name]); });
    const actions = [el('button', {type: 'submit', id: 'save-client', text: t('client.save')})];
    if (!creating && !c.public) {
      actions.push(el('button', {type: 'button', id: 'rotate-secret', 'class': 'danger', text: t('client.rotate'),
        on: {click: function (e) {
          e.target.disabled = true;
          api('POST', '/admin/clients/' + encodeURIComponent(c.client_id) + '/secret').then(function (d) {
            status.replaceChildren(secretShown(d));
            e.target.disabled = false;
          }).catch(function (error) { status.replaceChildren(failure(error)); e.target.disabled = false; });
        }}}));
    }
    return el('form', {'class': 'form wide', on: {submit: function (event) {
      event.preventDefault();
      let options;
      try { options = JSON.parse(inputs.options.value || '{}'); } catch (e) {
        status.replaceChildren(message('error', t('client.badOptions')));
        return;
      }
      const entry = {
        client_id: inputs.client_id.value.trim(), name: inputs.name.value.trim() || undefined,
        redirect_uris: inputs.redirect_uris.value.split('\n').map(function (u) { return u.trim(); })
          .filter(function (u) { return u; }),
        redirect_uri_match: inputs.redirect_uri_match.value,
        grant_types: Array.prototype.slice.call(grants.querySelectorAll('input:checked'))
          .map(function (b) { return b.value; }),
        scopes: inputs.scopes.value.split(/\s+/).filter(function (s) { return s; }),
        access_token_ttl: inputs.access_token_ttl.value ? Number(inputs.access_token_ttl.value) : undefined,
        refresh_token_ttl: inputs.refresh_token_ttl.value ? Number(inputs.refresh_token_ttl.value) : undefined,
        dialect: inputs.dialect.value, options: options
      };
      const write = creating
        ? api('POST', '/admin/clients', {client: entry, confidential: confidential.checked})
        : api('PUT', '/admin/clients/' + encodeURIComponent(c.client_id), entry);
      write.then(function (d) {
        status.replaceChildren(d.client_secret ? secretShown(d) : message('ok', t('client.saved',
          {client: d.client.client_id})));
        if (creating) {
          // Becomes the client's own page without a navigation, which would wipe the secret shown once.
          history.replaceState(null, '', '#/client/' + encodeURIComponent(d.client.client_id));
          main.querySelector('h1').textContent = t('client.edit', {client: d.client.client_id});
          body.replaceChildren(clientForm(d.client, false, status, body));
        }
      }).catch(function (error) { status.replaceChildren(failure(error)); });
    }}}, fields.concat([grants, el('div', {}, [confidential, el('label', {'for': 'client-confidential',
      'class': 'inline', text: ' ' + t('client.confidential')})]), el('div', {'class': 'actions'}, actions)]));
  }

  function secretShown(d) {
    return message('ok', t('client.secretShown', {client: d.client.client_id}),
      [el('div', {'class': 'secret', id: 'client-secret', text: d.client_secret})]);
  }

  // ----- statistics -----
  const COUNTERS = ['tokens_issued', 'refresh_rotations', 'codes_issued', 'revocations', 'logins', 'login_failures',
    'consents'];

  function stats(args) {
    const results = el('div', {id: 'stats-results'});
    const detail = el('div', {id: 'stats-detail'});
    show([heading(t('stats.title')), results, detail]);
    api('GET', '/admin/stats').then(function (data) {
      results.replaceChildren(table([{label: 'stats.client', render: function (c) {
        return el('a', {href: '#/stats/' + encodeURIComponent(c.client_id), text: c.client_id});
      }}].concat(COUNTERS.map(function (name) {
        return {label: 'stats.' + name, render: function (c) { return String(c[name]); }};
      })), data.clients));
    }).catch(function (error) { results.replaceChildren(failure(error)); });
    if (args[0]) {
      api('GET', '/admin/clients/' + encodeURIComponent(args[0]) + '/stats').then(function (data) {
        const chart = el('div', {'class': 'chart panel'});
        detail.replaceChildren(el('h2', {text: t('stats.perMinute', {client: args[0]})}), chart);
        const samples = data.minutes.map(function (m) { m.at = Date.parse(m.minute); return m; });
        Charts.line(chart, COUNTERS.map(function (name) {
          return {name: t('stats.' + name), points: samples.map(function (m) { return [m.at, m[name]]; })};
        }).filter(function (s) { return s.points.some(function (p) { return p[1] > 0; }); }),
        {label: t('stats.perMinute', {client: args[0]}), unit: '', empty: t('dash.empty')});
      }).catch(function (error) { detail.replaceChildren(failure(error)); });
    }
  }

  const VIEWS = {dashboard: dashboard, users: users, user: user, person: person, audit: audit, clients: clients, client: client,
    stats: stats};

  // ---------- start ----------
  async function start() {
    applyTexts();
    document.getElementById('lang-switch').addEventListener('click', function () {
      lang = lang === 'en' ? 'zh-CN' : 'en';
      try { window.localStorage.setItem(LANG_KEY, lang); } catch (e) { /* a preference only */ }
      applyTexts();
      route();
    });
    try {
      if (location.pathname === '/console/callback') { await finishSignIn(); }
    } catch (error) {
      show([heading(t('signInFailed', {reason: error.message})),
        el('button', {type: 'button', text: t('retry'), on: {click: beginSignIn}})]);
      return;
    }
    if (!token) { await beginSignIn(); return; }
    const signOutButton = document.getElementById('sign-out');
    signOutButton.hidden = false;
    signOutButton.addEventListener('click', signOut);
    try {
      operator = await api('GET', '/console/api/me');
    } catch (error) {
      if (error.status === 403) { forbidden(error.data); } else { show([failure(error)]); }
      return;
    }
    document.getElementById('nav').hidden = false;
    applyTexts();
    window.addEventListener('hashchange', route);
    route();
  }

  start();
}());
