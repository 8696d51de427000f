// The kept pinyin keys are reused across sessions and app updates as long as SEARCH_KEY_VERSION
// stays the same (renderer/db/search-keys.ts). These are the keys of that version: if this test
// fails, a text's key has changed (the code, `fold`, or pinyin-pro after an upgrade) — raise
// SEARCH_KEY_VERSION in shared/search/pinyin-search.ts, then write the new keys and version here.
// Otherwise the kept keys of the old version would go on being used for searches.
import { describe, expect, it } from 'vitest';
import { SEARCH_KEY_VERSION, textSearchKey } from '../../../shared/search/pinyin-search';

const KEYS_OF_VERSION_1: Record<string, string> = {
  图书馆: '图书馆\ntushuguan\ntsg',
  东湖示范大学新闻网: '东湖示范大学新闻网\ndonghushifandaxuexinwenwang\ndhsfdxxww',
  单雪: '单雪\ndanxue\ndx\nshanxue\nsx',
  曾国藩: '曾国藩\ncengguofan\ncgf\nzengguofan\nzgf',
  绿色校园: '绿色校园\nlüsexiaoyuan\nlsxy\nlvsexiaoyuan',
  '王𠮷': '王𠮷\nwang𠮷\nw𠮷',
  'WeChat 公众号': 'wechat 公众号\nwechatgongzhonghao\nwechatgzh',
  DHSF_1952: 'dhsf_1952',
  ＡＢＣ全角: 'abc全角\nabcquanjiao\nabcqj',
};

describe('search key version', () => {
  it('the sample texts have the keys of the version the kept keys are stored under', () => {
    const keys = Object.fromEntries(Object.keys(KEYS_OF_VERSION_1).map((text) => [text, textSearchKey(text)]));
    expect({ version: SEARCH_KEY_VERSION, keys }).toEqual({ version: 1, keys: KEYS_OF_VERSION_1 });
  });
});
