/*
 * Threadline chat widget: plain JavaScript, no dependencies. Embed with
 *   <script src="https://gateway.example.com/chat/widget.js" data-site="acme" data-token-url="/chat-token" defer></script>
 * or call ThreadlineChat.start({site, gateway, getToken, container, title}) yourself. The frame protocol is in the
 * channel-gateway README ("Web chat").
 */
(function () {
  'use strict';

  var VISITOR_KEY = 'threadline-chat-visitor';
  var MAX_BACKOFF_MS = 30000;
  var TYPING_TIMEOUT_MS = 10000;
  var QUEUED_RETRY_MS = 5000;
  var script = document.currentScript;

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function storedVisitorId() {
    try {
      var id = window.localStorage.getItem(VISITOR_KEY);
      if (!id) {
        id = randomId();
        window.localStorage.setItem(VISITOR_KEY, id);
      }
      return id;
    } catch (e) {
      return randomId();  // storage blocked: a visitor for this page only
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }  // never HTML: texts come from people
    return node;
  }

  function timeOf(iso) {
    var date = iso ? new Date(iso) : new Date();
    return isNaN(date) ? '' : date.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  }

  function Chat(options) {
    this.site = options.site;
    this.gateway = (options.gateway || defaultGateway()).replace(/\/$/, '');
    this.getToken = options.getToken || null;
    this.visitorId = options.visitorId || null;
    this.title = options.title || 'Support';
    this.sessionKey = 'threadline-chat-session:' + this.site;
    this.history = [];      // the replayed conversation
    this.live = [];         // what happened on this page since: own messages and replies
    this.pending = {};      // own messages without an ack yet, by clientMessageId
    this.backoff = 1000;
    this.state = {connected: false, historyLoaded: false, address: null, notices: [], errors: [], typing: false,
      messages: []};
    this.render(options.container);
    this.connect();
  }

  function defaultGateway() {
    return script && script.src ? new URL(script.src).origin : window.location.origin;
  }

  Chat.prototype.render = function (container) {
    var root = el('section', 'tl-chat');
    root.setAttribute('aria-label', this.title + ' chat');
    var header = el('header', 'tl-chat__header');
    header.appendChild(el('span', 'tl-chat__title', this.title));
    this.statusNode = el('span', 'tl-chat__status', 'connecting…');
    header.appendChild(this.statusNode);
    this.noticeNode = el('div', 'tl-chat__notice');
    this.noticeNode.hidden = true;
    this.listNode = el('ol', 'tl-chat__messages');
    this.listNode.setAttribute('aria-live', 'polite');
    this.typingNode = el('div', 'tl-chat__typing', this.title + ' is typing…');
    this.typingNode.hidden = true;
    var form = el('form', 'tl-chat__form');
    this.input = el('textarea', 'tl-chat__input');
    this.input.rows = 2;
    this.input.placeholder = 'Write a message…';
    this.input.setAttribute('aria-label', 'Message');
    var send = el('button', 'tl-chat__send', 'Send');
    send.type = 'submit';
    form.appendChild(this.input);
    form.appendChild(send);
    var self = this;
    form.addEventListener('submit', function (event) { event.preventDefault(); self.send(self.input.value); });
    this.input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); self.send(self.input.value); }
    });
    [header, this.noticeNode, this.listNode, this.typingNode, form].forEach(function (n) { root.appendChild(n); });
    if (!container) {
      container = el('div', 'tl-chat-floating');
      document.body.appendChild(container);
    }
    container.appendChild(root);
  };

  Chat.prototype.socketUrl = function (token) {
    var url = new URL(this.gateway + '/chat/socket');
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('site', this.site);
    if (token) {
      url.searchParams.set('token', token);
    } else {
      url.searchParams.set('visitor', this.visitorId || storedVisitorId());
    }
    var session = window.sessionStorage.getItem(this.sessionKey);
    if (session) { url.searchParams.set('session', session); }
    return url;
  };

  Chat.prototype.connect = function () {
    var self = this;
    Promise.resolve(this.getToken ? this.getToken() : null).then(function (token) {
      self.open(self.socketUrl(token));
    }, function () {
      self.status('cannot get a visitor token');
      self.retry();
    });
  };

  Chat.prototype.open = function (url) {
    var self = this;
    var opened = false;
    var socket = new WebSocket(url.toString());
    this.socket = socket;
    socket.onopen = function () { opened = true; self.backoff = 1000; };
    socket.onmessage = function (event) { self.receive(JSON.parse(event.data)); };
    socket.onclose = function (event) {
      self.state.connected = false;
      self.showTyping(false);
      if (event.code === 4401) {
        self.status('session expired, reconnecting…');
        self.connect();  // asks the site for a fresh token
      } else if (!opened) {
        self.explainRefusal(url);
      } else {
        self.status('reconnecting…');
        self.retry();
      }
    };
  };

  /** A refused handshake shows scripts no reason; the same URL fetched plainly answers with the problem. */
  Chat.prototype.explainRefusal = function (url) {
    var self = this;
    var probe = new URL(url.toString());
    probe.protocol = probe.protocol === 'wss:' ? 'https:' : 'http:';
    fetch(probe.toString()).then(function (response) {
      if (response.status >= 400 && response.status < 500) {
        return response.json().then(function (problem) {
          self.status('cannot connect');
          self.notice(problem.detail || problem.title);
          self.retry(MAX_BACKOFF_MS);
        });
      }
      self.status('offline, retrying…');
      self.retry();
    }, function () {
      self.status('offline, retrying…');
      self.retry();
    });
  };

  Chat.prototype.retry = function (delay) {
    var self = this;
    var wait = delay || this.backoff;
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    window.setTimeout(function () { self.connect(); }, wait);
  };

  Chat.prototype.receive = function (frame) {
    switch (frame.type) {
      case 'ready':
        window.sessionStorage.setItem(this.sessionKey, frame.sessionId);
        this.state.connected = true;
        this.state.address = frame.address;
        this.status(frame.displayName ? 'connected as ' + frame.displayName : 'connected');
        this.resendPending();
        break;
      case 'history':
        this.history = frame.messages || [];
        this.state.historyLoaded = true;
        this.redraw();
        break;
      case 'notice':
        this.state.notices.push(frame.code);
        if (frame.code === 'history-unavailable') { this.state.historyLoaded = true; }
        this.notice(frame.message);
        break;
      case 'ack':
        this.settle(frame.clientMessageId, 'sent');
        break;
      case 'error':
        this.state.errors.push(frame.code);
        if (frame.clientMessageId && this.pending[frame.clientMessageId]) {
          this.settle(frame.clientMessageId, frame.code === 'unavailable' ? 'queued' : 'failed', frame.message);
        } else {
          this.notice(frame.message);
        }
        break;
      case 'reply':
        this.showTyping(false);
        if (!this.live.some(function (m) { return m.outboundId === frame.outboundId; })) {
          this.live.push({direction: 'outbound', author: this.title, text: frame.text, at: frame.at,
            outboundId: frame.outboundId});
          this.redraw();
        }
        break;
      case 'typing':
        this.showTyping(frame.typing);
        break;
    }
  };

  Chat.prototype.send = function (raw) {
    var text = (raw || '').trim();
    if (!text) { return; }
    var message = {direction: 'inbound', text: text, at: new Date().toISOString(), clientMessageId: randomId(),
      state: 'sending'};
    this.input.value = '';
    this.live.push(message);
    this.pending[message.clientMessageId] = message;
    this.transmit(message);
    this.redraw();
  };

  Chat.prototype.transmit = function (message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN && this.state.connected) {
      this.socket.send(JSON.stringify({type: 'message', text: message.text, clientMessageId: message.clientMessageId}));
    }
  };

  /** After a reconnect: the same clientMessageId, so a message that did arrive is not published twice. */
  Chat.prototype.resendPending = function () {
    var self = this;
    Object.keys(this.pending).forEach(function (id) { self.transmit(self.pending[id]); });
  };

  Chat.prototype.settle = function (clientMessageId, state, reason) {
    var self = this;
    var message = this.pending[clientMessageId];
    if (!message) { return; }
    message.state = state;
    message.reason = reason;
    if (state === 'queued') {
      // Kafka was unavailable: the same message again a little later (a reconnect would resend it too).
      window.setTimeout(function () { if (self.pending[clientMessageId]) { self.transmit(message); } }, QUEUED_RETRY_MS);
    } else {
      delete this.pending[clientMessageId];
    }
    this.redraw();
  };

  /** The replayed history, then what happened on this page and the history does not hold yet. */
  Chat.prototype.transcript = function () {
    var unmatched = this.history.map(function (m) { return m.direction + '\n' + m.text; });
    var newer = this.live.filter(function (m) {
      var index = m.state === 'failed' ? -1 : unmatched.indexOf(m.direction + '\n' + m.text);
      if (index >= 0) { unmatched.splice(index, 1); return false; }
      return true;
    });
    return this.history.concat(newer);
  };

  Chat.prototype.redraw = function () {
    var self = this;
    var messages = this.transcript();
    this.state.messages = messages.map(function (m) {
      return {direction: m.direction, text: m.text, state: m.state || 'delivered'};
    });
    this.listNode.textContent = '';
    messages.forEach(function (m) {
      var item = el('li', 'tl-chat__message tl-chat__message--' + m.direction + (m.state ? ' tl-chat__message--' + m.state : ''));
      item.appendChild(el('div', 'tl-chat__text', m.text));
      var meta = (m.direction === 'outbound' ? (m.author || self.title) + ' · ' : '') + timeOf(m.at);
      if (m.channel && m.channel !== 'chat') { meta += ' · by ' + m.channel; }
      if (m.state === 'sending' || m.state === 'queued') { meta += ' · sending…'; }
      if (m.state === 'failed') { meta += ' · not sent: ' + (m.reason || 'error'); }
      item.appendChild(el('div', 'tl-chat__meta', meta));
      self.listNode.appendChild(item);
    });
    this.listNode.scrollTop = this.listNode.scrollHeight;
  };

  Chat.prototype.showTyping = function (typing) {
    var self = this;
    this.state.typing = !!typing;
    this.typingNode.hidden = !typing;
    window.clearTimeout(this.typingTimer);
    if (typing) {
      // An agent who closes the tab never says "stopped": the indicator fades by itself.
      this.typingTimer = window.setTimeout(function () { self.showTyping(false); }, TYPING_TIMEOUT_MS);
    }
  };

  Chat.prototype.status = function (text) { this.statusNode.textContent = text; };

  Chat.prototype.notice = function (text) {
    this.noticeNode.textContent = text;
    this.noticeNode.hidden = !text;
  };

  function stylesheet(gateway) {
    if (document.querySelector('link[data-threadline-chat]')) { return; }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = gateway.replace(/\/$/, '') + '/chat/widget.css';
    link.setAttribute('data-threadline-chat', '');
    document.head.appendChild(link);
  }

  window.ThreadlineChat = {
    start: function (options) {
      stylesheet(options.gateway || defaultGateway());
      var chat = new Chat(options);
      window.threadlineChat = chat.state;
      return chat;
    }
  };

  if (script && script.dataset.site) {
    var tokenUrl = script.dataset.tokenUrl;
    var start = function () {
      window.ThreadlineChat.start({
        site: script.dataset.site,
        title: script.dataset.title,
        getToken: tokenUrl ? function () {
          return fetch(tokenUrl, {credentials: 'include'}).then(function (r) { return r.ok ? r.text() : null; });
        } : null
      });
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
    } else {
      start();
    }
  }
})();
