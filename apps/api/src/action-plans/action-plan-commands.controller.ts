import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import {
  daysBetween,
  isCompleted,
  isWithdrawn,
  type ActionCommand,
  ActionEvent,
  ActionState,
  Decider,
  DomainEvent,
  EscalationCommand,
  EscalationEvent,
  EscalationState,
} from '@casetrail/domain';
import type { CommandContext } from '@casetrail/event-store';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CommandEnvelope } from '../commands/command-envelope.decorator';
import { ExecuteOnStream } from '../commands/execute-on-stream';
import { InvalidInput } from '../http/problem-details';
import { Clock } from '../infrastructure/clock';
import { ACTION_DECIDER, ESCALATION_DECIDER } from '../infrastructure/tokens';
import * as Dto from './action-plan.dtos';
import { ActionPlanFacts } from './action-plan-facts';

type Answer = Record<string, string>;

/**
 * Action plans and escalations over HTTP (issue #4's public contract). Routes build commands,
 * adding the facts from other streams that the deciders judge; answers are
 * `201 { <id>, version, position }` with the stream version as ETag.
 */
@Controller('api')
export class ActionPlanCommandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly facts: ActionPlanFacts,
    @Inject(ACTION_DECIDER)
    private readonly actions: Decider<ActionCommand, ActionEvent, ActionState>,
    @Inject(ESCALATION_DECIDER)
    private readonly escalations: Decider<EscalationCommand, EscalationEvent, EscalationState>,
  ) {}

  @Post('cases/:caseId/recommendations/:recommendationId/actions')
  @HttpCode(201)
  async plan(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('recommendationId', CaseIdPipe) recommendationId: string,
    @Body() { alsoAddresses = [], ...data }: Dto.PlanActionDto,
    @CommandEnvelope() context: CommandContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const planning = await this.facts.planningContext(caseId);
    const recommendationIds = [
      recommendationId,
      ...alsoAddresses.filter((id) => id !== recommendationId),
    ];
    return this.onAction(
      data.actionId,
      'PlanAction',
      { ...data, caseId, recommendationIds, context: planning },
      context,
      res,
    );
  }

  @Post('actions/:actionId/progress')
  progress(
    @Param('actionId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecordProgressDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.onAction(id, 'RecordProgress', dto, c, r);
  }

  /** Re-dates a scheduled action (reason and approver required) or gives an unscheduled one its first date. */
  @Post('actions/:actionId/due-date')
  async dueDate(
    @Param('actionId', CaseIdPipe) id: string,
    @Body() { dueDate, approvedBy, ...dto }: Dto.DueDateDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const state = await this.facts.actionState(id);
    if (state.status !== 'NOT_PLANNED' && state.currentDueDate === undefined) {
      return this.onAction(
        id,
        'SetDueDate',
        { ...dto, dueDate, ...(approvedBy && { approvedBy }) },
        c,
        r,
      );
    }
    if (!approvedBy)
      throw new InvalidInput([
        { field: 'approvedBy', reason: 'who agreed the new date is required to change a due date' },
      ]);
    return this.onAction(id, 'ChangeDueDate', { ...dto, toDate: dueDate, approvedBy }, c, r);
  }

  /** Hands the action to a new lead: the overdue lists count it under them from now on. */
  @Post('actions/:actionId/lead')
  changeLead(
    @Param('actionId', CaseIdPipe) id: string,
    @Body() dto: Dto.ChangeLeadDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.onAction(id, 'ChangeLead', dto, c, r);
  }

  @Post('actions/:actionId/completion')
  complete(
    @Param('actionId', CaseIdPipe) id: string,
    @Body() dto: Dto.CompleteActionDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.onAction(id, 'CompleteAction', dto, c, r);
  }

  @Post('actions/:actionId/sign-off')
  async signOff(
    @Param('actionId', CaseIdPipe) id: string,
    @Body() dto: Dto.SignOffDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const { occurredOn, by } = dto;
    if (dto.decision === 'RETURN') {
      if (!dto.reason)
        throw new InvalidInput([
          { field: 'reason', reason: 'a completion sent back needs a reason' },
        ]);
      return this.onAction(id, 'ReturnCompletion', { occurredOn, by, reason: dto.reason }, c, r);
    }
    if (!dto.impactAssessment)
      throw new InvalidInput([
        { field: 'impactAssessment', reason: 'a sign-off records its impact assessment' },
      ]);
    const state = await this.facts.actionState(id);
    const body = state.status === 'NOT_PLANNED' ? 'PAQA' : state.monitoringBody;
    return this.onAction(
      id,
      'SignOffCompletion',
      {
        occurredOn,
        body,
        chair: by,
        impactAssessment: dto.impactAssessment,
        ...(dto.comment && { comment: dto.comment }),
        ...(dto.evidenceWaivedReason && { evidenceWaivedReason: dto.evidenceWaivedReason }),
      },
      c,
      r,
    );
  }

  @Post('actions/:actionId/cancellation')
  cancel(
    @Param('actionId', CaseIdPipe) id: string,
    @Body() { supersededByActionId, ...dto }: Dto.CancellationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return supersededByActionId
      ? this.onAction(id, 'SupersedeAction', { ...dto, supersededByActionId }, c, r)
      : this.onAction(id, 'CancelAction', dto, c, r);
  }

  @Post('actions/:actionId/escalations')
  async escalateAction(
    @Param('actionId', CaseIdPipe) actionId: string,
    @Body() dto: Dto.RaiseEscalationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const action = await this.facts.actionState(actionId);
    const planned = action.status !== 'NOT_PLANNED' ? action : undefined;
    const open = planned !== undefined && !isCompleted(planned) && !isWithdrawn(planned);
    const dueDate = planned?.currentDueDate;
    const daysOverdue =
      dueDate && dueDate < dto.occurredOn ? daysBetween(dueDate, dto.occurredOn) : undefined;
    const subject = { kind: 'ACTION' as const, id: actionId, caseId: planned?.caseId ?? '' };
    return this.raise(
      dto,
      subject,
      { subjectOpen: open, highestOpenLevel: this.facts.highestOpenLevel(actionId) },
      { dueDate, daysOverdue },
      c,
      r,
    );
  }

  @Post('cases/:caseId/escalations')
  async escalateCase(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() dto: Dto.RaiseEscalationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const state = await this.facts.caseState(caseId);
    const subjectOpen = state.status !== 'NOT_REFERRED' && state.status !== 'CLOSED';
    return this.raise(
      dto,
      { kind: 'CASE', id: caseId, caseId },
      { subjectOpen, highestOpenLevel: this.facts.highestOpenLevel(caseId) },
      {},
      c,
      r,
    );
  }

  @Post('escalations/:escalationId/acknowledgement')
  acknowledge(
    @Param('escalationId', CaseIdPipe) id: string,
    @Body() dto: Dto.AcknowledgeEscalationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.onEscalation(id, 'AcknowledgeEscalation', dto, c, r);
  }

  @Post('escalations/:escalationId/resolution')
  resolve(
    @Param('escalationId', CaseIdPipe) id: string,
    @Body() dto: Dto.ResolveEscalationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.onEscalation(id, 'ResolveEscalation', dto, c, r);
  }

  @Post('escalations/:escalationId/referral-up')
  referUp(
    @Param('escalationId', CaseIdPipe) id: string,
    @Body() dto: Dto.ReferEscalationUpDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.onEscalation(id, 'ReferEscalationUp', { ...dto, automatic: false }, c, r);
  }

  private raise(
    { escalationId, addressedTo, ...dto }: Dto.RaiseEscalationDto,
    subject: { kind: 'ACTION' | 'CASE'; id: string; caseId: string },
    context: { subjectOpen: boolean; highestOpenLevel: number },
    overdue: { dueDate?: string; daysOverdue?: number },
    c: CommandContext,
    r: FastifyReply,
  ) {
    const data = {
      ...dto,
      escalationId,
      subject,
      automatic: false,
      context,
      ...(addressedTo && { addressedTo }),
      ...definedOnly(overdue),
    };
    return this.onEscalation(escalationId, 'RaiseEscalation', data, c, r);
  }

  private onAction<T extends ActionCommand['type']>(
    actionId: string,
    type: T,
    data: Extract<ActionCommand, { type: T }>['data'],
    c: CommandContext,
    r: FastifyReply,
  ) {
    const command = { type, today: this.clock.today(), data: { ...data } } as ActionCommand;
    return this.send(`action-${actionId}`, this.actions, command, { actionId }, c, r);
  }

  private onEscalation<T extends EscalationCommand['type']>(
    escalationId: string,
    type: T,
    data: Extract<EscalationCommand, { type: T }>['data'],
    c: CommandContext,
    r: FastifyReply,
  ) {
    const command = { type, today: this.clock.today(), data: { ...data } } as EscalationCommand;
    return this.send(
      `escalation-${escalationId}`,
      this.escalations,
      command,
      { escalationId },
      c,
      r,
    );
  }

  private async send<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    id: Answer,
    c: CommandContext,
    r: FastifyReply,
  ): Promise<Answer> {
    const answer = await this.commands.execute(
      new ExecuteOnStream(
        streamId,
        decider as unknown as Decider<C, DomainEvent, unknown>,
        command,
        c,
      ),
    );
    r.status(201).header('ETag', `"${answer.version}"`);
    return { ...id, ...answer };
  }
}

const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
