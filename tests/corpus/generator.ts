// A seeded, deterministic synthetic corpus of applicant records (the shape of
// lib/applicants/record.ts) with ground truth, for the detection-quality test:
//
// - legitimate applicants who share harmless things: a university's or a big employer's
//   NAT address, a public VPN exit, a recruiting agency's switchboard phone, a household
//   address (two people), common names, résumés written from the same advice, and the same
//   person applying again under the same name, email and phone;
// - planted networks of 3–12 fabricated identities run by one operation, whose shared
//   identifiers carry the noise real ones do: gmail dots and +tags, phone formats, one email
//   handle at several providers, mixed-case wallets, abbreviated addresses, transliterated
//   names, recycled résumés with the name, employers and numbers edited.
//
// Members of a network are connected (each shares at least one strong identifier or a
// recycled résumé with an earlier member), as an operation's identities are; most carry no
// indicator, so their risk has to come from the links.
import { Random } from './random';
import * as V from './vocabulary';

export interface CorpusRecord {
  externalId: string;
  claimedName: string;
  resumeName: string;
  role: string;
  region: 'NA' | 'EU' | 'UK' | 'APAC' | 'LATAM' | 'MEA';
  source: 'referral' | 'job_board' | 'agency' | 'direct' | 'ats_import';
  submittedAt: string;
  identifiers: { kind: 'email' | 'phone' | 'ip' | 'wallet' | 'address' | 'device' | 'github' | 'linkedin' | 'name'; value: string }[];
  interviews: { date: string; kind: 'recruiter_screen' | 'technical'; interviewer: string; nameUsed: string; observations: string[] }[];
  indicators: { code: string; evidence: string }[];
  resumeText?: string;
}

export interface Corpus {
  records: CorpusRecord[];
  /** externalId → planted network label, or null for a legitimate applicant. */
  truth: Map<string, string | null>;
}

export interface CorpusOptions {
  seed: number;
  legitimate?: number;
  networks?: number;
}

interface Person {
  first: string;
  last: string;
  /** Korean names: the syllables and surname row, to write variant spellings. */
  korean?: { surname: number; syllables: number[] };
}

