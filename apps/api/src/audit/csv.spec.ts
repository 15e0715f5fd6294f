import { csvField, toCsv } from './csv';

describe('CSV as RFC 4180 writes it', () => {
  it('leaves plain fields alone and writes nothing for null', () => {
    expect(csvField('Child B1')).toBe('Child B1');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('neglect, emotional abuse')).toBe('"neglect, emotional abuse"');
    expect(csvField('the "yellow form"')).toBe('"the ""yellow form"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('ends every record, the header included, with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', 'x,y'],
          [null, '2'],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,2\r\n');
  });
});
