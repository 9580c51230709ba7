/**
 * SLA information of a request: `GET /rest/servicedeskapi/request/{key}/sla` (a JSM page of
 * `SlaInformationDTO`) and `/sla/{slaMetricId}`, computed from the request as it is now — what a
 * bot checks to tell a requester how long they will wait.
 *
 * The help desk's two metrics ({@link SLA_METRICS}), on a 24/7 calendar: *Time to first response*
 * runs from creation to the first public comment by an agent, *Time to resolution* from creation to
 * the resolution (one cycle each). A running metric is the `ongoingCycle` (with
 * `remainingTime`, negative once breached); a stopped one is a `completedCycles` entry. Only agents
 * see SLAs (403 otherwise); a request of another project has none.
 *
 * @module
 */
import { isAgent } from '../auth.js';
import { SLA_METRICS } from '../catalog.js';
import { jsmDate } from '../dates.js';
import { failJsm } from '../errors.js';
import { zoneOf, type View } from '../serialize.js';
import { store, type Issue } from '../store.js';
import { authenticated, type JiraRouter } from './context.js';
import { findRequest, jsmPage, paging } from './jsm.js';

type Metric = (typeof SLA_METRICS)[number];

/** A duration as JSM's `DurationDTO`: milliseconds and `2h 5m` (minus for a breach). */
function duration(ms: number): Record<string, unknown> {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const friendly = `${ms < 0 ? '-' : ''}${hours > 0 ? `${hours}h ` : ''}${minutes % 60}m`;
  return { millis: ms, friendly };
}

/** When the metric stopped: the first public agent comment, or the resolution; `undefined` while it runs. */
function stopOf(view: View, issue: Issue, metric: Metric): number | undefined {
  if (metric.id === '1') {
    const project = store.projectOf(view.state, issue);
    const first = issue.comments.find((comment) => comment.jsdPublic && comment.visibility === undefined && isAgent(project, view.state.users.get(comment.authorId)));
    return first?.created;
  }
  return issue.resolutionDate ?? undefined;
}

/** One metric of a request as `SlaInformationDTO`. */
function metricJson(view: View, issue: Issue, metric: Metric, now: number): Record<string, unknown> {
  const zone = zoneOf(view);
  const start = issue.created;
  const stop = stopOf(view, issue, metric);
  const breachAt = start + metric.goalMs;
  const end = stop ?? now;
  const cycle = {
    startTime: jsmDate(start, zone),
    breachTime: jsmDate(breachAt, zone),
    breached: end > breachAt,
    goalDuration: duration(metric.goalMs),
    elapsedTime: duration(end - start),
    remainingTime: duration(breachAt - end),
  };
  return {
    id: metric.id,
    name: metric.name,
    _links: { self: `${view.url}/rest/servicedeskapi/request/${issue.id}/sla/${metric.id}` },
    completedCycles: stop === undefined ? [] : [{ ...cycle, stopTime: jsmDate(stop, zone) }],
    ...(stop === undefined ? { ongoingCycle: { ...cycle, paused: false, withinCalendarHours: true } } : {}),
    slaDisplayFormat: 'NEW_SLA_FORMAT',
  };
}

/** The SLA metrics of a request, for an agent (the request's `expand=sla` too). */
export function slaInformation(view: View, issue: Issue, now: number = Date.now()): Record<string, unknown>[] {
  const project = store.projectOf(view.state, issue);
  if (project.typeKey !== 'service_desk' || !isAgent(project, view.viewer)) return [];
  return SLA_METRICS.map((metric) => metricJson(view, issue, metric, now));
}

function agentRequest(view: View, idOrKey: string): Issue {
  const issue = findRequest(view, idOrKey);
  if (!isAgent(store.projectOf(view.state, issue), view.viewer)) failJsm(403, 'You do not have permission to view the SLAs of this request.', 'sd.sla.error.no.permission');
  return issue;
}

/** Adds the SLA routes. */
export function slaRoutes(router: JiraRouter): void {
  router
    .get('/rest/servicedeskapi/request/:issueIdOrKey/sla', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = agentRequest(view, context.params.issueIdOrKey);
      const { start, limit } = paging(request);
      return { status: 200, body: jsmPage(view, `/request/${issue.id}/sla`, slaInformation(view, issue), start, limit) };
    })
    .get('/rest/servicedeskapi/request/:issueIdOrKey/sla/:slaMetricId', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = agentRequest(view, context.params.issueIdOrKey);
      const metric = slaInformation(view, issue).find((candidate) => candidate.id === context.params.slaMetricId);
      if (metric === undefined) return failJsm(404, `The SLA metric '${context.params.slaMetricId}' does not exist.`, 'sd.sla.error.metric.not.found', [context.params.slaMetricId]);
      return { status: 200, body: metric };
    });
}
