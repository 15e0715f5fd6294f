import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { v5 as uuidv5 } from 'uuid';
import {
  type CaseCommand,
  type CaseCommandType,
  type Decider,
  type DomainEvent,
  DomainRuleViolated,
} from '@casetrail/domain';
import type { CommandContext } from '@casetrail/event-store';
import { CommandEnvelope } from '../../commands/command-envelope.decorator';
import { ActionPlanFacts } from '../../action-plans/action-plan-facts';
import { Clock } from '../../infrastructure/clock';
import { CASE_DECIDER } from '../../infrastructure/tokens';
import { ExecuteOnStream, type StreamAnswer } from '../../commands/execute-on-stream';
import { CaseIdPipe } from '../case-id.pipe';
import * as Dto from './case-command.dtos';


const CASE_ID_NAMESPACE = 'c3a5e7b1-6d42-4f0a-9b8e-3e1f5a7c2d64';

/**
 * The case lifecycle over HTTP (issue #3's public contract). Each route only builds the
 * command; the decider judges it. Answers 201 `{ caseId, version, position }` with the case
 * version as ETag, for If-Match on the next command and minPosition on the next query.
 */
@Controller('api/cases')
export class CaseCommandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly facts: ActionPlanFacts,
    @Inject(CASE_DECIDER) private readonly decider: Decider<CaseCommand, DomainEvent, unknown>,
  ) {}

  @Post()
  @HttpCode(201)
  refer(
    @Body() { caseId, ...data }: Dto.ReferCaseDto,
    @CommandEnvelope() context: CommandContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    // A retried referral with the same key must land on the same case: derive the id from the command.
    const id = caseId ?? uuidv5(context.commandId, CASE_ID_NAMESPACE);
    return this.send(id, 'ReferCase', { ...data, caseId: id }, context, res);
  }

  @Post(':caseId/national-panel-notification')
  notifySeriousIncident(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.NotifySeriousIncidentDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'NotifySeriousIncident', dto, c, r);
  }

  @Post(':caseId/consideration')
  considerReferral(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.ConsiderReferralDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'ConsiderReferral', dto, c, r);
  }

  @Post(':caseId/rapid-review/start')
  startRapidReview(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.StartRapidReviewDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'StartRapidReview', dto, c, r);
  }

  @Post(':caseId/rapid-review')
  completeRapidReview(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.CompleteRapidReviewDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'CompleteRapidReview', dto, c, r);
  }

  @Post(':caseId/decision/deferral')
  deferDecision(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.DeferDecisionDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'DeferDecision', dto, c, r);
  }

  @Post(':caseId/decision/recommendation')
  recommendDecision(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecommendDecisionDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'RecommendDecision', dto, c, r);
  }

  @Post(':caseId/decision')
  recordDecision(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecordDecisionDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'RecordDecision', dto, c, r);
  }

  @Post(':caseId/decision/panel-notification')
  notifyNationalPanel(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.NotifyNationalPanelDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'NotifyNationalPanel', dto, c, r);
  }

  @Post(':caseId/national-panel-response')
  recordPanelResponse(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecordPanelResponseDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'RecordPanelResponse', dto, c, r);
  }

  @Post(':caseId/decision/contest')
  contestDecision(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.ContestDecisionDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'ContestDecision', dto, c, r);
  }

  @Post(':caseId/decision/reaffirmation')
  reaffirmDecision(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.ReaffirmDecisionDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'ReaffirmDecision', dto, c, r);
  }

  @Post(':caseId/decision/revision')
  reviseDecision(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.ReviseDecisionDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'ReviseDecision', dto, c, r);
  }

  @Post(':caseId/parallel-processes')
  recordParallelProcess(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecordParallelProcessDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'RecordParallelProcess', dto, c, r);
  }

  @Post(':caseId/parallel-processes/:processId/conclusion')
  concludeParallelProcess(
    @Param('caseId', CaseIdPipe) id: string,
    @Param('processId') processId: string,
    @Body() dto: Dto.ConcludeParallelProcessDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'ConcludeParallelProcess', { ...dto, processId }, c, r);
  }

  @Post(':caseId/review')
  commissionReview(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.CommissionReviewDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'CommissionReview', dto, c, r);
  }

  @Post(':caseId/review/pause')
  pauseReview(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.PauseReviewDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'PauseReview', dto, c, r);
  }

  @Post(':caseId/review/resume')
  resumeReview(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.ResumeReviewDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'ResumeReview', dto, c, r);
  }

  @Post(':caseId/review/extension')
  extendReview(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.ExtendReviewTimescaleDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'ExtendReviewTimescale', dto, c, r);
  }

  @Post(':caseId/review/reviewers')
  appointReviewer(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.AppointReviewerDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'AppointReviewer', dto, c, r);
  }

  @Post(':caseId/review/terms-of-reference')
  agreeTermsOfReference(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.AgreeTermsOfReferenceDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'AgreeTermsOfReference', dto, c, r);
  }

  @Post(':caseId/review/agency-reports/declined')
  recordAgencyReportDeclined(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecordAgencyReportDeclinedDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'RecordAgencyReportDeclined', dto, c, r);
  }

  @Post(':caseId/review/practitioner-events')
  recordPractitionerEvent(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecordPractitionerEventDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'RecordPractitionerEvent', dto, c, r);
  }

  @Post(':caseId/review/family-involvement')
  recordFamilyInvolvement(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecordFamilyInvolvementDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'RecordFamilyInvolvement', dto, c, r);
  }

  @Post(':caseId/review/reports')
  completeReport(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.CompleteReportDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'CompleteReport', dto, c, r);
  }

  @Post(':caseId/review/sign-off')
  signOffReport(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.SignOffReportDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'SignOffReport', dto, c, r);
  }

  @Post(':caseId/review/publication-notice')
  notifyPanelOfPublication(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.NotifyPanelOfPublicationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'NotifyPanelOfPublication', dto, c, r);
  }

  @Post(':caseId/review/publication-deferral')
  deferPublication(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.DeferPublicationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'DeferPublication', dto, c, r);
  }

  @Post(':caseId/review/publication')
  publishReview(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.PublishReviewDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'PublishReview', dto, c, r);
  }

  @Post(':caseId/review/publication-withheld')
  withholdPublication(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.WithholdPublicationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'WithholdPublication', dto, c, r);
  }

  @Post(':caseId/review/scrutiny')
  presentReportToScrutiny(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.PresentReportToScrutinyDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'PresentReportToScrutiny', dto, c, r);
  }

  @Post(':caseId/review/evaluation')
  evaluateReview(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.EvaluateReviewDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'EvaluateReview', dto, c, r);
  }

  @Post(':caseId/learning')
  identifyLearning(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.IdentifyLearningDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'IdentifyLearning', dto, c, r);
  }

  /** A briefing, learning event, training or newsletter that spread the case's learning. */
  @Post(':caseId/learning/disseminations')
  disseminateLearning(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.DisseminateLearningDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'DisseminateLearning', dto, c, r);
  }

  @Post(':caseId/findings')
  recordFinding(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecordFindingDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'RecordFinding', dto, c, r);
  }

  @Post(':caseId/recommendations')
  async addRecommendation(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.AddRecommendationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    // An earlier review on record in another case: its stream says whether the link holds.
    const prior = dto.repeats;
    if (prior?.caseId && prior.recommendationId && prior.caseId !== id) {
      const earlier = await this.facts.caseState(prior.caseId);
      const found =
        earlier.status !== 'NOT_REFERRED' &&
        earlier.recommendations.some((rec) => rec.recommendationId === prior.recommendationId);
      if (!found)
        throw new DomainRuleViolated(
          'repeated-recommendation-on-record',
          `Case ${prior.caseId} has no recommendation ${prior.recommendationId}`,
        );
    }
    return this.send(id, 'AddRecommendation', dto, c, r);
  }

  @Post(':caseId/recommendations/:recommendationId/closure-without-action')
  closeRecommendation(
    @Param('caseId', CaseIdPipe) id: string,
    @Param('recommendationId') recommendationId: string,
    @Body() dto: Dto.CloseRecommendationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'CloseRecommendationWithoutAction', { ...dto, recommendationId }, c, r);
  }

  @Post(':caseId/new-information')
  recordNewInformation(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.RecordNewInformationDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'RecordNewInformation', dto, c, r);
  }

  @Post(':caseId/regime-transition')
  transitionRegime(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.TransitionRegimeDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'TransitionRegime', dto, c, r);
  }

  @Post(':caseId/closure')
  closeCase(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.CloseCaseDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    // Actions and escalations live in their own streams: their state comes from the read model.
    return this.send(
      id,
      'CloseCase',
      { ...dto, recommendationsWithSettledActions: this.facts.settledRecommendations(id), openEscalations: this.facts.openEscalations(id) },
      c,
      r,
    );
  }

  @Post(':caseId/reopening')
  reopenCase(
    @Param('caseId', CaseIdPipe) id: string,
    @Body() dto: Dto.ReopenCaseDto,
    @CommandEnvelope() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.send(id, 'ReopenCase', dto, c, r);
  }

  private async send<T extends CaseCommandType>(
    caseId: string,
    type: T,
    data: Extract<CaseCommand, { type: T }>['data'],
    context: CommandContext,
    res: FastifyReply,
  ): Promise<{ caseId: string } & StreamAnswer> {
    const command = { type, today: this.clock.today(), data: { ...data } } as CaseCommand;
    const answer = await this.commands.execute(new ExecuteOnStream(`case-${caseId}`, this.decider, command, context));
    res.status(201).header('ETag', `"${answer.version}"`);
    return { caseId, ...answer };
  }
}
