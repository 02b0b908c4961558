import { describe, expect, it } from 'vitest';
import { emailLocalKey } from './email-local';

describe('provider-independent email handle', () => {
  it('is one key across providers, dots, underscores, case and +tags', () => {
    const keys = ['kim.hyunwoo88@gmail.com', 'kimhyunwoo88@proton.me', 'Kim_Hyunwoo88+jobs@outlook.com', 'kim-hyunwoo88@yahoo.com'].map(emailLocalKey);
    expect(new Set(keys)).toEqual(new Set(['kimhyunwoo88']));
  });

  it('keeps long letter-only handles and short ones with a digit', () => {
    expect(emailLocalKey('hyunwoo.kimdev@proton.me')).toBe('hyunwookimdev');
    expect(emailLocalKey('jkim88@gmail.com')).toBe('jkim88');
  });

  it.each(['info@acme.com', 'admin@x.org', 'john@gmail.com', 'careers@corp.io', 'jsmith@gmail.com', 'davidlee@gmail.com', 'jk88@gmail.com', '12345678@qq.com', 'aaaa1111@gmail.com'])(
    'ignores the common, short or meaningless handle %s',
    (email) => {
      expect(emailLocalKey(email)).toBeNull();
    },
  );
});
