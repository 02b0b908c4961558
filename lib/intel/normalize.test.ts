import { describe, expect, it } from 'vitest';
import {
  foldName,
  normalizeEmail,
  normalizeIdentifier,
  normalizeIp,
  normalizeName,
  normalizePhone,
} from './normalize';

const ok = (value: string) => ({ ok: true, value });
const fail = (error: string) => ({ ok: false, error });

const NOT_EMAIL = 'Not an email address.';
const BAD_DOMAIN = 'The email domain is not valid.';
const NOT_PHONE = 'Not a phone number (use international format, e.g. +1 415 555 0100).';
const NOT_IP = 'Not an IPv4 or IPv6 address.';
const FOUR_PARTS = 'Write IPv4 addresses as four decimal parts, e.g. 203.0.113.7.';

describe('normalizeEmail', () => {
  it.each([
    // Gmail: dots and +tags dropped.
    ['john.doe@gmail.com', 'johndoe@gmail.com'],
    ['j.o.h.n.d.o.e@gmail.com', 'johndoe@gmail.com'],
    ['johndoe+jobs@gmail.com', 'johndoe@gmail.com'],
    ['john.doe+jobs+more@gmail.com', 'johndoe@gmail.com'],
    // googlemail is gmail.
    ['john.doe@googlemail.com', 'johndoe@gmail.com'],
    ['John.Doe+X@GoogleMail.COM', 'johndoe@gmail.com'],
    // Outlook & co.: +tag dropped, dots meaningful.
    ['first.last+jobs@outlook.com', 'first.last@outlook.com'],
    ['first.last@outlook.com', 'first.last@outlook.com'],
    ['first.last+x@hotmail.com', 'first.last@hotmail.com'],
    ['first.last+x@icloud.com', 'first.last@icloud.com'],
    ['first.last+x@proton.me', 'first.last@proton.me'],
    ['first.last+x@pm.me', 'first.last@proton.me'],
    ['first.last+x@yahoo.com', 'first.last@yahoo.com'],
    // Other domains: dots and plus kept.
    ['first.last+x@example.com', 'first.last+x@example.com'],
    ['first.last@corp.example.co.uk', 'first.last@corp.example.co.uk'],
    // Case and surrounding whitespace.
    ['  Jane.Doe@Example.COM  ', 'jane.doe@example.com'],
    ['JANE@EXAMPLE.ORG', 'jane@example.org'],
    // A trailing root dot on the domain is the same domain.
    ['jane@example.com.', 'jane@example.com'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual(ok(expected));
  });

  it('gives every spelling of one gmail inbox the same value', () => {
    const spellings = ['johndoe@gmail.com', 'John.Doe@gmail.com', 'j.ohndoe+acme@googlemail.com', ' JOHNDOE+x@GMAIL.COM '];
    expect(new Set(spellings.map((s) => JSON.stringify(normalizeEmail(s))))).toEqual(
      new Set([JSON.stringify(ok('johndoe@gmail.com'))]),
    );
  });

  it('does not merge dotted outlook addresses', () => {
    expect(normalizeEmail('john.doe@outlook.com')).not.toEqual(normalizeEmail('johndoe@outlook.com'));
  });

  it.each([
    ['', NOT_EMAIL],
    ['   ', NOT_EMAIL],
    ['no-at-sign', NOT_EMAIL],
    ['@example.com', NOT_EMAIL],
    ['jane@', NOT_EMAIL],
    ['jane doe@example.com', NOT_EMAIL],
    // Only a tag, or only dots, leaves no mailbox.
    ['+jobs@gmail.com', NOT_EMAIL],
    ['...@gmail.com', NOT_EMAIL],
    ['jane@localhost', BAD_DOMAIN],
    ['jane@exa_mple.com', BAD_DOMAIN],
    ['jane@example..com', BAD_DOMAIN],
    ['jane@.com', BAD_DOMAIN],
  ])('refuses %j (%s)', (raw, error) => {
    expect(normalizeEmail(raw)).toEqual(fail(error));
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+1 (415) 555-0100', '+14155550100'],
    ['+1 415 555 0100', '+14155550100'],
    ['+14155550100', '+14155550100'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['+33 1 23 45 67 89', '+33123456789'],
    // Without + or 00, read as a US number.
    ['415.555.0100', '+14155550100'],
    ['(415) 555-0100', '+14155550100'],
    ['415-555-0100', '+14155550100'],
    ['  4155550100  ', '+14155550100'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toEqual(ok(expected));
  });

  it.each([
    ['010-1234-5678', '01012345678'],
    ['010 1234 5678', '01012345678'],
    ['020 7946 0958', '02079460958'],
  ])('keeps a national number it cannot place as its digits: %s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toEqual(ok(expected));
  });

  it.each(['', '12', 'abc', 'call me', '+1 415', '1234567', '+82 10', '010-1234-5678 or ask'])('refuses %j', (raw) => {
    expect(normalizePhone(raw)).toEqual(fail(NOT_PHONE));
  });
});

describe('normalizeIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['  203.0.113.7  ', '203.0.113.7'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    // IPv6: lower case, longest zero run compressed (RFC 5952).
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['::1', '::1'],
    // IPv4-mapped IPv6 is the IPv4 host.
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:C000:0201', '192.0.2.1'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeIp(raw)).toEqual(ok(expected));
  });

  it('gives two spellings of one IPv6 host the same value', () => {
    expect(normalizeIp('2001:DB8:0:0:0:0:0:1')).toEqual(normalizeIp('2001:db8::0:1'));
  });

  it.each([
    // Leading zeros are octal to some parsers and decimal to others: refuse rather than guess.
    ['010.0.0.1', FOUR_PARTS],
    ['192.168.001.1', FOUR_PARTS],
    ['1.2.3', FOUR_PARTS],
    ['127.1', FOUR_PARTS],
    ['0x7f.0.0.1', FOUR_PARTS],
    ['256.1.1.1', NOT_IP],
    ['1.2.3.4.5', NOT_IP],
    ['not an ip', NOT_IP],
    ['', NOT_IP],
    ['2001:db8::1::2', NOT_IP],
    ['gggg::1', NOT_IP],
  ])('refuses %j', (raw, error) => {
    expect(normalizeIp(raw)).toEqual(fail(error));
  });
});

