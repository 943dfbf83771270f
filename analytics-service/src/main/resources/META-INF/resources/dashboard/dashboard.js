// The analytics dashboard: reads the KPI endpoints of this service and draws them with Chart.js.
// State for tests and debugging: window.threadlineDashboard.{charts, loaded, refreshes, error}.
(function () {
  'use strict';

  const API = '../api/v1/metrics/';
  const REFRESH_MS = 30000;
  const COLORS = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#64748b'];
  const state = { charts: {}, loaded: false, refreshes: 0, error: null };
  window.threadlineDashboard = state;

  const form = document.getElementById('filters');
  const status = document.getElementById('status');
  let timer = null;

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  /** Filters from the URL (?from=2026-11-01&to=2026-12-01&channel=email&interval=day&zone=UTC), else 30 days. */
  function initialFilters() {
    const params = new URLSearchParams(window.location.search);
    const today = new Date();
    const tomorrow = new Date(today.getTime() + 86400000);
    form.from.value = params.get('from') || isoDate(new Date(tomorrow.getTime() - 30 * 86400000));
    form.to.value = params.get('to') || isoDate(tomorrow);
    form.interval.value = params.get('interval') || 'day';
    form.zone.value = params.get('zone') || 'UTC';
    form.refresh.checked = params.get('refresh') !== 'off';
    if (params.get('channel')) {
      addChannelOption(params.get('channel'));
      form.channel.value = params.get('channel');
    }
  }

  function addChannelOption(channel) {
    if (![...form.channel.options].some(o => o.value === channel)) {
      form.channel.add(new Option(channel, channel));
    }
  }

  function query(extra) {
    const params = new URLSearchParams({
      from: form.from.value + 'T00:00:00Z',
      to: form.to.value + 'T00:00:00Z',
      interval: form.interval.value,
      zone: form.zone.value || 'UTC'
    });
    if (form.channel.value) {
      params.set('channel', form.channel.value);
    }
    Object.entries(extra || {}).forEach(([k, v]) => params.set(k, v));
    return params;
  }

  async function get(kpi, params) {
    const response = await fetch(API + kpi + '?' + params.toString(), { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || (kpi + ': HTTP ' + response.status));
    }
    return response.json();
  }

  function duration(seconds) {
    if (seconds === undefined || seconds === null) {
      return '–';
    }
    if (seconds < 3600) {
      return Math.round(seconds / 60) + ' min';
    }
    if (seconds < 172800) {
      return (seconds / 3600).toFixed(1) + ' h';
    }
    return (seconds / 86400).toFixed(1) + ' d';
  }

  function percent(value) {
    return value === undefined || value === null ? '–' : value.toFixed(1) + ' %';
  }

  function setText(id, text) {
    document.getElementById(id).textContent = text;
  }

  function label(start) {
    return form.interval.value === 'hour' ? start.slice(0, 16).replace('T', ' ') : start.slice(0, 10);
  }

  /** Creates the chart on first use, then replaces its data in place. */
  function draw(id, type, labels, datasets, options) {
    const existing = state.charts[id];
    if (existing) {
      existing.data.labels = labels;
      existing.data.datasets = datasets;
      existing.update('none');
      return;
    }
    state.charts[id] = new Chart(document.getElementById(id), {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: Object.assign({
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' } }
      }, options || {})
    });
  }

  function line(labelText, data, color) {
    return { label: labelText, data: data, borderColor: color, backgroundColor: color, tension: 0.2, spanGaps: true };
  }

  function starts(report) {
    return [...new Set(report.series.map(p => p.start))];
  }

  function drawVolumes(volumes) {
    const labels = volumes.series.map(p => label(p.start));
    draw('chart-volumes', 'line', labels, [
      line('Created', volumes.series.map(p => p.ticketsCreated), COLORS[0]),
      line('Solved', volumes.series.map(p => p.ticketsSolved), COLORS[1]),
      line('Reopened', volumes.series.map(p => p.ticketsReopened), COLORS[2]),
      line('Messages received', volumes.series.map(p => p.messagesReceived), COLORS[3])
    ], { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
  }

  function drawChannels(byChannel) {
    const buckets = starts(byChannel);
    const channels = [...new Set(byChannel.series.map(p => p.channel))].sort();
    channels.forEach(addChannelOption);
    const datasets = channels.map((channel, i) => ({
      label: channel,
      backgroundColor: COLORS[i % COLORS.length],
      data: buckets.map(start => {
        const point = byChannel.series.find(p => p.start === start && p.channel === channel);
        return point ? point.ticketsCreated : 0;
      })
    }));
    draw('chart-channels', 'bar', buckets.map(label), datasets,
      { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } });
  }

  function hours(clock) {
    return clock && clock.medianSeconds !== undefined ? +(clock.medianSeconds / 3600).toFixed(2) : null;
  }

  function drawTimes(times) {
    draw('chart-times', 'line', times.series.map(p => label(p.start)), [
      line('First response', times.series.map(p => hours(p.firstResponse)), COLORS[0]),
      line('Full resolution', times.series.map(p => hours(p.fullResolution)), COLORS[4])
    ], { scales: { y: { beginAtZero: true } } });
  }

  function drawSatisfaction(satisfaction) {
    const series = satisfaction.series.filter(p => p.csatResponses > 0 || p.npsResponses > 0);
    draw('chart-satisfaction', 'bar', series.map(p => label(p.start)), [
      { label: 'CSAT %', backgroundColor: COLORS[1], data: series.map(p => p.csatPercent === undefined ? null : p.csatPercent) },
      { label: 'NPS', backgroundColor: COLORS[3], data: series.map(p => p.nps === undefined ? null : p.nps) }
    ], { scales: { y: { min: -100, max: 100 } } });
  }

  function drawBacklog(backlog) {
    const statuses = Object.keys(backlog.byStatus);
    draw('chart-backlog', 'doughnut', statuses, [{
      data: statuses.map(s => backlog.byStatus[s]),
      backgroundColor: statuses.map((s, i) => COLORS[i % COLORS.length])
    }]);
  }

  async function refresh() {
    status.textContent = 'Loading…';
    try {
      const params = query();
      const [volumes, byChannel, times, rates, satisfaction, backlog] = await Promise.all([
        get('volumes', query({ by: 'none' })),
        get('volumes', query({ by: 'channel' })),
        get('response-times', params),
        get('resolution-rates', params),
        get('satisfaction', params),
        get('backlog', form.channel.value ? new URLSearchParams({ channel: form.channel.value }) : new URLSearchParams())
      ]);
      setText('tile-created', volumes.totals.ticketsCreated);
      setText('tile-solved', volumes.totals.ticketsSolved);
      setText('tile-frt', duration(times.totals.firstResponse.medianSeconds));
      setText('tile-resolution', duration(times.totals.fullResolution.medianSeconds));
      setText('tile-fcr', percent(rates.totals.firstContactResolutionPercent));
      setText('tile-reopen', percent(rates.totals.reopenPercent));
      setText('tile-csat', percent(satisfaction.totals.csatPercent));
      setText('tile-nps', satisfaction.totals.nps === undefined ? '–' : satisfaction.totals.nps.toFixed(0));
      setText('tile-backlog', backlog.total);
      setText('tile-oldest', duration(backlog.oldestUnansweredSeconds));
      drawVolumes(volumes);
      drawChannels(byChannel);
      drawTimes(times);
      drawSatisfaction(satisfaction);
      drawBacklog(backlog);
      document.getElementById('csv').href = API + 'volumes?' + query({ format: 'csv' }).toString();
      state.refreshes++;
      state.loaded = true;
      state.error = null;
      status.textContent = 'Updated ' + new Date().toLocaleTimeString() + ' · ' + volumes.from + ' to ' + volumes.to
        + ' (' + volumes.zone + ')';
    } catch (e) {
      state.error = String(e.message || e);
      status.textContent = 'Could not load the KPIs: ' + state.error;
    }
    schedule();
  }

  function schedule() {
    clearTimeout(timer);
    if (form.refresh.checked) {
      timer = setTimeout(refresh, REFRESH_MS);
    }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    refresh();
  });
  form.refresh.addEventListener('change', schedule);

  initialFilters();
  refresh();
})();
