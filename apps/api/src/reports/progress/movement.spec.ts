import type { DerivedRag } from '@casetrail/domain';
import { movementSince } from './movement';
import type { ActionLine, RecommendationProgress, ReviewProgress } from './progress-report';

describe('movementSince', () => {
  it('leaves out an overdue action that has only grown older', () => {
    const was = review([recommendation('1', [line('A1', 'OVERDUE', 'RED', 3)])]);
    const now = review([recommendation('1', [line('A1', 'OVERDUE', 'RED', 40)])]);
    expect(movementSince('2020-01-01', now, was).actions).toEqual([]);
  });

  it('lists an action addressing two recommendations once', () => {
    const was = review([recommendation('1', []), recommendation('2', [])]);
    const a1 = line('A1', 'ON_TRACK', 'GREEN');
    const now = review([recommendation('1', [a1]), recommendation('2', [a1])]);
    expect(movementSince('2020-01-01', now, was).actions).toEqual([
      { actionId: 'A1', actionText: 'Do A1', was: null, now: standing('ON_TRACK', 'GREEN') },
    ]);
  });

  it('lists an action withdrawn since with nothing now, and a sign-off by its sub-status', () => {
    const was = review([
      recommendation('1', [
        line('A1', 'ON_TRACK', 'GREEN'),
        line('A2', 'COMPLETE', 'BLUE', null, 'AWAITING_SIGN_OFF'),
      ]),
    ]);
    const now = review([recommendation('1', [line('A2', 'COMPLETE', 'BLUE', null, 'SIGNED_OFF')])]);
    expect(movementSince('2020-01-01', now, was).actions).toEqual([
      {
        actionId: 'A2',
        actionText: 'Do A2',
        was: standing('COMPLETE', 'BLUE', null, 'AWAITING_SIGN_OFF'),
        now: standing('COMPLETE', 'BLUE', null, 'SIGNED_OFF'),
      },
      { actionId: 'A1', actionText: 'Do A1', was: standing('ON_TRACK', 'GREEN'), now: null },
    ]);
  });

  it('has no figures for a review not drawn on the earlier date, and every action is new', () => {
    const now = review([recommendation('1', [line('A1', 'AT_RISK', 'AMBER')])]);
    const movement = movementSince('2020-01-01', now, undefined);
    expect(movement.was).toBeNull();
    expect(movement.actions).toEqual([
      { actionId: 'A1', actionText: 'Do A1', was: null, now: standing('AT_RISK', 'AMBER') },
    ]);
  });
});

const standing = (
  status: string,
  rag: DerivedRag,
  daysOverdue: number | null = null,
  subStatus: string | null = null,
) => ({ status, subStatus, rag, daysOverdue });

function line(
  actionId: string,
  status: string,
  rag: DerivedRag,
  daysOverdue: number | null = null,
  subStatus: string | null = null,
): ActionLine {
  return {
    actionId,
    actionText: `Do ${actionId}`,
    status,
    subStatus,
    rag,
    daysOverdue,
  } as ActionLine;
}

function recommendation(recommendationId: string, lines: ActionLine[]): RecommendationProgress {
  return {
    recommendationId,
    done: lines.filter((l) => l.status === 'COMPLETE'),
    remaining: lines.filter((l) => l.status !== 'COMPLETE'),
  } as RecommendationProgress;
}

function review(byRecommendation: RecommendationProgress[]): ReviewProgress {
  return { caseId: 'C1', reviewRag: null, byRecommendation } as unknown as ReviewProgress;
}
