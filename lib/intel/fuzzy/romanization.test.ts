import { describe, expect, it } from 'vitest';
import { nameKeys, nameSimilarity, sameNameAcrossSpellings, syllableSkeleton } from './romanization';

const sameKey = (a: string, b: string) => nameKeys(a).some((k) => nameKeys(b).includes(k));

describe('romanization-insensitive name keys', () => {
  it.each([
    ['Kim Hyun-woo', 'Hyunwoo Kim'],
    ['Kim Hyun-woo', 'Gim Hyeon U'],
    ['Kim Hyun-woo', '김현우'],
    ['Kim Hyun-woo', 'Hyŏn-u Kim'],
    ['Lee Min-jun', 'Yi Minjun'],
    ['Lee Min-jun', 'Rhee Min Jun'],
    ['Lee Min-jun', 'Ri Min-jun'],
    ['Park Ji-hoon', 'Pak Jihun'],
    ['Park Ji-hoon', 'Bak Ji Hun'],
    ['Choi Seo-yeon', 'Choe So-yon'],
    ['Choi Seo-yeon', 'Chwe Seoyeon'],
    ['Jung Da-eun', 'Jeong Daeun'],
    ['Jung Da-eun', 'Chung Da Eun'],
    ['Kang Min-seo', 'Gang Minseo'],
    ['Cho Eun-ji', 'Jo Eunji'],
    ['Yoon Seo-jun', 'Yun Seojun'],
    ['José Álvarez', 'alvarez jose'],
    ['Jonathan Smith', 'SMITH, Jonathan'],
  ])('%s ~ %s', (a, b) => {
    expect(sameKey(a, b)).toBe(true);
  });

  it.each([
    ['Kim Hyun-woo', 'Kim Min-jun'],
    ['Lee Min-jun', 'Park Min-jun'],
    ['Jonathan Smith', 'Jonathan Smyth-Jones'],
    ['Applicant 12', 'Applicant 13'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(sameKey(a, b)).toBe(false);
  });

  it('gives no key to a single word: it would match far too many people', () => {
    expect(nameKeys('Madonna')).toEqual([]);
    expect(nameKeys('  ')).toEqual([]);
  });

  it('folds given-name syllables across romanization systems', () => {
    expect(new Set(['hyunwoo', 'hyeonu', 'hyonu', 'hyunu'].map(syllableSkeleton)).size).toBe(1);
  });

  it('reports letter similarity: 1 for the same name in another order, lower for a variant', () => {
    expect(nameSimilarity('Jonathan Smith', 'Smith Jonathan')).toBe(1);
    const variant = nameSimilarity('Kim Hyun-woo', 'Gim Hyeon U');
    expect(variant).toBeGreaterThan(0);
    expect(variant).toBeLessThan(1);
  });

  it('treats one name in two spellings as the same name, two different names not', () => {
    expect(sameNameAcrossSpellings('Kim Hyun-woo', 'Hyeon U Gim')).toBe(true);
    expect(sameNameAcrossSpellings('Smith, John', 'John Smith')).toBe(true);
    expect(sameNameAcrossSpellings('Kim Hyun-woo', 'Kevin Park')).toBe(false);
    expect(sameNameAcrossSpellings('Madonna', 'Madonna Ciccone')).toBe(false);
  });
});
