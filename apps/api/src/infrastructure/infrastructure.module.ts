import { Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createActionDecider, createCaseDecider, createEscalationDecider } from '@casetrail/domain';
import { BackgroundCheckpoints, EventStore, openEventStore, StreamCache } from '@casetrail/event-store';
import { createTokenVerifier, ensureLocalSigningKey } from '@casetrail/identity';
import { allProjections, ProjectionRunner, Projections, ReadModelStore } from '@casetrail/projections';
import type { Settings } from '@casetrail/settings';
import { Clock } from './clock';
import { ProjectionThread } from './projection-thread';
import { ACTION_DECIDER, CASE_DECIDER, ESCALATION_DECIDER, SETTINGS, TOKEN_VERIFIER } from './tokens';

export interface InfrastructureOverrides {
  clock?: Clock;
}

/**
 * The event store, the read-model database, the projection runner and the token verifier,
 * made once from the validated settings and closed in order on shutdown.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModelStore) private readonly readModels: ReadModelStore,
    @Inject(Projections) private readonly projections: Projections,
    @Inject(BackgroundCheckpoints) private readonly checkpoints: BackgroundCheckpoints,
  ) {}

  static forSettings(settings: Settings, overrides: InfrastructureOverrides = {}) {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: SETTINGS, useValue: settings },
        { provide: Clock, useValue: overrides.clock ?? new Clock() },
        { provide: CASE_DECIDER, useFactory: () => createCaseDecider(settings.caseRules) },
        { provide: ACTION_DECIDER, useFactory: () => createActionDecider(settings.actionRules) },
        { provide: ESCALATION_DECIDER, useFactory: () => createEscalationDecider(settings.escalationLadder) },
        // One worker checkpoints both SQLite files off the event loop.
        { provide: BackgroundCheckpoints, useFactory: () => new BackgroundCheckpoints() },
        {
          provide: EventStore,
          inject: [BackgroundCheckpoints],
          useFactory: (checkpoints: BackgroundCheckpoints) =>
            new StreamCache(
              openEventStore(settings.eventStore, { checkpoints, commits: settings.commitsThread }),
              settings.streamCacheEvents,
              { headIsCheap: settings.eventStore.adapter === 'sqlite' },
            ),
        },
        {
          provide: ReadModelStore,
          inject: [BackgroundCheckpoints],
          useFactory: (checkpoints: BackgroundCheckpoints) =>
            new ReadModelStore(settings.readModelsPath, { checkpoints }),
        },
        {
          provide: Projections,
          inject: [EventStore, ReadModelStore],
          useFactory: (store: EventStore, readModels: ReadModelStore): Projections => {
            const logger = new Logger('ProjectionRunner');
            const { eventStore } = settings;
            return eventStore.adapter === 'sqlite' && settings.projectionsThread === 'worker'
              ? new ProjectionThread(store, readModels, { eventStorePath: eventStore.path, readModelsPath: settings.readModelsPath }, logger)
              : new ProjectionRunner(store, readModels, allProjections, { logger });
          },
        },
        {
          provide: TOKEN_VERIFIER,
          useFactory: async () =>
            createTokenVerifier(
              settings.jwt,
              settings.jwt.jwksUrl ? undefined : await ensureLocalSigningKey(settings.dataDir),
            ),
        },
      ],
      exports: [SETTINGS, Clock, CASE_DECIDER, ACTION_DECIDER, ESCALATION_DECIDER, EventStore, ReadModelStore, Projections, TOKEN_VERIFIER],
    };
  }

  onApplicationBootstrap(): void {
    this.projections.start();
    this.logger.log(`Projections started (${this.projections instanceof ProjectionThread ? 'on their own thread' : 'on the main thread'})`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    this.readModels.close();
    await this.store.close();
    // Last: its connections close after the stores', so each WAL is checkpointed and removed.
    await this.checkpoints.close();
  }
}
