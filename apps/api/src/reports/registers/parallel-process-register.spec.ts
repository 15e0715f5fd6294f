import { buildProcessRegister, type RegisteredProcess } from './parallel-process-register';

describe('the parallel-process register', () => {
  // Child R (domain.md §7.2): three processes from 2013-03-04; the review paused on 2014-01-15
  // for all three; the social care investigation concluded on 2014-12-31.
  const process_ = (processId: string, concludedOn: string | null = null): RegisteredProcess => ({
    caseId: 'R',
    caseRef: 'SCR Child R',
    processId,
    processType: 'CRIMINAL_INVESTIGATION',
    leadAgency: 'Thames Valley Police',
    impact: ['PAUSES_REVIEW'],
    startedOn: '2013-03-04',
    concludedOn,
  });
  const processes = () => [
    process_('PP-R-3', '2014-12-31'),
    process_('PP-R-1'),
    process_('PP-R-2'),
  ];
  const pauses = ['PP-R-1', 'PP-R-2', 'PP-R-3'].map((processId) => ({
    caseId: 'R',
    processId,
    pausedOn: '2014-01-15',
  }));

  it('runs an open process to the date of the register, a concluded one to its conclusion', () => {
    const register = buildProcessRegister('2016-01-05', processes(), pauses);
    expect(register.items.map((p) => [p.processId, p.status, p.daysOpen])).toEqual([
      // 2013-03-04 to 2016-01-05: 365 + 365 + 307 days.
      ['PP-R-1', 'OPEN', 1037],
      ['PP-R-2', 'OPEN', 1037],
      // 2013-03-04 to 2014-12-31: 365 + 302 days.
      ['PP-R-3', 'CONCLUDED', 667],
    ]);
    expect(register).toMatchObject({
      total: 3,
      open: 2,
      concluded: 1,
      openByType: { CRIMINAL_INVESTIGATION: 2 },
    });
  });

  it('lists the pauses that cited each process', () => {
    const register = buildProcessRegister('2016-01-05', processes(), pauses);
    expect(register.items.map((p) => p.pausedOn)).toEqual([
      ['2014-01-15'],
      ['2014-01-15'],
      ['2014-01-15'],
    ]);
  });

  it('lists only the open or only the concluded ones when asked, counting them all', () => {
    const open = buildProcessRegister('2016-01-05', processes(), pauses, 'OPEN');
    expect(open.items.map((p) => p.processId)).toEqual(['PP-R-1', 'PP-R-2']);
    expect(open.total).toBe(3);
    const concluded = buildProcessRegister('2016-01-05', processes(), pauses, 'CONCLUDED');
    expect(concluded.items.map((p) => p.processId)).toEqual(['PP-R-3']);
  });
});
