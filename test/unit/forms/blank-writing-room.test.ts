// Room to write by hand on every blank form, measured on the PDF (issue 12): a blank date keeps
// at least 15 mm for the year and 10 mm each for month and day, and every 签名（公章）： or
// （签字）： leaves at least 40 mm to sign in.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { mm } from '../../../shared/forms/layout';
import { FORM_REGISTRY, type FormId } from '../../../shared/forms/registry';
import { fixtureContext } from './fixture';
import { renderPaper, typeAreaBox, type Paper } from './paper-check';
import type { Word } from './pdf-read';
import { tempDir } from '../../fixtures/temp-dir';

const dir = tempDir('blank-room-');
const FORMS = Object.keys(FORM_REGISTRY).sort() as FormId[];
/** A cell's padding and rule between a word and the next cell's text. */
const CELL_GAP = 9;
const papers = new Map<FormId, Paper>();

beforeAll(async () => {
  const ctx = createFormContext(fixtureContext(''));
  for (const id of FORMS) papers.set(id, await renderPaper(dir, `${id}-blank`, (FORM_REGISTRY[id].build as (r: null, c: typeof ctx) => Parameters<typeof renderPaper>[2])(null, ctx)));
}, 120_000);

const sameLine = (a: Word, b: Word): boolean => a.page === b.page && Math.abs(a.yMin - b.yMin) < 3;

/** [year, month, day] room in mm of every blank 年 月 日 on the paper. */
function dateRooms(paper: Paper): { at: string; rooms: [number, number, number] }[] {
  const left = typeAreaBox(paper.landscape).xMin;
  const out: { at: string; rooms: [number, number, number] }[] = [];
  for (const year of paper.words.filter((w) => w.word === '年')) {
    const line = paper.words.filter((w) => sameLine(w, year)).sort((a, b) => a.xMin - b.xMin);
    const month = line.find((w) => w.word === '月' && w.xMin > year.xMax);
    const day = line.find((w) => w.word === '日' && month !== undefined && w.xMin > month.xMax);
    const before = line.filter((w) => w.xMax <= year.xMin + 0.5).at(-1);
    const yearRoom = year.xMin - (before ? before.xMax + CELL_GAP : left);
    const toMm = (pt: number): number => Math.round((pt / mm(1)) * 10) / 10;
    out.push({
      at: `p${year.page} y${year.yMin.toFixed(0)} after ${before?.word ?? '(line start)'}`,
      rooms: [toMm(yearRoom), month ? toMm(month.xMin - year.xMax) : 99, month && day ? toMm(day.xMin - month.xMax) : 99],
    });
  }
  return out;
}

describe('blank forms leave room to write by hand (issue 12)', () => {
  it('finds the date and signature places it measures', () => {
    const all = [...papers.values()];
    expect(all.reduce((n, p) => n + dateRooms(p).length, 0)).toBeGreaterThan(15);
    expect(all.reduce((n, p) => n + p.words.filter((w) => /(签名|签字|盖章)[^：]*：$/.test(w.word)).length, 0)).toBeGreaterThan(7);
  });

  it.each(FORMS)('%s: every blank date has ≥ 15 mm for the year and ≥ 10 mm for month and day', (id) => {
    const short = dateRooms(papers.get(id)!).filter(({ rooms: [y, m, d] }) => y < 15 || m < 10 || d < 10);
    expect(short).toEqual([]);
  });

  it.each(FORMS)('%s: every signature place leaves ≥ 40 mm after its label', (id) => {
    const paper = papers.get(id)!;
    const right = typeAreaBox(paper.landscape).xMax;
    const labels = paper.words.filter((w) => /(签名|签字|盖章)[^：]*：$/.test(w.word));
    const short = labels
      .map((w) => {
        const next = paper.words.filter((o) => sameLine(o, w) && o.xMin > w.xMax).sort((a, b) => a.xMin - b.xMin)[0];
        return { word: w.word, room: ((next ? next.xMin - CELL_GAP : right) - w.xMax) / mm(1) };
      })
      .filter((r) => r.room < 40);
    expect(short).toEqual([]);
  });
});
