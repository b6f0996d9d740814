// A small reader of Tally's feed written against the types openapi-typescript generates
// from docs/openapi.json, compiled with tsc --strict: every field the document marks
// nullable must be checked before use, and every closed set is a union of its values.
import type { components } from './generated/tally.js';
import * as recorded from './generated/recorded.js';

type Contest = components['schemas']['ContestResponse'];
type Election = components['schemas']['ElectionSummaryResponse'];
type CallStatus = components['schemas']['CallResponse']['status'];

export function headline(contest: Contest): string {
  const leader = contest.candidates.find((candidate) => candidate.leading);
  const counted = contest.precinctsReportingPct === null ? 'precincts unknown' : `${contest.precinctsReportingPct}% of precincts`;
  const threshold = contest.threshold === null ? '' : ` (passes at ${contest.threshold.toFixed(1)}%)`;
  const expected = contest.expectedVotePct === null ? '' : `, ${contest.expectedVotePct}% of the expected vote`;
  return `${contest.name}${threshold}: ${leader === undefined ? 'no leader' : leader.name} leads, ${counted}${expected}, ${describe(contest.call.status)}`;
}

export function concessions(contest: Contest): string[] {
  return contest.candidates
    .filter((candidate) => candidate.conceded)
    .map((candidate) => `${candidate.name} conceded ${candidate.concededAt === null ? 'at an unknown time' : new Date(candidate.concededAt).toISOString()}`);
}

export function updated(election: Election): string {
  return election.lastUpdated === null ? `${election.name}: nothing counted yet` : `${election.name}: updated ${election.lastUpdated}`;
}

function describe(status: CallStatus): string {
  switch (status) {
    case 'called':
      return 'called';
    case 'runoff':
      return 'going to a runoff';
    case 'not-called':
    case 'uncalled':
      return 'not called';
    case 'too-early':
      return 'too early to call';
    case 'too-close':
      return 'too close to call';
  }
}

export const lines: string[] = [
  headline(recorded.contestCa34),
  headline(recorded.contestUncalled),
  ...concessions(recorded.contestCa34),
  ...recorded.elections.map(updated),
];