export function generateCorpus({ seed, legitimate = 500, networks = 25 }: CorpusOptions): Corpus {
  const r = new Random(seed);
  const records: CorpusRecord[] = [];
  const truth = new Map<string, string | null>();
  let serial = 0;
  const usedPhones = new Set<string>();

  // --- identities and their spellings --------------------------------------------------------
  function koreanPerson(): Person {
    const surname = r.int(0, V.KOREAN_SURNAMES.length - 1);
    const syllables = [r.int(0, V.KOREAN_SYLLABLES.length - 1), r.int(0, V.KOREAN_SYLLABLES.length - 1)];
    return { first: syllables.map((s) => V.KOREAN_SYLLABLES[s][0]).join(''), last: V.KOREAN_SURNAMES[surname][0], korean: { surname, syllables } };
  }
  function person(): Person {
    const tradition = r.next();
    if (tradition < 0.3) return koreanPerson();
    if (tradition < 0.7) return { first: r.pick(V.WESTERN_FIRST), last: r.pick(V.WESTERN_LAST) };
    if (tradition < 0.85) return { first: r.pick(V.SOUTH_ASIAN_FIRST), last: r.pick(V.SOUTH_ASIAN_LAST) };
    return { first: r.pick(V.CHINESE_FIRST), last: r.pick(V.CHINESE_LAST) };
  }
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  /** A written form of the name: romanization, hyphenation and order vary for Korean names. */
  function spell(p: Person, variant: boolean): string {
    if (!p.korean) return r.chance(0.15) ? `${p.last}, ${p.first}` : `${p.first} ${p.last}`;
    const surname = variant ? r.pick(V.KOREAN_SURNAMES[p.korean.surname]) : V.KOREAN_SURNAMES[p.korean.surname][0];
    const parts = p.korean.syllables.map((s) => (variant ? r.pick(V.KOREAN_SYLLABLES[s]) : V.KOREAN_SYLLABLES[s][0]));
    const given = r.pick([`${cap(parts[0])}-${parts[1]}`, cap(parts.join('')), `${cap(parts[0])} ${cap(parts[1])}`, `${cap(parts[0])}-${cap(parts[1])}`]);
    return r.chance(0.5) ? `${surname} ${given}` : `${given} ${surname}`;
  }
  const ascii = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

  // --- contact details ---------------------------------------------------------------------------
  function handle(p: Person): string {
    const first = ascii(p.first);
    const last = ascii(p.last);
    const year = String(r.int(70, 99)).padStart(2, '0');
    return r.pick([`${first}.${last}${r.digits(r.int(2, 4))}`, `${first}${last}${year}`, `${first[0]}${last}${r.digits(3)}`, `${last}.${first}.${r.digits(2)}`, `${first}_${last}${r.digits(4)}`, `${first}${r.digits(4)}`]);
  }
  /** The same gmail mailbox written another way: dots moved, a +tag, capitals. */
  function gmailVariant(local: string): string {
    const bare = local.replaceAll('.', '');
    const dotted = [...bare].map((ch, i) => (i > 0 && i < bare.length - 1 && r.chance(0.15) ? `.${ch}` : ch)).join('');
    const tagged = r.chance(0.5) ? `${dotted}+${r.pick(['jobs', 'apply', 'work', 'hr', r.digits(2)])}` : dotted;
    const cased = r.chance(0.3) ? tagged.toUpperCase() : tagged;
    return `${cased}@${r.chance(0.2) ? 'googlemail.com' : 'gmail.com'}`;
  }
  function newPhoneDigits(): string {
    for (;;) {
      const digits = `${r.pick(V.US_AREA_CODES)}555${r.digits(4)}`;
      if (!usedPhones.has(digits)) {
        usedPhones.add(digits);
        return digits;
      }
    }
  }
  function formatPhone(d: string): string {
    const [a, b, c] = [d.slice(0, 3), d.slice(3, 6), d.slice(6)];
    return r.pick([`+1 (${a}) ${b}-${c}`, `${a}.${b}.${c}`, `+1${d}`, `001 ${a} ${b} ${c}`, `(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `+1-${a}-${b}-${c}`]);
  }
  function address(): { street: string; number: number; unit: number; city: string } {
    return { street: r.pick(V.STREETS), number: r.int(1, 999), unit: r.int(1, 40), city: r.pick(V.CITIES) };
  }
  function formatAddress(a: ReturnType<typeof address>): string {
    return r.pick([
      `${a.number} ${a.street} Street, Apt ${a.unit}, ${a.city}`,
      `${a.number} ${a.street} St Apt ${a.unit} ${a.city}`,
      `${a.number} ${a.street} St., Apartment ${a.unit}, ${a.city}`,
      `${a.number} ${a.street.toUpperCase()} STREET UNIT ${a.unit} ${a.city.toUpperCase()}`,
      `${a.number} ${a.street} St #${a.unit}, ${a.city}`,
    ]);
  }
  const wallet = () => `0x${r.hex(40)}`;
  const mixCase = (w: string) => `0x${[...w.slice(2)].map((ch) => (r.chance(0.5) ? ch.toUpperCase() : ch)).join('')}`;
  const device = () => `fp-${r.hex(12)}`;
  const residentialIp = () => `${r.pick([24, 67, 73, 98, 108, 174])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;

  // Harmless shared infrastructure.
  const universityIps = Array.from({ length: 6 }, (_, i) => `130.${20 + i}.${r.int(0, 255)}.${r.int(1, 254)}`);
  const officeIps = Array.from({ length: 3 }, (_, i) => `198.${51 + i}.100.${r.int(1, 254)}`);
  const publicVpnExits = Array.from({ length: 4 }, () => `185.${r.int(100, 250)}.${r.int(0, 255)}.${r.int(1, 254)}`);
  const agencyPhones = Array.from({ length: 2 }, () => newPhoneDigits());

  // --- résumés -------------------------------------------------------------------------------
  function fill(template: string): string {
    return template
      .replaceAll('{tech2}', r.pick(V.TECH))
      .replaceAll('{tech}', r.pick(V.TECH))
      .replaceAll('{domain}', r.pick(V.DOMAINS))
      .replaceAll('{company}', r.pick(V.COMPANIES))
      .replaceAll('{university}', r.pick(V.UNIVERSITIES))
      .replaceAll('{n}', String(r.int(3, 15)))
      .replaceAll('{k}', String(r.int(2, 900)))
      .replaceAll('{m}', String(r.int(2, 30)))
      .replaceAll('{p}', String(r.int(10, 70)))
      .replaceAll('{q}', String(r.int(71, 98)));
  }
  function resume(name: string): string {
    const sentences = r.sample(V.SENTENCES, r.int(6, 10)).map(fill);
    const jobs = Array.from({ length: r.int(2, 4) }, () => `${r.pick(V.COMPANIES)}, ${r.pick(V.ROLES)}, ${r.int(2008, 2020)} to ${r.int(2021, 2025)}.`);
    return [`${name}`, `Summary. ${sentences.slice(0, 2).join(' ')}`, `Experience. ${jobs.join(' ')} ${sentences.slice(2).join(' ')}`, `Skills: ${r.sample(V.TECH, 6).join(', ')}.`].join('\n');
  }
  /** A recycled résumé: the name swapped, some employers, numbers and words changed, lines reordered. */
  function recycle(text: string, name: string): string {
    const lines = text.split('\n');
    lines[0] = name;
    let body = lines.slice(1).join('\n');
    body = body.replace(/\b\d+\b/g, (n) => (r.chance(0.4) ? String(Number(n) + r.int(1, 3)) : n));
    for (const company of V.COMPANIES) if (body.includes(company) && r.chance(0.3)) body = body.replaceAll(company, r.pick(V.COMPANIES));
    const words = body.split(' ');
    const edits = Math.floor(words.length * r.next() * 0.04);
    for (let i = 0; i < edits; i++) words[r.int(0, words.length - 1)] = r.pick(['also', 'successfully', 'key', 'critical', 'several', 'multiple']);
    const parts = words.join(' ').split('\n');
    if (r.chance(0.5) && parts.length > 2) [parts[1], parts[2]] = [parts[2], parts[1]];
    return [lines[0], ...parts].join('\n');
  }

  // --- records -------------------------------------------------------------------------------------
  const start = Date.UTC(2025, 0, 1);
  function baseRecord(name: string, resumeName: string): CorpusRecord {
    serial += 1;
    return {
      externalId: `ats-${seed}-${String(serial).padStart(5, '0')}`,
      claimedName: name,
      resumeName,
      role: r.pick(V.ROLES),
      region: r.pick(['NA', 'NA', 'NA', 'EU', 'UK', 'APAC', 'LATAM'] as const),
      source: r.pick(['job_board', 'job_board', 'referral', 'direct', 'ats_import', 'agency'] as const),
      submittedAt: new Date(start + r.int(0, 300) * 86_400_000 + r.int(0, 86_399) * 1000).toISOString(),
      identifiers: [],
      interviews: [],
      indicators: [],
    };
  }
  function interview(record: CorpusRecord, nameUsed: string, observations: string[] = []) {
    const day = new Date(Date.parse(record.submittedAt) + r.int(3, 20) * 86_400_000).toISOString().slice(0, 10);
    record.interviews.push({ date: day, kind: r.pick(['recruiter_screen', 'technical'] as const), interviewer: r.pick(['A. Moreno', 'B. Chen', 'C. Okafor', 'D. Weiss']), nameUsed, observations });
  }

  // Legitimate applicants.
  const households: { address: ReturnType<typeof address>; used: number }[] = [];
  for (let i = 0; i < legitimate; i++) {
    const p = person();
    const name = spell(p, false);
    const record = baseRecord(name, r.chance(0.9) ? name : spell(p, true));
    const mail = `${handle(p)}@${r.pick(V.PROVIDERS)}`;
    record.identifiers.push({ kind: 'email', value: r.chance(0.1) && mail.endsWith('gmail.com') ? gmailVariant(mail.split('@')[0]) : mail });
    const roll = r.next();
    if (record.source === 'agency' && r.chance(0.6)) record.identifiers.push({ kind: 'phone', value: formatPhone(r.pick(agencyPhones)) });
    else if (roll < 0.8) record.identifiers.push({ kind: 'phone', value: formatPhone(newPhoneDigits()) });
    const ipRoll = r.next();
    const ip = ipRoll < 0.25 ? r.pick(universityIps) : ipRoll < 0.45 ? r.pick(officeIps) : ipRoll < 0.6 ? r.pick(publicVpnExits) : residentialIp();
    record.identifiers.push({ kind: 'ip', value: ip });
    if (r.chance(0.3)) record.identifiers.push({ kind: 'linkedin', value: `https://www.linkedin.com/in/${ascii(p.first)}-${ascii(p.last)}-${r.hex(6)}` });
    if (r.chance(0.25)) record.identifiers.push({ kind: 'github', value: `github.com/${ascii(p.first)}${ascii(p.last)}${r.digits(2)}` });
    if (r.chance(0.15)) record.identifiers.push({ kind: 'device', value: device() });
    if (r.chance(0.2)) {
      // Now and then two people of one household apply (partners, flatmates): one address, two persons.
      const open = households.find((h) => h.used === 1);
      const home = open && r.chance(0.15) ? open : { address: address(), used: 0 };
      if (home.used === 0) households.push(home);
      home.used += 1;
      record.identifiers.push({ kind: 'address', value: formatAddress(home.address) });
    }
    if (r.chance(0.85)) record.resumeText = resume(record.resumeName);
    if (r.chance(0.5)) interview(record, r.chance(0.95) ? name : spell(p, true));
    // Honest applicants trip a minor flag now and then.
    if (r.chance(0.12)) record.indicators.push({ code: r.pick(['vpn_or_proxy', 'sparse_online_presence', 'work_hours_mismatch', 'education_unverifiable']), evidence: 'Noted during the recruiter screen.' });
    records.push(record);
    truth.set(record.externalId, null);
  }

  // Now and then an honest applicant applies again (another role, months later) with the same
  // name, email and phone: one person, not a network of identities.
  const firstApplications = records.slice();
  for (const earlier of firstApplications) {
    if (!r.chance(0.03)) continue;
    for (let again = 0; again < (r.chance(0.3) ? 2 : 1); again++) {
      const record = baseRecord(earlier.claimedName, earlier.resumeName);
      record.submittedAt = new Date(Date.parse(earlier.submittedAt) + r.int(30, 200) * 86_400_000).toISOString();
      record.identifiers = earlier.identifiers.filter((i) => i.kind !== 'ip').map((i) => ({ ...i }));
      record.identifiers.push({ kind: 'ip', value: residentialIp() });
      if (earlier.resumeText) record.resumeText = `${earlier.resumeText}\nRecent: ${fill(r.pick(V.SENTENCES))}`;
      records.push(record);
      truth.set(record.externalId, null);
    }
  }

  // Planted networks.
  for (let n = 0; n < networks; n++) {
    const label = `net-${seed}-${n}`;
    const size = r.int(3, 12);
    const operator = koreanPerson();
    const ring = {
      gmail: `${ascii(operator.last)}${ascii(operator.first)}${r.digits(2)}`,
      handle: `${ascii(operator.first)}.${ascii(operator.last)}${r.digits(3)}`,
      phones: [newPhoneDigits(), newPhoneDigits()],
      wallets: [wallet(), wallet()],
      address: address(),
      devices: [device(), device()],
      farmIp: residentialIp(),
      resume: resume(spell(operator, false)),
    };
    const members: CorpusRecord[] = [];
    const used = new Set<string>();
    for (let m = 0; m < size; m++) {
      // Cover identities: a fresh persona, or the operator's own name spelled another way.
      const p = r.chance(0.3) ? operator : person();
      const name = spell(p, true);
      const record = baseRecord(name, r.chance(0.85) ? name : spell(p, true));
      const share: Record<string, () => void> = {
        gmail: () => record.identifiers.push({ kind: 'email', value: gmailVariant(ring.gmail) }),
        handle: () => record.identifiers.push({ kind: 'email', value: `${r.chance(0.5) ? ring.handle : ring.handle.replaceAll('.', '')}@${r.pick(V.PROVIDERS.filter((x) => x !== 'gmail.com'))}` }),
        phone0: () => record.identifiers.push({ kind: 'phone', value: formatPhone(ring.phones[0]) }),
        phone1: () => record.identifiers.push({ kind: 'phone', value: formatPhone(ring.phones[1]) }),
        wallet0: () => record.identifiers.push({ kind: 'wallet', value: mixCase(ring.wallets[0]) }),
        wallet1: () => record.identifiers.push({ kind: 'wallet', value: mixCase(ring.wallets[1]) }),
        address: () => record.identifiers.push({ kind: 'address', value: formatAddress(ring.address) }),
        device0: () => record.identifiers.push({ kind: 'device', value: r.chance(0.5) ? ring.devices[0].toUpperCase() : ring.devices[0] }),
        device1: () => record.identifiers.push({ kind: 'device', value: ring.devices[1] }),
        resume: () => (record.resumeText = recycle(ring.resume, record.resumeName)),
      };
      // Every member after the first reuses something an earlier one used (so the identities
      // are connected, as an operation's are) and maybe one or two more of the ring's assets.
      const first = m === 0 ? r.pick(Object.keys(share)) : r.pick([...used]);
      const chosen = new Set([first, ...r.sample(Object.keys(share), r.int(0, 2))]);
      for (const id of chosen) {
        share[id]();
        used.add(id);
      }
      if (!record.identifiers.some((i) => i.kind === 'email')) record.identifiers.push({ kind: 'email', value: `${handle(p)}@${r.pick(V.PROVIDERS)}` });
      if (!record.identifiers.some((i) => i.kind === 'phone') && r.chance(0.6)) record.identifiers.push({ kind: 'phone', value: formatPhone(newPhoneDigits()) });
      if (!record.resumeText && r.chance(0.7)) record.resumeText = resume(record.resumeName);
      record.identifiers.push({ kind: 'ip', value: r.chance(0.5) ? ring.farmIp : r.chance(0.5) ? r.pick(publicVpnExits) : residentialIp() });
      if (r.chance(0.3)) interview(record, r.chance(0.7) ? name : spell(p, true), r.chance(0.3) ? ['high_latency'] : []);
      // Most members carry no indicator: a ring is found by its links, not by luck at an interview.
      if (r.chance(0.25)) record.indicators.push({ code: r.pick(['voip_phone', 'vpn_or_proxy', 'camera_refused', 'sparse_online_presence']), evidence: 'Observed during screening.' });
      members.push(record);
    }
    for (const record of members) {
      records.push(record);
      truth.set(record.externalId, label);
    }
  }

  // Arrival order mixes rings with everyone else, as an applicant flow does.
  return { records: r.sample(records, records.length), truth };
}