describe('names', () => {
  it.each([
    ['José  ÁLVAREZ', 'jose alvarez'],
    ['Müller', 'muller'],
    ['MÜLLER', 'muller'],
    ['Mu\u0308ller', 'muller'], // decomposed ü folds the same as the composed one
    ['  Zoë   Saldaña ', 'zoe saldana'],
    ["O'Brien-Smith", 'o brien smith'],
    ['Kim, Jong-Un', 'kim jong un'],
    ['Ｊａｎｅ', 'jane'], // full-width letters (NFKD compatibility folding)
    ['François Élodie', 'francois elodie'],
  ])('foldName(%j) → %j', (raw, expected) => {
    expect(foldName(raw)).toBe(expected);
    expect(normalizeName(raw)).toEqual(ok(expected));
    expect(normalizeIdentifier('name', raw)).toEqual(ok(expected));
  });

  it.each(['', '   ', '--', "'.,"])('refuses a name with no letter: %j', (raw) => {
    expect(normalizeName(raw)).toEqual(fail('A name needs at least one letter.'));
  });
});

describe('normalizeIdentifier', () => {
  it('routes email, phone and ip to their normalizers', () => {
    expect(normalizeIdentifier('email', 'J.Doe+x@gmail.com')).toEqual(ok('jdoe@gmail.com'));
    expect(normalizeIdentifier('phone', '+1 (415) 555-0100')).toEqual(ok('+14155550100'));
    expect(normalizeIdentifier('ip', '2001:DB8:0:0:0:0:0:1')).toEqual(ok('2001:db8::1'));
    expect(normalizeIdentifier('ip', '010.0.0.1')).toEqual(fail(FOUR_PARTS));
  });

  describe('wallet', () => {
    const evm = '0x52908400098527886E0F7030069857D2E4169EE7';

    it('lower-cases EVM addresses (mixed case is only a checksum)', () => {
      expect(normalizeIdentifier('wallet', evm)).toEqual(ok('0x52908400098527886e0f7030069857d2e4169ee7'));
      expect(normalizeIdentifier('wallet', ` ${evm.toLowerCase()} `)).toEqual(ok('0x52908400098527886e0f7030069857d2e4169ee7'));
    });

    it('lower-cases bech32 addresses (written all lower or all upper case) and keeps base58 as written', () => {
      expect(normalizeIdentifier('wallet', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toEqual(
        ok('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'),
      );
      expect(normalizeIdentifier('wallet', 'BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ')).toEqual(
        ok('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'),
      );
      // Base58 is case-sensitive: lower-casing would name another wallet.
      expect(normalizeIdentifier('wallet', 'TQ5NkMFq8dRNS3FCH3kTQRjZ4MJnf9JRwB')).toEqual(ok('TQ5NkMFq8dRNS3FCH3kTQRjZ4MJnf9JRwB'));
    });

    it.each(['short', '', '0x1234 5678 9abc def0 1234', 'a'.repeat(121), 'bc1q-ar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'])(
      'refuses %j',
      (raw) => {
        expect(normalizeIdentifier('wallet', raw)).toEqual(fail('Not a wallet address.'));
      },
    );
  });

  describe('linkedin', () => {
    it.each([
      'https://www.linkedin.com/in/jane-doe',
      'https://www.linkedin.com/in/jane-doe/',
      'http://linkedin.com/in/Jane-Doe',
      'linkedin.com/in/jane-doe?trk=public_profile',
      'www.linkedin.com/in/jane-doe#about',
      'jane-doe',
      'Jane-Doe',
      '  jane-doe  ',
    ])('%s → jane-doe', (raw) => {
      expect(normalizeIdentifier('linkedin', raw)).toEqual(ok('jane-doe'));
    });

    it('gives a profile URL and its handle the same value', () => {
      expect(normalizeIdentifier('linkedin', 'https://www.linkedin.com/in/jane-doe/')).toEqual(
        normalizeIdentifier('linkedin', 'jane-doe'),
      );
    });

    it.each(['', 'jane doe', 'https://www.linkedin.com/', '-jane'])('refuses %j', (raw) => {
      expect(normalizeIdentifier('linkedin', raw)).toEqual(fail('Not a linkedin.com profile or handle.'));
    });
  });

  describe('github', () => {
    it.each([
      'https://github.com/octocat',
      'https://github.com/Octocat/',
      'github.com/octocat/hello-world',
      'https://www.github.com/octocat?tab=repositories',
      'octocat',
    ])('%s → octocat', (raw) => {
      expect(normalizeIdentifier('github', raw)).toEqual(ok('octocat'));
    });

    it.each(['https://github.com/', 'octo cat', ''])('refuses %j', (raw) => {
      expect(normalizeIdentifier('github', raw)).toEqual(fail('Not a github.com profile or handle.'));
    });
  });

  describe('hashes', () => {
    const sha256 = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855';

    it.each(['resume_hash', 'photo_hash'] as const)('%s: hex digests are lower-cased and trimmed', (kind) => {
      expect(normalizeIdentifier(kind, ` ${sha256} `)).toEqual(ok(sha256.toLowerCase()));
      expect(normalizeIdentifier(kind, '0123456789abcdef')).toEqual(ok('0123456789abcdef'));
      expect(normalizeIdentifier(kind, 'f'.repeat(128))).toEqual(ok('f'.repeat(128)));
    });

    it.each([
      ['too short', '0123456789abcde'],
      ['too long', 'f'.repeat(129)],
      ['not hex', 'g'.repeat(16)],
      ['prefixed', `sha256:${'a'.repeat(64)}`],
      ['empty', ''],
    ])('refuses a digest that is %s', (_label, raw) => {
      expect(normalizeIdentifier('resume_hash', raw)).toEqual(fail('Not a hex digest.'));
      expect(normalizeIdentifier('photo_hash', raw)).toEqual(fail('Not a hex digest.'));
    });
  });

  describe('address', () => {
    it('folds case, punctuation and common abbreviations', () => {
      expect(normalizeIdentifier('address', '123 Main Street, Apt 4')).toEqual(ok('123 main st unit 4'));
      expect(normalizeIdentifier('address', '123 MAIN ST. #4')).toEqual(ok('123 main st unit 4'));
      expect(normalizeIdentifier('address', '123 Main St, Apt. #4')).toEqual(ok('123 main st unit 4'));
      expect(normalizeIdentifier('address', '9 North Lake Avenue, Suite 200')).toEqual(ok('9 n lake ave unit 200'));
      expect(normalizeIdentifier('address', '9 N. Lake Ave. Ste 200')).toEqual(ok('9 n lake ave unit 200'));
      expect(normalizeIdentifier('address', '12 Rue de la Paix, Suite 3')).toEqual(ok('12 rue de la paix unit 3'));
    });

    it('refuses an address shorter than 5 characters', () => {
      expect(normalizeIdentifier('address', 'ab')).toEqual(fail('The address is too short.'));
    });
  });

  describe('device', () => {
    it('trims and lower-cases an opaque fingerprint', () => {
      expect(normalizeIdentifier('device', '  FP-ABC123  ')).toEqual(ok('fp-abc123'));
    });

    it('refuses an empty one', () => {
      expect(normalizeIdentifier('device', '   ')).toEqual(fail('A value is required.'));
    });
  });
});
