import { InvalidSettings, loadSettings } from './settings';

describe('loading settings from the environment', () => {
  describe('when nothing is set', () => {
    it('runs on the embedded store in ./data with a local signing key', () => {
      const settings = loadSettings({});
      expect(settings.port).toBe(3000);
      expect(settings.dataDir).toMatch(/\/data$/);
      expect(settings.eventStore).toEqual({ adapter: 'sqlite', path: `${settings.dataDir}/events.sqlite` });
      expect(settings.jwt).toEqual({ issuer: 'casetrail-local', audience: 'casetrail', jwksUrl: undefined, algorithms: ['EdDSA'] });
    });
  });

  describe('when EventStoreDB is chosen', () => {
    it('takes a cluster connection string', () => {
      const url = 'esdb://n1:2113,n2:2113,n3:2113?nodePreference=leader';
      expect(loadSettings({ CASETRAIL_EVENT_STORE: 'esdb', CASETRAIL_ESDB_URL: url }).eventStore).toEqual({
        adapter: 'esdb',
        connectionString: url,
      });
    });

    it('refuses to start without a connection string', () => {
      expect(() => loadSettings({ CASETRAIL_EVENT_STORE: 'esdb' })).toThrow(/CASETRAIL_ESDB_URL/);
    });
  });

  describe('when monitoring bodies keep rosters', () => {
    it('takes each body’s members, names separated by |', () => {
      const { actionRules } = loadSettings({
        CASETRAIL_PAQA_MEMBERS: 'Chair, PAQA subgroup | Jo Bloggs',
      });
      expect(actionRules.members).toEqual({ PAQA: ['Chair, PAQA subgroup', 'Jo Bloggs'] });
      expect(actionRules.monitoringBodyByScope.SINGLE_AGENCY).toBe('PAQA');
    });

    it('keeps no roster where none is set, and refuses an empty name', () => {
      expect(loadSettings({}).actionRules.members).toEqual({});
      expect(() => loadSettings({ CASETRAIL_EXECUTIVE_MEMBERS: 'Chair||Vice-chair' })).toThrow(
        /CASETRAIL_EXECUTIVE_MEMBERS/,
      );
    });
  });

  describe('where the projections and the reports run', () => {
    it('puts each on a thread of its own unless told to use the request thread', () => {
      expect(loadSettings({})).toMatchObject({ projectionsThread: 'worker', reportsThread: 'worker', commitsThread: 'worker' });
      expect(loadSettings({ CASETRAIL_REPORTS_THREAD: 'main' }).reportsThread).toBe('main');
      expect(() => loadSettings({ CASETRAIL_REPORTS_THREAD: 'elsewhere' as 'main' })).toThrow(/CASETRAIL_REPORTS_THREAD/);
      expect(loadSettings({ CASETRAIL_COMMITS_THREAD: 'main' }).commitsThread).toBe('main');
      expect(() => loadSettings({ CASETRAIL_COMMITS_THREAD: 'elsewhere' as 'main' })).toThrow(/CASETRAIL_COMMITS_THREAD/);
    });
  });

  describe('when values are wrong', () => {
    it('lists every problem at once', () => {
      const error = (() => {
        try {
          loadSettings({ PORT: 'eighty', CASETRAIL_EVENT_STORE: 'postgres', CASETRAIL_JWT_ALGORITHMS: 'HS256' });
        } catch (e) {
          return e;
        }
      })() as InvalidSettings;
      expect(error).toBeInstanceOf(InvalidSettings);
      expect(error.problems).toHaveLength(3);
      expect(error.problems.join('\n')).toMatch(/PORT.*CASETRAIL_EVENT_STORE.*CASETRAIL_JWT_ALGORITHMS/s);
    });
  });
});
