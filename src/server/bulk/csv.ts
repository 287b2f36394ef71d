import { createReadStream } from 'node:fs';

// RFC 4180 records from a file, streamed: fields may be quoted, a quoted field may hold commas,
// doubled quotes and line breaks; lines end in CRLF or LF; a UTF-8 byte order mark is skipped.
// Each record carries the line it starts on, for error messages.

export type CsvRecord = { line: number; fields: string[] };
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted field starting on line ${line}`);
  }
}

export async function* readCsv(path: string): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  // A quote that ends a chunk inside a quoted field may be half of a doubled quote: kept back.
  let carry = '';
  let line = 1;
  let recordLine = 1;
  let started = false;
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let text = carry + (chunk as string);
    carry = '';
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (i + 1 === text.length) {
            carry = '"';
            break;
          }
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"' && field === '') {
        quoted = true;
        started = true;
      } else if (ch === ',') {
        fields.push(field);
        field = '';
        started = true;
      } else if (ch === '\n') {
        if (started || field !== '') {
          fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
          yield { line: recordLine, fields };
        }
        fields = [];
        field = '';
        started = false;
        line++;
        recordLine = line;
      } else {
        field += ch;
        started = true;
      }
    }
  }
  if (carry) quoted = false;
  if (quoted) throw new CsvSyntaxError(recordLine);
  if (started || field !== '') {
    fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield { line: recordLine, fields };
  }
}
