// A title or summary with the clerk's sensitive words marked (the check runs locally), and the
// list of words found, so the reviewer sees them before signing.
import { Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { findWords, mergeMatches } from '@shared/rules/word-check';

export function HighlightedText({ text, words }: { text: string | undefined; words: readonly string[] }) {
  if (!text) return null;
  const ranges = mergeMatches(findWords(text, words));
  if (ranges.length === 0) return <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, r.start)}</Fragment>);
    parts.push(
      <mark key={`m${r.start}`} className="ledger-word-hit" title={`敏感词/易错词：${r.words.join('、')}`} style={{ background: '#ffd591', padding: 0 }}>
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <span style={{ whiteSpace: 'pre-wrap' }}>{parts}</span>;
}

/** '发现敏感词/易错词：绝密、再接再励' under a field, or nothing. */
export function WordHits({ texts, words }: { texts: (string | undefined)[]; words: readonly string[] }) {
  const found = [...new Set(texts.flatMap((t) => findWords(t ?? '', words).map((m) => m.word)))];
  if (found.length === 0) return null;
  return (
    <Typography.Text type="warning" role="status">
      发现敏感词/易错词：{found.join('、')}（请核实后再送审）
    </Typography.Text>
  );
}
